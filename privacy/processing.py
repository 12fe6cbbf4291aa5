"""What Sensi stores about people, why, who sees it and for how long: the public page
"Verarbeitung personenbezogener Daten", the basis for the Dienstvereinbarung and the record of
processing activities (Art. 30 GDPR).

Built from the settings the code itself uses (retention periods, session lifetime, xAPI
actor, minimum group size, reminder interval) and from the LRS clients that are currently
allowed in, so that the page cannot drift from what the software does.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import oidc
from compliance import app_settings as compliance_settings
from xapi import app_settings as xapi_settings
from xapi.models import LRSClient

from . import app_settings


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    data: str
    purpose: str
    recipients: str
    retention: str


@dataclass(frozen=True)
class Period:
    """One row of the table of retention periods: the setting and its value."""

    what: str
    setting: str
    value: str


def _days(days: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def _duration(seconds: int) -> str:
    if seconds >= 2 * 86400 and seconds % 86400 == 0:
        return _days(seconds // 86400)
    if seconds >= 3600:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = seconds // 60
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def _session_lifetime() -> str:
    lifetime = _duration(settings.SESSION_COOKIE_AGE)
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        return _("%(lifetime)s at most, and ends when the browser is closed") % {
            "lifetime": lifetime
        }
    return lifetime


def _actor() -> str:
    if xapi_settings.SENSI_XAPI_ACTOR == "email":
        return _("your e-mail address (an operator chose this for a learning platform)")
    return _("your pseudonym, a random identifier that reveals neither name nor e-mail")


def _lrs_clients() -> str:
    names = list(
        LRSClient.objects.filter(revoked_at__isnull=True, can_read=True)
        .order_by("name")
        .values_list("name", flat=True)
    )
    if not names:
        return _("No other system currently reads learning records.")
    return _("Systems allowed to read learning records: %(names)s.") % {"names": ", ".join(names)}


def periods() -> list[Period]:
    return [
        Period(
            _("Learning progress, quiz attempts, learning records (xAPI)"),
            "SENSI_RETENTION_LEARNING_DAYS",
            _days(app_settings.SENSI_RETENTION_LEARNING_DAYS),
        ),
        Period(
            _("Records of reminder e-mails"),
            "SENSI_RETENTION_REMINDER_DAYS",
            _days(app_settings.SENSI_RETENTION_REMINDER_DAYS),
        ),
        Period(
            _("Acknowledgements (then anonymised)"),
            "SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS",
            _days(compliance_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS),
        ),
        Period(_("Sign-in session"), "SESSION_COOKIE_AGE", _session_lifetime()),
    ]


def _single_sign_on() -> list[Category]:
    if not oidc.is_enabled():
        return []
    return [
        Category(
            "single_sign_on",
            _("Single sign-on"),
            _(
                "The identifier of your identity at the identity provider and, from its "
                "last sign-in, your e-mail address, whether the provider verified it, and "
                "the provider's statements about roles and about how you signed in (MFA)."
            ),
            _("Signing you in with the identity provider; setting your roles."),
            _("Administrators of Sensi."),
            _("As long as the account exists; replaced at every sign-in."),
        )
    ]


def categories() -> list[Category]:
    learning_days = _days(app_settings.SENSI_RETENTION_LEARNING_DAYS)
    return [
        Category(
            "account",
            _("User account"),
            _(
                "E-mail address, first and last name, a random pseudonym, the password (only "
                "as a salted hash), time of the last sign-in, roles (groups)."
            ),
            _("Signing in; deciding who may edit content or see reports."),
            _("Administrators of Sensi."),
            _(
                "As long as the account exists. Accounts come from the HR import and are "
                "deactivated when someone leaves."
            ),
        ),
        Category(
            "employee",
            _("Employee record"),
            _("Personnel number, Ressort, Dienststelle, entry date, whether employed."),
            _("Deciding which obligations apply to you and by when; compliance reports."),
            _(
                "Administrators; the CISO and Ressort-ISB within their scope see your name and "
                "personnel number only if an acknowledgement of yours is overdue."
            ),
            _("As long as you are employed, from the HR import."),
        ),
        Category(
            "learning",
            _("Learning progress and quiz attempts"),
            _(
                "Which lessons you read and when, modules started and completed, every quiz "
                "attempt with your answers and score."
            ),
            _(
                "Letting you continue where you left off, showing your results, and checking "
                "that a module was completed before it can be acknowledged."
            ),
            _(
                "Only you. Supervisors, the CISO and the Datenschutzbeauftragte see no "
                "individual results and no scores."
            ),
            _("%(period)s after your last activity in the module, then deleted.")
            % {"period": learning_days},
        ),
        Category(
            "xapi",
            _("Learning records (xAPI statements)"),
            _(
                "For each learning event (lesson read, question answered, quiz passed or "
                "failed, module completed, acknowledgement): what, when and with which "
                "result. You appear in them as %(actor)s."
            )
            % {"actor": _actor()},
            _("Exchanging learning records with learning platforms such as Moodle."),
            _lrs_clients(),
            _("%(period)s after they were stored, then deleted (not only voided).")
            % {"period": learning_days},
        ),
        Category(
            "acknowledgements",
            _("Acknowledgements (Kenntnisnahmen)"),
            _(
                "Which text you confirmed, in which version and language, when; for a "
                "correction entered by an administrator also who entered it and why."
            ),
            _(
                "Evidence that you took note of mandatory guidance, in a tamper-evident, "
                "append-only ledger; your confirmation as a PDF."
            ),
            _(
                "You; the CISO and Ressort-ISB within their scope (by name only when "
                "overdue); the Datenschutzbeauftragte see figures only, and groups smaller "
                "than %(size)d people are not shown."
            )
            % {"size": compliance_settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE},
            _(
                "%(period)s after the confirmation; then the entry is anonymised: the link to "
                "you, the person who entered it and the reason are removed, the hash chain "
                "stays verifiable."
            )
            % {"period": _days(compliance_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS)},
        ),
        Category(
            "reminders",
            _("Reminder e-mails"),
            _("On which day you were reminded of which obligation."),
            ngettext(
                "Reminding you of an obligation that is due, at most once a day.",
                "Reminding you of an obligation that is due, at most once in %(count)d days.",
                compliance_settings.SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS,
            )
            % {"count": compliance_settings.SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS},
            _("Administrators."),
            _("%(period)s, then deleted.")
            % {"period": _days(app_settings.SENSI_RETENTION_REMINDER_DAYS)},
        ),
        Category(
            "report_access",
            _("Access log of compliance reports"),
            _(
                "For the CISO, Datenschutzbeauftragte and Ressort-ISB: who viewed or "
                "exported which report, with which filters, when."
            ),
            _("Accountability for every view of reports on employees."),
            _("Administrators; the Datenschutzbeauftragte on request."),
            _("Kept; a retention period for the log is still to be decided."),
        ),
        *_single_sign_on(),
        Category(
            "session",
            _("Sign-in session"),
            _("A session cookie and the session stored on the server."),
            _("Keeping you signed in."),
            _("Nobody."),
            _session_lifetime(),
        ),
    ]
