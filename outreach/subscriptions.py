"""Citizens' subscriptions: the site's news by e-mail, in the subscriber's language and script.

- **Double opt-in.** ``subscribe`` (the site's form and the API's mutation) checks the
  honeypot, the rate limits (``citizens.limits``) and the proof-of-work
  (``citizens.proof``, the same challenge as the citizens' messages), then e-mails a
  confirmation link. The choices travel in that signed link; nothing is stored until it is
  opened, so an unconfirmed address gets that one e-mail and is kept nowhere.
- **What is sent.** When a page of a category (news, announcements, decisions,
  vacancies, events) is first published and public in its source language, each
  subscription that wants its category, one of its topics or its body gets one
  ``SubscriptionItem`` (unique per page). ``immediate`` subscriptions are e-mailed
  at once (a task); ``daily`` ones in ``send_subscriptions`` (the cron, once a
  day). An item is claimed with a conditional UPDATE before it is sent, so two
  workers never send it twice; at sending time a page that is no longer public is
  left out (``cms.public``), and each page is given in the subscriber's language
  where its translation is live.
- **Bounces and complaints** mark the address (``outreach.deliverability``): a marked
  subscription gets nothing more until it is confirmed again.
- **Leaving.** Every e-mail links the preferences page and carries RFC 8058's
  ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers: a POST to the link
  unsubscribes without login. The links hold a signed token of the subscription.
"""

import dataclasses
import smtplib

from django import forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from citizens import limits, proof
from cms.mail import compose, in_language, public_url
from cms.public import is_public_page
from home.models import Body, Topic
from outreach.models import Language, Subscription, SubscriptionItem

CONFIRM_SALT = "outreach.subscription.confirm"
MANAGE_SALT = "outreach.subscription.manage"
CONFIRM_MAX_AGE = 3 * 24 * 3600

#: The page types of each category.
CATEGORY_MODELS = {
    Subscription.Category.NEWS: ("newspage",),
    Subscription.Category.ANNOUNCEMENTS: ("announcementpage",),
    Subscription.Category.DECISIONS: ("decisionpage",),
    Subscription.Category.VACANCIES: ("vacancypage",),
    Subscription.Category.EVENTS: ("eventpage", "meetingpage"),
}


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Language.choices)
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("Categories"),
        choices=Subscription.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bodies = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Bodies"),
        queryset=Body.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("categories") or data.get("topics") or data.get("bodies")):
            raise forms.ValidationError(_("Choose at least one category, topic or body."))
        return data

    def choices(self):
        """The cleaned choices as the confirmation link carries them."""
        data = self.cleaned_data
        return {
            "email": data["email"].strip().lower(),
            "language": data["language"],
            "categories": list(data["categories"]),
            "topics": [topic.slug for topic in data["topics"]],
            "bodies": [body.slug for body in data["bodies"]],
            "frequency": data["frequency"],
        }


def initial_from(subscription):
    return {
        "email": subscription.email,
        "language": subscription.language,
        "categories": subscription.categories,
        "topics": list(subscription.topics.all()),
        "bodies": list(subscription.bodies.all()),
        "frequency": subscription.frequency,
    }


@dataclasses.dataclass
class Result:
    ok: bool
    form: SubscribeForm = None
    refusal: str = ""


def refusal(request, data, language):
    """None when a subscription may be asked for, else the refusal in ``language``."""
    with in_language(language):
        if data.get("website"):
            return _("Your subscription could not be accepted.")
        if not limits.hit("subscribe-ip", limits.client_address(request), settings.CITIZENS_RATE_PER_IP):
            return _("Too many subscriptions were asked for from your connection. Please try again later.")
        email = (data.get("email") or "").strip().casefold()
        if email and not limits.hit("subscribe-email", email, settings.CITIZENS_RATE_PER_EMAIL):
            return _(
                "Too many subscriptions were asked for with this e-mail address. Please try again later."
            )
        # Last: a solved challenge is spent only on a request that passed the cheaper checks.
        return proof.refusal(data.get("proof_of_work"))


