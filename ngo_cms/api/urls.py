"""The API router, mounted at ``/api/v1/`` (outside ``i18n_patterns``).

The only module of ``ngo_cms.api`` that imports the domain apps: including their
``api.urls`` also registers their page types and endpoints.
"""

from django.urls import include, path, re_path

from . import views
from .registry import register_endpoint, register_page_type
from .serializers import IntroPageSerializer

app_name = "api"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("locales/", views.LocaleListView.as_view(), name="locales"),
    path("resolve/", views.ResolveView.as_view(), name="resolve"),
    path("preview/", views.PreviewView.as_view(), name="preview"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("<str:locale>/navigation/", views.NavigationView.as_view(), name="navigation"),
    path("", include("casepages.api.urls")),
    path("", include("actions.api.urls")),
    re_path(r"^.*$", views.NotFoundView.as_view(), name="not-found"),
]


def _register() -> None:
    from wagtail.models import Page

    from ngo_cms.models import HomePage, SectionIndexPage

    register_page_type(HomePage, IntroPageSerializer)
    register_page_type(SectionIndexPage, IntroPageSerializer)
    del Page
    register_endpoint("locales", "api:locales", takes_locale=False)
    register_endpoint("navigation", "api:navigation")
    register_endpoint("resolve", "api:resolve", takes_locale=False)
    register_endpoint("preview", "api:preview", takes_locale=False)
    register_endpoint("schema", "api:schema", takes_locale=False)
    register_endpoint("docs", "api:docs", takes_locale=False)


_register()
