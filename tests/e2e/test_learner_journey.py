"""The demo employee signs in, completes a module with its quiz, and sees it completed."""

import re

from playwright.sync_api import expect

from courses.models import LessonPage, LessonRead, ModulePage, ModuleProgress
from demo.seed import DEMO_PASSWORD
from quizzes.models import QuizAttempt, QuizPage

EMPLOYEE = "beschaeftigte@sensi.example"


def sign_in(page):
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill(EMPLOYEE)
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()


def answer(page, quiz: QuizPage, *, correctly: bool):
    for question in quiz.question_list():
        if not page.locator(f"#question-{question.id}").count():
            continue  # in the pool, but not drawn for this attempt
        chosen = sorted(question.correct_ids)
        if not correctly:
            chosen = [next(o.id for o in question.options if not o.correct)]
        for option_id in chosen:
            page.locator(f"#option-{question.id}-{option_id}").check()
    page.get_by_role("button", name="Antworten absenden").click()


def read_to_the_end(page):
    """Stay until the page says the minimum reading time has passed (settings below make it a
    second), so that moving on counts the lesson as read."""
    expect(page.locator("[data-reading-ready]")).to_have_text(re.compile("Mindestlesezeit"))


def test_demo_employee_completes_a_module_with_its_quiz(demo_site, phone, settings):
    settings.SENSI_LESSON_MIN_SECONDS = settings.SENSI_LESSON_MAX_SECONDS = 1
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    quiz = QuizPage.objects.child_of(module).get()
    page = phone

    sign_in(page)
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=module.title))
    expect(card.get_by_text("Nicht begonnen")).to_be_visible()
    card.get_by_role("link", name=re.compile("Starten")).click()

    expect(page.get_by_role("heading", level=1, name=module.title)).to_be_visible()
    page.get_by_role("link", name="Modul starten").click()
    lesson_count = LessonPage.objects.child_of(module).live().count()
    for number in range(1, lesson_count + 1):
        expect(page.get_by_text(f"Lektion {number} von {lesson_count}")).to_be_visible()
        read_to_the_end(page)
        label = "Nächste Lektion" if number < lesson_count else "Zum Wissenstest"
        page.get_by_role("button", name=re.compile(label)).click()
    assert LessonRead.objects.qualified().filter(user__email=EMPLOYEE).count() == lesson_count

    answer(page, quiz, correctly=False)
    expect(page.get_by_text("Noch nicht bestanden")).to_be_visible()
    # Which questions were wrong, not the solutions (docs/security.md, quizzes).
    expect(page.locator(".review__explanation")).to_have_count(0)
    expect(page.get_by_text("noch 2 Versuche")).to_be_visible()
    page.screenshot(path="/tmp/quiz_failed_360.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path="/tmp/quiz_failed_1280.png", full_page=True)
    page.get_by_role("link", name="Erneut versuchen").click()
    answer(page, quiz, correctly=True)
    expect(page.get_by_text("Bestanden", exact=True)).to_be_visible()

    page.get_by_role("link", name="Zu meinen Schulungen").click()
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=module.title))
    expect(card.get_by_text("Abgeschlossen")).to_be_visible()
    assert QuizAttempt.objects.filter(user__email=EMPLOYEE).count() == 2
    assert ModuleProgress.objects.get(user__email=EMPLOYEE).completed_at is not None
