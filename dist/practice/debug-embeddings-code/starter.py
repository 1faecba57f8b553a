import numpy as np

def mean_pool(token_vectors, mask):
    """Mean of token vectors (B, T, d) over real tokens only; mask (B, T) is 1 for tokens, 0 for padding."""
    raise NotImplementedError('your solution here')

def normalize(X):
    """Each row scaled to unit L2 norm; zero rows stay zero."""
    raise NotImplementedError('your solution here')

def search(query, docs, k, min_score=-1.0):
    """(indices, cosine scores) of up to k rows of docs most similar to query, best first, score >= min_score."""
    raise NotImplementedError('your solution here')

def build_index(ids, texts, embed):
    """(kept ids, unit-normalised vectors (n, d)) for the non-blank texts; embed(list of str) -> (n, d).
    Ids stay with their texts; ValueError if ids and texts differ in length."""
    raise NotImplementedError('your solution here')
