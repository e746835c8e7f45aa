"""The admin in the reader's language: an Albanian editor and head of office, a Serbian translator.

Each journey runs twice over the same screens: once in English, where every label listed for a
screen must appear (so the lists are real and the check cannot pass vacuously), and once in
Albanian or Serbian, where none of them may appear. Text that is data (titles, user and group
names, workflow names) is not a label and is not listed.

English that remains and has no msgid in any catalog (upstream gaps) is excluded with a comment
where it would otherwise match; docs/translations.md lists it.
"""

import gettext as gettext_module
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from documents.models import Document
from documents.pdf import build_pdf
from home.editorial import EDITORS, HEAD_OF_OFFICE, WORKFLOW_NAME, ensure_editorial_setup
from home.factories import NewsIndexPageFactory, NewsPageFactory
from home.localization import translate_with
from home.models import NewsPage
from translations.groups import ensure_translator_groups
from translations.models import TranslationTask
from translations.services import sync_tasks_for_source
from translations.setup import ensure_translation_editorial_setup

from .conftest import open_footer_actions, users_in_groups

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")

TITLE = "Komuna hap qendrën e re për informim të qytetarëve"
SUMMARY = "Qendra e re u shërben qytetarëve çdo ditë pune nga ora 8 deri në 16."
SERBIAN_TITLE = "Општина отвара нови центар за информисање грађана"
SERBIAN_SUMMARY = "Нови центар служи грађанима сваког радног дана од 8 до 16 часова."

# The admin's frame, on every screen.
FRAME = ["Skip to main content", "Search", "Pages", "Reports", "Help", "new items in this menu"]

# Wagtail's English labels as they appear on each screen of the journeys (checked in English).
EDITOR_SCREENS = {
    "account": [
        "Account",
        "Profile",
        "Notifications",
        "Name and Email",
        "First Name",
        "Last Name",
        "Profile picture",
        "Preferred language",
        "Current time zone",
        "Theme preferences",
        "Admin theme",
        "Keyboard shortcuts",
        "Password",
        "Old password",
        "New password",
        "Save",
    ],
    "dashboard": [
        "Images",
        "Documents",
        "Content by type",
        "Reference data",
        "Translation tasks",
        "Site summary",
        "created in",
        "editor guide",
        "My translation tasks",
        "No open translation tasks",
    ],
    "document upload": [
        "New",
        "Document",
        "Title",
        "File",
        "Maximum filesize",
        "Tags",
        "Multi-word tags",
        "Document type",
        "Reference number",
        "Date issued",
        "Issuing body",
        "Language",
        "Language version of",
        "Upload",
    ],
    "document listing": [
        "added",
        "Edit",
        "Add a document",
        "Search term",
        "Title",
        "Usage",
        "Used 0 times",
        "Page 1 of 1",
    ],
    "page editor": [
        "New",
        "News item",
        "Collapse all",
        "Title",
        "Summary",
        "Listing image",
        "Body",
        "Content",
        "Promote",
        "Choose an image",
        "Lead image",
        "Topics",
        "Save draft",
        "More actions",
        "Submit to",
    ],
    "submitted": [
        "created and submitted for moderation",
        "View draft",
        "Edit",
        "Exploring",
        "Title",
        "Updated",
        "Type",
        "Status",
        "Just now",
        "News item",
        "IN MODERATION",
    ],
    "in moderation": ["This page is awaiting", "workflow", "Only reviewers", "Editing", "Cancel workflow"],
}
HEAD_SCREENS = {
    "dashboard": [
        "Site summary",
        "Awaiting your review",
        "Privacy and access",
        "Task submitted by",
        "Task started",
        "Translations waiting for your review",
    ],
    "review": [
        "Editing",
        "Title",
        "Summary",
        "Content",
        "Promote",
        "Save draft",
        "Publish",
        "Cancel workflow",
        "Request changes",
        "Approve",
        "Approve with comment",
    ],
    "approved": ["has been updated", "Exploring", "LIVE", "Just now"],
    "history": ["History", "Action", "User", "Date", "Published", "LIVE VERSION", "Approved at", "Created"],
}
# Names that are data, not labels, stay as they were written and are not listed: the workflow
# "Review by head of office" and its tasks (home.editorial, translations.setup), the group
# "Translators (sr)", users, page titles, file names and MIME types.
#
# wagtail-localize writes these two in its editor's script without gettext, so no catalog can
# translate them (wagtail_localize/static/wagtail_localize/js/wagtail-localize.js): the heading
# "<source> to <target> translation" and the footer toggle's screen-reader text "More actions".
# In English they must show like any label; in Serbian they are the only English allowed.
LOCALIZE_EDITOR_UNTRANSLATABLE = {"to", "translation", "More actions"}
TRANSLATOR_SCREENS = {
    "dashboard": [
        "Translation tasks",
        "Site summary",
        "My translation tasks",
        "Source",
        "Locale",
        "State",
        "Due",
        "Unassigned",
        "All my tasks",
    ],
    "task list": [
        "All locales",
        "All states",
        "Any time",
        "All types",
        "Only my tasks",
        "Filter",
        "Assignee",
    ],
    "task": [
        "State",
        "Locale",
        "Assignee",
        "Due",
        "Progress",
        "Not started",
        "Take this task",
        "Start translating",
        "Comments",
        "No comments yet",
        "Add comment",
    ],
    "translation editor": [
        "Translation started",
        "This page is translated in a translation task",
        "Back to the task",
        "Content",
        "Promote",
        "Download PO file",
        "Upload PO file",
        "Translate all missing strings",
        "Title",
        "Summary",
        "Translate",
        "Lock",
        "Preview",
        *sorted(LOCALIZE_EDITOR_UNTRANSLATABLE),
    ],
    # The date after "Translated manually on" is wagtail-localize's strftime("%-d %B %Y"), so its
    # month is English in every language (StringTranslation.get_comment): the month is not listed.
    "translated": [
        "Title",
        "Summary",
        "Translated manually on",
        "Lock",
        "Preview",
        *sorted(LOCALIZE_EDITOR_UNTRANSLATABLE),
    ],
    "submitted": ["Submitted for review", "In review", "Progress", "Comments"],
}


