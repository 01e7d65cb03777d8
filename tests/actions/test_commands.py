"""Management commands: erase one signer, purge old signatures."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from actions.models import Signature, UrgentActionPage
from tests.factories.actions import SignatureFactory, UrgentActionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action() -> UrgentActionPage:
    return UrgentActionPage.objects.get(
        locale__language_code="en", slug="iran-stop-executing-protesters"
    )


def test_erase_signer_erases_every_signature_of_one_address(action):
    other = UrgentActionPageFactory(parent=action.get_parent())
    SignatureFactory(translation_key=action.translation_key, email="gone@example.org")
    SignatureFactory(translation_key=other.translation_key, email="Gone@Example.org")
    keep = SignatureFactory(
        translation_key=action.translation_key, email="k@example.org"
    )
    out = StringIO()
    call_command("erase_signer", stdin=StringIO(" GONE@example.org "), stdout=out)
    assert "Erased 2 signature(s)" in out.getvalue()
    assert "gone@" not in out.getvalue().lower()
    assert not Signature.objects.filter(email_normalised="gone@example.org").exists()
    assert Signature.objects.filter(pk=keep.pk).exists()


def test_erase_signer_does_not_echo_other_personal_data(action):
    SignatureFactory(
        translation_key=action.translation_key,
        email="who@example.org",
        first_name="Secretfirst",
        last_name="Secretlast",
    )
    out = StringIO()
    call_command("erase_signer", stdin=StringIO("who@example.org"), stdout=out)
    assert "Secret" not in out.getvalue()


def test_erase_signer_dry_run_keeps_the_signatures(action):
    SignatureFactory(translation_key=action.translation_key, email="dry@example.org")
    out = StringIO()
    call_command(
        "erase_signer", "--dry-run", stdin=StringIO("dry@example.org"), stdout=out
    )
    assert "1 signature(s) would be erased" in out.getvalue()
    assert "dry@example.org" not in out.getvalue()
    assert Signature.objects.filter(email_normalised="dry@example.org").exists()


def test_erase_signer_also_erases_pending_signatures(action):
    pending = SignatureFactory(
        translation_key=action.translation_key,
        email="pending@example.org",
        confirmed_at=None,
    )
    out = StringIO()
    call_command("erase_signer", stdin=StringIO("Pending@example.org\n"), stdout=out)
    assert "Erased 1 signature(s)" in out.getvalue()
    assert not Signature.objects.filter(pk=pending.pk).exists()


def test_erase_signer_takes_no_address_on_the_command_line():
    """argv shows in ``ps`` and shell history: the address comes from stdin only."""
    with pytest.raises(CommandError):
        call_command("erase_signer", "--email", "x@example.org", stdout=StringIO())


def test_erase_signer_needs_a_full_address():
    with pytest.raises(CommandError):
        call_command("erase_signer", stdin=StringIO("nobody"), stdout=StringIO())


@pytest.mark.parametrize("age", ["365d", "365"])
def test_purge_signatures_deletes_only_older_ones(action, age):
    old = SignatureFactory(translation_key=action.translation_key)
    Signature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    recent = SignatureFactory(translation_key=action.translation_key)
    out = StringIO()
    call_command("purge_signatures", "--older-than", age, stdout=out)
    assert "Deleted 1 signature(s)" in out.getvalue()
    assert not Signature.objects.filter(pk=old.pk).exists()
    assert Signature.objects.filter(pk=recent.pk).exists()


@pytest.mark.parametrize("age", ["a year", "0d", "-5"])
def test_purge_signatures_refuses_a_bad_age(age):
    with pytest.raises(CommandError):
        call_command("purge_signatures", "--older-than", age, stdout=StringIO())


def test_purge_signatures_deletes_unconfirmed_signatures_after_the_set_days(
    action, settings
):
    settings.SIGNING_PENDING_DAYS = 7
    now = timezone.now()
    stale = SignatureFactory(
        translation_key=action.translation_key,
        created_at=now - datetime.timedelta(days=8),
        confirmed_at=None,
    )
    fresh = SignatureFactory(
        translation_key=action.translation_key,
        created_at=now - datetime.timedelta(days=6),
        confirmed_at=None,
    )
    confirmed = SignatureFactory(
        translation_key=action.translation_key,
        created_at=now - datetime.timedelta(days=30),
    )
    out = StringIO()
    call_command("purge_signatures", stdout=out)
    assert "Deleted 1 unconfirmed signature(s)" in out.getvalue()
    assert not Signature.objects.filter(pk=stale.pk).exists()
    assert Signature.objects.filter(pk__in=[fresh.pk, confirmed.pk]).count() == 2


def test_purge_signatures_pending_age_can_be_given(action):
    stale = SignatureFactory(
        translation_key=action.translation_key,
        created_at=timezone.now() - datetime.timedelta(days=3),
        confirmed_at=None,
    )
    call_command("purge_signatures", "--pending-older-than", "2d", stdout=StringIO())
    assert not Signature.objects.filter(pk=stale.pk).exists()
