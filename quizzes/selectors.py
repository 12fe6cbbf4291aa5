from dataclasses import dataclass

from django.db.models import Count, Max, Q

from .models import QuizAttempt, QuizPage
from .questions import Question


@dataclass(frozen=True)
class ReviewedQuestion:
    number: int
    question: Question
    selected: tuple[str, ...]
    correct: bool

    def chosen_options(self):
        return [option for option in self.question.options if option.id in self.selected]


def attempts_summary(*, user, quiz: QuizPage) -> dict:
    """How often this learner tried the quiz (any language), their best result, and if passed."""
    return QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).aggregate(
        count=Count("pk"), best=Max("percent"), passed=Count("pk", filter=Q(passed=True))
    )


def attempt_review(attempt: QuizAttempt) -> list[ReviewedQuestion]:
    """Per question of the answered version: what was chosen, and whether it was right."""
    questions = {question.id: question for question in attempt.answered_quiz().question_list()}
    review = []
    for number, result in enumerate(attempt.results, start=1):
        question = questions.get(result["question"])
        if question is not None:
            review.append(
                ReviewedQuestion(number, question, tuple(result["selected"]), result["correct"])
            )
    return review
