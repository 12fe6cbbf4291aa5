from django.dispatch import Signal

# Sent inside the transaction that stores a new QuizAttempt, with `attempt` and `quiz`.
# Courses listens to complete the module; quizzes knows nothing about modules' progress.
attempt_recorded = Signal()
