"""Resume leads to the next unfinished step (the quiz once the lessons are read), and the
result page of a passed quiz links to the acknowledgement still due; axe finds nothing on
the changed pages at desktop and phone width."""

import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from compliance.selectors import employee_for, obligations_for
from courses.models import LessonPage, ModulePage
from quizzes.models import QuizPage
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.e2e.test_learner_journey import EMPLOYEE, answer, read_to_the_end, sign_in

WIDTHS = (1280, 360)


def check_page(page, name: str) -> None:
    """No axe violations and a screenshot at each width, without horizontal scrolling."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, f"{name} at {width} px:\n" + readable(violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=f"/tmp/learner_{name}_{width}.png", full_page=True)


def module_card(page, module):
    return page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=module.title))


def test_resume_goes_to_the_quiz_and_the_result_links_to_the_acknowledgement(
    demo_site, browser, live_server, settings
):
    settings.SENSI_LESSON_MIN_SECONDS = settings.SENSI_LESSON_MAX_SECONDS = 1
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    quiz = QuizPage.objects.child_of(module).get()
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=True,  # axe is injected as a script
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in(page)
        module_card(page, module).get_by_role("link", name=re.compile("Starten")).click()
        page.get_by_role("link", name="Modul starten").click()
        lesson_count = LessonPage.objects.child_of(module).live().count()
        for number in range(1, lesson_count + 1):
            expect(page.get_by_text(f"Lektion {number} von {lesson_count}")).to_be_visible()
            read_to_the_end(page)
            if number == lesson_count:
                break  # leave the module before the quiz, as a learner would
            page.get_by_role("button", name=re.compile("Nächste Lektion")).click()
        page.get_by_role("button", name=re.compile("Zum Wissenstest")).click()
        expect(page.get_by_role("heading", level=1, name=quiz.title)).to_be_visible()

        page.goto(reverse("courses:my_training"))
        obligations = page.locator("section.obligations")
        expect(obligations.get_by_role("link", name=re.compile("Phishing")).first).to_be_visible()
        check_page(page, "my_training")
        module_card(page, module).get_by_role("link", name=re.compile("Fortsetzen")).click()
        expect(page.get_by_role("heading", level=1, name=quiz.title)).to_be_visible()
        check_page(page, "quiz")

        answer(page, quiz, correctly=True)
        expect(page.get_by_text("Bestanden", exact=True)).to_be_visible()
        notice = page.locator("section[aria-labelledby='acknowledgement-heading']")
        expect(notice).to_be_visible()
        check_page(page, "quiz_result")
        item = next(
            i
            for i in obligations_for(employee_for(get_user_model().objects.get(email=EMPLOYEE)))
            if i.obligation.module_id == module.pk
        )
        if item.needs_confirmation:
            notice.get_by_role("link", name=re.compile("Kenntnisnahme bestätigen")).click()
            expect(page.get_by_role("checkbox")).to_be_visible()

        page.goto(module.url)
        check_page(page, "module")
        page.goto(reverse("courses:my_training"))
        module_card(page, module).get_by_role("link", name=re.compile("Ansehen")).click()
        expect(page.get_by_role("heading", level=1, name=module.title)).to_be_visible()
    finally:
        context.close()
