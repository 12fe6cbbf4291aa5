"""Steps of the Heimarbeitsplatz-Check, made as editors make them."""

import pytest
from wagtail.models import Locale

from selfcheck.models import Area, SelfCheckStep


def make_step(question="Ist die Firmware Ihres Routers aktuell?", *, area=Area.ROUTER, **fields):
    locale = Locale.objects.get_or_create(language_code="de")[0]
    fields.setdefault("instruction", "<p>Öffnen Sie die Oberfläche Ihres Routers.</p>")
    return SelfCheckStep.objects.create(locale=locale, area=area, question=question, **fields)


@pytest.fixture
def steps(db):
    """Three German steps in this order: router firmware (with two router variants), Wi-Fi
    key, lock screen."""
    return [
        make_step(
            router_instructions=[
                (
                    "router_instruction",
                    {"router": "speedport", "instruction": "<p>Speedport: Einstellungen</p>"},
                ),
                (
                    "router_instruction",
                    {"router": "fritzbox", "instruction": "<p>FRITZ!Box: System > Update</p>"},
                ),
            ]
        ),
        make_step("Nutzt Ihr WLAN WPA2 oder WPA3 mit starkem Schlüssel?", area=Area.WIFI),
        make_step("Sperren Sie den Bildschirm, wenn Sie den Platz verlassen?", area=Area.WORKPLACE),
    ]
