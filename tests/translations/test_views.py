import datetime

from django.utils import timezone, translation
from django.utils.text import capfirst
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from translations import script_check, services
from translations.models import TranslationTask

State = TranslationTask.State


def test_task_list_filters(client, head_of_office, news_page, home_pages, publish):
    publish(home_pages["sq"], title="Komuna e re")
    TranslationTask.objects.filter(
        translation_key=news_page.translation_key, target_locale__language_code="en"
    ).update(due_at=timezone.now() - datetime.timedelta(hours=2))
    client.force_login(head_of_office)

    def titles(**params):
        response = client.get("/admin/translations/", params)
        assert response.status_code == 200
        return sorted(str(task) for task in response.context["tasks"])

    assert titles() == ["Komuna e re → en", "Komuna e re → sr", "Lajme → en", "Lajme → sr"]
    assert titles(target_locale=home_pages["sr"].locale_id) == ["Komuna e re → sr", "Lajme → sr"]
    assert titles(state="update_needed") == ["Komuna e re → en", "Komuna e re → sr"]
    assert titles(due="overdue") == ["Lajme → en"]
    assert titles(content_type=news_page.content_type_id) == ["Lajme → en", "Lajme → sr"]


def test_translator_takes_starts_and_comments_through_the_task_page(client, serbian_translator, news_page):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    client.force_login(serbian_translator)
    url = f"/admin/translations/{task.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "take"})
    task.refresh_from_db()
    assert (task.assignee, task.state) == (serbian_translator, State.ASSIGNED)
    response = client.post(url, {"action": "start"})
    target = Page.objects.get(translation_key=news_page.translation_key, locale__language_code="sr")
    assert response.url == f"/admin/pages/{target.pk}/edit/"  # the wagtail-localize editor
    assert not target.live
    client.post(url, {"action": "comment", "text": "Да ли је ово коначни наслов?"})
    assert task.comments.get().author == serbian_translator
    # A refused transition explains itself.
    response = client.post(url, {"action": "approve"}, follow=True)
    assert "Only a reviewer can approve" in response.content.decode()


def test_dashboard_shows_my_tasks(client, serbian_translator, news_page, head_of_office):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.assign(task, head_of_office, user=serbian_translator)
    TranslationTask.objects.filter(pk=task.pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(serbian_translator)
    content = client.get("/admin/").content.decode()
    assert "My translation tasks" in content
    assert f'href="/admin/translations/{task.pk}/"' in content
    assert "1 task is overdue." in content
    en_task = TranslationTask.objects.get(target_locale__language_code="en")
    assert f'href="/admin/translations/{en_task.pk}/"' not in content


def test_latin_in_a_serbian_translation_is_flagged_and_converted(
    client, serbian_translator, news_page, fill_translation
):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    fill_translation(task, lambda text, path: {"title": "Vesti opštine", "slug": "vesti"}[path])
    assert [(st.context.path, words) for st, words in script_check.latin_in_task(task)] == [
        ("title", ["Vesti", "opštine"])
    ]
    client.force_login(serbian_translator)
    url = f"/admin/translations/{task.pk}/"
    assert "Convert to Cyrillic" in client.get(url).content.decode()
    client.post(url, {"action": "convert_cyrillic"})
    assert (
        StringTranslation.objects.get(locale=task.target_locale, context__path="title").data
        == "Вести општине"
    )
    # The slug is an address, not text: it stays Latin.
    assert StringTranslation.objects.get(locale=task.target_locale, context__path="slug").data == "vesti"
    assert script_check.latin_in_task(task) == []


def test_editing_a_serbian_page_warns_about_latin_with_one_click_fix(
    client, head_of_office, home_pages, django_capture_on_commit_callbacks
):
    sr = home_pages["sr"]
    sr.title = "Opština"
    sr.save_revision()
    client.force_login(head_of_office)
    response = client.get(f"/admin/pages/{sr.pk}/edit/", follow=True)
    content = response.content.decode()
    assert "Opština" in content and "Convert to Cyrillic" in content
    client.post(f"/admin/translations/cyrillic/{sr.pk}/")
    assert Page.objects.get(pk=sr.pk).get_latest_revision_as_object().title == "Општина"


def test_the_latin_warning_reads_only_translated_text(home_pages, django_capture_on_commit_callbacks):
    """Segments still untranslated show the Albanian source: they are not the translator's Latin."""
    from home.localization import translate_with

    source = home_pages["sq"]
    source.search_description = "Lajme të Komunës"
    source.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_with(source, "sr", lambda text, path: {"title": "Opština"}.get(path), publish=False)
    found = script_check.latin_in_page(Page.objects.get(pk=home_pages["sr"].pk))
    assert found == {"title": ["Opština"]}


def test_english_pages_are_not_checked_for_latin(home_pages):
    assert script_check.latin_in_page(home_pages["en"]) == {}


def test_task_list_and_dashboard_queries_do_not_grow_with_tasks(client, head_of_office, home_pages, publish):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(head_of_office)

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    def add_pages(count):
        for index in range(count):
            slug = f"njoftim-{TranslationTask.objects.count()}-{index}"
            publish(home_pages["sq"].add_child(instance=Page(title=slug, slug=slug, live=False)))
        TranslationTask.objects.update(assignee=head_of_office, state=State.ASSIGNED)

    add_pages(1)
    few = queries("/admin/translations/"), queries("/admin/")
    add_pages(4)
    assert (queries("/admin/translations/"), queries("/admin/")) == few


def test_a_task_action_is_confirmed_in_the_translators_admin_language(client, serbian_translator, news_page):
    # The site's language (sq) is active around the view; the message must not be resolved in it.
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=serbian_translator).update(preferred_language="sr")
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    client.force_login(serbian_translator)
    response = client.post(f"/admin/translations/{task.pk}/", {"action": "take"}, follow=True)
    with translation.override("sr"):
        expected = translation.gettext("The task is yours.")
    assert [str(message) for message in response.context["messages"]] == [expected]
    with translation.override("sq"):
        assert translation.gettext("The task is yours.") != expected


def test_the_type_filter_names_the_content_type_not_its_app(client, head_of_office, news_page):
    client.force_login(head_of_office)
    with translation.override("en"):
        response = client.get("/admin/translations/")
    choices = [label for _value, label in response.context["filterset"].form.fields["content_type"].choices]
    assert str(capfirst(news_page._meta.verbose_name)) in choices
    assert not [label for label in choices if "|" in str(label)]
