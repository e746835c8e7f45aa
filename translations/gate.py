"""The official-language gate: Albanian and Serbian are equal by law.

An official act (a page type listed in OFFICIAL_ACT_PAGE_TYPES) in the source
language goes live, or has a new revision go live, only together with its
complete translation into every OFFICIAL_LANGUAGE_GATE_LOCALES locale, in the
same transaction. The rule is enforced where a page is saved (``guard_save``,
connected to ``pre_save`` of every page), so that every path obeys it: the
admin's publish buttons, workflow approval, bulk actions, scheduled publishing,
``Revision.publish()`` from code and commands, copies and reverts. The admin
hooks and views only turn a refusal into a truthful message.

The only way around it is the head of office's override with a written
reason (``override``), kept in the audit log.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from . import conf, services
from .models import TranslationTask

OVERRIDE_ACTION = "translations.gate_override"
HOLD_ACTION = "translations.scheduled_hold"

# Who is publishing (set by the pages' publish()/unpublish() and the admin), and
# which sources (translation keys) an override lets through.
_actor = ContextVar("official_language_gate_actor", default=None)
_allowed = ContextVar("official_language_gate_allowed", default=frozenset())
_ALL = "*"


class GateError(Exception):
    """A refusal raised by the gate's own services (publish together, override)."""


class GateClosed(PermissionDenied):
    """A save that would make an official act live without its translation; nothing was saved."""

    def __init__(self, page, message):
        self.page = page
        self.message = message
        super().__init__(message)

    def __str__(self):
        return self.message


@contextmanager
def acting(user):
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def allowing(*translation_keys):
    token = _allowed.set(_allowed.get() | {str(key) for key in translation_keys})
    try:
        yield
    finally:
        _allowed.reset(token)


@contextmanager
def suspended():
    """Let every official act through (test and benchmark factories only; see ``force_live``)."""
    with allowing(_ALL):
        yield


def _is_allowed(page):
    allowed = _allowed.get()
    return _ALL in allowed or str(page.translation_key) in allowed


@dataclass
class LocaleStatus:
    locale: Locale
    total: int = 0
    translated: int = 0
    outdated: bool = False
    machine: int = 0
    task: TranslationTask | None = None
    reviewed: bool = False  # the task is closed, or the publisher may review translations

    @property
    def ready(self):
        return (
            self.total > 0
            and self.translated == self.total
            and not self.outdated
            and not self.machine
            and self.reviewed
        )

    def describe(self):
        """Where this language's translation stands, as one phrase naming the language."""
        values = {"language": self.locale.get_display_name(), "total": self.total}
        if not self.total:
            return _("%(language)s: not translated yet") % values
        if self.outdated:
            return _("%(language)s: translated from an older version of the source") % values
        if self.translated < self.total:
            return ngettext(
                "%(language)s: %(count)s segment translated out of %(total)s",
                "%(language)s: %(count)s segments translated out of %(total)s",
                self.translated,
            ) % {**values, "count": self.translated}
        if self.machine:
            return ngettext(
                "%(language)s: %(count)s machine-translated segment not reviewed yet",
                "%(language)s: %(count)s machine-translated segments not reviewed yet",
                self.machine,
            ) % {**values, "count": self.machine}
        return _("%(language)s: complete, waiting for a reviewer's approval") % values


def is_gated(page):
    if isinstance(page, Page) and type(page) is Page:
        page = page.specific
    return (
        page._meta.label_lower in conf.official_act_types()
        and _language(page.locale_id) == conf.default_language()
    )


def _language(locale_id):
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def _machine_count(translation):
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context_id__in=StringSegment.objects.filter(source_id=translation.source_id).values("context_id"),
    ).count()


