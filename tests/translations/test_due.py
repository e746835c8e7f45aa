import datetime
import zoneinfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from home.models import HomePage
from translations.due import add_working_days, apply_rule, due_date_for, rule_for
from translations.models import TranslationTask

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
FRIDAY_EVENING = datetime.datetime(2026, 11, 27, 18, 30, tzinfo=BELGRADE)


def test_working_days_skip_the_weekend():
    assert add_working_days(FRIDAY_EVENING, 2) == datetime.datetime(2026, 12, 1, 18, 30, tzinfo=BELGRADE)
    assert add_working_days(FRIDAY_EVENING, 1).weekday() == 0


def test_working_days_skip_configured_holidays(settings):
    settings.TRANSLATION_HOLIDAYS = ["2026-11-30"]
    assert add_working_days(FRIDAY_EVENING, 2) == datetime.datetime(2026, 12, 2, 18, 30, tzinfo=BELGRADE)


def test_rules_by_model_label(settings, locales):
    settings.TRANSLATION_DUE_RULES = {"home.HomePage": {"working_days": 2}, "wagtailcore.Page": {"days": 1}}
    assert rule_for(HomePage) == {"working_days": 2}
    assert due_date_for(HomePage(), FRIDAY_EVENING) == datetime.datetime(2026, 12, 1, 18, 30, tzinfo=BELGRADE)
    assert due_date_for(Page(), FRIDAY_EVENING) == FRIDAY_EVENING + datetime.timedelta(days=1)


def test_unlisted_types_get_the_default_rule(settings, locales):
    settings.TRANSLATION_DUE_RULES = {}
    settings.TRANSLATION_DUE_DEFAULT = {"hours": 6}
    assert due_date_for(Page(), FRIDAY_EVENING) == FRIDAY_EVENING + datetime.timedelta(hours=6)


def test_attribute_rule_uses_the_objects_own_deadline(settings):
    # Events are due before their first media notice: the event page says when that is.
    class Event:
        def translation_due_at(self):
            return FRIDAY_EVENING + datetime.timedelta(hours=3)

    class EventWithoutNotice:
        translation_due_at = None

    rule = {"attribute": "translation_due_at"}
    settings.TRANSLATION_DUE_DEFAULT = {"days": 2}
    assert apply_rule(rule, FRIDAY_EVENING, Event()) == FRIDAY_EVENING + datetime.timedelta(hours=3)
    assert apply_rule(rule, FRIDAY_EVENING, EventWithoutNotice()) == FRIDAY_EVENING + datetime.timedelta(
        days=2
    )


def test_an_unknown_rule_is_a_clear_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="working_days, days, hours or attribute"):
        apply_rule({"weeks": 1}, FRIDAY_EVENING)


def test_tasks_get_their_due_date_from_the_rules(settings, home_pages, publish):
    settings.TRANSLATION_DUE_RULES = {"wagtailcore.Page": {"hours": 5}}
    page = publish(home_pages["sq"].add_child(instance=Page(title="Njoftim", slug="njoftim", live=False)))
    task = TranslationTask.objects.for_instance(page).get(target_locale__language_code="sr")
    assert task.due_at - task.source_updated_at == datetime.timedelta(hours=5)
