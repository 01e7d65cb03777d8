"""The demo's Dutch and French are PO files, applied with wagtail-localize's PO import."""

import polib
import pytest
from wagtail_localize.models import StringTranslation

from example_site.demo import TRANSLATIONS_DIR, Catalogue


def test_the_dutch_and_french_files_translate_the_same_english_fully():
    files = {
        code: polib.pofile(str(TRANSLATIONS_DIR / f"{code}.po"))
        for code in ("nl", "fr")
    }
    assert {e.msgid for e in files["nl"]} == {e.msgid for e in files["fr"]}
    for catalogue in files.values():
        assert catalogue.untranslated_entries() == []
        assert catalogue.fuzzy_entries() == []
        assert len(catalogue) > 150


def test_a_string_missing_from_the_po_file_is_reported_and_not_guessed(tmp_path):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Prisoner cases", msgstr="Gevangenen"))
    po.save(str(tmp_path / "nl.po"))
    catalogue = Catalogue(tmp_path)
    catalogue("Prisoner cases")
    catalogue("A sentence nobody translated")
    assert catalogue.missing("nl") == ["A sentence nobody translated"]
    assert catalogue.translate("Prisoner cases", "nl") == "Gevangenen"
    assert catalogue.translate("A sentence nobody translated", "nl") is None


@pytest.mark.django_db
def test_the_demo_translations_are_imported_as_a_translator_would(djalali):
    """Through wagtail-localize's PO import: manual translations of every segment,
    which the translation editor shows as translated."""
    dutch = StringTranslation.objects.filter(
        locale=djalali["nl"].locale, context__object=djalali["en"].translation_key
    )
    assert dutch.exists()
    assert set(dutch.values_list("translation_type", flat=True)) == {"manual"}
    assert "Gevangenen" in {
        t.data for t in StringTranslation.objects.filter(locale=djalali["nl"].locale)
    }
