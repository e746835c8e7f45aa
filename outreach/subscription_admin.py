"""The admin screen of citizens' subscriptions: seen and, on a subscriber's request, deleted; never made.

A subscription is the subscriber's own choice, confirmed from their mailbox: staff cannot
create one or change its choices (``SubscriptionPermissionPolicy`` refuses ``add`` and
``change`` to everyone, superusers included). Deleting is unsubscribing, as the link in
every e-mail does. The group "Head of office" may view and delete (migration ``outreach.0008``).
"""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from outreach.models import Language, Subscription, Undeliverable

STATUS_CHOICES = [("confirmed", _("Confirmed")), *Undeliverable.choices]


class SubscriptionPermissionPolicy(ModelPermissionPolicy):
    REFUSED = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        return action not in self.REFUSED and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.REFUSED]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class SubscriptionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUS_CHOICES, method="filter_status")
    frequency = django_filters.ChoiceFilter(label=_("Frequency"), choices=Subscription.Frequency.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)

    class Meta:
        model = Subscription
        fields = ["status", "frequency", "language"]

    def filter_status(self, queryset, name, value):
        if value == "confirmed":
            return queryset.filter(undeliverable="")
        return queryset.filter(undeliverable=value)


def choices_of(subscription):
    """Categories, topics and bodies in one cell, each group on its own line."""
    groups = [
        subscription.get_categories_display(),
        ", ".join(str(topic) for topic in subscription.topics.all()),
        ", ".join(str(body) for body in subscription.bodies.all()),
    ]
    return format_html_join("", "<div>{}</div>", ((group,) for group in groups if group))


class ChoicesColumn(Column):
    def get_value(self, instance):
        return choices_of(instance)


class SubscriptionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("topics", "bodies")


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    # The public pages' namespace is "subscriptions" (outreach/urls.py).
    url_namespace = "subscription_admin"
    url_prefix = "subscriptions"
    icon = "mail"
    menu_label = _("Subscriptions")
    index_view_class = SubscriptionIndexView
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "email",
        "language",
        "categories",
        "topics",
        "bodies",
        "frequency",
        "confirmed_at",
        "updated_at",
        "status",
        "undeliverable_at",
        "undeliverable_detail",
    ]
    # Never used (adding and changing are refused); ModelViewSet wants a form definition.
    form_fields = ["frequency"]

    @property
    def list_display(self):
        return [
            Column("email", label=_("e-mail"), accessor="email", sort_key="email"),
            Column("language", label=_("language"), accessor="get_language_display", sort_key="language"),
            ChoicesColumn("choices", label=_("Choices")),
            Column("frequency", label=_("frequency"), accessor="get_frequency_display", sort_key="frequency"),
            DateColumn("confirmed_at", label=_("confirmed"), sort_key="confirmed_at"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="undeliverable"),
        ]
