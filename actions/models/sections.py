"""The section pages that list urgent actions and rallies in one language."""

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ngo_cms.models import SectionIndexPage


class ActionIndexPage(SectionIndexPage):
    """The list of urgent actions in one language (e.g. /en/actions/)."""

    subpage_types: list[str] = ["actions.UrgentActionPage"]

    class Meta:
        verbose_name = _("action index page")
        verbose_name_plural = _("action index pages")


class RallyIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of rallies in one language (e.g. /en/rallies/, /fr/rassemblements/).

    Lists upcoming rallies first (soonest first), then past ones; ``ical/`` below it
    is a calendar feed of the upcoming rallies in this language.
    """

    subpage_types: list[str] = ["actions.RallyPage"]

    class Meta:
        verbose_name = _("rally index page")
        verbose_name_plural = _("rally index pages")

    def get_listing(self) -> models.QuerySet:
        """Upcoming rallies of this locale, soonest first (past ones are separate)."""
        from .rallies import upcoming_rallies

        return upcoming_rallies(self.locale).child_of(self)

    def get_context(self, request, *args, **kwargs) -> dict:
        from .rallies import past_rallies

        context = super().get_context(request, *args, **kwargs)
        context["past_rallies"] = past_rallies(self.locale).child_of(self)
        context["webcal_url"] = self.webcal_url(request)
        return context

    def webcal_url(self, request: HttpRequest) -> str:
        """The feed's address for calendar apps (``webcal:``), which subscribe to
        it rather than import it once."""
        return "webcal://" + request.get_host() + self.ical_url

    @property
    def ical_url(self) -> str:
        """The address of the feed of upcoming rallies (.ics)."""
        return (self.url or "") + self.reverse_subpage("ical")

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("ical/", name="ical")
    def ical_feed(self, request: HttpRequest) -> HttpResponse:
        """The upcoming rallies of this locale as one iCalendar file."""
        from actions.ical import calendar_response

        rallies = list(self.get_listing())
        return calendar_response(
            request,
            rallies,
            language_code=self.locale.language_code,
            filename=f"{self.slug}.ics",
        )
