"""The demo's bodies are named and abbreviated as the office's glossary says."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from home.demo import DemoContext, reference
from home.glossary import load_glossary, terms
from home.models import Body
from translations.transliteration import to_latin

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    return reference.load(DemoContext(write=lambda message: None))


def test_no_two_demo_bodies_share_an_abbreviation_in_a_language(bodies):
    assert len(bodies) == len(reference.BODIES)
    for code in settings.MODELTRANSLATION_LANGUAGES:
        abbreviations = [getattr(body, f"abbreviation_{code}") for body in Body.objects.all()]
        assert all(abbreviations), (code, abbreviations)
        assert len({value.casefold() for value in abbreviations}) == len(abbreviations), (code, abbreviations)
    for body in Body.objects.all():
        body.full_clean()


def test_demo_bodies_are_named_as_the_glossary_names_them(bodies):
    glossary = load_glossary()
    for slug, key, _kind, _abbreviations, _parent in reference.BODIES:
        if not isinstance(key, str):
            continue  # the Mayor's office is not a glossary term
        body = Body.objects.get(slug=slug)
        for code, name in terms(key).items():
            assert getattr(body, f"name_{code}") == name, (slug, code)
        # The Latin website transliterates the Cyrillic name: it must give the glossary's Latin term.
        assert to_latin(body.name_sr) == glossary[key]["sr_latn"], slug
        abbreviation = re.search(r"abbreviation (\S+)", glossary[key]["note"])
        if abbreviation:
            assert body.abbreviation_sq == abbreviation.group(1), slug


def test_a_body_may_not_take_an_abbreviation_another_has_in_that_language(bodies):
    body = Body(slug="komiteti-i-ri", name_sq="Komiteti i ri", abbreviation_sq="KR", abbreviation_sr="кпф")

    with pytest.raises(ValidationError) as raised:
        body.full_clean()

    assert set(raised.value.message_dict) == {"abbreviation_sr"}
    assert raised.value.error_dict["abbreviation_sr"][0].code == "duplicate_abbreviation"
    body.abbreviation_sr = "КР"
    body.full_clean()


def test_loading_again_corrects_a_body_loaded_before_the_glossary_was_followed(bodies):
    Body.objects.filter(slug="kuvendi").update(abbreviation_sq="KK", name_en="Assembly")

    reference.load(DemoContext(write=lambda message: None))

    assembly = Body.objects.get(slug="kuvendi")
    assert (assembly.abbreviation_sq, assembly.name_en) == ("KKom", "Municipal Assembly")
