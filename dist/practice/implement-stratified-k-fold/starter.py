import numpy as np

def stratified_k_fold(y, k, shuffle=True, seed=0):
    """k (train_idx, test_idx) pairs, each sorted ascending. Classes in sorted order; each class's indices (in
    order, or permuted with default_rng(seed) if shuffle) are dealt round-robin to folds 0..k-1, the rotation
    continuing from one class to the next. ValueError if k < 2, y is empty, or a class has fewer than k samples."""
    raise NotImplementedError('your solution here')
