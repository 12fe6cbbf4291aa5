"""The report's charts: one set of series for the site (accessible SVG, rendered on the server
by a template, no JavaScript) and for the PDF (reportlab.graphics, in `pdf_report`).

- `bar_series`: per Ressort or Dienststelle, its employees split into four groups that add
  up: all current, due soon, open (deadline later) and overdue, each as a count and a share.
  A withheld group is a bar without figures ("nicht ausgewiesen").
- `trend_series`: the monthly share of fulfilled obligations (employees × obligations).

The SVG has `role="img"` with `<title>` and `<desc>`; the segments differ by pattern as well
as by colour (each colour at least 3:1 against white and against its neighbours' white
separators), their shares are written beside the bar, and the page puts the data table right
next to the chart (WCAG 1.1.1, 1.4.1, 1.4.11).
"""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .figures import Figures, Group, Withheld
from .trend import TrendPoint


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str  # contrast to white: current 6.4:1, due soon 6.3:1, open 7.0:1, overdue 7.0:1
    pattern: str  # the id suffix of the SVG pattern; "" for a solid fill


CATEGORIES = (
    Category("current", gettext_lazy("All current"), "#1e6b35", ""),
    Category("due_soon", gettext_lazy("Due soon"), "#8a4b00", "stripes"),
    Category("open", gettext_lazy("Open, deadline later"), "#4a5460", "dots"),
    Category("overdue", gettext_lazy("Overdue"), "#b00020", "crosses"),
)


# --- series ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    category: Category
    count: int
    share: float  # 0..1 of the bar's employees


@dataclass(frozen=True)
class Bar:
    label: str
    employees: int | None  # None where withheld
    segments: tuple[Segment, ...] = ()
    withheld: Withheld | None = None


def bar_series(rows: list[tuple[str, Figures | None, Withheld | None]]) -> list[Bar]:
    """One bar per (label, shown figures, reason withheld), in the order given; withheld
    groups carry no figures. The site passes groups (`bars_of`), the PDF the figures of its
    hashed content."""
    bars = []
    for label, figures, withheld in rows:
        if figures is None:
            bars.append(Bar(label, None, withheld=withheld or Withheld.SMALL))
            continue
        counts = (
            figures.current,
            figures.due_soon_employees,
            figures.open_employees,
            figures.overdue_employees,
        )
        total = figures.employees
        segments = tuple(
            Segment(category, count, count / total if total else 0.0)
            for category, count in zip(CATEGORIES, counts, strict=True)
        )
        bars.append(Bar(label, total, segments))
    return bars


def bars_of(rows: list[tuple[str, Group]]) -> list[Bar]:
    return bar_series([(label, group.shown, group.withheld) for label, group in rows])


@dataclass(frozen=True)
class LinePoint:
    month_end: date
    percent: float | None  # None: withheld, or nothing required


def trend_series(points: list[TrendPoint]) -> list[LinePoint]:
    return [LinePoint(point.month_end, point.percent) for point in points]


def percent_text(share: float) -> str:
    return f"{number_format(round(share * 100), use_l10n=True)} %"


# --- SVG -------------------------------------------------------------------------------------

WIDTH = 400
BAR_LEFT, BAR_WIDTH = 8, 384
ROW_HEIGHT, BAR_HEIGHT, LABEL_GAP = 50, 20, 18
MIN_LABELLED_SHARE = 0.12  # narrower segments get no share written inside them


@dataclass(frozen=True)
class Rect:
    x: float
    width: float
    segment: Segment
    text: str  # the share written inside, or ""


def _rects(bar: Bar) -> list[Rect]:
    rects, x = [], float(BAR_LEFT)
    for segment in bar.segments:
        if not segment.count:
            continue
        width = BAR_WIDTH * segment.share
        text = percent_text(segment.share) if segment.share >= MIN_LABELLED_SHARE else ""
        rects.append(Rect(round(x, 2), round(width, 2), segment, text))
        x += width
    return rects


def _employees(count: int) -> str:
    return ngettext("%(count)s employee", "%(count)s employees", count) % {"count": count}


def _bar_summary(bar: Bar) -> str:
    if bar.employees is None:
        return _("%(label)s: not shown") % {"label": bar.label}
    parts = ", ".join(
        f"{segment.category.label} {segment.count} ({percent_text(segment.share)})"
        for segment in bar.segments
    )
    return _("%(label)s: %(employees)s employees; %(parts)s") % {
        "label": bar.label,
        "employees": bar.employees,
        "parts": parts,
    }


