"""Guard rails of the translation editor (wagtail-localize).

- Publishing a translation that still has untranslated segments puts source-language
  text on the live translated page. wagtail-localize does it silently; here the
  publish is refused until the translator confirms it (``confirm_missing``).
- Placeholders such as ``[name]`` in a letter (replaced by the signer's name) and
  citation markers such as ``[3]`` (linked to the numbered sources) must come through
  translation unchanged. A translated segment that drops or changes one, typed in the
  editor, uploaded in a PO file or returned by machine translation, is marked as an
  error on that segment, with a message naming the placeholder: wagtail-localize then
  shows it on the segment and never publishes it (it counts as untranslated).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    get_edit_url,
)
from wagtail_localize.views.edit_translation import user_can_edit_instance

# [name], [3], [signer_name]: letters, digits and underscores between square brackets.
PLACEHOLDER = re.compile(r"\[[^\[\]\s<>]{1,40}\]")
CONFIRM_FIELD = "confirm_missing"


def placeholders(text: str) -> Counter:
    """The placeholders and citation markers in ``text``, with their counts."""
    return Counter(PLACEHOLDER.findall(text or ""))


def placeholder_error(source: str, translated: str) -> str | None:
    """Why ``translated`` cannot stand for ``source``, or None when it can.

    Args:
        source: the source segment (text or HTML).
        translated: its translation.

    Returns:
        A message in the active language that names the missing (or unknown)
        placeholders, or None when both have the same placeholders.
    """
    expected, found = placeholders(source), placeholders(translated)
    missing = sorted((expected - found).elements())
    if missing:
        return ngettext(
            "The placeholder %(placeholders)s is missing: keep it exactly as in the "
            "source text.",
            "The placeholders %(placeholders)s are missing: keep them exactly as in "
            "the source text.",
            len(missing),
        ) % {"placeholders": ", ".join(missing)}
    unknown = sorted((found - expected).elements())
    if unknown:
        return ngettext(
            "%(placeholders)s is not in the source text: copy the placeholders of the "
            "source exactly.",
            "%(placeholders)s are not in the source text: copy the placeholders of the "
            "source exactly.",
            len(unknown),
        ) % {"placeholders": ", ".join(unknown)}
    return None


def check_string_translation(
    sender: Any, instance: StringTranslation, raw: bool = False, **kwargs: Any
) -> None:
    """``post_save`` of a translated segment: refuse a changed placeholder.

    The segment is marked as an error (``has_error``), the way wagtail-localize marks
    invalid HTML, so the editor shows the message on it and publishing skips it.
    """
    if raw:
        return
    problem = placeholder_error(instance.translation_of.data, instance.data)
    if problem is None or (instance.has_error and instance.field_error == problem):
        return
    instance.has_error = True
    instance.field_error = problem
    StringTranslation.objects.filter(pk=instance.pk).update(
        has_error=True, field_error=problem
    )


def untranslated_count(translation: Translation) -> int:
    """How many segments of ``translation`` have no usable translation yet."""
    return (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def refused_placeholders(translation: Translation) -> list[str]:
    """The placeholder messages of the segments of ``translation`` refused so far."""
    rows = StringTranslation.objects.filter(
        context__object_id=translation.source.object_id,
        locale=translation.target_locale,
        has_error=True,
        translation_of__segments__source=translation.source,
    ).select_related("translation_of")
    return [
        f"“{row.translation_of.data[:80]}”: {problem}"
        for row in rows.distinct()
        if (problem := placeholder_error(row.translation_of.data, row.data))
    ]


def translation_of(instance: models.Model) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``instance``."""
    translation_key = getattr(instance, "translation_key", None)
    if translation_key is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def refuse_unconfirmed_publish(
    request: HttpRequest, instance: models.Model
) -> HttpResponse | None:
    """A ``before_edit_page``/``before_edit_snippet`` hook, run before
    wagtail-localize's: refuse to publish a translation with untranslated segments
    unless ``confirm_missing`` was posted.
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if request.POST.get(CONFIRM_FIELD) or request.GET.get(CONFIRM_FIELD):
        return None
    if (
        isinstance(instance, Page)
        and not instance.permissions_for_user(request.user).can_publish()
    ):
        # Wagtail itself refuses the publish; the question is for those who may.
        return None
    translation = translation_of(instance)
    if translation is None:
        return None
    missing = untranslated_count(translation)
    if not missing:
        return None
    messages.error(
        request,
        ngettext(
            "Not published: %(count)d segment is not translated into %(language)s "
            "yet, so readers would see it in the source language. Translate it, or "
            "confirm below that you want to publish with missing translations.",
            "Not published: %(count)d segments are not translated into %(language)s "
            "yet, so readers would see them in the source language. Translate them, "
            "or confirm below that you want to publish with missing translations.",
            missing,
        )
        % {
            "count": missing,
            "language": translation.target_locale.get_display_name(),
        },
    )
    return redirect(request.path)


def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's PO upload, then a message per refused placeholder.

    The upload itself stores every entry (wagtail-localize's view); the entries whose
    placeholders do not match were marked as errors by ``check_string_translation``
    and are named here, so the translator knows which lines of the file to fix.
    """
    from wagtail_localize.views.edit_translation import upload_pofile as upload

    response = upload(request, translation_id)
    translation = Translation.objects.filter(pk=translation_id).first()
    if translation is not None and request.user.is_authenticated:
        for problem in refused_placeholders(translation):
            messages.error(
                request, _("Not imported: %(problem)s") % {"problem": problem}
            )
    return response


