"""Urgent action and signature models: campaign keys, constraints, tree rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from actions.models import (
    ActionIndexPage,
    RallyIndexPage,
    RallyPage,
    Signature,
    UrgentActionPage,
)
from ngo_cms.models import HomePage
from tests.factories.actions import SignatureFactory, UrgentActionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action() -> UrgentActionPage:
    return UrgentActionPage.objects.get(
        locale__language_code="en", slug="iran-stop-executing-protesters"
    )


def test_database_refuses_a_second_signature_with_the_same_normalised_email(action):
    SignatureFactory(translation_key=action.translation_key, email="dup@example.org")
    duplicate = Signature(
        translation_key=action.translation_key,
        first_name="X",
        last_name="Y",
        email=" DUP@Example.org ",
        country="BE",
        locale="fr",
        consent_privacy=True,
    )
    # bulk_create skips save(), and nothing here normalises the address in Python:
    # only the database's generated column and unique constraint stop it.
    with pytest.raises(IntegrityError), transaction.atomic():
        Signature.objects.bulk_create([duplicate])


def test_database_normalises_an_address_changed_by_update(action):
    signature = SignatureFactory(
        translation_key=action.translation_key, email="old@example.org"
    )
    Signature.objects.filter(pk=signature.pk).update(email=" New@Example.ORG")
    signature.refresh_from_db()
    assert signature.email_normalised == "new@example.org"


def test_database_refuses_a_signature_without_privacy_consent(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Signature.objects.bulk_create(
            [
                Signature(
                    translation_key=action.translation_key,
                    first_name="X",
                    last_name="Y",
                    email="x@example.org",
                    country="BE",
                    locale="en",
                    consent_privacy=False,
                )
            ]
        )


def test_saving_a_signature_normalises_its_email(action):
    signature = SignatureFactory(
        translation_key=action.translation_key, email="  Mixed@Example.ORG "
    )
    assert signature.email_normalised == "mixed@example.org"


def test_same_email_may_sign_two_different_actions(action):
    other = UrgentActionPageFactory(parent=action.get_parent())
    SignatureFactory(translation_key=action.translation_key, email="a@example.org")
    SignatureFactory(translation_key=other.translation_key, email="a@example.org")
    assert other.signature_count == 1


def test_signature_count_counts_over_the_translation_key(action):
    before = action.signature_count
    SignatureFactory(translation_key=action.translation_key, locale="nl")
    SignatureFactory(translation_key=action.translation_key, locale="fr")
    for page in UrgentActionPage.objects.filter(translation_key=action.translation_key):
        assert page.signature_count == before + 2


def test_deadline_before_opening_is_refused(action):
    action.opens_at = timezone.now()
    action.closes_at = action.opens_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "closes_at" in error.value.message_dict


def test_goal_percentage_is_capped_at_one_hundred(action):
    action.signature_goal = 1
    assert action.goal_percentage == 100


def test_letter_for_puts_the_escaped_signer_name_in_place(action):
    letter = action.letter_for("Ana <b>")
    assert "Ana &lt;b&gt;" in letter
    assert "[name]" not in letter


def test_page_types_live_only_in_their_sections():
    assert UrgentActionPage.can_exist_under(ActionIndexPage())
    assert not UrgentActionPage.can_exist_under(RallyIndexPage())
    assert RallyPage.can_exist_under(RallyIndexPage())
    assert not RallyPage.can_exist_under(HomePage())


def test_translatable_fields_synchronise_facts_and_translate_prose():
    fields = {field.field_name: field for field in UrgentActionPage.translatable_fields}
    for name in ("closes_at", "opens_at", "status", "signature_goal", "related_cases"):
        assert fields[name].is_synchronized(None)
        assert not fields[name].is_overridable(None)
    for name in ("summary", "letter", "body", "share_text"):
        assert fields[name].is_translated(None)


def test_translation_shares_the_deadline_and_status_of_the_source(action):
    for page in UrgentActionPage.objects.filter(translation_key=action.translation_key):
        assert page.closes_at == action.closes_at
        assert page.status == action.status
        assert page.addressee_name == "Gholamhossein Mohseni Ejei"
