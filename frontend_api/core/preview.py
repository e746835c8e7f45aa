"""Drafts for the frontend's preview mode, only with a valid headless-preview token.

The admin's preview button (``HeadlessPreviewMixin``) stores the draft under a
signed token and opens ``FRONTEND_URL?content_type=...&token=...``; the frontend
then asks ``page(token: ...)``. Tokens older than ``PREVIEW_TOKEN_MAX_AGE``
seconds are refused.
"""

from django.core import signing
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from ..conf import api_setting
from .errors import ApiError
from .pages import prepare_pages


def resolve_preview(info, token):
    signer = HeadlessPreviewMixin.get_preview_signer()
    try:
        signer.unsign(token, max_age=api_setting("PREVIEW_TOKEN_MAX_AGE"))
    except signing.SignatureExpired:
        raise ApiError(
            "The preview token has expired; open the preview again.", code="PREVIEW_EXPIRED"
        ) from None
    except signing.BadSignature:
        raise ApiError("The preview token is not valid.", code="PREVIEW_INVALID") from None
    # Drafts are never cached, whatever the caller.
    info.context._api_no_cache = True
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        raise ApiError("The preview token is not valid.", code="PREVIEW_INVALID")
    page = preview.as_page()
    return prepare_pages(info, [page])[0]
