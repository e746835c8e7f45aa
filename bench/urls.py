from django.urls import path

from .views import ceiling

urlpatterns = [path("ceiling/<slug:name>/", ceiling, name="bench_ceiling")]
