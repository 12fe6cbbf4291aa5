"""The compliance reports on the site: dashboard, drill-downs, trend, named list, exports.

Every view goes through `report_view`: sign-in, scope, filters; the view then checks what is
particular to it (the Ressort, the right to names) and calls `ReportRequest.open`, which
writes the access log and is the only way to a `Selection` and so to any figure.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import wraps
from typing import IO

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from content.languages import current_language
from courses.models import Topic
from dbrouting import reads_from_replica
from jobs.progress import Progress, no_progress

from .. import app_settings
from ..dates import local_datetime
from ..models import Dienststelle, Ressort
from . import charts, csv_export, exports, pdf_report, sheets, xlsx_export
from .access import Report, open_report
from .figures import STEPLEN, Group, Kind
from .forms import ExportFormatForm, PlaceForm, ReportFilterForm, querystring
from .scopes import Scope, scope_for
from .selectors import (
    Evidence,
    ObligationRef,
    OrgFigures,
    Selection,
    available_obligations,
    label_offices,
    org_figures,
    overdue_people,
    select,
)
from .trend import trend

PAGE_SIZE = 50
XLSX = "xlsx"


@dataclass
class ReportRequest:
    request: object
    report: str
    scope: Scope
    form: ReportFilterForm
    available: list[ObligationRef]

    def open(self, **parameters) -> Selection:
        """Write the access log entry and return what the report may count."""
        opened = open_report(
            scope=self.scope,
            report=self.report,
            parameters={"path": self.request.path, **self.form.parameters(), **parameters},
            user=self.request.user,
        )
        return select(
            opened,
            self.available,
            topic=self.form.cleaned_data.get("topic") or "",
            obligation=self.form.chosen_obligation,
        )

    def context(self, selection: Selection, **extra) -> dict:
        return {
            "scope": self.scope,
            "form": self.form,
            "filters": self.form.querystring(),
            "selection": selection,
            "minimum": selection.minimum,
            "as_of": local_datetime(timezone.now(), current_language()),
            "due_soon_days": app_settings.SENSI_COMPLIANCE_DUE_SOON_DAYS,
            **extra,
        }


def build_report_request(request, report: str) -> ReportRequest:
    """The scope and filters of `request` (anything with `user`, `path` and `GET`: the
    worker rebuilds a queued export's request from them); its form may be invalid."""
    scope = scope_for(request.user)
    if not scope.may_view:
        raise PermissionDenied
    available = available_obligations(scope)
    form = ReportFilterForm(request.GET, available=available, topics=scope.topics)
    form.is_valid()
    return ReportRequest(request, report, scope, form, available)


def report_view(report: str):
    def decorator(view):
        @login_required
        @require_GET
        @reads_from_replica
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            rr = build_report_request(request, report)
            if not rr.form.is_valid():
                return TemplateResponse(
                    request, "compliance/reports/invalid.html", {"form": rr.form}, status=400
                )
            return view(request, rr, **kwargs)

        return wrapped

    return decorator


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    group: Group
    url: str = ""
    short: str = ""  # the code, for the chart


def _bar_chart(rows: list[Row], *, chart_id: str, title: str) -> str:
    """The chart of a table's rows (the table stays the full record next to it)."""
    series = charts.bars_of([(row.short or row.label, row.group) for row in rows])
    return charts.bar_chart_svg(series, chart_id=chart_id, title=title)


def _ressort_label(ressort: Ressort) -> str:
    return f"{ressort.code} – {ressort.name}"


def _part_rows(org: OrgFigures, group: Group, filters: str) -> list[Row]:
    ressort = org.ressorts[group.ressort_id]
    rows = []
    for part in group.parts:
        office = org.offices.get(part.path)
        if part.kind == Kind.DIRECT:
            label = _("Placed directly in %(office)s") % {"office": office.code if office else ""}
            rows.append(Row(label, part))
            continue
        url = reverse("compliance:reports_dienststelle", args=[ressort.code, office.pk])
        rows.append(
            Row(f"{office.code} – {office.name}", part, _with(url, filters), short=office.code)
        )
    return rows


def _with(url: str, filters: str) -> str:
    return f"{url}?{filters}" if filters else url


# --- views -----------------------------------------------------------------------------------


@report_view(Report.DASHBOARD)
def dashboard(request, rr: ReportRequest):
    selection = rr.open()
    org = org_figures(selection)
    filters = rr.form.querystring()
    rows = []
    for group in org.ressort_groups():
        ressort = org.ressorts[group.ressort_id]
        url = reverse("compliance:reports_ressort", args=[ressort.code])
        rows.append(Row(_ressort_label(ressort), group, _with(url, filters), short=ressort.code))
    chart = _bar_chart(rows, chart_id="chart-ressorts", title=_("Standing per Ressort"))
    return TemplateResponse(
        request,
        "compliance/reports/dashboard.html",
        rr.context(selection, total=org.root, rows=rows, chart=chart),
    )


def _ressort_in_scope(scope: Scope, code: str) -> Ressort:
    ressort = get_object_or_404(Ressort, code=code)
    if not scope.covers(ressort_id=ressort.pk):
        raise PermissionDenied
    return ressort


@report_view(Report.RESSORT)
def ressort_report(request, rr: ReportRequest, code: str):
    ressort = _ressort_in_scope(rr.scope, code)
    selection = rr.open(ressort=ressort.code)
    return _drilldown(request, rr, selection, ressort, office=None)


@report_view(Report.DIENSTSTELLE)
def dienststelle_report(request, rr: ReportRequest, code: str, pk: int):
    ressort = _ressort_in_scope(rr.scope, code)
    office = get_object_or_404(Dienststelle, pk=pk)
    selection = rr.open(ressort=ressort.code, dienststelle=office.code)
    return _drilldown(request, rr, selection, ressort, office=office)


def _drilldown(request, rr: ReportRequest, selection: Selection, ressort, office):
    org = org_figures(selection, by_office=True)
    path = office.path if office else ""
    # Nobody in scope there: an empty table, with nothing to withhold.
    group = org.find(ressort.pk, path) or Group(
        Kind.OFFICE if office else Kind.RESSORT, ressort.pk, path
    )
    label_offices(org, [group, *group.parts])
    org.ressorts.setdefault(ressort.pk, ressort)
    filters = rr.form.querystring()
    ancestors = [
        org.offices[path[:end]]
        for end in range(STEPLEN, len(path), STEPLEN)
        if path[:end] in org.offices
    ]
    place = {"ressort": ressort.code, **({"dienststelle": office.pk} if office else {})}
    rows = _part_rows(org, group, filters)
    name = office.code if office else ressort.code
    chart = _bar_chart(
        rows,
        chart_id="chart-offices",
        title=_("Standing per Dienststelle in %(name)s") % {"name": name},
    )
    return TemplateResponse(
        request,
        "compliance/reports/drilldown.html",
        rr.context(
            selection,
            ressort=ressort,
            office=office,
            ancestors=ancestors,
            total=group,
            rows=rows,
            chart=chart,
            names=rr.scope.names_cover(ressort_id=ressort.pk),
            overdue_query=querystring({**rr.form.parameters(), **place}),
        ),
    )


@report_view(Report.TREND)
def trend_report(request, rr: ReportRequest):
    selection = rr.open()
    points = trend(selection)
    chart = charts.line_chart_svg(
        charts.trend_series(points),
        chart_id="chart-trend",
        title=_("Share of fulfilled obligations at each month end"),
    )
    return TemplateResponse(
        request,
        "compliance/reports/trend.html",
        rr.context(selection, points=points, chart=chart),
    )


def _place(rr: ReportRequest) -> tuple[Ressort | None, Dienststelle | None]:
    """The Ressort and Dienststelle a named list is limited to; 403 outside the right."""
    if not rr.scope.may_see_names:
        raise PermissionDenied
    form = PlaceForm(rr.request.GET)
    if not form.is_valid():
        raise Http404
    ressort = office = None
    if form.cleaned_data["ressort"]:
        ressort = get_object_or_404(Ressort, code=form.cleaned_data["ressort"])
        if not rr.scope.names_cover(ressort_id=ressort.pk):
            raise PermissionDenied
    if form.cleaned_data["dienststelle"]:
        if ressort is None:
            raise Http404
        office = get_object_or_404(Dienststelle, pk=form.cleaned_data["dienststelle"])
    return ressort, office


def _place_parameters(ressort, office) -> dict:
    return {
        "ressort": ressort.code if ressort else "",
        "dienststelle": office.code if office else "",
    }


@report_view(Report.OVERDUE)
def overdue_report(request, rr: ReportRequest):
    ressort, office = _place(rr)
    page_number = request.GET.get("page") or 1
    selection = rr.open(page=str(page_number), **_place_parameters(ressort, office))
    rows = overdue_people(
        selection, ressort_id=ressort.pk if ressort else None, path=office.path if office else ""
    )
    page = Paginator(rows, PAGE_SIZE).get_page(page_number)
    base = querystring(
        {
            **rr.form.parameters(),
            "ressort": ressort.code if ressort else "",
            "dienststelle": office.pk if office else "",
        }
    )
    rows = [{**row, "evidence": Evidence.of(row["acknowledged_via"])} for row in page]
    return TemplateResponse(
        request,
        "compliance/reports/overdue.html",
        rr.context(
            selection, page=page, rows=rows, ressort=ressort, office=office, base_query=base
        ),
    )


def _csv_variant(request) -> tuple[str | None, ExportFormatForm]:
    """The `?format=` of a CSV export (None when unknown), and the form that says why."""
    form = ExportFormatForm(request.GET, formats=csv_export.VARIANTS)
    return (form.cleaned_data["format"] if form.is_valid() else None), form


def _bad_format(request, form: ExportFormatForm) -> TemplateResponse:
    return TemplateResponse(request, "compliance/reports/invalid.html", {"form": form}, status=400)


def _overdue_sheet(rr: ReportRequest, export: str) -> tuple[sheets.Sheet, Selection]:
    ressort, office = _place(rr)
    selection = rr.open(format=export, **_place_parameters(ressort, office))
    rows = overdue_people(
        selection, ressort_id=ressort.pk if ressort else None, path=office.path if office else ""
    )
    return sheets.overdue_sheet(rows), selection


@report_view(Report.OVERDUE_CSV)
def overdue_csv(request, rr: ReportRequest):
    variant, form = _csv_variant(request)
    if variant is None:
        return _bad_format(request, form)
    return _deliver(rr, "overdue_csv")


@report_view(Report.OVERDUE_CSV)
def overdue_xlsx(request, rr: ReportRequest):
    return _deliver(rr, "overdue_xlsx")


@report_view(Report.CSV)
def figures_csv(request, rr: ReportRequest):
    variant, form = _csv_variant(request)
    if variant is None:
        return _bad_format(request, form)
    return _deliver(rr, "figures_csv")


@report_view(Report.CSV)
def figures_xlsx(request, rr: ReportRequest):
    return _deliver(rr, "figures_xlsx")


@report_view(Report.PDF)
def report_pdf(request, rr: ReportRequest):
    return _deliver(rr, "pdf")


def _deliver(rr: ReportRequest, name: str):
    """The file at once (CSV as a stream) for a selection of up to
    SENSI_REPORT_INLINE_MAX_EMPLOYEES employees; above that a background job makes it, and the
    browser goes to the job's page (progress, then the file)."""
    if exports.covered_employees(rr) > app_settings.SENSI_REPORT_INLINE_MAX_EMPLOYEES:
        job = exports.start_export_job(rr, name)
        return redirect("jobs:job", pk=job.pk)
    return EXPORTS[name](rr, no_progress).response()


# --- exports: the same files inline and in the worker -----------------------------------------


@dataclass
class Export:
    filename: str
    content_type: str
    # str lines (a CSV, streamed inline), or a binary file object (rewound).
    lines: Iterator[str] | None = None
    file: IO[bytes] | None = None
    data: bytes | None = None  # (a PDF: laid out whole in memory anyway)

    def response(self):
        if self.data is not None:
            response = HttpResponse(self.data, content_type=self.content_type)
            response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        elif self.lines is not None:
            response = StreamingHttpResponse(self.lines, content_type=self.content_type)
            response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        else:
            response = FileResponse(
                self.file,
                as_attachment=True,
                filename=self.filename,
                content_type=self.content_type,
            )
        response["Cache-Control"] = "no-store"
        return response

    def content(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.lines is not None:
            return "".join(self.lines).encode("utf-8")
        with self.file:
            return self.file.read()


def _counted(rows, progress: Progress, total: int | None):
    for done, row in enumerate(rows, start=1):
        progress(done, total, _("Writing rows"))
        yield row


def _overdue_sheet(
    rr: ReportRequest, export: str, progress: Progress
) -> tuple[sheets.Sheet, Selection]:
    ressort, office = _place(rr)
    selection = rr.open(format=export, **_place_parameters(ressort, office))
    rows = overdue_people(
        selection, ressort_id=ressort.pk if ressort else None, path=office.path if office else ""
    )
    sheet = sheets.overdue_sheet(rows)
    if progress is not no_progress:
        sheet = replace(sheet, rows=_counted(sheet.rows, progress, rows.count()))
    return sheet, selection


def _variant(rr: ReportRequest) -> csv_export.Variant:
    variant, _form = _csv_variant(rr.request)
    if variant is None:
        raise ValueError("unknown CSV format")
    return csv_export.VARIANTS[variant]


def _figure_sheet(rr: ReportRequest, export: str, progress: Progress):
    selection = rr.open(format=export)
    progress(0, None, _("Computing the figures"))
    sheet = sheets.figure_sheet(selection)
    rows = _counted(sheet.rows, progress, None) if progress is not no_progress else sheet.rows
    return replace(sheet, rows=rows), selection


def _csv_export(sheet: sheets.Sheet, variant: csv_export.Variant) -> Export:
    lines = csv_export.lines(sheet, variant, language=current_language())
    return Export(_filename(sheet.name, "csv"), "text/csv; charset=utf-8", lines=lines)


def _overdue_csv_export(rr: ReportRequest, progress: Progress) -> Export:
    variant = _variant(rr)
    sheet, _selection = _overdue_sheet(rr, variant.key, progress)
    return _csv_export(sheet, variant)


def _figures_csv_export(rr: ReportRequest, progress: Progress) -> Export:
    variant = _variant(rr)
    sheet, _selection = _figure_sheet(rr, variant.key, progress)
    return _csv_export(sheet, variant)


def _overdue_xlsx_export(rr: ReportRequest, progress: Progress) -> Export:
    sheet, selection = _overdue_sheet(rr, XLSX, progress)
    return _xlsx_export(sheet, selection)


def _figures_xlsx_export(rr: ReportRequest, progress: Progress) -> Export:
    sheet, selection = _figure_sheet(rr, XLSX, progress)
    return _xlsx_export(sheet, selection)


def _pdf_export(rr: ReportRequest, progress: Progress) -> Export:
    selection = rr.open()
    progress(0, 2, _("Computing the figures"))
    content = pdf_report.report_content(selection)
    selection.opened.seal(pdf_report.content_hash(content))
    progress(1, 2, _("Laying out the PDF"))
    out = io.BytesIO()
    pdf_report.write_pdf(content, out, language=current_language())
    progress(2, 2, _("Laying out the PDF"))
    stamp = timezone.localdate().isoformat()
    return Export(f"sensi-compliance-{stamp}.pdf", "application/pdf", data=out.getvalue())


EXPORTS: dict[str, Callable[[ReportRequest, Progress], Export]] = {
    "pdf": _pdf_export,
    "figures_csv": _figures_csv_export,
    "figures_xlsx": _figures_xlsx_export,
    "overdue_csv": _overdue_csv_export,
    "overdue_xlsx": _overdue_xlsx_export,
}


def _filename(name: str, extension: str) -> str:
    return f"{name}-{timezone.localdate().isoformat()}.{extension}"


def _xlsx_export(sheet: sheets.Sheet, selection: Selection) -> Export:
    """Written to a temporary file first (a ZIP needs its directory at the end), then streamed
    from disk."""
    obligation = selection.obligation
    about = [
        (_("Topic"), str(Topic(selection.topic).label) if selection.topic else _("All topics")),
        (_("Obligation"), obligation.title if obligation else _("All obligations")),
        (_("Minimum group size"), selection.minimum),
    ]
    file = xlsx_export.spooled(sheet, language=current_language(), about=about)
    return Export(_filename(sheet.name, "xlsx"), xlsx_export.CONTENT_TYPE, file=file)