def translation_status(page, locale, actor=None):
    """How far the translation of ``page`` (as it is in memory: the content about to go live) has come."""
    actor = actor if actor is not None else _actor.get()
    status = LocaleStatus(locale)
    status.task = TranslationTask.objects.for_instance(page).filter(target_locale=locale).first()
    status.reviewed = (
        status.task is None
        or not status.task.is_open
        or (actor is not None and getattr(actor, "is_authenticated", False) and services.can_review(actor))
    )
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None:
        return status
    translation = Translation.objects.filter(source=source, target_locale=locale, enabled=True).first()
    if translation is None:
        return status
    status.total, status.translated = translation.get_progress()
    status.outdated = services.source_segments(source) != services.instance_segments(page.specific)
    status.machine = _machine_count(translation)
    return status


def official_locales():
    return Locale.objects.filter(language_code__in=conf.official_languages())


def official_statuses(page, actor=None):
    return [translation_status(page, locale, actor) for locale in official_locales()]


def blocking_statuses(page, actor=None):
    """The official locales whose translation keeps ``page`` from going live (empty: the gate is open)."""
    if not is_gated(page):
        return []
    return [status for status in official_statuses(page, actor) if not status.ready]


def describe_missing(statuses):
    return "; ".join(status.describe() for status in statuses)


def refusal_message(page, statuses, created=False):
    values = {"title": page.title, "languages": describe_missing(statuses)}
    if created:
        return (
            _(
                "'%(title)s' is an official act: it goes live only together with its complete translation into "
                "the official languages (%(languages)s). It was saved as a draft and is not live; the "
                "translation task is up to date."
            )
            % values
        )
    return (
        _(
            "'%(title)s' is an official act: it goes live only together with its complete translation into "
            "the official languages (%(languages)s). Nothing was published: the live version is unchanged and "
            "your changes are kept as a draft; the translation task is up to date."
        )
        % values
    )


def unpublish_refusal_message(page):
    return _(
        "'%(title)s' is the translation of an official act that is live in the source language; "
        "the official languages are equal, so it cannot be taken offline alone. Unpublish the source "
        "page, and the translation with it, instead."
    ) % {"title": page.title}


# --- Where a page goes live ------------------------------------------------------


def _specific_label(page):
    model = page.specific_class if type(page) is Page else type(page)
    return model._meta.label_lower if model is not None else ""


def _source_is_live(page):
    return Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=conf.default_language(), live=True
    ).exists()


def guard_save(page, update_fields=None):
    """Refuse (or, for a page being created, demote to a draft) an official act going live alone.

    Called before every page save. When the translation is ready it goes live
    first, in the same transaction.
    """
    if _specific_label(page) not in conf.official_act_types():
        return
    language = _language(page.locale_id)
    if language == conf.default_language():
        _guard_source(page)
    elif language in conf.official_languages():
        _guard_translation(page)


def _guard_source(page):
    if not page.live:
        if getattr(page, "_official_gate_held", False):
            # A copy kept "live" by Wagtail's copy action after we demoted it.
            page.live_revision = None
            page.first_published_at = page.last_published_at = None
        return
    old = None
    if page.pk is not None:
        old = Page.objects.filter(pk=page.pk).values("live", "live_revision_id").first()
    if old is not None and old["live"] and old["live_revision_id"] == page.live_revision_id:
        return  # nothing new goes live
    if _is_allowed(page):
        return
    content = page.specific if type(page) is Page else page
    blocking = blocking_statuses(content)
    if not blocking:
        publish_translations(content)
        return
    if old is None:
        # Created live (the admin's create-and-publish, a copy kept live): it starts as a draft.
        page.live = False
        page.has_unpublished_changes = True
        page.live_revision = None
        page.first_published_at = page.last_published_at = None
        page._official_gate_held = True
        return
    raise GateClosed(page, refusal_message(content, blocking, created=not old["live"]))


def _guard_translation(page):
    if page.live or page.pk is None or _is_allowed(page):
        return
    if not Page.objects.filter(pk=page.pk, live=True).exists():
        return
    if _source_is_live(page):
        raise GateClosed(page, unpublish_refusal_message(page))


def guard_delete(page):
    """A live translation of a live official act is not deleted alone."""
    if _specific_label(page) not in conf.official_act_types() or not page.live or _is_allowed(page):
        return
    if _language(page.locale_id) in conf.official_languages() and _source_is_live(page):
        raise GateClosed(page, unpublish_refusal_message(page))


