"""Factories for the calendar (tests and demo data)."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from events import models
from outreach.factories import ContactFactory
from outreach.models import Organisation


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


class MediaContactFactory(ContactFactory):
    """A journalist of an outlet, described as the media contacts were before the directory."""

    class Params:
        outlet = factory.Sequence(lambda n: f"Media {n}")
        person = factory.Sequence(lambda n: f"Gazetar {n}")
        scope = "local"

    name = factory.SelfAttribute("person")
    email = factory.Sequence(lambda n: f"gazetar{n}@media.example")
    kind = factory.LazyAttribute(lambda o: f"media_{o.scope}")
    organisation = factory.LazyAttribute(
        lambda o: Organisation.objects.get_or_create(name=o.outlet, defaults={"kind": o.kind})[0]
    )
