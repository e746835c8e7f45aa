from django.apps import AppConfig


class FrontendApiConfig(AppConfig):
    name = "frontend_api"
    verbose_name = "GraphQL API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
