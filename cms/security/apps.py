from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "cms.security"
    label = "cms_security"
    verbose_name = _("Security")

    def ready(self):
        from . import csp

        csp.nonce_wagtail_choosers()
