"""Per-language translators and reviewers: their permissions and their reach.

Each language other than the default one has two teams (groups linked by a
:class:`~ngo_cms.translation_models.TranslationTeam`, created by migration
``ngo_cms.0003_translation_groups``):

- **translators** edit pages in their language's tree (Wagtail page permission
  "change" on that language's home page) and their language's snippet rows, but
  cannot publish; they hand finished work to review from the translation queue;
- **reviewers** may also add and publish pages in that tree, approve the language's
  moderation workflow ("Translation review (nl)", a group approval task assigned to
  the home page) and assign translations.

Page permissions need the home page, which a fresh database does not have yet:
:func:`setup_translation_roles` is idempotent and runs after every ``migrate``, when
a home page is created, and from ``manage.py setup_translation_roles`` (which
``load_demo`` calls after building the home pages).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies import ModelPermissionPolicy

from ngo_cms.translation_models import (
    TranslationReviewTask,
    TranslationRole,
    TranslationTeam,
)

TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]
REVIEWER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
ASSIGN_PERMISSION = "ngo_cms.add_translationassignment"


def workflow_name(language_code: str) -> str:
    """The name of a language's review workflow and of its task (not translated:
    it is stored in the database)."""
    return f"Translation review ({language_code})"


def translatable_snippet_models() -> list[type[Model]]:
    """The project's translatable models other than pages (themes, organisations)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not model.__module__.startswith(("wagtail.", "wagtail_localize."))
    ]


# --- Who works where ------------------------------------------------------------------
def teams_of(user: Any) -> list[TranslationTeam]:
    """The translation teams ``user`` belongs to (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ngo_translation_teams", None)
    if cached is None:
        cached = list(
            TranslationTeam.objects.filter(group__user=user).order_by(
                "language_code", "role"
            )
        )
        user._ngo_translation_teams = cached
    return cached


def restricted_languages(user: Any) -> set[str] | None:
    """The languages a team member is limited to, or None for everybody else.

    Superusers and people in any group that is not a translation team (editors,
    moderators) are not limited; a member of translation teams only works in the
    languages of those teams.
    """
    if getattr(user, "is_superuser", False):
        return None
    teams = teams_of(user)
    if not teams:
        return None
    cached = getattr(user, "_ngo_other_groups", None)
    if cached is None:
        cached = user.groups.filter(translation_team__isnull=True).exists()
        user._ngo_other_groups = cached
    if cached:
        return None
    return {team.language_code for team in teams}


def target_languages() -> list[str]:
    """The languages that are translated into (every content language but the
    default one)."""
    return [
        code
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def working_languages(user: Any) -> list[str]:
    """The target languages whose queue ``user`` sees."""
    limited = restricted_languages(user)
    return [code for code in target_languages() if limited is None or code in limited]


def is_team_member(user: Any, language_code: str, role: str) -> bool:
    return any(
        team.language_code == language_code and team.role == role
        for team in teams_of(user)
    )


def can_assign(user: Any, language_code: str) -> bool:
    """Superusers, the language's reviewers and people allowed to assign anywhere
    (``ngo_cms.add_translationassignment`` outside a team) assign translations."""
    if not getattr(user, "is_active", False):
        return False
    if user.is_superuser or is_team_member(
        user, language_code, TranslationRole.REVIEWER
    ):
        return True
    return restricted_languages(user) is None and user.has_perm(ASSIGN_PERMISSION)


def can_start_translation(user: Any, language_code: str) -> bool:
    """Who may start a missing translation from the queue: the language's team, and
    people with wagtail-localize's "submit translation" permission."""
    if not getattr(user, "is_active", False):
        return False
    if user.is_superuser or any(
        team.language_code == language_code for team in teams_of(user)
    ):
        return True
    return restricted_languages(user) is None and user.has_perm(
        "wagtail_localize.submit_translation"
    )


def translators_of(language_code: str) -> QuerySet:
    """The active members of the language's translators' team."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__translation_team__language_code=language_code,
            groups__translation_team__role=TranslationRole.TRANSLATOR,
        )
        .distinct()
    )


def reviewers_of(language_code: str) -> QuerySet:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__translation_team__language_code=language_code,
            groups__translation_team__role=TranslationRole.REVIEWER,
        )
        .distinct()
    )


# --- Snippet rows of one's own language -----------------------------------------------
class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited for team members to their languages' rows.

    Registered for every translatable snippet model, so that a Dutch translator with
    "change theme" edits the Dutch themes and no other.
    """

    def user_has_permission_for_instance(
        self, user: Any, action: str, instance: Any
    ) -> bool:
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        limited = restricted_languages(user)
        return limited is None or instance.locale.language_code in limited

    def instances_user_has_any_permission_for(
        self, user: Any, actions: list[str]
    ) -> QuerySet:
        queryset = super().instances_user_has_any_permission_for(user, actions)
        limited = restricted_languages(user)
        if limited is not None:
            queryset = queryset.filter(locale__language_code__in=limited)
        return queryset


