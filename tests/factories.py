"""Factories for tests: users with factory_boy, and small module trees built through
Wagtail's page API (published, as editors would leave them)."""

import time
import uuid

import factory
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from accounts.allauth_internals import activate_totp, totp_code
from content.models import HomePage
from courses.models import LessonPage, ModulePage
from quizzes.models import QuizPage

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Erika"
    last_name = "Muster"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def with_totp(user) -> str:
    """Set up TOTP for the user, as if they had scanned the QR code; returns the secret."""
    return activate_totp(user)


def sign_in_with_mfa(client, user) -> None:
    """Sign in and pass the second factor, as a privileged person does: TOTP is set up if
    missing, the session confirms it through allauth's MFA challenge."""
    client.force_login(user)
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    secret = get_mfa_adapter().decrypt(totp.data["secret"]) if totp else with_totp(user)
    # A code read just before a 30-second step ends can arrive after it on a busy machine;
    # then the next step's code is sent, as a person would type the new one.
    for _attempt in range(3):
        response = client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
        if response.status_code == 302:
            return
        time.sleep(1)
    raise AssertionError("the MFA challenge did not accept the code")


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def tree_root() -> Page:
    """Wagtail's root page; transactional tests flush the one its migrations create."""
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code="de")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def home_page(language: str = "de") -> HomePage:
    """The HomePage of a language, created (and made the site root for German) on demand."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    existing = HomePage.objects.filter(locale=locale).first()
    if existing:
        return existing
    german = HomePage.objects.filter(locale__language_code="de").first()
    home = HomePage(
        title=f"Home {language}",
        slug=f"home-{language}",
        locale=locale,
        **({"translation_key": german.translation_key} if german else {}),
    )
    publish(tree_root(), home)
    if language == "de":
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    return home


def choice_question(text="Welche Antwort stimmt?", *, kind="single_choice", correct=(0,), n=3):
    return {
        "type": kind,
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "explanation": "Weil es so ist.",
            "options": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "text": f"Option {i}",
                        "correct": i in correct,
                        "feedback": f"Rückmeldung {i}",
                    },
                }
                for i in range(n)
            ],
        },
    }


def true_false_question(text="Die Aussage ist wahr.", *, correct=True):
    return {
        "type": "true_false",
        "id": str(uuid.uuid4()),
        "value": {
            "question": text,
            "correct": correct,
            "feedback_true": "Rückmeldung richtig",
            "feedback_false": "Rückmeldung falsch",
            "explanation": "Erklärung",
        },
    }


def variants_question(*variants):
    """A question slot with several variants (each made by choice_question or
    true_false_question)."""
    return {
        "type": "variants",
        "id": str(uuid.uuid4()),
        "value": [{**variant} for variant in variants],
    }


def module_page(
    *,
    title="Phishing erkennen",
    slug=None,
    lessons=3,
    questions=None,
    pass_mark=80,
    home=None,
    topic="it_security",
    **quiz_fields,
) -> ModulePage:
    """A published module with `lessons` lessons and, unless questions == [], a quiz."""
    home = home or home_page()
    module = publish(
        home,
        ModulePage(
            title=title,
            slug=slug or f"modul-{uuid.uuid4().hex[:8]}",
            topic=topic,
            summary="Kurz erklärt.",
            objectives=[{"type": "objective", "value": "Sie erkennen Phishing."}],
            estimated_minutes=10,
        ),
    )
    for number in range(1, lessons + 1):
        publish(
            module,
            LessonPage(
                title=f"Lektion {number}",
                slug=f"lektion-{number}",
                intro="Einleitung",
                body=[{"type": "text", "value": f"<p>Inhalt {number}</p>"}],
            ),
        )
    if questions is None:
        questions = [
            choice_question("Frage A"),
            choice_question("Frage B", kind="multiple_choice", correct=(0, 2), n=4),
            true_false_question("Frage C"),
        ]
    if questions:
        publish(
            module,
            QuizPage(
                title="Wissenstest",
                slug="quiz",
                pass_mark=pass_mark,
                questions=questions,
                **quiz_fields,
            ),
        )
    return module


def quiz_of(module: ModulePage) -> QuizPage:
    return QuizPage.objects.child_of(module).get()


def lessons_of(module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).order_by("path"))


def correct_answers(quiz: QuizPage) -> dict[str, list[str]]:
    return {q.id: sorted(q.correct_ids) for q in quiz.question_list()}


def wrong_answers(quiz: QuizPage) -> dict[str, list[str]]:
    answers = {}
    for question in quiz.question_list():
        wrong = [o.id for o in question.options if not o.correct]
        answers[question.id] = wrong[:1]
    return answers


def ressort(code="HMdIS", name="Ministerium des Innern"):
    from compliance.models import Ressort

    return Ressort.objects.get_or_create(code=code, defaults={"name": name})[0]


def dienststelle(code="HMdIS-Z", *, of=None, parent=None, name="Zentralabteilung"):
    """An office of a Ressort (`of`), or below `parent`."""
    from compliance.models import Dienststelle

    if parent is not None:
        return parent.add_child(ressort=parent.ressort, code=code, name=name)
    return Dienststelle.add_root(ressort=of or ressort(), code=code, name=name)


def employee(*, user=None, office=None, number=None, entry_date=None):
    import datetime

    from compliance.models import Employee

    office = office or dienststelle()
    user = user or UserFactory()
    return Employee.objects.create(
        user=user,
        personnel_number=number or f"P{user.pk:06d}",
        ressort=office.ressort,
        dienststelle=office,
        entry_date=entry_date or datetime.date(2020, 1, 1),
    )


def obligation(*, module=None, due_in_days=30, **fields):
    import datetime

    from django.utils import timezone

    from compliance.services import create_obligation

    module = module or module_page()
    defaults = {
        "title": f"Pflicht: {module.title}",
        "module": module,
        "text_de": "Ich habe die Hinweise zur Kenntnis genommen.",
        "text_en": "I have taken note of the guidance.",
        "due_date": timezone.localdate() + datetime.timedelta(days=due_in_days),
    }
    return create_obligation(**{**defaults, **fields})
