from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Webhooks to front ends: targets, events and the delivery log."""

    name = "ngo_cms.webhooks"
    label = "ngo_cms_webhooks"
    verbose_name = _("webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import Webhook, WebhookDelivery
        from .permissions import DeliveryPolicy, SuperuserOnlyPolicy
        from .signal_handlers import register_signal_handlers

        # Before any viewset asks for a policy (Wagtail then creates a fallback).
        register_permission_policy(Webhook, SuperuserOnlyPolicy(Webhook))
        register_permission_policy(WebhookDelivery, DeliveryPolicy(WebhookDelivery))
        register_signal_handlers()
