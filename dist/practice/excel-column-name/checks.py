"""The examples and edge cases of the answer note for excel-column-name: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

cases = {1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA",
         702: "ZZ", 703: "AAA", 16384: "XFD"}
for number, name in cases.items():
    assert column_name(number) == name
    assert column_number(name) == number
assert all(column_number(column_name(i)) == i for i in range(1, 20_000))
try:
    column_name(0)
    raise AssertionError("0 must be rejected")
except ValueError:
    pass
