"""Sicherheitsimpulse: weekly micro-units (a short tip, an image or video, one question).

Layer: above `compliance` (audiences are Ressorts and Dienststellen), `courses` and `quizzes`
(it shows a section on "Meine Schulungen" and reuses the single-choice question block); it
records statements through `xapi.recording`. It may import content, courses, quizzes,
compliance, xapi and gdpr; nothing but `config` and `demo` imports it.
"""
