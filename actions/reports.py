"""The signatures report of one campaign: figures, a chart, and the exports.

Everything here works on the campaign's ``translation_key``, so the figures cover
every language of the action. The chart is an inline SVG drawn on the server, so
the admin loads nothing from elsewhere.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils.html import escape
from django.utils.translation import gettext as _
from openpyxl import Workbook

from actions.models import Signature

LOCALE_COLOURS = {"en": "#0b4f9c", "nl": "#c2410c", "fr": "#15803d"}
EXPORT_COLUMNS = [
    "first_name",
    "last_name",
    "email",
    "country",
    "postcode",
    "locale",
    "consent_privacy",
    "consent_contact",
    "created_at",
]


@dataclass
class SignatureReport:
    """The figures an editor sees for one campaign."""

    total: int
    per_locale: list[tuple[str, int]]
    per_country: list[tuple[str, int]]
    per_day: dict[datetime.date, Counter]
    latest: list[Signature]


def signatures_of(translation_key: UUID) -> QuerySet[Signature]:
    """All signatures of one campaign (every language), newest first."""
    return Signature.objects.filter(translation_key=translation_key).order_by(
        "-created_at", "-pk"
    )


def build_report(translation_key: UUID, latest: int = 20) -> SignatureReport:
    """Count the campaign's signatures per locale, country and day (in UTC days)."""
    signatures = signatures_of(translation_key)
    per_locale = list(
        signatures.order_by()
        .values_list("locale")
        .annotate(n=Count("pk"))
        .order_by("-n", "locale")
    )
    per_country = list(
        signatures.order_by()
        .values_list("country")
        .annotate(n=Count("pk"))
        .order_by("-n", "country")
    )
    per_day: dict[datetime.date, Counter] = {}
    rows = (
        signatures.order_by()
        .annotate(day=TruncDate("created_at"))
        .values_list("day", "locale")
        .annotate(n=Count("pk"))
    )
    for day, locale, n in rows:
        per_day.setdefault(day, Counter())[locale] += n
    return SignatureReport(
        total=signatures.count(),
        per_locale=per_locale,
        per_country=per_country,
        per_day=dict(sorted(per_day.items())),
        latest=list(signatures[:latest]),
    )


def chart_svg(per_day: dict[datetime.date, Counter], locales: list[str]) -> str:
    """A stacked bar chart of signatures per day and per locale, as inline SVG.

    Args:
        per_day: counts per day and locale, as in :class:`SignatureReport`.
        locales: the locale codes, in stacking (and legend) order.

    Returns:
        An ``<svg>`` element with a title and a text alternative for screen readers.
    """
    width, height, left, bottom, top = 640, 220, 36, 28, 24
    if not per_day:
        return ""
    days = list(per_day)
    first, last = days[0], days[-1]
    span = (last - first).days + 1
    peak = max(sum(c.values()) for c in per_day.values()) or 1
    bar = (width - left) / span
    scale = (height - bottom - top) / peak
    title = _("Signatures per day and per language")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="sig-chart-title">',
        f'<title id="sig-chart-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" '
        f'y2="{height - bottom}" stroke="#666"/>',
        f'<text x="0" y="{top + 4}" font-size="11">{peak}</text>',
        f'<text x="0" y="{height - bottom}" font-size="11">0</text>',
    ]
    for offset in range(span):
        day = first + datetime.timedelta(days=offset)
        counts = per_day.get(day, Counter())
        x = left + offset * bar
        y = height - bottom
        for locale in locales:
            n = counts.get(locale, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" '
                f'height="{h:.1f}" fill="{LOCALE_COLOURS.get(locale, "#555")}">'
                f"<title>{day.isoformat()} {escape(locale)}: {n}</title></rect>"
            )
    parts.append(
        f'<text x="{left}" y="{height - 8}" font-size="11">{first.isoformat()}</text>'
    )
    parts.append(
        f'<text x="{width}" y="{height - 8}" font-size="11" text-anchor="end">'
        f"{last.isoformat()}</text>"
    )
    for index, locale in enumerate(locales):
        x = left + index * 70
        parts.append(
            f'<rect x="{x}" y="4" width="10" height="10" '
            f'fill="{LOCALE_COLOURS.get(locale, "#555")}"/>'
            f'<text x="{x + 14}" y="13" font-size="11">{escape(locale)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _row(signature: Signature) -> list[object]:
    return [
        signature.first_name,
        signature.last_name,
        signature.email,
        signature.country,
        signature.postcode,
        signature.locale,
        signature.consent_privacy,
        signature.consent_contact,
        signature.created_at.isoformat(),
    ]


def _safe_cell(value: object) -> object:
    """Defuse spreadsheet formulas in text a signer typed (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_csv(translation_key: UUID) -> bytes:
    """The campaign's signatures as UTF-8 CSV (with BOM, so spreadsheets agree)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for signature in signatures_of(translation_key).iterator():
        writer.writerow([_safe_cell(value) for value in _row(signature)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(translation_key: UUID) -> bytes:
    """The campaign's signatures as an Excel workbook (one sheet, one row each)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="signatures")
    sheet.append(EXPORT_COLUMNS)
    for signature in signatures_of(translation_key).iterator():
        sheet.append([_safe_cell(value) for value in _row(signature)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
