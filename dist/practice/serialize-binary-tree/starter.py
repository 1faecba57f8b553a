import random
import zlib
from dataclasses import dataclass
VERSION = 1

@dataclass(eq=False)
class Node:
    """A binary tree node holding an int."""
    val: int
    left: 'Node | None' = None
    right: 'Node | None' = None

def serialize(root: Node | None) -> bytes:
    """Encode as: VERSION byte; per node in preorder, the varint (7 bits per byte, low group first, high bit
    = more) of zigzag(val) << 2 | has_left << 1 | has_right; then zlib.crc32 of all of that, 4 bytes big-endian."""
    raise NotImplementedError('your solution here')

def deserialize(data: bytes) -> Node | None:
    """Inverse of serialize(); raise ValueError on bad checksum, unknown version, truncation or trailing bytes."""
    raise NotImplementedError('your solution here')
