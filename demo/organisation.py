"""The demo organisation behind `make run`: Ressorts, Dienststellen, employees, obligations.

The Ressorts are those the CIO council's report "Corona Lessons Learned" names (with their
names of the time), each with a few Dienststellen on two levels. The demo accounts become
employees (the learner "beschaeftigte@sensi.example" in HMdIS), joined by fictitious
colleagues, enough that every Ressort's figures are above the minimum group size of the
reports. Each of the six German demo modules is an obligation for everyone, renewed every
12 months, introduced a few months ago with deadlines still ahead; some colleagues have
acknowledged already, through the ledger.

Every step looks for what exists first, so running it again changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from compliance import selectors, services
from compliance.models import Dienststelle, Employee, LedgerEntry, Obligation, Ressort
from courses.models import ModulePage, Topic

DEMO_NUMBER_PREFIX = "DEMO-"
COLLEAGUES_PER_RESSORT = 6  # above the reports' minimum group size of 5
FIRST_DEADLINE_DAYS = (10, 30, 45, 60, 75, 90)  # the first is "due soon" for the learner
ACKNOWLEDGED_SHARE = 0.6
IN_FORCE_DAYS = 120  # the obligations were introduced this long ago, with deadlines ahead
DEMO_REASON = "Demo"


@dataclass(frozen=True)
class Office:
    """A Dienststelle of the first level with the offices below it (code, name)."""

    code: str
    name: str
    children: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DemoRessort:
    code: str
    name: str
    offices: tuple[Office, ...]


def _ministry(code: str, name: str, *departments: tuple[str, str]) -> Office:
    return Office(code, name, ((f"{code}-ZA", "Zentralabteilung"), *departments))


RESSORTS = (
    DemoRessort(
        "StK",
        "Hessische Staatskanzlei",
        (
            _ministry(
                "StK", "Hessische Staatskanzlei", ("StK-A1", "Abteilung Presse und Kommunikation")
            ),
        ),
    ),
    DemoRessort(
        "HMdF",
        "Hessisches Ministerium der Finanzen",
        (
            _ministry(
                "HMdF", "Hessisches Ministerium der Finanzen", ("HMdF-A1", "Abteilung Haushalt")
            ),
            Office(
                "HZD",
                "Hessische Zentrale für Datenverarbeitung",
                (("HZD-WI", "Standort Wiesbaden"), ("HZD-HU", "Standort Hünfeld")),
            ),
        ),
    ),
    DemoRessort(
        "HMdIS",
        "Hessisches Ministerium des Innern und für Sport",
        (
            _ministry(
                "HMdIS",
                "Hessisches Ministerium des Innern und für Sport",
                ("HMdIS-A1", "Abteilung Informationssicherheit"),
                ("HMdIS-A2", "Abteilung Verwaltungsmodernisierung"),
            ),
            Office(
                "HLKA",
                "Hessisches Landeskriminalamt",
                (("HLKA-ZD", "Zentrale Dienste"),),
            ),
        ),
    ),
    DemoRessort(
        "HMWK",
        "Hessisches Ministerium für Wissenschaft und Kunst",
        (
            _ministry(
                "HMWK",
                "Hessisches Ministerium für Wissenschaft und Kunst",
                ("HMWK-A1", "Abteilung Hochschulen"),
            ),
            Office(
                "HLA",
                "Hessisches Landesarchiv",
                (("HLA-WI", "Hessisches Hauptstaatsarchiv Wiesbaden"),),
            ),
        ),
    ),
    DemoRessort(
        "HMSI",
        "Hessisches Ministerium für Soziales und Integration",
        (
            _ministry(
                "HMSI",
                "Hessisches Ministerium für Soziales und Integration",
                ("HMSI-A1", "Abteilung Integration"),
            ),
            Office(
                "HAVS",
                "Hessisches Amt für Versorgung und Soziales",
                (("HAVS-F", "Standort Frankfurt am Main"),),
            ),
        ),
    ),
    DemoRessort(
        "HMUKLV",
        "Hessisches Ministerium für Umwelt, Klimaschutz, Landwirtschaft und Verbraucherschutz",
        (
            _ministry(
                "HMUKLV",
                "Hessisches Ministerium für Umwelt, Klimaschutz, Landwirtschaft und "
                "Verbraucherschutz",
                ("HMUKLV-A1", "Abteilung Landwirtschaft"),
            ),
            Office(
                "HLNUG",
                "Hessisches Landesamt für Naturschutz, Umwelt und Geologie",
                (("HLNUG-WI", "Standort Wiesbaden"),),
            ),
        ),
    ),
    DemoRessort(
        "HMWEVW",
        "Hessisches Ministerium für Wirtschaft, Energie, Verkehr und Wohnen",
        (
            _ministry(
                "HMWEVW",
                "Hessisches Ministerium für Wirtschaft, Energie, Verkehr und Wohnen",
                ("HMWEVW-A1", "Abteilung Verkehr"),
            ),
            Office(
                "HMOB",
                "Hessen Mobil – Straßen- und Verkehrsmanagement",
                (("HMOB-WI", "Standort Wiesbaden"),),
            ),
        ),
    ),
    DemoRessort(
        "HMinD",
        "Hessisches Ministerium für Digitale Strategie und Entwicklung",
        (
            _ministry(
                "HMinD",
                "Hessisches Ministerium für Digitale Strategie und Entwicklung",
                ("HMinD-A1", "Abteilung Digitale Verwaltung"),
            ),
        ),
    ),
)

# Where the demo accounts work (by e-mail): the learner in HMdIS, as the issue asks.
ACCOUNT_OFFICES = {
    "beschaeftigte@sensi.example": "HMdIS-ZA",
    "redaktion@sensi.example": "HMinD-A1",
    "freigabe@sensi.example": "HMinD-A1",
    "ciso@sensi.example": "HMdIS-A1",
    "admin@sensi.example": "HZD-WI",
}

FIRST_NAMES = (
    "Anna", "Jonas", "Elif", "Lukas", "Greta", "Mehmet", "Sophie", "Paul",
    "Katharina", "Felix", "Marta", "Tobias", "Leonie", "Hannes", "Ida", "Stefan",
)  # fmt: skip
LAST_NAMES = (
    "Becker", "Schäfer", "Yılmaz", "Wagner", "Hoffmann", "Krüger",
    "Neumann", "Schmitt", "Weiß", "Lorenz", "Öztürk", "Brandt",
)  # fmt: skip

# English titles of the German demo modules (for the English acknowledgement texts).
ENGLISH_TITLES = {
    "heimrouter-wlan": "Securing your home router and Wi-Fi",
    "netzwerkdrucker": "Network printers and peripherals when working from home",
    "phishing": "Recognising and reporting phishing",
    "passwoerter-mfa": "Passwords and multi-factor authentication",
    "datenschutz-homeoffice": "Data protection when working from home",
    "datenpanne": "Recognising and reporting data breaches",
}
TEXTS = {
    Topic.IT_SECURITY: (
        "Ich bestätige, dass ich die Inhalte des Moduls „{title}“ zur Kenntnis genommen habe. "
        "Mir ist bekannt, dass ich die darin beschriebenen Regeln zur Informationssicherheit bei "
        "meiner dienstlichen Tätigkeit, auch im Homeoffice, einzuhalten habe und "
        "Sicherheitsvorfälle unverzüglich der zuständigen Stelle meiner Dienststelle melden muss.",
        'I confirm that I have taken note of the content of the module "{title}". I am aware '
        "that I must follow the information security rules it describes in my work, including "
        "when working from home, and report security incidents to the responsible office of my "
        "Dienststelle without delay.",
    ),
    Topic.DATA_PROTECTION: (
        "Ich bestätige, dass ich die Inhalte des Moduls „{title}“ zur Kenntnis genommen habe. "
        "Mir ist bekannt, dass ich personenbezogene Daten nur im Rahmen meiner dienstlichen "
        "Aufgaben und nach den Vorgaben der Datenschutz-Grundverordnung (DSGVO) und des "
        "Hessischen Datenschutz- und Informationsfreiheitsgesetzes (HDSIG) verarbeiten darf und "
        "Verletzungen des Schutzes personenbezogener Daten unverzüglich der oder dem "
        "Datenschutzbeauftragten meiner Dienststelle melden muss.",
        'I confirm that I have taken note of the content of the module "{title}". I am aware '
        "that I may process personal data only as part of my official duties and in accordance "
        "with the General Data Protection Regulation (GDPR) and the Hessian Data Protection and "
        "Freedom of Information Act (HDSIG), and that I must report personal data breaches to "
        "the data protection officer of my Dienststelle without delay.",
    ),
}


# --- Ressorts and Dienststellen ----------------------------------------------------------------


def ensure_ressort(code: str, name: str) -> Ressort:
    return Ressort.objects.get_or_create(code=code, defaults={"name": name})[0]


def ensure_office(code: str, name: str, *, ressort: Ressort, parent=None) -> Dienststelle:
    existing = Dienststelle.objects.filter(code=code).first()
    if existing:
        return existing
    if parent is None:
        return Dienststelle.add_root(ressort=ressort, code=code, name=name)
    # Reload: treebeard counts children on the instance, which earlier adds left stale.
    parent = Dienststelle.objects.get(pk=parent.pk)
    return parent.add_child(ressort=ressort, code=code, name=name)


@transaction.atomic
def seed_offices() -> dict[str, Dienststelle]:
    """The demo Ressorts with their Dienststellen, by code."""
    offices = {}
    for data in RESSORTS:
        ressort = ensure_ressort(data.code, data.name)
        for office in data.offices:
            top = ensure_office(office.code, office.name, ressort=ressort)
            offices[top.code] = top
            for code, name in office.children:
                offices[code] = ensure_office(code, name, ressort=ressort, parent=top)
    return offices


# --- employees ---------------------------------------------------------------------------------


def ascii_name(name: str) -> str:
    """For e-mail addresses: lower case, umlauts spelt out."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i"})
    return name.lower().translate(table)


