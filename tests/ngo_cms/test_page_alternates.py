"""HTML pages tell search engines their canonical address and their translations,
and mark text in another script for readers."""

import re

import pytest

from casepages.models import PrisonerCasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def djalali() -> dict[str, PrisonerCasePage]:
    source = PrisonerCasePage.objects.get(
        locale__language_code="en", slug="ahmadreza-djalali"
    )
    return {
        page.locale.language_code: page
        for page in PrisonerCasePage.objects.filter(
            translation_key=source.translation_key, alias_of__isnull=True
        )
    }


def links(html: str) -> dict[str, str]:
    found = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    if canonical:
        found["canonical"] = canonical[0]
    return found


def test_a_page_names_its_canonical_address_and_every_live_translation(client, djalali):
    html = client.get(djalali["nl"].url).content.decode()
    assert links(html) == {
        "canonical": f"http://testserver{djalali['nl'].url}",
        "en": f"http://testserver{djalali['en'].url}",
        "nl": f"http://testserver{djalali['nl'].url}",
        "fr": f"http://testserver{djalali['fr'].url}",
        "x-default": f"http://testserver{djalali['en'].url}",
    }


def test_an_unpublished_translation_is_not_an_alternate(client, djalali):
    djalali["fr"].unpublish()
    html = client.get(djalali["nl"].url).content.decode()
    found = links(html)
    assert "fr" not in found
    assert set(found) == {"canonical", "en", "nl", "x-default"}


def test_the_name_in_its_original_script_is_marked_persian_right_to_left(
    client, djalali
):
    page = djalali["en"]
    assert page.name_original_script
    html = client.get(page.url).content.decode()
    assert f'<span lang="fa" dir="rtl">{page.name_original_script}</span>' in html
