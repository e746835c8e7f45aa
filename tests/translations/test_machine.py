import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils.translation import override
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from translations import services
from translations.machine import GlossaryTranslator, LibreTranslator
from translations.models import TranslationTask


def values(*texts):
    return [StringValue(text) for text in texts]


def test_the_glossary_backend_is_the_default(settings):
    assert isinstance(get_machine_translator(), GlossaryTranslator)


def test_glossary_translates_known_terms_and_marks_the_rest(locales):
    translator = GlossaryTranslator({})
    result = translator.translate(locales["sq"], locales["sr"], values("Lajme", "Seanca e Kuvendi i Komunës"))
    texts = {source.data: value.data for source, value in result.items()}
    assert texts["Lajme"] == "Вести"
    assert texts["Seanca e Kuvendi i Komunës"] == "[MT sq→sr] Seanca e Скупштина општине"
    assert translator.can_translate(locales["sq"], locales["en"])
    assert not translator.can_translate(locales["sr"], locales["sr"])
    assert not translator.can_translate(locales["sq"], Locale(language_code="tr"))


def test_machine_output_from_the_editor_needs_human_review(
    client, news_page, serbian_translator, head_of_office, django_capture_on_commit_callbacks
):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    services.start(task, serbian_translator)
    translation = services.get_translation(task)
    client.force_login(serbian_translator)
    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert response.status_code == 302
    title = StringTranslation.objects.get(locale=task.target_locale, context__path="title")
    assert (title.data, title.translation_type) == ("Вести", "machine")
    total, translated, machine = services.progress(task)
    assert translated == total and machine == total
    services.submit(task, serbian_translator)
    with override("en"), pytest.raises(services.TransitionError, match="machine-translated"):
        services.approve(task, head_of_office)
    assert (
        b"machine-translated segments need human review"
        in client.get(f"/admin/translations/{task.pk}/").content
    )


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """A LibreTranslate server speaking its real HTTP API (POST /translate)."""

    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append((self.path, body))
        payload = json.dumps({"translatedText": [f"<{body['target']}>{text}" for text in body["q"]]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate_url():
    server = HTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_libretranslate_over_http_without_an_api_key(locales, libretranslate_url):
    FakeLibreTranslate.requests.clear()
    translator = LibreTranslator({"LIBRETRANSLATE_URL": libretranslate_url})
    result = translator.translate(locales["sq"], locales["en"], values("Lajme"))
    assert [value.data for value in result.values()] == ["<en>Lajme"]
    path, body = FakeLibreTranslate.requests[0]
    assert path == "/translate"
    assert body == {"q": ["Lajme"], "source": "sq", "target": "en", "api_key": "", "format": "html"}


def test_the_glossary_translator_is_named_through_the_catalogs():
    from django.utils import translation

    from translations.machine import GlossaryTranslator

    # wagtail-localize shows it as "Translate with <name>" in the translator's language.
    with translation.override("en"):
        assert GlossaryTranslator({}).display_name == "the office's glossary"
