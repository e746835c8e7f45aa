"""Fixtures chain: locales → site → home pages per locale → content."""

import pytest
from django.utils import translation
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage


@pytest.fixture(autouse=True)
def _reset_language():
    translation.activate("sq")
    yield
    translation.deactivate()


@pytest.fixture
def locales(db):
    from home.setup import ensure_locales

    ensure_locales()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def site(locales):
    """The default site rooted at the Albanian home page (recreated if a flush removed it)."""
    return ensure_default_site(locales)


def ensure_default_site(locales):
    """The ``site`` fixture's work, for fixtures of a wider scope than a test."""
    if Collection.get_first_root_node() is None:
        # A flush also removes the root collection that images and documents need.
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site
    # A transactional test's flush removes even the tree's root node.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["sq"])
    )
    home = root.add_child(instance=HomePage(title="Komuna", slug="home", locale=locales["sq"]))
    if site:
        site.root_page = home
        site.save()
        return site
    return Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


@pytest.fixture
def home_pages(site, django_capture_on_commit_callbacks):
    """The home page of every locale, {"sq": ..., "sr": ..., "en": ...}, all live."""
    from home.setup import ensure_home_translations

    with django_capture_on_commit_callbacks(execute=True):
        pages = ensure_home_translations()
    return {code: HomePage.objects.get(pk=page.pk) for code, page in pages.items()}


@pytest.fixture
def home_page(home_pages):
    return home_pages["sq"]


def pytest_configure(config):
    config.addinivalue_line("markers", "flushes_database: a transactional test run after all others")


def pytest_collection_modifyitems(items):
    # A transactional test ends with a flush that empties the database,
    # migration data included; run those last so that no other transactional
    # test (which expects the migrated site) comes after them.
    flushing = [item for item in items if item.get_closest_marker("flushes_database")]
    if flushing:
        items[:] = [item for item in items if item not in flushing] + flushing


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` (``make test``) that keeps the order above on every worker."""
    if config.getvalue("dist") == "loadfile":
        from tests.parallel import SuiteOrderScheduling

        return SuiteOrderScheduling(config, log)
    return None
