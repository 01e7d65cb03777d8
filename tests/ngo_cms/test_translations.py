"""Every string the project shows is translated into Dutch and French."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

import ngo_cms

CATALOGUES = Path(ngo_cms.__file__).resolve().parent / "locale"


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    path = CATALOGUES / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_catalogues_load_from_the_core_app_without_locale_paths(settings):
    """A host project finds the catalogues as the app's locale folder."""
    assert not settings.LOCALE_PATHS
    with translation.override("nl"):
        assert translation.gettext("prisoner cases") == "gevangenen"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"), [("/nl/", "Naar de inhoud"), ("/fr/", "Aller au contenu")]
)
def test_page_chrome_is_in_the_page_language(client, path, text):
    assert text in client.get(path).content.decode()


ROOT = Path(__file__).resolve().parents[2]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_TRANS = re.compile(r"""{% trans(?:late)? (["'])(.+?)\1""")


def project_msgids() -> set[str]:
    """Every literal the project's code and templates pass to gettext."""
    found: set[str] = set()
    for app in ("ngo_cms", "casepages", "actions"):
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in GETTEXT_NAMES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
        for path in (ROOT / app).rglob("*.html"):
            found |= {m[1] for m in TEMPLATE_TRANS.findall(path.read_text("utf-8"))}
    return found


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_in_code_and_templates_is_in_the_catalogue(language):
    path = CATALOGUES / language / "LC_MESSAGES" / "django.po"
    translated = {entry.msgid for entry in polib.pofile(str(path)).translated_entries()}
    missing = sorted(project_msgids() - translated)
    assert missing == []
