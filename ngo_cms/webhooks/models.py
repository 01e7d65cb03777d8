"""Webhook targets, their delivery log, and the petition milestones already sent."""

from __future__ import annotations

import json
import secrets
import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """What a target can subscribe to; the value is the payload's ``event``."""

    PAGE_PUBLISHED = "page.published", _("page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("page unpublished")
    PAGE_MOVED = "page.moved", _("page moved")
    PAGE_DELETED = "page.deleted", _("page deleted")
    TRANSLATION_PUBLISHED = "translation.published", _("translation published")
    SNIPPET_CHANGED = "snippet.changed", _("snippet changed")
    SIGNATURE_MILESTONE = "signatures.milestone", _("signature milestone reached")


#: What a new target subscribes to: every content change (milestones are opt-in).
DEFAULT_EVENTS = [event.value for event in Event if event != Event.SIGNATURE_MILESTONE]


def default_events() -> list[str]:
    return list(DEFAULT_EVENTS)


def generate_secret() -> str:
    """A new signing secret: 32 random bytes, URL-safe, with Stripe's ``whsec_``
    prefix so that it is recognisable in a password manager or a leak scanner."""
    return "whsec_" + secrets.token_urlsafe(32)


validate_http_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
)


class Webhook(models.Model):
    """A front end (or any service) to tell when content changes."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What this target is, e.g. “Next.js site on Vercel”."),
    )
    url = models.URLField(
        _("target URL"),
        max_length=500,
        validators=[validate_http_url],
        help_text=_(
            "The address that receives a POST with a signed JSON body for each event."
        ),
    )
    secret = models.CharField(
        _("secret"),
        max_length=100,
        default=generate_secret,
        help_text=_(
            "Shared with the receiver, which checks each request's signature with "
            "it. Copy it now into the receiver's configuration; change it to "
            "rotate."
        ),
    )
    events = models.JSONField(
        _("events"),
        default=default_events,
        help_text=_("The changes this target is told about."),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_("Only changes in these languages; none ticked: every language."),
    )
    enabled = models.BooleanField(
        _("enabled"),
        default=True,
        help_text=_(
            "Untick to stop sending. A target that keeps failing is disabled "
            "automatically; tick again once it works."
        ),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Told in the admin when the target is disabled."),
    )
    consecutive_failures = models.PositiveIntegerField(
        _("consecutive failures"), default=0, editable=False
    )
    disabled_at = models.DateTimeField(
        _("disabled automatically at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str, locale_id: int | None) -> bool:
        """Whether this target subscribes to ``event`` in the locale ``locale_id``
        (``None``: content without a language, which every target gets)."""
        if not self.enabled or event not in (self.events or []):
            return False
        if locale_id is None:
            return True
        wanted = {locale.pk for locale in self.locales.all()}
        return not wanted or locale_id in wanted


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RETRYING = "retrying", _("retrying")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class WebhookDelivery(models.Model):
    """One event sent (or to send) to one target, with its attempts' outcome."""

    webhook = models.ForeignKey(
        Webhook,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event_id = models.UUIDField(
        _("event id"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("The same on every attempt, so that a receiver can skip repeats."),
    )
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    payload = models.JSONField(_("body"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_status = models.PositiveIntegerField(
        _("response status"), null=True, blank=True
    )
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["webhook", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"

    def get_payload_display(self) -> str:
        """The body as sent, indented (the admin's inspect view shows it)."""
        return format_html(
            "<pre>{}</pre>", json.dumps(self.payload, indent=2, ensure_ascii=False)
        )


class MilestoneReached(models.Model):
    """A milestone of a petition's confirmed count that was already announced, so
    that each is sent once, whatever the races between confirmations. Counts only:
    nothing about any signer."""

    translation_key = models.UUIDField(_("campaign"))
    milestone = models.CharField(_("milestone"), max_length=20)
    reached_at = models.DateTimeField(_("reached at"), auto_now_add=True)

    class Meta:
        verbose_name = _("milestone reached")
        verbose_name_plural = _("milestones reached")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "milestone"],
                name="webhooks_milestone_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key}: {self.milestone}"
