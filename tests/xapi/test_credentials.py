"""xapi.credentials.authenticate: a client's row is reused for a short time, its secret is
checked on every request, and a revocation takes effect (xAPI 1.0.3 Communication §4.1)."""

import pytest
from django.utils import timezone

from xapi import credentials
from xapi.credentials import authenticate, forget_clients
from xapi.models import LRSClient


@pytest.fixture
def client_and_secret(db):
    forget_clients()
    yield LRSClient.create(name="moodle", can_read=True, can_write=True)
    forget_clients()


def test_a_client_authenticated_again_costs_no_query(client_and_secret, django_assert_num_queries):
    client, secret = client_and_secret
    assert authenticate(client.key, secret) == client
    with django_assert_num_queries(0):
        assert authenticate(client.key, secret) == client


def test_a_wrong_secret_is_refused_while_the_client_is_remembered(client_and_secret):
    client, secret = client_and_secret
    assert authenticate(client.key, secret) == client
    assert authenticate(client.key, secret + "x") is None
    assert authenticate(client.key, "") is None


def test_a_revoked_client_is_refused_once_the_row_is_read_again(
    client_and_secret, settings, monkeypatch
):
    client, secret = client_and_secret
    settings.SENSI_XAPI_CLIENT_CACHE_SECONDS = 10
    assert authenticate(client.key, secret) == client
    LRSClient.objects.update(revoked_at=timezone.now())
    later = credentials.time.monotonic() + 11
    monkeypatch.setattr(credentials.time, "monotonic", lambda: later)
    assert authenticate(client.key, secret) is None


def test_without_a_cache_time_every_request_reads_the_client(
    client_and_secret, settings, django_assert_num_queries
):
    client, secret = client_and_secret
    settings.SENSI_XAPI_CLIENT_CACHE_SECONDS = 0
    assert authenticate(client.key, secret) == client
    LRSClient.objects.update(revoked_at=timezone.now())
    assert authenticate(client.key, secret) is None
