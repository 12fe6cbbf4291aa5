"""A large generated organisation for load tests and benchmarks: `seed_demo --employees N`.

On top of the demo organisation it adds HKM and HMdJ (ten Ressorts), 30 generated
Dienststellen per Ressort on two levels (300), two once-only obligations whose deadlines
have passed (eight obligations with the six demo ones), and N employees spread unevenly
over the generated Dienststellen. For every obligation that applies to everyone, each
employee has acknowledged it at some time in the last 18 months or never; yearly ones were
often renewed after twelve months, sometimes not (first versions are backdated to the
start of those 18 months, as if in force since then). Dienststellen differ in how diligent
their staff are, so that reports have something to show: most are done, some overdue,
some never started.

Fast enough for 150,000 employees and over a million ledger entries: users, employees,
statuses and ledger entries are built in Python and bulk-inserted in batches (memory grows
only with the compact list of ledger events, about 40 bytes each). The ledger entries are
chained in the order of their time by `compliance.ledger.chain.append_many`, the same writer
as every acknowledgement, and the status rows say what
`services._mark_acknowledged` would have set. The append-only triggers refuse only UPDATE
and DELETE; these are inserts.

Additive, not idempotent: each run adds N more employees with the next free personnel
numbers (GEN-0000001, ...) into the same generated Dienststellen. Generated employees are
never removed, because their ledger entries cannot be: the ledger is append-only. Use a
fresh database for a clean figure.
"""

import random
import time as clock
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, reset_queries, transaction
from django.utils import timezone

from compliance import selectors, services
from compliance.dates import FOREVER, add_months
from compliance.ledger import chain as ledger_chain
from compliance.models import (
    Dienststelle,
    Employee,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    ObligationVersion,
)
from compliance.models.obligations import text_hash
from courses.models import ModulePage

from . import organisation
from .organisation import ascii_name

NUMBER_PREFIX = "GEN-"
EMAIL_DOMAIN = "gen.sensi.example"
BATCH = 5_000  # employees per batch
LEDGER_BATCH = 10_000
HISTORY_DAYS = 548  # 18 months of acknowledgements
RENEWED_SHARE = 0.75  # of yearly acknowledgements that ran out
ENGLISH_SHARE = 0.03  # acknowledged in English
RECENT_JOINERS = 0.06  # joined within the last two years

MORE_RESSORTS = (
    ("HKM", "Hessisches Kultusministerium"),
    ("HMdJ", "Hessisches Ministerium der Justiz"),
)
REGIONS = {
    "Nordhessen": ("Kassel", "Korbach", "Hofgeismar", "Eschwege", "Homberg (Efze)"),
    "Osthessen": ("Fulda", "Bad Hersfeld", "Hünfeld", "Lauterbach", "Schlüchtern"),
    "Mittelhessen": ("Gießen", "Marburg", "Wetzlar", "Limburg", "Alsfeld"),
    "Südhessen": ("Darmstadt", "Bensheim", "Heppenheim", "Dieburg", "Erbach"),
    "Rhein-Main": ("Frankfurt am Main", "Wiesbaden", "Offenbach am Main", "Hanau", "Bad Homburg"),
}
ONCE_ONLY = (
    # (title, module slug, days since the deadline)
    ("Erstunterweisung Informationssicherheit", "phishing", 270),
    ("Erstunterweisung Datenschutz", "datenpanne", 120),
)
FIRST_NAMES = (
    "Anna", "Ben", "Christina", "Daniel", "Emine", "Florian", "Gabriele", "Hakan", "Ines",
    "Jan", "Karin", "Lars", "Monika", "Nils", "Olga", "Peter", "Ruth", "Sebastian", "Tanja",
    "Uwe", "Vanessa", "Wolfgang", "Yvonne", "Zeynep", "Andreas", "Birgit", "Carsten", "Dana",
    "Erik", "Franziska", "Georg", "Heike", "Ivan", "Julia", "Klaus", "Lena", "Markus", "Nadine",
)  # fmt: skip
LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
    "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
    "Krause", "Meier", "Lehmann", "Kaya", "Köhler", "Kowalski", "Herrmann", "Walter", "König",
)  # fmt: skip


@dataclass
class Generated:
    employees: int = 0
    dienststellen: int = 0
    statuses: int = 0
    ledger_entries: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Target:
    """An obligation that everyone has, with what its statuses and entries need; `since`:
    the first day on which an acknowledgement of its current version may fall."""

    obligation: Obligation
    version: ObligationVersion
    text_hashes: dict[str, str]
    since: date


@dataclass
class Events:
    """Ledger events to chain later, in compact arrays: epoch seconds, employee, version,
    language (0: de, 1: en)."""

    times: array = field(default_factory=lambda: array("q"))
    employees: array = field(default_factory=lambda: array("q"))
    versions: array = field(default_factory=lambda: array("q"))
    english: array = field(default_factory=lambda: array("b"))

    def add(self, moment: datetime, employee_id: int, version_id: int, english: bool) -> None:
        self.times.append(int(moment.timestamp()))
        self.employees.append(employee_id)
        self.versions.append(version_id)
        self.english.append(english)

    def __len__(self) -> int:
        return len(self.times)


