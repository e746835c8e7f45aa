from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package: settings, URLs, the public-visibility rule and the deployment checks."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import admin_language, checks  # noqa: F401  (checks registers the checks)

        admin_language.connect()
