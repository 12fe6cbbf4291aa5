from .audit import ReportAccess
from .ledger import LedgerCheck, LedgerEntry, LedgerHead, LedgerRetention
from .obligations import Obligation, ObligationVersion
from .organisation import Dienststelle, Employee, Ressort
from .reminders import Reminder
from .roles import RessortAssignment
from .snapshots import TrendCount, TrendSnapshot
from .status import ObligationStatus

__all__ = [
    "Dienststelle",
    "Employee",
    "LedgerCheck",
    "LedgerEntry",
    "LedgerHead",
    "LedgerRetention",
    "Obligation",
    "ObligationStatus",
    "ObligationVersion",
    "Reminder",
    "ReportAccess",
    "Ressort",
    "RessortAssignment",
    "TrendCount",
    "TrendSnapshot",
]
