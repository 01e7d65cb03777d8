"""The cases endpoints and page types, registered with the API from
``CasePagesConfig.ready()``."""

from ngo_cms.api.registry import register_endpoint, register_page_type, register_urls


def register() -> None:
    from casepages.models import CaseIndexPage, PrisonerCasePage
    from ngo_cms.api.serializers import IntroPageSerializer

    from .serializers import CaseDetailSerializer

    register_urls("casepages.api.urls")
    register_page_type(PrisonerCasePage, CaseDetailSerializer, route="api:cases-detail")
    register_page_type(
        CaseIndexPage, IntroPageSerializer, route="api:cases-list", route_has_slug=False
    )
    register_endpoint("cases", "api:cases-list")
