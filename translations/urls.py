from django.urls import path

from . import views

app_name = "translations"
urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("coverage/", views.coverage_view, name="coverage"),
    path("coverage.csv", views.coverage_csv, name="coverage_csv"),
    path("gate/<int:page_id>/", views.gate_view, name="gate"),
    path("cyrillic/<int:page_id>/", views.convert_page_to_cyrillic, name="convert_page"),
]
