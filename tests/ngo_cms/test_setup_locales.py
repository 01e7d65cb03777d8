"""``setup_locales`` adds what a host site lacks and nothing else, however often."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

pytestmark = pytest.mark.django_db

GERMAN = [("en", "English"), ("nl", "Dutch"), ("fr", "French"), ("de", "German")]


@pytest.fixture
def with_german(settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = GERMAN
    yield
    # Wagtail caches the sites' root paths (with their translations); the
    # rollback does not reach the cache.
    cache.clear()


def test_a_new_content_language_gets_its_locale_and_a_translated_home_page(
    with_german, django_capture_on_commit_callbacks
):
    home = Site.objects.get(is_default_site=True).root_page
    others = set(
        Page.objects.exclude(translation_key=home.translation_key).values_list(
            "pk", "title", "live", "locale_id"
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("setup_locales", stdout=StringIO())
    german = Locale.objects.get(language_code="de")
    assert home.get_translation(german).title == home.title
    assert (
        set(
            Page.objects.exclude(translation_key=home.translation_key).values_list(
                "pk", "title", "live", "locale_id"
            )
        )
        == others
    )


def test_running_setup_locales_again_changes_nothing(
    with_german, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("setup_locales", stdout=StringIO())
    pages = Page.objects.count()
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("setup_locales", stdout=output)
    assert Page.objects.count() == pages
    assert output.getvalue() == ""


def test_the_home_page_of_every_locale_can_be_added_under_the_root(locales):
    from ngo_cms.models import HomePage

    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)  # en, nl and fr each have theirs
    Locale.objects.create(language_code="de")
    assert HomePage.can_create_at(root)
