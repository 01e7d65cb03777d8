"""Models of the actions app, re-exported from one module per page type.

``from actions.models import UrgentActionPage, Signature, RallyPage`` is the public
import path; the modules below are an implementation detail:

- ``sections``: the action and rally index pages;
- ``petitions``: urgent actions, their related cases and their signatures;
- ``rallies``: rallies, organisations and the upcoming/past listing helpers.
"""

from .petitions import ActionRelatedCase, Signature, UrgentActionPage
from .rallies import (
    Organisation,
    RallyPage,
    RallyRelatedAction,
    RallyRelatedCase,
    past_rallies,
    upcoming_rallies,
)
from .sections import ActionIndexPage, RallyIndexPage

__all__ = [
    "ActionIndexPage",
    "ActionRelatedCase",
    "Organisation",
    "RallyIndexPage",
    "RallyPage",
    "RallyRelatedAction",
    "RallyRelatedCase",
    "Signature",
    "UrgentActionPage",
    "past_rallies",
    "upcoming_rallies",
]
