from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from . import cmi5_package as cmi5
from .models import ModulePage
from .tincan_package import package


def tincan_package(request, page_id: int):
    """Download a module as a TinCan package (Wagtail admin; editors of the page only)."""
    module = get_object_or_404(ModulePage, pk=page_id)
    if not module.permissions_for_user(request.user).can_edit():
        return HttpResponse(status=403)
    response = HttpResponse(package(module), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sensi-{module.slug}-tincan.zip"'
    return response


def cmi5_package(request, page_id: int):
    """Download a module as a cmi5 course package (Wagtail admin; editors of the page only)."""
    module = get_object_or_404(ModulePage, pk=page_id)
    if not module.permissions_for_user(request.user).can_edit():
        return HttpResponse(status=403)
    response = HttpResponse(cmi5.package(module), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sensi-{module.slug}-cmi5.zip"'
    return response
