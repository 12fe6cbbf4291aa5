"""Meine Daten (Art. 15 GDPR) and the record of processing. The views only translate HTTP:
the data comes from `selectors`, `tables`, `export` and `processing`."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from dbrouting import reads_from_replica

from . import app_settings, jobs, processing
from .csv_export import my_data_csv
from .export import export_chunks
from .pdf_export import my_data_pdf
from .selectors import personal_data
from .tables import my_data_facts, my_data_tables


@login_required
@never_cache
@require_GET
@reads_from_replica
def my_data(request):
    data = personal_data(request.user)
    return TemplateResponse(
        request,
        "privacy/my_data.html",
        {"data": data, "facts": my_data_facts(data), "tables": my_data_tables(data)},
    )


@login_required
@never_cache
@require_GET
@reads_from_replica
def my_data_download(request):
    response = StreamingHttpResponse(
        export_chunks(request.user), content_type="application/json; charset=utf-8"
    )
    return _attachment(response, "json")


@login_required
@never_cache
@require_GET
@reads_from_replica
def my_data_download_csv(request):
    data = personal_data(request.user)
    if jobs.table_rows(data) > app_settings.SENSI_MY_DATA_INLINE_MAX_ROWS:
        return redirect("jobs:job", pk=jobs.start_export(request.user, "csv").pk)
    response = StreamingHttpResponse(my_data_csv(data), content_type="text/csv; charset=utf-8")
    return _attachment(response, "csv")


@login_required
@never_cache
@require_GET
@reads_from_replica
def my_data_download_pdf(request):
    data = personal_data(request.user)
    if jobs.table_rows(data) > app_settings.SENSI_MY_DATA_INLINE_MAX_ROWS:
        return redirect("jobs:job", pk=jobs.start_export(request.user, "pdf").pk)
    response = HttpResponse(my_data_pdf(data), "application/pdf")
    return _attachment(response, "pdf")


def _attachment(response, extension: str):
    response["Content-Disposition"] = f'attachment; filename="{jobs.filename(extension)}"'
    return response


@require_GET
def processing_record(request):
    return TemplateResponse(
        request,
        "privacy/processing.html",
        {
            "categories": processing.categories(),
            "periods": processing.periods(),
        },
    )
