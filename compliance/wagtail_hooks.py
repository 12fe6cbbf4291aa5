from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin.corrections import PERMISSION as CORRECTION_PERMISSION
from .admin.corrections import record_correction_view
from .admin.jobs import start_send_reminders, start_verify_ledger
from .admin.viewsets import ComplianceViewSetGroup
from .imports.views import EmployeeImportView, can_import_employees


@hooks.register("register_admin_viewset")
def compliance_viewsets():
    return ComplianceViewSetGroup()


@hooks.register("register_admin_urls")
def compliance_admin_urls():
    return [
        path(
            "compliance/corrections/add/",
            record_correction_view,
            name="compliance_record_correction",
        ),
        path(
            "compliance/import-employees/",
            EmployeeImportView.as_view(),
            name="compliance_import_employees",
        ),
        path(
            "compliance/jobs/verify-ledger/",
            start_verify_ledger,
            name="compliance_start_verify_ledger",
        ),
        path(
            "compliance/jobs/send-reminders/",
            start_send_reminders,
            name="compliance_start_send_reminders",
        ),
    ]


class CorrectionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CORRECTION_PERMISSION)


class EmployeeImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_employees(request.user)


@hooks.register("register_settings_menu_item")
def correction_menu_item():
    return CorrectionMenuItem(
        _("Record an acknowledgement"),
        reverse("compliance_record_correction"),
        name="record-correction",
        icon_name="success",
        order=890,
    )


@hooks.register("register_settings_menu_item")
def employee_import_menu_item():
    return EmployeeImportMenuItem(
        _("Import employees"),
        reverse("compliance_import_employees"),
        name="import-employees",
        icon_name="group",
        order=900,
    )
