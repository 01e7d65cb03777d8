"""Admin views of the translators' queue: the list, starting a translation,
assigning one, and handing one over for review.

Rights follow ``ngo_cms.translation_roles``: everybody sees the queue of the
languages they work in; a language's team starts its missing translations; its
reviewers (and superusers) assign; whoever may edit a translation hands it to the
language's reviewers.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from ngo_cms.translation_models import TranslationAssignment
from ngo_cms.translation_queue import QueueItem, assignable_users, build_queue
from ngo_cms.translation_roles import (
    can_assign,
    can_start_translation,
    translatable_snippet_models,
    working_languages,
)
from ngo_cms.translation_state import URGENCY, TranslationState, translation_state


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def type_choices() -> list[tuple[str, str]]:
    """Every page type and translatable snippet, by its name."""
    from wagtail.models import get_page_models

    models = [m for m in get_page_models() if m is not Page]
    models += translatable_snippet_models()
    return sorted(
        (
            (f"{m._meta.app_label}.{m._meta.model_name}", str(m._meta.verbose_name))
            for m in models
        ),
        key=lambda choice: choice[1].lower(),
    )


class QueueFilterSet(django_filters.FilterSet):
    """Filters of the queue; they build the form, the view applies them."""

    locale = django_filters.ChoiceFilter(label=gettext_lazy("language"), choices=[])
    type = django_filters.ChoiceFilter(label=gettext_lazy("type"), choices=type_choices)
    state = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("state"),
        choices=[(str(s), s.label) for s in URGENCY],
        widget=forms.CheckboxSelectMultiple,
    )
    mine = django_filters.BooleanFilter(
        label=gettext_lazy("assigned to me"),
        widget=forms.CheckboxInput,
        method="keep",
    )

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Page.objects.none())
        super().__init__(*args, request=request, **kwargs)
        self.filters["locale"].extra["choices"] = [
            (code, language_name(code)) for code in working_languages(request.user)
        ]

    def keep(self, queryset: Any, name: str, value: Any) -> Any:
        return queryset


class StateColumn(Column):
    def get_value(self, instance: QueueItem) -> str:
        return instance.state_text


class DueDateColumn(Column):
    def get_value(self, instance: QueueItem) -> str:
        return date_format(instance.due_date) if instance.due_date else ""


class ChangedColumn(Column):
    def get_value(self, instance: QueueItem) -> str:
        if instance.changed_at is None:
            return instance.changed_by
        when = date_format(instance.changed_at, "SHORT_DATETIME_FORMAT")
        return f"{when}, {instance.changed_by}" if instance.changed_by else when


class ActionsColumn(Column):
    """Links to what the current user may do with the row."""

    cell_template_name = "ngo_cms/admin/translation_queue_actions.html"

    def get_cell_context_data(
        self, instance: QueueItem, parent_context: dict[str, Any]
    ) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        actions = []
        edit_url = instance.edit_url()
        if edit_url:
            actions.append((edit_url, _("Translate")))
        elif can_start_translation(user, instance.language_code):
            actions.append((instance.start_url(), _("Start translation")))
        if instance.is_page and instance.state.state in (
            TranslationState.IN_PROGRESS,
            TranslationState.OUTDATED,
        ):
            actions.append(
                (
                    reverse(
                        "ngo_cms_translation_submit", args=[instance.state.target_id]
                    ),
                    _("Submit for review"),
                )
            )
        if can_assign(user, instance.language_code):
            content_type = ContentType.objects.get_for_model(instance.base_model)
            actions.append(
                (
                    reverse(
                        "ngo_cms_translation_assign",
                        args=[
                            content_type.pk,
                            instance.source_id,
                            instance.language_code,
                        ],
                    ),
                    _("Assign"),
                )
            )
        context["actions"] = actions
        return context


class TranslationQueueView(ReportView):
    """Pages and snippets waiting for translation in the languages the user works
    in: due dates first, nearest first, then the most recent change of the source."""

    page_title = gettext_lazy("Translation queue")
    header_icon = "globe"
    index_url_name = "ngo_cms_translation_queue"
    index_results_url_name = "ngo_cms_translation_queue_results"
    filterset_class = QueueFilterSet
    paginate_by = 50
    verbose_name_plural = gettext_lazy("translations")
    columns = [
        Column("type_label", label=gettext_lazy("type")),
        TitleColumn(
            "title",
            label=gettext_lazy("source"),
            get_url=lambda item: item.action_url(),
        ),
        Column("language_label", label=gettext_lazy("language")),
        StateColumn("state", label=gettext_lazy("state")),
        ChangedColumn("changed_at", label=gettext_lazy("source changed")),
        Column("assignee_name", label=gettext_lazy("assigned to")),
        DueDateColumn("due_date", label=gettext_lazy("due date")),
        ActionsColumn("actions", label=gettext_lazy("actions")),
    ]
    list_export = [
        "type_label",
        "title",
        "language_code",
        "state_name",
        "changed_at",
        "changed_by",
        "assignee_name",
        "due_date",
    ]

    def get_queryset(self) -> list[QueueItem]:
        filters = (
            self.filters.form.cleaned_data
            if self.filters and self.filters.is_valid()
            else {}
        )
        languages = working_languages(self.request.user)
        if filters.get("locale"):
            languages = [filters["locale"]]
        items = build_queue(
            languages,
            states=filters.get("state") or None,
            type_keys=[filters["type"]] if filters.get("type") else None,
            assignee=self.request.user if filters.get("mine") else None,
        )
        return items

    def filter_queryset(self, queryset: Any) -> Any:
        return queryset  # applied by build_queue


class TranslationQueueResultsView(TranslationQueueView):
    results_only = True


# --- Forms --------------------------------------------------------------------------
class AdminFormView(WagtailAdminTemplateMixin, FormView):
    template_name = "ngo_cms/admin/translation_form.html"
    header_icon = "globe"
    submit_button_label = gettext_lazy("Save")
    intro = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.get_full_path()
        context["submit_button_label"] = self.submit_button_label
        context["intro"] = self.intro
        return context


def _source(content_type_id: int, source_id: int) -> tuple[type, Any]:
    """The base model and the source object of a queue row (404 when unknown)."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    base = content_type.model_class()
    if base is not Page and base not in translatable_snippet_models():
        raise Http404
    obj = get_object_or_404(base, pk=source_id)
    return base, obj.specific if isinstance(obj, Page) else obj


