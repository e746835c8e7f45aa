"""The admin's two-step verification screens: the code after the password, setting up and removing a device."""

import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm
from .two_factor import has_device, is_required

DEVICE_NAME = "authenticator"


def _next_url(request, default="cms_security_2fa"):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return redirect(default).url


@never_cache
def verify(request):
    """The second step: a code from the user's confirmed device (TOTPDevice throttles wrong codes)."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user.is_verified() or not has_device(user):
        return redirect(_next_url(request, "wagtailadmin_home"))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                form.add_error(None, _("Too many wrong codes. Wait a minute, then try the newest code."))
                break
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next_url(request, "wagtailadmin_home"))
        else:
            form.add_error("token", _("This code is wrong or has expired. Enter the code shown now."))
    return TemplateResponse(
        request,
        "cms_security/two_factor_verify.html",
        {"form": form, "next": _next_url(request, "wagtailadmin_home")},
    )


@never_cache
def overview(request):
    """The user's two-step verification: on or off, set up, replace or remove the device."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return TemplateResponse(
        request,
        "cms_security/two_factor.html",
        {"device": device, "required": is_required(user)},
    )


def qr_code_svg(text):
    """An inline SVG QR code of ``text``, drawn here (no image service, no script)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8, border=2)
    return mark_safe(image.to_string(encoding="unicode"))  # generated markup: paths only


@never_cache
def setup(request):
    """Set up (or replace) the device: scan the QR code, confirm with one code."""
    user = request.user
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not pending.verify_is_allowed()[0]:
            form.add_error(None, _("Too many wrong codes. Wait a minute, then try the newest code."))
        elif pending.verify_token(form.cleaned_data["token"]):
            # The new device replaces any earlier one.
            TOTPDevice.objects.filter(user=user).exclude(pk=pending.pk).delete()
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            messages.success(
                request, _("Two-step verification is on. You will be asked for a code at every sign-in.")
            )
            return redirect(_next_url(request))
        else:
            form.add_error(
                "token", _("This code does not match. Check the time on your phone and try again.")
            )
    secret = base64.b32encode(pending.bin_key).decode()
    return TemplateResponse(
        request,
        "cms_security/two_factor_setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(pending.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "otpauth_url": pending.config_url,
            "required": is_required(user),
            "replacing": has_device(user),
            "next": request.GET.get("next", ""),
        },
    )


@require_POST
def remove(request):
    """Turn two-step verification off (not for a group that requires it: set up a new device instead)."""
    user = request.user
    if is_required(user):
        messages.error(request, _("Your group requires two-step verification; you can replace the device."))
        return redirect("cms_security_2fa")
    TOTPDevice.objects.filter(user=user).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    messages.success(request, _("Two-step verification is off."))
    return redirect("cms_security_2fa")
