"""The PDF compliance report (reportlab): summary, table per Ressort, monthly trend as a
chart and a table, the ledger verification, and the report's own SHA-256 hash.

The content is gathered first as plain data (`report_content`); the hash is taken over that
data in canonical JSON (`content_hash`), and the PDF prints exactly that data. See
docs/compliance-reports.md ("What the hash covers").
"""

import hashlib
import io
import json
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from courses.models import Topic
from pdf.fonts import BOLD, REGULAR, stylesheet
from pdf.tagging import Tagging

from ..dates import local_date, local_datetime
from ..ledger.anchor import checkpoint_text
from ..ledger.verify import Verification, current_verification
from . import charts
from .figures import Figures, Group, Withheld
from .selectors import Selection, org_figures
from .trend import TrendPoint, trend

# 2: due soon and open employees, trend from its first month with data;
# 3: current acknowledgements by attending a session
FORMAT_VERSION = 3


def _figures(group: Group) -> dict:
    shown = group.shown
    if shown is None:
        return {"withheld": str(group.withheld)}
    return {
        "employees": shown.employees,
        "current": shown.current,
        "share_current_percent": shown.percent,
        "due_soon_employees": shown.due_soon_employees,
        "open_employees": shown.open_employees,
        "overdue_employees": shown.overdue_employees,
        "overdue_acknowledgements": shown.overdue,
        "attended_acknowledgements": shown.attended,
    }


def _shown_figures(figures: dict) -> Figures | None:
    """The figures of the content back as `Figures`, for the chart series."""
    if figures.get("withheld"):
        return None
    return Figures(
        employees=figures["employees"],
        current=figures["current"],
        overdue_employees=figures["overdue_employees"],
        overdue=figures["overdue_acknowledgements"],
        due_soon_employees=figures["due_soon_employees"],
        attended=figures["attended_acknowledgements"],
    )


def chart_bars(content: dict) -> list[charts.Bar]:
    """The bars of the per-Ressort chart, from the hashed content (`charts.bar_series`, as
    on the site)."""
    return charts.bar_series(
        [
            (r["code"], _shown_figures(r), Withheld(r["withheld"]) if "withheld" in r else None)
            for r in content["per_ressort"]
        ]
    )


def chart_points(content: dict) -> list[charts.LinePoint]:
    """The points of the trend chart, from the hashed content (`charts.trend_series`)."""
    return charts.trend_series(
        [
            TrendPoint(
                date.fromisoformat(p["month_end"]),
                p.get("required", 0),
                p.get("current", 0),
                withheld="withheld" in p,
            )
            for p in content["trend"]
        ]
    )


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
            **({"pending": True} if verification.pending else {}),
        },
    }


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- layout ----------------------------------------------------------------------------------

MARGIN = 2 * cm
PADDING = 4  # points of space left and right of the text in a table cell
LABEL_MIN_WIDTH = 3.5 * cm  # a column of names (Ressorts, months) is never narrower
FIGURE_MIN_WIDTH = 2.2 * cm  # nor a column of figures, so that short headers stay one line

GRID = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # reportlab sets it per cell, Paragraphs too
    ("FONTSIZE", (0, 0), (-1, -1), 9),
    ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
    ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ("VALIGN", (0, 1), (-1, -1), "TOP"),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
]


def _number(value, decimals: int = 0) -> str:
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _cells(figures: dict, minimum: int) -> list[str]:
    withheld = figures.get("withheld")
    if withheld:
        marker = f"< {minimum}" if withheld == Withheld.SMALL else "–"
        return [marker, "–", "–", "–", "–", "–", "–", "–"]
    percent = figures["share_current_percent"]
    return [
        _number(figures["employees"]),
        _number(figures["current"]),
        "–" if percent is None else f"{_number(percent, 1)} %",
        _number(figures["due_soon_employees"]),
        _number(figures["open_employees"]),
        _number(figures["overdue_employees"]),
        _number(figures["overdue_acknowledgements"]),
        _number(figures["attended_acknowledgements"]),
    ]


def _figure_header() -> list[str]:
    return [
        _("Employees"),
        _("All current"),
        _("Share current"),
        _("Due soon"),
        _("Open, deadline later"),
        _("Employees overdue"),
        _("Overdue acknowledgements"),
        _("Current acknowledgements by attending a session"),
    ]


