"""The admin's preview panel may show a preview, and a headless preview its front end.

Wagtail renders a preview through a fake request to the page's public address, so
the public policy (``frame-ancestors 'none'``) used to apply and Chromium refused to
show the preview in the admin's panel.
"""

import pytest
from django.test import override_settings

from casepages.models import PrisonerCasePage

pytestmark = pytest.mark.django_db


def preview_policy(page: PrisonerCasePage) -> str:
    response = page.make_preview_request(preview_mode=page.default_preview_mode)
    return response["Content-Security-Policy"]


def test_a_preview_may_be_framed_by_the_admin_only():
    policy = preview_policy(PrisonerCasePage.objects.get(locale__language_code="en"))
    assert "frame-ancestors 'self'" in policy
    assert "frame-ancestors 'none'" not in policy
    # Still the public script policy: no inline scripts in a page's preview.
    assert "script-src 'self';" in policy + ";"


@override_settings(
    FRONTEND_URL="https://front.example.org/",
    WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {"default": "https://front.example.org/"}},
)
def test_a_headless_preview_may_frame_the_front_end():
    policy = preview_policy(PrisonerCasePage.objects.get(locale__language_code="fr"))
    frame_src = next(
        part for part in policy.split(";") if part.strip().startswith("frame-src")
    )
    assert "https://front.example.org" in frame_src
    assert "frame-ancestors 'self'" in policy


def test_public_pages_still_refuse_to_be_framed(client):
    response = client.get("/en/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
