import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import conf
from .models import TranslationTask


class MyTranslationTasksPanel(Component):
    """The dashboard's "My tasks": open tasks of the user and of their language groups."""

    name = "my_translation_tasks"
    template_name = "translations/panels/my_tasks.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        now = timezone.now()
        tasks = list(
            TranslationTask.objects.open()
            .for_user(self.user)
            .select_related("target_locale")
            .order_by("due_at", "pk")[:20]
        )
        soon = now + datetime.timedelta(hours=conf.due_soon_hours())
        for task in tasks:
            task.due_soon = task.due_at is not None and now <= task.due_at <= soon
        return {
            "tasks": tasks,
            "overdue_count": sum(1 for task in tasks if task.is_overdue),
            "request": parent_context.get("request"),
        }


class TranslationsAwaitingReviewPanel(Component):
    """The head of office's dashboard: translations submitted and waiting for his review."""

    name = "translations_awaiting_review"
    template_name = "translations/panels/awaiting_review.html"
    order = 85

    def get_context_data(self, parent_context):
        queryset = TranslationTask.objects.filter(state=TranslationTask.State.IN_REVIEW)
        return {
            "tasks": list(queryset.select_related("target_locale", "assignee").order_by("due_at", "pk")[:20]),
            "count": queryset.count(),
        }
