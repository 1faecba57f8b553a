"""The examples and edge cases of the answer note for implement-decoding-strategies: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

import itertools

logits = np.array([1.0, 3.0, 3.0, 2.0])
assert list(np.flatnonzero(np.isfinite(top_k_filter(logits, 2)))) == [1, 2]
assert list(np.flatnonzero(np.isfinite(top_k_filter(logits, 1)))) == [1]        # tie: lower id
assert np.array_equal(top_k_filter(logits, 9), logits)                          # k > V
probs = np.array([0.5, 0.25, 0.125, 0.125])
kept = lambda p: int(np.isfinite(top_p_filter(np.log(probs), p)).sum())
assert [kept(0.3), kept(0.5), kept(0.75), kept(0.76), kept(1.0)] == [1, 1, 2, 3, 4]
for bad in (lambda: top_k_filter(logits, 0), lambda: top_p_filter(logits, 0), lambda: top_p_filter(logits, 1.5)):
    try:
        bad()
        raise AssertionError("must reject")
    except ValueError:
        pass

rng = np.random.default_rng(0)
lg = np.log(np.array([0.4, 0.3, 0.2, 0.06, 0.04]))
draws = [sample(lg, rng, top_k=2) for _ in range(2000)]
assert set(draws) == {0, 1} and abs(draws.count(0) / 2000 - 0.4 / 0.7) < 0.05     # support, rough freq
assert set(sample(lg, rng, top_p=0.8) for _ in range(500)) == {0, 1, 2}         # 0.4 + 0.3 < 0.8
assert set(sample(lg, rng, top_k=3, top_p=0.5) for _ in range(500)) == {0, 1}
assert set(sample(lg, rng, top_k=2, top_p=0.5) for _ in range(200)) == {0}     # k first: 0.4 / 0.7 > 0.5
assert all(sample(lg, rng, temperature=0) == 0 for _ in range(5))


def random_model(V):
    """Deterministic log-probs per prefix, so beam search and brute force see the same model."""
    return lambda prefix: np.log(softmax(np.random.default_rng([len(prefix), *prefix]).normal(size=V) * 2))


def brute_force(next_logprobs, bos, eos, V, max_len):
    best = None
    for n in range(1, max_len + 1):
        for tail in itertools.product(range(V), repeat=n):
            if eos in tail[:-1] or (n < max_len and tail[-1] != eos):
                continue                                       # stops at the first EOS, or at max_len
            seq = (bos, *tail)
            score = sum(next_logprobs(seq[:i])[seq[i]] for i in range(1, len(seq)))
            best = max(best or (seq, score), (seq, score), key=lambda c: c[1])
    return best


for seed in range(5):
    m = random_model(3 + seed % 2)
    V = 3 + seed % 2
    exact = brute_force(m, 9, 0, V, 4)
    got = beam_search(m, 9, 0, V**4, 4)                         # nothing pruned: must equal brute force
    assert got[0] == exact[0] and np.isclose(got[1], exact[1])
    seq = (9,)                                                 # width 1 == greedy
    while len(seq) <= 4 and seq[-1] != 0:
        seq += (int(np.argmax(m(seq))),)
    assert beam_search(m, 9, 0, 1, 4)[0] == seq

table = {(9,): [0.01, 0.55, 0.44], (9, 1): [0.34, 0.33, 0.33], (9, 2): [0.9, 0.05, 0.05]}
trap = lambda prefix: np.log(table.get(prefix, [1.0, 1e-9, 1e-9]))
assert beam_search(trap, 9, 0, 1, 3)[0] == (9, 1, 0)            # greedy: 0.55 * 0.34 = 0.187
assert beam_search(trap, 9, 0, 2, 3)[0] == (9, 2, 0)            # beam 2: 0.44 * 0.9 = 0.396
calls = []
eos_first = lambda prefix: calls.append(prefix) or np.log(np.array([0.9, 0.05, 0.05]))
assert beam_search(eos_first, 9, 0, 2, 5) == ((9, 0), np.log(0.9)) and len(calls) == 1   # early stop