def publish_translations(page):
    """Publish the ready official translations of ``page`` (the content going live) now."""
    actor = _actor.get()
    user = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        # The translations are built from exactly the content that goes live.
        source, _created = TranslationSource.update_or_create_from_instance(page)
        for translation in Translation.objects.filter(
            source=source, target_locale__in=official_locales(), enabled=True
        ).select_related("target_locale"):
            services.publish_translation(translation, user)
            for task in TranslationTask.objects.for_instance(page).filter(
                target_locale=translation.target_locale
            ):
                if task.is_open:
                    services._mark_done(task, user)


# --- Publishing from the admin and from code --------------------------------------


def _publish_revision(page, user, check_permission=True):
    revision = page.get_latest_revision()
    if revision is None:
        raise GateError(_("This page has no revision to publish."))
    if check_permission and not page.permissions_for_user(user).can_publish():
        raise GateError(_("You do not have permission to publish this page."))
    with acting(user):
        PublishPageRevisionAction(revision, user=user).execute(skip_permission_checks=not check_permission)
    return revision


@transaction.atomic
def publish_together(page, user):
    """Publish the source's latest revision and its complete official translations at once.

    Returns the locales whose translation was published.
    """
    page = page.specific
    draft = page.get_latest_revision_as_object()
    blocking = blocking_statuses(draft, actor=user)
    if blocking:
        raise GateError(refusal_message(draft, blocking))
    try:
        _publish_revision(page, user)
    except GateClosed as refusal:
        raise GateError(refusal.message) from refusal
    return [status.locale for status in official_statuses(draft, actor=user)]


@transaction.atomic
def override(page, user, reason):
    """Publish an official act without its translation; the reason goes to the audit log."""
    page = page.specific
    reason = (reason or "").strip()
    if not user.has_perm("translations.override_official_language_gate"):
        raise GateError(_("Only the head of office can publish an official act without its translation."))
    if len(reason) < 10:
        raise GateError(
            _("Write the reason for publishing without the translation (at least 10 characters).")
        )
    draft = page.get_latest_revision_as_object()
    missing = [status.locale.language_code for status in blocking_statuses(draft, actor=user)]
    with allowing(page.translation_key):
        _publish_revision(page, user)
    log(page, OVERRIDE_ACTION, user=user, data={"reason": reason, "missing_locales": missing})
    return missing


def force_live(page, reason, user=None):
    """Record a page made live without its translation by code (test and benchmark data), with the reason."""
    if page.live and is_gated(page):
        missing = [status.locale.language_code for status in blocking_statuses(page.specific)]
        if missing:
            log(page, OVERRIDE_ACTION, user=user, data={"reason": reason, "missing_locales": missing})
    return page


# --- Scheduled publishing ----------------------------------------------------------


def hold(revision, refusal):
    """A scheduled official act whose translation is not ready stays unpublished; say so once."""
    from . import notifications

    page = revision.content_object
    if PageLogEntry.objects.filter(page_id=page.pk, action=HOLD_ACTION, revision=revision).exists():
        return False
    content = revision.as_object()
    # The translators get the text that waits, with a task to work on.
    services.sync_tasks_for_source(content)
    blocking = blocking_statuses(content)
    missing = [status.locale.language_code for status in blocking]
    log(page, HOLD_ACTION, revision=revision, data={"missing_locales": missing, "message": refusal.message})
    # Worded again in each recipient's language.
    notifications.notify_scheduled_hold(
        page, lambda: refusal_message(content, blocking, created=not page.live)
    )
    return True


def release_held(page, user=None):
    """Publish a scheduled revision of ``page`` that is past its time and waited for its translation."""
    page = page.specific
    revision = page.revisions.filter(approved_go_live_at__lte=timezone.now()).order_by("-created_at").first()
    if revision is None:
        return False
    try:
        with transaction.atomic(), acting(user):
            revision.publish(user=user, log_action="wagtail.publish.scheduled", skip_permission_checks=True)
    except GateClosed:
        return False
    return True
