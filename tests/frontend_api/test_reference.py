import pytest

from home.factories import BodyFactory, DepartmentFactory, DocumentTypeFactory, PlaceFactory, TopicFactory

REFERENCE = """
query Reference($locale: Locale) {
  bodies(locale: $locale) { id slug name abbreviation kind locale parent { name } }
  departments(locale: $locale) { slug name email phone }
  topics(locale: $locale) { slug name }
  places(locale: $locale) { slug name address latitude }
  documentTypes(locale: $locale) { slug name }
}
"""

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference(db):
    assembly = BodyFactory(
        name_sq="Kuvendi Komunal",
        name_sr="Скупштина општине",
        name_en="Municipal Assembly",
        slug="kuvendi",
        kind="assembly",
    )
    BodyFactory(
        name_sq="Komiteti për Politikë dhe Financa",
        name_sr="Одбор за политику и финансије",
        abbreviation_sq="KPF",
        abbreviation_sr="ОПФ",
        slug="kpf",
        kind="committee",
        parent=assembly,
    )
    DepartmentFactory(name_sq="Drejtoria e Arsimit", name_en="Directorate of Education", slug="arsimi")
    TopicFactory(name_sq="Arsimi", name_sr="Образовање", name_en="Education", slug="arsimi")
    PlaceFactory(name_sq="Salla e Kuvendit", name_sr="Сала Скупштине", address_sq="Rruga 1", slug="salla")
    DocumentTypeFactory(name_sq="Vendim", name_sr="Одлука", name_en="Decision", slug="vendim")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "SQ",
            [
                "Kuvendi Komunal",
                "Komiteti për Politikë dhe Financa",
                "KPF",
                "Drejtoria e Arsimit",
                "Arsimi",
                "Salla e Kuvendit",
                "Rruga 1",
                "Vendim",
            ],
        ),
        (
            "SR",
            [
                "Скупштина општине",
                "Одбор за политику и финансије",
                "ОПФ",
                "Drejtoria e Arsimit",
                "Образовање",
                "Сала Скупштине",
                "Rruga 1",
                "Одлука",
            ],
        ),
        (
            "EN",
            [
                "Municipal Assembly",
                "Komiteti për Politikë dhe Financa",
                "KPF",
                "Directorate of Education",
                "Education",
                "Salla e Kuvendit",
                "Rruga 1",
                "Decision",
            ],
        ),
    ],
)
def test_reference_data_in_every_locale_with_fallback(gql, reference, locale, expected):
    data = gql(REFERENCE, {"locale": locale})
    assembly, committee = data["bodies"]
    assert [
        assembly["name"],
        committee["name"],
        committee["abbreviation"],
        data["departments"][0]["name"],
        data["topics"][0]["name"],
        data["places"][0]["name"],
        data["places"][0]["address"],
        data["documentTypes"][0]["name"],
    ] == expected
    assert committee["parent"]["name"] == assembly["name"]
    assert committee["kind"] == "COMMITTEE"
    assert assembly["locale"] == locale


def test_default_locale_is_albanian(gql, reference):
    assert gql(REFERENCE)["topics"][0]["name"] == "Arsimi"
