"""The home page, the base of every section index page, and shared page helpers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ngo_cms.api.preview import HeadlessPreviewPageMixin
from ngo_cms.visibility import visible

# Section page types that domain apps register (casepages.CaseIndexPage, ...): the
# core names no domain app. Mutated in place, before Wagtail first reads it.
SECTION_PAGE_TYPES: list[str] = []
HOME_PAGE_TYPES: list[str] = ["ngo_cms.HomePage"]


def register_section_page_type(model_string: str) -> None:
    """Allow ``model_string`` (``"app_label.ModelName"``) under the home pages.

    Call it from the app's ``AppConfig.ready()``.
    """
    if model_string not in SECTION_PAGE_TYPES:
        SECTION_PAGE_TYPES.append(model_string)


def register_home_page_types(model_strings: list[str]) -> None:
    """Let sections live under the host's own home page types too."""
    for model_string in model_strings:
        if model_string not in HOME_PAGE_TYPES:
            HOME_PAGE_TYPES.append(model_string)


# What every page type translates: the title, its slug (so that /nl/zaken/ and
# /fr/affaires/ read naturally) and the search-engine fields of the Promote tab.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class HomePage(HeadlessPreviewPageMixin, Page):
    """The root of one language's site: a welcome text that front ends show first.

    There is one home page per locale, all translations of each other; sections
    (cases, actions, rallies) hang under it.
    """

    # Named, so that it does not clash with the `home.HomePage` of a project
    # started with `wagtail start` (both would claim `Page.homepage`).
    page_ptr = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        parent_link=True,
        related_name="ngo_cms_homepage",
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that tell a first-time visitor what you do."),
    )

    parent_page_types = ["wagtailcore.Page"]
    # Filled by each domain app's AppConfig.ready() (register_section_page_type).
    subpage_types: list[str] = SECTION_PAGE_TYPES

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        """One home page per locale under a parent, rather than Wagtail's
        ``max_count_per_parent``, which would forbid the second language."""
        if not super().can_create_at(parent):
            return False
        taken = cls.objects.child_of(parent).values("locale").distinct().count()
        return taken < Locale.objects.count()

    def get_sections(self) -> models.QuerySet:
        """The section pages under this home page that readers may see."""
        return visible(self.get_children()).specific()


class SectionIndexPage(HeadlessPreviewPageMixin, Page):
    """Base of the pages that list one kind of content (cases, actions, rallies).

    Each domain app subclasses it once; there is one section page per home page and
    it lives directly under the home page.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of pages in this section."),
    )

    # The home page types a section may live under: ours, plus any the host
    # names in NGO_CMS_HOME_PAGE_TYPES (e.g. the "home.HomePage" of `wagtail start`).
    parent_page_types = HOME_PAGE_TYPES
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
    ]

    class Meta:
        abstract = True

    def get_listing(self) -> models.QuerySet:
        """The child pages readers may see (:mod:`ngo_cms.visibility`), newest first."""
        return visible(self.get_children()).specific().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.get_listing()
        return context


# The translators' teams and assignments live in their own module.
from ngo_cms.translation_models import (  # noqa: E402, F401
    TranslationAssignment,
    TranslationReviewTask,
    TranslationTeam,
)
