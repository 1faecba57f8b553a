"""The examples and edge cases of the answer note for implement-stratified-k-fold: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

from collections import Counter

rng = np.random.default_rng(1)
y = np.array(["a"] * 23 + ["b"] * 11 + ["c"] * 5)
rng.shuffle(y)
k = 5
folds = stratified_k_fold(y, k, seed=3)
assert len(folds) == k
tests = np.concatenate([te for _, te in folds])
assert sorted(tests) == list(range(len(y)))                        # every sample in exactly one test fold
totals = Counter(y)
for tr, te in folds:
    assert sorted(np.concatenate([tr, te])) == list(range(len(y))) and not set(tr) & set(te)
    counts = Counter(y[te])
    assert all(abs(counts[c] - totals[c] / k) < 1 for c in totals)  # within 1 sample of the ideal
sizes = [len(te) for _, te in folds]
assert max(sizes) - min(sizes) <= 1

assert all(np.array_equal(a[1], b[1]) for a, b in zip(folds, stratified_k_fold(y, k, seed=3)))  # reproducible
assert any(not np.array_equal(a[1], b[1]) for a, b in zip(folds, stratified_k_fold(y, k, seed=4)))
ordered = stratified_k_fold([0, 0, 0, 1, 1, 1], 2, shuffle=False)
assert [list(te) for _, te in ordered] == [[0, 2, 4], [1, 3, 5]]   # rotation continues: sizes 3 and 3

tight = stratified_k_fold([0] * 7 + [1] * 3, 3)                    # k == smallest class
assert [int((np.array([0] * 7 + [1] * 3)[te] == 1).sum()) for _, te in tight] == [1, 1, 1]
for bad_y, bad_k in (([0] * 7 + [1] * 3, 4), ([0, 1, 0, 1], 1), ([], 2)):
    try:
        stratified_k_fold(bad_y, bad_k)
        raise AssertionError("must reject")
    except ValueError:
        pass
