"""Public iCal feeds: per locale, per body and per kind (the locale comes from the URL prefix).

The ``sr-latn/`` feeds are the Serbian ones with every text in Latin script
(Serbian is stored in Cyrillic, DESIGN.md §5), whatever the URL's prefix.
"""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from wagtail.models import Locale

from events import calendar
from events.ical import build_calendar, feed_entries
from events.models import EventPage
from home.models import Body
from translations.transliteration import to_latin

LATIN = "sr-latn"


def _respond(pages, name, filename, latin=False):
    language = LATIN if latin else get_language()
    cal = build_calendar(pages, name=name, language=language, text=to_latin if latin else str)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def _current_locale():
    try:
        return Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist as error:
        raise Http404("No such language") from error


def _script(view):
    """``latin=True`` (from the URL) serves the Serbian feed with its text in Latin script."""

    @wraps(view)
    def wrapper(request, *args, latin=False, **kwargs):
        latin = latin or get_language() == "sr-latn"  # /sr-latn/ical/… as well as /ical/sr-latn/…
        if not latin:
            return view(request, *args, **kwargs)
        with translation.override("sr"):
            return view(request, *args, latin=True, **kwargs)

    return wrapper


@cache_control(public=True, max_age=300)
@_script
def locale_feed(request, latin=False):
    return _respond(feed_entries(locale=_current_locale()), _("Events calendar"), "calendar", latin)


@cache_control(public=True, max_age=300)
@_script
def body_feed(request, slug, latin=False):
    body = get_object_or_404(Body, slug=slug)
    return _respond(
        feed_entries(locale=_current_locale(), bodies=[body]), str(body), f"calendar-{slug}", latin
    )


@cache_control(public=True, max_age=300)
@_script
def kind_feed(request, kind, latin=False):
    if kind not in calendar.KINDS:
        raise Http404("No such kind of event")
    labels = dict(EventPage.Kind.choices) | {calendar.MEETING: _("Sessions of bodies")}
    return _respond(
        feed_entries(locale=_current_locale(), kinds=[kind]), str(labels[kind]), f"calendar-{kind}", latin
    )
