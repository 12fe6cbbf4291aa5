"""The demo organisation behind `make run`: Ressorts, Dienststellen, employees, obligations.

The Ressorts are those the CIO council's report "Corona Lessons Learned" names (with their
names of the time), each with a few Dienststellen on two levels. The demo accounts become
employees (the learner "beschaeftigte@sensi.example" in HMdIS), joined by fictitious
colleagues: at least COLLEAGUES_PER_OFFICE in every Dienststelle of the second level, so
that the reports' drill-down shows figures down to there (the minimum group size is 5),
except one small office (HZD-HU) that shows how the reports withhold small groups.

Each of the six German demo modules is an obligation for everyone, renewed every 12 months,
in force for a little over a year (HISTORY_DAYS), with first deadlines still ahead. The
colleagues have acknowledged over that year, as the ledger records it: a quarter of them in
the first weeks, most of those renewed after twelve months, some not (now overdue), the
others spread over the year, some not yet. Offices differ in diligence, so the bars of the
reports differ and the monthly trend has a shape.

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
from compliance.dates import add_months
from compliance.ledger import chain as ledger_chain
from compliance.models import (
    Dienststelle,
    Employee,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    Ressort,
)
from compliance.models.obligations import text_hash
from courses.models import ModulePage, Topic

DEMO_NUMBER_PREFIX = "DEMO-"
COLLEAGUES_PER_OFFICE = 7  # in each Dienststelle of the second level: above the minimum of 5
SMALL_OFFICES = {"HZD-HU": 3}  # below the minimum: the reports withhold its figures
FIRST_DEADLINE_DAYS = (10, 30, 45, 60, 75, 90)  # the first is "due soon" for the learner
HISTORY_DAYS = 410  # the obligations came into force this long ago: a year of trend
EARLY_DAYS = 60  # the first campaign after the introduction
EARLY_SHARE = 0.25  # of acknowledgements given in the first campaign
RENEWED_SHARE = 0.8  # of those, renewed after twelve months (the others are overdue now)
DILIGENT_ACKNOWLEDGE = 0.97  # of each obligation, by a diligent colleague
OTHERS_ACKNOWLEDGE = 0.45
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
                (
                    ("HZD-WI", "Standort Wiesbaden"),
                    ("HZD-HU", "Standort Hünfeld"),
                    ("HZD-KS", "Standort Kassel"),
                ),
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
    "trainer@sensi.example": "HZD-WI",  # the IT service provider runs the sessions
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


def _name_pairs() -> list[tuple[str, str]]:
    """Every (first, last) pair once: i mod 16 and 5i mod 12 for the first 48 (the names of
    earlier demos), then the remaining pairs."""
    first = [(FIRST_NAMES[i % 16], LAST_NAMES[(5 * i) % 12]) for i in range(48)]
    taken = set(first)
    rest = [(f, last) for last in LAST_NAMES for f in FIRST_NAMES if (f, last) not in taken]
    return first + rest


def office_codes() -> list[str]:
    """The Dienststellen of the second level, where the colleagues work."""
    return [code for data in RESSORTS for office in data.offices for code, _n in office.children]


def colleagues() -> list[tuple[str, str, str, str]]:
    """The fictitious colleagues: (personnel number, first name, last name, office code),
    COLLEAGUES_PER_OFFICE in every Dienststelle of the second level (SMALL_OFFICES fewer)."""
    places = [
        code
        for code in office_codes()
        for _k in range(SMALL_OFFICES.get(code, COLLEAGUES_PER_OFFICE))
    ]
    names = _name_pairs()
    return [
        (f"{DEMO_NUMBER_PREFIX}{1001 + i}", first, last, code)
        for i, ((first, last), code) in enumerate(zip(names, places, strict=False))
    ]


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
    introduced HISTORY_DAYS before the first seed, with first deadlines still ahead (who has
    never acknowledged is open or due soon; who let an acknowledgement run out is overdue)."""
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
            introduced = datetime.combine(today - timedelta(days=HISTORY_DAYS), time.min)
            obligation.versions.update(valid_from=timezone.make_aware(introduced))
        else:
            services.sync_statuses(obligation)  # employees added since
        obligations.append(obligation)
    return obligations


def _diligent_share(code: str) -> float:
    """The share of an office's colleagues who acknowledge nearly everything (0.35..0.9),
    fixed per office so that the reports' bars differ."""
    return 0.35 + 0.55 * random.Random(f"sensi-demo-office/{code}").random()


