from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("calendar.ics", views.locale_feed, name="ical"),
    path("body/<slug:slug>.ics", views.body_feed, name="ical_body"),
    path("kind/<slug:kind>.ics", views.kind_feed, name="ical_kind"),
    # Serbian in Latin script: the Serbian feeds, transliterated.
    path("sr-latn/calendar.ics", views.locale_feed, {"latin": True}, name="ical_latn"),
    path("sr-latn/body/<slug:slug>.ics", views.body_feed, {"latin": True}, name="ical_body_latn"),
    path("sr-latn/kind/<slug:kind>.ics", views.kind_feed, {"latin": True}, name="ical_kind_latn"),
]
