"""The actions and rallies endpoints and page types, registered with the API from
``ActionsConfig.ready()``."""

from ngo_cms.api.registry import register_endpoint, register_page_type, register_urls


def register() -> None:
    from actions.models import (
        ActionIndexPage,
        RallyIndexPage,
        RallyPage,
        UrgentActionPage,
    )
    from ngo_cms.api.serializers import IntroPageSerializer

    from .serializers import ActionDetailSerializer, RallyDetailSerializer

    register_urls("actions.api.urls")
    register_page_type(
        UrgentActionPage, ActionDetailSerializer, route="api:actions-detail"
    )
    register_page_type(RallyPage, RallyDetailSerializer, route="api:rallies-detail")
    register_page_type(
        ActionIndexPage,
        IntroPageSerializer,
        route="api:actions-list",
        route_has_slug=False,
    )
    register_page_type(
        RallyIndexPage,
        IntroPageSerializer,
        route="api:rallies-list",
        route_has_slug=False,
    )
    register_endpoint("actions", "api:actions-list")
    register_endpoint("rallies", "api:rallies-list")
    register_endpoint("rallies_ical", "api:rallies-feed")
