"""Translations follow their source the moment the source is published.

wagtail-localize copies a source's synchronised fields (dates, statuses, countries,
images, relations) into a translation only when somebody syncs or publishes that
translation. Until then a Dutch reader would see a rally as "scheduled" that the
English editor had cancelled. So, when a source page is published or a translatable
snippet is saved, in the same transaction:

1. its wagtail-localize ``TranslationSource`` is brought up to date, so that new and
   changed text shows as untranslated in each language's translation editor, and the
   facts a translator publishes later are the new ones;
2. the facts are written onto every translation, both the row readers see and the
   latest revision the editor opens, without touching translated text and without
   publishing untranslated segments. That includes many-to-many relations (also when
   the source cleared them, which wagtail-localize's own copy skips), child relations
   such as related cases, and the facts inside stream blocks (the date, date precision
   and kind of a timeline event, the web address of a source);
3. ``ngo_cms.signals.translation_source_updated`` tells the translators' notifications
   which locales now have text to translate.

A page is a source when wagtail-localize has a ``TranslationSource`` for it in its
own locale; publishing a translation therefore never writes back onto the source.
Aliases (pages of a synchronised tree not translated yet) are left alone: Wagtail
already updates them when their original is published.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.fields import (
    SynchronizedField,
    TranslatableField,
    get_translatable_fields,
)
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationSource,
)

from ngo_cms.api.tags import bump_for_instance
from ngo_cms.signals import translation_source_updated

logger = logging.getLogger(__name__)

# Leaf blocks whose value is text a translator writes (or, for URLs and embeds, may
# override). Every other leaf block (dates, choices, numbers, images, pages, and the
# ``SynchronisedURLBlock`` of sources) holds a fact copied from the source.
TRANSLATED_LEAF_BLOCKS: tuple[type, ...] = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.RichTextBlock,
    blocks.RawHTMLBlock,
    blocks.EmailBlock,
    EmbedBlock,
)


def _is_translated_leaf(block: blocks.Block) -> bool:
    from casepages.blocks import SynchronisedURLBlock

    if isinstance(block, SynchronisedURLBlock):
        return False
    if isinstance(block, blocks.URLBlock):
        return True
    return isinstance(block, TRANSLATED_LEAF_BLOCKS)


def _merge_block_value(block: blocks.Block, source: Any, target: Any) -> Any:
    """``target`` with the facts of ``source`` (same block) copied in."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name in source:
                target[name] = _merge_block_value(
                    child, source.get(name), target.get(name)
                )
        return target
    if isinstance(block, blocks.StreamBlock):
        return merge_stream(source, target)
    if isinstance(block, blocks.ListBlock):
        return target  # no list block in our content holds facts yet
    if _is_translated_leaf(block):
        return target
    return source


def merge_stream(source: StreamValue, target: StreamValue) -> StreamValue:
    """The translated stream ``target`` with the facts of ``source`` copied in.

    Blocks are matched by id (wagtail-localize keeps the source's block ids in a
    translation). Text stays as translated; a block that is new in the source is not
    added (its text is not translated yet) and a block removed from the source stays
    until the translator publishes. Matched blocks take the source's order, so that a
    timeline re-sorted by a changed date stays in date order.
    """
    by_id = {child.id: child for child in source if child.id}
    order = {child.id: index for index, child in enumerate(source)}
    children = []
    for child in target:
        origin = by_id.get(child.id)
        value = child.value
        if origin is not None and origin.block_type == child.block_type:
            value = _merge_block_value(child.block, origin.value, value)
        children.append((child.block_type, value, child.id))
    if all(child_id in order for _type, _value, child_id in children):
        children.sort(key=lambda item: order[item[2]])
    return StreamValue(target.stream_block, children)


def _overridden_fields(source: models.Model, locale: Locale) -> set[str]:
    """Synchronised fields a translator deliberately overrode in ``locale``."""
    return set(
        SegmentOverride.objects.filter(
            locale=locale, context__object_id=source.translation_key
        ).values_list("context__path", flat=True)
    )


