from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import GroupPagePermission, Page

from home.models import StandardPage
from translations import services
from translations.models import TranslationTask

State = TranslationTask.State


def sr_task():
    return TranslationTask.objects.get(target_locale__language_code="sr")


def test_a_segment_path_reads_as_the_field_and_block_labels(db):
    page = StandardPage(
        title="Faqja",
        body=[
            {"type": "heading", "value": {"text": "Titulli", "level": "h2"}, "id": "block-1"},
            {"type": "quote", "value": {"text": "Fjala", "attribution": "Kryetari"}, "id": "block-2"},
        ],
    )
    with translation.override("en"):
        assert services.segment_label(page, "search_description") == str(
            capfirst(Page._meta.get_field("search_description").verbose_name)
        )
        assert services.segment_label(page, "body.block-1.text") == "Body › Heading › Text"
        assert services.segment_label(page, "body.block-2.attribution") == "Body › Quote › Attribution"
        # A block removed since the change was recorded names as much of the path as still exists.
        assert services.segment_label(page, "body.gone.text") == "Body"
    with translation.override("sr"):
        heading = StandardPage._meta.get_field("body").stream_block.child_blocks["heading"]
        expected = [StandardPage._meta.get_field("body").verbose_name, heading.label]
        expected.append(heading.child_blocks["text"].label)
        assert services.segment_label(page, "body.block-1.text") == " › ".join(
            str(capfirst(label)) for label in expected
        )
        assert "Body" not in services.segment_label(page, "body.block-1.text")
    assert services.segment_label(page, "no_such_field") == "no_such_field"


def test_the_task_page_names_changed_fields_by_their_label(client, serbian_translator, news_page, publish):
    task = sr_task()
    client.force_login(serbian_translator)
    services.start(task, serbian_translator)
    publish(news_page, search_description="Lajmet e komunës")
    task.refresh_from_db()
    assert [change["path"] for change in task.changed_segments] == ["search_description"]
    content = client.get(f"/admin/translations/{task.pk}/").content.decode()
    with translation.override("en"):
        label = str(capfirst(Page._meta.get_field("search_description").verbose_name))
    assert f'<td data-segment-path="search_description">{label}</td>' in content


def test_the_source_link_opens_the_editor_only_for_who_may_edit_it(
    client, serbian_translator, head_of_office, news_page
):
    task = sr_task()
    edit_url = f"/admin/pages/{news_page.pk}/edit/"
    client.force_login(head_of_office)
    assert f'href="{edit_url}"' in client.get(f"/admin/translations/{task.pk}/").content.decode()

    client.force_login(serbian_translator)
    assert not news_page.permissions_for_user(serbian_translator).can_edit()
    content = client.get(f"/admin/translations/{task.pk}/").content.decode()
    assert f'href="{edit_url}"' not in content
    assert f'href="{news_page.get_url()}"' in content  # the live public page instead

    Page.objects.filter(pk=news_page.pk).update(live=False)
    content = client.get(f"/admin/translations/{task.pk}/").content.decode()
    assert f'href="{edit_url}"' not in content
    assert f'href="{news_page.get_url()}"' not in content


def test_a_task_in_progress_is_continued_not_started(client, serbian_translator, news_page):
    task = sr_task()
    client.force_login(serbian_translator)
    url = f"/admin/translations/{task.pk}/"
    with translation.override("en"):
        start, carry_on = (
            translation.gettext("Start translating"),
            translation.gettext("Continue translating"),
        )
    content = client.get(url).content.decode()
    assert 'value="start"' in content and start in content and carry_on not in content
    client.post(url, {"action": "start"})
    task.refresh_from_db()
    assert task.state == State.IN_PROGRESS
    content = client.get(url).content.decode()
    assert start not in content and 'value="start"' not in content
    assert f'<a class="button" href="{services.editor_url(task)}">{carry_on}</a>' in content


def test_the_only_my_tasks_filter_is_a_checkbox(client, head_of_office, news_page):
    client.force_login(head_of_office)
    response = client.get("/admin/translations/")
    widget = str(response.context["filterset"].form["mine"])
    assert 'type="checkbox"' in widget and "<select" not in widget and "checked" not in widget
    with translation.override("en"):
        assert str(response.context["filterset"].form["mine"].label) == "Only my tasks"
    services.assign(sr_task(), head_of_office, user=head_of_office)
    response = client.get("/admin/translations/", {"mine": "on"})
    assert [str(task) for task in response.context["tasks"]] == ["Lajme → sr"]
    assert "checked" in str(response.context["filterset"].form["mine"])
    response = client.get("/admin/translations/", {"state": ""})
    assert sorted(str(task) for task in response.context["tasks"]) == ["Lajme → en", "Lajme → sr"]


def test_a_translator_sees_the_tasks_of_their_language_only(
    client, serbian_translator, head_of_office, news_page
):
    en_task = TranslationTask.objects.get(target_locale__language_code="en")
    client.force_login(serbian_translator)
    response = client.get("/admin/translations/")
    assert [str(task) for task in response.context["tasks"]] == ["Lajme → sr"]
    assert client.get(f"/admin/translations/{en_task.pk}/").status_code == 404
    assert client.post(f"/admin/translations/{en_task.pk}/", {"action": "take"}).status_code == 404
    en_task.refresh_from_db()
    assert en_task.assignee is None
    # Reviewers and managers keep the whole list.
    client.force_login(head_of_office)
    assert len(client.get("/admin/translations/").context["tasks"]) == 2


def test_a_page_editor_with_the_source_tree_gets_the_source_editor(
    client, make_user, translator_groups, news_page
):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Albanian editors test")
    GroupPagePermission.objects.create(
        group=group, page=news_page, permission=Permission.objects.get(codename="change_page")
    )
    user = make_user("arben", group, translator_groups["sr"])
    client.force_login(user)
    content = client.get(f"/admin/translations/{sr_task().pk}/").content.decode()
    assert f'href="/admin/pages/{news_page.pk}/edit/"' in content
