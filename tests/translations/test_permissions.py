from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from translations.groups import ensure_translator_groups


def test_the_migration_created_a_group_per_target_locale(db):
    assert set(Group.objects.filter(name__startswith="Translators").values_list("name", flat=True)) == {
        "Translators (sr)",
        "Translators (en)",
    }


def test_groups_get_permissions_on_their_locale_tree_only(home_pages):
    groups = ensure_translator_groups()
    ensure_translator_groups()  # idempotent
    permissions = GroupPagePermission.objects.filter(group=groups["sr"])
    assert {permission.page_id for permission in permissions} == {home_pages["sr"].pk}
    assert sorted(permissions.values_list("permission__codename", flat=True)) == [
        "add_page",
        "change_page",
        "lock_page",
    ]


def test_serbian_translator_edits_only_the_serbian_tree(serbian_translator, home_pages):
    sr = home_pages["sr"].permissions_for_user(serbian_translator)
    assert sr.can_edit() and not sr.can_publish()
    assert not home_pages["en"].permissions_for_user(serbian_translator).can_edit()
    sq = home_pages["sq"].permissions_for_user(serbian_translator)
    assert not sq.can_edit() and not sq.can_publish()


def test_serbian_translator_is_refused_the_english_editor_and_albanian_publishing(
    client, serbian_translator, home_pages
):
    client.force_login(serbian_translator)
    assert client.get(f"/admin/pages/{home_pages['sr'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{home_pages['en'].pk}/edit/").status_code in (302, 403)
    response = client.post(f"/admin/pages/{home_pages['sq'].pk}/edit/", {"title": "X", "action-publish": "1"})
    assert response.status_code in (302, 403)
    home_pages["sq"].refresh_from_db()
    assert home_pages["sq"].title == "Komuna"


def test_translators_edit_snippets_of_their_locale_only(rf, serbian_translator, locales, make_user):
    from types import SimpleNamespace

    import pytest
    from django.core.exceptions import PermissionDenied

    from translations.wagtail_hooks import limit_translators_to_their_locales

    request = rf.get("/")
    request.user = serbian_translator
    assert limit_translators_to_their_locales(request, SimpleNamespace(locale=locales["sr"])) is None
    with pytest.raises(PermissionDenied):
        limit_translators_to_their_locales(request, SimpleNamespace(locale=locales["en"]))
    # Editors (not only translators) are governed by their other groups.
    request.user = make_user("editor", is_superuser=True)
    assert limit_translators_to_their_locales(request, SimpleNamespace(locale=locales["en"])) is None


def test_an_unknown_machine_translator_is_a_clear_error():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "MACHINE_TRANSLATOR": "babelfish", "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert (
        "MACHINE_TRANSLATOR='babelfish': use one of glossary, deepl, google, libretranslate or none."
        in result.stderr
    )


def test_site_setup_completes_the_translator_groups(home_pages):
    # home_pages runs home.setup.ensure_home_translations, which calls ensure_translator_groups.
    group = Group.objects.get(name="Translators (sr)")
    assert GroupPagePermission.objects.filter(group=group, page=home_pages["sr"]).count() == 3
