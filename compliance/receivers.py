from django.dispatch import receiver
from wagtail.signals import page_published

from courses.models import ModulePage

from .services import issue_versions_for_material_change


@receiver(page_published, sender=ModulePage)
def ask_again_after_material_change(sender, instance: ModulePage, revision, **kwargs):
    """Publishing a module marked as materially changed (with a new version label) makes
    everyone with an obligation for it acknowledge again; the service decides, and a
    translation never issues a version."""
    issue_versions_for_material_change(module=instance)
