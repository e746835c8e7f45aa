import pytest

HOME_QUERY = """
query Home($locale: Locale) {
  homePage(locale: $locale) {
    id title url locale isFallback seoTitle intro
    translations { locale url title }
    parent { id }
    breadcrumbs { id }
    children(first: 10) { totalCount edges { node { title url } } }
  }
}
"""


@pytest.mark.django_db
@pytest.mark.parametrize(("locale", "url"), [("SQ", "/"), ("SR", "/sr/"), ("EN", "/en/")])
def test_home_page_in_every_locale(gql, home_pages, locale, url):
    home = gql(HOME_QUERY, {"locale": locale})["homePage"]
    assert home["url"] == url
    assert home["locale"] == locale
    assert home["isFallback"] is False
    assert home["parent"] is None
    assert home["breadcrumbs"] == []
    # Serbian is offered in both scripts: SR (Cyrillic, stored) and SR_LATN (derived).
    expected = {"SQ", "SR", "SR_LATN", "EN"} - {locale}
    assert sorted(t["locale"] for t in home["translations"]) == sorted(expected)
    assert {t["url"] for t in home["translations"]} == {"/", "/sr/", "/sr-latn/", "/en/"} - {url}
