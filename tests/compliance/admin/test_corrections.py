"""compliance.admin.corrections: administrators record paper acknowledgements as corrections
in the ledger, with a reason; bad input is explained and records nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry
from tests.factories import employee, obligation

pytestmark = pytest.mark.django_db


def test_a_paper_acknowledgement_is_recorded_with_reason_and_name(admin_client):
    person = employee(number="4711")
    version = obligation().versions.get()
    response = admin_client.post(
        reverse("compliance_record_correction"),
        {
            "personnel_number": "4711",
            "version": version.pk,
            "confirmed_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
            "language": "de",
            "reason": "Papierformular vom Montag",
        },
    )
    assert response.status_code == 302
    entry = LedgerEntry.objects.get()
    assert entry.kind == "correction" and entry.employee == person
    assert entry.reason == "Papierformular vom Montag" and entry.recorded_by.is_superuser
    assert verify_ledger().ok


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"personnel_number": "0000"}, "personnel_number"),
        ({"confirmed_on": "2999-01-01"}, "confirmed_on"),
        ({"reason": ""}, "reason"),
    ],
    ids=["unknown-employee", "future-date", "no-reason"],
)
def test_a_bad_correction_is_explained_and_nothing_recorded(admin_client, changes, field):
    employee(number="4711")
    version = obligation().versions.get()
    data = {
        "personnel_number": "4711",
        "version": version.pk,
        "confirmed_on": timezone.localdate().isoformat(),
        "language": "de",
        "reason": "Papier",
        **changes,
    }
    response = admin_client.post(reverse("compliance_record_correction"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not LedgerEntry.objects.exists()


def test_only_permitted_people_may_record_corrections(learner_client):
    assert learner_client.get(reverse("compliance_record_correction")).status_code in (302, 403)
