"""Nothing but live, public content, and never signer data."""

import json

import pytest
from wagtail.models import PageViewRestriction

from actions.models import Signature
from tests.factories.actions import valid_signature_data
from tests.factories.casepages import PrisonerCasePageFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/{locale}/cases/", "/api/v1/{locale}/navigation/"]


def all_text(api, urls: list[str]) -> str:
    return "".join(api.get(url).content.decode() for url in urls)


def test_draft_changes_never_appear(api, cases):
    page = cases["en"]
    page.summary = "SECRET DRAFT SUMMARY"
    page.save_revision()  # saved, not published
    text = all_text(
        api,
        [
            "/api/v1/en/cases/",
            f"/api/v1/en/cases/{page.slug}/",
            "/api/v1/resolve/?path=" + page.url,
        ],
    )
    assert "SECRET DRAFT SUMMARY" not in text


def test_never_published_pages_are_not_served(api, case_index):
    draft = PrisonerCasePageFactory(
        parent=case_index["en"], slug="draft-case", live=False
    )
    assert api.get("/api/v1/en/cases/draft-case/").status_code == 404
    assert api.get("/api/v1/en/cases/draft-case/?fallback=1").status_code == 404
    assert draft.pk not in {
        i["id"] for i in api.get("/api/v1/en/cases/").json()["results"]
    }
    assert (
        api.get("/api/v1/resolve/", {"path": "/en/cases/draft-case/"}).status_code
        == 404
    )


def test_pages_under_a_view_restriction_are_not_served(api, cases):
    PageViewRestriction.objects.create(
        page=cases["nl"], restriction_type=PageViewRestriction.LOGIN
    )
    assert api.get(f"/api/v1/nl/cases/{cases['nl'].slug}/").status_code == 404
    assert api.get("/api/v1/nl/cases/").json()["count"] == 0
    assert api.get("/api/v1/resolve/", {"path": cases["nl"].url}).status_code == 404
    en = api.get(f"/api/v1/en/cases/{cases['en'].slug}/").json()
    status = {item["locale"]: item for item in en["translations"]}
    assert status["nl"] == {
        "locale": "nl",
        "status": "missing",
        "state": "missing",
        "title": None,
        "url": None,
        "api_url": None,
        "source_language_segments": 0,
    }


def test_unpublished_translation_is_missing_everywhere(api, cases):
    cases["fr"].unpublish()
    assert api.get(f"/api/v1/fr/cases/{cases['fr'].slug}/").status_code == 404
    fallback = api.get(f"/api/v1/fr/cases/{cases['fr'].slug}/?fallback=1")
    assert fallback.status_code == 200
    assert fallback.json()["locale"] == "en"
    assert fallback["Content-Language"] == "en"
    en = api.get(f"/api/v1/en/cases/{cases['en'].slug}/").json()
    assert {t["locale"]: t["status"] for t in en["translations"]}["fr"] == "missing"


def test_expired_pages_are_not_served(api, cases):
    import datetime

    from django.utils import timezone

    page = cases["en"]
    type(page).objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert api.get(f"/api/v1/en/cases/{page.slug}/").status_code == 404


def test_signer_data_never_appears_in_any_answer(api, actions, rallies):
    data = valid_signature_data(
        first_name="Zebedee", last_name="Quixotic", email="zq-leak@example.org"
    )
    api.post(
        f"/api/v1/en/actions/{actions['en'].slug}/signatures/",
        data=json.dumps({**data, "consent_privacy": True, "consent_contact": False}),
        content_type="application/json",
    )
    assert Signature.objects.filter(email="zq-leak@example.org").exists()
    urls = (
        [f"/api/v1/{code}/actions/{page.slug}/" for code, page in actions.items()]
        + [f"/api/v1/{code}/actions/" for code in actions]
        + [f"/api/v1/en/rallies/{rallies['en'].slug}/", "/api/v1/en/rallies/"]
    )
    text = all_text(api, urls)
    invalid = api.post(
        f"/api/v1/en/actions/{actions['en'].slug}/signatures/",
        data={**data, "email": "zq-leak@bad"},
    ).content.decode()
    for secret in ("Zebedee", "Quixotic", "zq-leak"):
        assert secret not in text
        assert secret not in invalid
