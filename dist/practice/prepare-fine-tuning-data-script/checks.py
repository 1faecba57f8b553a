"""The examples and edge cases of the answer note for prepare-fine-tuning-data-script: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import random

s = scrub_pii("Mail jane.doe+x@mail.example.co.uk or call (555) 123-4567 / +1 555.987.6543. "
              "Card 4111 1111 1111 1111, SSN 123-45-6789, Python 3.11 in 2026. John Smith, 42 Elm St.")
assert s.count("[EMAIL]") == 1 and s.count("[PHONE]") == 2 and "[CARD]" in s and "[SSN]" in s
assert "@" not in s and "4567" not in s and "3.11" in s and "2026" in s
assert "John Smith" in s and "42 Elm St" in s                     # stated limitation: names, addresses
assert normalize("  Hello,\tWORLD!! ") == normalize("hello world") == "hello world"

rows = [
    {"prompt": "What is 2+2?", "response": "4"},
    {"prompt": "What is 2+2?", "response": "4"},                     # exact duplicate
    {"prompt": "what is 2 + 2", "response": "4."},                    # normalised duplicate
    {"prompt": "Email me at a@b.com", "response": "Sure, café at noon."},
    {"prompt": "Essay", "response": "word " * 5000},                  # too long
    {"prompt": "", "response": "x"}, {"prompt": "no answer"}, {"prompt": 3, "response": "x"},
]
train, val, stats = prepare(rows, system="You are concise.")
assert stats == Counter(kept=2, duplicate_exact=1, duplicate_normalized=1, too_long=1, invalid=3)
records = [json.loads(line) for line in train + val]
assert all([m["role"] for m in r["messages"]] == ["system", "user", "assistant"] for r in records)
assert any(r["messages"][1]["content"] == "Email me at [EMAIL]" for r in records)
assert any("café" in line for line in train + val)                # UTF-8 kept, not \u escapes
assert [m["role"] for m in json.loads(prepare(rows[:1])[0][0])["messages"]] == ["user", "assistant"]

many = [{"prompt": f"question {i}", "response": f"answer {i}"} for i in range(2000)]
tr1, va1, _ = prepare(many)
shuffled = many[:]
random.Random(0).shuffle(shuffled)
tr2, va2, _ = prepare(shuffled)
assert set(tr1) == set(tr2) and set(va1) == set(va2)              # stable under reordering
assert 0.07 < len(va1) / 2000 < 0.13                              # about val_fraction = 0.1
variants = [{"prompt": "Same Q?", "response": f"answer {i}"} for i in range(20)]
_, v, st = prepare(variants)
assert st["kept"] == 20 and len(v) in (0, 20)                     # one prompt never straddles the split
assert prepare([]) == ([], [], Counter())
