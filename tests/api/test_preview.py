"""Headless preview: the draft in the shape of the live detail, never cached."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.signing import TimestampSigner
from wagtail_headless_preview.models import PagePreview

from ngo_cms.api.preview import remove_expired_previews

pytestmark = pytest.mark.django_db


def preview_of(page) -> dict[str, str]:
    """What the editor's Preview button stores and gives the front end."""
    token = TimestampSigner(salt="headlesspreview.token").sign(f"id={page.pk}")
    content_type = ContentType.objects.get_for_model(page)
    PagePreview.objects.create(
        token=token, content_type=content_type, content_json=page.to_json()
    )
    return {
        "content_type": f"{content_type.app_label}.{content_type.model}",
        "token": token,
    }


def test_preview_returns_the_draft_in_the_live_shape(api, cases):
    page = cases["nl"]
    live = api.get(f"/api/v1/nl/cases/{page.slug}/").json()
    page.summary = "Nog niet gepubliceerd."
    response = api.get("/api/v1/preview/", preview_of(page))
    assert response.status_code == 200
    body = response.json()
    assert body["summary"] == "Nog niet gepubliceerd."
    assert set(body) == set(live)
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Language"] == "nl"


def test_preview_with_a_forged_token_is_a_404(api, cases):
    params = preview_of(cases["en"])
    params["token"] = params["token"][:-2] + "xx"
    response = api.get("/api/v1/preview/", params)
    assert response.status_code == 404
    assert response.json()["code"] == "invalid_preview"


@pytest.mark.parametrize(
    "content_type",
    ["auth.user", "wagtailcore.page", "actions.urgentactionpage", "nope", "x.y.z"],
)
def test_a_token_asked_for_as_another_type_is_a_404(api, cases, content_type):
    """The token of a case's draft shows nothing under any other type, nor under a
    type that is no page, and never a 500."""
    params = preview_of(cases["en"])
    params["content_type"] = content_type
    response = api.get("/api/v1/preview/", params)
    assert response.status_code == 404
    assert response.json()["code"] == "invalid_preview"


def test_preview_without_parameters_is_a_400(api):
    assert api.get("/api/v1/preview/").status_code == 400


def test_preview_tokens_expire(api, cases, settings):
    params = preview_of(cases["en"])
    assert api.get("/api/v1/preview/", params).status_code == 200
    settings.PREVIEW_TOKEN_MAX_AGE = -1  # any token is now older than allowed
    response = api.get("/api/v1/preview/", params)
    assert response.status_code == 404
    assert response.json()["code"] == "invalid_preview"


def test_previewing_removes_expired_drafts(cases, settings):
    """The editor's Preview button stores a draft and deletes the expired ones."""
    settings.FRONTEND_URL = "https://front.example.org/preview"
    old = preview_of(cases["nl"])
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    assert remove_expired_previews() == 1
    assert not PagePreview.objects.filter(token=old["token"]).exists()
    settings.PREVIEW_TOKEN_MAX_AGE = 3600
    preview_of(cases["fr"])
    page = cases["en"].specific
    page.create_page_preview()
    assert PagePreview.objects.count() == 2
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    page.create_page_preview()
    assert PagePreview.objects.count() == 1  # only the new one


def test_purge_previews_command(cases, settings):
    from io import StringIO

    from django.core.management import call_command

    preview_of(cases["en"])
    out = StringIO()
    call_command("purge_previews", stdout=out)
    assert PagePreview.objects.count() == 1  # still valid
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    call_command("purge_previews", stdout=out)
    assert PagePreview.objects.count() == 0
    assert "1 expired preview(s) removed." in out.getvalue()
