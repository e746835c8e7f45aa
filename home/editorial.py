"""The editorial set-up: groups "Editors" and "Head of office" and the review workflow.

Editors add and edit pages and submit them for review; the head of the office
approves (which publishes) or asks for changes. The workflow is assigned to
every home page (it covers each locale's whole tree) and to the category
indexes. The data migration ``0005_editorial_workflow`` runs this with the
historical models; ``setup_site`` and the demo loader run it again, because
home pages of new locales and indexes appear after migrations.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
HEAD_OF_OFFICE = "Head of office"
WORKFLOW_NAME = "Review by head of office"
TASK_NAME = "Approval by head of office"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
HEAD_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "lock_page",
    "publish_page",
    "unlock_page",
    "bulk_delete_page",
]
# (app_label, model, codenames) for groups beyond page permissions.
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("wagtail_localize", "translation", ["submit_translation"]),
    ("home", "topic", ["add_topic", "change_topic", "view_topic"]),
    ("home", "place", ["add_place", "change_place", "view_place"]),
    ("home", "body", ["view_body"]),
    ("home", "department", ["view_department"]),
    ("home", "documenttype", ["view_documenttype"]),
]
HEAD_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("wagtail_localize", "translation", ["submit_translation"]),
    *[
        ("home", model, [f"{action}_{model}" for action in ("add", "change", "delete", "view")])
        for model in (
            "topic",
            "place",
            "body",
            "department",
            "documenttype",
            "mainmenu",
            "footer",
            "officecontact",
            "sociallinks",
        )
    ],
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("documents", "document", ["add_document", "change_document", "choose_document"]),
]
INDEX_MODELS = [
    "NewsIndexPage",
    "AnnouncementIndexPage",
    "DecisionIndexPage",
    "RegulationIndexPage",
    "VacancyIndexPage",
    "PublicationIndexPage",
    "CampaignIndexPage",
]


def ensure_editorial_setup(apps=global_apps):
    """Create or complete the groups, their permissions and the workflow; return the workflow."""
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    head, _ = Group.objects.get_or_create(name=HEAD_OF_OFFICE)

    for group, model_permissions in ((editors, EDITOR_MODEL_PERMISSIONS), (head, HEAD_MODEL_PERMISSIONS)):
        for app_label, model, codenames in model_permissions:
            group.permissions.add(*(_permission(apps, app_label, model, codename) for codename in codenames))
        _grant_collection_permissions(apps, group)

    pages = _workflow_pages(apps)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for page in pages:
        if page.content_type.model != "homepage":
            continue  # indexes inherit the home page's permissions
        for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (head, HEAD_PAGE_PERMISSIONS)):
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission(apps, "wagtailcore", "page", codename)
                )

    workflow = _ensure_workflow(apps, head)
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for page in pages:
        # A workflow the administrators chose later for a page is left alone.
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def _grant_collection_permissions(apps, group):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, codenames in COLLECTION_PERMISSIONS:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(apps, app_label, model, codename)
            )


def _workflow_pages(apps):
    Page = apps.get_model("wagtailcore", "Page")
    return list(
        Page.objects.filter(
            content_type__app_label="home",
            content_type__model__in=["homepage", *(name.lower() for name in INDEX_MODELS)],
        ).select_related("content_type")
    )


def _ensure_workflow(apps, head):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(head)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    return workflow
