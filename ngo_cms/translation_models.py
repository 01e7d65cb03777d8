"""Who translates and reviews which language, and who has been asked to translate what.

Imported by ``ngo_cms.models`` so that Django finds the models.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        return self.group.name

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
