"""Rate limits for Sensi's own views, counted like the sign-in limits.

allauth's limiter is reused so that every limit of the site works the same way: the same
syntax (`amount/period/ip`, comma-separated), the same shared cache (`CACHES`, a table all app
processes see), the same client address (`SENSI_TRUSTED_PROXY_COUNT`, IPv6 by /64) and a
sliding window. allauth exposes it only as `allauth.core.internal.ratelimit`; this module is
the one place that imports it, so an allauth upgrade that moves it is one change here
(tests/accounts/test_ratelimits.py fails first).
"""

from allauth.core.internal import ratelimit
from django.http import HttpRequest

APP = "sensi"


def consume(request: HttpRequest, *, action: str, rates: str) -> bool:
    """Count one request against `rates` (e.g. "20/m/ip,200/h/ip"); False once over the limit.
    Empty `rates`: no limit. GET requests count too (allauth's own limits count only POSTs)."""
    usage = ratelimit.consume(
        request, app=APP, action=action, config={action: rates}, limit_get=True
    )
    return usage is not None
