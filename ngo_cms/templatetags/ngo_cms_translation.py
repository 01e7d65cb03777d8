"""Template tags of the translation editor (see ``ngo_cms.translation_guards``)."""

from django import template
from wagtail_localize.models import Translation

from ngo_cms.translation_guards import (
    CONFIRM_FIELD,
    untranslated_count,
    untranslated_segments,
)

register = template.Library()


@register.simple_tag
def missing_segments(translation: Translation) -> int:
    """How many segments of ``translation`` are not translated yet."""
    return untranslated_count(translation)


@register.simple_tag
def confirm_field() -> str:
    """The name of the field that confirms publishing with missing translations."""
    return CONFIRM_FIELD


@register.simple_tag
def missing_segment_list(translation: Translation) -> list:
    """The untranslated segments of ``translation``, in page order."""
    return untranslated_segments(translation)
