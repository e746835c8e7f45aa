"""Stored and reflected XSS: script in any text an editor (or an import) can store never runs.

The demo content is loaded, then every text of every public-facing model is
overwritten in the database, as an import or a script could write it, past the
admin's forms and the rich text editor's whitelist:

* every CharField and TextField (titles, SEO titles, search descriptions,
  summaries, numbers, rapporteurs, agenda items, places, bodies, topics,
  departments, document and image titles, menus, footer, office contact) gets
  ``PAYLOAD``, a script and an ``onerror`` attribute breaking out of text and
  of quoted attributes;
* every URL (online, livestream and recording addresses, menu, footer and
  social links, call-to-action links) gets ``javascript:alert(1)``;
* every rich text (introductions, goals, footer text, paragraphs, accordion
  answers) gets ``RICH``: a script, an ``onerror`` and an ``onclick``, a
  ``javascript:`` link and an iframe;
* every body gets one block of each kind with the payload in each of its
  texts, a heading level included (it is written into the tag name).

Then everything an anonymous visitor reads is read: every page of the sitemap,
every listing with its RSS and Atom feeds, the calendar months, every iCal feed,
the site search (the query is reflected), and every GraphQL root field with
every field below it. HTML is parsed as a browser would: no script element, no
event-handler attribute, no ``javascript:`` address, no frame may come out.
Feeds' HTML fields (RSS ``description``, Atom ``summary``) are HTML to a feed
reader and checked the same way; the API's strings are data, but its HTML
fields (rich text) must be clean HTML.
"""

