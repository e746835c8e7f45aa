"""Document hits: the public documents a query finds, each with the public pages that link it.

``document_hits(prepared, locale, request=request)`` takes the query already
prepared by ``search.text.prepare_query`` (the site search prepares it once for
pages and documents) and returns ``DocumentHit`` objects, best first.

- **Which documents**: public ones only (``cms.public``: no view restriction
  on the collection or an ancestor), whatever their text; a private document
  is never searched, so it is neither returned nor lets a public version of it
  be found by its words. Readers get documents they can read: those written in
  the locale's language (Serbian for both scripts) or multilingual, and those
  in another language that have a public language version in it, which is
  what the hit then shows (an Albanian decision found by its number, shown as
  its Serbian version). A document only in other languages is not found.
- **Matching and ranking**: as for pages (``search.service.backend_query`` and
  ``score``) against the normalised terms ``Document`` indexes
  (``search.indexing``): title, reference number, issuing body, document
  type, year issued and extracted text. Equal scores: newest upload first.
- **Pages**: the live public pages of ``locale`` (``cms.public``: not drafts,
  not expired, not restricted, on the request's site) that link the document
  or one of its language versions, or whose translation does (so the Serbian
  decision is listed when only the Albanian one has the file attached yet).
  Links are read from Wagtail's reference index: foreign keys, inline
  documents, StreamField blocks and rich text alike. At most
  ``MAX_PAGES_PER_DOCUMENT``, newest first.
- **Highlight**: an escaped extract of the extracted text around the first
  matched word (``search.service.highlight``), or of the metadata when the
  document has no text.

The number of queries does not depend on the number of hits.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from cms.public import for_request

from .service import MARK, MAX_CANDIDATES, SearchInputError, backend_query, highlight, score
from .text import language_family

DEFAULT_LIMIT = 5
MAX_LIMIT = 50
MAX_PAGES_PER_DOCUMENT = 5
# Highlighting reads every word: a long text is read in parts, and no further than HIGHLIGHT_SCAN,
# so that a hit costs about the same whatever the size of its document.
HIGHLIGHT_CHUNK = 10_000
HIGHLIGHT_SCAN = 50_000


@dataclass
class DocumentHit:
    document: object
    title: str
    #: The document's public download URL.
    url: str
    #: The live public pages of the search's locale that link the document (``wagtail.models.Page``).
    pages: list = field(default_factory=list)
    highlight: str = ""
    #: ``search.service.score`` of the document found (comparable with the pages' scores).
    score: float = 0.0
    #: Rank among the hits, from 0.
    position: int = 0


def readable_languages(locale):
    """The document languages a reader of ``locale`` is given: the locale's own and multilingual."""
    Document = get_document_model()
    return [language_family(locale.language_code), Document.Language.MULTILINGUAL]


def _root(document):
    return document.original_id or document.pk


def _family_q(roots):
    return Q(pk__in=roots) | Q(original_id__in=roots)


def _candidates(public, languages):
    """Public documents in ``languages``, and public ones in another language with a version in them."""
    readable = public.filter(language__in=languages)
    roots = readable.annotate(root=Coalesce("original_id", "pk")).values("root")
    return public.filter(Q(language__in=languages) | _family_q(roots))


def _readable_versions(documents, public, languages):
    """For the found documents in another language: {root id: their version in ``languages``}."""
    roots = {_root(document) for document in documents if document.language not in languages}
    if not roots:
        return {}
    versions = {}
    preference = {language: rank for rank, language in enumerate(languages)}
    for version in public.filter(_family_q(roots), language__in=languages).order_by("pk"):
        current = versions.get(_root(version))
        if current is None or preference[version.language] < preference[current.language]:
            versions[_root(version)] = version
    return versions


def _linking_pages(documents, locale, visibility):
    """{document pk: the public pages of ``locale`` linking it, a language version or a translation}."""
    Document = get_document_model()
    roots = {_root(document): [] for document in documents}
    for document in documents:
        roots[_root(document)].append(document.pk)
    members = Document.objects.filter(_family_q(list(roots))).values_list("pk", "original_id")
    by_member = {str(pk): roots[original_id or pk] for pk, original_id in members}
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Document),
        to_object_id__in=list(by_member),
    ).values_list("to_object_id", "object_id")
    linking = {}
    for document_id, page_id in references:
        linking.setdefault(int(page_id), set()).update(by_member[document_id])
    keys = {}
    for page_id, key in Page.objects.filter(pk__in=list(linking)).values_list("pk", "translation_key"):
        keys.setdefault(key, set()).update(linking[page_id])
    pages = {document.pk: [] for document in documents}
    listed = Page.objects.filter(locale=locale, translation_key__in=list(keys))
    for page in visibility.pages(listed).order_by("-first_published_at", "-pk"):
        for document_id in keys[page.translation_key]:
            if len(pages[document_id]) < MAX_PAGES_PER_DOCUMENT:
                pages[document_id].append(page)
    return pages


def _metadata_text(document):
    texts = dict.fromkeys(text for text in document.search_texts() if text and text != document.title)
    return " ".join(texts)


def document_highlight(document, groups, language):
    """An extract of the document's text around its first matched word (searched in its first part)."""
    text = document.extracted_text or _metadata_text(document) or document.title
    start, first = 0, None
    while start < min(len(text), HIGHLIGHT_SCAN):
        end = text.find(" ", start + HIGHLIGHT_CHUNK)
        end = len(text) if end == -1 else end
        extract = highlight(text[start:end], groups, language)
        if start and not extract.startswith("… "):
            extract = "… " + extract
        if end < len(text) and not extract.endswith(" …"):
            extract += " …"
        if MARK[0] in extract:
            return extract
        first = first if first is not None else extract
        start = end
    return first or ""


def document_hits(prepared, locale, *, request=None, limit=DEFAULT_LIMIT):
    """The public documents of ``locale``'s readers matching the prepared query, best first, at most ``limit``.

    ``request`` selects the site whose public pages are listed (all sites' trees without one).
    """
    if not isinstance(limit, int) or not 0 < limit <= MAX_LIMIT:
        raise SearchInputError(f"limit must be a number from 1 to {MAX_LIMIT}.")
    if not prepared.groups:
        return []
    Document = get_document_model()
    visibility = for_request(request)
    language = locale.language_code
    languages = readable_languages(locale)
    public = visibility.documents(Document.objects.select_related("issuing_body", "document_type"))
    searched = public.filter(pk__in=_candidates(visibility.documents(), languages).values("pk"))
    found = list(searched.search(backend_query(prepared.groups, language))[:MAX_CANDIDATES])

    scores = {document.pk: score(document, prepared.groups, language, i) for i, document in enumerate(found)}
    found.sort(key=lambda document: (-scores[document.pk], -document.created_at.timestamp(), -document.pk))
    versions = _readable_versions(found, public, languages)
    documents, shown_scores = {}, {}
    for document in found:
        shown = document if document.language in languages else versions.get(_root(document))
        if shown is not None:
            documents.setdefault(shown.pk, shown)
            shown_scores.setdefault(shown.pk, scores[document.pk])
        if len(documents) == limit:
            break
    documents = list(documents.values())

    pages = _linking_pages(documents, locale, visibility) if documents else {}
    return [
        DocumentHit(
            document=document,
            title=document.title,
            url=document.url,
            pages=pages[document.pk],
            highlight=document_highlight(document, prepared.groups, language),
            score=shown_scores[document.pk],
            position=position,
        )
        for position, document in enumerate(documents)
    ]
