"""Every surface that shows content shows only public content (``cms.public``).

Two kinds of test:

* the lists: every URL pattern, every sub-route of a routable page and every
  GraphQL root field is named below, with how it is checked or why it shows no
  content. A new view, feed or field fails here until it is added, so it cannot
  skip the check;
* the crawl: the demo content, with some of every page type in every language
  made private (a view restriction), expired or unpublished, and some of the
  documents the pages link moved into a private collection, all renamed with a
  marker. Then every surface listed is read as an anonymous visitor: every page
  of the sitemap, every feed, calendar month, iCal feed and search, and every
  GraphQL root field with every field below it to a few levels. The marker, the
  hidden pages' paths and the hidden documents' URLs must appear nowhere.
"""

import datetime
import json
from urllib.parse import quote_plus
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.html import escape
from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from cms.public import Visibility
from events.models import EventIndexPage, EventPage, MeetingPage
from home import models as home_models
from home.models import Body
from translations.latin_site import latin_url

MARKER = "zzhidden"

# --- The lists ----------------------------------------------------------------------

#: URL patterns that serve content, and how the crawl reads them.
CONTENT_URLS = {
    r"^((?:[\w\-]+/)*)$": "every page in the sitemap, index pages with their sub-routes",
    "sitemap.xml": "parsed: the pages it lists are the ones crawled",
    "search/": "searched for the marker and for hidden titles, in every language",
    "ical/calendar.ics": "every language",
    "ical/body/<slug:slug>.ics": "every body, every language",
    "ical/kind/<slug:kind>.ics": "every kind, every language",
    "ical/sr-latn/calendar.ics": "Serbian in Latin script",
    "ical/sr-latn/body/<slug:slug>.ics": "every body",
    "ical/sr-latn/kind/<slug:kind>.ics": "every kind",
    "graphql/": "every root field (GRAPHQL_FIELDS)",
}

ANYMAIL_TRACKING = (
    "a mail provider's bounce and complaint reports: POST with the ANYMAIL_WEBHOOK_SECRET basic auth,"
    " answers nothing (tests/outreach/test_deliverability.py)"
)

#: URL patterns that show no content to the public, and why.
NO_CONTENT_URLS = {
    "admin/": "the admin: staff only, behind login",
    "healthz": "reports only whether the database, cache and storage answer",
    r"documents/^(\d+)/(.*)$": "Wagtail's serve view checks collection restrictions (tests/documents/test_serve.py)",
    "documents/authenticate_with_password/<int:restriction_id>/": "the password form of a private collection",
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": "a restricted page's form",
    "_util/login/": "the login form of a restricted page",
    r"api/v2/^pages/": "Wagtail's API v2: 404 unless BENCH=1 (never in production)",
    r"api/v2/^pages/<int:pk>/": "Wagtail's API v2: 404 unless BENCH=1",
    r"api/v2/^pages/find/": "Wagtail's API v2: 404 unless BENCH=1",
    "citizens/": "the form for citizens' messages: shows none of the site's content",
    "citizens/status/": "a message's status by tracking code: nothing personal (tests/citizens/test_site.py)",
    r"open311/v2/^services\.(?P<format>json|xml)$": "Open311: the two services (kinds), reference data only",
    r"open311/v2/^services/(?P<code>[\w-]+)\.(?P<format>json|xml)$": "Open311: a service's (empty) attributes",
    r"open311/v2/^requests\.(?P<format>json|xml)$": (
        "Open311: service requests' public status only, nothing personal (tests/citizens/test_open311.py)"
    ),
    r"open311/v2/^requests/(?P<request_id>[\w-]+)\.(?P<format>json|xml)$": "Open311: one request, as above",
    r"^open-data/citizens-monthly\.(?P<format>csv|json)$": (
        "counts of citizens' messages per month and kind: no message's content (tests/citizens/test_reports.py)"
    ),
    "subscriptions/": "the subscription form: shows none of the site's content",
    "subscriptions/confirm/<str:token>/": "confirms a signed subscription link; shows no content",
    "subscriptions/preferences/<str:token>/": "a subscription's choices by signed link (topics, bodies)",
    "subscriptions/unsubscribe/<str:token>/": "RFC 8058 one-click unsubscribe; shows no content",
    "anymail/amazon_ses/tracking/": ANYMAIL_TRACKING,
    "anymail/brevo/tracking/": ANYMAIL_TRACKING,
    "anymail/mailersend/tracking/": ANYMAIL_TRACKING,
    "anymail/mailgun/tracking/": ANYMAIL_TRACKING,
    "anymail/mailjet/tracking/": ANYMAIL_TRACKING,
    "anymail/mailtrap/tracking/": ANYMAIL_TRACKING,
    "anymail/postal/tracking/": ANYMAIL_TRACKING,
    "anymail/postmark/tracking/": ANYMAIL_TRACKING,
    "anymail/resend/tracking/": ANYMAIL_TRACKING,
    "anymail/sendgrid/tracking/": ANYMAIL_TRACKING,
    "anymail/sendinblue/tracking/": ANYMAIL_TRACKING,
    "anymail/sparkpost/tracking/": ANYMAIL_TRACKING,
    "anymail/unisender_go/tracking/": ANYMAIL_TRACKING,
    "anymail/mandrill/tracking/": ANYMAIL_TRACKING,
    r"^static/(?P<path>.*)$": "static files (DEBUG only)",
    r"^media/(?P<path>.*)$": "images and renditions (DEBUG only); documents live outside MEDIA_ROOT",
}

