"""What the core registers with the API: its page types and its own endpoints.

Called from ``NgoCmsConfig.ready()``, before the apps register theirs.
"""

from .registry import register_endpoint, register_page_type


def register() -> None:
    from ngo_cms.models import HomePage, SectionIndexPage

    from .serializers import IntroPageSerializer

    register_page_type(HomePage, IntroPageSerializer)
    register_page_type(SectionIndexPage, IntroPageSerializer)
    register_endpoint("locales", "api:locales", takes_locale=False)
    register_endpoint("navigation", "api:navigation")
    register_endpoint("resolve", "api:resolve", takes_locale=False)
    register_endpoint("preview", "api:preview", takes_locale=False)
    register_endpoint("schema", "api:schema", takes_locale=False)
    register_endpoint("docs", "api:docs", takes_locale=False)
