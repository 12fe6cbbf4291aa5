from django.dispatch import receiver
from wagtail.signals import page_published

from courses.models import ModulePage
from seminars.signals import attendance_recorded

from .services import issue_versions_for_material_change, satisfy_by_attendance


@receiver(page_published, sender=ModulePage)
def ask_again_after_material_change(sender, instance: ModulePage, revision, **kwargs):
    """Publishing a module marked as materially changed (with a new version label) makes
    everyone with an obligation for it acknowledge again; the service decides, and a
    translation never issues a version."""
    issue_versions_for_material_change(module=instance)


@receiver(attendance_recorded)
def attendance_satisfies_obligation(sender, attendance, **kwargs):
    """Attending a session of a module satisfies the obligations for that module, like
    completing it and confirming; the ledger entry's kind says which way (in the transaction
    that stored the attendance)."""
    session = attendance.session
    satisfy_by_attendance(
        user=attendance.user,
        module=session.module,
        attended_at=attendance.recorded_at,
        recorded_by=attendance.recorded_by,
        session_label=str(session),
    )
