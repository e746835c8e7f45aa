"""The Content-Security-Policy (docs/security.md): on the site, the admin and GraphiQL, with nonces.

The browser's side (no violation while the pages are used) is tests/e2e/test_csp.py.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from graphene_django.views import GraphQLView as GrapheneView

from home.editorial import HEAD_OF_OFFICE, ensure_editorial_setup
from home.factories import DecisionIndexPageFactory, DecisionPageFactory, NewsIndexPageFactory
from home.localization import translate_with

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header):
    """{directive: [sources]} of a policy header."""
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


class Scripts(HTMLParser):
    """The attributes of every <script> and <style>, also those inside <template> elements."""

    def __init__(self):
        super().__init__()
        self.scripts, self.styles, self.style_attributes, self.handlers = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        elif tag == "style":
            self.styles.append(attrs)
        if "style" in attrs:
            self.style_attributes.append((tag, attrs["style"]))
        self.handlers += [(tag, name) for name in attrs if name.startswith("on")]


def parse(response):
    parser = Scripts()
    parser.feed(response.content.decode())
    return parser


def inline_scripts(parsed):
    """Scripts the browser runs inline: no src, and not a data block (JSON, templates)."""
    return [
        attrs
        for attrs in parsed.scripts
        if "src" not in attrs and attrs.get("type", "text/javascript") in ("text/javascript", "module", "")
    ]


def assert_nonced(response):
    """The response's policy and markup: every inline script and style carries the header's nonce."""
    assert response.status_code == 200, response.status_code
    policy = directives(response[HEADER])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    parsed = parse(response)
    scripts = inline_scripts(parsed)
    if scripts or parsed.styles:
        nonces = [source for source in policy["script-src"] if source.startswith("'nonce-")]
        assert len(nonces) == 1, policy["script-src"]
        nonce = nonces[0][len("'nonce-") : -1]
        assert f"'nonce-{nonce}'" in policy["style-src"]
        for attrs in scripts + parsed.styles:
            assert attrs.get("nonce") == nonce, attrs
    assert parsed.handlers == [], parsed.handlers
    return parsed


@pytest.fixture
def editor_client(django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", password="sekret-123")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def decision(home_pages):
    index = DecisionIndexPageFactory(parent=home_pages["sq"])
    return DecisionPageFactory(parent=index, title="Vendim", issuing_body__abbreviation="KK")


def test_a_public_page_has_the_policy(client, decision):
    for url in ("/", decision.url, "/search/?query=vendim"):
        response = client.get(url)
        parsed = assert_nonced(response)
        policy = directives(response[HEADER])
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert {"'self'", "data:"} <= set(policy["img-src"])
        # Nothing inline on the public pages: their policy has no nonce, so a cached copy shares none.
        assert inline_scripts(parsed) == [] and parsed.styles == []
        assert not any(source.startswith("'nonce-") for source in policy["script-src"])


def test_the_admin_login_page_has_the_policy(client):
    assert_nonced(client.get("/admin/login/"))


def test_the_dashboard_has_the_policy(editor_client):
    assert_nonced(editor_client.get("/admin/"))


def test_the_page_editor_gives_its_inline_scripts_the_nonce(editor_client, decision):
    """Dates, choosers and the inline panel (whose empty form is a <template>) start with inline scripts."""
    response = editor_client.get(f"/admin/pages/{decision.pk}/edit/")
    parsed = assert_nonced(response)
    sources = response.content.decode()
    assert "initDateChooser(" in sources and "new InlinePanel(" in sources and "Chooser(" in sources
    assert len(inline_scripts(parsed)) >= 4
    # The inline panel's empty form: its chooser script has the nonce too (jQuery copies it when it adds a form).
    template = re.search(r'<template id="id_attachments-EMPTY_FORM_TEMPLATE">(.*?)</template>', sources, re.S)
    assert template and "<script nonce=" in template.group(1)


def test_each_response_has_its_own_nonce(editor_client, decision):
    first = directives(editor_client.get(f"/admin/pages/{decision.pk}/edit/")[HEADER])["script-src"]
    second = directives(editor_client.get(f"/admin/pages/{decision.pk}/edit/")[HEADER])["script-src"]
    assert first != second


def test_a_script_in_content_gets_no_nonce(editor_client, decision):
    """Only the scripts the templates write carry the nonce: a title shown in a chooser stays text."""
    nasty = DecisionPageFactory(
        parent=decision.get_parent(),
        title='</script><script>alert("x")</script>',
        issuing_body=decision.issuing_body,
    )
    decision.repealed_by = nasty
    decision.status = decision.Status.REPEALED
    decision.save_revision()
    response = editor_client.get(f"/admin/pages/{decision.pk}/edit/")
    assert_nonced(response)  # every inline script has the nonce: none came from the title
    assert '<script>alert("x")</script>' not in response.content.decode()


def test_the_translation_editor_has_the_policy(editor_client, home_pages):
    ensure_editorial_setup()
    editor_client.user.groups.add(Group.objects.get(name=HEAD_OF_OFFICE))
    index = NewsIndexPageFactory(parent=home_pages["sq"], title="Lajme")
    serbian = translate_with(index, "sr", lambda text, path: None)
    response = editor_client.get(f"/admin/pages/{serbian.pk}/edit/")
    parsed = assert_nonced(response)
    assert any("js-translation-editor" in value for value in [response.content.decode()])
    assert inline_scripts(parsed), "wagtail-localize's chooser URLs script"
    submit = editor_client.get(f"/admin/localize/submit/page/{index.pk}/")
    assert inline_scripts(assert_nonced(submit))


def test_graphiql_is_served_from_this_origin_with_nonces(client, settings):
    settings.DEBUG = True
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    parsed = assert_nonced(response)
    assert len(inline_scripts(parsed)) == 1 and len(parsed.styles) == 1
    for attrs in parsed.scripts:
        assert "src" not in attrs or attrs["src"].startswith("/static/"), attrs
    assert "cdn." not in response.content.decode()
    # GraphiQL's stylesheet embeds its fonts: data: fonts on this page only.
    assert "data:" in directives(response[HEADER])["font-src"]
    assert "data:" not in directives(client.get("/")[HEADER])["font-src"]


def test_the_vendored_graphiql_files_are_graphenes_pinned_versions():
    """Byte for byte the files graphene-django's SRI hashes name (the two with source map lines aside)."""
    folder = ROOT / "frontend_api/static/frontend_api/graphiql"
    pinned = {
        "react.production.min.js": GrapheneView.react_sri,
        "react-dom.production.min.js": GrapheneView.react_dom_sri,
        "graphql-ws.min.js": GrapheneView.subscriptions_transport_ws_sri,
        "graphiql-plugin-explorer.umd.js": GrapheneView.graphiql_plugin_explorer_sri,
        "graphiql-plugin-explorer.css": GrapheneView.graphiql_plugin_explorer_css_sri,
    }
    for name, sri in pinned.items():
        digest = base64.b64encode(hashlib.sha256((folder / name).read_bytes()).digest()).decode()
        assert f"sha256-{digest}" == sri, name
    assert GrapheneView.graphiql_version == "2.4.7", (
        "update static/frontend_api/graphiql/ with graphene-django"
    )
    for name in ("graphiql.min.js", "graphiql.min.css"):
        assert b"sourceMappingURL" not in (folder / name).read_bytes()