def bar_description(bars: list[Bar]) -> str:
    """The text alternative of a bar chart: what it shows and every bar's figures."""
    return " ".join(
        [
            _(
                "Share of employees per group: all mandatory trainings current, something due "
                "soon, something open with a later deadline, something overdue."
            ),
            *(_bar_summary(bar) + "." for bar in bars),
        ]
    )


def bar_chart_svg(bars: list[Bar], *, chart_id: str, title: str) -> str:
    """A horizontal bar per group, 100 % wide, split into the four categories."""
    legend_height = 56
    rows = [
        {
            "bar": bar,
            "label_y": legend_height + i * ROW_HEIGHT + 14,
            "bar_y": legend_height + i * ROW_HEIGHT + LABEL_GAP + 2,
            "rects": _rects(bar),
            "withheld_text_y": legend_height + i * ROW_HEIGHT + LABEL_GAP + 16,
            "size": _employees(bar.employees) if bar.employees is not None else "",
        }
        for i, bar in enumerate(bars)
    ]
    description = bar_description(bars)
    legend = [
        {"category": category, "x": 8 + (i % 2) * 196, "y": 8 + (i // 2) * 22}
        for i, category in enumerate(CATEGORIES)
    ]
    return render_to_string(
        "compliance/reports/charts/bars.svg",
        {
            "id": chart_id,
            "title": title,
            "desc": description,
            "width": WIDTH,
            "height": legend_height + len(bars) * ROW_HEIGHT + 4,
            "bars": rows,
            "legend": legend,
            "categories": CATEGORIES,
            "bar_left": BAR_LEFT,
            "bar_width": BAR_WIDTH,
            "bar_height": BAR_HEIGHT,
            "not_shown": _("not shown"),
        },
    )


LINE_LEFT, LINE_RIGHT, LINE_TOP, LINE_BOTTOM = 44, 470, 16, 176
LINE_WIDTH, LINE_HEIGHT = 480, 214


def _y(percent: float) -> float:
    return round(LINE_BOTTOM - (LINE_BOTTOM - LINE_TOP) * percent / 100, 2)


def month_label(day: date) -> str:
    return f"{day:%m}/{day:%y}"


def line_chart_svg(points: list[LinePoint], *, chart_id: str, title: str) -> str:
    """The monthly share as a line over the month ends; a withheld month breaks the line."""
    count = max(len(points), 1)
    step = (LINE_RIGHT - LINE_LEFT) / count
    placed = []
    for i, point in enumerate(points):
        x = round(LINE_LEFT + step * (i + 0.5), 2)
        y = None if point.percent is None else _y(point.percent)
        placed.append({"point": point, "x": x, "y": y, "label": month_label(point.month_end)})
    segments, run = [], []
    for item in placed:
        if item["y"] is None:
            if run:
                segments.append(run)
            run = []
        else:
            run.append(f"{item['x']},{item['y']}")
    if run:
        segments.append(run)
    return render_to_string(
        "compliance/reports/charts/line.svg",
        {
            "id": chart_id,
            "title": title,
            "desc": line_description(points),
            "width": LINE_WIDTH,
            "height": LINE_HEIGHT,
            "marks": placed,
            "lines": [" ".join(run) for run in segments],
            "grid": [{"y": _y(v), "label": f"{v} %"} for v in (0, 25, 50, 75, 100)],
            "left": LINE_LEFT,
            "right": LINE_RIGHT,
            "bottom": LINE_BOTTOM,
            "axis_note": _("Month end (month/year); values in per cent"),
        },
    )


def line_description(points: list[LinePoint]) -> str:
    """The text alternative of the trend chart: what it shows, first and last value."""
    shown = [p for p in points if p.percent is not None]
    if shown:
        summary = _("From %(first)s (%(first_value)s) to %(last)s (%(last_value)s).") % {
            "first": month_label(shown[0].month_end),
            "first_value": f"{number_format(shown[0].percent, 1, use_l10n=True)} %",
            "last": month_label(shown[-1].month_end),
            "last_value": f"{number_format(shown[-1].percent, 1, use_l10n=True)} %",
        }
    else:
        summary = _("No month with figures yet.")
    return " ".join(
        [
            _(
                "Line chart: share of fulfilled obligations (employees × mandatory trainings) "
                "at the end of each month, 0 to 100 %."
            ),
            summary,
        ]
    )
