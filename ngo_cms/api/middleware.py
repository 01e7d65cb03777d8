"""LocaleMiddleware that leaves the API alone.

Django's LocaleMiddleware activates the visitor's language and, because the public
pages use ``i18n_patterns`` with a prefixed default language, turns any 404 whose
path would be valid under ``/en/`` into a redirect. Wagtail's catch-all page route
makes every path valid, so API 404s became redirects to ``/en/api/…``. The API picks
its language from its own URL (see ``ngo_cms.api.views.ApiViewMixin``) and its 404s
stay JSON 404s.
"""

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware

API_PREFIX = "/api/"


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware everywhere except under ``/api/``."""

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(API_PREFIX):
            return
        super().process_request(request)

    def process_response(
        self, request: HttpRequest, response: HttpResponse
    ) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
