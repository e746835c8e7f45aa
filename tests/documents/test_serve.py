"""Documents are served only through Wagtail's view: private collections stay private, headers are safe."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from documents.models import Document
from tests.documents import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Materiale të brendshme")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def make_document(title, collection=None, data=None, name="vendim.pdf"):
    document = Document(title=title, file=ContentFile(data or files.pdf("Teksti"), name=name))
    if collection:
        document.collection = collection
    document.save()
    return document


def test_public_document_is_served_with_safe_headers(client):
    document = make_document("Vendim publik")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert 'filename="vendim.pdf"' in response["Content-Disposition"]


def test_non_pdf_documents_are_attachments(client):
    document = make_document("Tabela", data=files.xlsx(["a"]), name="tabela.xlsx")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_document_in_private_collection_is_not_found_by_the_public(client, private_collection):
    document = make_document("Material i brendshëm", private_collection)
    response = client.get(document.url)
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_restriction_on_a_parent_collection_covers_its_children(client, private_collection):
    child = private_collection.add_child(name="Nënkoleksion")
    document = make_document("Material", child)
    assert client.get(document.url).status_code == 404


def test_group_restricted_document_is_forbidden_to_other_users(client, private_collection):
    editors = Group.objects.create(name="Redaktorët e vendimeve")
    restriction = CollectionViewRestriction.objects.get(collection=private_collection)
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(editors)
    document = make_document("Material", private_collection)

    outsider = User.objects.create_user("qytetari", password="x")
    client.force_login(outsider)
    assert client.get(document.url).status_code == 403

    insider = User.objects.create_user("redaktori", password="x")
    insider.groups.add(editors)
    client.force_login(insider)
    assert client.get(document.url).status_code == 200


def test_logged_in_user_reads_login_restricted_document(client, private_collection):
    document = make_document("Material", private_collection)
    client.force_login(User.objects.create_user("zyrtari", password="x"))
    assert client.get(document.url).status_code == 200


def test_public_queryset_leaves_out_private_collections(private_collection):
    public = make_document("Publik")
    make_document("Privat", private_collection)
    make_document("Privat i thellë", private_collection.add_child(name="Thellë"))
    assert list(Document.objects.public()) == [public]
    assert public.is_public


def test_public_queryset_needs_constant_queries(private_collection, django_assert_max_num_queries):
    for number in range(5):
        make_document(f"Publik {number}")
    # The restricted collections, the collections under them, the documents: at any number of documents.
    with django_assert_max_num_queries(3):
        assert len(Document.objects.public()) == 5
    for number in range(5, 20):
        make_document(f"Publik {number}")
    with django_assert_max_num_queries(3):
        assert len(Document.objects.public()) == 20


def test_files_are_stored_outside_the_public_media_folder(settings):
    document = make_document("Publik")
    from pathlib import Path

    path = Path(document.file.path).resolve()
    assert path.is_relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_deleting_a_document_removes_its_file(django_capture_on_commit_callbacks):
    from pathlib import Path

    document = make_document("Për t'u fshirë")
    path = Path(document.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()
