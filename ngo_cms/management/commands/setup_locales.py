"""``manage.py setup_locales``: the locales of ``WAGTAIL_CONTENT_LANGUAGES``, and the
site's home page translated into each of them.

For a project that adds the apps to a site that already has content: it creates the
missing locales and submits each site's home page for translation through
wagtail-localize, exactly as an editor's "Translate" action would (so translators
find it in their queue), and touches no other page. Safe to run again: it only
adds what is missing.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Site
from wagtail_localize.operations import TranslationCreator


class Command(BaseCommand):
    help = (
        "Create the locales of WAGTAIL_CONTENT_LANGUAGES and translate each site's "
        "home page into them through wagtail-localize."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        locales = []
        for code in codes:
            locale, created = Locale.objects.get_or_create(language_code=code)
            locales.append(locale)
            if created:
                self.stdout.write(f"Created the locale {code}.")
        for site in Site.objects.select_related("root_page"):
            home = site.root_page.specific
            if home.is_root():
                continue
            missing = [
                locale
                for locale in locales
                if locale.pk != home.locale_id and not home.has_translation(locale)
            ]
            if not missing:
                continue
            TranslationCreator(None, missing).create_translations(home)
            self.stdout.write(
                f"Translated the home page of {site} into "
                f"{', '.join(locale.language_code for locale in missing)}."
            )
