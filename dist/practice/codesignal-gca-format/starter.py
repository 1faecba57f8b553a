import random

def max_pair_and(nums: list[int]) -> int:
    """Largest nums[i] & nums[j] over i != j, for non-negative ints; ValueError if fewer than two."""
    raise NotImplementedError('your solution here')
