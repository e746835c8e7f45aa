from django.urls import path

from . import views

app_name = "citizens"

urlpatterns = [
    path("", views.submit_message, name="submit"),
    path("status/", views.message_status, name="status"),
]
