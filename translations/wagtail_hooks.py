from django.conf import settings
from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from . import conf, gate, script_check, services, urls
from .components import MyTranslationTasksPanel, TranslationsAwaitingReviewPanel
from .groups import is_translator_only, translator_locales
from .models import TranslationTask


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="translations"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_tasks_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Translation tasks"),
        reverse("translations:task_list"),
        icon_name="tasks",
        order=250,
        permission="translations.view_translationtask",
    )


@hooks.register("register_reports_menu_item")
def register_coverage_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Translation coverage"),
        reverse("translations:coverage"),
        icon_name="table",
        order=9010,
        permission="translations.review_translationtask",
    )


@hooks.register("construct_homepage_panels")
def add_my_tasks_panel(request, panels):
    if request.user.has_perm("translations.view_translationtask"):
        panels.append(MyTranslationTasksPanel(request.user))
    if services.can_review(request.user):
        panels.append(TranslationsAwaitingReviewPanel())


def _task_links(statuses):
    links = [
        format_html(
            '<a class="button button-small button-secondary" href="{}">{}</a>',
            reverse("translations:task_detail", args=[status.task.pk]),
            _("Translation task (%(language)s)") % {"language": status.locale.get_display_name()},
        )
        for status in statuses
        if status.task is not None
    ]
    return format_html_join(" ", "{}", ((link,) for link in links))


def refuse(request, page, message, statuses=()):
    """Show the gate's refusal with links to the tasks and the gate page; stay on the page's edit view."""
    messages.error(
        request,
        format_html(
            '{} {} <a class="button button-small button-secondary" href="{}">{}</a>',
            message,
            _task_links(statuses),
            reverse("translations:gate", args=[page.pk]),
            _("Publish together or override"),
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def official_language_gate(request, page):
    if page.go_live_at and page.go_live_at > timezone.now():
        # Scheduled: at its go-live time it waits for its translation (publish_scheduled).
        return None
    if not gate.blocking_statuses(page, actor=request.user):
        return None
    # The revision is already saved: nothing is lost, and the translators get the new text.
    services.sync_tasks_for_source(page, user=request.user)
    blocking = gate.blocking_statuses(page, actor=request.user)
    created = not Page.objects.filter(pk=page.pk, live=True).exists()
    return refuse(request, page, gate.refusal_message(page, blocking, created=created), blocking)


@hooks.register("after_publish_page")
def say_what_went_live_together(request, page):
    if not gate.is_gated(page) or not page.live:
        return None
    live = [
        str(locale.get_display_name())
        for locale in gate.official_locales()
        if page.get_translations().filter(locale=locale, live=True).exists()
    ]
    if live:
        messages.info(
            request,
            _("Published together with its translation: %(languages)s.") % {"languages": ", ".join(live)},
        )
    return None


def _refuse_taking_translation_offline(request, page):
    page = page.specific
    try:
        gate.guard_delete(page)
    except gate.GateClosed as refusal:
        messages.error(request, refusal.message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_unpublish_page")
def keep_official_translation_live(request, page):
    return _refuse_taking_translation_offline(request, page)


@hooks.register("before_delete_page")
def keep_official_translation_undeleted(request, page):
    return _refuse_taking_translation_offline(request, page)


@hooks.register("before_bulk_action")
def official_language_gate_in_bulk(request, action_type, objects, action_class_instance):
    if not objects or not isinstance(objects[0], Page):
        return None
    refused = []
    for page in objects:
        page = page.specific
        if action_type == "publish":
            draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
            blocking = gate.blocking_statuses(draft, actor=request.user)
            if blocking:
                refused.append(gate.refusal_message(draft, blocking))
        elif action_type in ("unpublish", "delete"):
            try:
                gate.guard_delete(page)
            except gate.GateClosed as refusal:
                refused.append(refusal.message)
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    # Only back to this site: ``next`` comes from the address bar.
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))


@hooks.register("after_copy_page")
def say_copied_act_is_a_draft(request, page, new_page):
    new_page = new_page.specific
    if gate.is_gated(new_page) and not new_page.live and request.POST.get("publish_copies"):
        messages.warning(
            request,
            _(
                "The copy '%(title)s' is a draft: an official act goes live only together with its "
                "translation into the official languages."
            )
            % {"title": new_page.title},
        )
    return None


@hooks.register("before_edit_page", order=-2)
def link_translation_to_its_task(request, page):
    """The translation editor (the edit view of a translated page) links back to its task."""
    if request.method != "GET" or page.locale.language_code == conf.default_language():
        return None
    task = TranslationTask.objects.for_instance(page.specific).filter(target_locale_id=page.locale_id).first()
    if task is not None:
        messages.info(
            request,
            format_html(
                '{} <a class="button button-small button-secondary" href="{}">{}</a>',
                _("This page is translated in a translation task (%(state)s).")
                % {"state": task.get_state_display()},
                reverse("translations:task_detail", args=[task.pk]),
                _("Back to the task"),
            ),
        )
    return None


@hooks.register("before_edit_page", order=-1)
def warn_about_latin_in_serbian(request, page):
    if request.method != "GET" or not script_check.needs_check(page.locale):
        return None
    found = script_check.latin_in_page(page)
    if found:
        words = sorted({word for values in found.values() for word in values})[:8]
        messages.warning(
            request,
            format_html(
                '{} <form method="post" action="{}" style="display:inline">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<button type="submit" class="button button-small">{}</button></form>',
                _(
                    "This Serbian page contains text in Latin script (%(words)s); Serbian is stored in Cyrillic."
                )
                % {"words": ", ".join(words)},
                reverse("translations:convert_page", args=[page.pk]),
                get_token(request),
                _("Convert to Cyrillic"),
            ),
        )
    return None


@hooks.register("before_edit_snippet")
def limit_translators_to_their_locales(request, instance):
    locale = getattr(instance, "locale", None)
    if locale is None or not is_translator_only(request.user):
        return None
    if locale.language_code not in translator_locales(request.user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return None


def _language_names(codes):
    """The languages of the log entry's locale codes, named in the reader's language."""
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in codes) or "-"


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(gate.OVERRIDE_ACTION)
    class GateOverrideFormatter(LogFormatter):
        label = gettext_lazy("Publish without official translation")

        def format_message(self, log_entry):
            return _("Published without the official translation (%(locales)s). Reason: %(reason)s") % {
                "locales": _language_names(log_entry.data.get("missing_locales", [])),
                "reason": log_entry.data.get("reason", ""),
            }

    @actions.register_action(gate.HOLD_ACTION)
    class ScheduledHoldFormatter(LogFormatter):
        label = gettext_lazy("Scheduled publication waits for the official translation")

        def format_message(self, log_entry):
            return _("The go-live time came; it waits for its translation (%(locales)s).") % {
                "locales": _language_names(log_entry.data.get("missing_locales", [])),
            }