#: Sub-routes of routable pages: each is read for every page that has it.
SUBPAGE_ROUTES = {"rss/", "atom/"}

#: Each GraphQL root field and the arguments the crawl gives it (besides ``locale``, tried in
#: every language). ``None``: run once per hidden and per public object instead (see below).
GRAPHQL_FIELDS = {
    "changes": {"since": "2000-01-01T00:00:00+00:00", "first": 100},
    "eventOccurrences": "window",
    "upcomingEvents": {"first": 100},
    "calendarMonth": "months",
    "events": {"first": 100},
    "bodies": {},
    "departments": {},
    "topics": {},
    "places": {},
    "documentTypes": {},
    "document": None,
    "documents": {"first": 100},
    "homePage": {},
    "newsPages": {"first": 100},
    "announcements": {"first": 100},
    "decisions": {"first": 100},
    "regulations": {"first": 100},
    "vacancies": {"first": 100},
    "publications": {"first": 100},
    "campaigns": {"first": 100},
    "siteSettings": {},
    "page": None,
    "search": "searches",
    "searchSuggestions": "searches",
    "citizenMessageKinds": {},
    # A message's public status (no pages or documents): its privacy is tested in tests/citizens.
    "citizenMessage": {"trackingCode": "0000-0000"},
    # A fresh proof-of-work challenge: random numbers and a signature, nothing else.
    "citizenMessageChallenge": {},
}

#: Mutations, and where what they accept and answer is checked.
GRAPHQL_MUTATIONS = {
    "submitCitizenMessage": (
        "tests/citizens/test_submission.py: validation, storage, no personal data out;"
        " tests/citizens/test_api_attachments.py: files by multipart request, checked, never shown"
    ),
    "subscribe": "tests/outreach/test_subscriptions.py: double opt-in, nothing stored or answered but ok",
}


