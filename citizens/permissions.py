"""Who sees which message: officials what is routed to their department or to them; the head of office all.

One policy for every admin view of messages (listing, edit, history): the
listing's queryset and each object's check both come from ``visible_messages``.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from .models import DepartmentOfficial, Message

SEE_ALL = "citizens.see_all_messages"


def sees_everything(user):
    return user.is_active and (user.is_superuser or user.has_perm(SEE_ALL))


def departments_of(user):
    return DepartmentOfficial.objects.filter(user=user).values("department")


def visible_messages(user, queryset=None):
    queryset = Message.objects.all() if queryset is None else queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if sees_everything(user):
        return queryset
    return queryset.filter(Q(assigned_department__in=departments_of(user)) | Q(assigned_official=user))


class MessagePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action) and visible_messages(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Message.objects.none()
        return visible_messages(user)
