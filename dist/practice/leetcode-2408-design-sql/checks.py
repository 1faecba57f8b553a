"""The examples and edge cases of the answer note for leetcode-2408-design-sql: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

db = SQL(["one", "two", "three"], [2, 3, 1])
assert db.ins("two", ["ann", "31", "oslo"]) is True
assert db.sel("two", 1, 3) == "oslo"
assert db.ins("two", ["bo", "27", "rome"]) is True
assert db.exp("two") == ["1,ann,31,oslo", "2,bo,27,rome"]
db.rmv("two", 1)
assert db.sel("two", 2, 2) == "27" and db.sel("two", 1, 1) == NULL   # deleted row
assert db.exp("two") == ["2,bo,27,rome"]
db.rmv("two", 2)
assert db.exp("two") == []
assert db.ins("two", ["a", "b", "c"]) and db.exp("two") == ["3,a,b,c"]  # ids never reused
assert db.ins("two", ["too", "short"]) is False and db.ins("nope", ["x"]) is False
assert db.ins("two", ["d", "e", "f"]) and db.exp("two")[-1] == "4,d,e,f"   # rejected insert used no id
assert db.sel("two", 3, 0) == NULL and db.sel("two", 3, 4) == NULL and db.sel("nope", 1, 1) == NULL
db.rmv("nope", 1)
db.rmv("two", 99)                                                          # no-ops, no error
assert db.exp("nope") == [] and db.exp("one") == []
assert db.ins("three", ["only"]) and db.exp("three") == ["1,only"]        # counters are per table
row = ["x", "y"]
db.ins("one", row)
row[0] = "changed"
assert db.sel("one", 1, 1) == "x"                                          # the row was copied
