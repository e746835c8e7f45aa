from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import gate, script_check, services, urls
from .components import MyTranslationTasksPanel
from .groups import is_translator_only, translator_locales


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


@hooks.register("before_publish_page")
def official_language_gate(request, page):
    blocking = gate.blocking_statuses(page)
    if not blocking:
        return None
    # The revision is already saved: nothing is lost, and the translators get the new text.
    services.sync_tasks_for_source(page, user=request.user)
    messages.error(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            gate.refusal_message(page, blocking),
            reverse("translations:gate", args=[page.pk]),
            _("Publish together or override"),
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


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


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(gate.OVERRIDE_ACTION)
    class GateOverrideFormatter(LogFormatter):
        label = gettext_lazy("Publish without official translation")

        def format_message(self, log_entry):
            return _("Published without the official translation (%(locales)s). Reason: %(reason)s") % {
                "locales": ", ".join(log_entry.data.get("missing_locales", [])) or "-",
                "reason": log_entry.data.get("reason", ""),
            }
