"""The media-notice schedule of an entry, and the delivery of one notice.

``schedule_notices(page)`` runs whenever an entry is published: it works out
which notices the active rules want for the entry's next occurrence, keeps
the ones already scheduled for the same moment, cancels the stale ones, and
queues the new ones for their due time. A notice whose due time has already
passed is flagged late and queued at once.

``deliver_notice(pk)`` claims a notice with a conditional UPDATE
(scheduled → sending) before sending anything, so two workers never send the
same notice; each recipient's e-mail is recorded, so a retry after an SMTP
failure only writes to those who did not get it.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task_backends

from cms.public import is_public_page, public_pages
from events.models import MediaContact, MediaNotice, MeetingPage, NoticeDelivery, NoticeRule

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAY = dt.timedelta(minutes=5)


# --- Schedule ---------------------------------------------------------------


def rules_for(page):
    rules = NoticeRule.objects.filter(is_active=True)
    if isinstance(page, MeetingPage):
        candidates = rules.filter(applies_to=NoticeRule.AppliesTo.MEETINGS)
        body_kind = page.organiser.kind if page.organiser_id else None
        return [rule for rule in candidates if not rule.body_kinds or body_kind in rule.body_kinds]
    candidates = rules.filter(applies_to=NoticeRule.AppliesTo.EVENTS)
    return [rule for rule in candidates if not rule.event_kinds or page.kind in rule.event_kinds]


def planned_notices(page, now):
    """[(rule, event_start, due_at)] the rules want for the entry's next occurrence."""
    occurrence = page.next_occurrence(after=now)
    if occurrence is None:
        return []
    event_start = occurrence[0]
    planned = []
    for rule in rules_for(page):
        if rule.public_only and not page.is_public:
            continue
        if rule.anchor == NoticeRule.Anchor.MATERIALS:
            anchor = getattr(page, "materials_distributed_at", None)
            if anchor is None:
                continue
        else:
            anchor = event_start
        planned.append((rule, event_start, anchor - dt.timedelta(days=rule.days_before)))
    return planned


def schedule_notices(page, *, user=None, now=None):
    """Bring the entry's notices in line with its current date, status and materials.

    Returns the notices queued by this call.
    """
    page = page.specific
    now = now or timezone.now()
    with transaction.atomic():
        pending = MediaNotice.objects.select_for_update().filter(
            page=page, status=MediaNotice.Status.SCHEDULED
        )
        if page.status in (page.Status.CANCELLED, page.Status.HELD) or not is_public_page(page):
            stale = pending.exclude(kind=MediaNotice.Kind.CANCELLATION)
            stale.update(status=MediaNotice.Status.CANCELLED, updated_at=now)
            queued = []
            if page.status == page.Status.CANCELLED:
                queued = _plan_cancellation(page, user, now)
        else:
            queued = _plan_rule_notices(page, pending, user, now)
        for notice in queued:
            transaction.on_commit(lambda pk=notice.pk, due=notice.due_at: enqueue_delivery(pk, due))
    return queued


def _plan_rule_notices(page, pending, user, now):
    planned = planned_notices(page, now)
    wanted = {(rule.pk, event_start, due_at) for rule, event_start, due_at in planned}
    for notice in pending.exclude(kind=MediaNotice.Kind.CANCELLATION):
        if (notice.rule_id, notice.event_start, notice.due_at) not in wanted:
            notice.status = MediaNotice.Status.CANCELLED
            notice.last_error = "Superseded: the date, status or materials day changed."
            notice.save(update_fields=["status", "last_error", "updated_at"])
    already = MediaNotice.objects.filter(page=page).exclude(status=MediaNotice.Status.CANCELLED)
    # When several notices of one occurrence are already overdue, one late notice says it all.
    late_sent = False
    queued = []
    for rule, event_start, due_at in sorted(planned, key=lambda item: item[2]):
        if already.filter(rule=rule, event_start=event_start).exists():
            if due_at <= now:
                late_sent = True
            continue
        is_late = due_at <= now
        if is_late:
            if late_sent or event_start <= now:
                continue
            late_sent = True
        queued.append(
            MediaNotice.objects.create(
                page=page,
                rule=rule,
                kind=rule.notice_kind,
                event_start=event_start,
                due_at=now if is_late else due_at,
                is_late=is_late,
                requested_by=user,
            )
        )
    return queued


def _plan_cancellation(page, user, now):
    notified = NoticeDelivery.objects.filter(notice__page=page, sent_at__isnull=False).exclude(
        notice__kind=MediaNotice.Kind.CANCELLATION
    )
    if not notified.exists():
        return []
    if (
        MediaNotice.objects.filter(page=page, kind=MediaNotice.Kind.CANCELLATION)
        .exclude(status=MediaNotice.Status.CANCELLED)
        .exists()
    ):
        return []
    return [
        MediaNotice.objects.create(
            page=page,
            kind=MediaNotice.Kind.CANCELLATION,
            event_start=page.start,
            due_at=now,
            requested_by=user,
        )
    ]


def enqueue_delivery(notice_pk, due_at):
    """Queue the delivery task for the due time (at once where the backend cannot defer)."""
    from events.tasks import deliver_media_notice

    backend = task_backends[deliver_media_notice.backend]
    if due_at > timezone.now():
        if not backend.supports_defer:
            # Left for `send_due_notices` (or a deferring backend) to pick up on time.
            return None
        return deliver_media_notice.using(run_after=due_at).enqueue(notice_pk)
    return deliver_media_notice.enqueue(notice_pk)


