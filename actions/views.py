"""Views of the actions app.

The public side: the no-JavaScript signing form and the confirmation page of an
urgent action (both routes of the page, answering in its language). The admin side:
the signatures report of each urgent action and its exports, for superusers and
people with ``actions.view_signature_report`` (the Campaigners group) only;
everybody else, editors included, gets 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from actions import throttle
from actions.forms import SignatureForm
from actions.models import Signature, UrgentActionPage
from actions.reports import build_report, chart_svg, export_csv, export_xlsx
from actions.signing import InvalidToken, confirm_signature, sign_petition
from ngo_cms.audit import log_export

REPORT_PERMISSION = "actions.view_signature_report"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


CONFIRM_TEMPLATE = "actions/confirm_signature.html"
UNAVAILABLE_TEMPLATE = "actions/signing_unavailable.html"


def _unavailable(page: UrgentActionPage, request: HttpRequest) -> HttpResponse:
    """503 in the page's language: the throttle cannot count, so no signing now."""
    response = page.render(request, template=UNAVAILABLE_TEMPLATE)
    response.status_code = 503
    response["Retry-After"] = str(throttle.UNAVAILABLE_RETRY_AFTER)
    return response


def sign_form(page: UrgentActionPage, request: HttpRequest) -> HttpResponse:
    """The page's HTML form posts here; GET shows the page.

    The answer after signing is the same for every accepted submission ("check
    your mail") and shows no count, like the API's.
    """
    if request.method != "POST":
        return page.render(request)
    try:
        result = sign_petition(
            page,
            request.POST,
            language_code=page.locale.language_code,
            client=throttle.client_ident(request),
        )
    except throttle.ThrottleUnavailable:
        return _unavailable(page, request)
    except throttle.Throttled as exc:
        response = page.render(
            request, context_overrides={"throttled": True, "hide_count": True}
        )
        response.status_code = 429
        response["Retry-After"] = str(exc.wait)
        return response
    response = page.render(
        request,
        context_overrides={
            "result": result,
            "signature_form": SignatureForm.for_page(
                None if result.ok else request.POST, result.errors
            ),
            "hide_count": True,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


def confirm_page(
    page: UrgentActionPage, request: HttpRequest, token: str
) -> HttpResponse:
    """The link of the confirmation mail.

    GET shows a button (a link opened by a mail scanner confirms nothing); POST
    confirms and shows the campaign's count. Both answer in the page's language.
    """
    context: dict[str, object] = {"token": token, "state": "ask"}
    status = 200
    if request.method == "POST":
        try:
            wait = throttle.hit(confirm=throttle.client_ident(request))
        except throttle.ThrottleUnavailable:
            return _unavailable(page, request)
        if wait is not None:
            context["state"], status = "throttled", 429
        else:
            try:
                context["count"] = confirm_signature(page, token)
                context["state"] = "confirmed"
            except InvalidToken as error:
                context["state"] = "expired" if error.expired else "invalid"
                status = 400
    response = page.render(
        request, template=CONFIRM_TEMPLATE, context_overrides=context
    )
    response.status_code = status
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def can_view_reports(user: object) -> bool:
    """Whether ``user`` may see who signed (superusers and Campaigners)."""
    return bool(
        getattr(user, "is_active", False)
        and (user.is_superuser or user.has_perm(REPORT_PERMISSION))
    )


def _require_report_access(request: HttpRequest) -> None:
    if not can_view_reports(request.user):
        raise PermissionDenied


def campaigns() -> list[UrgentActionPage]:
    """One page per campaign: the oldest, which is usually the source page."""
    chosen: dict[object, UrgentActionPage] = {}
    for page in UrgentActionPage.objects.order_by("pk"):
        chosen.setdefault(page.translation_key, page)
    return sorted(chosen.values(), key=lambda page: page.title.lower())


def report_index(request: HttpRequest) -> TemplateResponse:
    """Every urgent action with its number of signatures over all languages."""
    _require_report_access(request)
    counts = dict(
        Signature.objects.confirmed()
        .order_by()
        .values_list("translation_key")
        .annotate(n=Count("pk"))
    )
    rows = [(page, counts.get(page.translation_key, 0)) for page in campaigns()]
    return TemplateResponse(
        request,
        "actions/admin/report_index.html",
        {"rows": rows, "page_title": _("Signatures"), "header_icon": "list-ul"},
    )


def report_detail(request: HttpRequest, page_id: int) -> HttpResponse:
    """One campaign's figures, chart and latest signatures; ``?format=csv|xlsx``
    downloads every signature instead."""
    _require_report_access(request)
    action = get_object_or_404(UrgentActionPage, pk=page_id)
    key = action.translation_key
    export = request.GET.get("format")
    stamp = timezone.localdate().isoformat()
    if export in ("csv", "xlsx"):
        log_export(request, action, export)
    if export == "csv":
        response = HttpResponse(export_csv(key), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            True, f"signatures-{action.slug}-{stamp}.csv"
        )
        return response
    if export == "xlsx":
        response = HttpResponse(export_xlsx(key), content_type=XLSX_TYPE)
        response["Content-Disposition"] = content_disposition_header(
            True, f"signatures-{action.slug}-{stamp}.xlsx"
        )
        return response
    report = build_report(key)
    locales = sorted(
        {code for counts in report.per_day.values() for code in counts}
        | {code for code, _n in report.per_locale}
    )
    return TemplateResponse(
        request,
        "actions/admin/report_detail.html",
        {
            "action": action,
            "report": report,
            "chart": chart_svg(report.per_day, locales),
            "page_title": _("Signatures: %(title)s") % {"title": action.title},
            "header_icon": "list-ul",
        },
    )
