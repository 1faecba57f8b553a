"""The examples and edge cases of the answer note for grpc-timeouts-async-boundary: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

class FakeService:  # fails transiently `flaky` times per key, then succeeds; dedupes by key like a real downstream
    def __init__(self, flaky=0, permanent=()):
        self.calls, self.applied, self.flaky, self.permanent = {}, {}, flaky, set(permanent)
        self.lock = threading.Lock()

    def __call__(self, key, payload):
        with self.lock:
            self.calls[key] = self.calls.get(key, 0) + 1
            if key in self.permanent:
                raise KeyError("invalid argument")
            if self.calls[key] <= self.flaky:
                raise TransientError("unavailable")
            self.applied.setdefault(key, payload["n"] * 2)
            return self.applied[key]


sleeps = []
svc = FakeService(flaky=2)
q = JobQueue(svc, sleep=sleeps.append, rng=lambda: 1.0)
a = q.submit("k1", {"n": 21})
assert q.submit("k1", {"n": 21}) == a and q.status(a) == "queued"       # idempotent submit
assert q.work_once() and q.status(a) == "done" and q.result(a) == 42
assert svc.calls["k1"] == 3 and sleeps == [0.1, 0.2]                       # 2 retries, exponential
assert not q.work_once()                                                   # duplicate was not queued

sleeps.clear()
q = JobQueue(FakeService(flaky=99), max_attempts=4, base=1.0, cap=2.5, sleep=sleeps.append, rng=lambda: 1.0)
b = q.submit("k2", {"n": 1})
q.work_once()
assert q.status(b) == "dead" and q.dead_letters() == [b] and sleeps == [1.0, 2.0, 2.5]  # capped
assert q.redrive(b) and q.status(b) == "queued" and q.dead_letters() == [] and not q.redrive(b)

svc = FakeService(permanent={"bad"})
q = JobQueue(svc, sleep=lambda s: None)
c = q.submit("bad", {"n": 1})
q.work_once()
assert q.status(c) == "dead" and svc.calls["bad"] == 1                     # permanent: no retry
assert q.status("job-404") is None and q.result("job-404") is None

q = JobQueue(FakeService(), capacity=2)
x = q.submit("x", {"n": 1})
q.submit("y", {"n": 1})
try:
    q.submit("z", {"n": 1})
    raise AssertionError("a full queue must push back")
except OverflowError:
    pass
assert q.submit("x", {"n": 1}) == x and q.result(x) is None               # known key still answers

svc = FakeService(flaky=1)                                                 # 4 worker threads, 200 jobs
q = JobQueue(svc, sleep=lambda s: None)
ids = [q.submit(f"j{i}", {"n": i}) for i in range(200)]
workers = [threading.Thread(target=lambda: [None for _ in iter(q.work_once, False)]) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
assert all(q.status(j) == "done" for j in ids) and [q.result(j) for j in ids] == [2 * i for i in range(200)]
assert all(svc.calls[f"j{i}"] == 2 for i in range(200))                   # one transient failure, then one success
