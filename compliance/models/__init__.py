from .ledger import LedgerEntry, LedgerHead
from .obligations import Obligation, ObligationVersion
from .organisation import Dienststelle, Employee, Ressort
from .status import ObligationStatus

__all__ = [
    "Dienststelle",
    "Employee",
    "LedgerEntry",
    "LedgerHead",
    "Obligation",
    "ObligationStatus",
    "ObligationVersion",
    "Ressort",
]
