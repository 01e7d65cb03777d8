"""The admin's Preview button: the page template, or the front end when configured."""

import pytest
from django.test import override_settings
from wagtail_headless_preview.models import PagePreview

from casepages.models import PrisonerCasePage

pytestmark = pytest.mark.django_db


def preview(page: PrisonerCasePage) -> str:
    response = page.make_preview_request(preview_mode=page.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode()


def test_without_a_front_end_preview_shows_the_draft_in_the_page_template():
    case = PrisonerCasePage.objects.get(locale__language_code="nl")
    case.summary = "Een nieuwe samenvatting die nog niet gepubliceerd is."
    html = preview(case)
    assert "<h1>Ahmadreza Djalali" in html
    assert "Een nieuwe samenvatting die nog niet gepubliceerd is." in html
    assert not PagePreview.objects.exists()


@override_settings(
    FRONTEND_URL="https://front.example.org/preview",
    WAGTAIL_HEADLESS_PREVIEW={
        "CLIENT_URLS": {"default": "https://front.example.org/preview"}
    },
)
def test_with_a_front_end_preview_opens_it_with_a_token_for_the_draft(client):
    case = PrisonerCasePage.objects.get(locale__language_code="fr")
    case.summary = "Un brouillon que le front-end doit afficher."
    html = preview(case)
    token = PagePreview.objects.get().token
    assert (
        "https://front.example.org/preview/?content_type=casepages.prisonercasepage"
        in html
    )
    response = client.get(
        "/api/v1/preview/",
        {"content_type": "casepages.prisonercasepage", "token": token},
    )
    assert response.status_code == 200
    assert response.json()["summary"] == "Un brouillon que le front-end doit afficher."