# --- Delivery ---------------------------------------------------------------


def claim(notice_pk, now):
    """Atomically move a due notice from scheduled to sending; True for the one caller that wins."""
    return bool(
        MediaNotice.objects.filter(pk=notice_pk, status=MediaNotice.Status.SCHEDULED, due_at__lte=now).update(
            status=MediaNotice.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
        )
    )


def recipients_for(notice):
    if notice.kind == MediaNotice.Kind.CANCELLATION:
        return MediaContact.objects.filter(
            is_active=True,
            deliveries__sent_at__isnull=False,
            deliveries__notice__page_id=notice.page_id,
        ).distinct()
    contacts = MediaContact.objects.filter(is_active=True)
    topic_ids = list(notice.page.specific.topics.values_list("pk", flat=True))
    if topic_ids:
        # Contacts with interests hear about entries on those topics; the others hear about all.
        contacts = contacts.filter(Q(topics__isnull=True) | Q(topics__in=topic_ids)).distinct()
    return contacts


def deliver_notice(notice_pk, now=None):
    """Send one notice if it is due and nobody else is sending it. Returns its final status or None."""
    now = now or timezone.now()
    if not claim(notice_pk, now):
        return None
    notice = MediaNotice.objects.select_related("page", "rule").get(pk=notice_pk)
    page = notice.page.specific
    if notice.kind != MediaNotice.Kind.CANCELLATION and not is_public_page(page):
        # Unpublished or made private after it was planned: the media hear nothing of it.
        notice.status = MediaNotice.Status.CANCELLED
        notice.save(update_fields=["status", "updated_at"])
        return notice.status
    errors = []
    connection = get_connection()
    try:
        for contact in recipients_for(notice).order_by("pk"):
            delivery, _ = NoticeDelivery.objects.get_or_create(
                notice=notice,
                contact=contact,
                defaults={"email": contact.email, "language": contact.language},
            )
            if delivery.sent_at:
                continue
            try:
                build_message(notice, page, contact, connection).send()
            except (smtplib.SMTPException, OSError) as error:
                delivery.error = f"{type(error).__name__}: {error}"
                delivery.save(update_fields=["error"])
                errors.append(f"{contact.email}: {delivery.error}")
            else:
                delivery.sent_at = timezone.now()
                delivery.error = ""
                delivery.save(update_fields=["sent_at", "error"])
    finally:
        connection.close()
    notice.refresh_from_db(fields=["attempts"])
    if errors:
        notice.last_error = "\n".join(errors)
        if notice.attempts >= MAX_ATTEMPTS:
            notice.status = MediaNotice.Status.FAILED
            notice.save(update_fields=["status", "last_error", "updated_at"])
        else:
            notice.status = MediaNotice.Status.SCHEDULED
            notice.due_at = now + RETRY_DELAY * notice.attempts
            notice.save(update_fields=["status", "due_at", "last_error", "updated_at"])
            transaction.on_commit(lambda: enqueue_delivery(notice.pk, notice.due_at))
        logger.warning("Media notice %s: %d delivery error(s)", notice.pk, len(errors))
        return notice.status
    notice.status = MediaNotice.Status.SENT
    notice.sent_at = timezone.now()
    notice.last_error = ""
    notice.save(update_fields=["status", "sent_at", "last_error", "updated_at"])
    pending = MediaNotice.objects.filter(page=page, status=MediaNotice.Status.SCHEDULED)
    if page.is_recurring and notice.kind != MediaNotice.Kind.CANCELLATION and not pending.exists():
        # The next occurrence of a series gets its notices once this one's are all out.
        schedule_notices(page, now=max(now, notice.event_start + dt.timedelta(seconds=1)))
    return notice.status


def send_due_notices(now=None):
    """Deliver every scheduled notice due at ``now``; returns {pk: status}."""
    now = now or timezone.now()
    due = MediaNotice.objects.filter(status=MediaNotice.Status.SCHEDULED, due_at__lte=now).values_list(
        "pk", flat=True
    )
    return {pk: deliver_notice(pk, now=now) for pk in list(due)}


# --- The e-mail ---------------------------------------------------------------


def localized_page(page, language):
    """The entry's live translation in ``language``, or the entry itself."""
    translated = public_pages(
        page.get_translations(inclusive=True).filter(locale__language_code=language)
    ).first()
    return translated.specific if translated else page


def build_message(notice, page, contact, connection):
    with translation.override(contact.language):
        entry = localized_page(page, contact.language)
        context = {
            "notice": notice,
            "page": entry,
            "contact_language": contact.language,
            "event_start": timezone.localtime(notice.event_start),
            "event_end": timezone.localtime(entry.effective_end) if entry.effective_end else None,
            "url": entry.full_url or "",
            "materials": _materials(entry, notice),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = " ".join(render_to_string("events/email/notice_subject.txt", context).split())
        body = render_to_string("events/email/notice_body.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[contact.email],
        connection=connection,
        headers={"Content-Language": contact.language, "X-Media-Notice": str(notice.pk)},
    )
    return message


def _materials(entry, notice):
    if not isinstance(entry, MeetingPage) or not (notice.rule and notice.rule.link_materials):
        return []
    site = entry.get_site()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return [(document.title, base + document.url) for document in entry.material_documents]
