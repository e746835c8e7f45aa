"""The demo PDF generator works with or without a Unicode font; the storage follows the settings."""

from django.core.files.storage import FileSystemStorage
from django.test import override_settings

from documents import pdf
from documents.extraction import text_of_bytes
from documents.storage import document_storage
from tests.s3 import s3_storage_settings


def test_pdf_sets_serbian_cyrillic_with_the_packaged_font():
    assert pdf.unicode_font_path() is not None
    data = pdf.build_pdf("Одлука", ["Канцеларија за комуникацију", "Faqja e dytë", "Third page"])
    text = text_of_bytes(data, "application/pdf")
    assert "Канцеларија за комуникацију" in text
    assert "Faqja e dytë" in text
    assert "3 / 3" in text


def test_pdf_falls_back_to_transliteration_without_a_unicode_font(monkeypatch):
    monkeypatch.setattr(pdf, "unicode_font_path", lambda: None)
    data = pdf.build_pdf("Одлука", ["Џамија и Љубљана, ћевапи", "Faqja e dytë"])
    text = text_of_bytes(data, "application/pdf")
    assert "Dzamija i Ljubljana, cevapi" in text
    assert "Faqja e dytë" in text


def test_local_storage_is_outside_media_root(settings, tmp_path):
    with override_settings(DOCUMENTS_ROOT=tmp_path / "docs"):
        assert isinstance(document_storage, FileSystemStorage)
        assert document_storage.location == str(tmp_path / "docs")


def test_s3_document_storage_is_private_even_when_images_are_public():
    with override_settings(STORAGES=s3_storage_settings("http://127.0.0.1:9", "komuna-media")):
        assert document_storage.default_acl is None
        assert document_storage.querystring_auth is True
        assert document_storage.bucket_name == "komuna-media"


def test_an_explicit_documents_storage_wins(tmp_path):
    storages = {
        **s3_storage_settings("http://127.0.0.1:9", "komuna-media"),
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "vault")},
        },
    }
    with override_settings(STORAGES=storages):
        assert document_storage.location == str(tmp_path / "vault")
