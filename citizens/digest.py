"""The weekly digest to the head of office: what came in, what is overdue, what falls due soon.

Written to every active member of the group "Head of office" in their admin
language (``cms.mail.send_localized``). It names messages by tracking code,
kind, department and deadline only: no citizen's name, contact, subject or text
goes into an e-mail. Run ``manage.py send_citizens_digest`` once a week.
"""

import datetime

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.mail import admin_url, send_localized
from home.editorial import HEAD_OF_OFFICE

from .models import OPEN_STATUSES, Message

WEEK = datetime.timedelta(days=7)
DUE_SOON = datetime.timedelta(days=2)


def recipients():
    return (
        get_user_model()
        .objects.filter(groups__name=HEAD_OF_OFFICE, is_active=True)
        .exclude(email="")
        .distinct()
    )


def summary(now):
    open_messages = Message.objects.filter(status__in=OPEN_STATUSES).select_related(
        "kind", "assigned_department"
    )
    return {
        "received": Message.objects.filter(received_at__gte=now - WEEK).count(),
        "open": open_messages.count(),
        "overdue": list(open_messages.filter(due_at__lt=now).order_by("due_at")),
        "due_soon": list(open_messages.filter(due_at__gte=now, due_at__lt=now + DUE_SOON).order_by("due_at")),
        "inbox_url": admin_url(reverse("citizen_messages:index")),
    }


def send_digest(now=None):
    """E-mail the digest; the number of addresses written to."""
    context = summary(now or timezone.now())

    def render():
        return (
            render_to_string("citizens/email/digest_subject.txt", context),
            render_to_string("citizens/email/digest_body.txt", context),
        )

    return send_localized(recipients(), render)
