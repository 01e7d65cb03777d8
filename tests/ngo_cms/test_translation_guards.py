"""Guard rails of the translation editor, through wagtail-localize's real admin views.

Publishing a translation with untranslated segments needs a confirmation; a
translated segment (typed, or uploaded in a PO file) that drops or changes a
placeholder such as ``[name]`` or a citation marker such as ``[3]`` is refused with a
message naming it.
"""

from io import BytesIO

import polib
import pytest
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils.html import escape
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from actions.models import UrgentActionPage
from casepages.models import PrisonerCasePage
from tests.ngo_cms.test_translation_sync import translation_set

pytestmark = pytest.mark.django_db


def speak(user, language: str) -> None:
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)


def translation_into(page, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )


def segment_containing(translation: Translation, text: str) -> StringSegment:
    return (
        StringSegment.objects.filter(
            source=translation.source, string__data__contains=text
        )
        .select_related("string")
        .first()
    )


def put_translation(client, translation, segment, value: str):
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    boundary = "BoUnDaRy"
    return client.put(
        url,
        encode_multipart(boundary, {"value": value}),
        content_type=MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", boundary),
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Le marqueur [name] manque"),
        ("nl", "De plaatshouder [name] ontbreekt"),
    ],
)
def test_a_letter_that_loses_its_name_placeholder_is_refused(
    admin_client, admin_user, language, expected
):
    speak(admin_user, language)
    english = translation_set(UrgentActionPage)["en"]
    translation = translation_into(english, "fr")
    segment = segment_containing(translation, "[name]")
    assert segment is not None

    response = put_translation(admin_client, translation, segment, "[nom]")
    assert response.status_code in (200, 201)
    assert expected in response.json()["error"]
    stored = StringTranslation.objects.get(
        translation_of=segment.string, locale=translation.target_locale
    )
    assert stored.has_error

    good = put_translation(admin_client, translation, segment, "[name]")
    assert good.json()["error"] is None


def test_a_po_file_that_drops_a_citation_marker_is_refused(admin_client):
    english = translation_set(PrisonerCasePage)["en"]
    translation = translation_into(english, "nl")
    po = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    entry = next(entry for entry in po if "[3]" in entry.msgid)
    entry.msgstr = entry.msgstr.replace("[3]", "").strip() or "zonder bron"
    upload = BytesIO(str(po).encode())
    upload.name = "dutch.po"
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
        follow=True,
    )
    shown = [str(message) for message in response.context["messages"]]
    assert any("[3]" in message and "Not imported" in message for message in shown)
    stored = StringTranslation.objects.get(
        translation_of__data=entry.msgid,
        locale=translation.target_locale,
        context__path=entry.msgctxt,
    )
    assert stored.has_error and "[3]" in stored.field_error


def test_publishing_with_missing_translations_needs_a_confirmation(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    speak(admin_user, "nl")
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    english.summary = "A new English summary nobody has translated yet."
    english.save_revision().publish()
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    live_revision = dutch.live_revision_id

    editor = admin_client.get(edit_url).content.decode()
    assert "Publiceren met ontbrekende vertalingen" in editor

    # Outdated, not mixed: the live page still shows the earlier Dutch text.
    body = admin_client.get(f"/api/v1/nl/cases/{dutch.slug}/").json()
    by_locale = {t["locale"]: t for t in body["translations"]}
    assert by_locale["nl"]["state"] == "outdated"
    assert by_locale["nl"]["source_language_segments"] == 0

    refused = admin_client.post(edit_url, {"action": "publish"}, follow=True)
    shown = [str(message) for message in refused.context["messages"]]
    assert any("Niet gepubliceerd" in message for message in shown)
    dutch.refresh_from_db()
    assert dutch.live_revision_id == live_revision

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(edit_url, {"action": "publish", "confirm_missing": "1"})
    dutch.refresh_from_db()
    assert dutch.live_revision_id != live_revision
    assert dutch.summary == english.summary
    # The API tells front ends that the live Dutch page shows English text.
    body = admin_client.get(f"/api/v1/nl/cases/{dutch.slug}/").json()
    shown = {t["locale"]: t["source_language_segments"] for t in body["translations"]}
    assert shown["nl"] >= 1 and shown["en"] == 0


def test_a_complete_translation_publishes_without_a_confirmation(
    admin_client, django_capture_on_commit_callbacks
):
    dutch = translation_set(PrisonerCasePage)["nl"]
    live_revision = dutch.live_revision_id
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[dutch.pk]), {"action": "publish"}
        )
    dutch.refresh_from_db()
    assert dutch.live_revision_id != live_revision


def test_one_click_keeps_the_source_text_of_chosen_segments(admin_client):
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    english.photo_credit = "Family of Ahmadreza Djalali"
    english.summary = "A summary that does need translating."
    english.save_revision().publish()
    translation = translation_into(english, "nl")
    credit = segment_containing(translation, "Family of Ahmadreza Djalali")
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    editor = admin_client.get(edit_url).content.decode()
    assert f'name="segment" value="{credit.pk}"' in editor

    response = admin_client.post(
        reverse("ngo_cms_copy_source", args=[translation.pk]),
        {"segment": [str(credit.pk)]},
    )
    assert response.status_code == 302
    assert response["Location"] == edit_url
    stored = StringTranslation.objects.get(
        translation_of=credit.string, locale=translation.target_locale
    )
    assert stored.data == "Family of Ahmadreza Djalali"
    total, translated = translation.get_progress()
    assert translated == total - 1  # the summary still waits for the translator


def test_copying_the_source_text_needs_edit_rights(client, django_user_model):
    english = translation_set(PrisonerCasePage)["en"]
    translation = translation_into(english, "nl")
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    response = client.post(
        reverse("ngo_cms_copy_source", args=[translation.pk]), {"segment": ["1"]}
    )
    assert response.status_code in (302, 403)
    assert not StringTranslation.objects.filter(tool_name="source text").exists()


def test_the_earlier_translation_of_a_changed_segment_is_offered_for_reuse(
    admin_client,
):
    cases = translation_set(PrisonerCasePage)
    english, dutch = cases["en"], cases["nl"]
    dutch_summary = dutch.summary
    english.summary = english.summary + " He remains on death row."
    english.save_revision().publish()
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    ).content.decode()
    start = html.index('class="ngo-earlier-translation">') + len(
        'class="ngo-earlier-translation">'
    )
    assert html[start : html.index("</span>", start)] == escape(dutch_summary)
