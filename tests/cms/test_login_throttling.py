"""The admin login is throttled: after 10 wrong passwords, the right one no longer works for a while."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redaktor", password="fjalekalimi-i-sakte", is_staff=True)


def attempt(client, password, username="redaktor", address="203.0.113.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_ten_failures_lock_the_account_on_that_address(settings, editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "gabim").status_code == 200  # the form again, with an error
    locked = attempt(client, "gabim")
    assert locked.status_code == 429 or locked.status_code == 403
    # Nobody is logged in: the page is in the site's language, Albanian.
    with translation.override("sq"):
        heading = gettext("Too many failed logins")
    assert f"<h1>{heading}</h1>" in locked.content.decode()
    # Even the right password is refused now, on that address.
    assert attempt(client, "fjalekalimi-i-sakte").status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    # Another address is not locked out (an attacker cannot lock the office out from outside).
    other = Client()
    response = attempt(other, "fjalekalimi-i-sakte", address="198.51.100.4")
    assert response.status_code == 302 and other.session["_auth_user_id"] == str(editor.pk)


def test_a_success_resets_the_count(settings, editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "gabim")
    assert attempt(client, "fjalekalimi-i-sakte").status_code == 302
    assert not AccessAttempt.objects.filter(username="redaktor", failures_since_start__gt=0).exists()
