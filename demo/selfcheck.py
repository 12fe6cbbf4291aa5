"""The demo Heimarbeitsplatz-Check: ten steps in German with router-specific instructions,
and runs of some fictitious colleagues so that the CISO's page shows figures.

Menu paths: FRITZ!Box as in FRITZ!OS 7.5x and 8.x; Speedport (Smart 3/4), Vodafone Station
and o2 HomeBox as their current firmware names them. Names change with firmware updates and
models; docs/selfcheck.md says so, and editors correct them in the admin.

Idempotent: steps are found by a stable translation key, runs by a stable submission id.
"""

import uuid
from itertools import groupby

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from compliance.models import Employee
from selfcheck.models import Area, SelfCheckRun, SelfCheckStep
from selfcheck.selectors import steps_for
from selfcheck.services import submit_check

from .organisation import DEMO_NUMBER_PREFIX

NAMESPACE = uuid.UUID("5e1f0c4e-7a1b-4c55-9d0e-2b6f3c9a8d71")

FRITZ = "fritzbox"
SPEEDPORT = "speedport"
VODAFONE = "vodafone_station"
O2 = "o2_homebox"

OPEN_ROUTER = (
    "<p>Öffnen Sie die Benutzeroberfläche Ihres Routers im Browser eines Geräts in Ihrem "
    "Heimnetz (z. B. <b>fritz.box</b>, <b>speedport.ip</b>, <b>192.168.0.1</b> oder "
    "<b>o2.box</b>) und melden Sie sich mit dem Gerätekennwort an. Es steht oft auf der "
    "Unterseite oder Rückseite des Geräts.</p>"
)

