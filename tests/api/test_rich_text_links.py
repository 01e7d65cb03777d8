"""Rich-text links lead readers to public pages in their language, and nowhere else."""

import pytest
from wagtail.models import Page, PageViewRestriction

from casepages.models import CaseIndexPage, PrisonerCasePage
from example_site.demo import stream

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_case():
    """The Dutch demo case, with a paragraph linking to three pages."""
    actions_en = Page.objects.get(locale__language_code="en", slug="actions")
    case_index = CaseIndexPage.objects.get(locale__language_code="en")
    draft = case_index.add_child(
        instance=PrisonerCasePage(
            title="Secret Person",
            slug="secret-person",
            summary="Not announced yet.",
            country_of_detention="IR",
            live=False,
        )
    )
    private = Page.objects.get(locale__language_code="en", slug="rallies")
    PageViewRestriction.objects.create(
        # The Dutch rallies section, where the link leads a Dutch reader.
        page=Page.objects.get(locale__language_code="nl", slug="manifestaties"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    case = PrisonerCasePage.objects.get(locale__language_code="nl")
    case.body = stream(
        "link-test",
        [
            (
                "paragraph",
                f'<p><a linktype="page" id="{actions_en.pk}">Teken</a>, '
                f'<a linktype="page" id="{draft.pk}">geheim</a>, '
                f'<a linktype="page" id="{private.pk}">besloten</a>.</p>',
            )
        ],
    )
    case.save_revision().publish()
    return case


def test_links_point_at_the_live_translation_and_drop_drafts_and_private_pages(
    api, linked_case
):
    body = api.get(f"/api/v1/nl/cases/{linked_case.slug}/").json()
    html = body["body"][0]["value"]
    assert '<a href="/nl/acties/">Teken</a>' in html
    assert "<a>geheim</a>" in html
    assert "<a>besloten</a>" in html
    assert "secret-person" not in html


def test_the_public_page_drops_links_to_drafts_too(client, linked_case):
    html = client.get(linked_case.url).content.decode()
    assert '<a href="/nl/acties/">Teken</a>' in html
    assert "secret-person" not in html