def colleagues() -> list[tuple[str, str, str, str]]:
    """The fictitious colleagues: (personnel number, first name, last name, office code),
    spread evenly over the Ressorts and, within each, over its Dienststellen."""
    people = []
    for r, data in enumerate(RESSORTS):
        codes = [code for office in data.offices for code, _name in office.children]
        for k in range(COLLEAGUES_PER_RESSORT):
            i = r * COLLEAGUES_PER_RESSORT + k
            # Unique pairs: i mod 16 and 5i mod 12 repeat together only every 48 people.
            first, last = FIRST_NAMES[i % 16], LAST_NAMES[(5 * i) % 12]
            people.append((f"{DEMO_NUMBER_PREFIX}{1001 + i}", first, last, codes[k % len(codes)]))
    return people


def _ensure_employee(*, user, number: str, office: Dienststelle, entry_date: date) -> Employee:
    existing = Employee.objects.filter(user=user).first()
    if existing:
        return existing
    return Employee.objects.get_or_create(
        personnel_number=number,
        defaults={
            "user": user,
            "ressort": office.ressort,
            "dienststelle": office,
            "entry_date": entry_date,
        },
    )[0]


@transaction.atomic
def seed_employees(offices: dict[str, Dienststelle]) -> list[Employee]:
    """Employees for the demo accounts and the fictitious colleagues (who cannot sign in)."""
    user_model = get_user_model()
    employees = []
    for number, (email, code) in enumerate(ACCOUNT_OFFICES.items(), start=1):
        user = user_model.objects.filter(email=email).first()
        if user is not None:
            employees.append(
                _ensure_employee(
                    user=user,
                    number=f"{DEMO_NUMBER_PREFIX}{number:04d}",
                    office=offices[code],
                    entry_date=date(2015, 4, 1),
                )
            )
    unusable = make_password(None)
    rng = random.Random("sensi-demo-colleagues")
    for number, first, last, code in colleagues():
        entry_date = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        email = f"{ascii_name(first)}.{ascii_name(last)}@sensi.example"
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model.objects.create(
                email=email, username=email, first_name=first, last_name=last, password=unusable
            )
        employees.append(
            _ensure_employee(user=user, number=number, office=offices[code], entry_date=entry_date)
        )
    return employees


