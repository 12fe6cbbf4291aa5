"""Sensi's own rate limits (accounts.ratelimits), counted with allauth's limiter."""

import pytest
from django.test import RequestFactory

from accounts import ratelimits

pytestmark = pytest.mark.django_db


def request(address="198.51.100.1"):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_get_requests_count_and_the_limit_is_per_address():
    allowed = [ratelimits.consume(request(), action="probe", rates="2/m/ip") for _ in range(3)]
    assert allowed == [True, True, False]
    assert ratelimits.consume(request("198.51.100.2"), action="probe", rates="2/m/ip")


def test_actions_are_counted_apart():
    assert ratelimits.consume(request(), action="one", rates="1/m/ip")
    assert ratelimits.consume(request(), action="two", rates="1/m/ip")
    assert not ratelimits.consume(request(), action="one", rates="1/m/ip")


def test_every_rate_of_a_list_applies():
    rates = "5/m/ip,2/h/ip"
    assert [ratelimits.consume(request(), action="x", rates=rates) for _ in range(3)] == [
        True,
        True,
        False,
    ]


def test_no_rates_means_no_limit():
    assert all(ratelimits.consume(request(), action="free", rates="") for _ in range(50))