def visible_text(page):
    """What the reader sees: the rendered text, the visible placeholders, only the chosen option of a list."""
    page.wait_for_load_state("networkidle")
    lines = Counter(page.locator("body").inner_text().splitlines())
    lines.subtract(
        page.locator("select option:not(:checked)").evaluate_all("(options) => options.map((o) => o.text)")
    )
    placeholders = page.locator("input[placeholder]:visible, textarea[placeholder]:visible").evaluate_all(
        "(fields) => fields.map((field) => field.placeholder)"
    )
    return "\n".join([*lines.elements(), *placeholders])


def contains(text, label):
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text) is not None


class Screens:
    """Checks each screen against its English labels: all present in English, none in another language."""

    def __init__(self, page, language):
        self.page, self.language = page, language
        self.seen = []

    def check(self, name, labels, allowed=()):
        text = visible_text(self.page)
        labels = [*FRAME, *labels]
        self.seen.append(name)
        if self.language == "en":
            missing = [label for label in labels if not contains(text, label)]
            assert not missing, f"{name}: English labels not shown {missing}\n{text}"
        else:
            english = [label for label in labels if label not in allowed and contains(text, label)]
            assert not english, f"{name} in {self.language}: English labels {english}\n{text}"
        return text


def js_gettext(language, message):
    """A string of the admin's script catalog (djangojs) in ``language``, as the browser gets it."""
    directory = Path(settings.BASE_DIR) / "locale" / "vendor"
    catalog = gettext_module.translation(
        "djangojs", directory, [translation.to_locale(language)], fallback=True
    )
    return catalog.gettext(message)


def in_language(language, message):
    with translation.override(language):
        return translation.gettext(message)


def set_admin_language(user, language):
    UserProfile.objects.filter(user=user).update(preferred_language=language)


@pytest.fixture
def news_index(home_pages):
    index = NewsIndexPageFactory(parent=home_pages["sq"])
    translate_with(index, "sr", lambda text, path: {"slug": "vesti", "title": "Вести"}.get(path))
    # A transactional test before this one flushed the migrations' groups, permissions and workflow.
    ensure_editorial_setup()
    ensure_translation_editorial_setup()
    ensure_translator_groups()
    return index


