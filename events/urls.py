from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("calendar.ics", views.locale_feed, name="ical"),
    path("body/<slug:slug>.ics", views.body_feed, name="ical_body"),
    path("kind/<slug:kind>.ics", views.kind_feed, name="ical_kind"),
]
