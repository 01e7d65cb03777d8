"""The translators' queue: what waits to be translated, per language, most urgent first.

One list feeds the admin's "Translation queue", its dashboard panel, the daily
digest and ``manage.py translation_queue``. Sources are the live pages and the
translatable snippet rows of the default language; each one's state in each target
language comes from :mod:`ngo_cms.translation_state`, and only states that call
for work are listed (missing, outdated, in progress, waiting for review).

The whole queue takes a constant number of queries, whatever the number of rows.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from ngo_cms.translation_models import TranslationAssignment
from ngo_cms.translation_roles import translatable_snippet_models
from ngo_cms.translation_state import (
    URGENCY,
    LocaleState,
    SourceRef,
    TranslationState,
    translation_states,
)


@dataclass
class QueueItem:
    """One source object that needs work in one language."""

    source_model: type[Model]  # the specific model (PrisonerCasePage, Theme)
    base_model: type[Model]  # Page or the snippet model
    source_id: int
    translation_key: uuid.UUID
    title: str
    language_code: str
    locale_id: int
    state: LocaleState
    changed_at: datetime.datetime | None
    changed_by: str
    assignee_id: int | None = None
    assignee_name: str = ""
    assignee_email: str = ""
    due_date: datetime.date | None = None

    @property
    def is_page(self) -> bool:
        return self.base_model is Page

    @property
    def type_label(self) -> str:
        return str(self.source_model._meta.verbose_name)

    @property
    def type_key(self) -> str:
        return (
            f"{self.source_model._meta.app_label}.{self.source_model._meta.model_name}"
        )

    @property
    def state_name(self) -> str:
        return str(self.state.state)

    @property
    def language_label(self) -> str:
        """The target language's name in the active language."""
        return str(dict(settings.LANGUAGES).get(self.language_code, self.language_code))

    @property
    def state_text(self) -> str:
        """The state as a translator reads it, with its figure."""
        state = self.state
        if state.state == TranslationState.OUTDATED:
            return _("Outdated: %(count)s segments changed") % {
                "count": state.untranslated
            }
        if state.state == TranslationState.IN_PROGRESS:
            return _("In progress: %(percent)s%% translated") % {
                "percent": state.percent
            }
        return str(state.state.label)

    def edit_url(self) -> str | None:
        """The translation in wagtail-localize's editor (the edit view of the
        translation, which wagtail-localize takes over)."""
        target = self.state.target_id
        if target is None or self.state.state == TranslationState.MISSING:
            return None
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[target])
        meta = self.source_model._meta
        return reverse(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[target]
        )

    def start_url(self) -> str:
        """The queue's own "start translation" (limited to the language's team)."""
        content_type = ContentType.objects.get_for_model(self.base_model)
        return reverse(
            "ngo_cms_translation_start",
            args=[content_type.pk, self.source_id, self.language_code],
        )

    def action_url(self) -> str:
        return self.edit_url() or self.start_url()

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type_key,
            "type_label": self.type_label,
            "source_id": self.source_id,
            "title": self.title,
            "locale": self.language_code,
            "state": self.state_name,
            "segments": self.state.total,
            "translated": self.state.translated,
            "untranslated": self.state.untranslated,
            "percent": self.state.percent,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "changed_by": self.changed_by,
            "assignee": self.assignee_name or None,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "url": self.action_url(),
        }


def _display_name(first: str | None, last: str | None, username: str | None) -> str:
    full = f"{first or ''} {last or ''}".strip()
    return full or username or ""


def _sources_of(queryset: Any, base: type[Model], default: Locale) -> Any:
    """The rows of ``queryset`` that are translation sources: the default
    language's, and the others whose translation key has no default-language row
    (a wagtail-localize source in their own language first)."""
    originals = base._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=default
    )
    if base is Page:
        originals = originals.filter(alias_of=None)
    own_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    return (
        queryset.filter(Q(locale=default) | ~Exists(originals))
        .annotate(is_localize_source=Exists(own_source))
        .order_by("-is_localize_source", "pk")
    )


def _one_per_key(rows: Any, default_id: int) -> list[Any]:
    """One source per translation key: the default language's, else the row
    wagtail-localize translates from, else the oldest."""
    chosen: dict[Any, Any] = {}
    for row in rows:
        key = row["translation_key"] if isinstance(row, dict) else row.translation_key
        locale_id = row["locale_id"] if isinstance(row, dict) else row.locale_id
        if key not in chosen or locale_id == default_id:
            chosen[key] = row
    return list(chosen.values())


