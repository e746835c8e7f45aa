"""The translation task workflow: creation on publish, state transitions, completion.

wagtail-localize stays the translation editor; tasks wrap its ``Translation``
records with assignment, due dates, review and history.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
    get_edit_url,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from . import conf, notifications
from .due import due_date_for
from .models import TranslationTask, TranslationTaskComment

State = TranslationTask.State


class TransitionError(Exception):
    """A task action that is not possible now; the message says why, for the user."""


# --- Segments ------------------------------------------------------------------


def instance_segments(instance):
    """The translatable strings of ``instance`` as {path: text}."""
    return {
        segment.path: segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


def source_segments(source):
    """The strings wagtail-localize extracted last time, as {path: text}."""
    return dict(StringSegment.objects.filter(source=source).values_list("context__path", "string__data"))


def diff_segments(before, after):
    changes = []
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            changes.append({"path": path, "before": before.get(path), "after": after.get(path)})
    return changes


def segment_label(instance, path):
    """A segment path ("search_description", "body.<block id>.heading") as the editor names it.

    Uses the field's verbose name and, inside a StreamField, the labels of the blocks on the path;
    a part that no longer exists in ``instance`` (a deleted block) ends the label there.
    """
    name, *rest = path.split(".")
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return path
    labels = [str(capfirst(getattr(field, "verbose_name", name)))]
    if isinstance(field, StreamField):
        value = getattr(instance, name, None)
        for part in rest:
            if isinstance(value, StreamValue):
                child = next((child for child in value if child.id == part), None)
                if child is None:
                    break
                labels.append(str(capfirst(child.block.label)))
                value = child.value
            elif isinstance(value, StructValue):
                block = value.block.child_blocks.get(part)
                if block is None:
                    break
                labels.append(str(capfirst(block.label)))
                value = value.get(part)
            elif isinstance(value, ListValue):
                item = next((item for item in value.bound_blocks if item.id == part), None)
                if item is None:
                    break
                value = item.value
            else:
                break
    return " › ".join(labels)


def labelled_changes(task, instance):
    """The task's changed segments, each with a ``label`` naming its field for the translator."""
    if instance is not None and hasattr(instance, "get_latest_revision_as_object"):
        instance = instance.get_latest_revision_as_object()
    return [
        {
            **change,
            "label": segment_label(instance, change["path"]) if instance is not None else change["path"],
        }
        for change in task.changed_segments
    ]


# --- Creation and reopening ------------------------------------------------------


def is_tracked(instance):
    """Whether publishing ``instance`` creates translation tasks."""
    if not hasattr(instance, "translation_key") or instance.locale.language_code != conf.default_language():
        return False
    return instance._meta.label_lower not in conf.task_excluded_types()


def translator_group(locale):
    return Group.objects.filter(name=conf.translator_group_name(locale.language_code)).first()


