"""The RQ queue behind ``TASKS_BACKEND=rq``: django-rq's queue, with retries.

django-tasks-rq enqueues every task through ``Queue.create_job`` without a retry
policy, so a task that fails (an SMTP server down for a minute) would fail for good.
This queue gives each job RQ's own ``Retry`` unless the caller chose one: the worker
runs it again ``TASKS_RETRIES`` times, after 10 s, 1 min and 5 min, and only then
files it in RQ's failed registry, where ``manage.py rqstats`` and the task's result
(``task.get_result(id)``: status FAILED, the error's traceback) show it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_rq.queues import DjangoRQ
from rq.job import Job, Retry

RETRY_INTERVALS = [10, 60, 300]


class RetryingQueue(DjangoRQ):
    """django-rq's queue whose jobs are retried ``settings.TASKS_RETRIES`` times."""

    def create_job(self, *args: Any, **kwargs: Any) -> Job:
        retries = getattr(settings, "TASKS_RETRIES", 0)
        if kwargs.get("retry") is None and retries > 0:
            intervals = getattr(settings, "TASKS_RETRY_INTERVALS", RETRY_INTERVALS)
            kwargs["retry"] = Retry(max=retries, interval=intervals)
        return super().create_job(*args, **kwargs)
