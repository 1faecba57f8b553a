"""The examples and edge cases of the answer note for banking-app-task-executor: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

b = Bank()
assert b.create_account(1, "a") and b.create_account(1, "b") and not b.create_account(2, "a")
assert b.deposit(2, "a", 500) == 500 and b.deposit(3, "zz", 5) is None and b.deposit(3, "a", 0) is None
assert b.transfer(4, "a", "b", 200) == 300 and b.balance("b") == 200
assert b.transfer(5, "a", "b", 301) is None and b.balance("a") == 300          # insufficient: no change
assert b.transfer(5, "a", "a", 1) is None and b.transfer(5, "a", "nope", 1) is None
assert b.transfer(6, "b", "a", 50) == 150
assert [b.balance_at("a", t) for t in (0, 1, 2, 3, 4, 5, 6, 99)] == [None, 0, 500, 500, 300, 300, 350, 350]
assert b.balance_at("nope", 5) is None
assert b.top_spenders(5) == ["a", "b"] and b.top_spenders(1) == ["a"] and b.top_spenders(0) == []

log = []


def job(name, steps):
    for i in range(steps):
        log.append(f"{name}{i}")
        yield


ex = TaskExecutor()
ex.submit("x", job("x", 3))
ex.submit("y", job("y", 2))
ex.tick()
ex.tick()
assert log == ["x0", "y0"]                                      # round robin
assert ex.pause("x") and not ex.pause("x") and ex.status("x") == "paused"
while ex.tick():
    pass
assert log == ["x0", "y0", "y1"] and ex.status("y") == "done"    # paused x never ran
assert ex.resume("x") and not ex.resume("y")
while ex.tick():
    pass
assert log[3:] == ["x1", "x2"] and ex.status("x") == "done"     # resumed where it stopped
assert not ex.pause("x") and not ex.pause("missing") and ex.status("missing") is None
assert ex.tick() is None
try:
    ex.submit("x", job("x", 1))
    raise AssertionError("duplicate id must be rejected")
except ValueError:
    pass
