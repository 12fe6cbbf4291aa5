"""What one password sign-in costs: PBKDF2 (the old default) against Argon2id (the new one).

    .venv/bin/python bench/password_hashing.py [--repeat 5]

Prints, per hasher of the production settings (config/settings/base.py PASSWORD_HASHERS) and its
parameters, the median wall-clock ms of one hash (make_password) and one verify (check_password),
then the CPU ms of one real sign-in through allauth's login view (Django test client, production
hashers): with an Argon2id hash, and the one-off upgrade sign-in of a user with a PBKDF2 hash.
"""

import argparse
import statistics
import time

from _django import setup

PASSWORD = "Sensi-Bench-" + "2026-hash"  # a throw-away database only


def _median_ms(function, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _cpu_ms(function, repeat):
    """Median CPU time of the whole process (all threads: Argon2's lanes run in threads)."""
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        timings.append((time.process_time() - start) * 1000)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    connection = setup()

    from django.contrib.auth.hashers import check_password, get_hasher, make_password
    from django.test import Client, override_settings
    from django.urls import reverse

    from config.settings import base
    from tests.factories import UserFactory

    print(f"database: {connection.vendor}, repeat: {args.repeat}")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        print(f"{'hasher':<14} {'parameters':<32} {'hash ms':>8} {'verify ms':>9} {'cpu ms':>7}")
        for algorithm in ("pbkdf2_sha256", "argon2"):
            hasher = get_hasher(algorithm)
            if algorithm == "argon2":
                parameters = (
                    f"m={hasher.memory_cost} KiB t={hasher.time_cost} p={hasher.parallelism}"
                )
            else:
                parameters = f"iterations={hasher.iterations:,}"
            encoded = make_password(PASSWORD, hasher=algorithm)
            hash_ms = _median_ms(lambda a=algorithm: make_password(PASSWORD, hasher=a), args.repeat)
            verify_ms = _median_ms(lambda e=encoded: check_password(PASSWORD, e), args.repeat)
            cpu_ms = _cpu_ms(lambda e=encoded: check_password(PASSWORD, e), args.repeat)
            print(
                f"{algorithm:<14} {parameters:<32} {hash_ms:>8.1f} {verify_ms:>9.1f} {cpu_ms:>7.1f}"
            )

        def _user_with_hash(email, encoded):
            user = UserFactory(email=email)
            type(user).objects.filter(pk=user.pk).update(password=encoded)
            return user

        url = reverse("account_login")

        def sign_in(email):
            client = Client()
            client.get(url)  # the form and its CSRF cookie (the test client skips the check)
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            response = client.post(url, {"login": email, "password": PASSWORD})
            cpu = (time.process_time() - start_cpu) * 1000
            wall = (time.perf_counter() - start_wall) * 1000
            assert response.status_code == 302, response.status_code
            return cpu, wall

        print(f"\n{'sign-in through the login view':<44} {'cpu ms':>7} {'wall ms':>8}")
        for label, algorithm in [
            ("PBKDF2 hash (before)", "pbkdf2_sha256"),
            ("Argon2id hash (after)", "argon2"),
        ]:
            cpus, walls = [], []
            for index in range(args.repeat):
                email = f"{algorithm}-{index}@example.org"
                _user_with_hash(email, make_password(PASSWORD, hasher=algorithm))
                if algorithm == "pbkdf2_sha256":
                    # measure the old cost without the upgrade: PBKDF2 as the first hasher
                    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS[1:]):
                        cpu, wall = sign_in(email)
                else:
                    cpu, wall = sign_in(email)
                cpus.append(cpu)
                walls.append(wall)
            print(f"{label:<44} {statistics.median(cpus):>7.1f} {statistics.median(walls):>8.1f}")

        cpus, walls = [], []
        for index in range(args.repeat):
            email = f"upgrade-{index}@example.org"
            user = _user_with_hash(email, make_password(PASSWORD, hasher="pbkdf2_sha256"))
            cpu, wall = sign_in(email)
            user.refresh_from_db()
            assert user.password.startswith("argon2$argon2id$"), user.password[:20]
            cpus.append(cpu)
            walls.append(wall)
        label = "PBKDF2 hash, upgraded to Argon2id (once)"
        print(f"{label:<44} {statistics.median(cpus):>7.1f} {statistics.median(walls):>8.1f}")


if __name__ == "__main__":
    main()
