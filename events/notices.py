"""The media-notice schedule of an entry, and the delivery of one notice.

``schedule_notices(page)`` runs whenever an entry is published: it works out
which notices the active rules want for the entry's next occurrence, keeps
the ones already scheduled for the same moment, cancels the stale ones, and
queues the new ones for their due time. A notice whose due time has already
passed is flagged late and queued at once.

``deliver_notice(pk)`` claims a notice with a conditional UPDATE
(scheduled → sending) before sending anything, so two workers never send the
same notice; each recipient's e-mail is recorded, so a retry after an SMTP
failure only writes to those who did not get it. The claim is a lease renewed
after every e-mail: ``send_due_notices`` reclaims a notice whose worker stopped
(no progress for ``MEDIA_NOTICE_SENDING_LEASE`` seconds) and sends it to those
who have not had it, never to anyone twice.

Press releases (``outreach.press``) are notices of their own kind, delivered the
same way: their recipients and their e-mail come from that module.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import pgettext
from django_tasks import task_backends
from wagtail.coreutils import get_supported_content_language_variant

from cms.mail import compose, in_language, public_url, recipient_language
from cms.public import Visibility, is_public_page, public_pages
from events.models import MediaNotice, MeetingPage, NoticeDelivery, NoticeRule
from outreach.models import Contact

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
    # Those whose e-mail is of unknown outcome (see UNKNOWN_OUTCOME) may have had it too.
    notified = NoticeDelivery.objects.filter(
        Q(sent_at__isnull=False) | Q(attempted_at__isnull=False), notice__page=page
    ).exclude(notice__kind=MediaNotice.Kind.CANCELLATION)
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


def sending_lease():
    return dt.timedelta(seconds=settings.MEDIA_NOTICE_SENDING_LEASE)


def _clock(now):
    """The time to record a claim or progress at: ``now``, or the real time once it has passed it."""
    return max(now, timezone.now())


def claim(notice_pk, now):
    """Atomically move a due notice from scheduled to sending; the notice for the one caller that wins.

    The claim holds a lease (``claimed_at``) that the worker renews after every e-mail; the
    notice's ``attempts`` number identifies the claim, so a worker whose notice was reclaimed
    meanwhile (see ``reclaim``) notices it and stops.
    """
    with transaction.atomic():
        claimed = MediaNotice.objects.filter(
            pk=notice_pk, status=MediaNotice.Status.SCHEDULED, due_at__lte=now
        ).update(
            status=MediaNotice.Status.SENDING,
            attempts=F("attempts") + 1,
            claimed_at=_clock(now),
            updated_at=now,
        )
        if not claimed:
            return None
        # Read in the transaction that wrote it: nobody else can change the row in between.
        return MediaNotice.objects.select_related("page", "rule").get(pk=notice_pk)


def stale_notices(now):
    """[(pk, claimed_at)] of the notices in sending whose lease ran out: their worker stopped."""
    return list(
        MediaNotice.objects.filter(
            status=MediaNotice.Status.SENDING, claimed_at__lt=now - sending_lease()
        ).values_list("pk", "claimed_at")
    )


def reclaim(notice_pk, claimed_at, now):
    """Take over a notice left in sending with the stale claim ``claimed_at``; the notice, or None.

    A compare-and-swap on the status and the claim time: of several callers that saw the same
    stale claim, one wins and the others get None. The winner holds a new claim, counted as an
    attempt; after ``MAX_ATTEMPTS`` the notice is marked failed instead. The reclaim is recorded
    in ``last_error``.
    """
    if claimed_at is None or claimed_at >= now - sending_lease():
        return None
    stale = MediaNotice.objects.filter(pk=notice_pk, status=MediaNotice.Status.SENDING, claimed_at=claimed_at)
    fields = {"claimed_at": _clock(now), "updated_at": now}
    with transaction.atomic():
        taken = stale.filter(attempts__lt=MAX_ATTEMPTS).update(
            attempts=F("attempts") + 1, **fields
        ) or stale.update(status=MediaNotice.Status.FAILED, **fields)
        if not taken:
            return None
        notice = MediaNotice.objects.select_related("page", "rule").get(pk=notice_pk)
        note = _reclaim_note(claimed_at, now)
        notice.last_error = "\n".join(filter(None, [note, notice.last_error]))
        notice.save(update_fields=["last_error", "updated_at"])
    logger.warning("Media notice %s: %s", notice.pk, note)
    return notice


def _reclaim_note(claimed_at, now):
    return (
        f"Reclaimed {timezone.localtime(now):%Y-%m-%d %H:%M}: the worker that claimed it at "
        f"{timezone.localtime(claimed_at):%Y-%m-%d %H:%M:%S} stopped before finishing."
    )


def recipients_for(notice):
    if notice.kind == MediaNotice.Kind.PRESS_RELEASE:
        from outreach import press

        return press.recipients(notice.page.specific)
    if notice.kind == MediaNotice.Kind.CANCELLATION:
        return (
            Contact.objects.deliverable()
            .filter(
                Q(deliveries__sent_at__isnull=False) | Q(deliveries__attempted_at__isnull=False),
                is_active=True,
                deliveries__notice__page_id=notice.page_id,
            )
            .distinct()
        )
    # The directory's media contacts with an address (none that bounced or complained,
    # outreach.deliverability); other kinds hear from the office otherwise.
    contacts = Contact.objects.media().deliverable().filter(is_active=True).exclude(email="")
    topic_ids = list(notice.page.specific.topics.values_list("pk", flat=True))
    if topic_ids:
        # Contacts with interests hear about entries on those topics; the others hear about all.
        contacts = contacts.filter(Q(topics__isnull=True) | Q(topics__in=topic_ids)).distinct()
    return contacts


UNKNOWN_OUTCOME = (
    "Not resent: the worker sending this e-mail stopped before recording whether the server took it."
)


def deliver_notice(notice_pk, now=None):
    """Send one notice if it is due and nobody else is sending it. Returns its final status or None."""
    now = now or timezone.now()
    notice = claim(notice_pk, now)
    if notice is None:
        return None
    return _deliver(notice, now)


def redeliver_notice(notice_pk, claimed_at, now=None):
    """Reclaim a notice whose worker stopped (see ``reclaim``) and finish sending it; its status or None."""
    now = now or timezone.now()
    notice = reclaim(notice_pk, claimed_at, now)
    if notice is None:
        return None
    if notice.status == MediaNotice.Status.FAILED:
        return notice.status
    return _deliver(notice, now, notes=[_reclaim_note(claimed_at, now)])


def _deliver(notice, now, notes=()):
    """Send a notice this worker holds the claim on to every recipient who has not had it.

    Each e-mail is marked (``attempted_at``) just before it goes to the SMTP server and recorded
    sent just after: a recipient is never written to twice, not even by a worker that takes over
    from one that stopped in between; the outcome of that one e-mail is unknown, and said so.
    """
    notes = list(notes)
    # The claim is ours while the notice is sending with our attempt number.
    ours = MediaNotice.objects.filter(
        pk=notice.pk, status=MediaNotice.Status.SENDING, attempts=notice.attempts
    )
    page = notice.page.specific
    if notice.kind != MediaNotice.Kind.CANCELLATION and not is_public_page(page):
        # Unpublished or made private after it was planned: the media hear nothing of it.
        ours.update(status=MediaNotice.Status.CANCELLED, updated_at=timezone.now())
        return MediaNotice.Status.CANCELLED
    errors = []
    unknown = []
    connection = get_connection()
    try:
        for contact in recipients_for(notice).order_by("pk"):
            if not ours.update(claimed_at=_clock(now)):
                logger.warning("Media notice %s was reclaimed from this worker, which stops.", notice.pk)
                return None
            delivery, _ = NoticeDelivery.objects.get_or_create(
                notice=notice,
                contact=contact,
                defaults={"email": contact.email, "language": contact.language},
            )
            if delivery.sent_at:
                continue
            if delivery.attempted_at:
                if delivery.error != UNKNOWN_OUTCOME:
                    NoticeDelivery.objects.filter(pk=delivery.pk).update(error=UNKNOWN_OUTCOME)
                unknown.append(delivery.email)
                continue
            message = build_message(notice, page, contact, connection)
            unsent = NoticeDelivery.objects.filter(
                pk=delivery.pk, sent_at__isnull=True, attempted_at__isnull=True
            )
            if not unsent.update(attempted_at=timezone.now()):
                continue  # taken by another worker
            try:
                message.send()
            except (smtplib.SMTPException, OSError) as error:
                # Refused, or no connection: not delivered, so sent again on the next attempt.
                delivery.error = f"{type(error).__name__}: {error}"
                NoticeDelivery.objects.filter(pk=delivery.pk).update(attempted_at=None, error=delivery.error)
                errors.append(f"{contact.email}: {delivery.error}")
            else:
                NoticeDelivery.objects.filter(pk=delivery.pk).update(
                    sent_at=timezone.now(), error="", subject=str(message.subject)[:255]
                )
    finally:
        connection.close()
    if unknown:
        notes.append(f"Not resent to {', '.join(unknown)}: the stopped worker may have sent it.")
    if errors:
        if notice.attempts >= MAX_ATTEMPTS:
            fields = {"status": MediaNotice.Status.FAILED}
        else:
            fields = {"status": MediaNotice.Status.SCHEDULED, "due_at": now + RETRY_DELAY * notice.attempts}
        if not ours.update(last_error="\n".join(notes + errors), updated_at=timezone.now(), **fields):
            return None
        if fields["status"] == MediaNotice.Status.SCHEDULED:
            transaction.on_commit(lambda: enqueue_delivery(notice.pk, fields["due_at"]))
        logger.warning("Media notice %s: %d delivery error(s)", notice.pk, len(errors))
        return fields["status"]
    finished = ours.update(
        status=MediaNotice.Status.SENT,
        sent_at=timezone.now(),
        last_error="\n".join(notes),
        updated_at=timezone.now(),
    )
    if not finished:
        return None
    if notice.kind in (MediaNotice.Kind.CANCELLATION, MediaNotice.Kind.PRESS_RELEASE):
        return MediaNotice.Status.SENT
    pending = MediaNotice.objects.filter(page=page, status=MediaNotice.Status.SCHEDULED)
    if page.is_recurring and not pending.exists():
        # The next occurrence of a series gets its notices once this one's are all out.
        schedule_notices(page, now=max(now, notice.event_start + dt.timedelta(seconds=1)))
    return MediaNotice.Status.SENT


def send_due_notices(now=None):
    """Reclaim the notices of stopped workers, then deliver every notice due at ``now``; {pk: status}.

    Run it every few minutes: it is how a notice left in sending by a worker that stopped
    (killed, out of memory, the machine restarted) goes out.
    """
    now = now or timezone.now()
    results = {pk: redeliver_notice(pk, claimed_at, now=now) for pk, claimed_at in stale_notices(now)}
    due = MediaNotice.objects.filter(status=MediaNotice.Status.SCHEDULED, due_at__lte=now).values_list(
        "pk", flat=True
    )
    results.update({pk: deliver_notice(pk, now=now) for pk in list(due)})
    return results


# --- The e-mail ---------------------------------------------------------------


def localized_page(page, language):
    """The entry's live translation in ``language``'s content language, or the entry itself."""
    content_language = get_supported_content_language_variant(language)
    translated = public_pages(
        page.get_translations(inclusive=True).filter(locale__language_code=content_language)
    ).first()
    return translated.specific if translated else page


def other_language_note(language_name):
    return pgettext("media notice", "only in %(language)s") % {"language": language_name}


def build_message(notice, page, contact, connection):
    """The notice to one contact, in the contact's language (``cms.mail``), with absolute links."""
    if notice.kind == MediaNotice.Kind.PRESS_RELEASE:
        from outreach import press

        return press.build_message(notice, page, contact, connection)
    language = recipient_language(contact)
    with in_language(language):
        entry = localized_page(page, language)
        site = entry.get_site()
        url = entry.get_full_url() or ""
        context = {
            "notice": notice,
            "page": entry,
            "contact_language": language,
            "event_start": timezone.localtime(notice.event_start),
            "event_end": timezone.localtime(entry.effective_end) if entry.effective_end else None,
            "url": public_url(url, site) if url else "",
            "page_note": ""
            if entry.locale.language_code == get_supported_content_language_variant(language)
            else other_language_note(entry.locale.get_display_name()),
            "materials": _materials(entry, notice, language, site),
        }
        subject = render_to_string("events/email/notice_subject.txt", context)
        body = render_to_string("events/email/notice_body.txt", context)
    return compose(
        subject,
        body,
        [contact.email],
        language,
        headers={"X-Media-Notice": str(notice.pk)},
        connection=connection,
    )


def _materials(entry, notice, language, site):
    """[(title, absolute link, note)]: each public material in the contact's language where it exists.

    Otherwise the document as attached, with a note saying which language it is in.
    """
    if not isinstance(entry, MeetingPage) or not (notice.rule and notice.rule.link_materials):
        return []
    content_language = get_supported_content_language_variant(language)
    visibility = Visibility()
    materials = []
    for document in entry.material_documents:
        version = document.version_in(content_language)
        if version is None or not visibility.is_public_document(version):
            version, note = document, other_language_note(document.get_language_display())
        else:
            note = ""
        if visibility.is_public_document(version):
            materials.append((version.title, public_url(version.url, site), note))
    return materials
