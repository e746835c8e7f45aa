"""Two-step verification for the admin (cms/security/two_factor.py, docs/security.md)."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from home.editorial import HEAD_OF_OFFICE, ensure_editorial_setup

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "fjalekalimi-i-sakte"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"


def code(device):
    """The code an authenticator app shows now for ``device``."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    return f"{(int(code(device)) + 1) % 1_000_000:06d}"


def sign_in(username, address="203.0.113.7"):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"}, REMOTE_ADDR=address
    )
    assert response.status_code == 302, response.content[:300]
    return client


@pytest.fixture
def editor(django_user_model, home_page):
    ensure_editorial_setup()
    user = django_user_model.objects.create_user("redaktor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def head(django_user_model, home_page):
    ensure_editorial_setup()
    user = django_user_model.objects.create_user("shefi", password=PASSWORD)
    user.groups.add(Group.objects.get(name=HEAD_OF_OFFICE))
    return user


@pytest.fixture
def required_head(settings):
    settings.ADMIN_2FA_REQUIRED_GROUPS = [HEAD_OF_OFFICE]


def unthrottle(device):
    """As if the wait after a wrong code were over."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def test_a_user_sets_up_a_device_from_the_admin(editor):
    client = sign_in("redaktor")
    assert client.get("/admin/").status_code == 200  # optional: the admin opens without a device
    overview = client.get("/admin/two-factor/")
    assert overview.status_code == 200 and SETUP in overview.content.decode()
    account = client.get("/admin/account/")
    assert "/admin/two-factor/" in account.content.decode()  # linked from the account settings

    page = client.get(SETUP)
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "<path" in body  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert "otpauth://totp/" in body and page.context["secret"].replace(" ", "") in device.config_url
    assert client.get(SETUP).context["secret"] == page.context["secret"]  # the same pending device

    refused = client.post(SETUP, {"token": wrong_code(device)})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    throttled = client.post(SETUP, {"token": code(device)})  # right, but too soon after a wrong one
    assert throttled.status_code == 200 and throttled.context["form"].non_field_errors()
    unthrottle(device)

    done = client.post(SETUP, {"token": code(device)})
    assert done.status_code == 302
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    # This session passed with that code; the admin stays open.
    assert client.get("/admin/").status_code == 200


def test_a_user_with_a_device_must_enter_a_code_after_the_password(editor):
    device = confirmed_device(editor)
    client = sign_in("redaktor")
    for url in ("/admin/", "/admin/pages/", "/admin/two-factor/", SETUP):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(f"{VERIFY}?next="), url
    screen = client.get(VERIFY)
    assert screen.status_code == 200 and 'autocomplete="one-time-code"' in screen.content.decode()

    passed = client.post(VERIFY, {"token": code(device), "next": "/admin/pages/"})
    assert passed.status_code == 302 and passed.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_wrong_codes_are_throttled(editor):
    device = confirmed_device(editor)
    client = sign_in("redaktor")
    refused = client.post(VERIFY, {"token": wrong_code(device)})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert client.get("/admin/").status_code == 302
    assert client.post(VERIFY, {"token": "abcdef"}).context["form"].errors
    # After a wrong code django-otp makes the next attempt wait (1 s, then 2, 4, …): even the right
    # code is refused at once, so codes cannot be guessed quickly.
    throttled = client.post(VERIFY, {"token": code(device)})
    assert throttled.status_code == 200 and throttled.context["form"].non_field_errors()
    assert client.get("/admin/").status_code == 302
    # An open redirect is not possible through ?next=.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    passed = client.post(VERIFY, {"token": code(device), "next": "https://evil.example/"})
    assert passed.status_code == 302 and passed.url == "/admin/"


def test_a_required_group_without_a_device_is_sent_to_set_one_up(required_head, head):
    client = sign_in("shefi")
    for url in ("/admin/", "/admin/pages/", "/admin/two-factor/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(f"{SETUP}?next="), url
    page = client.get(SETUP)
    assert page.status_code == 200 and page.context["required"]
    device = TOTPDevice.objects.get(user=head)
    assert client.post(SETUP, {"token": code(device), "next": "/admin/pages/"}).url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # It cannot be turned off, only replaced.
    client.post("/admin/two-factor/remove/")
    assert TOTPDevice.objects.filter(user=head, confirmed=True).exists()
    # Signing out and in again asks for a code.
    client.post("/admin/logout/")
    again = sign_in("shefi")
    assert again.get("/admin/").url.startswith(VERIFY)


def test_other_users_are_unaffected(required_head, editor, head):
    client = sign_in("redaktor")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert not TOTPDevice.objects.exists()


def test_without_required_groups_the_head_of_office_may_skip_it(settings, head):
    assert settings.ADMIN_2FA_REQUIRED_GROUPS == []
    assert sign_in("shefi").get("/admin/").status_code == 200


def test_a_user_may_turn_it_off(editor):
    device = confirmed_device(editor)
    client = sign_in("redaktor")
    client.post(VERIFY, {"token": code(device)})
    assert client.post("/admin/two-factor/remove/").status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/").status_code == 200


def test_a_password_alone_opens_no_restricted_page_on_the_site(editor, home_page):
    device = confirmed_device(editor)
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    client = sign_in("redaktor")
    assert client.get("/").status_code == 302  # to the login page: the session is not verified
    client.post(VERIFY, {"token": code(device)})
    assert client.get("/").status_code == 200


def test_failed_passwords_are_still_counted(settings, editor):
    client = Client()
    client.post("/admin/login/", {"username": "redaktor", "password": "gabim"}, REMOTE_ADDR="203.0.113.7")
    assert AccessAttempt.objects.get(username="redaktor").failures_since_start == 1


def test_the_reset_command_deletes_the_devices(required_head, editor, head):
    confirmed_device(editor)
    confirmed_device(head)
    out = StringIO()
    with translation.override("en"):
        call_command("reset_two_factor", "redaktor", "shefi", stdout=out)
    assert not TOTPDevice.objects.exists()
    assert "redaktor: 1 device deleted; they sign in with the password alone." in out.getvalue()
    assert "shefi: 1 device deleted; they must set up a new device at the next sign-in." in out.getvalue()
    assert sign_in("shefi").get("/admin/").url.startswith(SETUP)
    with translation.override("en"), pytest.raises(Exception, match="No such user: nobody"):
        call_command("reset_two_factor", "nobody")


def test_production_requires_it_of_the_head_of_office():
    probe = "import json, django; from django.conf import settings; django.setup(); print(json.dumps(settings.ADMIN_2FA_REQUIRED_GROUPS))"
    env = {k: v for k, v in os.environ.items() if k != "ADMIN_2FA_REQUIRED_GROUPS"}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [HEAD_OF_OFFICE]
