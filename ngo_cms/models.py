"""The home page, the base of every section index page, and shared page helpers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ngo_cms.api.preview import HeadlessPreviewPageMixin
from ngo_cms.visibility import visible

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

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that tell a first-time visitor what you do."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "casepages.CaseIndexPage",
        "actions.ActionIndexPage",
        "actions.RallyIndexPage",
    ]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

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

    parent_page_types = ["ngo_cms.HomePage"]
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
