import re

import pytest
from django.contrib.messages import get_messages
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from translations import gate, services
from translations.models import TranslationTask

pytestmark = pytest.mark.usefixtures("official_home_page")


@pytest.fixture
def official_home_page(settings):
    # The real official acts (decisions, regulations, ...) live in home/; the gate is generic.
    settings.OFFICIAL_ACT_PAGE_TYPES = ["home.HomePage"]


def edit_and_publish(client, page, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": rich_text("<p>Njoftim</p>"),
            "comments": inline_formset([]),
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"})


@pytest.fixture
def refused(client, head_of_office, home_pages, translator_groups, django_capture_on_commit_callbacks):
    client.force_login(head_of_office)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_and_publish(client, home_pages["sq"], "Vendim për buxhetin")
    return response


def test_publishing_an_official_act_without_serbian_is_refused(refused, home_pages):
    assert refused.status_code == 302
    assert refused.url == f"/admin/pages/{home_pages['sq'].pk}/edit/"
    message = str(next(iter(get_messages(refused.wsgi_request))))
    assert "official act" in message and "Nothing was published" in message
    assert "/admin/translations/gate/" in message
    page = HomePage.objects.get(pk=home_pages["sq"].pk)
    assert page.title == "Komuna"  # the live version is unchanged
    assert page.get_latest_revision_as_object().title == "Vendim për buxhetin"  # nothing lost
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    changes = {change["path"]: change["after"] for change in task.changed_segments}
    assert changes["title"] == "Vendim për buxhetin"


def test_other_page_types_are_not_gated(
    settings, client, head_of_office, home_pages, django_capture_on_commit_callbacks
):
    settings.OFFICIAL_ACT_PAGE_TYPES = ["home.DecisionPage"]
    client.force_login(head_of_office)
    with django_capture_on_commit_callbacks(execute=True):
        edit_and_publish(client, home_pages["sq"], "Komuna e re")
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Komuna e re"


def test_publish_together_publishes_source_and_ready_translation(
    refused,
    client,
    head_of_office,
    home_pages,
    serbian_translator,
    fill_translation,
    django_capture_on_commit_callbacks,
):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    response = client.get(f"/admin/translations/gate/{home_pages['sq'].pk}/")
    # One whole phrase per language, the language named once.
    assert re.search(
        r"<li>Serbian: (not translated yet|\d+ segments? translated out of \d+)</li>",
        response.content.decode(),
    )
    with translation.override("en"), pytest.raises(gate.GateError, match="official act"):
        gate.publish_together(home_pages["sq"], head_of_office)

    fill_translation(task, lambda text, path: {"title": "Одлука о буџету", "slug": "home-sr"}.get(path, text))
    assert b"ready" in client.get(f"/admin/translations/gate/{home_pages['sq'].pk}/").content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/translations/gate/{home_pages['sq'].pk}/", {"action": "publish_together"}
        )
    assert response.status_code == 302
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Vendim për buxhetin"
    sr = HomePage.objects.get(pk=home_pages["sr"].pk)
    assert sr.live and sr.title == "Одлука о буџету"
    task.refresh_from_db()
    assert task.state == TranslationTask.State.DONE


def test_head_of_office_overrides_with_a_reason_in_the_audit_log(
    refused, client, head_of_office, home_pages, django_capture_on_commit_callbacks
):
    url = f"/admin/translations/gate/{home_pages['sq'].pk}/"
    client.post(url, {"action": "override", "reason": "short"})
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Komuna"
    reason = "Afati ligjor skadon sot; përkthimi serb vjen nesër."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "override", "reason": reason})
    assert HomePage.objects.get(pk=home_pages["sq"].pk).title == "Vendim për buxhetin"
    entry = PageLogEntry.objects.get(action=gate.OVERRIDE_ACTION, page=home_pages["sq"])
    assert entry.user == head_of_office
    assert entry.data == {"reason": reason, "missing_locales": ["sr"]}
    # The missing language by name, in the reader's language (here the site's, Albanian).
    with translation.override("sq"):
        expected = translation.gettext(
            "Published without the official translation (%(locales)s). Reason: %(reason)s"
        ) % {"locales": translation.gettext("Serbian"), "reason": reason}
    assert entry.message == expected
    # The page history shows it too.
    assert reason in client.get(f"/admin/pages/{home_pages['sq'].pk}/history/").content.decode()


def test_override_needs_the_permission(refused, home_pages, make_user, translator_groups):
    editor = make_user("arben", is_superuser=False)
    with translation.override("en"), pytest.raises(gate.GateError, match="head of office"):
        gate.override(home_pages["sq"], editor, "Arsye mjaft e gjatë për testim.")
