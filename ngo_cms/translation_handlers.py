"""Signal handlers of the translators' roles, queue and mails."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save


def roles_after_migrate(
    sender: AppConfig, using: str = "default", **kwargs: Any
) -> None:
    """Give the translation teams their permissions once every app is migrated.

    Runs once per migrate, for the last app that has models (Django sends
    ``post_migrate`` for those only), after creating the permissions Django would
    create next (``post_migrate`` handlers run in the order they were connected,
    and ours comes before ``django.contrib.auth``'s).
    """
    from django.contrib.auth.management import create_permissions

    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if not with_models or sender is not with_models[-1]:
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    from ngo_cms.translation_roles import setup_translation_roles

    setup_translation_roles()


def roles_for_new_home_page(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A new home page (a new language's tree) gets its teams' permissions."""
    if created and not raw:
        from ngo_cms.translation_roles import setup_translation_roles

        setup_translation_roles(instance.locale.language_code)


def register_translation_handlers() -> None:
    """Connect the handlers (called from ``NgoCmsConfig.ready``)."""
    from wagtail.models import TaskState
    from wagtail.signals import task_submitted

    from ngo_cms.models import HomePage
    from ngo_cms.signals import translation_source_updated
    from ngo_cms.translation_notifications import (
        WAGTAIL_SUBMITTED_UID,
        source_updated,
    )
    from ngo_cms.translation_notifications import task_submitted as submitted
    from ngo_cms.translation_roles import register_permission_policies

    translation_source_updated.connect(
        source_updated, dispatch_uid="ngo_cms_translators_outdated_mail"
    )
    # Under Wagtail's dispatch_uid: whichever app is ready first, Wagtail's own
    # "submitted" mail is replaced (its connect is a no-op once ours is there).
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_SUBMITTED_UID)
    task_submitted.connect(
        submitted, sender=TaskState, dispatch_uid=WAGTAIL_SUBMITTED_UID
    )
    post_migrate.connect(roles_after_migrate, dispatch_uid="ngo_cms_translation_roles")
    post_save.connect(
        roles_for_new_home_page,
        sender=HomePage,
        dispatch_uid="ngo_cms_translation_roles_home_page",
    )
    register_permission_policies()
