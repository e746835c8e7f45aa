"""A refusal of the official-language gate anywhere in the admin becomes a message, not an error page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .gate import GateClosed


class OfficialLanguageGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, GateClosed) or not request.path.startswith("/admin/"):
            return None
        messages.error(request, exception.message)
        page = exception.page
        if page is not None and page.pk is not None:
            return redirect("wagtailadmin_pages:edit", page.pk)
        referer = request.META.get("HTTP_REFERER", "")
        if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
            return redirect(referer)
        return redirect("wagtailadmin_home")
