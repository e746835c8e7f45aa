"""A crawl of the demo website in every reading language, as a citizen (or a search engine) meets it.

From each language's home page (and its search page), every internal link is followed:
every one answers 200 (after at most one redirect); the Albanian and Serbian pages show
none of the templates' English labels; the Serbian Latin pages no Cyrillic; every page
names all its language versions with absolute addresses on the Site's host, has a meta
description, the main menu (with the calendar) and the footer.

The demo data is loaded once for the module (it takes most of the time); the tests read
what the crawl recorded. They run last and the database is flushed after them.
"""

import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from cms.public import public_pages
from events.models import EventIndexPage
from home.models import HomePage
from home.setup import ensure_locales
from tests.conftest import ensure_default_site
from translations.latin_site import LATIN, latin_url
from translations.transliteration import to_latin

pytestmark = [pytest.mark.flushes_database, pytest.mark.django_db]

ROOT = Path(settings.BASE_DIR)
#: Where ``make run`` serves: absolute addresses must carry this host and port.
HOSTNAME, PORT = "komuna.example", 8000
READING_LANGUAGES = ("sq", "sr", LATIN, "en")
CONTENT_LANGUAGE = {"sq": "sq", "sr": "sr", LATIN: "sr", "en": "en"}
CATALOG = {"sq": "sq", "sr": "sr", LATIN: "sr"}
SEARCH_QUERY = {"sq": "buxheti", "sr": "буџет", LATIN: "budzet", "en": "budget"}

