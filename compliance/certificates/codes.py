"""Teilnahmebescheinigungen: verification codes and what a code says today.

A certificate is issued for one acknowledgement in the ledger (a `LedgerEntry`). Its
verification code is derived, not stored:

    code = MAC (20 characters) + ledger entry number, in Crockford's base 32
    MAC  = HMAC-SHA256(certificate key, "sensi-certificate:v1:<seq>:<entry_hash>")

Only who holds the key (`SENSI_CERTIFICATE_KEY`, outside the database) can make a code, so
nobody can forge one for an entry, not even a database administrator; the MAC covers the
entry's hash, so a code stops matching when the entry is rewritten. 100 bits of MAC make
guessing hopeless, and the rate limit of the public page makes trying expensive.

Revocation needs no list: the page reads the ledger each time (`check_certificate`). A
certificate is

- **revoked** when a later entry of the same person and obligation replaces it (a new
  acknowledgement or an administrator's correction), or when the obligation has a newer
  version (the module changed materially and must be acknowledged again);
- **expired** after its "valid until" day (the obligation's recurrence), or once the entry
  was anonymised after the retention period (it no longer names anybody);
- **valid** otherwise; **unknown** when the code does not belong to an entry.

docs/compliance-reports.md ("Teilnahmebescheinigung") and docs/security.md ("Threat model:
certificates") explain the choices.
"""

import hmac
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .. import app_settings
from ..dates import add_months
from ..models import LedgerEntry, ObligationVersion

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
MAC_LENGTH = 20  # characters of 5 bits: 100 bits
GROUP = 4
# What people mistype or OCR misreads, as Crockford's base 32 reads it.
READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
KEY_SALT = "sensi.compliance.certificate"


class CertificateState(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            CertificateState.VALID: _("Valid"),
            CertificateState.EXPIRED: _("Expired"),
            CertificateState.REVOKED: _("Revoked"),
            CertificateState.UNKNOWN: _("Unknown"),
        }[self]


def _base32(number: int, length: int | None = None) -> str:
    digits = []
    while number or not digits:
        number, digit = divmod(number, 32)
        digits.append(ALPHABET[digit])
    text = "".join(reversed(digits))
    return text.rjust(length, "0") if length else text


def _keys() -> list[str]:
    """The current key first, then the ones a rotation keeps accepting."""
    key = app_settings.SENSI_CERTIFICATE_KEY or settings.SECRET_KEY
    fallbacks = app_settings.SENSI_CERTIFICATE_KEY_FALLBACKS
    if not app_settings.SENSI_CERTIFICATE_KEY:
        fallbacks = [*fallbacks, *settings.SECRET_KEY_FALLBACKS]
    return [key, *fallbacks]


def _mac(seq: int, entry_hash: str, key: str) -> str:
    message = f"sensi-certificate:v1:{seq}:{entry_hash}"
    digest = salted_hmac(KEY_SALT, message, secret=key, algorithm="sha256").digest()
    return _base32(int.from_bytes(digest, "big") >> (256 - 5 * MAC_LENGTH), MAC_LENGTH)


def code_for(entry: LedgerEntry) -> str:
    """The verification code printed on the certificate of `entry`, in groups of four."""
    raw = _mac(entry.seq, entry.entry_hash, _keys()[0]) + _base32(entry.seq)
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise(code: str) -> str | None:
    """The code without spaces and hyphens, in capitals, with O, I, L read as 0, 1, 1; None
    when it cannot be a code at all."""
    raw = re.sub(r"[\s\-]", "", code).upper().translate(READ_AS)
    if not (MAC_LENGTH < len(raw) <= MAC_LENGTH + 13) or any(c not in ALPHABET for c in raw):
        return None
    return raw


def _seq(raw: str) -> int:
    number = 0
    for character in raw[MAC_LENGTH:]:
        number = number * 32 + ALPHABET.index(character)
    return number


@dataclass(frozen=True)
class CertificateCheck:
    """What the public page may say about a code: the state, the module and the dates;
    never who the certificate is for."""

    state: CertificateState
    module_title: str = ""
    module_version: str = ""
    obligation_title: str = ""
    acknowledged_on: date | None = None
    valid_until: date | None = None  # None: without expiry

    @property
    def known(self) -> bool:
        return self.state != CertificateState.UNKNOWN


def valid_until(entry: LedgerEntry) -> date | None:
    """The last day the acknowledgement counts by the obligation's recurrence (None: no end),
    as `services._mark_acknowledged` computes it for the status."""
    months = entry.obligation_version.obligation.recurrence_months
    if not months:
        return None
    return add_months(timezone.localdate(entry.confirmed_at), months)


def _with_state_facts(entries):
    """Whether a later entry of the same person and obligation (for this version or a newer
    one) replaces an entry, and whether its obligation has a newer version: one query."""
    later = LedgerEntry.objects.filter(
        employee=OuterRef("employee"),
        obligation_version__obligation=OuterRef("obligation_version__obligation"),
        obligation_version__number__gte=OuterRef("obligation_version__number"),
        seq__gt=OuterRef("seq"),
    )
    newer_version = ObligationVersion.objects.filter(
        obligation=OuterRef("obligation_version__obligation"),
        number__gt=OuterRef("obligation_version__number"),
    )
    return entries.select_related("obligation_version__obligation__module").annotate(
        replaced=Exists(later), outdated=Exists(newer_version)
    )


def state_of(entry: LedgerEntry, today: date) -> CertificateState:
    """`entry` must come from `_with_state_facts`."""
    if entry.replaced or entry.outdated:
        return CertificateState.REVOKED
    if entry.anonymised_at is not None or entry.employee_id is None:
        return CertificateState.EXPIRED
    until = valid_until(entry)
    if until is not None and until < today:
        return CertificateState.EXPIRED
    return CertificateState.VALID


def check_certificate(code: str) -> CertificateCheck:
    """What a verification code says today. Unknown for a code of no entry, a code whose MAC
    does not match (forged, mistyped, or the entry rewritten), or of a key no longer kept."""
    raw = normalise(code)
    if raw is None:
        return CertificateCheck(CertificateState.UNKNOWN)
    seq = _seq(raw)
    entry = _with_state_facts(LedgerEntry.objects.filter(seq=seq)).first()
    if entry is None or not any(
        hmac.compare_digest(raw[:MAC_LENGTH], _mac(seq, entry.entry_hash, key)) for key in _keys()
    ):
        return CertificateCheck(CertificateState.UNKNOWN)
    version = entry.obligation_version
    return CertificateCheck(
        state=state_of(entry, timezone.localdate()),
        module_title=version.obligation.module.title,
        module_version=version.module_version_label,
        obligation_title=version.obligation.title,
        acknowledged_on=timezone.localdate(entry.confirmed_at),
        valid_until=valid_until(entry),
    )
