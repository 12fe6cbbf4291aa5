"""Meine Daten (Art. 15 GDPR) and the record of processing. The views only translate HTTP:
the data comes from `selectors`, `tables`, `export` and `processing`."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import processing
from .export import export_chunks
from .selectors import personal_data
from .tables import my_data_tables


@login_required
@never_cache
@require_GET
def my_data(request):
    data = personal_data(request.user)
    return TemplateResponse(
        request, "privacy/my_data.html", {"data": data, "tables": my_data_tables(data)}
    )


@login_required
@never_cache
@require_GET
def my_data_download(request):
    response = StreamingHttpResponse(
        export_chunks(request.user), content_type="application/json; charset=utf-8"
    )
    filename = f"sensi-personal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
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
