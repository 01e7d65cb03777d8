"""Nothing is sent for a publish whose transaction rolls back (a real transaction,
not the test's wrapping one)."""

import pytest
from django.db import transaction

from casepages.models import PrisonerCasePage
from ngo_cms.webhooks.models import Event, Webhook, WebhookDelivery


class Boom(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_publish_sends_nothing_and_a_committed_one_does(
    reload_demo, receiver
):
    Webhook.objects.create(
        name="Front end", url=receiver.url, events=[Event.PAGE_PUBLISHED]
    )
    page = PrisonerCasePage.objects.get(
        slug="ahmadreza-djalali", locale__language_code="en"
    )

    with pytest.raises(Boom), transaction.atomic():
        page.save_revision().publish()
        assert WebhookDelivery.objects.count() == 1  # stored with the publish...
        raise Boom

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()  # ...and rolled back with it

    page.refresh_from_db()
    with transaction.atomic():
        page.save_revision().publish()
    assert [r.payload["object"]["id"] for r in receiver.requests] == [page.pk]
    assert WebhookDelivery.objects.get().status == "succeeded"