import datetime
import io
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, MeetingPage
from home import models as home_models
from home.models import Body
from tests.documents.files import png
from tests.security.test_public_surfaces import GRAPHQL_FIELDS, _graphql_query, _graphql_schema

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'"
SHORT_PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_URL = "javascript:alert(1)"
RICH = (
    '<p>Teksti <script>alert(1)</script><img src="x" onerror="alert(1)"> '
    '<a href="javascript:alert(1)">lidhje</a> <a href="https://komuna.example/" onclick="alert(1)">tjetër</a>'
    '<iframe src="https://evil.example/"></iframe><b>i trashë</b></p>'
)
#: Text fields whose content is parsed, not shown: a payload there is refused, not rendered.
STRUCTURED = {
    ("events", "EventPage"): {"recurrence_rule", "exception_dates"},
    ("events", "MeetingPage"): {"recurrence_rule", "exception_dates"},
    ("documents", "Document"): {"file_hash", "sha256", "mime_type"},
    ("wagtailimages", "Image"): {"file_hash"},
    ("frontend_api", "ContentChange"): {"url", "language"},
}
#: Wagtail's page fields that hold text (the others are the tree's own: path, url_path...).
PAGE_TEXT_FIELDS = {"title", "draft_title", "seo_title", "search_description"}
#: The models whose texts reach a public surface.
PUBLIC_MODELS = [
    ("wagtailcore", "Page"),
    *(("home", model.__name__) for model in apps.get_app_config("home").get_models()),
    *(("events", name) for name in ("EventIndexPage", "EventPage", "MeetingPage", "AgendaItem")),
    ("documents", "Document"),
    ("wagtailimages", "Image"),
    ("frontend_api", "ContentChange"),
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "frame", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


# --- Writing the payload -------------------------------------------------------------


def _text_for(field):
    if field.max_length and field.max_length < len(PAYLOAD):
        return SHORT_PAYLOAD if field.max_length >= len(SHORT_PAYLOAD) else None
    return PAYLOAD


def _item(value):
    return {"type": "item", "value": value}


def payload_blocks(image_id, document_id):
    """One block of each kind of ``home.blocks.BodyBlock`` (but the video: no network), raw."""
    return [
        {"type": "paragraph", "value": RICH},
        {"type": "heading", "value": {"text": PAYLOAD, "level": "img src=x onerror=alert(1)"}},
        {"type": "image", "value": {"image": image_id, "alt_text": PAYLOAD, "caption": PAYLOAD}},
        {"type": "document", "value": {"document": document_id, "title": PAYLOAD}},
        {
            "type": "documents",
            "value": {"heading": PAYLOAD, "documents": [_item({"document": document_id, "title": PAYLOAD})]},
        },
        {"type": "quote", "value": {"text": PAYLOAD, "attribution": PAYLOAD}},
        {
            "type": "table",
            "value": {
                "caption": PAYLOAD,
                "columns": [_item({"heading": PAYLOAD, "type": "text"})],
                "rows": [_item({"cells": [_item(PAYLOAD)]})],
            },
        },
        {
            "type": "call_to_action",
            "value": {"text": PAYLOAD, "description": PAYLOAD, "link": {"page": None, "url": SCRIPT_URL}},
        },
        {
            "type": "accordion",
            "value": {"heading": PAYLOAD, "items": [_item({"question": PAYLOAD, "answer": RICH})]},
        },
        {
            "type": "contact",
            "value": {
                "name": PAYLOAD,
                "role": PAYLOAD,
                "email": PAYLOAD,
                "phone": PAYLOAD,
                "address": PAYLOAD,
            },
        },
    ]


def _poison_raw(value, key=None):
    """Every text of a stream's raw data replaced: URLs by SCRIPT_URL, labels by PAYLOAD; ids kept."""
    if isinstance(value, list):
        return [_poison_raw(item) for item in value]
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            kind = value["type"]
            if kind in ("paragraph",) or key == "answer":
                return {**value, "value": RICH}
            if kind in ("video", "document", "image") and not isinstance(value["value"], dict):
                return value  # a chooser or an embed address
            return {**value, "value": _poison_raw(value["value"], kind)}
        return {name: _poison_raw(item, name) for name, item in value.items()}
    if isinstance(value, str):
        if key == "url":
            return SCRIPT_URL
        if key == "answer":
            return RICH
        if key in ("type", "id", "network", "level", "video"):
            return value
        return PAYLOAD
    return value


def poison_everything():
    """Overwrite every public text in the database; returns the number of columns written."""
    image = get_image_model().objects.create(
        title="Sheshi", file=ImageFile(io.BytesIO(png()), name="sheshi.png"), width=8, height=8
    )
    document = get_document_model().objects.order_by("pk").first()
    blocks = payload_blocks(image.pk, document.pk)
    written = 0
    for app_label, model_name in PUBLIC_MODELS:
        model = apps.get_model(app_label, model_name)
        skip = STRUCTURED.get((app_label, model_name), set())
        values = {}
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.model is not model or field.name in skip:
                continue
            if model is Page and field.name not in PAGE_TEXT_FIELDS:
                continue
            if getattr(field, "choices", None) or isinstance(field, (models.SlugField, models.FileField)):
                continue
            if isinstance(field, RichTextField):
                values[field.name] = RICH
            elif isinstance(field, models.URLField):
                values[field.name] = SCRIPT_URL
            elif isinstance(field, (models.CharField, models.TextField)):
                text = _text_for(field)
                if text is not None:
                    values[field.name] = text
        streams = [
            field
            for field in model._meta.get_fields()
            if isinstance(field, StreamField) and field.model is model
        ]
        if values:
            model.objects.update(**values)
            written += len(values)
        for field in streams:
            for pk, raw in model.objects.values_list("pk", field.name):
                raw = raw.raw_data if hasattr(raw, "raw_data") else raw
                poisoned = _poison_raw(list(raw or []))
                if field.name == "body":
                    poisoned += blocks
                model.objects.filter(pk=pk).update(**{field.name: json.dumps(poisoned)})
            written += 1
    return written


# --- Reading it back -----------------------------------------------------------------


class Findings(HTMLParser):
    """What a browser would run in an HTML text: scripts, handlers, script addresses, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and value and _is_script_url(value):
                self.found.append(f"{tag} {name}={value}")
            elif tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                self.found.append("meta refresh")

    handle_startendtag = handle_starttag


def _is_script_url(value):
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))


def html_findings(text):
    parser = Findings()
    parser.feed(text)
    parser.close()
    found = parser.found
    if "<script>alert(1)</script>" in text:
        found.append("the payload verbatim")
    return found


class Reader:
    def __init__(self, client):
        self.client = client
        self.findings = []
        self.read = 0
        self.escaped = 0

    def note(self, where, found):
        self.findings += [(where, item) for item in found]

    def get(self, url, **params):
        response = self.client.get(url, params, HTTP_HOST="localhost")
        label = url + (f"?{params}" if params else "")
        self.read += 1
        if response.status_code != 200:
            # A payload that breaks a page is a finding too (and hides what the page would show).
            self.note(label, [f"status {response.status_code}"])
        return label, response, response.content.decode()

    def html(self, url, **params):
        label, response, text = self.get(url, **params)
        assert response["Content-Type"].startswith("text/html"), label
        if response.status_code != 200:
            return text
        self.note(label, html_findings(text))
        self.escaped += "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        return text

    def feed(self, url):
        label, response, text = self.get(url)
        if response.status_code != 200:
            return 0
        assert "<script>alert(1)</script>" not in text, label
        root = ElementTree.fromstring(text.encode())
        html_elements = 0
        for element in root.iter():
            name = element.tag.rpartition("}")[2]
            # RSS descriptions and Atom summaries, subtitles and content are HTML to a reader.
            if name in ("description", "summary", "subtitle", "content") and element.text:
                html_elements += 1
                self.note(f"{label} <{name}>", html_findings(element.text))
        return html_elements

    def ical(self, url):
        label, response, text = self.get(url)
        if response.status_code != 200:
            return 0
        assert response["Content-Type"].startswith("text/calendar"), label
        calendar = Calendar.from_ical(response.content)
        for event in calendar.walk("VEVENT"):
            if "X-ALT-DESC" in event:
                self.note(label, ["an HTML description"])
            address = str(event.get("URL", ""))
            if address and not address.startswith(("http://", "https://")):
                self.note(label, [f"URL {address}"])
        return len(calendar.walk("VEVENT"))

    def graphql(self, query, variables, label, html_fields):
        response = self.client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": variables}),
            content_type="application/json",
            HTTP_HOST="localhost",
        )
        body = response.json()
        self.read += 1
        if response.status_code != 200 or body.get("errors"):
            self.note(f"graphql {label}", [f"error {error['message']}" for error in body.get("errors", [])])
            return 0
        checked = 0
        for typename, field, value in _typed_strings(body["data"]):
            if field in html_fields.get(typename, ()):
                checked += 1
                self.note(f"graphql {label} {typename}.{field}", html_findings(value))
        return checked


def summary(findings):
    """Each kind of finding once, with where it was first seen and how often."""
    first, counts = {}, {}
    for where, item in findings:
        kind = (re.sub(r"\?.*|/[^ ]*", "/…", where.split(" {")[0]), item)
        first.setdefault(kind, where)
        counts[kind] = counts.get(kind, 0) + 1
    return "\n".join(f"{counts[kind]}× {kind[1]!r} e.g. {first[kind][:150]}" for kind in counts)


def _typed_strings(data, typename=None):
    """(the enclosing object's __typename, field name, value) for every string in a response."""
    if isinstance(data, list):
        for item in data:
            yield from _typed_strings(item, typename)
    elif isinstance(data, dict):
        own = data.get("__typename", typename)
        for key, value in data.items():
            # The crawl's query aliases a concrete type's own fields "<Type>_<field>".
            field = key.split("_", 1)[1] if "_" in key and key.split("_", 1)[0] == own else key
            if isinstance(value, str):
                yield own, field, value
            else:
                yield from _typed_strings(value, own)


def html_fields_of(schema):
    """{type name: the String fields documented as HTML}: rich text, embed HTML."""
    found = {}
    for name, graphql_type in schema.type_map.items():
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            description = field.description or ""
            if re.search(r"\bas HTML\b|\bembed HTML\b", description):
                found.setdefault(name, set()).add(field_name)
    return found


@pytest.fixture
def poisoned(site, unlimited_api):
    call_command("load_demo_data")
    assert poison_everything() > 40
    call_command("update_index", verbosity=0)


@pytest.mark.flushes_database
@pytest.mark.django_db(transaction=True)
def test_no_surface_runs_script_stored_in_any_text(client, poisoned):
    reader = Reader(client)

    # Every public page (the sitemap lists them all), index pages with their listings.
    text = reader.get("/sitemap.xml")[2]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [e.text for e in ElementTree.fromstring(text.encode()).findall("s:url/s:loc", namespace)]
    assert len(locations) > 50
    for location in locations:
        reader.html(location.removeprefix("http://localhost"))

    # Feeds of every index.
    feed_html = 0
    for index in home_models.ContentIndexPage.__subclasses__():
        for page in index.objects.live():
            feed_html += reader.feed(page.url + "rss/")
            feed_html += reader.feed(page.url + "atom/")
    assert feed_html > 20

    # The calendar's months with events in them, and every iCal feed.
    months = {(p.start.year, p.start.month) for p in [*EventPage.objects.live(), *MeetingPage.objects.live()]}
    for index in EventIndexPage.objects.live():
        for year, month in sorted(months):
            reader.html(index.url, year=year, month=month)
    events = 0
    for prefix in ("", "/sr", "/en"):
        events += reader.ical(f"{prefix}/ical/calendar.ics")
        for body in Body.objects.all():
            reader.ical(f"{prefix}/ical/body/{body.slug}.ics")
        for kind in [*EventPage.Kind.values, "meeting"]:
            reader.ical(f"{prefix}/ical/kind/{kind}.ics")
    reader.ical("/ical/sr-latn/calendar.ics")
    assert events > 0

    # Site search: results show titles and descriptions; the query itself is reflected.
    for prefix in ("", "/sr", "/en"):
        for query in ("alert", PAYLOAD, '"><script>alert(1)</script>', "Teksti"):
            reader.html(f"{prefix}/search/", query=query)

    # GraphQL: every root field, every field below it; HTML fields must be clean HTML.
    schema = _graphql_schema()
    html_fields = html_fields_of(schema)
    assert {"html", "answer", "intro", "goals", "text"} <= set().union(*html_fields.values())
    now = timezone.now()
    windows = [
        {"from": (now - datetime.timedelta(days=390)).isoformat(), "to": now.isoformat()},
        {"from": now.isoformat(), "to": (now + datetime.timedelta(days=390)).isoformat()},
    ]
    checked = 0
    for name, arguments in GRAPHQL_FIELDS.items():
        query = _graphql_query(schema, name)
        takes_locale = "locale" in schema.query_type.fields[name].args
        for locale in ("SQ", "SR", "EN") if takes_locale else (None,):
            base = {"locale": locale} if locale else {}
            if arguments == "window":
                runs = [{**base, **window} for window in windows]
            elif arguments == "months":
                runs = [{**base, "year": year, "month": month} for year, month in sorted(months)]
            elif name == "document":
                runs = [{**base, "id": str(d.pk)} for d in get_document_model().objects.all()[:10]]
            elif name == "page":
                runs = [{**base, "path": location.removeprefix("http://localhost")} for location in locations]
            elif arguments == "searches":
                # Words of the payload and of the poisoned texts: the highlights quote them.
                argument = "query" if name == "search" else "prefix"
                runs = [{**base, argument: word, "first": 20} for word in ("alert", "script", "Teksti")]
            else:
                runs = [{**base, **arguments}]
            for variables in runs:
                checked += reader.graphql(query, variables, name, html_fields)
    assert checked > 100

    assert reader.escaped > 50, "the payload should show, escaped, on most pages"
    assert reader.findings == [], summary(reader.findings)


# --- Small, fast cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (PAYLOAD, ["<script>", "img onerror=", "the payload verbatim"]),
        ('<a href=" JaVa\tScRiPt:alert(1)">x</a>', ["a href= JaVa\tScRiPt:alert(1)"]),
        ("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", []),
        ('<p data-block-key="a1">Teksti <a href="/lajme/">lajme</a></p>', []),
    ],
)
def test_the_checker_sees_what_a_browser_runs(text, found):
    assert html_findings(text) == found


