"""Factories for the actions app: urgent actions, signatures, rallies, organisations."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from actions.choices import ActionStatus, RallyStatus
from actions.models import Organisation, RallyPage, Signature, UrgentActionPage


class UrgentActionPageFactory(wagtail_factories.PageFactory):
    """An open urgent action; pass ``parent=`` an ActionIndexPage."""

    title = factory.Sequence(lambda n: f"Urgent action {n}")
    slug = factory.Sequence(lambda n: f"urgent-action-{n}")
    summary = "Ask the authorities to release the people at risk."
    addressee_name = "Jane Official"
    addressee_title = "Minister of Justice"
    addressee_address = "Main Street 1\n1000 Brussels"
    letter = "<p>Dear Minister,</p><p>Please act.</p><p>[name]</p>"
    status = ActionStatus.OPEN
    signature_goal = 100

    class Meta:
        model = UrgentActionPage


class RallyPageFactory(wagtail_factories.PageFactory):
    """A scheduled rally a week from now; pass ``parent=`` a RallyIndexPage."""

    title = factory.Sequence(lambda n: f"Rally {n}")
    slug = factory.Sequence(lambda n: f"rally-{n}")
    summary = "Stand with us."
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    street_address = "Grand-Place 1"
    postcode = "1000"
    city = "Brussels"
    country = "BE"
    status = RallyStatus.SCHEDULED

    class Meta:
        model = RallyPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    website = "https://example.org/"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organisation


class SignatureFactory(factory.django.DjangoModelFactory):
    """A confirmed signature (it counts); pass ``translation_key=action.translation_key``
    and ``confirmed_at=None`` for a pending one."""

    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    country = "BE"
    locale = "en"
    consent_privacy = True
    created_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda o: o.created_at)

    class Meta:
        model = Signature


def valid_signature_data(**overrides: object) -> dict[str, object]:
    """Form data that signs successfully, with ``overrides`` applied."""
    data = {
        "first_name": "Ana",
        "last_name": "Example",
        "email": "ana@example.org",
        "country": "BE",
        "postcode": "1050",
        "consent_privacy": "on",
        "consent_contact": "",
        "website": "",
    }
    data.update(overrides)
    return data
