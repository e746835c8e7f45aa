"""The official-language gate: Albanian and Serbian are equal by law.

An official act (a page type listed in OFFICIAL_ACT_PAGE_TYPES) may go live in
Albanian only together with its complete Serbian translation. The head of
office may override the gate with a written reason, kept in the audit log.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from . import conf, services
from .models import TranslationTask

OVERRIDE_ACTION = "translations.gate_override"


class GateError(Exception):
    pass


@dataclass
class LocaleStatus:
    locale: Locale
    total: int = 0
    translated: int = 0
    outdated: bool = False

    @property
    def ready(self):
        return self.total > 0 and self.translated == self.total and not self.outdated

    def describe(self):
        if not self.total:
            return _("not translated yet")
        if self.outdated:
            return _("translated from an older version of the source")
        return _("%(translated)s of %(total)s segments translated") % {
            "translated": self.translated,
            "total": self.total,
        }


def is_gated(page):
    page = page.specific
    return (
        page.locale.language_code == conf.default_language()
        and page._meta.label_lower in conf.official_act_types()
    )


def translation_status(page, locale):
    """How far the translation of ``page`` (as it is in memory: the content about to go live) has come."""
    status = LocaleStatus(locale)
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
    return status


def official_statuses(page):
    return [
        translation_status(page, locale)
        for locale in Locale.objects.filter(language_code__in=conf.official_languages())
    ]


def blocking_statuses(page):
    """The official locales whose translation keeps ``page`` from going live (empty: the gate is open)."""
    if not is_gated(page):
        return []
    return [status for status in official_statuses(page) if not status.ready]


def refusal_message(page, statuses):
    languages = "; ".join(f"{status.locale.get_display_name()}: {status.describe()}" for status in statuses)
    return _(
        "'%(title)s' is an official act: it can be published only together with its complete translation "
        "into the official languages (%(languages)s). It was saved as a draft and the translation task is "
        "up to date. Publish it together with its translation when that is done."
    ) % {"title": page.title, "languages": languages}


def _publish_revision(page, user):
    revision = page.get_latest_revision()
    if revision is None:
        raise GateError(_("This page has no revision to publish."))
    if not page.permissions_for_user(user).can_publish():
        raise GateError(_("You do not have permission to publish this page."))
    PublishPageRevisionAction(revision, user=user).execute()
    return revision


@transaction.atomic
def publish_together(page, user):
    """Publish the source's latest revision and every complete translation of it at once.

    Returns the locales whose translation was published.
    """
    page = page.specific
    draft = page.get_latest_revision_as_object()
    blocking = blocking_statuses(draft)
    if blocking:
        raise GateError(refusal_message(draft, blocking))
    ready = [
        status.locale
        for status in (
            translation_status(draft, locale) for locale in Locale.objects.exclude(pk=page.locale_id)
        )
        if status.ready
    ]
    _publish_revision(page, user)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id)
    tasks = TranslationTask.objects.for_instance(page).filter(target_locale__in=ready)
    for translation in Translation.objects.filter(source=source, target_locale__in=ready):
        translation.save_target(user=user, publish=True)
    for task in tasks.exclude(state__in=TranslationTask.CLOSED_STATES):
        services._mark_done(task, user)
    return ready


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
    missing = [status.locale.language_code for status in blocking_statuses(draft)]
    _publish_revision(page, user)
    log(page, OVERRIDE_ACTION, user=user, data={"reason": reason, "missing_locales": missing})
    return missing
