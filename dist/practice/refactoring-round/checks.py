"""The examples and edge cases of the answer note for refactoring-round: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import itertools


def fee_before(order):
    """The original nested code, kept as the oracle: shipping fee in cents for an order dict."""
    if order is not None:
        if order.get("items"):
            if order.get("country") == "US":
                if order["total"] >= 5000:
                    return 0
                else:
                    if order.get("express"):
                        return 1500
                    else:
                        return 500
            else:
                if order.get("country") in ("CA", "MX"):
                    if order.get("express"):
                        return 2500
                    return 1000
                else:
                    if order.get("express"):
                        return 4000
                    else:
                        return 2000
        else:
            return 0
    else:
        raise ValueError("no order")


def outcome(fn, order):
    try:
        return "ok", fn(order)
    except (KeyError, ValueError) as e:
        return "error", type(e)


grid = [None]
for country, express, items, total in itertools.product(
        ["US", "CA", "MX", "FR", None], [True, False, 1, None], [[], [1]], [0, 4999, 5000, None]):
    order = {"country": country, "items": items}
    if express is not None:
        order["express"] = express
    if total is not None:
        order["total"] = total
    grid.append(order)
assert len({outcome(fee_before, o) for o in grid}) == 9       # every result, errors included
for order in grid:
    assert outcome(fee_after, order) == outcome(fee_before, order), order
assert fee_after({"items": [1], "country": "US", "total": 6000, "express": True}) == 0  # quirk kept
assert outcome(fee_after, {"items": [1], "country": "US"}) == ("error", KeyError)