def test_the_projects_templates_have_no_inline_styles_or_handlers():
    """Style attributes and on…= handlers are refused by the policy: classes and script files instead."""
    offenders = []
    for path in ROOT.glob("*/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text()
        if re.search(r"\sstyle\s*=|\son[a-z]+\s*=|=\s*[\"']?\s*javascript:", text, re.I):
            offenders.append(str(path.relative_to(ROOT)))
    for path in ROOT.glob("cms/security/templates/**/*.html"):
        text = path.read_text()
        if re.search(r"\sstyle\s*=|\son[a-z]+\s*=", text, re.I):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "enforced": settings.CONTENT_SECURITY_POLICY,
    "report_only": settings.CONTENT_SECURITY_POLICY_REPORT_ONLY,
}, default=str))
"""


def read_policy(**environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSP_", "AWS_", "MEDIA_URL"))}
    env.update(environ, DJANGO_SETTINGS_MODULE="cms.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_report_only_is_a_setting():
    enforced = read_policy()
    assert enforced["report_only"] is None
    assert "'self'" in enforced["enforced"]["DIRECTIVES"]["script-src"]
    reporting = read_policy(CSP_REPORT_ONLY="1", CSP_REPORT_URI="/csp-reports/")
    assert reporting["enforced"] is None
    assert reporting["report_only"]["DIRECTIVES"]["report-uri"] == "/csp-reports/"
    assert (
        reporting["report_only"]["DIRECTIVES"]["script-src"]
        == enforced["enforced"]["DIRECTIVES"]["script-src"]
    )


def test_report_only_sends_the_report_only_header(client, editor_client, settings, decision):
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = policy
    response = client.get("/")
    assert HEADER not in response
    assert directives(response[REPORT_ONLY])["script-src"][0] == "'self'"
    editor = editor_client.get(f"/admin/pages/{decision.pk}/edit/")
    assert HEADER not in editor and "'nonce-" in editor[REPORT_ONLY]


def test_images_may_come_from_the_media_host():
    absolute = read_policy(MEDIA_URL="https://media.komuna.example/media/")
    assert "https://media.komuna.example" in absolute["enforced"]["DIRECTIVES"]["img-src"]
    s3 = read_policy(AWS_STORAGE_BUCKET_NAME="komuna-media", AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000")
    assert "http://127.0.0.1:9000" in s3["enforced"]["DIRECTIVES"]["img-src"]
    cdn = read_policy(AWS_STORAGE_BUCKET_NAME="komuna-media", AWS_S3_CUSTOM_DOMAIN="cdn.komuna.example")
    assert "https://cdn.komuna.example" in cdn["enforced"]["DIRECTIVES"]["img-src"]
    aws = read_policy(AWS_STORAGE_BUCKET_NAME="komuna-media", AWS_S3_REGION_NAME="eu-central-1")
    assert "https://komuna-media.s3.eu-central-1.amazonaws.com" in aws["enforced"]["DIRECTIVES"]["img-src"]
