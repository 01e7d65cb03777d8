"""Who must use a second factor, the middleware that makes them, and its pages.

Superusers and the people who can export every signer (by default the members of
the "Campaigners" group and anyone with ``actions.view_signature_report``; the
settings ``SECOND_FACTOR_GROUPS`` and ``SECOND_FACTOR_PERMISSIONS`` name them, so
that this core app names no domain app) must confirm each admin session with a
time-based one-time password (TOTP, any authenticator app). Until they have enrolled
a device, every admin page sends them to the enrolment page; once they have, to
the code page. Anyone else who enrolled a device is asked for it too.

Devices, tokens, their verification and its throttling are django-otp's
(``otp_totp``); wagtail-2fa does not support Wagtail 8, hence these two small pages.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import segno
from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "ngo_cms_second_factor_setup"
VERIFY_URL_NAME = "ngo_cms_second_factor_verify"
# Admin addresses a user who still owes a second factor may reach.
ALLOWED_URL_NAMES = {
    SETUP_URL_NAME,
    VERIFY_URL_NAME,
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for login throttling, by the same rule as signing's
    (``NUM_PROXIES``): the peer address, or the ``X-Forwarded-For`` entry that many
    hops back when proxies sit in front (never a forgeable left-most entry)."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR")


def requires_second_factor(user: Any) -> bool:
    """Whether ``user`` must confirm their sessions with a second factor."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = getattr(settings, "SECOND_FACTOR_GROUPS", [])
    if groups and user.groups.filter(name__in=groups).exists():
        return True
    permissions = getattr(settings, "SECOND_FACTOR_PERMISSIONS", [])
    return any(user.has_perm(permission) for permission in permissions)


class SecondFactorMiddleware:
    """Sends admin users who owe a second factor to enrol or to give their code.

    After django-otp's ``OTPMiddleware`` (which sets ``request.user.is_verified``).
    Only the admin is guarded: it is where accounts can see or export signers.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self.check(request)
        return redirect if redirect is not None else self.get_response(request)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        if not getattr(settings, "SECOND_FACTOR_REQUIRED", True):
            return None
        # The path first: outside the admin (the API, public pages) the session
        # and the user are never loaded for this check.
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = getattr(request, "user", None)
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        if user.is_verified():
            return None
        has_device = user_has_device(user, confirmed=True)
        if not has_device and not requires_second_factor(user):
            return None
        match = getattr(request, "resolver_match", None)
        name = match.url_name if match else _url_name(request.path_info)
        if name in ALLOWED_URL_NAMES:
            return None
        target = reverse(VERIFY_URL_NAME if has_device else SETUP_URL_NAME)
        return HttpResponseRedirect(
            target + "?" + urlencode({"next": request.get_full_path()})
        )


def _url_name(path: str) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args: Any, device: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        verified, _reason = self.device.verify_is_allowed()
        if not verified or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("This code is not valid. Check your device's clock and try again.")
            )
        return token


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the code (or type the key), give a code."""
    user = request.user
    if user_has_device(user, confirmed=True):
        return HttpResponseRedirect(reverse(VERIFY_URL_NAME))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=_("Authenticator app"), confirmed=False
        )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return HttpResponseRedirect(_next_url(request))
    uri = device.config_url  # issuer: OTP_TOTP_ISSUER
    return TemplateResponse(
        request,
        "ngo_cms/admin/second_factor_setup.html",
        {
            "form": form,
            "qr_svg": segno.make(uri, error="m").svg_inline(scale=4),
            "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
            "next": _next_url(request),
            "page_title": _("Set up two-step verification"),
            "header_icon": "key",
        },
    )


@never_cache
@sensitive_post_parameters("token")
def verify(request: HttpRequest) -> HttpResponse:
    """Give the current code of the enrolled authenticator app."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return HttpResponseRedirect(reverse(SETUP_URL_NAME))
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return HttpResponseRedirect(_next_url(request))
    return TemplateResponse(
        request,
        "ngo_cms/admin/second_factor_verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "page_title": _("Two-step verification"),
            "header_icon": "key",
        },
    )