STEPS = [
    {
        "slug": "router-firmware",
        "area": Area.ROUTER,
        "question": "Ist die Firmware Ihres Routers aktuell (Update in den letzten 3 Monaten)?",
        "instruction": OPEN_ROUTER
        + "<p>Suchen Sie nach einem Update und installieren Sie es. Schalten Sie, wenn "
        "angeboten, automatische Updates ein. Erhält Ihr Router keine Updates mehr, weil der "
        "Hersteller ihn nicht mehr unterstützt, sollten Sie ihn ersetzen.</p>",
        "routers": {
            FRITZ: "<p><b>System &gt; Update</b>, Registerkarte <b>FRITZ!OS-Version</b>: "
            "<b>Neues FRITZ!OS suchen</b>. Unter <b>System &gt; Update &gt; Auto-Update</b> "
            "wählen Sie „Stufe III“ (neue Versionen automatisch installieren).</p>",
            SPEEDPORT: "<p><b>Einstellungen &gt; System &gt; Firmware-Update</b>. Die "
            "Telekom spielt Updates in der Regel automatisch ein; dort sehen Sie die "
            "installierte Version und können nach einer neuen suchen.</p>",
            VODAFONE: "<p>Die Firmware der Vodafone Station aktualisiert Vodafone selbst; Sie "
            "können sie nicht selbst einspielen. Die installierte Version sehen Sie unter "
            "<b>Status &gt; Übersicht</b>. Ist sie sehr alt, fragen Sie beim Kundenservice "
            "nach.</p>",
            O2: "<p><b>Einstellungen &gt; System &gt; Firmware-Update</b> (je nach Modell "
            "<b>System &gt; Firmware</b>). o2 verteilt Updates meist automatisch.</p>",
        },
    },
    {
        "slug": "router-password",
        "area": Area.ROUTER,
        "question": "Haben Sie das Kennwort für die Benutzeroberfläche Ihres Routers geändert?",
        "instruction": OPEN_ROUTER
        + "<p>Ersetzen Sie das voreingestellte Gerätekennwort durch ein eigenes, langes "
        "Kennwort (mindestens 12 Zeichen), das Sie nirgends sonst verwenden. Bewahren Sie es "
        "sicher auf, z. B. in einem Passwortmanager.</p>",
        "routers": {
            FRITZ: "<p><b>System &gt; FRITZ!Box-Benutzer</b>: Benutzer bearbeiten (Stift-"
            "Symbol) und ein neues Kennwort vergeben.</p>",
            SPEEDPORT: "<p><b>Einstellungen &gt; Gerätepasswort</b> (bei manchen Modellen "
            "<b>Einstellungen &gt; System &gt; Gerätepasswort</b>).</p>",
            VODAFONE: "<p><b>Einstellungen &gt; Passwort ändern</b> (im Expertenmodus "
            "unter <b>System &gt; Passwort</b>).</p>",
            O2: "<p><b>Einstellungen &gt; System &gt; Passwort</b>.</p>",
        },
    },
    {
        "slug": "remote-admin-off",
        "area": Area.ROUTER,
        "question": "Ist der Fernzugriff auf Ihren Router aus dem Internet ausgeschaltet?",
        "instruction": OPEN_ROUTER
        + "<p>Schalten Sie den Zugriff auf die Benutzeroberfläche aus dem Internet aus, wenn "
        "Sie ihn nicht wirklich brauchen. Die Fernwartung durch Ihren Anbieter (TR-069) ist "
        "davon getrennt.</p>",
        "routers": {
            FRITZ: "<p><b>Internet &gt; Freigaben</b>, Registerkarte "
            "<b>FRITZ!Box-Dienste</b>: „Internetzugriff auf die FRITZ!Box über HTTPS "
            "aktiviert“ abwählen. Ein nicht genutztes MyFRITZ!-Konto melden Sie unter "
            "<b>Internet &gt; MyFRITZ!-Konto</b> ab.</p>",
            SPEEDPORT: "<p><b>Internet &gt; Fernzugriff</b> (je nach Modell "
            "<b>Einstellungen &gt; Fernzugriff</b>): ausschalten.</p>",
            VODAFONE: "<p><b>Internet &gt; Fernzugriff</b> (Expertenmodus): deaktivieren.</p>",
            O2: "<p><b>Internet &gt; Fernzugriff</b>: deaktivieren.</p>",
        },
    },
    {
        "slug": "wifi-encryption",
        "area": Area.WIFI,
        "question": "Ist Ihr WLAN mit WPA2 oder WPA3 und einem starken Schlüssel gesichert?",
        "instruction": OPEN_ROUTER
        + "<p>Wählen Sie als Verschlüsselung „WPA2 + WPA3“ (oder WPA2, wenn ältere Geräte "
        "WPA3 nicht können), nie WEP oder ein offenes Netz. Der WLAN-Netzwerkschlüssel sollte "
        "mindestens 20 Zeichen lang sein. Nach einer Änderung müssen Sie Ihre Geräte neu "
        "verbinden.</p>",
        "routers": {
            FRITZ: "<p><b>WLAN &gt; Sicherheit</b>, Registerkarte <b>Verschlüsselung</b>: "
            "„WPA2 + WPA3“ wählen und den WLAN-Netzwerkschlüssel ändern.</p>",
            SPEEDPORT: "<p><b>Heimnetzwerk &gt; WLAN &gt; WLAN-Grundeinstellungen</b> "
            "(Verschlüsselung und WLAN-Schlüssel).</p>",
            VODAFONE: "<p><b>WLAN &gt; Einstellungen</b> (Expertenmodus: <b>WLAN &gt; "
            "Sicherheit</b>).</p>",
            O2: "<p><b>Heimnetz &gt; WLAN &gt; Sicherheit</b>.</p>",
        },
    },
    {
        "slug": "wps-off",
        "area": Area.WIFI,
        "question": "Ist WPS (Verbinden per Tastendruck oder PIN) an Ihrem Router ausgeschaltet?",
        "instruction": OPEN_ROUTER
        + "<p>Schalten Sie WPS aus, vor allem das Verfahren mit PIN: Es lässt sich durch "
        "Ausprobieren knacken. Neue Geräte verbinden Sie mit dem WLAN-Schlüssel.</p>",
        "routers": {
            FRITZ: "<p><b>WLAN &gt; Sicherheit</b>, Registerkarte "
            "<b>WPS-Schnellverbindung</b>: „WPS aktiv“ abwählen.</p>",
            SPEEDPORT: "<p><b>Heimnetzwerk &gt; WLAN &gt; WPS</b>: WPS ausschalten.</p>",
            VODAFONE: "<p><b>WLAN &gt; WPS</b> (Expertenmodus): WPS deaktivieren.</p>",
            O2: "<p><b>Heimnetz &gt; WLAN &gt; WPS</b>: WPS deaktivieren.</p>",
        },
    },
    {
        "slug": "guest-network",
        "area": Area.SMART_DEVICES,
        "question": "Sind Smart-Home-Geräte (Lautsprecher, Fernseher, Lampen) in einem "
        "eigenen Gastnetz statt in Ihrem Heimnetz?",
        "instruction": OPEN_ROUTER
        + "<p>Richten Sie ein Gast-WLAN mit eigenem Schlüssel ein und verbinden Sie "
        "Smart-Home-Geräte, Fernseher und Geräte von Gästen damit. So erreichen diese Geräte "
        "Ihren Dienstlaptop und Ihre anderen Geräte nicht.</p>",
        "routers": {
            FRITZ: "<p><b>WLAN &gt; Gastzugang</b>: „Gastzugang aktiv“, eigener "
            "WLAN-Netzwerkschlüssel, „Die für den Gastzugang eingerichteten Geräte dürfen "
            "untereinander kommunizieren“ nur wählen, wenn nötig.</p>",
            SPEEDPORT: "<p><b>Heimnetzwerk &gt; WLAN &gt; WLAN-Gastzugang</b>.</p>",
            VODAFONE: "<p><b>WLAN &gt; Gast-WLAN</b>.</p>",
            O2: "<p><b>Heimnetz &gt; WLAN &gt; Gastzugang</b>.</p>",
        },
    },
    {
        "slug": "printer-not-exposed",
        "area": Area.PRINTER,
        "question": "Ist Ihr Drucker oder Scanner aus dem Internet nicht erreichbar?",
        "instruction": "<p>Ein Drucker gehört nur ins Heimnetz. Prüfen Sie in Ihrem Router, "
        "dass es keine Portfreigabe (Portweiterleitung) zum Drucker gibt, und schalten Sie "
        "UPnP-Portfreigaben aus. Schalten Sie Cloud- oder Fernzugriff am Drucker aus, wenn Sie "
        "ihn nicht brauchen (im Menü des Druckers oder auf seiner Weboberfläche).</p>",
        "routers": {
            FRITZ: "<p><b>Internet &gt; Freigaben &gt; Portfreigaben</b>: keine Freigabe "
            "für den Drucker. Beim Drucker (Gerät bearbeiten) „Selbstständige Portfreigaben "
            "für dieses Gerät erlauben“ abwählen.</p>",
            SPEEDPORT: "<p><b>Internet &gt; Portfreischaltung</b>: keine Regel für den "
            "Drucker; UPnP ausschalten.</p>",
            VODAFONE: "<p><b>Internet &gt; Port-Weiterleitung</b> (Expertenmodus): keine "
            "Regel für den Drucker; UPnP unter <b>Internet &gt; UPnP</b> ausschalten.</p>",
            O2: "<p><b>Internet &gt; Portfreigabe</b>: keine Regel für den Drucker; UPnP "
            "ausschalten.</p>",
        },
    },
    {
        "slug": "printer-password",
        "area": Area.PRINTER,
        "question": "Haben Sie das voreingestellte Kennwort Ihres Netzwerkdruckers geändert?",
        "instruction": "<p>Öffnen Sie die Weboberfläche des Druckers (seine IP-Adresse "
        "finden Sie im Menü des Druckers oder in der Geräteliste Ihres Routers) und vergeben "
        "Sie ein eigenes Administratorkennwort. Spielen Sie dort auch Firmware-Updates des "
        "Druckers ein.</p>",
    },
    {
        "slug": "print-jobs-deleted",
        "area": Area.PRINTER,
        "question": "Löschen Sie gespeicherte Druck- und Scanaufträge mit dienstlichen Inhalten "
        "am Drucker?",
        "instruction": "<p>Viele Geräte speichern Aufträge, gescannte Seiten oder Faxe. "
        "Löschen Sie dienstliche Aufträge nach dem Drucken im Menü des Geräts (z. B. "
        "„Auftragsspeicher“, „Gespeicherte Aufträge“ oder „Scan-Verlauf“), holen Sie "
        "Ausdrucke sofort ab und scannen Sie nicht in Cloud-Ordner des Herstellers. Vor der "
        "Weitergabe oder Entsorgung setzen Sie das Gerät auf Werkseinstellungen zurück.</p>",
    },
    {
        "slug": "screen-lock",
        "area": Area.WORKPLACE,
        "question": "Ist Ihr Bildschirm für andere nicht einsehbar, und sperren Sie den "
        "Dienstlaptop, wenn Sie den Platz verlassen?",
        "instruction": "<p>Stellen Sie den Bildschirm so auf, dass Mitbewohnerinnen, "
        "Mitbewohner und Gäste ihn nicht einsehen können, auch nicht durch ein Fenster. "
        "Sperren Sie den Laptop bei jedem Verlassen des Platzes mit der Windows-Taste + L. "
        "Telefonieren Sie über dienstliche Inhalte nicht in Hörweite von "
        "Smart-Speakern oder anderen Personen.</p>",
    },
]


