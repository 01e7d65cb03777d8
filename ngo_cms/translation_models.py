"""Who translates and reviews which language, and who has been asked to translate what.

Imported by ``ngo_cms.models`` so that Django finds the models.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class TranslationRole(models.TextChoices):
    """What a locale team does: translators translate, reviewers check and publish."""

    TRANSLATOR = "translator", _("translator")
    REVIEWER = "reviewer", _("reviewer")


class TranslationTeam(models.Model):
    """Marks a user group as the translators or the reviewers of one language.

    The link, not the group's name, says what the group does, so a group may be
    renamed freely (to "Vertalers", say). ``ngo_cms.translation_roles`` gives each
    team its permissions: its language's page tree and snippet rows, and for
    reviewers the moderation workflow of that language.
    """

    group = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        related_name="translation_team",
        verbose_name=_("group"),
    )
    # No ``choices``: a site that adds a language would otherwise need a migration.
    language_code = models.CharField(
        _("language"),
        max_length=20,
        help_text=_("A content language of the site, e.g. “nl”."),
    )
    role = models.CharField(_("role"), max_length=20, choices=TranslationRole.choices)

    class Meta:
        verbose_name = _("translation team")
        verbose_name_plural = _("translation teams")
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "role"], name="one_team_per_language_and_role"
            )
        ]

    def __str__(self) -> str:
        return str(self.group)

    def get_language_display(self) -> str:
        return str(
            dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(
                self.language_code, self.language_code
            )
        )


class TranslationAssignment(models.Model):
    """A translator asked to translate one page or snippet into their language.

    The source is named by its base content type (``wagtailcore.page`` for every
    page type) and ``translation_key``, like wagtail-localize does, so the
    assignment survives the translation being created, deleted or re-created.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    translation_key = models.UUIDField()
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translation_assignments",
        verbose_name=_("assigned to"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now=True)

    class Meta:
        verbose_name = _("translation assignment")
        verbose_name_plural = _("translation assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale"],
                name="one_assignment_per_translation",
            )
        ]
        indexes = [models.Index(fields=["due_date"], name="assignment_due_date")]

    def __str__(self) -> str:
        return f"{self.translation_key} → {self.locale_id}: {self.assignee_id}"


class ApproveWithMissingTranslationsForm(TaskStateCommentForm):
    """The reviewer's comment, and the confirmation that untranslated segments go
    live in the source language."""

    confirm_missing = forms.BooleanField(
        label=_(
            "Publish with missing translations: readers see the untranslated "
            "segments in the source language."
        ),
        required=True,
        error_messages={
            "required": _(
                "Tick the box to publish with missing translations, or request changes."
            )
        },
    )


class TranslationReviewTask(AbstractGroupApprovalTask):
    """The review step of a language's workflow (``ngo_cms.translation_roles``).

    Wagtail's group approval, except that approving (which publishes) a translation
    that still has untranslated segments needs an explicit confirmation: its
    "Approve" actions are then replaced by "Approve with missing translations",
    whose form has a required confirmation box. Wagtail refuses an action a task
    does not offer, so a plain "approve" posted by hand is refused too.
    """

    APPROVE_MISSING = "approve_missing"

    def missing_segments(self, obj: Any) -> int:
        from ngo_cms.translation_guards import translation_of, untranslated_count

        translation = translation_of(obj)
        return untranslated_count(translation) if translation is not None else 0

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        actions = super().get_actions(obj, user)
        if not actions or not self.missing_segments(obj):
            return actions
        return [action for action in actions if action[0] != "approve"] + [
            (self.APPROVE_MISSING, _("Approve with missing translations"), True)
        ]

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == self.APPROVE_MISSING:
            return ApproveWithMissingTranslationsForm
        return super().get_form_for_action(action)

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any):
        if action_name == self.APPROVE_MISSING:
            if not kwargs.pop("confirm_missing", False):
                return None
            action_name = "approve"
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return _(
            "Members of the chosen groups approve translations; approving one with "
            "untranslated segments needs a confirmation"
        )

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")
