"""The media-notice dashboard: what is due, sent, late or failed, and to whom."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.models import MediaNotice, NoticeDelivery

VIEW_PERMISSION = "events.view_medianotice"
SECTION_SIZE = 50


def notice_sections(now=None):
    now = now or timezone.now()
    notices = MediaNotice.objects.select_related("page", "rule", "requested_by").prefetch_related(
        Prefetch("deliveries", queryset=NoticeDelivery.objects.select_related("contact").order_by("pk"))
    )
    return [
        ("upcoming", _("Upcoming"), notices.filter(status__in=["scheduled", "sending"]).order_by("due_at")),
        (
            "late",
            _("Late"),
            notices.filter(is_late=True, created_at__gte=now - dt.timedelta(days=90)).order_by("-due_at"),
        ),
        ("failed", _("Failed"), notices.filter(status="failed").order_by("-updated_at")),
        ("sent", _("Sent"), notices.filter(status="sent").order_by("-sent_at")),
    ]


class NoticeDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/notice_dashboard.html"
    page_title = _("Media notices")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            {"key": key, "label": label, "notices": list(queryset[:SECTION_SIZE]), "total": queryset.count()}
            for key, label, queryset in notice_sections()
        ]
        return context


class NoticeSummaryPanel(Component):
    """Dashboard panel on the admin home page."""

    name = "media_notices"
    order = 150
    template_name = "events/admin/notice_panel.html"

    def get_context_data(self, parent_context):
        counts = MediaNotice.objects.aggregate(
            upcoming=Count("pk", filter=Q(status__in=["scheduled", "sending"])),
            failed=Count("pk", filter=Q(status="failed")),
            late=Count("pk", filter=Q(is_late=True, status__in=["scheduled", "sending"])),
        )
        upcoming = (
            MediaNotice.objects.filter(status="scheduled").select_related("page").order_by("due_at")[:5]
        )
        return {"counts": counts, "upcoming": upcoming}
