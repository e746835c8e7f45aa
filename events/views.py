"""Public iCal feeds: per locale, per body and per kind (the locale comes from the URL prefix)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from wagtail.models import Locale

from events import calendar
from events.ical import build_calendar, feed_entries
from events.models import EventPage
from home.models import Body


def _respond(pages, name, filename):
    cal = build_calendar(pages, name=name, language=get_language())
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def _current_locale():
    try:
        return Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist as error:
        raise Http404("No such language") from error


@cache_control(public=True, max_age=300)
def locale_feed(request):
    return _respond(feed_entries(locale=_current_locale()), _("Events calendar"), "calendar")


@cache_control(public=True, max_age=300)
def body_feed(request, slug):
    body = get_object_or_404(Body, slug=slug)
    return _respond(feed_entries(locale=_current_locale(), bodies=[body]), str(body), f"calendar-{slug}")


@cache_control(public=True, max_age=300)
def kind_feed(request, kind):
    if kind not in calendar.KINDS:
        raise Http404("No such kind of event")
    labels = dict(EventPage.Kind.choices) | {calendar.MEETING: _("Sessions of bodies")}
    return _respond(
        feed_entries(locale=_current_locale(), kinds=[kind]), str(labels[kind]), f"calendar-{kind}"
    )
