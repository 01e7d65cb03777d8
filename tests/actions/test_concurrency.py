"""Many people signing at once: one row per address, no error (PostgreSQL only)."""

import threading
import uuid

import pytest
from django.db import connection

from actions.models import Signature, UrgentActionPage
from actions.signing import sign_petition
from tests.factories.actions import valid_signature_data

THREADS = 12


@pytest.mark.requires_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_signers_are_counted_exactly_and_duplicates_once(reload_demo):
    action = UrgentActionPage.objects.filter(
        slug="iran-stop-executing-protesters"
    ).first()
    assert action is not None, "the demo action is missing"
    before = action.signature_count
    run = uuid.uuid4().hex[:8]
    # 12 threads: 8 distinct signers, and 4 that all use one address.
    emails = [f"c{run}-{i}@example.org" for i in range(8)]
    emails += [f"Twice-{run}@Example.org"] * 2 + [f" twice-{run}@example.org"] * 2
    barrier = threading.Barrier(THREADS)
    results: list[str] = []
    errors: list[BaseException] = []

    def sign(email: str) -> None:
        try:
            page = UrgentActionPage.objects.get(pk=action.pk)
            barrier.wait(timeout=30)
            result = sign_petition(
                page, valid_signature_data(email=email), language_code="nl"
            )
            results.append(result.status)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert results == ["pending"] * THREADS
    # Stored as pending: nine rows, none counted until confirmed.
    assert Signature.objects.filter(email_normalised__contains=run).count() == 9
    assert action.signature_count == before
    twice = Signature.objects.filter(email_normalised=f"twice-{run}@example.org")
    assert twice.count() == 1