def step_key(slug: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, slug)


@transaction.atomic
def seed_steps() -> list[SelfCheckStep]:
    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    steps = []
    for data in STEPS:
        routers = [
            ("router_instruction", {"router": router, "instruction": text})
            for router, text in data.get("routers", {}).items()
        ]
        step = SelfCheckStep.objects.filter(
            translation_key=step_key(data["slug"]), locale=locale
        ).first()
        if step is None:
            step = SelfCheckStep.objects.create(
                translation_key=step_key(data["slug"]),
                locale=locale,
                area=data["area"],
                question=data["question"],
                instruction=data["instruction"],
                router_instructions=routers,
            )
        steps.append(step)
    return steps


# Runs of the fictitious colleagues, by Ressort in the demo's order: two Ressorts with enough
# participants to be shown, one below the minimum group size (withheld), the rest none.
PARTICIPANTS_PER_RESSORT = (6, 5, 3)
# For each participant (cycling), the answers to the ten steps: "d"one, "n"ot possible,
# "u"nknown. Firmware and printer steps are done least, the lock screen most.
PATTERNS = (
    "dddduddddd",
    "uddunuuddd",
    "nddddddudd",
    "ududdduudd",
    "ddddnddddd",
    "uddduuundd",
)
ANSWERS = {"d": "done", "n": "not_possible", "u": "unknown"}


