"""Sensi's password hasher: Argon2id with parameters chosen for the sign-in surge.

Django's defaults (m=100 MiB, t=2, p=8) cost about 225 ms of CPU per hash, and the 8 lanes run
in 8 threads that take every core of a small server at once, so a morning's sign-ins stall the
cheap requests beside them. The OWASP Password Storage Cheat Sheet asks for at least m=19 MiB,
t=2, p=1; Sensi uses m=46 MiB, t=2, p=1: more than twice the minimum's memory, one core per
hash, about 105 ms of CPU (docs/operations.md "Password hashing", bench/password_hashing.py).

The algorithm name stays `argon2`, so hashes written with Django's parameters still verify and
are rewritten with these on the user's next sign-in (Django's `must_update`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class SensiArgon2PasswordHasher(Argon2PasswordHasher):
    memory_cost = 46 * 1024  # KiB
    time_cost = 2
    parallelism = 1
