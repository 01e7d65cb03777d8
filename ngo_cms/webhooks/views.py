"""The admin of webhooks (Settings > Webhooks) and of their delivery log, for
superusers only (:mod:`.permissions`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.models import Locale

from .audit import RESENT
from .models import Event, Webhook, WebhookDelivery, validate_http_url
from .permissions import DeliveryPolicy


class WebhookForm(WagtailAdminModelForm):
    """Events as tick boxes (stored as a JSON list), languages as tick boxes."""

    url = forms.URLField(
        label=_("target URL"),
        max_length=500,
        assume_scheme="https",
        validators=[validate_http_url],
        error_messages={"invalid": validate_http_url.message},
        help_text=_(
            "The address that receives a POST with a signed JSON body for each event."
        ),
    )
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The changes this target is told about."),
        error_messages={"required": _("Tick at least one event.")},
    )
    locales = forms.ModelMultipleChoiceField(
        label=_("languages"),
        queryset=Locale.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only changes in these languages; none ticked: every language."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["secret"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false"}
        )
        if "owner" in self.fields:
            self.fields["owner"].queryset = get_user_model().objects.filter(
                is_active=True, is_superuser=True
            )
        if self.for_user is not None and not self.instance.pk:
            self.initial.setdefault("owner", self.for_user.pk)

    def save(self, commit: bool = True) -> Webhook:
        webhook = self.instance
        if webhook.enabled and "enabled" in self.changed_data:
            # Turned on again by hand: start counting failures afresh.
            webhook.consecutive_failures = 0
            webhook.disabled_at = None
        return super().save(commit)

    class Meta:
        model = Webhook
        fields = ["name", "url", "secret", "events", "locales", "enabled", "owner"]


class StatusColumn(Column):
    """Enabled, disabled by hand, or disabled after failures."""

    def get_value(self, instance: Webhook) -> str:
        if instance.enabled:
            return gettext("enabled")
        if instance.disabled_at:
            return gettext("disabled after failures")
        return gettext("disabled")


class WebhookViewSet(ModelViewSet):
    model = Webhook
    url_prefix = "webhooks"
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        "url",
        StatusColumn("status", label=_("status")),
        Column("consecutive_failures", label=_("consecutive failures")),
    ]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("locales"),
            FieldPanel("enabled"),
            FieldPanel("owner"),
        ],
        base_form_class=WebhookForm,
    )


class DeliveryIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance: WebhookDelivery) -> list:
        from wagtail.admin.widgets.button import MenuItem

        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                gettext("Send again"),
                url=reverse("ngo_cms_webhooks_resend", args=[instance.pk]),
                icon_name="resubmit",
                priority=15,
            )
        )
        return buttons


class DeliveryInspectView(generic.InspectView):
    def get_header_buttons(self) -> list:
        return [
            *super().get_header_buttons(),
            HeaderButton(
                gettext("Send again"),
                url=reverse("ngo_cms_webhooks_resend", args=[self.object.pk]),
                icon_name="resubmit",
            ),
        ]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    url_prefix = "webhook-deliveries"
    icon = "history"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    form_fields: list[str] = []
    list_display = [
        Column("event", label=_("event"), accessor="get_event_display"),
        "webhook",
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("response_status", label=_("response status")),
        Column("attempts", label=_("attempts")),
        Column("duration_ms", label=_("duration (ms)")),
        DateColumn("created_at", label=_("created at")),
    ]
    list_filter = ["status", "event", "webhook"]
    inspect_view_fields = [
        "webhook",
        "event",
        "event_id",
        "status",
        "attempts",
        "response_status",
        "duration_ms",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "payload",
    ]


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """Ask, then send a delivery again (same event id, signed anew)."""

    template_name = "ngo_cms_webhooks/confirm_resend.html"
    page_title = _("Send again")
    header_icon = "resubmit"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        policy = DeliveryPolicy(WebhookDelivery)
        if not policy.user_has_permission(request.user, "resend"):
            raise PermissionDenied
        self.delivery = get_object_or_404(
            WebhookDelivery.objects.select_related("webhook"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.delivery)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["delivery"] = self.delivery
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from .models import DeliveryStatus
        from .tasks import deliver_webhook

        delivery = self.delivery
        webhook = delivery.webhook
        if not webhook.enabled:
            messages.error(
                request,
                gettext("“%(webhook)s” is disabled: enable it first.")
                % {"webhook": webhook},
            )
            return self.get(request, *args, **kwargs)
        delivery.status = DeliveryStatus.PENDING
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "next_attempt_at"])
        log(
            instance=webhook,
            action=RESENT,
            user=request.user,
            data={"event": delivery.event},
        )
        transaction.on_commit(lambda: deliver_webhook.enqueue(delivery.pk))
        messages.success(
            request,
            gettext("The %(event)s event is being sent again to “%(webhook)s”.")
            % {"event": delivery.event, "webhook": webhook},
        )
        return redirect(
            "ngo_cms_webhooks_webhookdelivery:inspect", quote_pk(delivery.pk)
        )


def quote_pk(pk: Any) -> str:
    from django.contrib.admin.utils import quote

    return quote(pk)


class DisabledWebhooksPanel(Component):
    """On the dashboard of superusers: the targets disabled after failures."""

    name = "disabled_webhooks"
    template_name = "ngo_cms_webhooks/disabled_panel.html"
    order = 90

    def __init__(self, webhooks: list[Webhook]) -> None:
        self.webhooks = webhooks

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        context["webhooks"] = self.webhooks
        return context