def seed_runs() -> int:
    """Runs for some colleagues (the demo accounts take the check themselves)."""
    steps = steps_for(settings.LANGUAGE_CODE)
    colleagues = Employee.objects.filter(
        personnel_number__startswith=f"{DEMO_NUMBER_PREFIX}1"
    ).select_related("user", "ressort")
    by_ressort = [
        list(group)
        for _code, group in groupby(
            sorted(colleagues, key=lambda e: e.personnel_number), key=lambda e: e.ressort.code
        )
    ]
    made = 0
    for people, count in zip(by_ressort, PARTICIPANTS_PER_RESSORT, strict=False):
        for index, person in enumerate(people[:count]):
            submission = uuid.uuid5(NAMESPACE, f"run:{person.personnel_number}")
            if SelfCheckRun.objects.filter(submission_id=submission).exists():
                continue
            pattern = PATTERNS[index % len(PATTERNS)]
            answers = {
                str(step.translation_key): ANSWERS[pattern[n % len(pattern)]]
                for n, step in enumerate(steps)
            }
            submit_check(
                user=person.user,
                steps=steps,
                answers=answers,
                submission_id=submission,
                language=settings.LANGUAGE_CODE,
            )
            made += 1
    return made


def seed_selfcheck() -> None:
    seed_steps()
    seed_runs()
