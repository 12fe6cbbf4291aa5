import pytest

from quizzes.questions import MULTIPLE_CHOICE, SINGLE_CHOICE, TRUE_FALSE, Option, Question
from quizzes.scoring import TamperedAnswers, score, validate_answers

SINGLE = Question(
    "q1",
    SINGLE_CHOICE,
    "Eine?",
    "",
    (Option("a", "A", True, ""), Option("b", "B", False, ""), Option("c", "C", False, "")),
)
MULTI = Question(
    "q2",
    MULTIPLE_CHOICE,
    "Mehrere?",
    "",
    (Option("x", "X", True, ""), Option("y", "Y", True, ""), Option("z", "Z", False, "")),
)
TF = Question(
    "q3", TRUE_FALSE, "Wahr?", "", (Option("true", "", False, ""), Option("false", "", True, ""))
)
QUIZ = [SINGLE, MULTI, TF]


def test_all_correct_scores_full_marks_and_passes():
    result = score(QUIZ, {"q1": ["a"], "q2": ["y", "x"], "q3": ["false"]}, pass_mark=80)
    assert (result.points, result.max_points, result.percent, result.passed) == (3, 3, 100, True)


def test_multiple_choice_counts_only_when_exactly_the_correct_options_are_chosen():
    partial = score(QUIZ, {"q1": ["a"], "q2": ["x"], "q3": ["false"]}, pass_mark=50)
    too_many = score(QUIZ, {"q1": ["a"], "q2": ["x", "y", "z"], "q3": ["false"]}, pass_mark=50)
    assert [r.correct for r in partial.results] == [True, False, True]
    assert [r.correct for r in too_many.results] == [True, False, True]
    assert partial.percent == 67


def test_pass_mark_is_inclusive():
    two_of_three = {"q1": ["a"], "q2": ["x"], "q3": ["false"]}
    assert score(QUIZ, two_of_three, pass_mark=67).passed
    assert not score(QUIZ, two_of_three, pass_mark=68).passed


def test_unanswered_questions_are_reported_not_scored():
    missing = validate_answers(QUIZ, {"q1": ["a"]})
    assert set(missing) == {"q2", "q3"}


@pytest.mark.parametrize(
    "answers",
    [
        {"q1": ["nope"], "q2": ["x"], "q3": ["true"]},
        {"q1": ["a"], "q2": ["x"], "q3": ["true"], "q9": ["a"]},
        {"q1": ["a", "b"], "q2": ["x"], "q3": ["true"]},
        {"q1": ["a"], "q2": ["x", "x"], "q3": ["true"]},
        {"q1": ["a"], "q2": ["x"], "q3": ["true", "false"]},
    ],
    ids=["unknown-option", "unknown-question", "two-for-single", "duplicate", "both-true-false"],
)
def test_tampered_submissions_are_rejected(answers):
    with pytest.raises(TamperedAnswers):
        validate_answers(QUIZ, answers)


def test_shuffle_is_stable_per_seed_and_keeps_true_false_order():
    many = Question(
        "m", SINGLE_CHOICE, "", "", tuple(Option(str(i), "", i == 0, "") for i in range(8))
    )
    first = [o.id for o in many.shuffled("seed-1").options]
    assert first == [o.id for o in many.shuffled("seed-1").options]
    orders = {tuple(o.id for o in many.shuffled(f"seed-{n}").options) for n in range(10)}
    assert len(orders) > 1
    assert sorted(first) == sorted(o.id for o in many.options)
    assert [o.id for o in TF.shuffled("any").options] == ["true", "false"]
