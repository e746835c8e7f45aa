import pytest
from django.contrib.auth.models import Group, Permission

from translations.groups import ensure_translator_groups


@pytest.fixture
def translator_groups(home_pages):
    return ensure_translator_groups()


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups, permissions=(), **kwargs):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@komuna.example", password="secret-pass-123", **kwargs
        )
        user.groups.add(*groups)
        for perm in permissions:
            app_label, codename = perm.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return user

    return make


@pytest.fixture
def serbian_translator(make_user, translator_groups):
    return make_user("milica", translator_groups["sr"])


@pytest.fixture
def head_of_office(make_user, home_pages):
    """Reviews and publishes everything, and may override the official-language gate."""
    group, _ = Group.objects.get_or_create(name="Head of office test")
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    return make_user(
        "drita",
        group,
        permissions=(
            "wagtailadmin.access_admin",
            "translations.view_translationtask",
            "translations.change_translationtask",
            "translations.review_translationtask",
            "translations.override_official_language_gate",
        ),
    )


@pytest.fixture
def fill_translation():
    """Translate every segment of a task's translation, as a translator does in the editor."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from translations import services

    def fill(task, translate=lambda text, path: f"{text} ({path})", translation_type="manual"):
        translation = services.get_translation(task)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        ):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=task.target_locale,
                context=segment.context,
                defaults={
                    "data": translate(segment.string.data, segment.context.path),
                    "translation_type": translation_type,
                },
            )
        return translation

    return fill


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page's new content, running wagtail-localize's on-commit work."""

    def do(page, **changes):
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return do


@pytest.fixture
def news_page(home_pages, publish):
    """A published Albanian child page of the home page, not yet translated."""
    from wagtail.models import Page

    page = home_pages["sq"].add_child(instance=Page(title="Lajme", slug="lajme", live=False))
    return publish(page)
