"""The examples and edge cases of the answer note for serialize-binary-tree: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

def shape(root):  # independent preorder listing with None markers, iterative
    out, stack = [], [root]
    while stack:
        n = stack.pop()
        out.append(None if n is None else n.val)
        if n is not None:
            stack += [n.right, n.left]
    return out


def leetcode_string(root):
    return ",".join("#" if v is None else str(v) for v in shape(root))


def random_tree(rng, n):
    nodes = [Node(rng.randint(-300, 300)) for _ in range(n)]
    for i, node in enumerate(nodes[1:], 1):
        parent = nodes[rng.randrange(i)]
        side = rng.choice(["left", "right"])
        while getattr(parent, side) is not None:
            parent, side = getattr(parent, side), rng.choice(["left", "right"])
        setattr(parent, side, node)
    return nodes[0] if nodes else None


assert deserialize(serialize(None)) is None and len(serialize(None)) == 5
assert shape(deserialize(serialize(Node(-7)))) == [-7, None, None]
t = Node(1, Node(2, Node(4), Node(5)), Node(3, Node(6), Node(7)))
assert shape(deserialize(serialize(t))) == shape(t)
assert len(serialize(t)) == 1 + 7 + 4 < len(leetcode_string(t))    # 12 bytes vs 29 characters
big = Node(2**40, Node(-(2**40)))
assert shape(deserialize(serialize(big))) == [2**40, -(2**40), None, None, None]
deep = None
for v in range(10_000):                                            # skewed: no recursion limit
    deep = Node(v, right=deep)
assert shape(deserialize(serialize(deep))) == shape(deep)
rng = random.Random(7)
for _ in range(300):
    tree = random_tree(rng, rng.randint(0, 30))
    assert shape(deserialize(serialize(tree))) == shape(tree)


def rejects(data):
    try:
        deserialize(data)
    except ValueError:
        return True
    return False


def with_crc(body):
    return body + zlib.crc32(body).to_bytes(4, "big")


good = serialize(t)
assert rejects(good[:-1]) and rejects(b"")                           # truncated
assert rejects(good[:3] + bytes([good[3] ^ 0x10]) + good[4:])       # one flipped byte: CRC catches it
assert rejects(with_crc(bytes([2]) + good[1:-4]))                  # unknown version
assert rejects(with_crc(good[:-4] + b"\x00"))                       # trailing record
assert rejects(with_crc(good[:-5]))                                 # a child promised but missing
