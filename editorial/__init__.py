"""The editors' workspace in the Wagtail admin: the dashboard panels of the Redaktion and
the Freigabe group, the German workflow wording, and what keeps abandoned autosaved page
attempts out of the editors' way.

Layer: above the content apps. It may import courses, quizzes, content, compliance
(selectors only, read-only) and accessibility; nothing imports it.
"""