@pytest.mark.parametrize(
    ("stored", "clean"),
    [
        (RICH, '<p>Teksti  <a>lidhje</a> <a href="https://komuna.example/">tjetër</a><b>i trashë</b></p>'),
        (  # what the editor saves comes out as saved
            '<p data-block-key="a1">Teksti <b>i</b> &amp; <a href="/lajme/?a=1&amp;b=2">lajme</a></p>',
            '<p data-block-key="a1">Teksti <b>i</b> &amp; <a href="/lajme/?a=1&amp;b=2">lajme</a></p>',
        ),
        (
            '<a href=" java\tscript:alert(1)">x</a><a href="mailto:z@komuna.example">m</a>',
            '<a>x</a><a href="mailto:z@komuna.example">m</a>',
        ),
        ('<p title="x" style="color:red">z<svg onload="alert(1)"><p>y</p></svg></p>', "<p>z</p>"),
        ("<p>open <b>bold <a href='/x'>link", '<p>open <b>bold <a href="/x">link</a></b></p>'),
        ("<p>a < b & c</p><!-- note --><embed src=x><p>after</p>", "<p>a &lt; b &amp; c</p><p>after</p>"),
    ],
)
def test_rich_text_keeps_only_what_the_editor_can_make(stored, clean):
    from cms.html import clean_rich_text

    assert clean_rich_text(stored) == clean


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://live.komuna.example/", True),
        ("/kalendari/", True),
        ("mailto:info@komuna.example", True),
        ("javascript:alert(1)", False),
        (" JaVa\nScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
    ],
)
def test_stored_addresses_are_linked_only_when_harmless(url, kept):
    from home.templatetags.public_tags import link_url

    assert link_url(url) == (url if kept else "")


