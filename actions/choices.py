"""Fixed vocabularies of the actions app, shared by models, forms and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    """Where an urgent action stands; only an open action accepts signatures."""

    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    WON = "won", _("won")


class RallyStatus(models.TextChoices):
    """Whether a rally is going ahead; mapped to the iCalendar STATUS property."""

    SCHEDULED = "scheduled", _("scheduled")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")
    TOOK_PLACE = "took_place", _("took place")


class SigningStatus(models.TextChoices):
    """The outcome of one attempt to sign a petition (see ``actions.signing``)."""

    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    INVALID = "invalid", _("invalid")
    CLOSED = "closed", _("closed")
    NOT_OPEN = "not_open", _("not open yet")
    DROPPED = "dropped", _("dropped")
