"""The fixed vocabularies of prisoner cases, shared by the models, blocks and API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    """Where a person's case stands today; front ends style and filter cases by it."""

    AT_RISK = "at_risk", _("at risk")
    DETAINED = "detained", _("detained")
    SENTENCED = "sentenced", _("sentenced")
    SENTENCED_TO_DEATH = "sentenced_to_death", _("sentenced to death")
    RELEASED = "released", _("released")
    EXECUTED = "executed", _("executed")
    DIED_IN_CUSTODY = "died_in_custody", _("died in custody")


class TimelineEventKind(models.TextChoices):
    """What happened at one point of a case's timeline."""

    ARREST = "arrest", _("arrest")
    CHARGE = "charge", _("charge")
    TRIAL = "trial", _("trial")
    SENTENCE = "sentence", _("sentence")
    TRANSFER = "transfer", _("transfer")
    HEALTH = "health", _("health")
    APPEAL = "appeal", _("appeal")
    INTERNATIONAL_RESPONSE = "international_response", _("international response")
    STATEMENT = "statement", _("statement")
    RELEASE = "release", _("release")
    OTHER = "other", _("other")


class DatePrecision(models.TextChoices):
    """How much of a date is known: sources often give only a month or a year.

    The date is stored in full; with month precision its day is the 1st, with year
    precision it is 1 January, and front ends show only the known part.
    """

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