@pytest.mark.django_db
def test_rich_text_and_headings_stored_past_the_editor_are_harmless_on_the_site_and_in_the_api(
    client, home_page, django_capture_on_commit_callbacks
):
    from home.factories import StandardPageFactory
    from tests.frontend_api.conftest import graphql_data, post

    body = [
        {"type": "paragraph", "value": RICH},
        {"type": "heading", "value": {"text": "Kreu", "level": "img src=x onerror=alert(1)"}},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home_page, title="Faqja", slug="faqja", body=json.dumps(body))
    html = client.get(page.url).content.decode()
    assert html_findings(html) == []
    assert "<b>i trashë</b>" in html and "<h2>Kreu</h2>" in html
    data = graphql_data(
        post(
            client,
            "query P($path: String!) { page(path: $path) { ... on StandardPage { body {"
            " ... on ParagraphBlock { html } ... on HeadingBlock { text level } } } } }",
            {"path": page.url},
        )
    )
    paragraph, heading = data["page"]["body"]
    assert html_findings(paragraph["html"]) == []
    assert "<b>i trashë</b>" in paragraph["html"]
    assert heading == {"text": "Kreu", "level": "H2"}


@pytest.mark.django_db
def test_feed_descriptions_are_the_summary_escaped(client, home_page):
    from home.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page, summary=PAYLOAD)
    NewsPageFactory(parent=index, title=PAYLOAD, summary=PAYLOAD)
    rss = ElementTree.fromstring(client.get(index.url + "rss/").content)
    assert rss.findtext("channel/description") == rss.findtext("channel/item/description")
    assert rss.findtext("channel/item/description") == (
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;"
    )
    assert rss.findtext("channel/item/title") == PAYLOAD  # text, not HTML, in RSS and Atom
    atom = ElementTree.fromstring(client.get(index.url + "atom/").content)
    summary = atom.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary")
    assert summary.get("type") == "html"
    assert html_findings(summary.text) == []