@pytest.mark.parametrize("language", ["en", "sq"])
def test_albanian_editor_and_head_of_office_work_in_albanian(
    page, live_server, admin_login, news_index, django_user_model, language
):
    staff = users_in_groups(django_user_model, (("redaktore", EDITORS), ("shefi", HEAD_OF_OFFICE)))
    # The account form requires a name and an e-mail address.
    django_user_model.objects.filter(pk=staff["redaktore"].pk).update(
        first_name="Arta", last_name="Berisha", email="arta.berisha@example.org"
    )
    set_admin_language(staff["shefi"], language)
    screens = Screens(page, language)

    # 1. The editor starts in the test default (English) and chooses her language under Account.
    admin_login(username="redaktore")
    page.goto(f"{live_server.url}/admin/account/")
    page.select_option("select[name='locale-preferred_language']", language)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert UserProfile.get_for_user(staff["redaktore"]).preferred_language == language
    page.goto(f"{live_server.url}/admin/account/")
    screens.check("account", EDITOR_SCREENS["account"])
    assert page.locator("html").get_attribute("lang") == language

    page.goto(f"{live_server.url}/admin/")
    screens.check("dashboard", EDITOR_SCREENS["dashboard"])

    # 2. She uploads the meeting's minutes.
    page.goto(f"{live_server.url}/admin/documents/add/")
    screens.check("document upload", EDITOR_SCREENS["document upload"])
    pdf = build_pdf("Procesverbal i mbledhjes", ["Rendi i ditës i mbledhjes së Kuvendit."])
    page.set_input_files(
        "#id_file", {"name": "procesverbal.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    page.fill("#id_title", "Procesverbali i marsit")
    page.fill("#id_reference_number", "02-110/3")
    page.click("form[enctype='multipart/form-data'] button[type=submit]")
    page.wait_for_url(lambda url: url.rstrip("/").endswith("/admin/documents"))
    assert Document.objects.filter(title="Procesverbali i marsit").exists()
    screens.check("document listing", EDITOR_SCREENS["document listing"])

    # 3. She writes the news item and submits it to the head of office's review.
    page.goto(f"{live_server.url}/admin/pages/add/home/newspage/{news_index.pk}/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    if language == "sq":
        screenshot(page, "admin-sq-page-editor.png")
    open_footer_actions(page)
    text = screens.check("page editor", EDITOR_SCREENS["page editor"])
    # The workflow's name is data, named once by home.editorial; Wagtail's label around it is translated.
    submit = in_language(language, "Submit to %(workflow_name)s") % {"workflow_name": WORKFLOW_NAME}
    assert submit in text
    with page.expect_navigation():
        page.click("button[name=action-submit]")
    screens.check("submitted", EDITOR_SCREENS["submitted"])
    news = NewsPage.objects.get(title=TITLE)
    assert not news.live
    page.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    screens.check("in moderation", EDITOR_SCREENS["in moderation"])

    # 4. The head of office finds it on her dashboard, approves it (which publishes it) and reads its history.
    page.context.clear_cookies()
    admin_login(username="shefi")
    screens.check("head: dashboard", HEAD_SCREENS["dashboard"])
    page.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    open_footer_actions(page)
    screens.check("head: review", HEAD_SCREENS["review"])
    with page.expect_navigation():
        page.locator(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).click()
    screens.check("head: approved", HEAD_SCREENS["approved"])
    news.refresh_from_db()
    assert news.live
    page.goto(f"{live_server.url}/admin/pages/{news.pk}/history/")
    screens.check("head: history", HEAD_SCREENS["history"])
    assert len(screens.seen) == len(EDITOR_SCREENS) + len(HEAD_SCREENS)


@pytest.mark.parametrize("language", ["en", "sr"])
def test_serbian_translator_works_in_cyrillic(
    page, live_server, admin_login, news_index, django_user_model, language
):
    translator = users_in_groups(django_user_model, (("prevodilac", "Translators (sr)"),))["prevodilac"]
    set_admin_language(translator, language)
    news = NewsPageFactory(parent=news_index, title=TITLE, summary=SUMMARY)
    sync_tasks_for_source(news)
    task = TranslationTask.objects.get(
        translation_key=news.translation_key, target_locale__language_code="sr"
    )
    screens = Screens(page, language)

    def check(name, cyrillic_msgids=(), allowed=()):
        text = screens.check(name, TRANSLATOR_SCREENS[name], allowed)
        if language == "sr":
            # Not only no English: the labels are Serbian, in Cyrillic.
            for msgid in ("Pages", *cyrillic_msgids):
                label = in_language("sr", msgid)
                assert CYRILLIC.search(label) and contains(text, label), f"{name}: {label!r} ({msgid})"
            assert page.locator("html").get_attribute("lang") == language
        return text

    # 1. The translator finds her task on the dashboard and in the task list.
    admin_login(username="prevodilac")
    check("dashboard", ("My translation tasks", "Unassigned"))
    page.goto(f"{live_server.url}/admin/translations/")
    text = check("task list", ("All locales", "Only my tasks"))
    assert "Home and content" not in text
    page.goto(f"{live_server.url}/admin/translations/{task.pk}/")
    check("task", ("Start translating", "Progress"))

    # 2. She starts it; wagtail-localize's editor opens, and she translates title, summary and slug.
    with page.expect_navigation():
        page.click("button[name=action][value=start]")
    check(
        "translation editor",
        ("Translation started: the editor is ready.", "Back to the task"),
        allowed=LOCALIZE_EDITOR_UNTRANSLATABLE,
    )
    with translation.override(language):
        labels = {
            "title": str(capfirst(NewsPage._meta.get_field("title").verbose_name)),
            "summary": str(capfirst(NewsPage._meta.get_field("summary").verbose_name)),
            "slug": str(capfirst(NewsPage._meta.get_field("slug").verbose_name)),
            "promote": translation.gettext("Promote"),
            "content": translation.gettext("Content"),
        }
    page.get_by_role("tab", name=labels["promote"]).click()
    translate_segment(page, language, labels["slug"], "novi-centar-za-informisanje")
    page.get_by_role("tab", name=labels["content"]).click()
    translate_segment(page, language, labels["title"], SERBIAN_TITLE)
    translate_segment(page, language, labels["summary"], SERBIAN_SUMMARY)
    if language == "sr":
        screenshot(page, "admin-sr-translation-editor.png")
    check("translated", ("Promote", "Back to the task"), allowed=LOCALIZE_EDITOR_UNTRANSLATABLE)

    # 3. She submits it for review.
    page.goto(f"{live_server.url}/admin/translations/{task.pk}/")
    with page.expect_navigation():
        page.click("button[name=action][value=submit]")
    expect(page.locator("[data-task-state]")).to_have_attribute("data-task-state", "in_review")
    check("submitted", ("Submitted for review.", "In review"))
    target = NewsPage.objects.get(translation_key=news.translation_key, locale__language_code="sr")
    assert target.title == SERBIAN_TITLE and not target.live
    assert screens.seen == list(TRANSLATOR_SCREENS)


def screenshot(page, name):
    """docs/screenshots/<name>: the screen as a reader finds it, nothing focused, taller than the test's window."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.mouse.move(0, 0)
    size = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": 1200})
    # From the top, as a reader arrives.
    page.mouse.move(700, 500)
    page.mouse.wheel(0, -10_000)
    page.mouse.move(0, 0)
    page.wait_for_function("window.scrollY === 0")
    page.screenshot(path=SCREENSHOTS / name)
    page.set_viewport_size(size)


def translate_segment(page, language, label, text):
    """Translate one segment of the visible tab in wagtail-localize's editor (saved as soon as it is saved)."""
    segment = page.locator(f"li:visible:has(> h3:text-is('{label}')) > ul > li")
    segment.get_by_role("button", name=js_gettext(language, "Translate"), exact=True).click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name=js_gettext(language, "Save"), exact=True).click()
    expect(segment).not_to_have_class(re.compile("incomplete"))
    expect(segment.locator("textarea")).to_have_count(0)  # saved, not still saving
