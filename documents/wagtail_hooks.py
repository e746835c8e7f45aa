from django.http import Http404, HttpResponseForbidden
from django.urls import path
from wagtail import hooks
from wagtail.models import BaseViewRestriction

from .admin_views import MunicipalDocumentsIndexView


@hooks.register("register_admin_urls", order=-1)
def register_documents_index():
    # Registered before wagtail.documents' own URLs, so these paths resolve here.
    return [
        path("documents/", MunicipalDocumentsIndexView.as_view(), name="municipal_documents_index"),
        path(
            "documents/results/",
            MunicipalDocumentsIndexView.as_view(results_only=True),
            name="municipal_documents_index_results",
        ),
    ]


@hooks.register("before_serve_document", order=-1)
def refuse_private_documents(document, request):
    """A document in a login- or group-restricted collection: 404 to the public, 403 to other users.

    Wagtail's own hook would redirect to the admin login, revealing that the
    document exists; password-restricted collections keep Wagtail's password form.
    """
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.PASSWORD or restriction.accept_request(
            request
        ):
            continue
        if not request.user.is_authenticated:
            raise Http404("No document here.")
        return HttpResponseForbidden("This document is not public.")
    return None
