"""The PDF compliance report (reportlab): summary, table per Ressort, monthly trend as a
chart and a table, the ledger verification, and the report's own SHA-256 hash.

The content is gathered first as plain data (`report_content`); the hash is taken over that
data in canonical JSON (`content_hash`), and the PDF prints exactly that data. See
docs/compliance-reports.md ("What the hash covers").
"""

import hashlib
import io
import json
from datetime import UTC
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from courses.models import Topic

from ..ledger import Verification, current_verification
from ..ledger_anchor import checkpoint_text
from ..pdf_fonts import BOLD, REGULAR, stylesheet
from ..pdf_tagging import Tagging
from .figures import Group, Withheld
from .selectors import Selection, org_figures, trend

FORMAT_VERSION = 1


def _figures(group: Group) -> dict:
    shown = group.shown
    if shown is None:
        return {"withheld": str(group.withheld)}
    return {
        "employees": shown.employees,
        "current": shown.current,
        "share_current_percent": shown.percent,
        "overdue_employees": shown.overdue_employees,
        "overdue_acknowledgements": shown.overdue,
    }


def report_content(selection: Selection, *, verification: Verification | None = None) -> dict:
    """Everything the PDF shows, as JSON-ready data."""
    org = org_figures(selection)
    verification = verification or current_verification()
    access = selection.opened.access
    return {
        "format": FORMAT_VERSION,
        "generated_at": timezone.now().astimezone(UTC).isoformat(timespec="seconds"),
        "access_log_entry": access.pk,
        "generated_by": access.actor,
        "scope": selection.scope.describe(),
        "ressorts_in_scope": sorted(org.ressorts[g.ressort_id].code for g in org.root.parts),
        "topic": selection.topic,
        "obligations": [{"id": o.pk, "title": o.title} for o in selection.obligations],
        "as_of": selection.today.isoformat(),
        "minimum_group_size": selection.minimum,
        "total": _figures(org.root),
        "per_ressort": [
            {
                "code": org.ressorts[g.ressort_id].code,
                "name": org.ressorts[g.ressort_id].name,
                **_figures(g),
            }
            for g in org.ressort_groups()
        ],
        "trend": [
            {
                "month_end": point.month_end.isoformat(),
                **(
                    {"withheld": str(Withheld.SMALL)}
                    if point.withheld
                    else {
                        "required": point.required,
                        "current": point.current,
                        "share_current_percent": point.percent,
                    }
                ),
            }
            for point in trend(selection)
        ],
        "ledger": {
            "ok": verification.ok,
            "entries": verification.entries,
            "summary": verification.summary(),
            "checkpoint": checkpoint_text(),
        },
    }


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- layout ----------------------------------------------------------------------------------

GRID = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
]


def _number(value, decimals: int = 0) -> str:
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _cells(figures: dict, minimum: int) -> list[str]:
    withheld = figures.get("withheld")
    if withheld:
        marker = f"< {minimum}" if withheld == Withheld.SMALL else "–"
        return [marker, "–", "–", "–", "–"]
    percent = figures["share_current_percent"]
    return [
        _number(figures["employees"]),
        _number(figures["current"]),
        "–" if percent is None else f"{_number(percent, 1)} %",
        _number(figures["overdue_employees"]),
        _number(figures["overdue_acknowledgements"]),
    ]


def _figure_header() -> list[str]:
    return [
        _("Employees"),
        _("All current"),
        _("Share current"),
        _("Employees overdue"),
        _("Overdue acknowledgements"),
    ]


