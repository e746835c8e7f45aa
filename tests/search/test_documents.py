"""Document hits: found by their text and metadata as people type it, public only, with their public pages."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.models import Document
from home import factories
from home.models import DecisionDocument
from search.documents import MAX_LIMIT, document_hits
from search.service import SearchInputError
from search.text import prepare_query

pytestmark = pytest.mark.django_db

_files = itertools.count(1)


def make_document(title, text="", *, collection=None, **fields):
    """A document with ``text`` as its extracted text, indexed as the extraction task leaves it."""
    document = Document(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        file=ContentFile(b"%PDF-1.4 test", name=f"document-{next(_files)}.pdf"),
        **fields,
    )
    document.save()
    document.extracted_text = text
    document.extraction_status = Document.ExtractionStatus.DONE
    document.save()
    return document


def hits(query, locales, language="sq", **kwargs):
    return document_hits(prepare_query(query, language), locales[language], **kwargs)


def titles(query, locales, language="sq", **kwargs):
    return [hit.title for hit in hits(query, locales, language, **kwargs)]


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Zyra")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="password", password="x")
    return collection


@pytest.fixture
def library(home_pages, private_collection):
    assembly = factories.BodyFactory(
        slug="kuvendi", name="Kuvendi i Komunës", name_sr="Скупштина општине", name_en="Municipal Assembly"
    )
    decision_type = factories.DocumentTypeFactory(name="Vendim", name_sr="Одлука", name_en="Decision")
    budget = make_document(
        "Vendimi për buxhetin 2026",
        "Miratohet buxheti për vitin 2026, me mjete për shkollat dhe rrugët.",
        language="sq",
        reference_number="01-016/2026",
        issuing_body=assembly,
        document_type=decision_type,
        date_issued=datetime.date(2026, 3, 2),
    )
    return {
        "assembly": assembly,
        "budget": budget,
        "budget_sr": make_document(
            "Одлука о буџету 2026",
            "Усвојена је одлука о буџету. Средства за ђачке стипендије и путеве.",
            language="sr",
            original=budget,
            issuing_body=assembly,
        ),
        "roads_sr": make_document(
            "Izveštaj o putevima", "Radovi na putevima u opštini završeni su.", language="sr"
        ),
        "minutes_en": make_document("Minutes", "The assembly met to discuss the budget.", language="en"),
        "atlas": make_document("Harta e komunës", "Harta komunale. Општинска мапа.", language="mul"),
        "secret": make_document(
            "Buxheti sekret i zyrës",
            "Buxheti sekret i zyrës me fshehtësinë e pagave.",
            language="sq",
            collection=private_collection,
            reference_number="99-999/2026",
        ),
    }


def test_a_document_indexes_normalised_terms_of_its_metadata_in_its_language(library):
    terms = set(library["budget"].search_terms().split())
    assert {"01", "016", "2026", "kuvendi", "komunes", "vendim", "buxh", "shkoll"} <= terms
    assert "skupstina" not in terms
    # The Serbian version: Cyrillic text folded to Latin, đ also as "d", the body named in Serbian.
    terms = set(library["budget_sr"].search_terms().split())
    assert {"budzetu", "budzet", "djacke", "dacke", "skupstina", "opstine"} <= terms
    assert "kuvendi" not in terms
    assert library["budget_sr"].search_title_terms().split()[:2] == ["odluka", "odluk"]


def test_the_admin_search_still_finds_documents_by_their_fields_as_written(library, admin_client):
    for query, expected in (
        ("buxhetin 2026", [library["budget"]]),
        ("ђачке стипендије", [library["budget_sr"]]),
        ("fshehtësinë", [library["secret"]]),
    ):
        response = admin_client.get("/admin/documents/results/", {"q": query})
        assert response.status_code == 200
        assert list(response.context["object_list"]) == expected, query


def test_found_by_extracted_text_without_diacritics_and_in_the_other_script(library, locales):
    # Cyrillic text typed in Latin without diacritics; Latin text typed in Cyrillic.
    assert titles("budzetu", locales, "sr") == ["Одлука о буџету 2026"]
    assert titles("djacke stipendije", locales, "sr") == ["Одлука о буџету 2026"]
    assert titles("dacke", locales, "sr") == ["Одлука о буџету 2026"]
    assert titles("радови путевима", locales, "sr") == ["Izveštaj o putevima"]
    # Albanian without ë, in another form of the word.
    assert titles("shkolla rruget", locales) == ["Vendimi për buxhetin 2026"]


def test_found_by_reference_number_issuing_body_type_and_year(library, locales):
    assert titles("01-016/2026", locales) == ["Vendimi për buxhetin 2026"]
    assert titles("kuvendit komunes", locales) == ["Vendimi për buxhetin 2026"]
    assert titles("vendim 2026", locales) == ["Vendimi për buxhetin 2026"]
    # The Serbian version names the body in Serbian: found by it, in either script.
    assert titles("skupstina opstine", locales, "sr") == ["Одлука о буџету 2026"]


def test_documents_in_the_readers_language_or_shown_as_their_version_in_it(library, locales):
    # The Albanian original's number finds it for a Serbian reader, shown as the Serbian version.
    found = hits("01-016/2026", locales, "sr")
    assert [hit.document for hit in found] == [library["budget_sr"]]
    # A document only in English is not offered in Albanian; a multilingual one is offered in every language.
    assert titles("assembly budget", locales) == []
    assert titles("assembly budget", locales, "en") == ["Minutes"]
    assert titles("harta", locales) == titles("мапа", locales, "sr") == ["Harta e komunës"]


def test_a_private_document_is_never_found(library, locales, private_collection):
    assert titles("Buxheti sekret i zyrës", locales) == []
    assert titles("99-999/2026", locales) == []
    assert titles("fshehtesine", locales) == []
    # Nor does its text find a public language version of it.
    make_document("Tajni budžet", "Без текста.", language="sr", original=library["secret"])
    assert titles("fshehtesine", locales, "sr") == []
    assert titles("tajni", locales, "sr") == ["Tajni budžet"]
    # A document moved into the private collection disappears.
    library["budget"].collection = private_collection
    library["budget"].save()
    assert titles("01-016/2026", locales) == []


def test_hit_has_the_public_url_and_an_escaped_highlight(library, locales):
    (hit,) = hits("shkollat", locales)
    assert hit.url == library["budget"].url
    assert hit.position == 0
    assert "<mark>shkollat</mark>" in hit.highlight
    document = make_document(
        "Skica", "Rruga <b>e re</b> & shkollat " + "fjalë " * 3_000 + "parku", language="sq"
    )
    (hit,) = hits("parku", locales)
    assert hit.document == document
    assert hit.highlight.startswith("… ") and hit.highlight.endswith("<mark>parku</mark>")
    (hit,) = hits("skica", locales)
    assert "&lt;b&gt;e re&lt;/b&gt; &amp;" in hit.highlight and "<b>" not in hit.highlight


@pytest.fixture
def linked(library, home_pages, locales):
    """The budget linked from a public decision (and its Serbian translation), a draft, a restricted and
    an expired page, and a page of the Serbian tree."""
    sq, sr = home_pages["sq"], home_pages["sr"]
    decisions = factories.DecisionIndexPageFactory(parent=sq, title="Vendimet")
    budget = library["budget"]
    body = library["assembly"]
    public = factories.DecisionPageFactory(
        parent=decisions, title="Vendimi 16", document=budget, issuing_body=body
    )
    annex = factories.DecisionPageFactory(parent=decisions, title="Vendimi 17", issuing_body=body)
    DecisionDocument.objects.create(page=annex, document=budget)
    draft = factories.DecisionPageFactory(
        parent=decisions, title="Vendimi në punë", document=budget, issuing_body=body
    )
    draft.unpublish()
    restricted = factories.StandardPageFactory(parent=sq, title="Për zyrën")
    restricted.body = [("document", {"document": budget, "title": ""})]
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    expired = factories.StandardPageFactory(parent=sq, title="Skaduar")
    expired.body = [("document", {"document": budget, "title": ""})]
    expired.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    expired.save_revision().publish()
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    elsewhere = factories.StandardPageFactory(parent=sr, title="Буџет")
    elsewhere.body = [("document", {"document": library["budget_sr"], "title": ""})]
    elsewhere.save_revision().publish()
    decisions_sr = decisions.copy_for_translation(locales["sr"])
    decisions_sr.save_revision().publish()
    public_sr = public.copy_for_translation(locales["sr"])
    public_sr.title = "Одлука 16"
    public_sr.save_revision().publish()
    return {"public": public, "annex": annex, "type": budget.document_type}


def test_a_hit_lists_only_the_public_pages_of_the_locale(linked, locales):
    (hit,) = hits("01-016/2026", locales)
    assert sorted(page.title for page in hit.pages) == ["Vendimi 16", "Vendimi 17"]
    assert {page.get_url() for page in hit.pages} == {linked["public"].get_url(), linked["annex"].get_url()}
    # In Serbian: the page linking the Serbian version, and the translation of the decision linking the original.
    (hit,) = hits("budzet", locales, "sr")
    assert sorted(page.title for page in hit.pages) == ["Буџет", "Одлука 16"]
    assert all(page.locale == locales["sr"] for page in hit.pages)


def test_query_count_does_not_depend_on_the_number_of_hits(linked, locales):
    def run(query):
        with CaptureQueriesContext(connection) as queries:
            found = hits(query, locales, limit=10)
        assert all(hit.pages for hit in found)
        assert all("Kuvendi i Komunës" in hit.highlight for hit in found if not hit.document.extracted_text)
        return len(found), len(queries)

    decisions, body = linked["public"].get_parent(), linked["public"].issuing_body

    def annex(number):
        # Half without text: their highlight comes from the metadata (issuing body, type).
        text = "" if number % 2 else "Aneksi i buxhetit."
        document = make_document(f"Aneksi {number}", text, issuing_body=body, document_type=linked["type"])
        page = factories.DecisionPageFactory(parent=decisions, title=f"Vendimi {number}", issuing_body=body)
        DecisionDocument.objects.create(page=page, document=document)

    annex(1)
    one, one_queries = run("aneksi")
    for number in range(2, 11):
        annex(number)
    ten, ten_queries = run("aneksi")
    assert (one, ten) == (1, 10)
    assert ten_queries == one_queries


def test_nothing_to_search_and_bad_limits(library, locales):
    assert hits("*** AND ---", locales) == []
    for limit in (0, MAX_LIMIT + 1, "5"):
        with pytest.raises(SearchInputError):
            hits("buxhet", locales, limit=limit)
