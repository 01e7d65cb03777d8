"""Urgent actions: a petition with its letter, and the signatures it collects."""

from __future__ import annotations

import datetime
import html
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower, Trim
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from actions.choices import ActionStatus
from ngo_cms.api.preview import HeadlessPreviewPageMixin
from ngo_cms.blocks import BodyBlock
from ngo_cms.forms import SameLocaleChoicesPageForm
from ngo_cms.models import PAGE_TRANSLATABLE_FIELDS
from ngo_cms.visibility import is_visible

# The letter ends with this placeholder; it stands for the signer's name and is
# the same in every language so that translators leave it alone.
SIGNER_NAME_PLACEHOLDER = "[name]"
CASE_PAGE_TYPE = "casepages.PrisonerCasePage"


def normalise_email(email: str) -> str:
    """The form of an address that decides whether it already signed.

    Trimmed and lower-cased: "  Ana@Example.org " and "ana@example.org" are one
    signer. (The local part is case-sensitive in theory, never in practice.)
    """
    return email.strip().lower()


class UrgentActionPageForm(SameLocaleChoicesPageForm):
    """The urgent action edit form: themes are offered in the page's language only."""

    same_locale_fields = ("themes",)


class UrgentActionPage(HeadlessPreviewPageMixin, RoutablePageMixin, Page):
    """A petition to a named official, with the letter that signers put their name to.

    One campaign, many languages: the English page and its Dutch and French
    translations share a ``translation_key``, and signatures are keyed on it, so the
    count is the same number in every language. Dates, status, goal and the
    addressee's name and address are synchronised from the source and cannot be
    overridden by a translation.
    """

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_(
            "One or two sentences for lists and social media: who is at risk and what "
            "you ask."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Why this action matters: the people at risk and the background."),
    )
    addressee_name = models.CharField(
        _("addressee's name"),
        max_length=200,
        help_text=_("The official the letter is addressed to, e.g. “Jane Doe”."),
    )
    addressee_title = models.CharField(
        _("addressee's title"),
        max_length=200,
        blank=True,
        help_text=_("Their function, e.g. “Head of the judiciary”."),
    )
    addressee_address = models.TextField(
        _("addressee's postal address"),
        blank=True,
        help_text=_("One line per line of the envelope."),
    )
    letter = RichTextField(
        _("letter"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "The letter every signer sends. End it with [name]: it is replaced by the "
            "signer's name. Keep [name] as it is in every language."
        ),
    )
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("Signing starts at this moment. Leave empty to start at once."),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_(
            "The deadline: signing stops at this moment. Leave empty for none."
        ),
    )
    signature_goal = models.PositiveIntegerField(
        _("signature goal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many signatures you aim for, counted over all languages."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
        help_text=_(
            "Only open actions accept signatures. Set “won” when the demand was met."
        ),
    )
    share_text = models.CharField(
        _("share text"),
        max_length=280,
        blank=True,
        help_text=_("Suggested text for people who share the action on social media."),
    )
    themes = ParentalManyToManyField(
        "casepages.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="urgent_actions",
        help_text=_("Choose the themes in the source language."),
    )

    base_form_class = UrgentActionPageForm
    parent_page_types = ["actions.ActionIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("share_text"),
    ]
    petition_panels = [
        MultiFieldPanel(
            [
                FieldPanel("addressee_name"),
                FieldPanel("addressee_title"),
                FieldPanel("addressee_address"),
            ],
            heading=_("Addressee"),
        ),
        FieldPanel("letter"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("status"),
                FieldPanel("signature_goal"),
            ],
            heading=_("Signing"),
        ),
    ]
    links_panels = [
        InlinePanel("related_cases", heading=_("Related cases"), label=_("case")),
        FieldPanel("themes"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(petition_panels, heading=_("Petition")),
            ObjectList(links_panels, heading=_("Links")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("addressee_name"),
        index.FilterField("status"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        # Content
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("share_text"),
        # Petition: the addressee and the deadline are facts, the letter is prose.
        SynchronizedField("addressee_name", overridable=False),
        TranslatableField("addressee_title"),
        SynchronizedField("addressee_address", overridable=False),
        TranslatableField("letter"),
        SynchronizedField("opens_at", overridable=False),
        SynchronizedField("closes_at", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("signature_goal", overridable=False),
        # Links
        SynchronizedField("related_cases", overridable=False),
        SynchronizedField("themes", overridable=False),
    ]

    class Meta:
        verbose_name = _("urgent action")
        verbose_name_plural = _("urgent actions")

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The deadline must come after the opening.")}
            )

    @property
    def signature_count(self) -> int:
        """Confirmed signatures of this campaign in every language together.

        Pending signatures (not confirmed from the mailed link yet) never count:
        otherwise the count would tell whether an address someone just tried had
        signed before.
        """
        return Signature.objects.confirmed(self.translation_key).count()

    @property
    def goal_percentage(self) -> int | None:
        """How far the count is towards the goal, 0-100, or None without a goal."""
        if not self.signature_goal:
            return None
        return min(100, self.signature_count * 100 // self.signature_goal)

    def signing_state(self, now: datetime.datetime | None = None) -> str:
        """ "open", "not_open" (before ``opens_at``) or "closed" (any other reason)."""
        now = now or timezone.now()
        if self.status != ActionStatus.OPEN:
            return "closed"
        if self.opens_at and now < self.opens_at:
            return "not_open"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def is_open_for_signing(self, now: datetime.datetime | None = None) -> bool:
        """Whether a signature given at ``now`` (default: this moment) counts."""
        return self.signing_state(now) == "open"

    def letter_for(self, signer_name: str) -> str:
        """The letter as HTML with ``[name]`` replaced by the (escaped) signer name."""
        return self.letter.replace(SIGNER_NAME_PLACEHOLDER, html.escape(signer_name))

    def get_related_cases(self) -> list[Page]:
        """The live related case pages, in this page's language where translated."""
        return _pages_in_locale(
            [item.page for item in self.related_cases.all()], self.locale
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        """The page's context, with the empty signing form (rendered from
        :class:`actions.forms.SignatureForm`, the same class that validates)."""
        from actions.forms import SignatureForm

        context = super().get_context(request, *args, **kwargs)
        context["signature_form"] = SignatureForm.for_page()
        return context

    @property
    def sign_url(self) -> str:
        """The address the no-JavaScript signing form posts to."""
        return (self.url or "") + self.reverse_subpage("sign")

    def confirm_url(self, token: str) -> str:
        """The address of the page that confirms the signature behind ``token``."""
        return (self.url or "") + self.reverse_subpage("confirm", args=[token])

    @path("")
    def action_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("sign/", name="sign")
    def sign_route(self, request: HttpRequest) -> HttpResponse:
        """The no-JavaScript signing form posts here; GET shows the page."""
        from actions.views import sign_form

        return sign_form(self, request)

    @path("confirm/<str:token>/", name="confirm")
    def confirm_route(self, request: HttpRequest, token: str) -> HttpResponse:
        """The link in the confirmation mail: GET asks, POST confirms.

        A GET never confirms: mail scanners and link previews open links, and a
        signature must only count when its owner pressed the button.
        """
        from actions.views import confirm_page

        return confirm_page(self, request, token)


def _pages_in_locale(pages: list[Page], locale: Any) -> list[Page]:
    """Each page's translation in ``locale`` when readers may see it, else the page
    itself when they may (:mod:`ngo_cms.visibility`)."""
    result = []
    for page in pages:
        if page is None:
            continue
        translated = page.get_translation_or_none(locale)
        chosen = translated if is_visible(translated) else page
        if is_visible(chosen):
            result.append(chosen.specific)
    return result


class RelatedCase(Orderable):
    """Base of the links from an action or a rally to the prisoner cases it is about.

    The case is chosen in the source language; pages show its translation in theirs.
    Subclasses add the ``ParentalKey`` to their page, with ``related_name`` set to
    ``"related_cases"``.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type=CASE_PAGE_TYPE)]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("related case")
        verbose_name_plural = _("related cases")


class ActionRelatedCase(RelatedCase):
    """A prisoner case that an urgent action is about."""

    action = ParentalKey(
        UrgentActionPage, on_delete=models.CASCADE, related_name="related_cases"
    )

    class Meta(RelatedCase.Meta):
        pass


class SignatureQuerySet(models.QuerySet):
    """Signatures by status: pending until the owner confirms from the mailed link."""

    def confirmed(self, translation_key: Any = None) -> SignatureQuerySet:
        """Signatures that count (of one campaign if ``translation_key`` is given)."""
        queryset = self.filter(confirmed_at__isnull=False)
        if translation_key is not None:
            queryset = queryset.filter(translation_key=translation_key)
        return queryset

    def pending(self) -> SignatureQuerySet:
        """Signatures whose owner has not confirmed yet; they never count."""
        return self.filter(confirmed_at__isnull=True)


class Signature(models.Model):
    """One person's signature on an urgent action, in whichever language they signed.

    Keyed on the campaign's ``translation_key`` (shared by all translations of the
    action), not on one page. One address signs a campaign once: the database
    computes the trimmed, lower-cased address itself (``email_normalised``) and
    enforces its uniqueness. No IP address is stored.

    A signature is pending (``confirmed_at`` empty) until its owner follows the
    link mailed to the address (double opt-in); only confirmed signatures count,
    and ``purge_signatures`` deletes pending ones after ``SIGNING_PENDING_DAYS``.
    """

    translation_key = models.UUIDField(_("campaign"), db_index=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    # Computed by the database, not in save(): bulk_create, update() and raw SQL
    # cannot bypass it, so the unique constraint below really is case-insensitive
    # and whitespace-trimmed.
    email_normalised = models.GeneratedField(
        expression=Lower(Trim("email")),
        output_field=models.CharField(max_length=254),
        db_persist=True,
    )
    country = CountryField(_("country"))
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    locale = models.CharField(
        _("language"),
        max_length=8,
        help_text=_("The language of the page the person signed on."),
    )
    consent_privacy = models.BooleanField(_("accepted the privacy notice"))
    consent_contact = models.BooleanField(_("may be contacted"), default=False)
    created_at = models.DateTimeField(
        _("signed at"), default=timezone.now, db_index=True, editable=False
    )
    confirmed_at = models.DateTimeField(
        _("confirmed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the signer confirmed from the mailed link; empty: pending."),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        permissions = [
            ("view_signature_report", _("Can see signature reports and export them")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "email_normalised"],
                name="unique_signature_email_per_campaign",
            ),
            models.CheckConstraint(
                condition=models.Q(consent_privacy=True),
                name="signature_requires_privacy_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True)
                | models.Q(confirmed_at__gte=models.F("created_at")),
                name="signature_confirmed_after_signed",
            ),
        ]
        indexes = [
            # The count everybody reads: confirmed signatures of one campaign.
            models.Index(
                fields=["translation_key"],
                condition=models.Q(confirmed_at__isnull=False),
                name="signature_confirmed_campaign",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_confirmed(self) -> bool:
        """Whether the signature counts."""
        return self.confirmed_at is not None
