"""Template helpers of the HTML pages that share the API's visibility rule."""

from django import template
from django.db.models import QuerySet
from wagtail.models import Page

from ngo_cms.visibility import visible_translations

register = template.Library()


@register.simple_tag
def reader_translations(page: Page) -> QuerySet:
    """The other translations of ``page`` that readers may see (the language
    switcher): never a draft, a private page or an untranslated alias."""
    return visible_translations(page, inclusive=False)
