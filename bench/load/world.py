"""What the load test needs from Sensi's database, and the check that nothing confirmed is lost.

Run by bench/load/run.py with the server's environment (production settings, the test's
PostgreSQL), after `seed_demo`:

    python bench/load/world.py prepare WORLD.json [--employees N]
    python bench/load/world.py verify CONFIRMED_DIR

`prepare` gives up to N employees with open obligations a password (they are generated
without one) and lets every second of them have finished their modules on an earlier day, so
that they come to acknowledge, as on a deadline morning (a lesson read during the test counts
only after its minimum reading time, longer than a stage). It sets up TOTP for the demo CISO
and writes what the locust users need: the logins, the TOTP secret, each obligation's module
(lessons, quiz, correct answers, confirm URL) and, for the Moodle client, learners' agents and
the modules' activity IRIs.

`verify` reads the statement ids the LRS confirmed (200) and the acknowledgements confirmed
to employees (the redirect after the confirm form) and prints, as JSON, how many of each are
missing from the database.
"""

import json
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

PASSWORD = "Sensi-Load-" + "2026-test"  # the load test's throw-away database only
CISO_EMAIL = "ciso@sensi.example"


def _employees(limit: int) -> list:
    from compliance.models import Employee, ObligationStatus

    open_ids = ObligationStatus.objects.filter(
        obligation__active=True, acknowledged_version__isnull=True
    ).values("employee_id")
    return list(
        # not the privileged demo accounts: they must pass a second factor
        Employee.objects.filter(active=True, user__is_active=True, pk__in=open_ids)
        .filter(user__is_staff=False, user__is_superuser=False, user__groups__isnull=True)
        .select_related("user")
        .order_by("pk")[:limit]
    )


def _give_password(users) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    hashed = make_password(PASSWORD)  # once: Argon2id, a quarter second of CPU per hash
    get_user_model().objects.filter(pk__in=[u.pk for u in users]).update(password=hashed)


def _finish_modules(users) -> None:
    """Each lesson read (for the lesson's minimum reading time) and each module completed, for
    every active obligation: what these employees did before the load test's morning."""
    from django.utils import timezone

    from compliance.models import Obligation
    from courses.models import LessonPage, LessonRead, ModuleProgress
    from courses.reading import minimum_seconds

    now = timezone.now()
    for duty in Obligation.objects.filter(active=True).select_related("module"):
        module = duty.module
        lessons = [
            (lesson.translation_key, minimum_seconds(lesson))
            for lesson in LessonPage.objects.child_of(module).live()
        ]
        LessonRead.objects.bulk_create(
            [
                LessonRead(
                    user=user,
                    module_key=module.translation_key,
                    lesson_key=lesson_key,
                    engaged_seconds=seconds,
                )
                for user in users
                for lesson_key, seconds in lessons
            ],
            ignore_conflicts=True,
        )
        ModuleProgress.objects.bulk_create(
            [
                ModuleProgress(user=user, module_key=module.translation_key, completed_at=now)
                for user in users
            ],
            update_conflicts=True,
            unique_fields=["user", "module_key"],
            update_fields=["completed_at"],
        )


def _ciso_totp() -> str:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model

    from accounts.allauth_internals import activate_totp

    ciso = get_user_model().objects.get(email=CISO_EMAIL)
    ciso.set_password(PASSWORD)
    ciso.save(update_fields=["password"])
    Authenticator.objects.filter(user=ciso).delete()
    return activate_totp(ciso)


def _modules() -> dict:
    from django.urls import reverse
    from django.utils import translation

    from compliance.models import Obligation
    from courses.models import LessonPage
    from quizzes.models import QuizPage
    from xapi.activities import page_iri

    found = {}
    with translation.override("de"):
        for duty in Obligation.objects.filter(active=True).select_related("module"):
            module = duty.module
            quiz = QuizPage.objects.child_of(module).live().first()
            lessons = LessonPage.objects.child_of(module).live().order_by("path")
            found[str(duty.pk)] = {
                "module": module.url,
                "activity": page_iri(module),
                "lessons": [lesson.url for lesson in lessons],
                "quiz": quiz.url if quiz else None,
                "answers": {q.id: sorted(q.correct_ids) for q in quiz.question_list()}
                if quiz
                else {},
                "confirm": reverse("compliance:confirm", args=[duty.pk]),
                "requires_quiz": duty.requires_quiz,
            }
    return found


def prepare(out: Path, employees: int) -> None:
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from xapi.recording import actor_for

    people = _employees(employees)
    _give_password([p.user for p in people])
    _finish_modules([p.user for p in people[::2]])
    with translation.override("de"):
        urls = {
            name: reverse(name)
            for name in (
                "account_login",
                "courses:my_training",
                "compliance:reports",
                "compliance:reports_csv",
                "compliance:reports_overdue_csv",
                "compliance:reports_pdf",
            )
        }
    world = {
        "password": PASSWORD,
        "employees": [p.user.email for p in people],
        "agents": [actor_for(p.user) for p in people],
        "ciso": {"email": CISO_EMAIL, "totp_secret": _ciso_totp()},
        "obligations": _modules(),
        "urls": urls,
        "nonce": secrets.token_hex(4),
    }
    out.write_text(json.dumps(world, indent=1))
    print(
        f"{len(people)} employees ({len(people[::2])} with their modules done),"
        f" {len(world['obligations'])} obligations"
    )


def _lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def verify(confirmed: Path) -> dict:
    """Counts of confirmed statements and acknowledgements, and of those not in the database."""
    import django

    django.setup()
    from compliance.models import LedgerEntry
    from xapi.models import Statement

    statement_ids = set(_lines(confirmed / "statements.txt"))
    stored = set()
    ids = sorted(statement_ids)
    for start in range(0, len(ids), 5000):
        stored |= {
            str(s)
            for s in Statement.objects.filter(
                statement_id__in=ids[start : start + 5000]
            ).values_list("statement_id", flat=True)
        }
    acknowledgements = {tuple(line.split(",")) for line in _lines(confirmed / "acks.txt")}
    recorded = set(
        LedgerEntry.objects.filter(
            employee__user__email__in={email for email, _duty in acknowledgements}
        ).values_list("employee__user__email", "obligation_version__obligation_id")
    )
    recorded = {(email, str(duty)) for email, duty in recorded}
    missing_acks = sorted(acknowledgements - recorded)
    return {
        "statements_confirmed": len(statement_ids),
        "statements_missing": len(statement_ids - stored),
        "acknowledgements_confirmed": len(acknowledgements),
        "acknowledgements_missing": len(missing_acks),
        "missing_examples": [list(a) for a in missing_acks[:5]]
        + sorted(statement_ids - stored)[:5],
    }


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        count = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--employees" else 200
        prepare(Path(sys.argv[2]), count)
    elif sys.argv[1] == "verify":
        print(json.dumps(verify(Path(sys.argv[2]))))
    else:
        sys.exit(__doc__)