def subscribe(data, *, language, request):
    """Check, validate and e-mail the confirmation link; nothing is stored."""
    refused = refusal(request, data, language)
    if refused:
        return Result(ok=False, refusal=refused)
    with in_language(language):
        form = SubscribeForm(data)
        if not form.is_valid():
            return Result(ok=False, form=form)
    send_confirmation(form.choices())
    return Result(ok=True, form=form)


# --- Tokens --------------------------------------------------------------------


def confirmation_token(choices):
    return signing.dumps(choices, salt=CONFIRM_SALT, compress=True)


def choices_for(token):
    """The choices a confirmation link carries, or None when it is forged or expired."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None


def describe(choices):
    """The choices as the confirmation page shows them: labels in the active language."""
    categories = dict(Subscription.Category.choices)
    return {
        "email": choices["email"],
        "language": dict(Language.choices).get(choices["language"], choices["language"]),
        "categories": [categories[code] for code in choices["categories"] if code in categories],
        "topics": [str(topic) for topic in Topic.objects.filter(slug__in=choices["topics"])],
        "bodies": [str(body) for body in Body.objects.filter(slug__in=choices["bodies"])],
        "frequency": dict(Subscription.Frequency.choices).get(choices["frequency"], choices["frequency"]),
    }


def confirm(token):
    """Store (or replace) the subscription the link carries; the subscription, or None if the link is bad."""
    choices = choices_for(token)
    if choices is None:
        return None
    with transaction.atomic():
        subscription, _created = Subscription.objects.update_or_create(
            email=choices["email"],
            defaults={
                "language": choices["language"],
                "categories": choices["categories"],
                "frequency": choices["frequency"],
                "confirmed_at": timezone.now(),
                # The link reached the mailbox: a bounce or complaint mark no longer holds.
                "undeliverable": "",
                "undeliverable_at": None,
                "undeliverable_detail": "",
            },
        )
        subscription.topics.set(Topic.objects.filter(slug__in=choices["topics"]))
        subscription.bodies.set(Body.objects.filter(slug__in=choices["bodies"]))
    return subscription


def manage_token(subscription):
    return signing.dumps({"id": subscription.pk, "email": subscription.email}, salt=MANAGE_SALT)


def subscription_for(token):
    """The subscription a preferences or unsubscribe link names, or None."""
    try:
        value = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=value.get("id"), email=value.get("email")).first()


def unsubscribe(token):
    """Delete the subscription the link names (with its items); True when there was one."""
    subscription = subscription_for(token)
    if subscription is None:
        return False
    subscription.delete()
    return True


def update_preferences(subscription, form):
    choices = form.choices()
    subscription.language = choices["language"]
    subscription.categories = choices["categories"]
    subscription.frequency = choices["frequency"]
    subscription.save()
    subscription.topics.set(form.cleaned_data["topics"])
    subscription.bodies.set(form.cleaned_data["bodies"])


# --- Links and e-mails -------------------------------------------------------------


def _site():
    return Site.objects.filter(is_default_site=True).first()


def link(name, token, language):
    with in_language(language):
        return public_url(reverse(name, args=[token]), _site())


def send_confirmation(choices):
    language = choices["language"]
    with in_language(language):
        context = {"url": link("subscriptions:confirm", confirmation_token(choices), language)}
        subject = _("Confirm your subscription")
        body = render_to_string("outreach/email/subscription_confirm.txt", context)
    compose(subject, body, [choices["email"]], language).send()


# --- Matching published pages -------------------------------------------------------


def category_of(page):
    model = page.specific_class._meta.model_name if page.specific_class else ""
    for category, models in CATEGORY_MODELS.items():
        if model in models:
            return category
    return None


def _topic_ids(page):
    topics = getattr(page, "topics", None)
    return set(topics.values_list("pk", flat=True)) if topics is not None else set()


def _body_ids(page):
    return {pk for pk in (getattr(page, "issuing_body_id", None), getattr(page, "organiser_id", None)) if pk}


def wants(subscription, page, category):
    if category in subscription.categories:
        return True
    if _topic_ids(page) & {topic.pk for topic in subscription.topics.all()}:
        return True
    return bool(_body_ids(page) & {body.pk for body in subscription.bodies.all()})


def is_source(page):
    return not page.alias_of_id and not page.get_translations().filter(pk__lt=page.pk).exists()


def queue_page(page):
    """On publication: an item for each subscription the page concerns; the immediate ones go at once."""
    page = page.specific
    category = category_of(page)
    if category is None or not is_source(page) or not is_public_page(page):
        return []
    queued = []
    for subscription in Subscription.objects.deliverable().prefetch_related("topics", "bodies"):
        if wants(subscription, page, category):
            _item, created = SubscriptionItem.objects.get_or_create(subscription=subscription, page=page)
            if created:
                queued.append(subscription)
    immediate = [s.pk for s in queued if s.frequency == Subscription.Frequency.IMMEDIATE]
    if immediate:
        transaction.on_commit(lambda: _enqueue(immediate))
    return queued


def _enqueue(subscription_pks):
    from outreach.tasks import send_subscription_items

    for pk in subscription_pks:
        send_subscription_items.enqueue(pk)


# --- Sending -------------------------------------------------------------------------


def claim_items(subscription, now):
    """The subscription's unsent items this caller takes (the others are someone else's)."""
    pending = list(
        SubscriptionItem.objects.filter(
            subscription=subscription, sent_at__isnull=True, claimed_at__isnull=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    claimed = []
    for pk in pending:
        if SubscriptionItem.objects.filter(pk=pk, claimed_at__isnull=True).update(claimed_at=now):
            claimed.append(pk)
    return SubscriptionItem.objects.filter(pk__in=claimed).select_related("page").order_by("pk")


def entry_in(page, language):
    """(the page in ``language`` where its translation is live, else the source; the note or "")."""
    from events.notices import localized_page
    from outreach.press import translation_note

    entry = localized_page(page.specific, language)
    if entry.locale.language_code == get_supported_content_language_variant(language):
        return entry, ""
    return entry, translation_note(entry.locale.get_display_name())


def send_items(subscription_pk, now=None):
    """E-mail the subscription's unsent items (public ones only) in one message; how many went."""
    now = now or timezone.now()
    subscription = Subscription.objects.deliverable().filter(pk=subscription_pk).first()
    if subscription is None:
        return 0
    items = list(claim_items(subscription, now))
    public = [item for item in items if is_public_page(item.page)]
    # Pages no longer public are dropped: never e-mailed, not even later.
    SubscriptionItem.objects.filter(pk__in=[item.pk for item in items if item not in public]).update(
        sent_at=now
    )
    if not public:
        return 0
    message = build_message(subscription, [item.page for item in public])
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        # Not sent: released for the next run.
        SubscriptionItem.objects.filter(pk__in=[item.pk for item in public]).update(claimed_at=None)
        raise
    SubscriptionItem.objects.filter(pk__in=[item.pk for item in public]).update(sent_at=timezone.now())
    return len(public)


