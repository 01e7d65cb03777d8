"""Admin hooks of the webhooks: Settings > Webhooks and Webhook deliveries, the
"send again" page, the audit log's entries and the dashboard's warning."""

from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_viewset")
def register_viewsets() -> list:
    return [
        views.WebhookViewSet("ngo_cms_webhooks_webhook"),
        views.WebhookDeliveryViewSet("ngo_cms_webhooks_webhookdelivery"),
    ]


@hooks.register("register_admin_urls")
def register_resend_url() -> list:
    return [
        path(
            "webhook-deliveries/<int:pk>/send-again/",
            views.ResendView.as_view(),
            name="ngo_cms_webhooks_resend",
        )
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions) -> None:
    from .audit import register_log_actions

    register_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_disabled_webhooks_panel(request, panels: list) -> None:
    """Tell superusers (who alone can fix them) which targets were disabled."""
    if not request.user.is_superuser:
        return
    from .models import Webhook

    disabled = list(
        Webhook.objects.filter(enabled=False, disabled_at__isnull=False).order_by(
            "-disabled_at"
        )
    )
    if disabled:
        panels.append(views.DisabledWebhooksPanel(disabled))
