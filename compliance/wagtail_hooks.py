from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_corrections import PERMISSION, record_correction_view
from .admin_viewsets import ComplianceViewSetGroup


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    return ComplianceViewSetGroup()


@hooks.register("register_admin_urls")
def correction_urls():
    return [
        path(
            "compliance/corrections/new/",
            record_correction_view,
            name="compliance_record_correction",
        )
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_settings_menu_item")
def correction_menu_item():
    return PermissionMenuItem(
        _("Record paper acknowledgement"),
        reverse("compliance_record_correction"),
        icon_name="success",
        permission=PERMISSION,
        order=900,
    )
