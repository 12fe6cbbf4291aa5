"""Tells the module editor, before publishing, whether the publish issues new obligation
versions and for how many people (registered with courses.publish_outlook in apps.ready)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import ModulePage
from courses.publish_outlook import Consequence

from .selectors import is_source_page, version_outlook


def obligation_consequences(module: ModulePage) -> list[Consequence]:
    outlooks = version_outlook(module)
    if not outlooks:
        return []
    if not is_source_page(module):
        return [
            Consequence(
                _(
                    "This is a translation: publishing it never issues a new version of an "
                    "obligation; the German module decides. A change note written here is "
                    "shown to employees who read in English."
                )
            )
        ]
    return [_consequence(module, outlook) for outlook in outlooks]


def _consequence(module: ModulePage, outlook) -> Consequence:
    names = {
        "title": outlook.obligation.title,
        "number": outlook.current_number + 1,
        "current": outlook.current_number,
        "label": outlook.current_label,
        "people": outlook.people,
        "days": outlook.obligation.grace_days,
    }
    if outlook.issues_version:
        message = ngettext(
            "Publishing issues version %(number)s of the obligation “%(title)s”: "
            "%(people)s person must acknowledge again within %(days)s days.",
            "Publishing issues version %(number)s of the obligation “%(title)s”: "
            "%(people)s people must acknowledge again within %(days)s days.",
            outlook.people,
        )
        return Consequence(message % names, "warning")
    if module.change_is_material:
        message = _(
            "“Material change” is ticked, but version label %(label)s is already version "
            "%(current)s of the obligation “%(title)s”: publishing issues no new version. "
            "Enter a new version label to ask everyone again."
        )
        return Consequence(message % names, "warning")
    message = _(
        "Publishing issues no new version of the obligation “%(title)s” (version %(current)s "
        "stays current): the change is not marked as material."
    )
    return Consequence(message % names)
