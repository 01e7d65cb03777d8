"""Every string the project shows is translated into Dutch and French."""

from pathlib import Path

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"), [("/nl/", "Naar de inhoud"), ("/fr/", "Aller au contenu")]
)
def test_page_chrome_is_in_the_page_language(client, path, text):
    assert text in client.get(path).content.decode()
