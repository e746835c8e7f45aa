"""Two-step verification for the admin: a password, then a code from an authenticator app (TOTP).

Optional for every user; required for the members of ``ADMIN_2FA_REQUIRED_GROUPS``
(production: the head of office). Built on django-otp: ``OTPMiddleware``
marks a session verified once a code was accepted (``django_otp.login``), and
``TwoFactorMiddleware`` (after it) keeps the admin for verified sessions:

* a user with a confirmed device and an unverified session is sent to the code
  screen from every admin page;
* a user of a required group without a confirmed device is sent to the set-up
  screen and can open no other admin page until a device is confirmed;
* everybody else is unaffected.

Outside the admin (the site, documents, the API) an unverified session of a
user who has to verify counts as anonymous: a password alone opens no
login-restricted page or private document either.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404
from django_otp import user_has_device

# Admin views open to a user who still has to verify or set up (logging in and out, the screens
# themselves, and what every admin page loads: the JavaScript catalogue and the icon sprite).
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "cms_security_2fa_verify",
}
OPEN_WITHOUT_DEVICE = {"cms_security_2fa_setup"}


def required_groups():
    return set(getattr(settings, "ADMIN_2FA_REQUIRED_GROUPS", ()) or ())


def is_required(user):
    """Whether ``user`` must have a confirmed device (a member of a required group)."""
    groups = required_groups()
    return bool(groups) and user.is_authenticated and user.groups.filter(name__in=groups).exists()


def has_device(user):
    return user.is_authenticated and user_has_device(user, confirmed=True)


def needs_verification(user):
    """A signed-in user whose session has not passed the second step although it must."""
    if not user.is_authenticated or user.is_verified():
        return False
    return has_device(user) or is_required(user)


def _admin_prefix():
    return reverse("wagtailadmin_home")


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: the second step for the admin (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody is signed in: leave the session (and ``Vary: Cookie``) untouched, so
            # anonymous responses stay cacheable by browsers and CDNs.
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified():
            response = self.check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request, user):
        if not request.path_info.startswith(_admin_prefix()):
            if needs_verification(user):
                request.user = AnonymousUser()
            return None
        name = _url_name(request)
        if name in OPEN_URL_NAMES:
            return None
        if has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("cms_security_2fa_verify"))
        if name in OPEN_WITHOUT_DEVICE:
            return None
        if is_required(user):
            return redirect_to_login(request.get_full_path(), reverse("cms_security_2fa_setup"))
        return None