def _trend_chart(points: list[dict]) -> Drawing:
    drawing = Drawing(16 * cm, 6.5 * cm)
    drawing.initialFontName = REGULAR  # the renderer sets it first, before any label
    chart = VerticalBarChart()
    chart.x, chart.y = 1.2 * cm, 1.2 * cm
    chart.width, chart.height = 14.5 * cm, 4.6 * cm
    # Months without figures (withheld, or nothing required yet) get no bar.
    chart.data = [[point.get("share_current_percent") for point in points]]
    chart.categoryAxis.categoryNames = [
        f"{p['month_end'][5:7]}/{p['month_end'][2:4]}" for p in points
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.bars[0].fillColor = colors.HexColor("#1f4e79")
    chart.barLabelFormat = lambda value: f"{value:.0f}"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(
        String(
            1.2 * cm,
            6.0 * cm,
            _("Share of acknowledgements current (%)"),
            fontName=REGULAR,
            fontSize=8,
        )
    )
    return drawing


def _table(tags: Tagging, rows: list[list], widths: list[float], *, row_headers=0) -> Table:
    """A figure table: the first row (repeated on each page) and `row_headers` columns are
    header cells."""
    table = tags.table(
        rows, header_rows=1, header_columns=row_headers, colWidths=widths, repeatRows=1
    )
    table.setStyle(TableStyle(GRID))
    return table


def write_pdf(content: dict, out, *, language: str = "de") -> None:
    """Lay out `content` as an A4 PDF into the file-like `out`."""
    digest = content_hash(content)
    tags = Tagging()
    buffer = io.BytesIO()
    with override(language):
        styles = stylesheet()
        body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8)
        title = _("Compliance report")
        minimum = content["minimum_group_size"]

        def footer(canvas, document):
            canvas.saveState()
            canvas.setFont(REGULAR, 7)
            canvas.drawString(
                2 * cm,
                1.2 * cm,
                _("Page %(page)d – SHA-256 of the report content: %(hash)s")
                % {"page": document.page, "hash": digest},
            )
            canvas.restoreState()

        document_title = f"Sensi – {title}"
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=document_title,
            author="Sensi",
            subject=title,
            lang=language,
            initialFontName=REGULAR,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            bottomMargin=2 * cm,
        )
        cell = lambda text, style=body: Paragraph(escape(str(text)), style)  # noqa: E731
        p = lambda text, style=body: tags.p(cell(text, style))  # noqa: E731
        h2 = lambda text: tags.h2(Paragraph(escape(text), styles["Heading2"]))  # noqa: E731
        obligations = ", ".join(o["title"] for o in content["obligations"]) or "–"
        scope = content["scope"]
        meta = [
            [_("Generated at"), content["generated_at"]],
            [_("Generated by"), content["generated_by"]],
            [_("Roles"), ", ".join(scope["roles"])],
            [_("Ressorts"), ", ".join(content["ressorts_in_scope"]) or "–"],
            [_("Topics"), ", ".join(str(Topic(topic).label) for topic in scope["topics"])],
            [_("Obligations"), obligations],
            [_("Figures as of"), content["as_of"]],
            [_("Minimum group size"), str(minimum)],
        ]
        meta_table = tags.table(
            [[cell(k), cell(v)] for k, v in meta],
            header_columns=1,
            colWidths=[4.5 * cm, 12.5 * cm],
        )
        # reportlab sets a font for every cell, also for those that hold a Paragraph.
        meta_table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
        story = [
            tags.h1(Paragraph(escape(title), styles["Title"])),
            meta_table,
            Spacer(1, 0.4 * cm),
            h2(_("Summary")),
            _table(tags, [_figure_header(), _cells(content["total"], minimum)], [3.4 * cm] * 5),
            Spacer(1, 0.4 * cm),
            h2(_("Per Ressort")),
            _table(
                tags,
                [
                    [_("Ressort"), *_figure_header()],
                    *[
                        [cell(f"{r['code']} – {r['name']}", small), *_cells(r, minimum)]
                        for r in content["per_ressort"]
                    ],
                ],
                [4.5 * cm] + [2.5 * cm] * 5,
                row_headers=1,
            ),
            p(
                _(
                    "< %(minimum)d: fewer than %(minimum)d employees, figures withheld. "
                    "–: withheld so that a smaller group cannot be worked out by subtraction."
                )
                % {"minimum": minimum},
                small,
            ),
            h2(_("Monthly trend")),
            tags.figure(
                _trend_chart(content["trend"]),
                alt=_(
                    "Bar chart of the share of acknowledgements current at each month end. "
                    "The table below gives the same figures."
                ),
            ),
            _table(
                tags,
                [
                    [_("Month end"), _("Required"), _("Current"), _("Share current")],
                    *[_trend_cells(point, minimum) for point in content["trend"]],
                ],
                [4 * cm] + [3 * cm] * 3,
                row_headers=1,
            ),
            h2(_("Acknowledgement ledger")),
            p(
                (_("Verified: intact.") if content["ledger"]["ok"] else _("Verified: BROKEN."))
                + " "
                + content["ledger"]["summary"]
            ),
            _checkpoint(content["ledger"].get("checkpoint"), p, small),
            h2(_("Integrity of this report")),
            p(
                _(
                    "SHA-256 over the content of this report (canonical JSON of the figures "
                    "shown, see the documentation): %(hash)s. Access log entry: #%(entry)s."
                )
                % {"hash": digest, "entry": content["access_log_entry"]},
                small,
            ),
        ]
        footer = tags.artifact(footer)
        document.build(story, onFirstPage=footer, onLaterPages=footer)
    out.write(tags.finish(buffer.getvalue(), title=document_title, language=language))


def _trend_cells(point: dict, minimum: int) -> list[str]:
    if point.get("withheld"):
        return [point["month_end"], f"< {minimum}", "–", "–"]
    percent = point["share_current_percent"]
    return [
        point["month_end"],
        _number(point["required"]),
        _number(point["current"]),
        "–" if percent is None else f"{_number(percent, 1)} %",
    ]


def _checkpoint(line: str | None, p, style):
    """The newest signed checkpoint of the ledger's head (compliance.ledger_anchor): kept with
    the printed report, it anchors the chain outside the database."""
    if not line:
        return p(_("No checkpoint of the ledger's head outside the database yet."), style)
    return p(_("Newest checkpoint of the ledger (keep it): %(line)s") % {"line": line}, style)