def register_permission_policies() -> None:
    """Register :class:`LocaleScopedPermissionPolicy` (from ``AppConfig.ready``)."""
    from wagtail.permissions import policy_registry, register_permission_policy

    for model in translatable_snippet_models():
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, LocaleScopedPermissionPolicy(model))


# --- Permissions, idempotently --------------------------------------------------------
def _permissions(*names: str) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def setup_translation_roles(language_code: str | None = None) -> list[str]:
    """Give every translation team its permissions; safe to run any number of times.

    Args:
        language_code: only this language's teams (all when None).

    Returns:
        What was set up, one line per team (for management commands).
    """
    from ngo_cms.models import HomePage

    teams = TranslationTeam.objects.select_related("group")
    if language_code:
        teams = teams.filter(language_code=language_code)
    snippet_names = [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in translatable_snippet_models()
        for action in ("view", "change")
    ]
    page_permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page),
            codename__in=REVIEWER_PAGE_PERMISSIONS,
        )
    }
    report = []
    for team in teams:
        group = team.group
        reviewer = team.role == TranslationRole.REVIEWER
        names = ["wagtailadmin.access_admin", *snippet_names]
        if reviewer:
            names += [
                "ngo_cms.add_translationassignment",
                "ngo_cms.change_translationassignment",
                "ngo_cms.delete_translationassignment",
            ]
        group.permissions.add(*_permissions(*names))
        homes = list(HomePage.objects.filter(locale__language_code=team.language_code))
        codenames = (
            REVIEWER_PAGE_PERMISSIONS if reviewer else TRANSLATOR_PAGE_PERMISSIONS
        )
        for home in homes:
            for codename in codenames:
                if codename in page_permissions:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=home, permission=page_permissions[codename]
                    )
            if reviewer:
                _review_workflow(team, home)
        report.append(
            f"{group.name}: {team.get_role_display()} ({team.language_code}), "
            f"{len(homes)} home page(s)"
        )
    return report


def _review_workflow(team: TranslationTeam, home: Page) -> Workflow:
    """The language's review workflow, with the reviewers' approval task, on ``home``.

    The task is a :class:`~ngo_cms.translation_models.TranslationReviewTask`, which
    asks for a confirmation before approving a translation with untranslated
    segments. A plain group approval task of the same name (made before that task
    type existed) is taken out of the workflow; reviews already under way on it
    finish as they started.
    """
    name = workflow_name(team.language_code)
    workflow, _created = Workflow.objects.get_or_create(name=name)
    task = TranslationReviewTask.objects.filter(name=name).first()
    if task is None:
        task = TranslationReviewTask.objects.create(name=name)
    task.groups.add(team.group)
    older = GroupApprovalTask.objects.filter(name=name).values_list("pk", flat=True)
    WorkflowTask.objects.filter(workflow=workflow, task_id__in=list(older)).delete()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def review_language_of_task(task: Any) -> str | None:
    """The language of a translation review task, or None for any other task."""
    prefix, _sep, rest = task.name.partition(" (")
    if prefix != "Translation review" or not rest.endswith(")"):
        return None
    return rest[:-1]


# --- Group names in the reader's admin language --------------------------------------
# The names migration 0003 gives the teams' groups. They are stored in English
# (a group has one name); the admin shows them in the user's language wherever it
# prints a group (the group choices of a user's account, of a workflow task, ...).
# A group renamed by an administrator shows its own name.
DEFAULT_GROUP_NAMES = {
    "Dutch translators": gettext_lazy("Dutch translators"),
    "Dutch reviewers": gettext_lazy("Dutch reviewers"),
    "French translators": gettext_lazy("French translators"),
    "French reviewers": gettext_lazy("French reviewers"),
}


def group_display_name(group: Any) -> str:
    """``group``'s name, translated when it is a team's default name."""
    return str(DEFAULT_GROUP_NAMES.get(group.name, group.name))


def translate_group_names() -> None:
    """Show the teams' default group names translated (from ``AppConfig.ready``).

    Django's Group prints its stored name; Wagtail's forms and panels print the
    group. ``__str__`` is replaced by :func:`group_display_name` (other names are
    unchanged).
    """
    from django.contrib.auth.models import Group

    Group.__str__ = group_display_name
