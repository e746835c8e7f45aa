"""The site's form for citizens' messages and the status page, in the language of the URL.

Both go through the same services as the API: ``submission.submit`` (honeypot,
rate limits, validation, storage, acknowledgement) and ``status.public_status``
(nothing personal). Under ``/sr-latn/`` the Serbian pages come out in Latin
script through ``translations.latin_site``.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import limits, proof
from .forms import MessageForm
from .models import Kind
from .status import public_status
from .submission import submit


@never_cache
@require_http_methods(["GET", "POST"])
def submit_message(request):
    language = translation.get_language()
    refusals = []
    if request.method == "POST":
        submission = submit(request.POST, request.FILES, language=language, request=request)
        if submission.ok:
            return redirect(
                f"{reverse('citizens:status')}?code={submission.message.tracking_code}&received=1"
            )
        form = submission.form or MessageForm(request.POST, default_language=language)
        if submission.form is None:
            refusals = submission.errors.get("__all__", [])
    else:
        form = MessageForm(
            initial={"language": language, "kind": request.GET.get("kind")}, default_language=language
        )
    return TemplateResponse(
        request,
        "citizens/submit.html",
        {
            "form": form,
            "refusals": refusals,
            "urgent_kinds": [kind.code for kind in Kind.objects.all() if kind.allows_urgent],
            # A fresh one each time the form is shown: a solved challenge is accepted once.
            "challenge": proof.new_challenge() if proof.enabled() else None,
        },
    )


@never_cache
@require_http_methods(["GET"])
def message_status(request):
    code = request.GET.get("code", "").strip()
    context = {"code": code, "received": request.GET.get("received") == "1", "status": None, "refusal": None}
    if code:
        if limits.allow_status_lookup(request):
            context["status"] = public_status(code)
        else:
            context["refusal"] = limits.status_refusal()
    return TemplateResponse(request, "citizens/status.html", context)