def build_queue(
    language_codes: list[str],
    *,
    states: list[str] | None = None,
    type_keys: list[str] | None = None,
    assignee: Any = None,
) -> list[QueueItem]:
    """The queue of ``language_codes``, sorted: due dates first (nearest first), then
    the most recent source change.

    Args:
        language_codes: the target languages.
        states: keep only these states (default: every state that calls for work).
        type_keys: keep only these models (``"casepages.prisonercasepage"``).
        assignee: keep only the translations assigned to this user.
    """
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=language_codes)
    }
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if not locales or default is None:
        return []
    wanted = set(states or [str(s) for s in URGENCY])

    # Sources: live pages and snippet rows of the default language, and those of
    # another language that have no default-language original (a case written in
    # Dutch first): one query for pages, one per snippet model.
    sources: list[dict[str, Any]] = []
    page_rows = _sources_of(
        Page.objects.filter(depth__gt=1, live=True, alias_of=None), Page, default
    ).values(
        "id",
        "title",
        "translation_key",
        "locale_id",
        "content_type_id",
        "last_published_at",
        "live_revision__user__first_name",
        "live_revision__user__last_name",
        "live_revision__user__username",
    )
    for row in _one_per_key(page_rows, default.pk):
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        if model is None:
            continue
        sources.append(
            {
                "model": model,
                "base": Page,
                "id": row["id"],
                "title": row["title"],
                "key": row["translation_key"],
                "locale_id": row["locale_id"],
                "changed_at": row["last_published_at"],
                "changed_by": _display_name(
                    row["live_revision__user__first_name"],
                    row["live_revision__user__last_name"],
                    row["live_revision__user__username"],
                ),
            }
        )
    for model in translatable_snippet_models():
        rows = _sources_of(model._default_manager.all(), model, default)
        for obj in _one_per_key(rows, default.pk):
            sources.append(
                {
                    "model": model,
                    "base": model,
                    "id": obj.pk,
                    "title": str(obj),
                    "key": obj.translation_key,
                    "locale_id": obj.locale_id,
                    "changed_at": None,
                    "changed_by": "",
                }
            )
    if type_keys:
        sources = [
            s
            for s in sources
            if f"{s['model']._meta.app_label}.{s['model']._meta.model_name}"
            in type_keys
        ]

    states_by_key = translation_states(
        [SourceRef(s["base"], s["key"], s["locale_id"]) for s in sources],
        [locale.pk for locale in locales.values()],
    )
    assignments = {
        (a.content_type_id, a.translation_key, a.locale_id): a
        for a in TranslationAssignment.objects.filter(
            locale__in=locales.values(),
            translation_key__in=[s["key"] for s in sources],
        ).select_related("assignee")
    }
    content_type_ids = {
        base: ContentType.objects.get_for_model(base).pk
        for base in {s["base"] for s in sources}
    }

    items = []
    for source in sources:
        for code, locale in locales.items():
            state = states_by_key.get((source["key"], locale.pk))
            if state is None or str(state.state) not in wanted:
                continue
            assignment = assignments.get(
                (content_type_ids[source["base"]], source["key"], locale.pk)
            )
            if assignee is not None and (
                assignment is None or assignment.assignee_id != assignee.pk
            ):
                continue
            user = assignment.assignee if assignment else None
            items.append(
                QueueItem(
                    source_model=source["model"],
                    base_model=source["base"],
                    source_id=source["id"],
                    translation_key=source["key"],
                    title=source["title"],
                    language_code=code,
                    locale_id=locale.pk,
                    state=state,
                    changed_at=source["changed_at"] or state.source_updated_at,
                    changed_by=source["changed_by"],
                    assignee_id=user.pk if user else None,
                    assignee_name=(
                        _display_name(user.first_name, user.last_name, user.username)
                        if user
                        else ""
                    ),
                    assignee_email=user.email if user else "",
                    due_date=assignment.due_date if assignment else None,
                )
            )
    return sort_queue(items)


def sort_queue(items: list[QueueItem]) -> list[QueueItem]:
    """Due dates first, nearest first; then the most recent source change first."""
    epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)

    def recent_first(item: QueueItem) -> float:
        return -((item.changed_at or epoch) - epoch).total_seconds()

    return sorted(
        items,
        key=lambda item: (
            item.due_date is None,
            item.due_date or datetime.date.max,
            recent_first(item),
            item.title.lower(),
        ),
    )


def assignable_users(language_code: str) -> Any:
    """Who a translation into ``language_code`` may be assigned to: its translators."""
    from ngo_cms.translation_roles import translators_of

    return translators_of(language_code).order_by("first_name", "last_name", "username")
