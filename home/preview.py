"""The editor's preview: the external frontend's page when one is configured, else this site's.

With ``FRONTEND_URL`` set, the preview panel opens the frontend with a signed
token (wagtail-headless-preview; the API serves the draft for it). Without one
(``make run``, a municipality that uses only this site) the panel shows the page
as this site renders it, instead of an empty frame.
"""

from django.conf import settings
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin


class PreviewMixin(HeadlessPreviewMixin):
    def serve_preview(self, request, preview_mode):
        if settings.FRONTEND_URL:
            return super().serve_preview(request, preview_mode)
        return Page.serve_preview(self, request, preview_mode)
