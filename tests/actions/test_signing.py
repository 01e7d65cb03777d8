"""Signing a petition: validation, strict input, honeypot, duplicates, deadlines,
translations and the equal cost of new and repeated addresses."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone, translation

from actions.choices import ActionStatus
from actions.models import Signature, UrgentActionPage
from actions.signing import sign_petition
from tests.factories.actions import SignatureFactory, valid_signature_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions() -> dict[str, UrgentActionPage]:
    """The demo urgent action in en, nl and fr."""
    return {
        page.locale.language_code: page
        for page in UrgentActionPage.objects.filter(
            slug__startswith="iran-"
        ).select_related("locale")
    }


def test_valid_signature_is_stored_pending_with_the_language_signed_in(actions):
    before = actions["nl"].signature_count
    result = sign_petition(actions["nl"], valid_signature_data(), language_code="nl")
    assert result.status == "pending"
    assert result.ok
    assert result.errors == {}
    signature = Signature.objects.get(email_normalised="ana@example.org")
    assert signature.locale == "nl"
    assert signature.translation_key == actions["en"].translation_key
    assert signature.consent_privacy is True
    assert signature.confirmed_at is None
    assert not hasattr(signature, "ip_address")
    # Pending signatures do not count.
    assert actions["nl"].signature_count == before


def test_signature_count_is_the_same_in_every_language(actions):
    SignatureFactory(translation_key=actions["fr"].translation_key, locale="fr")
    counts = {code: page.signature_count for code, page in actions.items()}
    assert len(set(counts.values())) == 1


def test_same_email_differently_written_is_stored_once_with_the_same_answer(actions):
    first = sign_petition(actions["en"], valid_signature_data(), language_code="en")
    again = sign_petition(
        actions["fr"],
        valid_signature_data(email="  ANA@Example.ORG ", first_name="Other"),
        language_code="fr",
    )
    assert first == again
    assert Signature.objects.filter(email_normalised="ana@example.org").count() == 1
    assert Signature.objects.get(email_normalised="ana@example.org").first_name == "Ana"


def test_honeypot_drops_the_submission_silently(actions):
    before = Signature.objects.count()
    result = sign_petition(
        actions["en"], valid_signature_data(website="http://spam"), language_code="en"
    )
    assert result.status == "dropped"
    assert result.ok
    assert result.errors == {}
    assert Signature.objects.count() == before


@pytest.mark.parametrize("existing", ["none", "pending", "confirmed"])
def test_new_and_repeated_addresses_cost_the_same_queries(
    actions, existing, django_assert_num_queries
):
    """Same statements whatever the address's state: timing tells nobody anything."""
    if existing == "pending":
        SignatureFactory(
            translation_key=actions["en"].translation_key,
            email="ana@example.org",
            confirmed_at=None,
        )
    elif existing == "confirmed":
        SignatureFactory(
            translation_key=actions["en"].translation_key, email="ana@example.org"
        )
    # The insert (skipped by the database on a repeat) and the look-up of the row
    # that holds the address: one statement on PostgreSQL, two elsewhere.
    expected = 1 if connection.vendor == "postgresql" else 2
    with django_assert_num_queries(expected) as captured:
        result = sign_petition(
            actions["en"], valid_signature_data(), language_code="en"
        )
    assert result.status == "pending"
    insert = next(q["sql"] for q in captured.captured_queries if "INSERT" in q["sql"])
    # The database skips a repeated address itself: no IntegrityError, so nothing
    # about the signer lands in PostgreSQL's log.
    assert "ON CONFLICT DO NOTHING" in insert or "INSERT OR IGNORE" in insert
    assert Signature.objects.filter(email_normalised="ana@example.org").count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consent_privacy", "0"),
        ("consent_privacy", "no"),
        ("consent_privacy", "off"),
        ("consent_privacy", "false"),
        ("consent_contact", "no"),
        ("first_name", "Ann\u001bBob"),
        ("last_name", "Nul\x00"),
        ("postcode", "10\r50"),
    ],
)
def test_form_posts_take_only_checkbox_values_and_clean_text(actions, field, value):
    result = sign_petition(
        actions["en"], valid_signature_data(**{field: value}), language_code="en"
    )
    assert result.status == "invalid"
    assert list(result.errors) == [field]
    assert not Signature.objects.filter(email_normalised="ana@example.org").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consent_privacy", "true"),
        ("consent_privacy", "on"),
        ("consent_privacy", 1),
        ("consent_contact", "0"),
        ("first_name", ["Ann", "Bob"]),
        ("first_name", {"a": 1}),
        ("last_name", True),
        ("email", ["ana@example.org"]),
        ("country", 32),
        ("postcode", 1050),
    ],
)
def test_json_bodies_take_only_booleans_for_consents_and_text_for_text(
    actions, field, value
):
    data = valid_signature_data(consent_privacy=True, consent_contact=False)
    data[field] = value
    result = sign_petition(actions["en"], data, language_code="en", json=True)
    assert result.status == "invalid"
    assert list(result.errors) == [field]
    assert not Signature.objects.filter(email_normalised="ana@example.org").exists()