@transaction.atomic
def sync_tasks_for_source(instance, user=None):
    """Create the tasks of a newly published source, or reopen them after a change.

    Returns the tasks created or changed.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    if not is_tracked(instance):
        return []
    content_type = ContentType.objects.get_for_model(instance.__class__)
    now = timezone.now()
    existing = {
        task.target_locale_id: task
        for task in TranslationTask.objects.filter(
            translation_key=instance.translation_key, content_type=content_type
        )
    }
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    changes = []
    if source is not None:
        changes = diff_segments(source_segments(source), instance_segments(instance))
        if changes:
            # The translator's editor must show the new strings.
            TranslationSource.update_or_create_from_instance(instance)
    translated_locales = set(
        type(instance)
        ._default_manager.filter(translation_key=instance.translation_key)
        .values_list("locale_id", flat=True)
    )
    touched = []
    for locale in Locale.objects.filter(language_code__in=conf.target_languages()):
        task = existing.get(locale.pk)
        if task is None:
            # A translation made before tasks existed is outdated by a change, like a done task.
            outdated = bool(changes) and locale.pk in translated_locales
            task = TranslationTask.objects.create(
                content_type=content_type,
                translation_key=instance.translation_key,
                source_locale=instance.locale,
                target_locale=locale,
                object_repr=str(instance)[:255],
                state=State.UPDATE_NEEDED if outdated else State.UNASSIGNED,
                changed_segments=changes if outdated else [],
                assignee_group=translator_group(locale),
                due_at=due_date_for(instance, now),
                source_updated_at=now,
            )
            touched.append(task)
            continue
        if not changes:
            continue
        task.object_repr = str(instance)[:255]
        task.source_updated_at = now
        task.changed_segments = _merge_changes(task.changed_segments if task.is_open else [], changes)
        if task.state in (State.DONE, State.IN_REVIEW):
            task.state = State.UPDATE_NEEDED
            task.completed_at = None
            task.due_at = due_date_for(instance, now)
            task.due_soon_notified_at = task.overdue_notified_at = None
        task.save()
        touched.append(task)
    return touched


def _merge_changes(previous, changes):
    by_path = {change["path"]: change for change in previous}
    for change in changes:
        if change["path"] in by_path:
            change = {**change, "before": by_path[change["path"]]["before"]}
        by_path[change["path"]] = change
    return [change for change in by_path.values() if change["before"] != change["after"]]


def complete_on_publish(instance, user=None):
    """A published translation closes its task once a reviewer has approved it (state "in review")."""
    if isinstance(instance, Page):
        instance = instance.specific
    if not hasattr(instance, "translation_key"):
        return None
    task = (
        TranslationTask.objects.for_instance(instance)
        .filter(target_locale_id=instance.locale_id, state=State.IN_REVIEW)
        .first()
    )
    if task is None:
        return None
    # Translators cannot publish their locale's pages, so whoever published it reviewed it.
    return _mark_done(task, user)


# --- wagtail-localize glue ------------------------------------------------------


def get_translation(task):
    return Translation.objects.filter(
        source__object_id=task.translation_key,
        source__locale_id=task.source_locale_id,
        target_locale_id=task.target_locale_id,
    ).first()


def ensure_translation(task, user=None):
    """The wagtail-localize translation of the task, creating the target as a draft if needed.

    The source is taken from its latest revision, so that an official act can be
    translated before it goes live; the target never goes live before review.
    """
    source_instance = task.get_source_instance()
    if source_instance is None:
        raise TransitionError(_("The source of this task no longer exists."))
    if isinstance(source_instance, DraftStateMixin) and source_instance.has_unpublished_changes:
        source_instance = source_instance.get_latest_revision_as_object()
    source, _created = TranslationSource.update_or_create_from_instance(source_instance)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=task.target_locale, defaults={"enabled": True}
    )
    if task.get_target_instance() is None:
        translation.save_target(user=user, publish=not isinstance(source_instance, DraftStateMixin))
    return translation


def publish_translation(translation, user=None):
    """Save and publish the target of ``translation`` now, in the caller's transaction.

    (wagtail-localize's ``save_target(publish=True)`` publishes a page only on commit.)
    """
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    if isinstance(target, Page):
        target.get_latest_revision().publish(user=user, skip_permission_checks=True)
    return target


def editor_url(task):
    target = task.get_target_instance()
    return get_edit_url(target) if target is not None else None


def progress(task):
    """(total segments, translated segments, machine-translated segments not yet reviewed)."""
    translation = get_translation(task)
    if translation is None:
        return 0, 0, 0
    total, translated = translation.get_progress()
    return total, translated, machine_translations(task).count()


def machine_translations(task):
    translation = get_translation(task)
    if translation is None:
        return StringTranslation.objects.none()
    return StringTranslation.objects.filter(
        locale_id=task.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context_id__in=StringSegment.objects.filter(source_id=translation.source_id).values("context_id"),
    )


# --- Permissions ------------------------------------------------------------------


def can_review(user):
    return user.is_active and user.has_perm("translations.review_translationtask")


def can_manage(user):
    return user.is_active and user.has_perm("translations.change_translationtask")


def can_work_on(user, task):
    if not user.is_active:
        return False
    if user.is_superuser or task.assignee_id == user.pk or can_manage(user):
        return True
    group_ids = set(user.groups.values_list("pk", flat=True))
    return task.assignee_group_id in group_ids or _translator_group_id(task.target_locale) in group_ids


def visible_tasks(user, queryset=None):
    """The tasks ``user`` may see: reviewers and managers all, a translator those of their languages."""
    queryset = TranslationTask.objects.all() if queryset is None else queryset
    if user.is_superuser or can_manage(user) or can_review(user):
        return queryset
    group_names = set(user.groups.values_list("name", flat=True))
    languages = [code for code in conf.target_languages() if conf.translator_group_name(code) in group_names]
    return queryset.filter(
        Q(assignee=user)
        | Q(assignee_group__in=user.groups.all())
        | Q(target_locale__language_code__in=languages)
    )


def _translator_group_id(locale):
    group = translator_group(locale)
    return group.pk if group else None


# --- Transitions ------------------------------------------------------------------


def _require(condition, message):
    if not condition:
        raise TransitionError(message)


def comment(task, user, text):
    text = (text or "").strip()
    _require(text, _("A comment needs some text."))
    return TranslationTaskComment.objects.create(task=task, author=user, text=text)


def assign(task, by, user=None, group=None):
    """Assign to a person (a manager, or a translator taking the task) or to a language group."""
    _require(task.is_open, _("This task is closed."))
    _require(user is not None or group is not None, _("Choose a person or a group."))
    taking_it = user is not None and user == by and can_work_on(by, task)
    _require(can_manage(by) or taking_it, _("You cannot assign this task."))
    own_group = translator_group(task.target_locale)
    _require(
        group is None or (own_group is not None and group.pk == own_group.pk),
        _("A task can only be assigned to its own language's translator group."),
    )
    _require(
        user is None
        or user.is_superuser
        or can_manage(user)
        or user.groups.filter(pk=getattr(own_group, "pk", None)).exists(),
        _("This person is not a translator into this task's language."),
    )
    task.assignee = user
    if group is not None:
        task.assignee_group = group
    if task.state == State.UNASSIGNED:
        task.state = State.ASSIGNED
    task.save()
    notifications.notify_assignment(task, by)
    return task


def start(task, by):
    _require(can_work_on(by, task), _("This task is not yours to work on."))
    _require(
        task.state in (State.UNASSIGNED, State.ASSIGNED, State.UPDATE_NEEDED, State.IN_PROGRESS),
        _("Only a new, assigned or outdated task can be started."),
    )
    ensure_translation(task, user=by)
    if task.assignee_id is None:
        task.assignee = by
    task.state = State.IN_PROGRESS
    task.save()
    return task


def submit(task, by):
    _require(can_work_on(by, task), _("This task is not yours to work on."))
    _require(
        task.state == State.IN_PROGRESS,
        _("Only a task in progress can be submitted for review: start it first."),
    )
    total, translated, _machine = progress(task)
    _require(
        total and translated == total,
        ngettext(
            "%(count)s segment is still untranslated, out of %(total)s.",
            "%(count)s segments are still untranslated, out of %(total)s.",
            total - translated,
        )
        % {"count": total - translated, "total": total},
    )
    target = task.get_target_instance()
    if isinstance(target, DraftStateMixin):
        # Save a draft of the target so that the reviewer sees the translation in place.
        get_translation(task).save_target(user=by, publish=False)
    task.state = State.IN_REVIEW
    task.save()
    return task


def request_changes(task, by, text):
    _require(can_review(by), _("Only a reviewer can send a translation back."))
    _require(task.state == State.IN_REVIEW, _("Only a task in review can be sent back."))
    comment(task, by, text)
    task.state = State.IN_PROGRESS
    task.save()
    notifications.notify_assignment(task, by, sent_back=True)
    return task


def approve(task, by):
    """Approve the completed translation and publish it; the task is done."""
    _require(can_review(by), _("Only a reviewer can approve a translation."))
    _require(task.state == State.IN_REVIEW, _("Only a task in review can be approved."))
    total, translated, machine = progress(task)
    _require(total and translated == total, _("The translation is incomplete."))
    _require(
        not machine,
        ngettext(
            "%(count)s machine-translated segment has not been reviewed by a person yet.",
            "%(count)s machine-translated segments have not been reviewed by a person yet.",
            machine,
        )
        % {"count": machine},
    )
    translation = get_translation(task)
    if isinstance(task.get_source_instance(), Page):
        publish_translation(translation, by)
    else:
        translation.save_target(user=by, publish=True)
    _mark_done(task, by)
    source = task.get_source_instance()
    if source is not None and hasattr(source, "revisions"):
        from . import gate

        # A scheduled official act that waited for this translation goes live with it now.
        gate.release_held(source, user=by)
    return task


def _mark_done(task, by):
    task.state = State.DONE
    task.completed_at = timezone.now()
    task.reviewed_by = by
    task.changed_segments = []
    task.save()
    return task


def mark_machine_reviewed(task, by):
    """The reviewer confirms the machine-translated segments as read and correct."""
    _require(can_review(by) or can_work_on(by, task), _("You cannot review this translation."))
    return machine_translations(task).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=by,
        updated_at=timezone.now(),
    )


def cancel(task, by):
    _require(can_manage(by), _("Only a manager can cancel a task."))
    _require(task.is_open, _("This task is already closed."))
    task.state = State.CANCELLED
    task.save()
    return task


def reopen(task, by):
    _require(can_manage(by), _("Only a manager can reopen a task."))
    _require(task.state == State.CANCELLED, _("Only a cancelled task can be reopened."))
    task.state = State.ASSIGNED if task.assignee_id else State.UNASSIGNED
    task.save()
    return task