def _locale(code: str) -> Locale:
    if code == settings.LANGUAGE_CODE:
        raise Http404
    return get_object_or_404(Locale, language_code=code)


class StartTranslationView(AdminFormView):
    """Start a missing translation (wagtail-localize's "Translate" for one language),
    then open it in the translation editor."""

    form_class = forms.Form
    submit_button_label = gettext_lazy("Start translation")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.base, self.source = _source(kwargs["content_type_id"], kwargs["source_id"])
        self.locale = _locale(kwargs["language_code"])
        if not can_start_translation(request.user, self.locale.language_code):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Translate “%(title)s” into %(language)s") % {
            "title": self.source,
            "language": language_name(self.locale.language_code),
        }

    @cached_property
    def intro(self) -> str:
        return _(
            "A draft translation is created in %(language)s with the source text; "
            "you then translate it segment by segment."
        ) % {"language": language_name(self.locale.language_code)}

    def form_valid(self, form: forms.Form) -> HttpResponse:
        from wagtail_localize.operations import translate_object

        state = translation_state(self.source, self.locale.pk)
        if state.state == TranslationState.MISSING:
            # An alias of the source in that language is converted by
            # wagtail-localize into a translation.
            try:
                with transaction.atomic():
                    translate_object(self.source, [self.locale], user=self.request.user)
            except ParentNotTranslatedError:
                messages.error(
                    self.request,
                    _("Translate the parent page into %(language)s first.")
                    % {"language": language_name(self.locale.language_code)},
                )
                return redirect("ngo_cms_translation_queue")
            state = translation_state(self.source, self.locale.pk)
        if state.target_id is None:
            messages.error(self.request, _("The translation could not be started."))
            return redirect("ngo_cms_translation_queue")
        if self.base is Page:
            return redirect("wagtailadmin_pages:edit", state.target_id)
        meta = type(self.source)._meta
        return redirect(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", state.target_id
        )


class AssignmentForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("assigned to"), queryset=None, required=False
    )
    due_date = forms.DateField(
        label=gettext_lazy("due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, language_code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_users(language_code)
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["assignee"].help_text = _(
            "A member of the %(language)s translators. Leave empty to remove the "
            "assignment."
        ) % {"language": language_name(language_code)}


class AssignTranslationView(AdminFormView):
    """Assign the translation of a page or snippet into one language to one of
    that language's translators, with an optional due date."""

    form_class = AssignmentForm
    submit_button_label = gettext_lazy("Assign")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.base, self.source = _source(kwargs["content_type_id"], kwargs["source_id"])
        self.locale = _locale(kwargs["language_code"])
        if not can_assign(request.user, self.locale.language_code):
            raise PermissionDenied
        self.content_type = ContentType.objects.get_for_model(self.base)
        self.assignment = TranslationAssignment.objects.filter(
            content_type=self.content_type,
            translation_key=self.source.translation_key,
            locale=self.locale,
        ).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Assign the %(language)s translation of “%(title)s”") % {
            "title": self.source,
            "language": language_name(self.locale.language_code),
        }

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["language_code"] = self.locale.language_code
        if self.assignment:
            kwargs["initial"] = {
                "assignee": self.assignment.assignee,
                "due_date": self.assignment.due_date,
            }
        return kwargs

    def form_valid(self, form: AssignmentForm) -> HttpResponse:
        from ngo_cms.translation_notifications import notify_assignment

        assignee = form.cleaned_data["assignee"]
        if assignee is None:
            if self.assignment:
                self.assignment.delete()
            messages.success(self.request, _("The assignment was removed."))
            return redirect("ngo_cms_translation_queue")
        previous = self.assignment.assignee_id if self.assignment else None
        assignment, _created = TranslationAssignment.objects.update_or_create(
            content_type=self.content_type,
            translation_key=self.source.translation_key,
            locale=self.locale,
            defaults={
                "assignee": assignee,
                "due_date": form.cleaned_data["due_date"],
                "assigned_by": self.request.user,
            },
        )
        if previous != assignee.pk:
            notify_assignment(assignment, self.source)
        messages.success(
            self.request,
            _("The translation was assigned to %(name)s.")
            % {"name": assignee.get_full_name() or assignee.get_username()},
        )
        return redirect("ngo_cms_translation_queue")


class SubmitForReviewView(AdminFormView):
    """Hand a page translation over to the language's reviewers.

    wagtail-localize's editor offers only "Publish", which translators may not use:
    this saves the translated text as a new revision (untranslated segments keep
    the source text, as wagtail-localize does) and starts the page's moderation
    workflow, whose reviewers then approve and publish it.
    """

    form_class = forms.Form
    submit_button_label = gettext_lazy("Submit for review")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Submit “%(title)s” for review") % {"title": self.page.title}

    @cached_property
    def intro(self) -> str:
        return _(
            "The reviewers of %(language)s are told by mail; they check the "
            "translation and publish it."
        ) % {"language": language_name(self.page.locale.language_code)}

    def form_valid(self, form: forms.Form) -> HttpResponse:
        from ngo_cms.translation_editor import submit_for_review

        submit_for_review(self.request, self.page)
        return redirect("ngo_cms_translation_queue")