def copy_facts(
    source: models.Model, target: models.Model, overridden: set[str]
) -> None:
    """Write the synchronised values of ``source`` onto ``target`` (not saved).

    Args:
        source: the published source page (specific) or snippet.
        target: one of its translations, of the same class.
        overridden: names of overridable fields the translator overrode; kept.
    """
    model = source.__class__
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        name = translatable_field.field_name
        if isinstance(translatable_field, TranslatableField):
            if isinstance(field, StreamField):
                setattr(
                    target,
                    name,
                    merge_stream(getattr(source, name), getattr(target, name)),
                )
            continue
        if not isinstance(translatable_field, SynchronizedField):
            continue
        if not translatable_field.is_synchronized(source):
            continue
        if translatable_field.is_overridable(source) and name in overridden:
            continue
        if isinstance(field, models.ManyToOneRel) and isinstance(
            field.remote_field, ParentalKey
        ):
            source.copy_child_relation(name, target)
        elif isinstance(field, ParentalManyToManyField | models.ManyToManyField):
            # Also when empty: wagtail-localize's copy skips an emptied relation.
            setattr(target, name, list(getattr(source, name).all()))
        else:
            setattr(target, field.attname, getattr(source, field.attname))


def _sync_page(source: Page, translation: Page) -> None:
    """Facts onto the live row and onto the latest (and live) revision."""
    overridden = _overridden_fields(source, translation.locale)
    copy_facts(source, translation, overridden)
    translation.save(clean=False)
    revisions = {translation.latest_revision, translation.live_revision} - {None}
    for revision in revisions:
        draft = revision.as_object()
        copy_facts(source, draft, overridden)
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])


def _sync_snippet(source: models.Model, translation: models.Model) -> None:
    copy_facts(source, translation, _overridden_fields(source, translation.locale))
    translation.save()
    if isinstance(translation, DraftStateMixin) and translation.latest_revision:
        revision = translation.latest_revision
        draft = revision.as_object()
        copy_facts(source, draft, _overridden_fields(source, translation.locale))
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])


def _untranslated(source: TranslationSource, locales: Iterable[Locale]) -> dict:
    """For each locale, its untranslated segments, in page order.

    Returns:
        ``{locale: {(string id, context id): source text}}``.
    """
    result = {}
    for locale in locales:
        rows = (
            StringSegment.objects.filter(source=source)
            .annotate_translation(locale)
            .filter(translation__isnull=True)
            .order_by("order")
            .values_list("string_id", "context_id", "string__data")
        )
        result[locale] = {
            (string_id, context_id): data for string_id, context_id, data in rows
        }
    return result


def source_published(instance: models.Model, user: Any = None) -> bool:
    """Bring translations of a just published source up to date (see module doc).

    Args:
        instance: the published page (specific) or saved translatable snippet.
        user: who published, for the signal; None when unknown.

    Returns:
        True when ``instance`` is a translation source and its translations were
        updated, False when there was nothing to do.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return False
    with transaction.atomic():
        locales = [
            translation.target_locale
            for translation in Translation.objects.filter(
                source=source, enabled=True
            ).select_related("target_locale")
        ]
        before = _untranslated(source, locales)
        old_strings = set(
            source.stringsegment_set.values_list("string_id", "context_id")
        )
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        new_strings = set(
            source.stringsegment_set.values_list("string_id", "context_id")
        )
        translations = instance.get_translations().exclude(locale_id=instance.locale_id)
        if isinstance(instance, Page):
            for translation in translations.filter(alias_of__isnull=True).specific():
                _sync_page(instance, translation)
        else:
            for translation in translations:
                _sync_snippet(instance, translation)
        if new_strings != old_strings:
            after = _untranslated(source, locales)
            changed = {
                locale: [
                    data
                    for key, data in after[locale].items()
                    if key not in before[locale]
                ]
                for locale in locales
            }
            changed = {
                locale: strings for locale, strings in changed.items() if strings
            }
            translation_source_updated.send(
                sender=instance.__class__,
                instance=instance,
                translation_source=source,
                changed=changed,
                user=user,
            )
        # The translations' answers show the new facts: their cache tags move on
        # now and again once the translations are committed, so that no answer
        # cached in between (with the old facts) survives.
        bump_for_instance(instance)
    return True


def page_published(
    sender: Any, instance: Page, revision: Any = None, **kwargs: Any
) -> None:
    """``page_published`` receiver: a source page's facts go to its translations."""
    if instance.alias_of_id:
        return
    source_published(instance.specific, user=getattr(revision, "user", None))


def snippet_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """``post_save`` receiver for translatable snippets without drafts (themes,
    organisations): saving one is publishing it.
    """
    if raw or isinstance(instance, Page | DraftStateMixin):
        return
    if not isinstance(instance, TranslatableMixin) or kwargs.get("created"):
        return
    from wagtail.snippets.models import get_snippet_models

    if sender not in get_snippet_models():
        return
    source_published(instance)


def snippet_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``published`` receiver for translatable snippets with drafts."""
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
        revision = kwargs.get("revision")
        source_published(instance, user=getattr(revision, "user", None))
