"""The examples and edge cases of the answer note for credits-management-system: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random

led = CreditLedger()
assert led.grant("g1", 10, 0, 10) and led.grant("g2", 5, 2, 5)
assert led.balance(0) == 10 and led.balance(2) == 15
assert led.spend(7, 3)                       # takes g2's 5 first, then 2 from g1
assert led.balance(3) == 8 and led.balance(5) == 8  # FIFO would leave 3 at t=5
assert not led.spend(20, 4) and led.balance(4) == 8
assert led.balance(9) == 8 and led.balance(10) == 0 and not led.spend(1, 10)
assert led.grant("g3", 4, 20, 30) and led.spend(4, 20) and led.balance(20) == 0
assert not led.grant("g3", 4, 20, 30) and led.balance(25) == 0
assert not led.spend(3, 40)
assert led.grant("late", 5, 35, 50) and led.balance(40) == 2   # replay accepts the spend
for bad in (lambda: led.grant("x", 0, 1, 5), lambda: led.grant("y", 3, 5, 5), lambda: led.spend(0, 41)):
    try:
        bad()
        raise AssertionError("must raise ValueError")
    except ValueError:
        pass
assert led.balance(41) == 2


def brute(events, until):
    """Independent check: list scan per tick instead of a heap."""
    grants, ids = [], set()
    for tick in range(until + 1):
        grants = [g for g in grants if g[0] > tick]
        for kind, t, a, b, gid in events:
            if t == tick and kind == "g" and gid not in ids:
                ids.add(gid)
                grants.append([b, len(ids), a])
        for kind, t, a, b, gid in events:
            if t == tick and kind == "s" and sum(g[2] for g in grants) >= a:
                for g in sorted(grants):
                    take = min(a, g[2])
                    g[2], a = g[2] - take, a - take
    return sum(g[2] for g in grants if g[0] > until)


rng = random.Random(7)
for _ in range(40):
    led, events = CreditLedger(), []
    for i in range(12):
        t = rng.randint(0, 15)
        if rng.random() < 0.5:
            event = ("g", t, rng.randint(1, 9), t + rng.randint(1, 8), f"id{i}")
            led.grant(event[4], event[2], t, event[3])
        else:
            event = ("s", t, rng.randint(1, 12), None, None)
            led.spend(event[2], t)
        events.append(event)
    for q in range(0, 25):
        assert led.balance(q) == brute(events, q)
