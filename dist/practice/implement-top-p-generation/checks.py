"""The examples and edge cases of the answer note for implement-top-p-generation: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def nucleus(logits, p):
    """Reference: walk tokens from most to least likely until their total reaches p."""
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    kept, total = set(), 0.0
    for t in sorted(range(len(probs)), key=lambda t: (-probs[t], t)):
        kept.add(t)
        total += probs[t]
        if total >= p - 1e-9:
            break
    return kept


V, EOS = 12, 0
table = np.random.default_rng(7).normal(size=(V, V)) * 2         # bigram "model": row = last token
model = lambda seq: table[seq[-1]]

for p, temp in ((0.5, 1.0), (0.9, 0.7), (0.95, 1.5)):
    out = generate(model, [3], 40, np.random.default_rng(1), p=p, temperature=temp)
    assert all(out[i] in nucleus(table[out[i - 1]] / temp, p) for i in range(1, len(out)))  # support

greedy = [3]
for _ in range(10):
    greedy.append(int(np.argmax(table[greedy[-1]])))
assert generate(model, [3], 10, np.random.default_rng(0), p=1e-6) == greedy      # tiny p == greedy
assert generate(model, [3], 10, np.random.default_rng(0), temperature=0) == greedy
a = generate(model, [3], 15, np.random.default_rng(42), p=0.95)
assert a == generate(model, [3], 15, np.random.default_rng(42), p=0.95)          # seeded: reproducible
assert len({tuple(generate(model, [3], 15, np.random.default_rng(s), p=0.95)) for s in range(20)}) > 1

with_eos = generate(model, [3], 500, np.random.default_rng(5), p=1.0, eos=EOS)
assert with_eos[-1] == EOS and EOS not in with_eos[1:-1] and len(with_eos) < 501
assert generate(model, [3, 4], 0, np.random.default_rng(0)) == [3, 4]

row = np.log(np.array([0.5, 0.25, 0.125, 0.125]))
assert [int(np.isfinite(top_p_filter(row, q)).sum()) for q in (0.5, 0.75, 0.76, 1.0)] == [1, 2, 3, 4]
rng = np.random.default_rng(3)
firsts = [generate(lambda s: row, [1], 1, rng, p=0.75)[1] for _ in range(3000)]
assert set(firsts) == {0, 1} and abs(firsts.count(0) / 3000 - 2 / 3) < 0.05      # renormalised 0.5/0.75
for bad in (lambda: generate(model, [], 5, rng), lambda: top_p_filter(row, 0.0)):
    try:
        bad()
        raise AssertionError("must reject")
    except ValueError:
        pass
