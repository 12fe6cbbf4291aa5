from django.dispatch import receiver

from quizzes.signals import attempt_recorded

from .services import record_quiz_attempt


@receiver(attempt_recorded)
def complete_module_after_quiz(sender, *, attempt, quiz, **kwargs):
    record_quiz_attempt(user=attempt.user, quiz=quiz)