def _history(rng: random.Random, *, since: date, today: date, diligent: bool) -> list[date]:
    """The days one colleague acknowledged one obligation: none, once, or once and renewed."""
    if rng.random() > (DILIGENT_ACKNOWLEDGE if diligent else OTHERS_ACKNOWLEDGE):
        return []
    span = (today - since).days
    if rng.random() < EARLY_SHARE:
        first = since + timedelta(days=rng.randrange(EARLY_DAYS))
    else:
        first = since + timedelta(days=rng.randrange(EARLY_DAYS, span + 1))
    days = [first]
    runs_out = add_months(first, 12)
    renews = RENEWED_SHARE if diligent else RENEWED_SHARE / 2
    if runs_out <= today + timedelta(days=20) and rng.random() < renews:
        renewed = runs_out + timedelta(days=rng.randrange(-30, 20))
        days.append(min(max(renewed, first + timedelta(days=1)), today))
    return days


def _moment(rng: random.Random, day: date, now: datetime) -> datetime:
    at = time(rng.randrange(8, 17), rng.randrange(60), rng.randrange(60))
    return min(timezone.make_aware(datetime.combine(day, at)), now)


@transaction.atomic
def seed_acknowledgements(obligations: list[Obligation], *, recorded_by) -> int:
    """A year of acknowledgements of the colleagues (never of the demo accounts), appended
    to the ledger through its own writer (`compliance.ledger.chain.append_many`) in the
    order of their time, as corrections with the reason "Demo" so that the ledger says
    where they come from; then each status row says what the services set after the
    latest one. Each (colleague, obligation) decides by its own seed and is skipped when
    the ledger has it already, so a second run adds nothing."""
    numbers = [number for number, *_rest in colleagues()]
    people = list(
        Employee.objects.filter(personnel_number__in=numbers)
        .select_related("dienststelle")
        .order_by("personnel_number")
    )
    done = set(
        LedgerEntry.objects.filter(employee__in=people).values_list(
            "employee_id", "obligation_version__obligation_id"
        )
    )
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate(now)
    diligence = {
        person.pk: random.Random(f"{person.personnel_number}/diligent").random()
        < _diligent_share(person.dienststelle.code)
        for person in people
    }
    events, latest = [], {}
    for obligation in obligations:
        version = selectors.current_version(obligation)
        since = max(timezone.localdate(version.valid_from), today - timedelta(days=HISTORY_DAYS))
        digest = text_hash(version.text_for("de"))
        for person in people:
            if (person.pk, obligation.pk) in done:
                continue
            rng = random.Random(f"{person.personnel_number}/{obligation.module_id}")
            diligent = diligence[person.pk]
            days = _history(rng, since=since, today=today, diligent=diligent)
            for day in days:
                moment = _moment(rng, day, now)
                events.append((moment, person.pk, version.pk, digest))
                latest[(person.pk, obligation)] = (moment, version.number)
    events.sort(key=lambda event: (event[0], event[1], event[2]))
    added = ledger_chain.append_many(
        {
            "kind": LedgerEntry.Kind.CORRECTION.value,
            "employee_id": employee_id,
            "obligation_version_id": version_id,
            "language": "de",
            "text_hash": digest,
            "confirmed_at": moment,
            "recorded_at": moment,
            "recorded_by_id": recorded_by.pk if recorded_by else None,
            "reason": DEMO_REASON,
        }
        for moment, employee_id, version_id, digest in events
    )
    _mark_acknowledged(latest)
    return added


def _mark_acknowledged(latest: dict) -> None:
    """The status rows after each colleague's latest acknowledgement, as
    `compliance.services` sets them (acknowledged version and time, current until and due
    on the same day twelve months later)."""
    statuses = {
        (status.employee_id, status.obligation_id): status
        for status in ObligationStatus.objects.filter(
            employee_id__in={employee_id for employee_id, _o in latest},
            obligation__in={obligation for _e, obligation in latest},
        )
    }
    changed = []
    for (employee_id, obligation), (moment, number) in latest.items():
        status = statuses[(employee_id, obligation.pk)]
        until = add_months(timezone.localdate(moment), obligation.recurrence_months)
        status.acknowledged_version = number
        status.acknowledged_at = moment
        status.current_until = status.due_on = until
        changed.append(status)
    ObligationStatus.objects.bulk_update(
        changed, ["acknowledged_version", "acknowledged_at", "current_until", "due_on"]
    )


def seed_organisation(modules: list[ModulePage]) -> list[Obligation]:
    """Everything of this module, in order; returns the demo obligations."""
    offices = seed_offices()
    seed_employees(offices)
    obligations = seed_obligations(modules)
    admin = get_user_model().objects.filter(email="admin@sensi.example").first()
    seed_acknowledgements(obligations, recorded_by=admin)
    return obligations
