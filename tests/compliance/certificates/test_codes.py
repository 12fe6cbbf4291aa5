"""Verification codes of Teilnahmebescheinigungen and the public page that checks them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from compliance.certificates.codes import (
    ALPHABET,
    CertificateState,
    check_certificate,
    code_for,
    normalise,
)
from compliance.models import LedgerEntry
from compliance.services import issue_new_version, record_correction
from tests.factories import UserFactory, employee, obligation

pytestmark = pytest.mark.django_db

NAME = ("Henriette", "Zwiebelbaum")


@pytest.fixture
def person():
    return employee(user=UserFactory(first_name=NAME[0], last_name=NAME[1]))


@pytest.fixture
def duty(module):
    return obligation(module=module, title="Pflicht: Phishing", recurrence_months=12)


def acknowledge(person, duty, *, days_ago=3, version=None) -> LedgerEntry:
    return record_correction(
        employee=person,
        version=version or duty.versions.order_by("-number").first(),
        confirmed_at=timezone.now() - datetime.timedelta(days=days_ago),
        language="de",
        reason="Papierformular",
        recorded_by=UserFactory(is_superuser=True),
    )


def verify(client, code: str, language: str = "de"):
    with translation.override(language):
        url = reverse("compliance:verify_certificate")
    return client.get(url, {"code": code})


# --- the code ---------------------------------------------------------------------------------


def test_code_is_long_readable_and_stable(person, duty):
    entry = acknowledge(person, duty)
    code = code_for(entry)
    assert re.fullmatch(r"([0-9A-Z]{4}-){5}[0-9A-Z]{1,4}", code)
    raw = code.replace("-", "")
    assert len(raw) >= 21 and set(raw) <= set(ALPHABET)
    assert not set(raw) & set("ILOU")  # nothing to confuse with 1, 0 or V
    assert code_for(LedgerEntry.objects.get(seq=entry.seq)) == code  # derived, not random


def test_codes_of_two_entries_differ_beyond_the_entry_number(person, duty):
    first = code_for(acknowledge(person, duty, days_ago=5))
    second = code_for(acknowledge(employee(office=person.dienststelle), duty))
    assert first[:24] != second[:24]


def test_code_is_read_without_hyphens_in_lower_case_and_with_o_for_zero(person, duty):
    code = code_for(acknowledge(person, duty))
    sloppy = code.replace("-", " ").lower().replace("0", "o").replace("1", "l")
    assert normalise(sloppy) == code.replace("-", "")
    assert check_certificate(sloppy).state == CertificateState.VALID


def test_a_changed_character_makes_the_code_unknown(person, duty):
    code = code_for(acknowledge(person, duty))
    first = "1" if code[0] != "1" else "2"
    assert check_certificate(first + code[1:]).state == CertificateState.UNKNOWN


def test_a_code_moved_to_another_entry_is_unknown(person, duty):
    """The entry number is part of the code, but the MAC binds it: changing the number to a
    colleague's entry does not make a certificate for that entry."""
    code = code_for(acknowledge(person, duty))
    other = acknowledge(employee(office=person.dienststelle), duty)
    moved = code.replace("-", "")[:20] + code_for(other).replace("-", "")[20:]
    assert check_certificate(moved).state == CertificateState.UNKNOWN


def test_a_code_made_with_another_key_is_unknown(person, duty, settings):
    entry = acknowledge(person, duty)
    settings.SENSI_CERTIFICATE_KEY = "a key somebody guessed"
    forged = code_for(entry)
    settings.SENSI_CERTIFICATE_KEY = "the real key"
    assert check_certificate(forged).state == CertificateState.UNKNOWN


def test_after_a_key_rotation_old_codes_still_verify_while_the_old_key_is_kept(
    person, duty, settings
):
    entry = acknowledge(person, duty)
    settings.SENSI_CERTIFICATE_KEY = "old key"
    old = code_for(entry)
    settings.SENSI_CERTIFICATE_KEY = "new key"
    assert check_certificate(old).state == CertificateState.UNKNOWN
    settings.SENSI_CERTIFICATE_KEY_FALLBACKS = ["old key"]
    assert check_certificate(old).state == CertificateState.VALID
    assert check_certificate(code_for(entry)).state == CertificateState.VALID


@pytest.mark.parametrize("text", ["", "abc", "1234-5678", "ÄÖÜ" * 8, "A" * 40, "<script>"])
def test_what_cannot_be_a_code_is_not_a_code(text):
    assert normalise(text) is None
    assert check_certificate(text).state == CertificateState.UNKNOWN


# --- states -----------------------------------------------------------------------------------


def test_a_current_acknowledgement_is_valid_with_module_and_dates(person, duty):
    entry = acknowledge(person, duty, days_ago=3)
    result = check_certificate(code_for(entry))
    assert result.state == CertificateState.VALID
    assert result.module_title == duty.module.title
    assert result.module_version == entry.obligation_version.module_version_label
    acknowledged = timezone.localdate(entry.confirmed_at)
    assert result.acknowledged_on == acknowledged
    assert result.valid_until.year == acknowledged.year + 1


def test_without_recurrence_a_certificate_does_not_expire(person, module):
    duty = obligation(module=module, recurrence_months=None)
    result = check_certificate(code_for(acknowledge(person, duty, days_ago=4000)))
    assert result.state == CertificateState.VALID and result.valid_until is None


