"""The examples and edge cases of the answer note for union-find-distilbert-sentiment: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

class FakeDistilBERT:  # deterministic stand-in: hash-seeded vectors, keyword sentiment
    def embed(self, texts):
        return [np.random.default_rng(zlib.crc32(t.lower().encode())).normal(size=EMBED_DIM).tolist() for t in texts]

    def classify(self, texts):
        return [{"label": "NEGATIVE" if "bad" in t.lower() else "POSITIVE", "score": 0.9} for t in texts]


class ShortVectors(FakeDistilBERT):
    def embed(self, texts):
        return [[0.0] * 767 for _ in texts]


class BadLabel(FakeDistilBERT):
    def classify(self, texts):
        return [{"label": "LABEL_1", "score": 0.9} for _ in texts]


class DropsOne(FakeDistilBERT):
    def classify(self, texts):
        return super().classify(texts)[:-1]


class BadScore(FakeDistilBERT):
    def classify(self, texts):
        return [{"label": "POSITIVE", "score": "high"} for _ in texts]


def rejects(fn):
    try:
        fn()
    except ValueError:
        return True
    return False


data = 'id,text\n1,"Great service, fast"\n2,bad food\n3,\n4,great service  fast\n5,"GREAT SERVICE, FAST"\n'
res = label_csv(data, FakeDistilBERT(), batch=2)
assert [r["row"] for r in res] == [0, 1, 3, 4]                          # blank row 2 skipped
assert all(set(r) == {"row", "text", "label", "score", "embedding"} for r in res)
assert all(len(r["embedding"]) == EMBED_DIM for r in res)              # embedding length
assert [r["label"] for r in res] == ["POSITIVE", "NEGATIVE", "POSITIVE", "POSITIVE"]
assert res[0]["text"] == "Great service, fast"                        # quoted comma kept
assert label_csv("id,text\n", FakeDistilBERT()) == []                   # header only
assert rejects(lambda: label_csv("id,body\n1,x\n", FakeDistilBERT()))   # missing column
assert rejects(lambda: label_csv(data, ShortVectors()))                 # 767-dim vectors
assert rejects(lambda: label_csv(data, BadLabel()))                     # unknown label
assert rejects(lambda: label_csv(data, BadScore()))                     # score not a number
assert rejects(lambda: label_csv(data, DropsOne()))                     # one prediction missing
assert group_similar([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0]]) == [0, 1, 2]  # zero vectors not merged
assert group_similar([]) == []
groups = group_similar([r["embedding"] for r in res])
assert groups[0] == groups[3] != groups[1] and groups[2] != groups[0]  # same text after lower(): one group

rng = np.random.default_rng(0)                                          # union-find vs BFS components
for _ in range(100):
    n = int(rng.integers(1, 15))
    edges = [tuple(int(v) for v in rng.integers(0, n, 2)) for _ in range(int(rng.integers(0, 20)))]
    uf = UnionFind(n)
    for a, b in edges:
        uf.union(a, b)
    adj = {i: set() for i in range(n)}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    seen, comps = set(), 0
    for s in range(n):
        if s not in seen:
            comps, stack = comps + 1, [s]
            while stack:
                v = stack.pop()
                if v not in seen:
                    seen.add(v)
                    stack.extend(adj[v])
    assert uf.count == comps
    assert all((uf.find(a) == uf.find(b)) for a, b in edges)
uf = UnionFind(3)
assert uf.union(0, 1) and not uf.union(1, 0) and uf.count == 2          # redundant edge detected
