"""The examples and edge cases of the answer note for grpc-financial-report-service: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import json
import threading
from concurrent.futures import ThreadPoolExecutor

DATA = {"ACC-1": [("salary", "1000.10"), ("rent", "-700.00"), ("food", "-0.10"), ("food", "-0.20")],
        "ACC-FLAKY": [("fees", "-1.5")], "ACC-BOOM": [("boom", "-1")]}


class FakeRepo:
    def __init__(self):
        self.calls, self.in_flight, self.peak, self.flaky = [], 0, 0, 2

    async def __call__(self, account, period):
        self.calls.append(account)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await asyncio.sleep(1.0 if account == "ACC-SLOW" else 0.001)
            if account == "ACC-FLAKY" and self.flaky:
                self.flaky -= 1
                raise TransientError("db failover")
            if account == "ACC-DOWN":
                raise TransientError("db down")
            if account not in DATA:
                raise NotFoundError(account)
            return DATA[account]
        finally:
            self.in_flight -= 1


render_threads = []


def render(summary):
    render_threads.append(threading.current_thread())
    if "boom" in summary["by_category"]:
        raise RuntimeError("template bug with secret path /srv/x")
    return json.dumps(summary, sort_keys=True)


async def main():
    repo, sleeps = FakeRepo(), []

    async def fake_sleep(s):
        sleeps.append(s)

    with ThreadPoolExecutor(max_workers=2) as pool:
        svc = ReportService(repo, render, pool, max_concurrency=3, timeout=0.2, sleep=fake_sleep)
        names = ["ACC-1", "ACC-FLAKY", "ACC-404", "ACC-DOWN", "ACC-SLOW", "ACC-BOOM", "bad id"] + ["ACC-1"] * 6
        replies = await svc.generate_batch([ReportRequest(a, "2026-11") for a in names])
        bad_period = await svc.generate(ReportRequest("ACC-1", "2026-13"))
    return repo, sleeps, names, replies, bad_period


repo, sleeps, names, replies, bad_period = asyncio.run(main())
assert [r.account_id for r in replies] == names                     # order preserved
assert [r.code for r in replies[:7]] == ["OK", "OK", "NOT_FOUND", "UNAVAILABLE", "DEADLINE_EXCEEDED",
                                         "INTERNAL", "INVALID_ARGUMENT"]
assert all(r.code == "OK" for r in replies[7:])
report = json.loads(replies[0].report)
assert report["net"] == "299.80" and report["by_category"]["food"] == "-0.30"   # exact, no float drift
assert report == summarize(DATA["ACC-1"]) and report["expenses"] == "-700.30"
assert "secret" not in replies[5].error                             # no internals leak to the client
assert repo.calls.count("ACC-FLAKY") == 3 and repo.calls.count("ACC-DOWN") == 3 and "bad id" not in repo.calls
assert sorted(sleeps) == [0.1, 0.1, 0.2, 0.2]                       # backoff for FLAKY and DOWN
assert 1 < repo.peak <= 3
assert render_threads and all(t is not threading.main_thread() for t in render_threads)  # off the loop
assert bad_period.code == "INVALID_ARGUMENT"
