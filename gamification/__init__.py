"""Gamification without individual ranking: a learner's own progress (weekly streak of answered
Sicherheitsimpulse, badges per curriculum topic, a progress ring) shown only to them, and team
challenges that show each Ressort's or Dienststelle's share of members who took part, only for
groups at or above the minimum group size. Every element can be switched off per deployment
(a Wagtail setting) and the personal progress by each learner (docs/gamification.md).

Everything is derived from records other apps keep (impulse answers, module completion); the
app stores only the learner's opt-out, the challenges and the switches. It records no xAPI
statements and feeds no report or export.

Layer: above `impulses` (reads answers through its selectors), `courses` (module completion,
the "Meine Schulungen" section) and `compliance` (Ressorts, Dienststellen, employees and the
reports' minimum group size). It may import those and content, gdpr; nothing but `config` and
`demo` imports it.
"""
