import csv
import io
import zlib
from typing import Protocol
import numpy as np
EMBED_DIM = 768
LABELS = {'NEGATIVE', 'POSITIVE'}

class UnionFind:
    """Disjoint sets over 0..n-1 with path compression and union by rank; `count` is the number of sets."""

    def __init__(self, n: int):
        """Start with n singleton sets."""
        raise NotImplementedError('your solution here')

    def find(self, x: int) -> int:
        """Return the root of x's set, pointing every node on the path straight at it."""
        raise NotImplementedError('your solution here')

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of a and b; return False if they were already together."""
        raise NotImplementedError('your solution here')

class SentimentModel(Protocol):
    """What the pipeline needs from DistilBERT."""

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One EMBED_DIM vector per text."""
        raise NotImplementedError('your solution here')

    def classify(self, texts: list[str]) -> list[dict]:
        """One {"label": str, "score": float} per text."""
        raise NotImplementedError('your solution here')

def label_csv(csv_text: str, model: SentimentModel, column: str='text', batch: int=32) -> list[dict]:
    """Label each row whose text is non-blank, sending texts to the model in batches of `batch`.

    Returns dicts with row (0-based data-row index), text (stripped), label, score and embedding.
    ValueError if the column is missing, or the model returns the wrong number of outputs, a label
    outside LABELS, a score that is not a number in [0, 1], or an embedding not EMBED_DIM long.
    """
    raise NotImplementedError('your solution here')

def group_similar(embeddings: list[list[float]], threshold: float=0.95) -> list[int]:
    """Group id per item: items are joined when cosine similarity >= threshold, transitively ([] for no items)."""
    raise NotImplementedError('your solution here')
