"""The admin speaks the site's language to a new account, and each permitted language by choice."""

import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_a_new_account_gets_the_site_language_whatever_the_browser_says(client, django_user_model, settings):
    settings.ADMIN_DEFAULT_LANGUAGE = settings.LANGUAGE_CODE  # as in production (tests use English)
    user = django_user_model.objects.create_superuser("ilir", "ilir@komuna.example", "pass")
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert UserProfile.get_for_user(user).preferred_language == settings.LANGUAGE_CODE == "sq"
    assert response.status_code == 200
    assert '<html lang="sq"' in response.content.decode()


def test_the_permitted_languages_are_named_in_themselves(settings):
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == [
        "sq",
        "sr",
        "sr-latn",
        "en",
    ]


@pytest.mark.parametrize(
    ("language", "word"),
    [("sr", "Контролна табла"), ("sr-latn", "Kontrolna tabla"), ("sq", "Përmbledhje e sajtit")],
)
def test_the_admin_in_albanian_and_serbian_in_either_script(client, django_user_model, language, word):
    user = django_user_model.objects.create_superuser(f"u-{language}", f"{language}@komuna.example", "pass")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert f'<html lang="{language}"' in html
    assert word in html
