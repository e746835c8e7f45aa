import pytest

from citizens.models import Kind
from home.models import Department, Topic


@pytest.fixture
def kinds(db):
    """The kinds the migration seeds, by code."""
    return {kind.code: kind for kind in Kind.objects.all()}


@pytest.fixture
def departments(db):
    return {
        slug: Department.objects.create(name=name, name_sq=name, slug=slug)
        for slug, name in [
            ("urbanism", "Drejtoria për Urbanizëm"),
            ("education", "Drejtoria për Arsim"),
            ("administration", "Drejtoria për Administratë"),
        ]
    }


@pytest.fixture
def roads(db):
    return Topic.objects.create(name="Rrugët", name_sq="Rrugët", slug="roads")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits count on the cache: every test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