def _url_patterns(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route == "admin/":
                yield route
            else:
                yield from _url_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _graphql_schema():
    from frontend_api.schema import schema

    return schema.graphql_schema


def test_every_url_pattern_is_listed():
    found = set(_url_patterns(get_resolver().url_patterns))
    listed = set(CONTENT_URLS) | set(NO_CONTENT_URLS)
    assert found - listed == set(), "a new URL: add it to CONTENT_URLS (and the crawl) or NO_CONTENT_URLS"
    # DEBUG-only patterns may be absent under the test settings.
    assert listed - found <= {r"^static/(?P<path>.*)$", r"^media/(?P<path>.*)$"}


def test_every_routable_page_route_is_listed():
    from django.apps import apps

    routes = set()
    for model in apps.get_models():
        if issubclass(model, Page) and issubclass(model, RoutablePageMixin):
            routes |= {str(pattern.pattern) for pattern in model.get_subpage_urls()}
    assert routes - {""} == SUBPAGE_ROUTES


def test_every_graphql_root_field_is_listed():
    assert set(_graphql_schema().query_type.fields) == set(GRAPHQL_FIELDS)
    assert set(_graphql_schema().mutation_type.fields) == set(GRAPHQL_MUTATIONS), "a mutation: add its checks"


# --- The hidden content -------------------------------------------------------------

CONTENT_MODELS = [*home_models.ITEM_PAGE_MODELS, home_models.StandardPage, EventPage, MeetingPage]


def _referenced_first(pages):
    """Pages others link to (menus, related content, repealed by...) first: those leak by reference."""
    counts = {}
    for page in pages:
        counts[page.pk] = ReferenceIndex.get_references_to(page).count()
    return sorted(pages, key=lambda page: (-counts[page.pk], page.pk))


def _mark(page, number):
    """The marker in the title and the slug (stored directly: the publish gate is not under test)."""
    title = f"{page.title} {MARKER}{number}"
    slug = f"{MARKER}{number}-{page.slug}"[:255]
    url_path = page.get_parent().url_path + slug + "/"
    Page.objects.filter(pk=page.pk).update(title=title, slug=slug, url_path=url_path)
    page.refresh_from_db()
    return page


def _hide():
    """Hide some of each type in each language; returns (hidden pages, hidden documents)."""
    hidden_pages, number = [], 0
    now = timezone.now()
    for model in CONTENT_MODELS:
        for code in ("sq", "sr", "en"):
            pages = _referenced_first(list(model.objects.live().filter(locale__language_code=code)))
            for how, page in zip(("restricted", "expired", "unpublished"), pages[:3], strict=False):
                number += 1
                page = _mark(page, number)
                if how == "restricted":
                    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
                elif how == "expired":
                    # Past its expiry but still live: publish_scheduled has not run yet.
                    type(page).objects.filter(pk=page.pk).update(
                        expire_at=now - datetime.timedelta(minutes=1)
                    )
                else:
                    # Taken offline (stored directly: the gate refuses to unpublish a translation alone).
                    Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
                hidden_pages.append(page)

    private = Collection.get_first_root_node().add_child(name=f"Internal {MARKER}")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    Document = get_document_model()
    linked = [
        document
        for document in Document.objects.order_by("pk")
        if ReferenceIndex.get_references_to(document).exists()
    ]
    hidden_documents = linked[::2]
    for document in hidden_documents:
        document.title = f"{document.title} {MARKER}"
        document.collection = private
        document.save()
    return hidden_pages, hidden_documents


def _link_the_hidden(hidden_pages, hidden_documents):
    """A public page of each language links a hidden page and document in its rich text and body."""
    for code in ("sq", "sr", "en"):
        page = (
            home_models.StandardPage.objects.live()
            .filter(locale__language_code=code)
            .exclude(pk__in=[p.pk for p in hidden_pages])
            .first()
        )
        target = next(p for p in hidden_pages if p.locale.language_code == code)
        document = hidden_documents[0]
        html = (
            f'<p>See <a linktype="page" id="{target.pk}">this page</a> and '
            f'<a linktype="document" id="{document.pk}">this file</a>.</p>'
        )
        page.body.append(("paragraph", html))
        page.body.append(("document", {"document": document, "title": ""}))
        page.save_revision().publish()


# --- The crawl ----------------------------------------------------------------------


def _unfold(text):
    # iCal folds long lines: a marker may be split by "\r\n ".
    return text.replace("\r\n ", "").replace("\n ", "")


class Crawl:
    def __init__(self, client, hidden_pages, hidden_documents):
        self.client = client
        self.leaks = []
        self.read = 0
        self.needles = [MARKER, *(f"/documents/{d.pk}/" for d in hidden_documents)]
        # The hidden pages' URLs, as the site shows them (the marker is in every slug).
        self.needles += [page.get_url() for page in hidden_pages if page.get_url()]

    def check(self, url, response, text=None):
        self.read += 1
        text = _unfold(text if text is not None else response.content.decode())
        for needle in self.needles:
            if needle.lower() in text.lower():
                self.leaks.append((url, needle))
        return text

    def search(self, prefix, query):
        """The site search: the results must not show what is hidden (the query itself is shown back)."""
        response = self.client.get(f"{prefix}/search/", {"query": query}, HTTP_HOST="localhost")
        assert response.status_code == 200, (prefix, query, response.status_code)
        text = response.content.decode()
        for reflected in (
            f'value="{escape(query)}"',
            f"query={quote_plus(query)}",
            f"<title>{escape(query)} – ",
        ):
            text = text.replace(reflected, "")
        return self.check(f"{prefix}/search/?query={query}", response, text)

    def get(self, url, expect=200, **params):
        response = self.client.get(url, params, HTTP_HOST="localhost")
        assert response.status_code == expect, (url, response.status_code)
        return self.check(url + (f"?{params}" if params else ""), response)


def _sitemap(crawl):
    text = crawl.get("/sitemap.xml")
    tree = ElementTree.fromstring(text.encode())
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [element.text for element in tree.findall("s:url/s:loc", namespace)]


def _graphql_query(schema, field_name, depth=4):
    """A selection of every field of ``field_name`` whose arguments are all optional, ``depth`` deep."""

    def select(graphql_type, level, path):
        named = get_named_type(graphql_type)
        if not isinstance(named, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
            return ""
        if level >= depth or named.name in path:
            return "{ __typename }"
        parts = ["__typename"]
        # Each concrete type's own fields near the root; deeper, the interface's fields only.
        abstract = isinstance(named, (GraphQLInterfaceType, GraphQLUnionType))
        possible = schema.get_possible_types(named) if abstract and level <= 2 else []
        fields = named.fields if not isinstance(named, GraphQLUnionType) else {}
        parts += _fields(fields, level, path | {named.name})
        for concrete in possible:
            # Aliased by type: the same name may have another type on a sibling type.
            inner = _fields(concrete.fields, level, path | {named.name, concrete.name}, alias=concrete.name)
            if inner:
                parts.append(f"... on {concrete.name} {{ {' '.join(inner)} }}")
        return "{ " + " ".join(parts) + " }"

    def _fields(fields, level, path, alias=None):
        parts = []
        for name, field in fields.items():
            required = [arg for arg, spec in field.args.items() if isinstance(spec.type, GraphQLNonNull)]
            if required:
                continue
            args = "(first: 100)" if "first" in field.args else ""
            inner = select(field.type, level + 1, path)
            named = get_named_type(field.type)
            if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)) and not inner:
                continue
            label = f"{alias}_{name}: " if alias else ""
            parts.append(f"{label}{name}{args} {inner}".strip())
        return parts

    field = schema.query_type.fields[field_name]
    arguments = ", ".join(f"${name}: {_type_name(spec.type)}" for name, spec in field.args.items())
    passed = ", ".join(f"{name}: ${name}" for name in field.args)
    selection = select(field.type, 1, set())
    return (
        f"query Q({arguments}) {{ {field_name}({passed}) {selection} }}"
        if arguments
        else (f"{{ {field_name} {selection} }}")
    )