# --- organisation and obligations --------------------------------------------------------------


def ensure_offices() -> list[Dienststelle]:
    """The ten Ressorts, and per Ressort five regional directorates with five offices each."""
    offices = []
    ressorts = [(r.code, r.name) for r in organisation.RESSORTS] + list(MORE_RESSORTS)
    for code, name in ressorts:
        ressort = organisation.ensure_ressort(code, name)
        for r, (region, towns) in enumerate(REGIONS.items(), start=1):
            top = organisation.ensure_office(
                f"{code}-G{r}", f"Regionaldirektion {region}", ressort=ressort
            )
            offices.append(top)
            for t, town in enumerate(towns, start=1):
                offices.append(
                    organisation.ensure_office(
                        f"{code}-G{r}-{t}", f"Dienststelle {town}", ressort=ressort, parent=top
                    )
                )
    return offices


def ensure_once_only_obligations() -> None:
    today = timezone.localdate()
    for title, slug, days_ago in ONCE_ONLY:
        if Obligation.objects.filter(title=title).exists():
            continue
        module = ModulePage.objects.get(slug=slug, locale__language_code="de")
        text_de, text_en = organisation.TEXTS[module.topic]
        english_title = organisation.ENGLISH_TITLES.get(slug, module.title)
        services.create_obligation(
            title=title,
            module=module,
            everyone=True,
            text_de=text_de.format(title=module.title),
            text_en=text_en.format(title=english_title),
            due_date=today - timedelta(days=days_ago),
            recurrence_months=None,
        )


def targets() -> list[Target]:
    """The active obligations for everyone. A first version is backdated to the start of
    the history, as if it had been in force for 18 months (reports count from there); a
    later version's acknowledgements fall after it became valid."""
    history_start = timezone.localdate() - timedelta(days=HISTORY_DAYS)
    in_force = timezone.make_aware(datetime.combine(history_start, time.min))
    result = []
    for obligation in Obligation.objects.filter(active=True, everyone=True).order_by("pk"):
        version = selectors.current_version(obligation)
        if version.number == 1 and version.valid_from > in_force:
            ObligationVersion.objects.filter(pk=version.pk).update(valid_from=in_force)
            version.valid_from = in_force
        since = max(history_start, timezone.localdate(version.valid_from))
        hashes = {lang: text_hash(version.text_for(lang)) for lang in ("de", "en")}
        result.append(Target(obligation, version, hashes, since))
    return result


# --- employees, statuses, events ---------------------------------------------------------------


def next_number() -> int:
    last = (
        Employee.objects.filter(personnel_number__startswith=NUMBER_PREFIX)
        .order_by("-personnel_number")
        .values_list("personnel_number", flat=True)
        .first()
    )
    return int(last.removeprefix(NUMBER_PREFIX)) + 1 if last else 1


def _entry_date(rng: random.Random, today: date) -> date:
    if rng.random() < RECENT_JOINERS:
        return today - timedelta(days=rng.randrange(730))
    return today - timedelta(days=730 + rng.randrange(35 * 365))


def _moment(rng: random.Random, day: date, now: datetime) -> datetime:
    """Office hours, local time; today's not later than now."""
    at = time(rng.randrange(7, 18), rng.randrange(60), rng.randrange(60))
    return min(timezone.make_aware(datetime.combine(day, at)), now)


def _history(rng, target: Target, entry_date: date, today: date, diligence: float) -> list[date]:
    """The days on which one employee acknowledged one obligation (none: never)."""
    earliest = max(entry_date, target.since)
    if earliest > today or rng.random() > diligence:
        return []
    days = [earliest + timedelta(days=rng.randrange((today - earliest).days + 1))]
    months = target.obligation.recurrence_months
    if months:
        runs_out = add_months(days[0], months)
        if runs_out <= today and rng.random() < RENEWED_SHARE:
            renewed = runs_out + timedelta(days=rng.randrange(-40, 30))
            days.append(min(max(renewed, days[0] + timedelta(days=1)), today))
    return days


def _status(target: Target, employee: Employee, history: list[date], moment) -> ObligationStatus:
    obligation = target.obligation
    if not history:
        return ObligationStatus(
            employee_id=employee.pk,
            obligation_id=obligation.pk,
            due_on=selectors.initial_due_date(obligation, target.version, employee.entry_date),
        )
    # As services._mark_acknowledged sets it after the latest acknowledgement.
    months = obligation.recurrence_months
    until = add_months(history[-1], months) if months else FOREVER
    return ObligationStatus(
        employee_id=employee.pk,
        obligation_id=obligation.pk,
        acknowledged_version=target.version.number,
        acknowledged_at=moment,
        current_until=until,
        due_on=until,
    )


