"""The examples and edge cases of the answer note for tree-from-parent-array: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def depths(root):  # BFS depth of every node in the built tree
    out, queue = {}, deque([(root, 0)])
    while queue:
        node, d = queue.popleft()
        out[node.val] = d
        queue.extend((c, d + 1) for c in node.children)
    return out


def depths_from_array(parent):  # independent check: follow parent pointers
    result = {}
    for i in range(len(parent)):
        d, j = 0, i
        while parent[j] != -1:
            j, d = parent[j], d + 1
        result[i] = d
    return result


p = [-1, 0, 0, 1, 1, 3, 5]
root = build_tree(p)
assert root.val == 0 and [c.val for c in root.children] == [1, 2]
assert [c.val for c in root.children[0].children] == [3, 4]
assert depths(root) == depths_from_array(p) and max(depths(root).values()) == 4   # height 4
assert build_tree([]) is None and build_tree([-1]).children == []
assert build_tree([2, 2, -1]).val == 2                                            # root needn't be 0
for bad in ([1, 0], [-1, -1], [-1, 5], [-1, 2, 1], [-1, 1]):
    try:
        build_tree(bad)
        raise AssertionError(f"{bad} must be rejected")
    except ValueError:
        pass
chain = [-1] + list(range(99_999))                                                # path of 100k nodes
assert len(depths(build_tree(chain))) == 100_000
rng = random.Random(4)
for _ in range(200):
    n = rng.randint(1, 30)
    order = rng.sample(range(n), n)                 # random labels; each parent appears earlier in order
    par = [-1] * n
    for k in range(1, n):
        par[order[k]] = order[rng.randrange(k)]
    assert depths(build_tree(par)) == depths_from_array(par)