def _type_name(graphql_type):
    if isinstance(graphql_type, GraphQLNonNull):
        return f"{_type_name(graphql_type.of_type)}!"
    if isinstance(graphql_type, GraphQLList):
        return f"[{_type_name(graphql_type.of_type)}]"
    return graphql_type.name


def _graphql(crawl, query, variables, label):
    response = crawl.client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        HTTP_HOST="localhost",
    )
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), (label, body.get("errors"))
    if label == "changes":
        # A tombstone keeps the id and the former public URL, by design; nothing else.
        for edge in body["data"]["changes"]["edges"]:
            if edge["node"]["action"] in ("UNPUBLISHED", "DELETED"):
                assert edge["node"]["title"] is None
                edge["node"]["url"] = None
    crawl.check(f"graphql {label} {variables}", response, json.dumps(body, ensure_ascii=False))
    return body["data"]


def _coordinate_with_the_marker(hidden_pages):
    """The public campaigns' internal coordination (outreach) carries the marker: it must show nowhere."""
    from django.contrib.auth import get_user_model

    from outreach.models import CampaignActivity, CampaignTargetGroup, Kind

    staff = get_user_model().objects.create_user(f"{MARKER}-staff", first_name=MARKER, last_name="Staff")
    hidden = {page.pk for page in hidden_pages}
    campaigns = [p for p in home_models.CampaignPage.objects.live() if p.pk not in hidden]
    for campaign in campaigns:
        page = campaign.get_latest_revision_as_object()
        page.activities.add(
            CampaignActivity(
                title=f"Activity {MARKER}",
                channel="radio",
                planned_on=timezone.localdate(),
                responsible=staff,
                notes=f"Notes {MARKER}",
            )
        )
        page.target_groups.add(CampaignTargetGroup(kind=Kind.SCHOOL, note=f"Group {MARKER}"))
        page.save_revision().publish()
    assert campaigns