def build_message(subscription, pages):
    language = subscription.language
    token = manage_token(subscription)
    unsubscribe_url = link("subscriptions:unsubscribe", token, language)
    with in_language(language):
        entries = []
        for page in pages:
            entry, note = entry_in(page, language)
            url = entry.get_full_url() or ""
            entries.append(
                {"page": entry, "note": note, "url": public_url(url, entry.get_site()) if url else ""}
            )
        context = {
            "entries": entries,
            "preferences_url": link("subscriptions:preferences", token, language),
            "unsubscribe_url": unsubscribe_url,
        }
        if len(entries) == 1:
            subject = entries[0]["page"].title
        else:
            subject = ngettext(
                "News from the municipality: %(count)s new page",
                "News from the municipality: %(count)s new pages",
                len(entries),
            ) % {"count": len(entries)}
        body = render_to_string("outreach/email/subscription_items.txt", context)
    return compose(
        subject,
        body,
        [subscription.email],
        language,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_subscriptions(frequency=None, now=None):
    """Send what is pending ({subscription pk: e-mails' items}): the cron's daily digest and any stragglers."""
    now = now or timezone.now()
    subscriptions = Subscription.objects.deliverable().filter(
        items__sent_at__isnull=True, items__claimed_at__isnull=True
    )
    if frequency:
        subscriptions = subscriptions.filter(frequency=frequency)
    return {pk: send_items(pk, now=now) for pk in subscriptions.distinct().values_list("pk", flat=True)}
