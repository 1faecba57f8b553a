"""The examples and edge cases of the answer note for in-memory-database-sql-operations: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random


def raises(fn, *args, **kw):
    try:
        fn(*args, **kw)
    except ValueError:
        return True
    return False


db = Database()
db.create_table("users", ["id", "name", "age"])
assert db.select("users") == []
for i, (name, age) in enumerate([("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19), ("ed", 40)]):
    db.insert("users", {"id": i, "name": name, "age": age})
assert db.select("users", ["name"], [("age", ">=", 25), ("name", "!=", "bob")],
                 [("age", "desc"), ("name", "asc")]) == [{"name": "ed"}, {"name": "ann"}, {"name": "cy"}]
assert db.select("users", ["id"], order_by=[("age", "asc")], limit=2) == [{"id": 3}, {"id": 1}]
assert raises(db.insert, "users", {"id": 9, "name": "x"})                  # missing column
assert raises(db.select, "users", where=[("salary", ">", 1)])              # unknown column
assert raises(db.create_table, "users", ["id"])
assert raises(db.select, "users", order_by=[("age", "DESC")])
db.select("users")[0]["name"] = "HACK"                                     # a copy, not the row
assert db.select("users", ["name"], [("id", "=", 0)]) == [{"name": "ann"}]
assert db.update("users", {"age": 32}, [("name", "=", "ann")]) == 1
assert db.select("users", ["age"], [("name", "=", "ann")]) == [{"age": 32}]
assert db.delete("users", [("age", "<", 20)]) == 1 and len(db.select("users")) == 4
row = {"id": 7, "name": "gus", "age": 50}
db.insert("users", row)
row["age"] = 0                                                             # the caller's dict, not the row
assert db.select("users", ["age"], [("id", "=", 7)]) == [{"age": 50}]

rng = random.Random(3)
db.create_table("t", ["a", "b"])
data = [{"a": rng.randint(0, 5), "b": rng.choice("xyz")} for _ in range(200)]
for row in data:
    db.insert("t", row)
for _ in range(50):
    op, v = rng.choice(list(OPS)), rng.randint(0, 5)
    got = db.select("t", where=[("a", op, v)], order_by=[("a", "desc"), ("b", "asc")])
    want = sorted((r for r in data if OPS[op](r["a"], v)), key=lambda r: (-r["a"], r["b"]))
    assert got == want