def untranslated_segments(translation: Translation) -> list[StringSegment]:
    """The segments of ``translation`` without a usable translation, in page order.

    Each carries ``earlier``: the translation of what the source said before at the
    same place, when the source text changed (wagtail-localize keeps it, keyed on
    the old text), for the translator to reuse.
    """
    earlier = (
        StringTranslation.objects.filter(
            context_id=OuterRef("context_id"),
            locale_id=translation.target_locale_id,
            has_error=False,
        )
        .exclude(translation_of_id=OuterRef("string_id"))
        .order_by("-updated_at")
        .values("data")[:1]
    )
    return list(
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .annotate(earlier=Subquery(earlier))
        .select_related("string")
        .order_by("order")
    )


def copy_source(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Keep the source text as the translation of the chosen segments.

    For text that stays the same in every language (names, publishers, web
    addresses), one click instead of retyping each. Posted from the banner of the
    translation editor with the ids of the chosen segments in ``segment``.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    ids = [value for value in request.POST.getlist("segment") if value.isdigit()]
    segments = StringSegment.objects.filter(
        source=translation.source, pk__in=ids
    ).select_related("string")
    count = 0
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
            defaults={
                "data": segment.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "source text",
                "last_translated_by": request.user,
                "has_error": False,
                "field_error": "",
            },
        )
        count += 1
    if count:
        messages.success(
            request,
            ngettext(
                "Kept the source text for %(count)d segment.",
                "Kept the source text for %(count)d segments.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.warning(request, _("Choose the segments whose source text to keep."))
    return redirect(get_edit_url(instance))


def own_language_rows_only(view: Any) -> Any:
    """Wrap one of wagtail-localize's translation endpoints (segment save, override,
    PO files, machine translation, stop) so that a snippet translation is changed
    only by someone allowed to change that language's row.

    wagtail-localize checks snippet rights per model ("change theme"), which would
    let a Dutch translator save the French theme's segments by a hand-made request;
    the project's permission policy (``ngo_cms.translation_roles``) knows the row's
    language. Pages need nothing more: their rights already follow the tree.
    """
    from functools import wraps

    from wagtail.permissions import policy_registry

    @wraps(view)
    def wrapped(request: HttpRequest, translation_id: int, *args: Any, **kwargs: Any):
        translation = get_object_or_404(Translation, pk=translation_id)
        instance = translation.get_target_instance()
        if not isinstance(instance, Page):
            policy = policy_registry.get_by_type(type(instance))
            if not policy.user_has_permission_for_instance(
                request.user, "change", instance
            ):
                raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return wrapped