# --- obligations and acknowledgements ----------------------------------------------------------


@transaction.atomic
def seed_obligations(modules: list[ModulePage]) -> list[Obligation]:
    """One obligation per German demo module, for everyone, renewed every 12 months,
    introduced IN_FORCE_DAYS before the first seed with deadlines still ahead, so a fresh
    demo has nothing overdue."""
    obligations = []
    today = timezone.localdate()
    for module, days in zip(modules, FIRST_DEADLINE_DAYS, strict=False):
        # The module's first obligation is the demo's (the generated organisation adds more).
        obligation = Obligation.objects.filter(module=module).order_by("pk").first()
        if obligation is None:
            text_de, text_en = TEXTS[module.topic]
            obligation = services.create_obligation(
                title=module.title,
                module=module,
                everyone=True,
                text_de=text_de.format(title=module.title),
                text_en=text_en.format(title=ENGLISH_TITLES.get(module.slug, module.title)),
                due_date=today + timedelta(days=days),
                recurrence_months=12,
            )
            # Introduced a while ago, so that the colleagues' acknowledgements come after it.
            introduced = datetime.combine(today - timedelta(days=IN_FORCE_DAYS), time.min)
            obligation.versions.update(valid_from=timezone.make_aware(introduced))
        else:
            services.sync_statuses(obligation)  # employees added since
        obligations.append(obligation)
    return obligations


