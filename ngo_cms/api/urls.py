"""The API router, mounted at ``/api/v1/`` (outside ``i18n_patterns``).

It names no domain app: each app registers its URLconf, page types and endpoints in
its ``AppConfig.ready()`` (``ngo_cms.api.registry``), and the router includes the
registered URLconfs.
"""

from django.urls import include, path, re_path

from . import views
from .registry import registered_url_modules

app_name = "api"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("locales/", views.LocaleListView.as_view(), name="locales"),
    path("resolve/", views.ResolveView.as_view(), name="resolve"),
    path("preview/", views.PreviewView.as_view(), name="preview"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("<str:locale>/navigation/", views.NavigationView.as_view(), name="navigation"),
    *[path("", include(module)) for module in registered_url_modules()],
    re_path(r"^.*$", views.NotFoundView.as_view(), name="not-found"),
]
