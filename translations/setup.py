"""The translation workflow's part of the editorial set-up (``home.editorial``).

The head of office's review workflow ends with the "Official languages check",
so that approving an official act never publishes the Albanian text alone (for
other pages the step approves itself). The head of office reviews translations
and may override the gate; editors see the translation tasks. The data
migration ``0004_editorial_setup`` runs this with the historical models;
``setup_site`` and the demo loader run it again after ``ensure_editorial_setup``.
"""

from django.apps import apps as global_apps
from django.db.models import Max

from home.editorial import EDITORS, HEAD_OF_OFFICE, WORKFLOW_NAME

OFFICIAL_TASK_NAME = "Official languages check"
HEAD_PERMISSIONS = [
    "view_translationtask",
    "change_translationtask",
    "review_translationtask",
    "override_official_language_gate",
]
EDITOR_PERMISSIONS = ["view_translationtask"]
# The names Django gives these permissions after migrating (they may not exist yet during migrations).
PERMISSION_NAMES = {
    "view_translationtask": "Can view translation task",
    "change_translationtask": "Can change translation task",
    "review_translationtask": "Can review and approve translations",
    "override_official_language_gate": "Can publish an official act without its Serbian translation",
}


def ensure_translation_editorial_setup(apps=global_apps):
    """Grant the editorial groups their translation permissions and end the workflow with the check.

    Returns the workflow. Idempotent; a workflow that already has the check keeps its order.
    """
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    head, _ = Group.objects.get_or_create(name=HEAD_OF_OFFICE)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    task_content_type, _ = ContentType.objects.get_or_create(
        app_label="translations", model="translationtask"
    )

    def permission(codename):
        return Permission.objects.get_or_create(
            content_type=task_content_type, codename=codename, defaults={"name": PERMISSION_NAMES[codename]}
        )[0]

    head.permissions.add(*(permission(codename) for codename in HEAD_PERMISSIONS))
    editors.permissions.add(*(permission(codename) for codename in EDITOR_PERMISSIONS))

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    OfficialLanguageTask = apps.get_model("translations", "OfficialLanguageTask")

    task = OfficialLanguageTask.objects.filter(name=OFFICIAL_TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="translations", model="officiallanguagetask"
        )
        task = OfficialLanguageTask.objects.create(
            name=OFFICIAL_TASK_NAME, active=True, content_type=task_type
        )
    task.groups.add(head)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    steps = WorkflowTask.objects.filter(workflow=workflow)
    if not steps.filter(task_id=task.pk).exists():
        last = steps.aggregate(last=Max("sort_order"))["last"]
        WorkflowTask.objects.create(
            workflow=workflow, task_id=task.pk, sort_order=0 if last is None else last + 1
        )
    return workflow