@transaction.atomic
def seed_acknowledgements(obligations: list[Obligation], *, recorded_by) -> int:
    """Acknowledgements of some colleagues (never of the demo accounts), entered as
    corrections with the reason "Demo" so that the ledger says where they come from.
    Each (colleague, obligation) decides by its own seed, so a second run adds nothing."""
    numbers = [number for number, *_rest in colleagues()]
    people = Employee.objects.filter(personnel_number__in=numbers)
    done = set(
        LedgerEntry.objects.filter(employee__in=people).values_list(
            "employee_id", "obligation_version__obligation_id"
        )
    )
    now = timezone.now()
    added = 0
    for obligation in obligations:
        version = selectors.current_version(obligation)
        for person in people.order_by("personnel_number"):
            rng = random.Random(f"{person.personnel_number}/{obligation.module_id}")
            if (person.pk, obligation.pk) in done or rng.random() > ACKNOWLEDGED_SHARE:
                continue
            day = timezone.localdate(now) - timedelta(days=rng.randrange(IN_FORCE_DAYS))
            office_hours = time(rng.randrange(8, 17), rng.randrange(60))
            confirmed_at = timezone.make_aware(datetime.combine(day, office_hours))
            services.record_correction(
                employee=person,
                version=version,
                confirmed_at=min(confirmed_at, now),
                language="de",
                reason=DEMO_REASON,
                recorded_by=recorded_by,
            )
            added += 1
    return added


def seed_organisation(modules: list[ModulePage]) -> list[Obligation]:
    """Everything of this module, in order; returns the demo obligations."""
    offices = seed_offices()
    seed_employees(offices)
    obligations = seed_obligations(modules)
    admin = get_user_model().objects.filter(email="admin@sensi.example").first()
    seed_acknowledgements(obligations, recorded_by=admin)
    return obligations
