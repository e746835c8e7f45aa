"""The site's subscription pages, in the language of the URL (Latin under ``/sr-latn/``).

Subscribing goes through ``subscriptions.subscribe`` like the API's mutation. The
confirmation, preferences and unsubscribe links carry signed tokens: no login.
The unsubscribe URL takes RFC 8058's one-click POST from mail clients, hence no
CSRF token there; a GET only shows the button.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from citizens import proof

from . import subscriptions


def _page(request, template, context, status=200):
    return TemplateResponse(request, f"outreach/{template}", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = translation.get_language()
    if request.method == "POST":
        result = subscriptions.subscribe(request.POST, language=language, request=request)
        if result.ok:
            return _page(request, "subscription_message.html", {"message": "sent"})
        form = result.form or subscriptions.SubscribeForm(request.POST)
        refusal = result.refusal
    else:
        form, refusal = subscriptions.SubscribeForm(initial={"language": language}), ""
    # A fresh challenge each time the form is shown: a solved one is accepted once.
    challenge = proof.new_challenge() if proof.enabled() else None
    return _page(request, "subscribe.html", {"form": form, "refusal": refusal, "challenge": challenge})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "GET":
        choices = subscriptions.choices_for(token)
        if choices is None:
            return _page(request, "subscription_message.html", {"message": "invalid"}, status=404)
        return _page(request, "confirm.html", {"choices": subscriptions.describe(choices)})
    subscription = subscriptions.confirm(token)
    if subscription is None:
        return _page(request, "subscription_message.html", {"message": "invalid"}, status=404)
    preferences = reverse("subscriptions:preferences", args=[subscriptions.manage_token(subscription)])
    return _page(request, "subscription_message.html", {"message": "confirmed", "preferences": preferences})


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscription = subscriptions.subscription_for(token)
    if subscription is None:
        return _page(request, "subscription_message.html", {"message": "invalid"}, status=404)
    saved = False
    if request.method == "POST":
        data = request.POST.copy()
        data["email"] = subscription.email  # the address is the subscription: changed by subscribing anew
        form = subscriptions.SubscribeForm(data)
        if form.is_valid():
            subscriptions.update_preferences(subscription, form)
            saved = True
    else:
        form = subscriptions.SubscribeForm(initial=subscriptions.initial_from(subscription))
    form.fields["email"].disabled = True
    unsubscribe = reverse("subscriptions:unsubscribe", args=[token])
    return _page(request, "preferences.html", {"form": form, "saved": saved, "unsubscribe": unsubscribe})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        subscriptions.unsubscribe(token)
        return HttpResponse(status=200)  # a mail client: nobody reads the page
    return _unsubscribe_page(request, token)


@csrf_protect
def _unsubscribe_page(request, token):
    """The page's own button: a form like any other, with its CSRF token."""
    if request.method == "GET":
        if subscriptions.subscription_for(token) is None:
            return _page(request, "subscription_message.html", {"message": "invalid"}, status=404)
        return _page(request, "unsubscribe.html", {})
    subscriptions.unsubscribe(token)
    return _page(request, "subscription_message.html", {"message": "unsubscribed"})
