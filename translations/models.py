from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Locale


class TranslationTaskQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(state__in=TranslationTask.CLOSED_STATES)

    def overdue(self, now=None):
        return self.open().filter(due_at__lt=now or timezone.now())

    def for_user(self, user):
        """Tasks assigned to ``user`` directly or to one of their groups."""
        return self.filter(models.Q(assignee=user) | models.Q(assignee_group__in=user.groups.all()))

    def for_instance(self, instance):
        return self.filter(
            translation_key=instance.translation_key,
            content_type=ContentType.objects.get_for_model(instance.__class__),
        )


class TranslationTask(models.Model):
    """One source object (page or snippet, by translation key) to translate into one locale."""

    class State(models.TextChoices):
        UNASSIGNED = "unassigned", _("Unassigned")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        IN_REVIEW = "in_review", _("In review")
        UPDATE_NEEDED = "update_needed", _("Update needed")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    CLOSED_STATES = (State.DONE, State.CANCELLED)

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("content type"),
        help_text=_("The specific type of the source object."),
    )
    translation_key = models.UUIDField(_("translation key"), db_index=True)
    source_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    target_locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="translation_tasks", verbose_name=_("target locale")
    )
    object_repr = models.CharField(_("source"), max_length=255)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.UNASSIGNED)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translation_tasks",
        verbose_name=_("assignee"),
    )
    assignee_group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translation_tasks",
        verbose_name=_("language group"),
    )
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    changed_segments = models.JSONField(
        _("changed segments"),
        default=list,
        blank=True,
        help_text=_("What changed in the source since the last translation: [{path, before, after}]."),
    )
    source_updated_at = models.DateTimeField(_("source updated"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_soon_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TranslationTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation task")
        verbose_name_plural = _("translation tasks")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "content_type", "target_locale"],
                name="unique_task_per_source_locale",
            )
        ]
        indexes = [models.Index(fields=["state", "due_at"])]
        permissions = [
            ("review_translationtask", _("Can review and approve translations")),
            (
                "override_official_language_gate",
                _("Can publish an official act without its Serbian translation"),
            ),
        ]

    def __str__(self):
        return f"{self.object_repr} → {self.target_locale.language_code}"

    @property
    def is_open(self):
        return self.state not in self.CLOSED_STATES

    @property
    def is_overdue(self):
        return self.is_open and self.due_at is not None and self.due_at < timezone.now()

    def get_source_instance(self):
        model = self.content_type.model_class()
        return model.objects.filter(
            translation_key=self.translation_key, locale_id=self.source_locale_id
        ).first()

    def get_target_instance(self):
        model = self.content_type.model_class()
        return model.objects.filter(
            translation_key=self.translation_key, locale_id=self.target_locale_id
        ).first()

    def assignee_users(self):
        """Whom to notify: the assignee, else the members of the language group."""
        if self.assignee_id:
            return [self.assignee]
        if self.assignee_group_id:
            return list(self.assignee_group.user_set.filter(is_active=True))
        return []


class TranslationTaskComment(models.Model):
    task = models.ForeignKey(TranslationTask, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation task comment")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:50]


class OfficialLanguageReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason (kept in the audit log)"), min_length=10, widget=forms.Textarea(attrs={"rows": 3})
    )


class OfficialLanguageTask(AbstractGroupApprovalTask):
    """Workflow step: an official act moves on only with its complete translation into the official languages.

    Put it last in the workflow of official acts, so that approval by the head of
    office cannot publish the Albanian text alone. It approves itself when the
    translation is already complete; otherwise its reviewers approve once it is,
    or override with a written reason recorded in the audit log.
    """

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        obj = workflow_state.content_object
        if self.translations_ready(obj, user):
            task_state.approve(
                user=user, update=False, comment=str(_("The official translations are complete."))
            )
        elif hasattr(obj, "get_latest_revision_as_object"):
            from .services import sync_tasks_for_source

            # The translators get the text under review now, not only once it is published.
            sync_tasks_for_source(obj.get_latest_revision_as_object(), user=user)
        return task_state

    @staticmethod
    def translations_ready(obj, user=None):
        from .gate import blocking_statuses

        draft = obj.get_latest_revision_as_object()
        return not blocking_statuses(draft, actor=user)

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        actions = [("reject", _("Request changes"), True)]
        if self.translations_ready(obj, user):
            actions.append(("approve", _("Approve"), False))
        elif user.has_perm("translations.override_official_language_gate"):
            actions.append(("override", _("Publish without the official translation"), True))
        return actions

    def get_form_for_action(self, action):
        if action == "override":
            return OfficialLanguageReasonForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        from django.urls import reverse

        from .gate import OVERRIDE_ACTION, allowing, blocking_statuses

        obj = task_state.workflow_state.content_object
        if action_name == "approve" and not self.translations_ready(obj, user):
            # Nothing is approved; the gate page says what is missing.
            return reverse("translations:gate", args=[obj.pk])
        if action_name == "override":
            reason = (kwargs.get("comment") or "").strip()
            if len(reason) < 10 or not user.has_perm("translations.override_official_language_gate"):
                return reverse("translations:gate", args=[obj.pk])
            missing = [
                status.locale.language_code
                for status in blocking_statuses(obj.get_latest_revision_as_object())
            ]
            with allowing(obj.translation_key):
                task_state.approve(user=user, comment=reason)
            log(obj, OVERRIDE_ACTION, user=user, data={"reason": reason, "missing_locales": missing})
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Official acts continue only with their complete translation into the official languages")

    class Meta:
        verbose_name = _("Official languages check")
        verbose_name_plural = _("Official languages checks")
