from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.overview, name="cms_security_2fa"),
        path("two-factor/verify/", views.verify, name="cms_security_2fa_verify"),
        path("two-factor/setup/", views.setup, name="cms_security_2fa_setup"),
        path("two-factor/remove/", views.remove, name="cms_security_2fa_remove"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("cms_security_2fa"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }
