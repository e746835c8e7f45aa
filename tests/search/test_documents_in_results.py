"""Documents among the search results: ranked with the pages, with the pages that publish them, public only.

The same on every surface: the service, the GraphQL `search` and the site's /search/.
"""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from home import factories
from search.service import DOCUMENT_TYPE, search
from tests.frontend_api.conftest import graphql_data, post
from tests.search.test_documents import library, make_document, private_collection  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(library, home_pages):  # noqa: F811
    decisions = factories.DecisionIndexPageFactory(parent=home_pages["sq"], title="Vendimet")
    decision = factories.DecisionPageFactory(
        parent=decisions,
        title="Vendimi nr. 16 i Kuvendit",
        summary="Kuvendi miratoi vendimin.",
        document=library["budget"],
        issuing_body=library["assembly"],
    )
    news = factories.NewsIndexPageFactory(parent=home_pages["sq"], title="Lajme")
    factories.NewsPageFactory(
        parent=news, title="Shkollat e reja hapen", summary="Shkollat hapen në shtator."
    )
    return {**library, "decision": decision}


def sq():
    return Locale.objects.get(language_code="sq")


def test_a_document_is_found_among_the_pages_with_the_pages_that_publish_it(published):
    results = search("shkollat", sq())
    assert [(result.typename, result.title) for result in results] == [
        ("NewsPage", "Shkollat e reja hapen"),
        (DOCUMENT_TYPE, "Vendimi për buxhetin 2026"),
    ]
    document = results.results[1]
    assert document.page is None and document.document == published["budget"]
    assert [page.title for page in document.pages] == ["Vendimi nr. 16 i Kuvendit"]
    assert document.url == published["budget"].url
    assert "<mark>shkollat</mark>" in document.highlight
    assert {facet.value: facet.count for facet in results.facets.types} == {"NewsPage": 1, DOCUMENT_TYPE: 1}
    assert 2026 in {facet.value for facet in results.facets.years}


def test_filters_apply_to_documents(published):
    assert [result.typename for result in search("shkollat", sq(), types=[DOCUMENT_TYPE])] == [DOCUMENT_TYPE]
    assert [result.typename for result in search("shkollat", sq(), types=["NewsPage"])] == ["NewsPage"]
    assert [result.title for result in search("buxhetin", sq(), year=2026, types=[DOCUMENT_TYPE])] == [
        "Vendimi për buxhetin 2026"
    ]
    assert search("buxhetin", sq(), year=2019, types=[DOCUMENT_TYPE]).results == []
    body = published["assembly"].pk
    assert [result.typename for result in search("shkollat", sq(), bodies=[body])] == [DOCUMENT_TYPE]
    # Topics and departments belong to pages only.
    topic = factories.TopicFactory(name="Arsimi")
    assert search("shkollat", sq(), topics=[topic.pk]).results == []


def test_a_private_document_is_never_a_result(published):
    assert [result.title for result in search("fshehtesine pagave", sq())] == []
    assert all(result.document != published["secret"] for result in search("buxheti", sq()))


GRAPHQL = """
query($query: String!, $where: SearchFilter) {
  search(query: $query, where: $where) {
    totalCount
    edges { node { typename title url document { id title } publishedOn { title url } page { title } } }
    facets { types { value count } }
    promotions { title url description page { title } }
  }
}
"""


def test_graphql_gives_the_document_its_pages_and_the_promotions(client, published):
    SearchPromotion.objects.create(
        query=Query.get("shkollat"), page=published["decision"], description="Lexoni."
    )
    found = graphql_data(post(client, GRAPHQL, {"query": "shkollat"}))["search"]
    nodes = [edge["node"] for edge in found["edges"]]
    assert [node["typename"] for node in nodes] == ["NewsPage", DOCUMENT_TYPE]
    document = nodes[1]
    assert document["document"]["title"] == "Vendimi për buxhetin 2026"
    assert document["page"] is None
    assert [page["title"] for page in document["publishedOn"]] == ["Vendimi nr. 16 i Kuvendit"]
    assert nodes[0]["publishedOn"] == []
    assert found["promotions"] == [
        {
            "title": "Vendimi nr. 16 i Kuvendit",
            "url": published["decision"].url,
            "description": "Lexoni.",
            "page": {"title": "Vendimi nr. 16 i Kuvendit"},
        }
    ]
    only_documents = graphql_data(
        post(client, GRAPHQL, {"query": "shkollat", "where": {"types": ["Document"]}})
    )
    assert [edge["node"]["typename"] for edge in only_documents["search"]["edges"]] == [DOCUMENT_TYPE]


def test_the_site_search_shows_facets_documents_and_their_pages(client, published):
    response = client.get("/search/", {"query": "shkollat"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 rezultate" in html
    # Facets: each value links to the results narrowed to it, the query kept.
    groups = {group["name"]: group for group in response.context["facet_groups"]}
    links = {link["label"]: link for link in groups["types"]["links"]}
    assert set(links) == {"Lajme", "Dokumente"}
    assert links["Dokumente"]["url"] == "?query=shkollat&type=Document"
    # The document shows the decision that publishes it.
    assert f'<a href="{published["decision"].url}">Vendimi nr. 16 i Kuvendit</a>' in html
    narrowed = client.get("/search/", {"query": "shkollat", "type": "Document"})
    assert [row["title"] for row in narrowed.context["results"]] == ["Vendimi për buxhetin 2026"]
    (selected,) = [
        link for group in narrowed.context["facet_groups"] for link in group["links"] if link["selected"]
    ]
    assert selected["url"] == "?query=shkollat"
    # A filter value that names nothing is dropped, not an error.
    assert client.get("/search/", {"query": "shkollat", "type": "Nothing", "year": "x"}).status_code == 200


def test_the_site_search_offers_a_correction(client, published):
    response = client.get("/search/", {"query": "shkolllat"})
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["search_results"].corrected_query
    assert "?query=" in html and "Mos keni" in html
    assert html.index("Nuk u gjet asnjë rezultat.") < html.index("Mos keni")


def test_a_result_whose_only_text_is_its_title_shows_no_extract(client, home_pages):
    page = factories.StandardPageFactory(parent=home_pages["sq"], title="Seanca e Kuvendit", summary="")
    assert client.get("/search/", {"query": "kuvendi"}).context["results"] == [
        {
            "title": "Seanca e Kuvendit",
            "url": page.url,
            "highlight": "",
            "kind": "Faqe standarde",
            "date": None,
            "pages": [],
        }
    ]


def test_with_as_many_title_words_the_page_comes_before_the_document_it_publishes(published, home_pages):
    page = factories.DecisionPageFactory(
        parent=published["decision"].get_parent(),
        title="Vendimi për buxhetin 2026",
        document=published["budget"],
    )
    results = search("vendimi buxhetin", sq())
    assert [(result.typename, result.title) for result in results][:2] == [
        ("DecisionPage", "Vendimi për buxhetin 2026"),
        (DOCUMENT_TYPE, "Vendimi për buxhetin 2026"),
    ]
    assert results.results[0].page == page
    assert results.results[0].score > results.results[1].score
