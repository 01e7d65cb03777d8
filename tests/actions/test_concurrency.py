"""Many people signing at once: one row per address, no error (PostgreSQL only)."""

import threading
import uuid
from collections import Counter

import pytest
from django.db import connection

from actions.models import Signature, UrgentActionPage
from actions.signing import sign_petition
from tests.factories.actions import valid_signature_data

THREADS = 12


def in_own_connection(work) -> None:
    """Run ``work`` in a thread, on its own connection (autocommit), and wait."""

    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)


@pytest.mark.requires_postgres
@pytest.mark.django_db
def test_concurrent_signers_are_counted_exactly_and_duplicates_once():
    """The signers' threads commit on their own connections, which the test's
    transaction sees (read committed); their rows are deleted at the end, so the
    test needs no flush of the database (which would take the demo with it)."""
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
    stored = Counter(
        Signature.objects.filter(email_normalised__contains=run).values_list(
            "email_normalised", flat=True
        )
    )
    in_own_connection(
        lambda: Signature.objects.filter(email_normalised__contains=run).delete()
    )
    assert errors == []
    assert results == ["pending"] * THREADS
    # Nine rows, one per address however it was written; pending, so none counts.
    assert sum(stored.values()) == 9
    assert stored[f"twice-{run}@example.org"] == 1
    assert action.signature_count == before
