"""Routing: the citizen's department, then topic rules, then keyword rules, then the kind's default."""

import pytest

from citizens.models import RoutingRule
from citizens.routing import Route, mentions, route

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(kinds, departments, roads, django_user_model):
    official = django_user_model.objects.create_user(username="besnik")
    kind = kinds["complaint"]
    kind.default_department = departments["administration"]
    kind.save()
    return {
        "topic": RoutingRule.objects.create(
            topic=roads, department=departments["urbanism"], official=official
        ),
        "keywords": RoutingRule.objects.create(
            kind=kind,
            keywords="shkollë, школа, kopsht fëmijësh",
            department=departments["education"],
            sort_order=1,
        ),
        "official": official,
    }


def test_the_kinds_default_when_nothing_matches(kinds, departments, rules):
    assert route(kinds["complaint"], subject="Ndriçimi", text="Llamba nuk punon") == Route(
        departments["administration"]
    )
    assert route(kinds["question"], subject="?", text="?") == Route()


def test_a_topic_rule_for_every_kind(kinds, departments, roads, rules):
    assert route(kinds["question"], subject="Gropë", text="...", topic=roads) == Route(
        departments["urbanism"], rules["official"]
    )


def test_keywords_in_either_script_and_without_diacritics(kinds, departments, rules):
    education = Route(departments["education"])
    assert route(kinds["complaint"], subject="Ngrohja në SHKOLLE", text="") == education
    assert route(kinds["complaint"], subject="Grejanje", text="U školi nema grejanja") != education
    assert route(kinds["complaint"], subject="Grejanje", text="Škola nema grejanja") == education
    assert route(kinds["complaint"], subject="", text="Kopsht fëmijësh pa ngrohje") == education
    # Rules of another kind do not apply.
    assert route(kinds["suggestion"], subject="shkollë", text="") == Route()


def test_the_citizens_department_comes_first(kinds, departments, roads, rules):
    chosen = departments["administration"]
    assert route(kinds["complaint"], subject="shkollë", topic=roads, department=chosen) == Route(chosen)


def test_keywords_match_whole_words():
    assert mentions("Rruga e shkollës", "rruga")
    assert not mentions("Rrugaçi", "rruga")
    assert mentions("Улица Краља Петра", "ulica kralja")