@pytest.fixture
def hidden(site, unlimited_api):
    # Committed for real, as ``make run`` does (work deferred to the commit sees the saved tree).
    call_command("load_demo_data")
    hidden_pages, hidden_documents = _hide()
    _link_the_hidden(hidden_pages, hidden_documents)
    _coordinate_with_the_marker(hidden_pages)
    assert len(hidden_pages) >= 3 * len(CONTENT_MODELS) and hidden_documents
    return hidden_pages, hidden_documents


@pytest.mark.flushes_database
@pytest.mark.django_db(transaction=True)
def test_no_surface_shows_what_is_not_public(client, hidden):
    hidden_pages, hidden_documents = hidden
    crawl = Crawl(client, hidden_pages, hidden_documents)

    # The sitemap lists exactly the public pages; every one is read.
    locations = _sitemap(crawl)
    public = Visibility(None).pages(Page.objects.filter(depth__gt=1))
    expected = {page.get_full_url() for page in public.specific() if page.get_full_url()}
    assert set(locations) == expected
    for location in locations:
        path = location.removeprefix("http://localhost")
        crawl.get(path)
        if path.startswith("/sr/"):
            crawl.get(latin_url(path))  # the same page in Latin script

    # Feeds and listing pages of every index.
    for index in home_models.ContentIndexPage.__subclasses__():
        for page in index.objects.live():
            for route in sorted(SUBPAGE_ROUTES):
                crawl.get(page.url + route)

    # Calendar months and iCal feeds around every hidden event.
    months = sorted(
        {(p.start.year, p.start.month) for p in hidden_pages if isinstance(p, (EventPage, MeetingPage))}
    )
    for index in EventIndexPage.objects.live():
        for year, month in months:
            crawl.get(index.url, year=year, month=month)
    for prefix in ("", "/sr", "/en"):
        crawl.get(f"{prefix}/ical/calendar.ics")
        for body in Body.objects.all():
            crawl.get(f"{prefix}/ical/body/{body.slug}.ics")
        for kind in [*EventPage.Kind.values, "meeting"]:
            crawl.get(f"{prefix}/ical/kind/{kind}.ics")
    crawl.get("/ical/sr-latn/calendar.ics")

    # Site search: the marker and each hidden page's original first word.
    for prefix in ("", "/sr", "/sr-latn", "/en"):
        crawl.search(prefix, MARKER)
        for page in hidden_pages[:12]:
            crawl.search(prefix, page.title.split()[0])

    # GraphQL: every root field, every field below it.
    schema = _graphql_schema()
    window = {
        "from": (timezone.now() - datetime.timedelta(days=390)).isoformat(),
        "to": timezone.now().isoformat(),
    }
    later = {
        "from": timezone.now().isoformat(),
        "to": (timezone.now() + datetime.timedelta(days=390)).isoformat(),
    }
    for name, arguments in GRAPHQL_FIELDS.items():
        query = _graphql_query(schema, name)
        takes_locale = "locale" in schema.query_type.fields[name].args
        for locale in ("SQ", "SR", "EN") if takes_locale else (None,):
            base = {"locale": locale} if locale else {}
            if arguments == "window":
                runs = [{**base, **window}, {**base, **later}]
            elif arguments == "months":
                runs = [{**base, "year": year, "month": month} for year, month in months]
            elif name == "document":
                runs = [{**base, "id": str(d.pk)} for d in get_document_model().objects.all()]
            elif name == "page":
                runs = [{**base, "id": str(p.pk)} for p in hidden_pages] + [
                    {**base, "path": p.url}
                    for p in Visibility(None).pages(Page.objects.filter(depth__gt=2))[:40]
                ]
            elif arguments == "searches":
                # The marker, each hidden page's first word (as the site search), and a misspelling of it.
                words = [MARKER, *(page.title.split()[0] for page in hidden_pages[:12])]
                words += [f"{word}x" for word in words[1:4]]
                argument = "query" if name == "search" else "prefix"
                runs = [{**base, argument: word, "first": 20} for word in words]
            else:
                runs = [{**base, **arguments}]
            for variables in runs:
                _graphql(crawl, query, variables, name)

    assert crawl.read > 300
    assert crawl.leaks == []
