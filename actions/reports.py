"""The signatures report of one campaign: figures, a chart, and the exports.

Everything here works on the campaign's ``translation_key``, so the figures cover
every language of the action. The chart is an inline SVG drawn on the server, so
the admin loads nothing from elsewhere.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils.html import escape
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

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
    pending: int = 0


def signatures_of(translation_key: UUID) -> QuerySet[Signature]:
    """The confirmed signatures of one campaign (every language), newest first.

    Pending signatures are not in reports nor exports: their owner has not
    confirmed that they signed, and they are deleted if that never happens.
    """
    return Signature.objects.confirmed(translation_key).order_by("-created_at", "-pk")


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
        pending=Signature.objects.pending()
        .filter(translation_key=translation_key)
        .count(),
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
        signature.country.code,
        signature.postcode,
        signature.locale,
        signature.consent_privacy,
        signature.consent_contact,
        signature.created_at.isoformat(),
    ]


# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 (and so XLSX) cannot hold, and the escape syntax of OOXML.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
EMAIL_COLUMN = EXPORT_COLUMNS.index("email")


def _csv_cell(value: object, column: int) -> object:
    """Defuse spreadsheet formulas in text a signer typed (CSV injection).

    An apostrophe before a formula-like value makes spreadsheets show it as text.
    Addresses are never altered: the signing form refuses one that starts like a
    formula, so an export can be used as a mailing list as it is.
    """
    if column == EMAIL_COLUMN:
        return value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_text(value: str) -> str:
    """``value`` as OOXML text: characters XML cannot hold as ``_xHHHH_`` escapes,
    which spreadsheets decode back, so the cell shows the value as stored."""
    value = OOXML_ESCAPE.sub(r"_x005F_\1", value)
    return XML_ILLEGAL.sub(lambda match: f"_x{ord(match.group()):04X}_", value)


def export_csv(translation_key: UUID) -> bytes:
    """The campaign's signatures as UTF-8 CSV (with BOM, so spreadsheets agree)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for signature in signatures_of(translation_key).iterator():
        writer.writerow(
            [_csv_cell(value, column) for column, value in enumerate(_row(signature))]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(translation_key: UUID) -> bytes:
    """The campaign's signatures as an Excel workbook (one sheet, one row each).

    Text goes in as string cells, never formulas, so no value needs altering;
    characters XML cannot hold are escaped the way Excel reads them back.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="signatures")
    sheet.append(EXPORT_COLUMNS)
    for signature in signatures_of(translation_key).iterator():
        sheet.append([_xlsx_cell(sheet, value) for value in _row(signature)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet: object, value: object) -> object:
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=_xlsx_text(value))
    # openpyxl would store a value starting with "=" as a formula.
    cell.data_type = "s"
    return cell
