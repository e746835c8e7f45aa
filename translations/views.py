import datetime
import io

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page

from . import conf, coverage, gate, script_check, services
from .models import TranslationTask


def _require_perm(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


# --- Task list -------------------------------------------------------------------

DUE_CHOICES = [
    ("overdue", gettext_lazy("Overdue")),
    ("today", gettext_lazy("Due within 24 hours")),
    ("week", gettext_lazy("Due within a week")),
]


class ContentTypeChoiceField(forms.ModelChoiceField):
    # A content type's own name reads "app | model" with the app's label; translators need the model's.
    def label_from_instance(self, obj):
        model = obj.model_class()
        return capfirst(model._meta.verbose_name) if model else obj.model


class ContentTypeFilter(django_filters.ModelChoiceFilter):
    field_class = ContentTypeChoiceField


class TaskFilter(django_filters.FilterSet):
    target_locale = django_filters.ModelChoiceFilter(
        queryset=Locale.objects.all(), label=gettext_lazy("Locale"), empty_label=gettext_lazy("All locales")
    )
    state = django_filters.ChoiceFilter(
        choices=TranslationTask.State.choices,
        label=gettext_lazy("State"),
        empty_label=gettext_lazy("All states"),
    )
    due = django_filters.ChoiceFilter(
        choices=DUE_CHOICES,
        method="filter_due",
        label=gettext_lazy("Due"),
        empty_label=gettext_lazy("Any time"),
    )
    content_type = ContentTypeFilter(
        queryset=ContentType.objects.none(), label=gettext_lazy("Type"), empty_label=gettext_lazy("All types")
    )
    # A checkbox, not a yes/no/unknown list: unticked shows every task the user may see.
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=gettext_lazy("Only my tasks"), widget=forms.CheckboxInput
    )

    class Meta:
        model = TranslationTask
        fields = ["target_locale", "state", "due", "content_type", "mine"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["content_type"].queryset = ContentType.objects.filter(
            pk__in=TranslationTask.objects.values("content_type")
        )

    def filter_due(self, queryset, name, value):
        now = timezone.now()
        if value == "overdue":
            return queryset.overdue(now)
        horizon = now + datetime.timedelta(days=1 if value == "today" else 7)
        return queryset.open().filter(due_at__gte=now, due_at__lte=horizon)

    def filter_mine(self, queryset, name, value):
        return queryset.for_user(self.user) if value else queryset


def task_list(request):
    _require_perm(request, "translations.view_translationtask")
    queryset = services.visible_tasks(
        request.user,
        TranslationTask.objects.select_related(
            "target_locale", "assignee", "assignee_group", "content_type"
        ).order_by("due_at", "pk"),
    )
    filterset = TaskFilter(request.GET or None, queryset=queryset, user=request.user)
    tasks = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    page = Paginator(tasks, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "translations/task_list.html",
        {"filterset": filterset, "page_obj": page, "tasks": page.object_list, "now": timezone.now()},
    )


# --- Task detail and actions ------------------------------------------------------------

ACTIONS = {
    "start": lambda task, request: services.start(task, request.user),
    "submit": lambda task, request: services.submit(task, request.user),
    "approve": lambda task, request: services.approve(task, request.user),
    "request_changes": lambda task, request: services.request_changes(
        task, request.user, request.POST.get("text")
    ),
    "cancel": lambda task, request: services.cancel(task, request.user),
    "reopen": lambda task, request: services.reopen(task, request.user),
    "comment": lambda task, request: services.comment(task, request.user, request.POST.get("text")),
    "take": lambda task, request: services.assign(task, request.user, user=request.user),
    "machine_reviewed": lambda task, request: services.mark_machine_reviewed(task, request.user),
    "convert_cyrillic": lambda task, request: script_check.convert_task(task, request.user),
}


def _assign(task, request):
    user_id, group_id = request.POST.get("assignee"), request.POST.get("group")
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    group = Group.objects.filter(pk=group_id).first() if group_id else None
    return services.assign(task, request.user, user=user, group=group)


ACTIONS["assign"] = _assign

ACTION_MESSAGES = {
    "start": gettext_lazy("Translation started: the editor is ready."),
    "submit": gettext_lazy("Submitted for review."),
    "approve": gettext_lazy("Approved and published."),
    "request_changes": gettext_lazy("Sent back to the translator."),
    "cancel": gettext_lazy("Task cancelled."),
    "reopen": gettext_lazy("Task reopened."),
    "comment": gettext_lazy("Comment added."),
    "take": gettext_lazy("The task is yours."),
    "assign": gettext_lazy("Task assigned."),
    "machine_reviewed": gettext_lazy("Machine-translated segments marked as reviewed."),
    "convert_cyrillic": gettext_lazy("Latin text converted to Cyrillic."),
}


def task_detail(request, pk):
    _require_perm(request, "translations.view_translationtask")
    task = get_object_or_404(
        services.visible_tasks(
            request.user,
            TranslationTask.objects.select_related(
                "target_locale", "source_locale", "assignee", "assignee_group"
            ),
        ),
        pk=pk,
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            messages.error(request, _("Unknown action."))
            return redirect("translations:task_detail", pk=task.pk)
        try:
            ACTIONS[action](task, request)
        except services.TransitionError as error:
            messages.error(request, str(error))
        else:
            # Resolved now, in the user's admin language: the message is stored after the view returns.
            messages.success(request, str(ACTION_MESSAGES[action]))
            if action == "start" and (url := services.editor_url(task)):
                return redirect(url)
        return redirect("translations:task_detail", pk=task.pk)
    total, translated, machine = services.progress(task)
    target = task.get_target_instance()
    source = task.get_source_instance()
    editor_url = services.editor_url(task)
    can_work = services.can_work_on(request.user, task)
    # Only who may edit the source gets its editor; the others read the live page, if there is one.
    source_edit_url = AdminURLFinder(request.user).get_edit_url(source) if source is not None else None
    source_live_url = None
    if source is not None and not source_edit_url and getattr(source, "live", False):
        source_live_url = source.get_url(request=request) if hasattr(source, "get_url") else None
    context = {
        "task": task,
        "source": source,
        "source_edit_url": source_edit_url,
        "source_live_url": source_live_url,
        "changes": services.labelled_changes(task, source),
        "target": target,
        "editor_url": editor_url,
        # A task in progress is continued in the editor, not started again.
        "continue_url": editor_url if task.state == TranslationTask.State.IN_PROGRESS else None,
        "progress": {"total": total, "translated": translated, "machine": machine},
        "comments": task.comments.select_related("author"),
        "latin": script_check.latin_in_task(task),
        "can_work": can_work,
        "can_continue": bool(can_work and editor_url and task.state == TranslationTask.State.IN_PROGRESS),
        "can_review": services.can_review(request.user),
        "can_manage": services.can_manage(request.user),
        "translators": get_user_model().objects.filter(
            is_active=True, groups__name=conf.translator_group_name(task.target_locale.language_code)
        ),
        # Only the task's own language group can take it.
        "groups": Group.objects.filter(name=conf.translator_group_name(task.target_locale.language_code)),
    }
    return TemplateResponse(request, "translations/task_detail.html", context)


# --- Coverage --------------------------------------------------------------------------


def coverage_view(request):
    _require_perm(request, "translations.review_translationtask")
    report = coverage.compute()
    overdue = TranslationTask.objects.overdue().select_related("target_locale", "assignee")[:50]
    return TemplateResponse(
        request,
        "translations/coverage.html",
        {"report": report, "overdue": overdue, "statuses": coverage.STATUSES},
    )


def coverage_csv(request):
    _require_perm(request, "translations.review_translationtask")
    out = io.StringIO()
    coverage.write_csv(coverage.compute(), out)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-coverage.csv"'
    return response


# --- Official-language gate --------------------------------------------------------------------


def gate_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish_together":
                published = gate.publish_together(page, request.user)
                messages.success(
                    request,
                    _("'%(title)s' published together with its translations: %(locales)s.")
                    % {
                        "title": page.title,
                        "locales": ", ".join(str(locale.get_display_name()) for locale in published),
                    },
                )
            elif request.POST.get("action") == "override":
                missing = gate.override(page, request.user, request.POST.get("reason"))
                names = [
                    str(locale.get_display_name())
                    for locale in Locale.objects.filter(language_code__in=missing)
                ]
                messages.warning(
                    request,
                    _(
                        "'%(title)s' went live without its translation into %(languages)s; "
                        "the reason is in the audit log."
                    )
                    % {"title": page.title, "languages": ", ".join(names) or "-"},
                )
            else:
                messages.error(request, _("Unknown action."))
                return redirect("translations:gate", page_id=page.pk)
        except gate.GateError as error:
            messages.error(request, str(error))
            return redirect("translations:gate", page_id=page.pk)
        return redirect("wagtailadmin_pages:edit", page.pk)
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    statuses = gate.official_statuses(draft, actor=request.user)
    return TemplateResponse(
        request,
        "translations/gate.html",
        {
            "page": page,
            "statuses": statuses,
            "gated": gate.is_gated(page),
            "ready": all(status.ready for status in statuses),
            "can_override": request.user.has_perm("translations.override_official_language_gate"),
            "tasks": TranslationTask.objects.for_instance(page).select_related("target_locale"),
        },
    )


@require_POST
def convert_page_to_cyrillic(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    changed = script_check.convert_page(page, request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s text converted from Latin to Cyrillic.",
            "%(count)s texts converted from Latin to Cyrillic.",
            changed,
        )
        % {"count": changed},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
