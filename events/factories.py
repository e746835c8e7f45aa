"""Factories for the calendar (tests and demo data)."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from events import models


def in_days(days):
    # Editors type minutes: keep factory times whole minutes too.
    return timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=days)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kalendari i ngjarjeve"
    slug = "kalendari"

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ngjarja {n}")
    slug = factory.Sequence(lambda n: f"ngjarja-{n}")
    kind = models.EventPage.Kind.PUBLIC_MEETING
    start = factory.LazyFunction(lambda: in_days(20))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))

    class Meta:
        model = models.EventPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Mbledhja {n}")
    slug = factory.Sequence(lambda n: f"mbledhja-{n}")
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=3))

    class Meta:
        model = models.MeetingPage


class MediaContactFactory(factory.django.DjangoModelFactory):
    outlet = factory.Sequence(lambda n: f"Media {n}")
    person = factory.Sequence(lambda n: f"Gazetar {n}")
    email = factory.Sequence(lambda n: f"gazetar{n}@media.example")
    language = models.MediaContact.Language.ALBANIAN

    class Meta:
        model = models.MediaContact
