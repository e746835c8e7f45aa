import pytest
from django.utils import translation

from home.factories import BodyFactory
from home.models import Body

pytestmark = pytest.mark.django_db


def test_empty_translations_fall_back_to_albanian_then_english():
    body = BodyFactory(
        slug="kuvendi",
        name="Kuvendi i Komunës",
        name_sq="Kuvendi i Komunës",
        name_sr="",
        name_en="Municipal Assembly",
    )
    english_only = BodyFactory(slug="board", name_sq="", name_sr="", name_en="Board of Directors")

    with translation.override("sr"):
        body = Body.objects.get(pk=body.pk)
        assert body.name == "Kuvendi i Komunës"
        assert Body.objects.get(pk=english_only.pk).name == "Board of Directors"
    with translation.override("en"):
        assert Body.objects.get(pk=body.pk).name == "Municipal Assembly"


def test_each_language_reads_its_own_column():
    BodyFactory(
        slug="kuvendi", name_sq="Kuvendi i Komunës", name_sr="Скупштина општине", name_en="Municipal Assembly"
    )
    for language, expected in (
        ("sq", "Kuvendi i Komunës"),
        ("sr", "Скупштина општине"),
        ("en", "Municipal Assembly"),
    ):
        with translation.override(language):
            assert Body.objects.get(slug="kuvendi").name == expected
