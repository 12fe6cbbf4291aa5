"""Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): the demo employee signs in, takes a whole
module with its quiz and confirms the acknowledgement without touching the mouse.

Only `keyboard.press` and `keyboard.type` act on the page; every element that receives the
focus from Tab must show it (an outline or a box shadow).
"""

import re

from playwright.sync_api import expect

from compliance.models import LedgerEntry, Obligation
from courses.models import LessonPage, LessonRead, ModulePage
from demo.seed import DEMO_PASSWORD
from quizzes.models import QuizAttempt, QuizPage

EMPLOYEE = "beschaeftigte@sensi.example"
MAX_TABS = 80

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || "").trim(),
    href: el.getAttribute("href") || "",
    visible: outline || style.boxShadow !== "none",
    rect: el.getBoundingClientRect().width * el.getBoundingClientRect().height,
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def press_tab_until(page, matches, *, backwards=False) -> dict:
    """Tab (or Shift+Tab) until the focused element matches; each stop must show its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        element = focused(page)
        assert element["tag"] != "body", "The focus got lost (it is on <body>)."
        assert element["visible"], f"No visible focus on {element}"
        assert element["rect"] > 0, f"The focused element is not on screen: {element}"
        if matches(element):
            return element
    raise AssertionError(f"No matching element within {MAX_TABS} presses of Tab.")


def link_to(url: str):
    return lambda element: element["tag"] == "a" and element["href"].split("?")[0].endswith(url)


def text_starts(prefix: str):
    return lambda element: element["text"].startswith(prefix)


def sign_in(page):
    page.goto("/de/accounts/login/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main" and skip["text"] == "Zum Inhalt springen", skip
    assert skip["visible"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    press_tab_until(page, lambda element: element["id"] == "id_login")
    page.keyboard.type(EMPLOYEE)
    press_tab_until(page, lambda element: element["id"] == "id_password")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()


def answer_with_keyboard(page, quiz: QuizPage):
    for question in quiz.question_list():
        if not page.locator(f"#question-{question.id}").count():
            continue  # in the pool, but not drawn for this attempt
        wanted = {f"option-{question.id}-{option_id}" for option_id in question.correct_ids}
        in_question = f"option-{question.id}-"
        first = press_tab_until(
            page, lambda element, prefix=in_question: element["id"].startswith(prefix)
        )
        if not question.allows_several:
            # A radio group is one Tab stop; the arrow keys move and select.
            current = first
            for _ in range(len(question.options)):
                if current["id"] in wanted:
                    break
                page.keyboard.press("ArrowDown")
                current = focused(page)
            assert current["id"] in wanted
            page.keyboard.press("Space")
            continue
        # Checkboxes: each is a Tab stop, Space ticks it.
        current = first
        for _ in question.options:
            if current["id"] in wanted:
                page.keyboard.press("Space")
            if not current["id"].startswith(in_question):
                break
            page.keyboard.press("Tab")
            current = focused(page)
        page.keyboard.press("Shift+Tab")


def test_a_whole_module_quiz_and_acknowledgement_by_keyboard_only(demo_site, desktop, settings):
    # A short minimum reading time; the page says when it has passed (courses.reading).
    settings.SENSI_LESSON_MIN_SECONDS = settings.SENSI_LESSON_MAX_SECONDS = 1
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    lessons = list(LessonPage.objects.child_of(module).live())
    quiz = QuizPage.objects.child_of(module).get()
    obligation = Obligation.objects.filter(module=module).order_by("pk").first()
    page = desktop

    sign_in(page)
    press_tab_until(
        page,
        lambda element: element["text"].startswith("Starten") and module.title in element["text"],
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=module.title)).to_be_visible()

    press_tab_until(page, text_starts("Modul starten"))
    page.keyboard.press("Enter")
    for number, _lesson in enumerate(lessons, start=1):
        expect(page.get_by_text(f"Lektion {number} von {len(lessons)}")).to_be_visible()
        if number == 1 and page.locator("summary").count():
            # Disclosures (FAQ, scenarios) open with the keyboard.
            summary = press_tab_until(page, lambda element: element["tag"] == "summary")
            page.keyboard.press("Enter")
            expect(page.locator("details[open] > summary", has_text=summary["text"])).to_have_count(
                1
            )
        label = "Zum Wissenstest" if number == len(lessons) else "Nächste Lektion"
        expect(page.locator("[data-reading-ready]")).to_have_text(re.compile("Mindestlesezeit"))
        press_tab_until(page, text_starts(label))
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name=quiz.title)).to_be_visible()
    assert LessonRead.objects.qualified().filter(user__email=EMPLOYEE).count() == len(lessons)
    # Submitting nothing puts the focus on the error summary, whose links lead on.
    press_tab_until(page, text_starts("Antworten absenden"))
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page)["href"].startswith("#question-")

    answer_with_keyboard(page, quiz)
    press_tab_until(page, text_starts("Antworten absenden"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bestanden", exact=True)).to_be_visible()

    press_tab_until(page, text_starts("Zu meinen Schulungen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Meine Schulungen")).to_be_visible()
    press_tab_until(
        page,
        lambda element: (
            element["text"].startswith("Kenntnisnahme bestätigen")
            and obligation.title in element["text"]
        ),
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=re.compile("Kenntnisnahme"))).to_be_visible()
    press_tab_until(page, lambda element: element["id"] == "confirmed")
    page.keyboard.press("Space")
    press_tab_until(page, text_starts("Verbindlich bestätigen"))
    page.keyboard.press("Enter")

    expect(page.get_by_text(re.compile("Ihre Kenntnisnahme wurde"))).to_be_visible()
    assert QuizAttempt.objects.filter(user__email=EMPLOYEE, passed=True).count() == 1
    assert LedgerEntry.objects.filter(
        employee__user__email=EMPLOYEE, obligation_version__obligation=obligation
    ).exists()


def test_a_lesson_read_by_keyboard_counts_after_the_minimum_time(demo_site, desktop, settings):
    """Finding 4 of issue 11: too early, the end of the lesson says how long is left and
    records nothing; the focus stays at the lesson's end, and after the minimum time the same
    button counts the lesson as read. No scrolling, no mouse."""
    settings.SENSI_LESSON_MIN_SECONDS = settings.SENSI_LESSON_MAX_SECONDS = 3
    module = ModulePage.objects.get(slug="phishing", locale__language_code="de")
    lesson = LessonPage.objects.child_of(module).live().first()
    page = desktop

    sign_in(page)
    page.goto(lesson.url)
    expect(page.get_by_text("mindestens 3 Sekunden geöffnet war")).to_be_visible()
    press_tab_until(page, text_starts("Nächste Lektion"))
    page.keyboard.press("Enter")

    notice = page.locator(".lesson-end__notice")
    expect(notice).to_contain_text(re.compile(r"noch \d Sekunden?"))
    expect(notice).to_be_focused()
    assert not LessonRead.objects.filter(user__email=EMPLOYEE).exists()

    expect(page.locator("[data-reading-ready]")).to_have_text(re.compile("Mindestlesezeit"))
    press_tab_until(page, text_starts("Nächste Lektion"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Lektion 2 von")).to_be_visible()
    read = LessonRead.objects.get(user__email=EMPLOYEE, lesson_key=lesson.translation_key)
    assert read.engaged_seconds >= 3