def _add_batch(
    *, rng, numbers: range, offices, weights, diligence, targets, events: Events, password: str
) -> int:
    user_model = get_user_model()
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate(now)
    placed = rng.choices(offices, cum_weights=weights, k=len(numbers))
    users = []
    for number in numbers:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{ascii_name(first)}.{ascii_name(last)}.{number}@{EMAIL_DOMAIN}"
        users.append(
            user_model(
                email=email, username=email, first_name=first, last_name=last, password=password
            )
        )
    user_model.objects.bulk_create(users)
    employees = Employee.objects.bulk_create(
        Employee(
            user_id=user.pk,
            personnel_number=f"{NUMBER_PREFIX}{number:07d}",
            ressort_id=office.ressort_id,
            dienststelle_id=office.pk,
            entry_date=_entry_date(rng, today),
        )
        for user, number, office in zip(users, numbers, placed, strict=True)
    )
    statuses = []
    for employee, office in zip(employees, placed, strict=True):
        for target in targets:
            history = _history(rng, target, employee.entry_date, today, diligence[office.pk])
            moment = None
            for day in history:
                moment = _moment(rng, day, now)
                english = rng.random() < ENGLISH_SHARE
                events.add(moment, employee.pk, target.version.pk, english)
            statuses.append(_status(target, employee, history, moment))
    ObligationStatus.objects.bulk_create(statuses, batch_size=LEDGER_BATCH)
    reset_queries()  # with DEBUG on, Django would keep every bulk INSERT's SQL
    return len(statuses)


# --- the ledger --------------------------------------------------------------------------------


def chain_events(events: Events, text_hashes: dict[int, dict[str, str]]) -> int:
    """Append the events to the ledger in the order of their time (compliance.ledger.chain,
    like every other writer)."""

    def rows():
        for index in sorted(range(len(events)), key=events.times.__getitem__):
            moment = datetime.fromtimestamp(events.times[index], UTC)
            language = "en" if events.english[index] else "de"
            version_id = events.versions[index]
            yield {
                "kind": LedgerEntry.Kind.CONFIRMATION.value,
                "employee_id": events.employees[index],
                "obligation_version_id": version_id,
                "language": language,
                "text_hash": text_hashes[version_id][language],
                "confirmed_at": moment,
                "recorded_at": moment,
                "recorded_by_id": None,
                "reason": "",
            }

    return ledger_chain.append_many(rows(), batch_size=LEDGER_BATCH)


# --- all together ------------------------------------------------------------------------------


@transaction.atomic
def generate(
    *, employees: int, seed: int = 2021, progress: Callable[[str], None] | None = None
) -> Generated:
    """Add `employees` generated employees with statuses and ledger entries (see above)."""
    say = progress or (lambda message: None)
    result = Generated()
    rng = random.Random(seed)
    started = clock.perf_counter()

    offices = ensure_offices()
    ensure_once_only_obligations()
    goals = targets()
    result.dienststellen = len(offices)
    # Uneven sizes and diligence, the same for every run with this seed.
    layout = random.Random(f"{seed}/layout")
    weights = list(accumulate(layout.lognormvariate(0, 0.9) for _office in offices))
    diligence = {office.pk: 0.55 + 0.43 * layout.betavariate(5, 2) for office in offices}
    result.seconds["organisation"] = clock.perf_counter() - started
    say(f"{len(offices)} generated Dienststellen, {len(goals)} obligations for everyone")

    phase = clock.perf_counter()
    password = make_password(None)  # one unusable password for all: hashing is slow
    events = Events()
    first = next_number()
    for start in range(first, first + employees, BATCH):
        numbers = range(start, min(start + BATCH, first + employees))
        result.statuses += _add_batch(
            rng=rng,
            numbers=numbers,
            offices=offices,
            weights=weights,
            diligence=diligence,
            targets=goals,
            events=events,
            password=password,
        )
        result.employees += len(numbers)
        say(f"{result.employees} employees, {len(events)} acknowledgements so far")
    result.seconds["employees and statuses"] = clock.perf_counter() - phase

    phase = clock.perf_counter()
    hashes = {goal.version.pk: goal.text_hashes for goal in goals}
    result.ledger_entries = chain_events(events, hashes)
    del events
    result.seconds["ledger"] = clock.perf_counter() - phase
    say(f"{result.ledger_entries} ledger entries chained")

    phase = clock.perf_counter()
    for obligation in Obligation.objects.filter(active=True, everyone=False):
        result.statuses += services.sync_statuses(obligation)  # audiences chosen by office
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum would gather them soon after a bulk load.
        models = (get_user_model(), Employee, ObligationStatus, LedgerEntry, Dienststelle)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(m._meta.db_table for m in models))
    result.seconds["finish"] = clock.perf_counter() - phase
    result.seconds["total"] = clock.perf_counter() - started
    return result
