import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site, WorkflowPage

from courses.models import LessonPage, ModulePage, ModuleProgress
from demo.seed import ACCOUNTS
from quizzes.models import QuizPage
from tests.factories import correct_answers
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("seeded_demo")
class TestTheSeededDemo:
    """Seeded once for the class (tests/conftest.py); each test runs in its own savepoint."""

    def test_seed_builds_six_german_modules_with_lessons_and_quizzes(self):
        modules = ModulePage.objects.live().filter(locale__language_code="de")
        assert modules.count() == 6
        assert {m.topic for m in modules} == {"it_security", "data_protection"}
        for module in modules:
            assert 3 <= LessonPage.objects.child_of(module).live().count() <= 5, module.title
            quiz = QuizPage.objects.child_of(module).live().get()
            kinds = [q.kind for q in quiz.question_list()]
            assert len(kinds) >= 5, module.title
            assert module.teaser_image is not None

    def test_every_quiz_uses_all_question_types(self):
        for quiz in QuizPage.objects.filter(locale__language_code="de"):
            assert {q.kind for q in quiz.question_list()} == {
                "single_choice",
                "multiple_choice",
                "true_false",
            }, quiz.title

    def test_english_phishing_module_is_a_translation_with_the_same_question_ids(self):
        german = ModulePage.objects.get(slug="phishing", locale__language_code="de")
        english = german.get_translation(Locale.objects.get(language_code="en"))
        assert english.live and english.title != german.title
        german_quiz = QuizPage.objects.child_of(german).get()
        english_quiz = QuizPage.objects.child_of(english).get()
        assert english_quiz.translation_key == german_quiz.translation_key
        assert [q.id for q in english_quiz.question_list()] == [
            q.id for q in german_quiz.question_list()
        ]
        assert [q.correct_ids for q in english_quiz.question_list()] == [
            q.correct_ids for q in german_quiz.question_list()
        ]

    def test_every_module_practises_with_at_least_two_exercises_or_videos(self):
        """Issue 13: every demo module has at least two of the new blocks (spot the signs,
        sort it, put in order, captioned video), and their content passes block validation."""
        practice = {"spot_the_signs", "sort_it", "put_in_order", "video"}
        for module in ModulePage.objects.live():
            found = []
            for lesson in LessonPage.objects.child_of(module).live().specific():
                lesson.body.stream_block.clean(lesson.body)
                found += [child.block_type for child in lesson.body if child.block_type in practice]
                for child in lesson.body:
                    if child.block_type == "video":
                        language = module.locale.language_code
                        assert child.value["captions"].title.endswith(f".{language}.vtt")
                        assert child.value["transcript"]
            assert len(found) >= 2, (module.title, found)

    def test_seed_is_idempotent(self):
        counts = (Page.objects.count(), get_user_model().objects.count(), Group.objects.count())
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
        assert (
            Page.objects.count(),
            get_user_model().objects.count(),
            Group.objects.count(),
        ) == counts
        assert (
            Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "de"
        )

    def test_editorial_groups_and_approval_workflow(self):
        editor = get_user_model().objects.get(email="redaktion@sensi.example")
        reviewer = get_user_model().objects.get(email="freigabe@sensi.example")
        module = ModulePage.objects.filter(locale__language_code="de").first()
        assert module.permissions_for_user(editor).can_edit()
        assert not module.permissions_for_user(editor).can_publish()
        assert module.permissions_for_user(reviewer).can_publish()
        workflow = module.get_workflow()
        assert workflow is not None and workflow.name == "Vier-Augen-Prinzip"
        assert WorkflowPage.objects.filter(workflow=workflow).count() == 2
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == ["Freigabe"]
        assert editor.has_perm("accessibility.view_accessibilityfeedback")
        assert reviewer.has_perm("accessibility.view_accessibilityfeedback")

    def test_demo_accounts_have_their_roles(self):
        users = {u.email: u for u in get_user_model().objects.all()}
        assert {a.email for a in ACCOUNTS} <= set(users)
        assert users["admin@sensi.example"].is_superuser
        assert users["ciso@sensi.example"].groups.filter(name="CISO").exists()
        assert not users["beschaeftigte@sensi.example"].is_staff

    def test_demo_employee_can_complete_every_demo_module(self, client):
        employee = get_user_model().objects.get(email="beschaeftigte@sensi.example")
        client.force_login(employee)
        modules = list(ModulePage.objects.live().filter(locale__language_code="de"))
        for module in modules:
            for lesson in LessonPage.objects.child_of(module).live().order_by("path"):
                read_lesson(client, lesson)
            quiz = QuizPage.objects.child_of(module).get()
            response = post_answers(client, quiz, correct_answers(quiz))
            assert response.status_code == 302, module.title
        completed = ModuleProgress.objects.filter(user=employee, completed_at__isnull=False)
        assert completed.count() == len(modules) == 6

    def test_demo_quizzes_are_pools_with_an_attempt_policy(self):
        for quiz in QuizPage.objects.all():
            assert quiz.questions_per_attempt < len(quiz.questions), quiz.title
            assert quiz.attempts_per_period, quiz.title
        phishing = QuizPage.objects.filter(slug="quiz", questions__icontains="variants")
        assert {quiz.locale.language_code for quiz in phishing} == {"de", "en"}
        german, english = (phishing.get(locale__language_code=code) for code in ("de", "en"))
        assert [q.id for q in german.question_list()] == [q.id for q in english.question_list()]


@override_settings(DEBUG=False)
def test_demo_accounts_are_refused_outside_development_unless_allowed():
    with pytest.raises(CommandError):
        call_command("seed_demo", verbosity=0)
    assert not get_user_model().objects.exists()
