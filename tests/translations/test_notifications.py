"""Translator and reviewer e-mails: each in the recipient's admin language, links on the configured hosts."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from translations import notifications, services
from translations.models import TranslationTask

pytestmark = pytest.mark.django_db

DUE = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Belgrade"))
ADMIN = "https://cms.komuna.test:8443"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def team(make_user, translator_groups):
    """The Serbian translator group, whose members chose four different admin languages."""
    users = {}
    for name, language in (("arta", "sq"), ("marko", "sr"), ("milica", "sr-latn"), ("jane", "en")):
        users[language] = make_user(name, translator_groups["sr"])
        UserProfile.objects.filter(user=users[language]).update(preferred_language=language)
    return users


@pytest.fixture
def task(news_page, translator_groups):
    task = TranslationTask.objects.get(target_locale__language_code="sr")
    TranslationTask.objects.filter(pk=task.pk).update(due_at=DUE)
    task.refresh_from_db()
    return task


@pytest.fixture
def elsewhere(site):
    site.hostname, site.port = "komuna.test", 8080
    site.save()
    return site


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN)
def test_assignment_in_each_members_language_with_its_date_format(
    task, team, head_of_office, translator_groups, elsewhere
):
    mail.outbox.clear()
    with translation.override("sq"):
        services.assign(task, head_of_office, group=translator_groups["sr"])

    by_language = {message.extra_headers["Content-Language"]: message for message in mail.outbox}
    assert sorted(by_language) == ["en", "sq", "sr", "sr-latn"]
    dates = {
        "sq": "1 dhjetor 2026, 10:00",
        "sr": "1. децембар 2026. у 10:00",
        "sr-latn": "1. decembar 2026. u 10:00",
        "en": "Dec. 1, 2026, 10 a.m.",
    }
    for language, message in by_language.items():
        assert message.to == [team[language].email]
        with translation.override(language):
            assert message.subject == gettext("New translation task: %(title)s") % {"title": "Lajme"}
            assert gettext("A translation task has been assigned to you.") in message.body
            due = gettext("Due: %(due)s") % {"due": dates[language]}
        if language == "sr-latn":
            assert not CYRILLIC.search(message.subject + message.body)
            assert "Rok: 1. decembar 2026. u 10:00" in message.body
        else:
            assert due in message.body
        # The target language named in the reader's language: "Serbian", "serbisht", "српски"...
        with translation.override(language):
            name = str(task.target_locale.get_display_name())
        assert f"Lajme → {name}" in message.body
        assert LINK.findall(message.body) == [f"{ADMIN}/admin/translations/{task.pk}/"]


def test_reviewers_hear_of_overdue_work_in_their_language(task, team, head_of_office):
    UserProfile.objects.filter(user=head_of_office).update(preferred_language="sr")
    mail.outbox.clear()
    services.assign(task, head_of_office, user=team["sq"])
    mail.outbox.clear()

    assert notifications.notify_deadlines(now=DUE + datetime.timedelta(hours=1)) == (0, 1)
    by_language = {message.extra_headers["Content-Language"]: message.to for message in mail.outbox}
    assert by_language == {"sq": ["arta@komuna.example"], "sr": ["drita@komuna.example"]}
    serbian = next(message for message in mail.outbox if message.to == ["drita@komuna.example"])
    with translation.override("sr"):
        assert serbian.subject == gettext("Translation overdue: %(title)s") % {"title": "Lajme"}
    assert "1. децембар 2026. у 10:00" in serbian.body
