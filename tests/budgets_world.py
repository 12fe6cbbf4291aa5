"""A realistic world for the query budgets (issue 15): what a learner and a CISO really see
at 8 o'clock, not an empty database.

    20 published modules (3 lessons and a quiz each), 8 of them with an obligation for
    everyone (deadlines past, near and far);
    two Ressorts with four Dienststellen and 24 employees besides the learner;
    the learner ("Lena Lernt", an employee of Referat A11) has
      - completed and acknowledged 3 obligation modules (lessons read, quiz passed),
      - read 2 lessons of a fourth and failed its quiz once,
      - read one lesson of a module without obligation,
      - answered this week's impulse and an older one,
      - a confirmed registration for a seminar session,
      - one self-check run;
    others acknowledged some obligations (paper forms entered by an administrator);
    a CISO ("Clara Sicher") signed in with TOTP (allauth's MFA challenge passed).

Pages to measure: `world.lesson` (the next lesson of the module in progress) and `world.quiz`
(its quiz, after the failed attempt). Build it with `build_world(client_factory)`; the fixture
`budgets_world` in tests/test_query_budgets.py does. Kept out of tests/conftest.py on purpose
(another helper reshapes that file).
"""

import datetime
import uuid
from dataclasses import dataclass

from django.test import Client
from django.utils import timezone

from compliance.models import Employee, Obligation
from compliance.reports.scopes import Role
from compliance.services import create_obligation
from courses.models import LessonPage, ModulePage
from impulses.services import answer_impulse
from quizzes.models import QuizPage
from selfcheck.services import submit_check
from seminars.services import register
from tests.compliance.reports.org import acknowledge, staff, user_with
from tests.factories import (
    UserFactory,
    correct_answers,
    dienststelle,
    employee,
    home_page,
    lessons_of,
    module_page,
    quiz_of,
    ressort,
    sign_in_with_mfa,
    wrong_answers,
)
from tests.impulses.conftest import impulse_page, options_of
from tests.lesson_client import read_lesson
from tests.privacy.conftest import acknowledge as confirm_as_employee
from tests.quiz_client import post_answers
from tests.selfcheck.conftest import make_step
from tests.seminars.conftest import make_session, trainer_group

MODULES = 20
OBLIGATIONS = 8


@dataclass
class World:
    home: object
    modules: list[ModulePage]
    obligations: list[Obligation]
    learner: Employee
    learner_client: Client
    ciso: object
    ciso_client: Client
    lesson: LessonPage
    quiz: QuizPage


def _take_module(client: Client, module: ModulePage) -> None:
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    post_answers(client, quiz_of(module), correct_answers(quiz_of(module)))


def build_world() -> World:
    home = home_page("de")
    topics = ["it_security", "data_protection"]
    modules = [
        module_page(home=home, title=f"Modul {n:02d}", topic=topics[n % 2])
        for n in range(1, MODULES + 1)
    ]

    ra, rb = ressort("RA", "Ressort A"), ressort("RB", "Ressort B")
    a1 = dienststelle("A1", of=ra, name="Abteilung A1")
    a11 = dienststelle("A11", parent=a1, name="Referat A11")
    a2 = dienststelle("A2", of=ra, name="Abteilung A2")
    b1 = dienststelle("B1", of=rb, name="Abteilung B1")
    lena = UserFactory(first_name="Lena", last_name="Lernt")
    learner = employee(user=lena, office=a11)
    others = staff(a11, "A11", 6) + staff(a2, "A2", 8) + staff(b1, "B1", 10)

    today = timezone.localdate()
    obligations = [
        create_obligation(
            title=f"Pflicht {n + 1}",
            module=modules[n],
            text_de=f"Ich habe die Hinweise zu Modul {n + 1:02d} zur Kenntnis genommen.",
            text_en=f"I have taken note of the guidance of module {n + 1:02d}.",
            due_date=today + datetime.timedelta(days=30 * n - 60),
            recurrence_months=12 if n % 3 == 0 else None,
        )
        for n in range(OBLIGATIONS)
    ]
    admin = UserFactory(first_name="Ada", last_name="Admin")
    for index, person in enumerate(others):
        for duty in obligations[: index % 4]:
            acknowledge(person, duty, by=admin)

    client = Client()
    client.force_login(lena)
    for n in range(3):
        _take_module(client, modules[n])
        confirm_as_employee(learner, obligations[n])
    in_progress = modules[3]
    lessons = lessons_of(in_progress)
    for lesson in lessons[:2]:
        read_lesson(client, lesson)
    post_answers(client, quiz_of(in_progress), wrong_answers(quiz_of(in_progress)))
    read_lesson(client, lessons_of(modules[12])[0])

    older = impulse_page(home, title="Impuls der Vorwoche", weeks_ago=1)
    current = impulse_page(home, title="Impuls dieser Woche")
    for impulse in (older, current):
        answer_impulse(user=lena, impulse=impulse, option_id=options_of(impulse)[0].id)

    trainer = UserFactory(first_name="Tom", last_name="Trainer")
    trainer.groups.add(trainer_group())
    session = make_session(module=modules[5], trainer=trainer, capacity=20)
    register(user=lena, session=session)

    steps = [
        make_step(),
        make_step("Nutzt Ihr WLAN WPA2 oder WPA3 mit starkem Schlüssel?", area="wifi"),
        make_step("Sperren Sie den Bildschirm, wenn Sie den Platz verlassen?", area="workplace"),
    ]
    submit_check(
        user=lena,
        steps=steps,
        answers={str(step.translation_key): "done" for step in steps[:2]}
        | {str(steps[2].translation_key): "unknown"},
        submission_id=uuid.uuid4(),
        language="de",
    )

    ciso = user_with(Role.CISO, first_name="Clara", last_name="Sicher")
    ciso_client = Client()
    sign_in_with_mfa(ciso_client, ciso)
    return World(
        home=home,
        modules=modules,
        obligations=obligations,
        learner=learner,
        learner_client=client,
        ciso=ciso,
        ciso_client=ciso_client,
        lesson=lessons[2],
        quiz=quiz_of(in_progress),
    )
