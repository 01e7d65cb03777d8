"""The one rule that says how far a page or snippet is translated into a locale.

Every part of the project that shows translation progress asks this module: the API's
``translations`` entries and envelope, the translators' queue in the admin, its
management command and the translators' mails. A copy of the rule elsewhere would
drift, and a translator would see "complete" in one place and "outdated" in another.

For a source object (page or translatable snippet, usually in the default locale)
and a target locale, the state is:

- ``missing``: no translation, or only the alias that wagtail-localize's synchronised
  tree created (it shows the source text, so readers do not have a translation);
- ``in_progress``: a translation was started and is not live yet, or its translated
  text waits to be published; ``translated``/``total`` say how far it is;
- ``outdated``: a live translation whose source changed since: ``untranslated``
  new or changed segments are not translated yet;
- ``waiting_for_review``: the translation is in a Wagtail moderation workflow;
- ``complete``: live, and every segment of the current source is translated.

Segments are wagtail-localize's string segments of the object's
``TranslationSource``; a translated segment is one with a ``StringTranslation`` in
the target locale without error (as ``Translation.get_progress`` counts them). A
translation that is not managed by wagtail-localize (none submitted, or converted
to a manual translation) has no segments: it is complete once live.

:func:`translation_states` computes the state of any number of objects in a constant
number of queries (one per kind of model, plus two).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Subquery,
)
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page, WorkflowState


class TranslationState(models.TextChoices):
    """How far a translation is (see the module docstring for the rule)."""

    MISSING = "missing", _("missing")
    IN_PROGRESS = "in_progress", _("in progress")
    OUTDATED = "outdated", _("outdated")
    WAITING_FOR_REVIEW = "waiting_for_review", _("waiting for review")
    COMPLETE = "complete", _("complete")


# The queue shows the states that call for someone's work, most urgent first.
URGENCY = [
    TranslationState.OUTDATED,
    TranslationState.MISSING,
    TranslationState.IN_PROGRESS,
    TranslationState.WAITING_FOR_REVIEW,
]


@dataclass(frozen=True)
class SourceRef:
    """A source object by its base model, translation key and locale.

    ``base_model`` is the model that holds ``translation_key`` (``Page`` for every
    page type, the snippet model itself for snippets).
    """

    base_model: type[models.Model]
    translation_key: uuid.UUID
    locale_id: int

    @classmethod
    def of(cls, instance: Any) -> SourceRef:
        """The reference of a page or translatable snippet."""
        return cls(
            base_model=base_model_of(type(instance)),
            translation_key=instance.translation_key,
            locale_id=instance.locale_id,
        )


@dataclass(frozen=True)
class LocaleState:
    """The translation state of one source object in one target locale."""

    state: TranslationState
    total: int = 0
    translated: int = 0
    target_id: int | None = None  # the translation (or alias) in the target locale
    target_live: bool = False
    source_id: int | None = None  # the wagtail-localize TranslationSource
    workflow_state_id: int | None = None
    source_updated_at: Any = None  # when the TranslationSource was last updated

    @property
    def untranslated(self) -> int:
        """Segments of the current source without a translation."""
        return self.total - self.translated

    def source_text_shown(self, last_published_at: Any) -> int:
        """How many segments a live translation shows in the source language.

        A translation published with untranslated segments shows the source text
        there (wagtail-localize fills them in). Published after the current source
        was taken in (``source_updated_at``), every segment still untranslated went
        live in the source language; published before, the live page keeps its
        earlier translation of the changed segments (``outdated``), so none is
        counted.
        """
        if (
            not self.target_live
            or last_published_at is None
            or self.source_updated_at is None
            or last_published_at < self.source_updated_at
        ):
            return 0
        return self.untranslated

    @property
    def percent(self) -> int:
        """Share of the segments translated, 0-100 (100 without segments)."""
        return 100 if not self.total else self.translated * 100 // self.total


def base_model_of(model: type[models.Model]) -> type[models.Model]:
    """The model that holds ``translation_key`` for ``model`` (Page for pages)."""
    if issubclass(model, Page):
        return Page
    return model.get_translation_model()


def _target_rows(
    base_model: type[models.Model], keys: set[uuid.UUID], locale_ids: list[int]
) -> list[dict[str, Any]]:
    """The objects of ``keys`` in ``locale_ids``: one query."""
    fields = ["pk", "translation_key", "locale_id"]
    is_page = base_model is Page
    drafts = issubclass(base_model, DraftStateMixin)
    if is_page:
        fields += ["alias_of_id", "has_unpublished_changes", "last_published_at"]
    if drafts:
        fields += ["live"]
    return list(
        base_model._default_manager.filter(
            translation_key__in=keys, locale_id__in=locale_ids
        )
        .order_by()
        .values(*fields)
    )


def translation_states(
    sources: Iterable[SourceRef | Any],
    locale_ids: Sequence[int],
    *,
    workflows: bool = True,
    page_rows: Iterable[dict[str, Any]] | None = None,
) -> dict[tuple[uuid.UUID, int], LocaleState]:
    """The state of each source in each target locale.

    Args:
        sources: :class:`SourceRef` items or page/snippet instances (sources).
        locale_ids: the target locales; a source's own locale is left out.
        workflows: whether to look for moderation workflows (``waiting_for_review``);
            the public API does not say that work waits for a reviewer.
        page_rows: the target pages, when the caller already fetched them (with the
            fields of ``_target_rows``), to spare a query.

    Returns:
        ``{(translation_key, locale_id): LocaleState}``.
    """
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
    )

    refs = [s if isinstance(s, SourceRef) else SourceRef.of(s) for s in sources]
    if not refs or not locale_ids:
        return {}
    locale_ids = list(locale_ids)

    # The targets, one query per kind of model.
    by_model: dict[type[models.Model], set[uuid.UUID]] = defaultdict(set)
    for ref in refs:
        by_model[ref.base_model].add(ref.translation_key)
    targets: dict[tuple[uuid.UUID, int], dict[str, Any]] = {}
    for base_model, keys in by_model.items():
        rows = (
            page_rows
            if base_model is Page and page_rows is not None
            else _target_rows(base_model, keys, locale_ids)
        )
        for row in rows:
            if row["locale_id"] not in locale_ids:
                continue
            row = dict(row)
            row.setdefault("pk", row.get("id"))
            row["is_page"] = base_model is Page
            row["drafts"] = issubclass(base_model, DraftStateMixin)
            targets[(row["translation_key"], row["locale_id"])] = row

    # wagtail-localize's translations of these sources, with their source and the
    # progress of each (segments, translated segments, last translated): one query,
    # whatever the number of sources, and always one (front ends' query counts must
    # not depend on which pages happen to be managed by wagtail-localize).
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).order_by()
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    source_locale = {ref.translation_key: ref.locale_id for ref in refs}
    managed: dict[tuple[uuid.UUID, int], dict[str, Any]] = {}
    progress: dict[tuple[int, int], tuple[int, int, Any]] = {}
    for row in (
        Translation.objects.filter(
            source__object_id__in=list(source_locale),
            target_locale_id__in=locale_ids,
            enabled=True,
        )
        .order_by()
        .annotate(
            total=Subquery(
                segments.values("source_id").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            done=Subquery(
                segments.filter(Exists(translations))
                .values("source_id")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            last=Subquery(
                segments.annotate(at=Subquery(translations.values("updated_at")[:1]))
                .values("source_id")
                .annotate(m=Max("at"))
                .values("m")
            ),
        )
        .values(
            "source_id",
            "source__object_id",
            "source__locale_id",
            "source__last_updated_at",
            "target_locale_id",
            "total",
            "done",
            "last",
        )
    ):
        key = row["source__object_id"]
        if source_locale.get(key) == row["source__locale_id"]:
            managed[(key, row["target_locale_id"])] = row
            progress[(row["source_id"], row["target_locale_id"])] = (
                row["total"] or 0,
                row["done"] or 0,
                row["last"],
            )

    # Pages in a moderation workflow: one query.
    in_review: dict[str, int] = {}
    page_targets = [
        str(row["pk"])
        for row in targets.values()
        if row["is_page"] and row["alias_of_id"] is None
    ]
    if workflows and page_targets:
        in_review = dict(
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=page_targets,
                status=WorkflowState.STATUS_IN_PROGRESS,
            )
            .order_by()
            .values_list("object_id", "pk")
        )

    result: dict[tuple[uuid.UUID, int], LocaleState] = {}
    for ref in refs:
        for locale_id in locale_ids:
            if locale_id == ref.locale_id:
                continue
            key = (ref.translation_key, locale_id)
            result[key] = _state(
                targets.get(key), managed.get(key), progress, in_review, locale_id
            )
    return result


def _state(
    target: dict[str, Any] | None,
    managed: dict[str, Any] | None,
    progress: dict[tuple[int, int], tuple[int, int, Any]],
    in_review: dict[str, int],
    locale_id: int,
) -> LocaleState:
    """The rule itself, for one source and one target locale."""
    source_id = managed["source_id"] if managed else None
    updated_at = managed["source__last_updated_at"] if managed else None
    total, translated, last_translated = (
        progress.get((source_id, locale_id), (0, 0, None)) if managed else (0, 0, None)
    )
    if target is None or (target["is_page"] and target["alias_of_id"] is not None):
        return LocaleState(
            TranslationState.MISSING,
            total=total,
            translated=0 if target is None else translated,
            target_id=target["pk"] if target else None,
            source_id=source_id,
            source_updated_at=updated_at,
        )
    live = target.get("live", True)
    common = {
        "total": total,
        "translated": translated,
        "target_id": target["pk"],
        "target_live": live,
        "source_id": source_id,
        "source_updated_at": updated_at,
    }
    review = in_review.get(str(target["pk"]))
    if review is not None:
        return LocaleState(
            TranslationState.WAITING_FOR_REVIEW, workflow_state_id=review, **common
        )
    if not live:
        return LocaleState(TranslationState.IN_PROGRESS, **common)
    if translated < total:
        if not target["drafts"] and not translated:
            # A snippet (no draft state) copied from its source and not yet touched.
            return LocaleState(TranslationState.IN_PROGRESS, **common)
        return LocaleState(TranslationState.OUTDATED, **common)
    if (
        target["is_page"]
        and last_translated is not None
        and target["last_published_at"] is not None
        and target["last_published_at"] < last_translated
    ):
        # Text translated since the translation was last published: not live yet.
        return LocaleState(TranslationState.IN_PROGRESS, **common)
    return LocaleState(TranslationState.COMPLETE, **common)


def translation_state(instance: Any, locale_id: int) -> LocaleState:
    """The state of one source object in one locale (see :func:`translation_states`)."""
    states = translation_states([instance], [locale_id])
    return states.get(
        (instance.translation_key, locale_id),
        LocaleState(TranslationState.COMPLETE),
    )