def test_after_valid_until_a_certificate_is_expired(person, duty):
    result = check_certificate(code_for(acknowledge(person, duty, days_ago=400)))
    assert result.state == CertificateState.EXPIRED
    assert result.valid_until < timezone.localdate()


def test_a_later_correction_revokes_the_certificate(person, duty):
    first = acknowledge(person, duty, days_ago=5)
    second = acknowledge(person, duty, days_ago=1)
    assert check_certificate(code_for(first)).state == CertificateState.REVOKED
    assert check_certificate(code_for(second)).state == CertificateState.VALID


def test_a_new_version_of_the_obligation_revokes_the_certificate(person, duty):
    entry = acknowledge(person, duty)
    issue_new_version(obligation=duty, change_note_de="Neue Betrugsmasche")
    assert check_certificate(code_for(entry)).state == CertificateState.REVOKED


def test_a_late_correction_for_an_older_version_does_not_revoke_the_current_one(person, duty):
    old_version = duty.versions.get()
    issue_new_version(obligation=duty, change_note_de="Neu")
    current = acknowledge(person, duty, days_ago=2)
    acknowledge(person, duty, days_ago=200, version=old_version)
    assert check_certificate(code_for(current)).state == CertificateState.VALID


def test_another_persons_acknowledgement_does_not_revoke(person, duty):
    entry = acknowledge(person, duty, days_ago=5)
    acknowledge(employee(office=person.dienststelle), duty, days_ago=1)
    assert check_certificate(code_for(entry)).state == CertificateState.VALID


# --- the public page --------------------------------------------------------------------------


def test_the_page_needs_no_sign_in_and_shows_the_form(client):
    response = client.get(reverse("compliance:verify_certificate"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bescheinigung prüfen" in html
    assert '<label for="id_code">' in html
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"


def test_the_page_answers_valid_with_module_and_dates_and_nothing_personal(client, person, duty):
    entry = acknowledge(person, duty)
    response = verify(client, code_for(entry))
    assert not response.cookies  # no session, no tracking
    html = response.content.decode()
    assert "Ergebnis: Gültig" in html
    assert duty.module.title in html and "Pflicht: Phishing" in html
    assert timezone.localtime(entry.confirmed_at).strftime("%d.%m.%Y") in html
    for personal in (*NAME, person.personnel_number, person.user.email):
        assert personal not in html
    assert person.dienststelle.name not in html and person.dienststelle.code not in html
    assert person.ressort.name not in html
    assert f"#{entry.seq}" not in html


@pytest.mark.parametrize(
    ("setup", "heading"),
    [
        ("expired", "Ergebnis: Abgelaufen"),
        ("revoked", "Ergebnis: Widerrufen"),
        ("unknown", "Ergebnis: Unbekannt"),
    ],
)
def test_the_page_answers_expired_revoked_and_unknown(client, person, duty, setup, heading):
    entry = acknowledge(person, duty, days_ago=400 if setup == "expired" else 3)
    if setup == "revoked":
        acknowledge(person, duty, days_ago=1)
    code = code_for(entry)
    if setup == "unknown":
        code = ("2" if code[0] != "2" else "3") + code[1:]
    response = verify(client, code)
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert NAME[1] not in html
    if setup == "unknown":
        assert duty.module.title not in html


def test_the_page_in_english(client, person, duty):
    html = verify(client, code_for(acknowledge(person, duty)), "en").content.decode()
    assert "Result: Valid" in html and 'lang="en"' in html


def test_a_malformed_code_is_a_form_error_and_checks_nothing(client, django_assert_num_queries):
    with CaptureQueriesContext(connection) as queries:
        response = verify(client, "nonsense")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dies ist kein Prüfcode" in html
    assert 'aria-describedby="id_code_error id_code_helptext"' in html
    assert not any("compliance_ledgerentry" in q["sql"] for q in queries.captured_queries)


def test_checking_a_code_reads_the_ledger_in_one_query(client, person, duty):
    code = code_for(acknowledge(person, duty))
    verify(client, code)  # warm up: session, site, locale
    with CaptureQueriesContext(connection) as queries:
        verify(client, code)
    ledger = [q for q in queries.captured_queries if "compliance_ledgerentry" in q["sql"]]
    assert len(ledger) == 1  # entry, later entries and newer versions in one query
    # The rest is the rate limit: allauth locks, reads and writes one cache row per rate
    # (two rates by default), in a constant number of queries; plus the site structure.
    cache = [q for q in queries.captured_queries if "sensi_cache" in q["sql"]]
    assert len(cache) <= 2 * 8 + 1
    assert len(queries.captured_queries) <= 2 + 2 * 12  # with the site structure


def test_the_rate_limit_answers_429_per_address(client, person, duty, settings):
    settings.SENSI_RATE_LIMIT_CERTIFICATE_CHECK = "3/m/ip"
    code = code_for(acknowledge(person, duty))
    assert [verify(client, code).status_code for _ in range(3)] == [200] * 3
    response = verify(client, code)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Zu viele Anfragen" in html and "Gültig" not in html
    other = client.get(
        reverse("compliance:verify_certificate"), {"code": code}, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 200


def test_the_empty_form_does_not_count_against_the_limit(client, settings):
    settings.SENSI_RATE_LIMIT_CERTIFICATE_CHECK = "1/m/ip"
    url = reverse("compliance:verify_certificate")
    assert [client.get(url).status_code for _ in range(3)] == [200] * 3


def test_post_is_not_allowed(client):
    assert client.post(reverse("compliance:verify_certificate"), {"code": "x"}).status_code == 405
