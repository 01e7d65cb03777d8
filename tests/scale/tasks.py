"""Tasks that fail on purpose, and a small command line to enqueue them and read
their results on the RQ backend, run by tests/scale/test_two_servers.py in a process
with the servers' settings (``python -m tests.scale.tasks enqueue|results …``)."""

from __future__ import annotations

import json
import os
import sys

from django_tasks import task


def _attempts(key: str) -> int:
    """Count one more attempt of ``key`` in the shared Redis (every worker sees it)."""
    import redis
    from django.conf import settings

    return int(redis.Redis.from_url(settings.REDIS_URL).incr(f"scale-test:{key}"))


@task()
def flaky(key: str) -> int:
    """Fails on its first two attempts, then succeeds: retries work."""
    attempt = _attempts(f"flaky:{key}")
    if attempt < 3:
        raise RuntimeError(f"flaky attempt {attempt}")
    return attempt


@task()
def broken(key: str) -> int:
    """Always fails: the failure must stay visible after the last retry."""
    attempt = _attempts(f"broken:{key}")
    raise RuntimeError(f"broken attempt {attempt}")


def main(argv: list[str]) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.scale.settings")
    django.setup()
    # Run as ``-m``, this file is ``__main__``: enqueue the tasks of the importable
    # module, which the worker can find.
    from tests.scale import tasks

    command, *rest = argv
    if command == "enqueue":
        sys.stdout.write(
            json.dumps(
                {
                    "flaky": tasks.flaky.enqueue(rest[0]).id,
                    "broken": tasks.broken.enqueue(rest[0]).id,
                }
            )
        )
    elif command == "results":
        from django_tasks import default_task_backend

        out = {}
        for result_id in rest:
            result = default_task_backend.get_result(result_id)
            out[result_id] = {
                "status": str(result.status.name),
                "errors": [error.traceback for error in result.errors],
                "return_value": result.return_value
                if result.status.name == "SUCCESSFUL"
                else None,
            }
        sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
