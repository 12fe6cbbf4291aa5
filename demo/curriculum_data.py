"""The demo curriculum in the order it appears on "Meine Schulungen"."""

from .curriculum import (
    datenpanne,
    datenschutz_homeoffice,
    heimrouter_wlan,
    netzwerkdrucker,
    passwoerter_mfa,
    phishing,
)
from .curriculum.en import phishing as phishing_en

GERMAN = [
    heimrouter_wlan.MODULE,
    netzwerkdrucker.MODULE,
    phishing.MODULE,
    passwoerter_mfa.MODULE,
    datenschutz_homeoffice.MODULE,
    datenpanne.MODULE,
]
ENGLISH = [phishing_en.MODULE]
