"""Heimarbeitsplatz-Check: a guided self-check of the home office (private router, Wi-Fi,
printer and scanner, smart devices, the work laptop's surroundings), CIO council report
§5.6.1.

Layer: above `compliance` (the CISO's aggregates per Ressort use compliance's organisation,
its report scopes and its minimum group size), `courses` (a section on "Meine Schulungen"
through `courses.dashboard`) and `xapi` (statements through `xapi.recording`). Nothing below
imports it; only `config`, `demo` and the site shell know it.

Answers are private to the employee: nobody else sees a person's answers; the CISO and
Ressort-ISB see shares per step and Ressort, only for groups at or above the minimum group
size (docs/selfcheck.md).
"""
