"""Admin hooks of the translators' queue (imported by ``ngo_cms.wagtail_hooks``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from ngo_cms import translation_views as views
from ngo_cms.translation_queue import build_queue
from ngo_cms.translation_roles import working_languages


class TranslationQueuePanel(Component):
    """The five most urgent rows of the user's queue, on the dashboard."""

    name = "translation_queue"
    template_name = "ngo_cms/admin/translation_queue_panel.html"
    order = 150

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        items = build_queue(working_languages(request.user))
        context.update({"items": items[:5], "total": len(items), "request": request})
        return context


@hooks.register("construct_homepage_panels")
def add_translation_queue_panel(request: HttpRequest, panels: list) -> None:
    if working_languages(request.user):
        panels.append(TranslationQueuePanel())


@hooks.register("register_admin_urls")
def register_translation_queue_urls() -> list:
    return [
        path(
            "translations/queue/",
            views.TranslationQueueView.as_view(),
            name="ngo_cms_translation_queue",
        ),
        path(
            "translations/queue/results/",
            views.TranslationQueueResultsView.as_view(),
            name="ngo_cms_translation_queue_results",
        ),
        path(
            "translations/start/<int:content_type_id>/<int:source_id>/<str:language_code>/",
            views.StartTranslationView.as_view(),
            name="ngo_cms_translation_start",
        ),
        path(
            "translations/assign/<int:content_type_id>/<int:source_id>/<str:language_code>/",
            views.AssignTranslationView.as_view(),
            name="ngo_cms_translation_assign",
        ),
        path(
            "translations/submit/<int:page_id>/",
            views.SubmitForReviewView.as_view(),
            name="ngo_cms_translation_submit",
        ),
    ]


class TranslationQueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(working_languages(request.user))


@hooks.register("register_admin_menu_item")
def register_translation_queue_menu_item() -> MenuItem:
    return TranslationQueueMenuItem(
        _("Translation queue"),
        reverse("ngo_cms_translation_queue"),
        icon_name="globe",
        order=250,
    )


# Before wagtail-localize's own hook, which shows its translation editor.
@hooks.register("before_edit_snippet", order=-10)
def only_own_language_snippets(request: HttpRequest, instance: Any) -> None:
    """A translator opens only their own language's snippet rows (Wagtail's edit
    view checks the model permission, not the row)."""
    policy = policy_registry.get_by_type(type(instance))
    if not policy.user_has_permission_for_instance(request.user, "change", instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-10)
def only_own_language_snippet_deletion(request: HttpRequest, instances: list) -> None:
    for instance in instances:
        policy = policy_registry.get_by_type(type(instance))
        if not policy.user_has_permission_for_instance(
            request.user, "delete", instance
        ):
            raise PermissionDenied
