"""The examples and edge cases of the answer note for debug-embeddings-code: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def mean_pool_buggy(token_vectors, mask):
    return token_vectors.mean(axis=1)                              # BUG: padding counted


def search_buggy(query, docs, k, bug):
    cos = docs @ query / (np.linalg.norm(docs, axis=1) * np.linalg.norm(query))
    sims = {"axis": (docs / np.linalg.norm(docs, axis=0)) @ query,  # BUG: normalises features, not rows
            "none": docs @ query,                                  # BUG: raw dot product
            "ascending": -cos}[bug]                                # BUG: least similar first
    return np.argsort(-sims)[:k]


def build_index_buggy(ids, texts, embed):
    kept = [t for t in texts if t.strip()]
    return ids[: len(kept)], normalize(np.asarray(embed(kept), dtype=float))  # BUG: ids shift


rng = np.random.default_rng(0)
tokens = rng.normal(size=(1, 3, 4))
short = mean_pool(tokens, [[1, 1, 1]])
padded = np.concatenate([tokens, np.zeros((1, 2, 4))], axis=1)      # same text, two pad slots
assert np.allclose(mean_pool(padded, [[1, 1, 1, 0, 0]]), short)     # padding changes nothing
assert not np.allclose(mean_pool_buggy(padded, [[1, 1, 1, 0, 0]]), short)

docs = rng.normal(size=(20, 8)) * rng.uniform(0.1, 10, size=(20, 1))  # very different norms
q = docs[7] * 3 + 0.1 * rng.normal(size=8)
brute = [np.dot(q, v) / (np.linalg.norm(q) * np.linalg.norm(v)) for v in docs]
idx, scores = search(q, docs, 5)
assert list(idx) == sorted(range(20), key=lambda j: -brute[j])[:5] and idx[0] == 7
assert np.allclose(scores, np.array(brute)[idx]) and np.all(np.abs(scores) <= 1 + 1e-12)
assert all(list(search_buggy(q, docs, 5, bug)) != list(idx) for bug in ("axis", "none", "ascending"))
assert list(search(q, docs, 20, min_score=0.9)[0]) == [j for j in idx if brute[j] >= 0.9]
assert len(search(q, docs, 50)[0]) == 20                           # k > n
assert np.all(search(np.zeros(8), docs, 3)[1] == 0)                # zero query: scores 0, no nan

fake_embed = lambda texts: [[len(t), t.count("a"), 1.0] for t in texts]
ids, texts = ["d1", "d2", "d3", "d4"], ["banana", "  ", "apple", "kiwi"]
kept, vecs = build_index(ids, texts, fake_embed)
assert kept == ["d1", "d3", "d4"] and np.allclose(vecs[1], normalize(np.array([[5, 1, 1.0]]))[0])
bad_ids, _ = build_index_buggy(ids, texts, fake_embed)
assert bad_ids != kept                                              # "apple" filed under d2
assert build_index([], [], fake_embed)[0] == []
try:
    build_index(["d1", "d2"], ["only one text"], fake_embed)             # ids and texts misaligned
    raise AssertionError("must reject")
except ValueError:
    pass