def test_strict_input_errors_are_translated(actions):
    data = valid_signature_data(
        consent_privacy="no", consent_contact=False, first_name=["x"]
    )
    result = sign_petition(actions["fr"], data, language_code="fr", json=True)
    assert result.errors == {
        "first_name": ["Envoyez ce champ sous forme de texte."],
        "consent_privacy": ["Envoyez true ou false."],
    }


def test_right_to_left_names_with_their_marks_are_accepted(actions):
    name = "\u200fمحمد\u200c رضا"
    result = sign_petition(
        actions["en"], valid_signature_data(first_name=name), language_code="en"
    )
    assert result.status == "pending"
    assert Signature.objects.get(email_normalised="ana@example.org").first_name == name


@pytest.mark.parametrize("email", ["=cmd@example.org", "+1@example.org", "-x@a.org"])
def test_addresses_that_look_like_formulas_are_refused(actions, email):
    result = sign_petition(
        actions["en"], valid_signature_data(email=email), language_code="en"
    )
    assert list(result.errors) == ["email"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consent_privacy", ""),
        ("email", "not-an-address"),
        ("first_name", "x" * 101),
        ("postcode", "1" * 21),
        ("country", "XX"),
        ("last_name", ""),
    ],
)
def test_invalid_data_is_refused_with_an_error_on_the_field(actions, field, value):
    before = Signature.objects.count()
    result = sign_petition(
        actions["en"], valid_signature_data(**{field: value}), language_code="en"
    )
    assert result.status == "invalid"
    assert list(result.errors) == [field]
    assert all(isinstance(message, str) for message in result.errors[field])
    assert Signature.objects.count() == before


def test_country_code_is_normalised_to_upper_case(actions):
    sign_petition(
        actions["en"], valid_signature_data(country=" nl "), language_code="en"
    )
    assert Signature.objects.get(email_normalised="ana@example.org").country == "NL"


def test_closed_action_rejects_signature(actions):
    UrgentActionPage.objects.filter(
        translation_key=actions["en"].translation_key
    ).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    action = UrgentActionPage.objects.get(pk=actions["en"].pk)
    result = sign_petition(action, valid_signature_data(), language_code="en")
    assert result.status == "closed"
    assert "__all__" in result.errors
    assert not Signature.objects.filter(email_normalised="ana@example.org").exists()


def test_won_action_no_longer_accepts_signatures(actions):
    action = actions["en"]
    action.status = ActionStatus.WON
    result = sign_petition(action, valid_signature_data(), language_code="en")
    assert result.status == "closed"


def test_action_not_yet_open_rejects_signature(actions):
    action = actions["en"]
    action.opens_at = timezone.now() + datetime.timedelta(days=1)
    result = sign_petition(action, valid_signature_data(), language_code="en")
    assert result.status == "not_open"
    assert result.errors["__all__"]
    assert not action.is_open_for_signing()
    assert action.is_open_for_signing(now=timezone.now() + datetime.timedelta(days=2))


def test_error_messages_are_in_the_language_signed_in(actions):
    """Messages go through gettext in the signer's language (nl, fr), not English."""
    data = valid_signature_data(consent_privacy="")
    expected = "You must accept the privacy notice to sign."
    for code in ("nl", "fr"):
        result = sign_petition(actions[code], data, language_code=code)
        with translation.override(code):
            assert result.errors["consent_privacy"] == [translation.gettext(expected)]


@pytest.mark.parametrize(
    ("code", "data", "field", "expected"),
    [
        (
            "nl",
            {"email": "nope"},
            "email",
            "Vul een geldig e-mailadres in, zoals naam@example.org.",
        ),
        (
            "fr",
            {"email": "nope"},
            "email",
            "Saisissez une adresse e-mail valide, par exemple nom@example.org.",
        ),
    ],
)
def test_signer_reads_errors_in_their_language(actions, code, data, field, expected):
    result = sign_petition(
        actions[code], valid_signature_data(**data), language_code=code
    )
    assert result.errors[field] == [expected]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("nl", "Deze actie is afgesloten: ondertekenen kan niet meer."),
        ("fr", "Cette action est clôturée : il n'est plus possible de signer."),
    ],
)
def test_closed_action_says_so_in_the_signers_language(actions, code, expected):
    UrgentActionPage.objects.filter(
        translation_key=actions["en"].translation_key
    ).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    action = UrgentActionPage.objects.get(pk=actions[code].pk)
    result = sign_petition(action, valid_signature_data(), language_code=code)
    assert result.errors["__all__"] == [expected]


def test_unknown_language_code_falls_back_to_the_page_language(actions):
    result = sign_petition(actions["fr"], valid_signature_data(), language_code="xx")
    assert result.status == "pending"
    assert Signature.objects.get(email_normalised="ana@example.org").locale == "fr"
