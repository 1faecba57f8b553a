"""The examples and edge cases of the answer note for reverse-linked-list-ai-assisted: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def build(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def to_list(head):
    out = []
    while head:
        out.append(head.val)
        head = head.next
    return out


assert to_list(reverse(build([1, 2, 3]))) == [3, 2, 1]
assert reverse(None) is None and to_list(reverse(build([7]))) == [7]
assert to_list(reverse_k_group(build([1, 2, 3, 4, 5]), 2)) == [2, 1, 4, 3, 5]   # leftover stays
assert to_list(reverse_k_group(build([1, 2, 3, 4, 5]), 5)) == [5, 4, 3, 2, 1]   # k == n
assert to_list(reverse_k_group(build([1, 2, 3]), 4)) == [1, 2, 3]               # k > n
assert to_list(reverse_k_group(build([1, 2, 3]), 1)) == [1, 2, 3]
assert reverse_k_group(None, 3) is None
nodes = build([1, 2, 3])
ids = {id(n) for n in (nodes, nodes.next, nodes.next.next)}
r = reverse(nodes)
assert {id(r), id(r.next), id(r.next.next)} == ids                              # same nodes: in place
assert to_list(reverse(build(list(range(100_000)))))[:2] == [99_999, 99_998]   # no recursion limit
try:
    reverse_k_group(build([1]), 0)
    raise AssertionError("k = 0 must be rejected")
except ValueError:
    pass
rng = random.Random(2)
for _ in range(300):                                          # independent check: list slicing
    vals, k = list(range(rng.randint(0, 12))), rng.randint(1, 6)
    full = len(vals) // k * k
    expected = [v for i in range(0, full, k) for v in vals[i:i + k][::-1]] + vals[full:]
    assert to_list(reverse_k_group(build(vals), k)) == expected
