"""Property-based test of signing over arbitrary Unicode and arbitrary JSON types.

Whatever a client sends (Persian and Arabic script, right-to-left marks, emoji,
control characters, lone surrogates, very long strings, lists, numbers), the
signing endpoint answers 202 or a translated 400, never a 500, and every row it
stores is one the rules allow.
"""

import json
import unicodedata

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.models import Signature, UrgentActionPage

pytestmark = pytest.mark.django_db

persian_arabic = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
direction_marks = st.sampled_from(
    ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u200c", "\u200d"]
)
emoji = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
controls = st.characters(max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85"])
surrogates = st.sampled_from(["\ud800", "\udfff"])
alphabet = st.one_of(
    persian_arabic, direction_marks, emoji, controls, surrogates, st.characters()
)
text = st.text(alphabet=alphabet, max_size=40) | st.text(
    alphabet=persian_arabic, min_size=90, max_size=400
)
any_json = st.one_of(
    text,
    text,
    text,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(text, max_size=3),
    st.dictionaries(text, text, max_size=2),
)
emails = st.one_of(
    st.emails(),
    st.builds(lambda local, domain: f"{local}@{domain}.example", text, text),
    any_json,
)
bodies = st.fixed_dictionaries(
    {
        "first_name": any_json,
        "last_name": any_json,
        "email": emails,
        "country": st.sampled_from(["BE", "ir", " nl ", "XX", ""]) | any_json,
        "postcode": any_json,
        "consent_privacy": st.booleans() | any_json,
        "consent_contact": st.booleans() | any_json,
    }
)


def is_clean(value: str, limit: int) -> bool:
    return len(value) <= limit and not any(
        unicodedata.category(char) in ("Cc", "Cs") for char in value
    )


@pytest.fixture
def action(settings) -> UrgentActionPage:
    # Room for every example: the throttle is tested elsewhere.
    settings.SIGNING_RATES = {
        "client": "100000/minute",
        "campaign": "100000/minute",
        "address": "100000/minute",
        "confirm": "100000/minute",
    }
    return UrgentActionPage.objects.live().get(
        locale__language_code="fr", slug__startswith="iran-"
    )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_any_signing_body_gets_202_or_a_translated_400_and_only_valid_rows(
    action, body
):
    last = Signature.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = Client().post(
        f"/api/v1/fr/actions/{action.slug}/signatures/",
        data=json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code in (202, 400), response.content
    answer = response.json()
    assert answer["message"]
    if response.status_code == 400:
        assert answer["code"] in ("invalid_data", "parse_error")
    for row in Signature.objects.filter(pk__gt=last):
        assert response.status_code == 202
        assert is_clean(row.first_name, 100) and row.first_name.strip()
        assert is_clean(row.last_name, 100) and row.last_name.strip()
        assert is_clean(row.postcode, 20)
        assert is_clean(row.email, 254) and "@" in row.email
        assert len(row.country) == 2 and row.country.isupper()
        assert row.consent_privacy is True
        assert row.confirmed_at is None
        assert row.locale == "fr"
