from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package: settings, URLs, the public-visibility rule and the deployment checks."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
