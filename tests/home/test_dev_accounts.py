import pytest
from django.core.management import CommandError, call_command

from home.editorial import EDITORS, HEAD_OF_OFFICE

pytestmark = pytest.mark.django_db


def test_dev_editor_accounts_get_their_groups(settings, django_user_model, capsys):
    settings.DEBUG = True
    call_command("ensure_dev_editors")
    call_command("ensure_dev_editors")

    assert list(django_user_model.objects.get(username="redaktor").groups.values_list("name", flat=True)) == [
        EDITORS
    ]
    head = django_user_model.objects.get(username="shefi")
    assert list(head.groups.values_list("name", flat=True)) == [HEAD_OF_OFFICE]
    assert head.check_password("shefi")
    assert head.has_perm("wagtailadmin.access_admin")
    for username, group in (("milica", "Translators (sr)"), ("arta", "Translators (en)")):
        translator = django_user_model.objects.get(username=username)
        assert translator.check_password(username)
        assert list(translator.groups.values_list("name", flat=True)) == [group]


def test_dev_editor_accounts_are_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_editors")
