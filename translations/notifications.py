"""E-mail to translators: on assignment, when a deadline approaches and when it has passed.

The admin side of the same news is the "My tasks" dashboard panel, which
highlights tasks due soon and overdue. Each recipient reads the e-mail in their
admin language (``cms.mail``): the subject and body are rendered once per language.
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.mail import admin_url, send_localized

from . import conf


def task_url(task):
    return admin_url(reverse("translations:task_detail", args=[task.pk]))


def _send(task, users, subject, intro):
    """``subject`` and ``intro`` are gettext msgids with a ``%(title)s``, translated per recipient."""

    def render():
        due = (
            date_format(timezone.localtime(task.due_at), "DATETIME_FORMAT")
            if task.due_at
            else _("no due date")
        )
        body = "\n".join(
            [
                _(intro),
                "",
                f"{task.object_repr} → {task.target_locale.get_display_name()}",
                _("Due: %(due)s") % {"due": due},
                task_url(task),
            ]
        )
        return _(subject) % {"title": task.object_repr}, body

    return send_localized(users, render)


def notify_assignment(task, by, sent_back=False):
    users = [user for user in task.assignee_users() if user != by]
    if sent_back:
        subject = gettext_noop("Translation sent back: %(title)s")
        intro = gettext_noop("The reviewer asked for changes to this translation.")
    else:
        subject = gettext_noop("New translation task: %(title)s")
        intro = gettext_noop("A translation task has been assigned to you.")
    return _send(task, users, subject, intro)


def notify_deadlines(now=None):
    """Send due-soon and overdue reminders once per task; return (due soon, overdue) counts."""
    from .models import TranslationTask

    now = now or timezone.now()
    soon = now + datetime.timedelta(hours=conf.due_soon_hours())
    due_soon = overdue = 0
    open_tasks = TranslationTask.objects.open().select_related("target_locale", "assignee", "assignee_group")
    for task in open_tasks.filter(due_at__gte=now, due_at__lte=soon, due_soon_notified_at__isnull=True):
        _send(
            task,
            task.assignee_users(),
            gettext_noop("Translation due soon: %(title)s"),
            gettext_noop("This translation is due soon."),
        )
        task.due_soon_notified_at = now
        task.save(update_fields=["due_soon_notified_at"])
        due_soon += 1
    for task in open_tasks.filter(due_at__lt=now, overdue_notified_at__isnull=True):
        _send(
            task,
            task.assignee_users() + list(reviewers()),
            gettext_noop("Translation overdue: %(title)s"),
            gettext_noop("This translation is overdue."),
        )
        task.overdue_notified_at = now
        task.save(update_fields=["overdue_notified_at"])
        overdue += 1
    return due_soon, overdue


def reviewers():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    permission = Permission.objects.get(
        content_type__app_label="translations", codename="review_translationtask"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
    )


def notify_scheduled_hold(page, reason):
    """An official act's go-live time came without its translation: tell the reviewers and translators once.

    ``reason`` is a callable giving the refusal in the active language (or a text to quote as it is).
    """
    from .models import TranslationTask
    from .services import editor_url

    tasks = list(
        TranslationTask.objects.for_instance(page.specific)
        .open()
        .select_related("target_locale", "assignee", "assignee_group")
    )
    users = list(reviewers())
    for task in tasks:
        users += task.assignee_users()

    def render():
        lines = [
            _(
                "'%(title)s' was scheduled to go live, but it is an official act and its translation is not ready."
            )
            % {"title": page.title},
            _(
                "It stays unpublished and goes live together with the translation as soon as that is approved."
            ),
            "",
            str(reason() if callable(reason) else reason),
            "",
            admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        ]
        for task in tasks:
            lines.append(f"{task.target_locale.get_display_name()}: {task_url(task)}")
            url = editor_url(task)
            if url:
                lines.append(admin_url(url))
        subject = _("Scheduled official act waits for its translation: %(title)s") % {"title": page.title}
        return subject, "\n".join(lines)

    return send_localized(users, render)
