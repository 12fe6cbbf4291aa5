"""How "Meine Schulungen" scales with the number of modules.

    .venv/bin/python bench/my_training.py [--modules 10 30 60]

Prints, per module count, the SQL queries of one page view and the median time of 20 views,
for a learner who has started every module.
"""

import argparse
import statistics
import time

from _django import setup


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--modules", type=int, nargs="+", default=[10, 30, 60])
    args = parser.parse_args()
    connection = setup()

    from django.core.signals import request_started
    from django.db import connections, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.factories import UserFactory, home_page, lessons_of, module_page

    home = home_page("de")
    learner = UserFactory()
    client = Client()
    client.force_login(learner)
    url = reverse("courses:my_training")
    # Django empties the query log when a request starts; keep it to count the queries.
    request_started.disconnect(reset_queries)
    created = 0
    print(f"database: {connection.vendor}")
    print(f"{'modules':>8} {'queries':>8} {'median ms':>10}")
    for target in sorted(args.modules):
        while created < target:
            module = module_page(home=home, title=f"Modul {created}", lessons=5)
            client.get(lessons_of(module)[0].url)
            created += 1
        reset_queries()
        with CaptureQueriesContext(connections["default"]) as queries:
            assert client.get(url).status_code == 200
        query_count = len(queries.captured_queries)
        timings = []
        for _ in range(20):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        print(f"{target:>8} {query_count:>8} {statistics.median(timings):>10.1f}")


if __name__ == "__main__":
    main()
