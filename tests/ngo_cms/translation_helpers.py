"""Helpers that do what an editor and a translator do through wagtail-localize."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object


def publish_source_change(
    instance: Any, user: Any = None, **changes: Any
) -> TranslationSource:
    """Change and publish a source as an editor does; the publish handler
    (``ngo_cms.translation_sync``) brings its TranslationSource up to date and sends
    ``translation_source_updated``."""
    for name, value in changes.items():
        setattr(instance, name, value)
    if isinstance(instance, Page):
        instance.save_revision(user=user).publish(user=user)
    else:
        instance.save()
    return TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )


def start_translation(instance: Any, locale: Locale, user: Any = None) -> Any:
    """Submit ``instance`` for translation into ``locale`` (wagtail-localize's
    "Translate this page"): the target is created as a draft."""
    with transaction.atomic():
        translate_object(instance, [locale])
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )
    return source.get_translated_instance(locale)


def translate_all(instance: Any, locale: Locale, prefix: str = "NL ") -> None:
    """Translate every segment of ``instance``'s source into ``locale``."""
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": prefix + segment.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def make_member(group_name: str, username: str, language: str = "en") -> Any:
    """An active admin user in ``group_name`` with an e-mail address and an admin
    language."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        "pw",
        first_name=username.capitalize(),
        last_name="Tester",
    )
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