class FigureTable:
    """A table of figures whose header cells wrap between words inside their columns.

    Each column is as wide as the longest word of its header or the longest value below it
    (a header wraps between words, never inside one); a first column of names (`labels`)
    takes the rest of the line. `min_width` tells whether the table fits a portrait page.
    """

    def __init__(self, header: list[str], rows: list[list], *, labels: bool, styles):
        self.header, self.rows, self.labels = header, rows, labels
        self.header_style = styles["header"]
        self.widths = [self._column_width(i) for i in range(len(header))]

    def _column_width(self, column: int) -> float:
        style = self.header_style
        words = self.header[column].split()
        widest = max(stringWidth(w, style.fontName, style.fontSize) for w in words)
        for row in self.rows:
            value = row[column]
            if isinstance(value, str):
                widest = max(widest, stringWidth(value, REGULAR, 9))
        widest += 2 * PADDING + 1
        return max(widest, LABEL_MIN_WIDTH if self.labels and column == 0 else FIGURE_MIN_WIDTH)

    @property
    def min_width(self) -> float:
        return sum(self.widths)

    def flowable(self, tags: Tagging, frame_width: float) -> Table:
        spare = max(frame_width - self.min_width, 0)
        if self.labels:
            widths = [self.widths[0] + spare, *self.widths[1:]]
        else:
            widths = [w + spare / len(self.widths) for w in self.widths]
        styles = [self.header_left if self.labels else self.header_style]
        styles += [self.header_style] * (len(self.header) - 1)
        header = [
            Paragraph(escape(text), style) for text, style in zip(self.header, styles, strict=True)
        ]
        table = tags.table(
            [header, *self.rows],
            header_rows=1,
            header_columns=1 if self.labels else 0,
            colWidths=widths,
            repeatRows=1,
        )
        table.setStyle(TableStyle(GRID))
        return table

    @property
    def header_left(self) -> ParagraphStyle:
        return self.header_style.clone("header_left", alignment=TA_LEFT)


def page_size_for(tables: list[FigureTable]) -> tuple[float, float]:
    """Portrait A4, or landscape when a table does not fit between portrait margins."""
    portrait_frame = A4[0] - 2 * MARGIN
    if any(table.min_width > portrait_frame for table in tables):
        return landscape(A4)
    return A4


def _trend_chart(points: list[charts.LinePoint]) -> Drawing:
    """The monthly share as a line (the same series as the site's SVG)."""
    drawing = Drawing(16 * cm, 6.5 * cm)
    drawing.initialFontName = REGULAR  # the renderer sets it first, before any label
    chart = HorizontalLineChart()
    chart.x, chart.y = 1.4 * cm, 1.2 * cm
    chart.width, chart.height = 14.3 * cm, 4.4 * cm
    # Withheld months (None) break the line.
    chart.data = [[point.percent for point in points]]
    chart.categoryAxis.categoryNames = [charts.month_label(p.month_end) for p in points]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#8a949e")
    chart.valueAxis.gridStrokeDashArray = (1, 2)
    chart.lines[0].strokeColor = colors.HexColor("#0b5394")
    chart.lines[0].strokeWidth = 2
    chart.lines[0].symbol = makeMarker("Circle", size=4)
    chart.lines[0].symbol.fillColor = colors.white
    chart.lines[0].symbol.strokeColor = colors.HexColor("#0b5394")
    chart.lineLabelArray = [["" if p.percent is None else f"{p.percent:.0f}" for p in points]]
    chart.lineLabelFormat = "values"  # the texts of lineLabelArray
    chart.lineLabels.fontName = REGULAR
    chart.lineLabels.fontSize = 6
    chart.lineLabelNudge = 9
    drawing.add(chart)
    drawing.add(
        String(
            1.4 * cm,
            6.0 * cm,
            _("Share of fulfilled obligations (employees × mandatory trainings), %"),
            fontName=REGULAR,
            fontSize=8,
        )
    )
    return drawing


BAR_ROW = 0.6 * cm
MIN_LABELLED_PERCENT = 12  # narrower segments get no share written inside them


