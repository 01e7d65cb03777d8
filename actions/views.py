"""Admin views: the signatures report of each urgent action and its exports.

Only superusers and people with ``actions.view_signature_report`` (the Campaigners
group) get in; everybody else, editors included, gets 403.
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

from actions.models import Signature, UrgentActionPage
from actions.reports import build_report, chart_svg, export_csv, export_xlsx
from ngo_cms.audit import log_export

REPORT_PERMISSION = "actions.view_signature_report"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        Signature.objects.order_by()
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
