"""Choices shared by the models and the blocks (a module of its own so that blocks.py need
not import models.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    ROUTER = "router", _("Home router")
    WIFI = "wifi", _("Wi-Fi")
    PRINTER = "printer", _("Network printer and scanner")
    SMART_DEVICES = "smart_devices", _("Smart devices")
    WORKPLACE = "workplace", _("The work laptop's surroundings")


class Router(models.TextChoices):
    """The router families most common in German homes (docs/selfcheck.md)."""

    FRITZBOX = "fritzbox", "AVM FRITZ!Box"
    SPEEDPORT = "speedport", "Telekom Speedport"
    VODAFONE_STATION = "vodafone_station", "Vodafone Station"
    O2_HOMEBOX = "o2_homebox", "o2 HomeBox"


class Answer(models.TextChoices):
    DONE = "done", _("Done")
    NOT_POSSIBLE = "not_possible", _("Not possible")
    UNKNOWN = "unknown", _("I don't know")