def _bar_chart(bars: list[charts.Bar]) -> Drawing:
    """A horizontal 100 % bar per Ressort, split into the four groups (`charts.bar_series`);
    a withheld Ressort is named "not shown" and drawn without a bar. Each segment wider than
    MIN_LABELLED_PERCENT carries its share, so that the colours are not the only cue."""
    ordered = list(reversed(bars))  # reportlab draws the first category at the bottom
    height = len(bars) * BAR_ROW
    drawing = Drawing(16 * cm, height + 2.2 * cm)
    drawing.initialFontName = REGULAR
    chart = HorizontalBarChart()
    chart.x, chart.y = 3.6 * cm, 1.0 * cm
    chart.width, chart.height = 12 * cm, height
    chart.categoryAxis.style = chart.valueAxis.style = "stacked"
    chart.data = [
        [bar.segments[k].share * 100 if bar.segments else 0 for bar in ordered]
        for k in range(len(charts.CATEGORIES))
    ]
    chart.categoryAxis.categoryNames = [
        bar.label if bar.segments else f"{bar.label} ({_('not shown')})" for bar in ordered
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.barWidth = BAR_ROW * 0.7
    chart.barSpacing = 0
    chart.groupSpacing = BAR_ROW * 0.3
    for k, category in enumerate(charts.CATEGORIES):
        chart.bars[k].fillColor = colors.HexColor(category.colour)
        chart.bars[k].strokeColor = colors.white
    chart.barLabelArray = [
        [
            f"{bar.segments[k].share * 100:.0f} %"
            if bar.segments and bar.segments[k].share * 100 >= MIN_LABELLED_PERCENT
            else ""
            for bar in ordered
        ]
        for k in range(len(charts.CATEGORIES))
    ]
    chart.barLabelFormat = "values"  # the texts of barLabelArray
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 6
    chart.barLabels.fillColor = colors.white
    chart.barLabels.boxTarget = "mid"
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 0.3 * cm, height + 1.9 * cm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = REGULAR
    legend.fontSize = 7
    legend.dx = legend.dy = 7
    legend.deltax = 3.9 * cm
    legend.colorNamePairs = [
        (colors.HexColor(category.colour), str(category.label)) for category in charts.CATEGORIES
    ]
    drawing.add(legend)
    return drawing


def _styles():
    styles = stylesheet()
    body = styles["BodyText"]
    styles.add(body.clone("small", fontSize=8, leading=10))
    styles.add(body.clone("header", fontName=BOLD, fontSize=8, leading=10, alignment=TA_RIGHT))
    return styles


def write_pdf(content: dict, out, *, language: str = "de") -> None:
    """Lay out `content` as an A4 PDF into the file-like `out`: portrait, or landscape when
    a table is too wide for portrait (`page_size_for`)."""
    digest = content_hash(content)
    tags = Tagging()
    buffer = io.BytesIO()
    with override(language):
        styles = _styles()
        body, small = styles["BodyText"], styles["small"]
        title = _("Compliance report")
        minimum = content["minimum_group_size"]

        def footer(canvas, document):
            canvas.saveState()
            canvas.setFont(REGULAR, 7)
            canvas.drawString(
                MARGIN,
                1.2 * cm,
                _("Page %(page)d – SHA-256 of the report content: %(hash)s")
                % {"page": document.page, "hash": digest},
            )
            canvas.restoreState()

        cell = lambda text, style=body: Paragraph(escape(str(text)), style)  # noqa: E731
        p = lambda text, style=body: tags.p(cell(text, style))  # noqa: E731
        h2 = lambda text: tags.h2(Paragraph(escape(text), styles["Heading2"]))  # noqa: E731
        summary = FigureTable(
            _figure_header(), [_cells(content["total"], minimum)], labels=False, styles=styles
        )
        per_ressort = FigureTable(
            [_("Ressort"), *_figure_header()],
            [
                [cell(f"{r['code']} – {r['name']}", small), *_cells(r, minimum)]
                for r in content["per_ressort"]
            ],
            labels=True,
            styles=styles,
        )
        monthly = FigureTable(
            [_("Month end"), _("Required"), _("Fulfilled"), _("Share of fulfilled obligations")],
            [_trend_cells(point, minimum, language) for point in content["trend"]],
            labels=True,
            styles=styles,
        )
        page_size = page_size_for([summary, per_ressort, monthly])
        frame = page_size[0] - 2 * MARGIN
        document_title = f"Sensi – {title}"
        document = SimpleDocTemplate(
            buffer,
            pagesize=page_size,
            title=document_title,
            author="Sensi",
            subject=title,
            lang=language,
            initialFontName=REGULAR,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            bottomMargin=MARGIN,
        )
        scope = content["scope"]
        generated_at = datetime.fromisoformat(content["generated_at"])
        meta = [
            [_("Generated at"), local_datetime(generated_at, language)],
            [_("Generated by"), content["generated_by"]],
            [_("Roles"), ", ".join(scope["roles"])],
            [_("Ressorts"), ", ".join(content["ressorts_in_scope"]) or "–"],
            [_("Topics"), ", ".join(str(Topic(topic).label) for topic in scope["topics"])],
            [_("Obligations"), ", ".join(o["title"] for o in content["obligations"]) or "–"],
            [_("Figures as of"), local_date(date.fromisoformat(content["as_of"]), language)],
            [_("Minimum group size"), str(minimum)],
        ]
        meta_table = tags.table(
            [[cell(k), cell(v)] for k, v in meta],
            header_columns=1,
            colWidths=[4.5 * cm, frame - 4.5 * cm],
        )
        meta_table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
        # The story, top to bottom: one line per heading, paragraph, table or figure.
        story = [
            tags.h1(Paragraph(escape(title), styles["Title"])),
            meta_table,
            Spacer(1, 0.4 * cm),
            h2(_("Summary")),
            *_headline(content["total"], p),
            summary.flowable(tags, frame),
            p(_measures_text(), small),
            Spacer(1, 0.4 * cm),
            KeepTogether(
                [
                    h2(_("Per Ressort")),
                    tags.figure(
                        _bar_chart(chart_bars(content)),
                        alt=charts.bar_description(chart_bars(content))
                        + " "
                        + _("The table below gives the same figures."),
                    ),
                ]
            ),
            per_ressort.flowable(tags, frame),
            p(
                _(
                    "< %(minimum)d: fewer than %(minimum)d employees, figures withheld. "
                    "–: withheld so that a smaller group cannot be worked out by subtraction."
                )
                % {"minimum": minimum},
                small,
            ),
            KeepTogether(
                [
                    h2(_("Monthly trend")),
                    p(
                        _(
                            "The trend counts obligations, not people: each employee once per "
                            "selected mandatory training (employees × mandatory trainings)."
                        ),
                        small,
                    ),
                    *_trend_figure(content, tags, p, small),
                ]
            ),
            *([monthly.flowable(tags, frame)] if content["trend"] else []),
            h2(_("Acknowledgement ledger")),
            p(
                # a pending check's summary says so itself ("Not yet verified in full: …")
                content["ledger"]["summary"]
                if content["ledger"].get("pending")
                else (_("Verified: intact.") if content["ledger"]["ok"] else _("Verified: BROKEN."))
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


def _headline(total: dict, p) -> list:
    """The one headline measure, in words."""
    if total.get("withheld") or total.get("share_current_percent") is None:
        return []
    return [
        p(
            _(
                "%(percent)s %% of employees have all their mandatory trainings currently "
                "fulfilled (%(current)s of %(employees)s)."
            )
            % {
                "percent": _number(total["share_current_percent"], 1),
                "current": _number(total["current"]),
                "employees": _number(total["employees"]),
            }
        )
    ]


def _measures_text() -> str:
    return _(
        "Each employee is counted once: all current (every selected mandatory training "
        "acknowledged and not expired; their share is the headline measure), due soon "
        "(nothing overdue, a deadline near), open (deadline later) or overdue (a deadline "
        "passed). Overdue acknowledgements count obligations: one per employee and "
        "mandatory training that is overdue. So do current acknowledgements by attending a "
        "session: one per employee and mandatory training whose current acknowledgement a "
        "trainer recorded for attending a session instead of the module being completed."
    )


def _trend_figure(content: dict, tags: Tagging, p, small) -> list:
    points = chart_points(content)
    if not points:
        return [p(_("No month end with required acknowledgements yet."), small)]
    return [
        tags.figure(
            _trend_chart(points),
            alt=charts.line_description(points)
            + " "
            + _("The table below gives the same figures."),
        )
    ]


def _trend_cells(point: dict, minimum: int, language: str) -> list[str]:
    month_end = local_date(date.fromisoformat(point["month_end"]), language)
    if point.get("withheld"):
        return [month_end, f"< {minimum}", "–", "–"]
    percent = point["share_current_percent"]
    return [
        month_end,
        _number(point["required"]),
        _number(point["current"]),
        "–" if percent is None else f"{_number(percent, 1)} %",
    ]


def _checkpoint(line: str | None, p, style):
    """The newest signed checkpoint of the ledger's head (compliance.ledger.anchor): kept with
    the printed report, it anchors the chain outside the database."""
    if not line:
        return p(_("No checkpoint of the ledger's head outside the database yet."), style)
    return p(_("Newest checkpoint of the ledger (keep it): %(line)s") % {"line": line}, style)
