"""Dates and times in each language's own form, 24-hour except in English (cms/formats/)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

MOMENT = datetime.datetime(2026, 12, 1, 10, 0)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sq", "1 dhjetor 2026, 10:00"),
        ("sr", "1. децембар 2026. у 10:00"),
        ("sr-latn", "1. decembar 2026. u 10:00"),
        ("en", "Dec. 1, 2026, 10 a.m."),
    ],
)
def test_date_and_time(language, expected):
    with translation.override(language):
        assert date_format(MOMENT, "DATETIME_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "date", "short", "time"),
    [
        ("sq", "1 dhjetor 2026", "01.12.2026", "14:30"),
        ("sr", "1. децембар 2026.", "1.12.2026.", "14:30"),
        ("sr-latn", "1. decembar 2026.", "1.12.2026.", "14:30"),
    ],
)
def test_dates_and_the_24_hour_clock(language, date, short, time):
    with translation.override(language):
        assert date_format(MOMENT.date(), "DATE_FORMAT") == date
        assert date_format(MOMENT.date(), "SHORT_DATE_FORMAT") == short
        assert date_format(datetime.time(14, 30), "TIME_FORMAT") == time


def test_templates_use_the_language_formats():
    template = Template('{{ moment|date:"DATETIME_FORMAT" }} · {{ moment|time:"TIME_FORMAT" }}')
    with translation.override("sr"):
        assert template.render(Context({"moment": MOMENT})) == "1. децембар 2026. у 10:00 · 10:00"
