"""`manage.py purge_expired` deletes per-launch LRS credentials once they have expired: they
hold the LMS's actor (name, e-mail address) and serve nothing after `expires_at`."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from privacy.retention import Cutoffs, purge_expired
from xapi.models import LaunchCredential, LRSClient

pytestmark = pytest.mark.django_db


def credential(client, *, expires_in: timedelta, launched: bool = False) -> LaunchCredential:
    now = timezone.now()
    issued, _secret = LaunchCredential.issue(
        client=client,
        actor={"name": "Erika", "mbox": "mailto:erika@example.org"},
        actor_ifi="mbox:mailto:erika@example.org",
        activity_ids=["https://sensi.example/module"],
        expires_at=now + expires_in,
        launched_at=now if launched else None,
    )
    return issued


@pytest.fixture
def credentials():
    client, _secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    return {
        "expired": credential(client, expires_in=-timedelta(minutes=1)),
        "expired_launched": credential(client, expires_in=-timedelta(days=2), launched=True),
        "valid": credential(client, expires_in=timedelta(minutes=30)),
        "valid_launched": credential(client, expires_in=timedelta(minutes=30), launched=True),
    }


def test_expired_launch_credentials_are_deleted_and_valid_ones_stay(credentials):
    out = StringIO()
    call_command("purge_expired", stdout=out)
    assert "xapi_launch_credentials: 2 (done)" in out.getvalue()
    kept = set(LaunchCredential.objects.values_list("pk", flat=True))
    assert kept == {credentials["valid"].pk, credentials["valid_launched"].pk}
    assert LRSClient.objects.filter(name="moodle").exists()  # the LMS's own client stays


def test_dry_run_counts_expired_launch_credentials_and_deletes_nothing(credentials):
    out = StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    assert "xapi_launch_credentials: 2 (would)" in out.getvalue()
    assert LaunchCredential.objects.count() == 4


def test_the_cutoff_is_the_time_of_the_run(credentials):
    later = timezone.now() + timedelta(hours=1)
    result = purge_expired(cutoffs=Cutoffs.from_settings(now=later))
    assert result.counts["xapi_launch_credentials"] == 4
    assert not LaunchCredential.objects.exists()
    assert purge_expired().counts["xapi_launch_credentials"] == 0
