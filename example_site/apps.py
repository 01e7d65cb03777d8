from django.apps import AppConfig


class ExampleSiteConfig(AppConfig):
    """The example site as an app, for its ``load_demo`` command."""

    name = "example_site"
    verbose_name = "Example site"
