import random
from collections import deque

class TreeNode:
    """Node of a general tree: `val`, and `children` in index order."""

    def __init__(self, val: int):
        """Create a childless node holding val."""
        raise NotImplementedError('your solution here')

def build_tree(parent: list[int]) -> TreeNode | None:
    """Build the tree where node i has val i and parent parent[i] (-1 for the root); return the root.

    None for an empty list; ValueError unless there is exactly one root and all n nodes form one tree.
    """
    raise NotImplementedError('your solution here')
