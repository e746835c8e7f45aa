"""``make run`` serves where absolute URLs point: the default Site takes the server's host and port."""

import pytest
from wagtail.models import Site

from home.management.commands.rundev import Command

pytestmark = pytest.mark.django_db


def test_the_default_site_names_where_the_server_runs(site, monkeypatch):
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    assert Command().serve_here("127.0.0.1:8042") == "http://127.0.0.1:8042"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8042)
    assert site.root_page.get_full_url() == "http://127.0.0.1:8042/"


def test_a_configured_base_url_is_kept(site, monkeypatch):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://komuna.example")
    assert Command().serve_here("8000") == "https://komuna.example"
    assert Site.objects.get(is_default_site=True).port == 8000
