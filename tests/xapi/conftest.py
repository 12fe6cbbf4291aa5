"""Fixtures for driving the LRS over HTTP: the real `tincan` client and plain requests,
both against pytest-django's live server."""

import pytest
import requests
from tincan import RemoteLRS

from xapi.models import LRSClient

VERSION = "1.0.3"


@pytest.fixture
def lrs_credentials(transactional_db):
    client, secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    return client.key, secret


@pytest.fixture
def lrs_endpoint(live_server):
    return live_server.url + "/xapi/"


@pytest.fixture
def remote_lrs(lrs_endpoint, lrs_credentials):
    key, secret = lrs_credentials
    return RemoteLRS(endpoint=lrs_endpoint, username=key, password=secret, version=VERSION)


@pytest.fixture
def lrs_http(lrs_credentials):
    """A requests session that authenticates and sends the xAPI version header."""
    session = requests.Session()
    session.auth = lrs_credentials
    session.headers["X-Experience-API-Version"] = VERSION
    yield session
    session.close()
