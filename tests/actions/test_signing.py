"""Signing a petition: validation, honeypot, duplicates, deadlines, translations."""

import datetime

import pytest
from django.utils import timezone, translation

from actions.choices import ActionStatus
from actions.models import Signature, UrgentActionPage
from actions.signing import sign_petition
from tests.factories.actions import valid_signature_data

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


def test_valid_signature_is_stored_with_the_language_signed_in(actions):
    before = actions["nl"].signature_count
    result = sign_petition(actions["nl"], valid_signature_data(), language_code="nl")
    assert result.status == "signed"
    assert result.errors == {}
    assert result.signature_count == before + 1
    signature = Signature.objects.get(email_normalised="ana@example.org")
    assert signature.locale == "nl"
    assert signature.translation_key == actions["en"].translation_key
    assert signature.consent_privacy is True
    assert not hasattr(signature, "ip_address")


def test_signature_count_is_the_same_in_every_language(actions):
    sign_petition(actions["fr"], valid_signature_data(), language_code="fr")
    sign_petition(
        actions["en"], valid_signature_data(email="bo@example.org"), language_code="en"
    )
    counts = {code: page.signature_count for code, page in actions.items()}
    assert len(set(counts.values())) == 1


def test_same_email_differently_written_signs_once_and_gets_the_same_answer(actions):
    first = sign_petition(actions["en"], valid_signature_data(), language_code="en")
    again = sign_petition(
        actions["fr"],
        valid_signature_data(email="  ANA@Example.ORG ", first_name="Other"),
        language_code="fr",
    )
    assert first.status == again.status == "signed"
    assert again.errors == {}
    # The answer looks like a new signer's, count included, but nothing is stored.
    assert again.signature_count == first.signature_count + 1
    assert actions["en"].signature_count == first.signature_count
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
    assert result.signature_count == actions["en"].signature_count + 1


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
    assert result.status == "signed"
    assert Signature.objects.get(email_normalised="ana@example.org").locale == "fr"