PUBLIC_TEMPLATES = [
    "cms/templates/base.html",
    *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "home/templates").rglob("*.html")),
    *sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "events/templates/events").rglob("*.html")
        if path.relative_to(ROOT / "events/templates/events").parts[0] not in ("admin", "email")
    ),
    "search/templates/search/search.html",
]
TRANSLATE_TAG = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")
TRANSLATE_CALL = re.compile(r"""\b_\((["'])(.+?)\1\)""")
BLOCK_TRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b[^%]*%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL
)
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
#: What Django's date filters write in English, and the clock words of its English formats.
MONTHS = "January February March April May June July August September October November December"
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
DATE_WORDS = [
    *MONTHS.split(),
    *DAYS.split(),
    *(day[:3] for day in DAYS.split()),
    *("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
    *("a.m.", "p.m.", "noon", "midnight"),
]
CYRILLIC = re.compile(r"[\u0400-\u052f]")
#: Attributes a reader meets (read aloud, shown on hover or in results); codes and URLs are not.
READABLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
REDIRECTS = {301, 302, 303, 307, 308}


def template_labels():
    """Every English msgid the public templates show, whole or (around placeholders) in parts."""
    labels = set()
    for name in PUBLIC_TEMPLATES:
        source = (ROOT / name).read_text()
        labels |= {match.group(2) for match in TRANSLATE_TAG.finditer(source)}
        labels |= {match.group(2) for match in TRANSLATE_CALL.finditer(source)}
        for block in BLOCK_TRANSLATE.finditer(source):
            labels |= {part.strip() for part in PLACEHOLDER.split(block.group(1))}
    return sorted(label for label in labels if re.search(r"[A-Za-z]{3}", label))


def english_labels(language):
    """The labels that must not appear in ``language``: all, less those its catalog keeps as they are."""
    catalog = polib.pofile(str(ROOT / "locale" / CATALOG[language] / "LC_MESSAGES" / "django.po"))
    # Serbian "Статус" is "Status" in Latin script: the same word, not an English one.
    script = to_latin if language == LATIN else str
    kept = {entry.msgid for entry in catalog if script(entry.msgstr) == entry.msgid and not entry.msgctxt}
    return [label for label in [*template_labels(), *DATE_WORDS] if label not in kept]


class PageReader(HTMLParser):
    """Text (with the language it is marked in), readable attributes, links and head metadata."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.open = []  # (tag, lang, opens the main menu) of the open elements
        self.skipping = 0  # inside <script> or <style>
        self.texts = []  # (text, lang)
        self.readable = []  # (attribute, value, lang)
        self.attribute_values = []
        self.links = []
        self.alternates = defaultdict(list)
        self.description = None
        self.classes = set()
        self.menu_links = []
        self._in_menu = 0

    def _current_lang(self):
        return self.open[-1][1] if self.open else self.lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or self._current_lang()
        if tag == "html":
            self.lang = lang
        for name, value in attrs.items():
            if value:
                self.attribute_values.append(value)
                if name in READABLE_ATTRIBUTES:
                    self.readable.append((name, value, lang))
        self.classes |= set((attrs.get("class") or "").split())
        if tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content") or ""
            self.readable.append(("content", self.description, lang))
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if self._in_menu:
                self.menu_links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("href"):
            if attrs.get("hreflang"):
                self.alternates[attrs["hreflang"]].append(attrs["href"])
            self.links.append(attrs["href"])
        if tag in ("script", "style"):
            self.skipping += 1
        if tag not in VOID_ELEMENTS:
            in_menu = tag == "ul" and "main-menu" in (attrs.get("class") or "").split()
            self._in_menu += in_menu
            self.open.append((tag, lang, in_menu))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        if any(open_tag == tag for open_tag, _lang, _menu in self.open):
            while self.open:
                open_tag, _lang, in_menu = self.open.pop()
                self._in_menu -= in_menu
                if open_tag == tag:
                    break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append((" ".join(data.split()), self._current_lang()))


@dataclass
class Crawl:
    client: Client
    root_url: str
    pages: dict = field(default_factory=dict)  # path → PageReader of every HTML page read
    statuses: dict = field(default_factory=dict)  # path → final status
    linked_from: dict = field(default_factory=dict)

    def local(self, url, base):
        """The path (and query) of an internal ``url`` found on ``base``, else None."""
        url = urljoin(base, url)
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https"):
            return None  # mailto:, tel:
        if parts.netloc and parts.netloc not in ("testserver", f"{HOSTNAME}:{PORT}"):
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def fetch(self, path):
        response = self.client.get(path)
        if response.status_code in REDIRECTS:
            response.close()
            response = self.client.get(self.local(response["Location"], path))
        return response

    def run(self, starts):
        queue = list(starts)
        seen = set(queue)
        while queue:
            path = queue.pop(0)
            response = self.fetch(path)
            self.statuses[path] = response.status_code
            html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
            query = urlsplit(path).query
            # Pagination is followed; the calendar's months (without end) and searches are only checked.
            follow = html and (not query or re.fullmatch(r"page=\d+", query) or path in starts)
            if not follow:
                response.close()
                continue
            reader = PageReader()
            reader.feed(response.content.decode())
            self.pages[path] = reader
            for href in reader.links:
                target = self.local(href, path)
                if target is None or target.split("?")[0].startswith(("/static/", "/media/")):
                    continue
                target = target.split("#")[0]
                if target and target not in seen:
                    seen.add(target)
                    self.linked_from[target] = path
                    queue.append(target)
        return self


def search_url(language, query=None):
    with translation.override(language):
        return reverse("search") + (f"?{urlencode({'query': query})}" if query else "")


def _versions():
    """Every public page by its path in every reading language, with its language versions."""
    by_path = {}
    pages = public_pages(Page.objects.live().filter(depth__gt=1), None).select_related("locale").specific()
    for page in pages:
        versions = {}
        for version in public_pages(Page.objects.filter(translation_key=page.translation_key), None):
            code, full_url = version.locale.language_code, version.get_full_url()
            versions[code] = full_url
            if code == "sr":
                versions[LATIN] = latin_url(full_url)
        path = page.get_url()
        language = page.locale.language_code
        by_path[path] = (page, language, versions)
        if language == "sr":
            by_path[latin_url(path)] = (page, LATIN, versions)
    return by_path


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_locales()
        site = ensure_default_site({locale.language_code: locale for locale in Locale.objects.all()})
        call_command("load_demo_data", stdout=io.StringIO())
        site = Site.objects.get(pk=site.pk)
        site.hostname, site.port = HOSTNAME, PORT
        site.save()
        homes = {page.locale.language_code: page for page in HomePage.objects.live().select_related("locale")}
        starts = []
        for language in READING_LANGUAGES:
            home = homes[CONTENT_LANGUAGE[language]].get_url()
            starts.append(latin_url(home) if language == LATIN else home)
            starts.append(search_url(language, SEARCH_QUERY[language]))
        result = Crawl(Client(), site.root_url).run(starts)
        result.versions = _versions()
        result.calendars = {
            page.locale.language_code: page.get_url()
            for page in EventIndexPage.objects.live().select_related("locale")
        }
        result.starts = starts
        yield result
        call_command("flush", interactive=False, verbosity=0)


def test_the_crawl_reads_every_page_type_in_every_language(crawl):
    for language in READING_LANGUAGES:
        read = {
            type(crawl.versions[path][0])
            for path, reader in crawl.pages.items()
            if path in crawl.versions and reader.lang == language
        }
        expected = {type(page) for page, lang, _versions in crawl.versions.values() if lang == language}
        assert read == expected, (language, expected - read)
        assert len(expected) >= 17, language  # home, calendar, event, meeting, 7 indexes and their items
    for start in crawl.starts:
        assert start in crawl.pages, start


def test_every_internal_link_answers(crawl):
    failed = {path: status for path, status in crawl.statuses.items() if status != 200}
    assert not failed, {path: (status, crawl.linked_from.get(path)) for path, status in failed.items()}


def label_patterns(language):
    return {label: re.compile(rf"(?<!\w){re.escape(label)}(?!\w)") for label in english_labels(language)}


def english_labels_on(reader, patterns):
    """The labels found in the text and readable attributes marked in the page's own language."""
    texts = [text for text, lang in reader.texts if lang == reader.lang]
    texts += [value for _name, value, lang in reader.readable if lang == reader.lang]
    return {label for label, pattern in patterns.items() if any(pattern.search(text) for text in texts)}


def cyrillic_on(reader):
    """Cyrillic text and attribute values; only text marked lang="sr" (the switcher's way back) may be."""
    found = [text for text, lang in reader.texts if lang != "sr" and CYRILLIC.search(text)]
    return found + [value for value in reader.attribute_values if CYRILLIC.search(value)]


def read(html):
    reader = PageReader()
    reader.feed(html)
    return reader


def test_the_checks_find_what_they_look_for():
    patterns = label_patterns("sq")
    page = read(
        '<html lang="sq"><head><meta name="description" content="Lajme"></head><body>'
        '<a href="#main">Skip to content</a><nav aria-label="Main menu"></nav>'
        '<p>Data e miratimit: 1 December 2026</p><a hreflang="en" lang="en">Next</a>'
        "<script>var Deadline;</script></body></html>"
    )
    assert english_labels_on(page, patterns) == {"Skip to content", "Main menu", "December"}
    latin = read(
        '<html lang="sr-latn"><body><a href="/sr/" hreflang="sr" lang="sr">Српски</a>'
        '<p>Opština</p><img alt="Општина"><p>Дан</p></body></html>'
    )
    assert cyrillic_on(latin) == ["Дан", "Општина"]


@pytest.mark.parametrize("language", ["sq", "sr", LATIN])
def test_no_english_interface_label_on_albanian_or_serbian_pages(crawl, language):
    patterns = label_patterns(language)
    assert {"Skip to content", "Date adopted", "Issuing body", "Deadline", "Phone", "December"} <= set(
        patterns
    )
    found = defaultdict(set)
    for path, reader in crawl.pages.items():
        if reader.lang == language:
            for label in english_labels_on(reader, patterns):
                found[label].add(path)
    assert not found, {label: sorted(paths)[:3] for label, paths in found.items()}


def test_no_cyrillic_on_serbian_latin_pages(crawl):
    latin_pages = {path: reader for path, reader in crawl.pages.items() if reader.lang == LATIN}
    assert len(latin_pages) > 40
    found = {path: cyrillic_on(reader)[:5] for path, reader in latin_pages.items() if cyrillic_on(reader)}
    assert not found, dict(list(found.items())[:5])


def test_hreflang_alternates_name_every_language_version_on_the_site_host(crawl):
    problems = {}
    root = f"http://{HOSTNAME}:{PORT}/"
    searches = {
        search_url(language, query): {
            code: root.rstrip("/") + search_url(code, query) for code in READING_LANGUAGES
        }
        for language, query in [*SEARCH_QUERY.items(), *((language, None) for language in READING_LANGUAGES)]
    }
    unknown = [path for path in crawl.pages if "?" not in path and path not in {**crawl.versions, **searches}]
    assert not unknown  # every page read without a query is a page of the tree or the search page
    for path, reader in crawl.pages.items():
        if path in searches:
            versions = searches[path]
        elif path in crawl.versions:
            _page, _language, versions = crawl.versions[path]
        else:
            continue  # the further pages of a listing
        alternates = {code: hrefs[0] for code, hrefs in reader.alternates.items()}
        if alternates != versions or any(len(hrefs) != 1 for hrefs in reader.alternates.values()):
            problems[path] = (alternates, versions)
        assert all(href.startswith(root) for href in alternates.values()), (path, alternates)
    assert not problems, dict(list(problems.items())[:3])
    assert any(len(versions) == 4 for _page, _language, versions in crawl.versions.values())


def test_no_address_points_at_localhost(crawl):
    for path, reader in crawl.pages.items():
        for value in reader.attribute_values:
            assert "localhost" not in value, (path, value)


def test_every_page_has_a_description_the_main_menu_and_the_footer(crawl):
    for path, reader in crawl.pages.items():
        assert reader.description and reader.description.strip(), path
        assert {"main-menu", "office-contact", "footer-links", "social-links"} <= reader.classes, path


@pytest.mark.parametrize("language", READING_LANGUAGES)
def test_the_calendar_is_in_the_main_menu_of_every_page(crawl, language):
    calendar = crawl.calendars[CONTENT_LANGUAGE[language]]
    calendar = latin_url(calendar) if language == LATIN else calendar
    pages = [reader for reader in crawl.pages.values() if reader.lang == language]
    assert pages
    for reader in pages:
        assert calendar in reader.menu_links, (language, reader.menu_links)


SITE_SETTINGS = """
query Menu($locale: Locale) {
  siteSettings(locale: $locale) { mainMenu { label url page { id } } }
}
"""


@pytest.mark.parametrize("locale", ["SQ", "SR", "SR_LATN", "EN"])
def test_the_calendar_is_in_the_main_menu_of_the_api(crawl, client, locale):
    language = {"SQ": "sq", "SR": "sr", "SR_LATN": LATIN, "EN": "en"}[locale]
    calendar = EventIndexPage.objects.get(locale__language_code=CONTENT_LANGUAGE[language])

    response = client.post(
        "/graphql/",
        data=json.dumps({"query": SITE_SETTINGS, "variables": {"locale": locale}}),
        content_type="application/json",
    )

    content = response.json()
    assert "errors" not in content, content
    menu = content["data"]["siteSettings"]["mainMenu"]
    items = [item for item in menu if item["page"] and item["page"]["id"] == str(calendar.pk)]
    assert len(items) == 1, menu
    url = calendar.get_url()
    assert items[0]["url"] == (latin_url(url) if language == LATIN else url)
    assert items[0]["label"] == crawl.versions[url][0].title or language == LATIN
