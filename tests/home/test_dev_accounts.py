import pytest
from django import forms
from django.core.management import CommandError, call_command
from wagtail.users.models import UserProfile

from home.editorial import EDITORS, HEAD_OF_OFFICE
from home.management.commands.ensure_dev_editors import ACCOUNTS

pytestmark = pytest.mark.django_db


def test_dev_editor_accounts_get_their_groups(settings, django_user_model, capsys):
    settings.DEBUG = True
    call_command("ensure_dev_editors")
    call_command("ensure_dev_editors")

    assert list(django_user_model.objects.get(username="redaktor").groups.values_list("name", flat=True)) == [
        EDITORS
    ]
    head = django_user_model.objects.get(username="shefi")
    assert list(head.groups.values_list("name", flat=True)) == [HEAD_OF_OFFICE]
    assert head.check_password("shefi")
    assert head.has_perm("wagtailadmin.access_admin")
    for username, group in (("milica", "Translators (sr)"), ("arta", "Translators (en)")):
        translator = django_user_model.objects.get(username=username)
        assert translator.check_password(username)
        assert list(translator.groups.values_list("name", flat=True)) == [group]


def test_dev_editor_accounts_are_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_editors")


def _account_form_data(response):
    """The account settings as the browser submits them: every panel form with its current values."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                value = form[name].value()
                if isinstance(field, forms.FileField) or value is None or value is False:
                    continue
                data[form.add_prefix(name)] = "on" if value is True else value
    return data


@pytest.mark.parametrize("username", [username for username, *_rest in ACCOUNTS] + ["admin"])
def test_dev_accounts_can_change_their_admin_language(settings, client, django_user_model, username):
    settings.DEBUG = True
    # An account made before the names were set: a re-run fills them in.
    django_user_model.objects.create_user(username, f"{username}@komuna.example", username)
    call_command("ensure_dev_editors")
    call_command("ensure_dev_admin")
    user = django_user_model.objects.get(username=username)
    assert user.first_name and user.last_name
    client.force_login(user)

    data = _account_form_data(client.get("/admin/account/"))
    data["locale-preferred_language"] = "en" if data.get("locale-preferred_language") != "en" else "sq"
    response = client.post("/admin/account/", data)

    assert response.status_code == 302, response.context and [
        form.errors
        for panels in response.context["panels_by_tab"].values()
        for form in [p.get_form() for p in panels]
    ]
    assert UserProfile.get_for_user(user).preferred_language == data["locale-preferred_language"]
