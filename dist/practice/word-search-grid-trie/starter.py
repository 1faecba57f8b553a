import random

def find_words(board: list[list[str]], words: list[str]) -> list[str]:
    """Return the distinct non-empty words (any order) traceable through 4-adjacent cells, no cell reused.

    Cells may hold any character; board is left unchanged on return.
    """
    raise NotImplementedError('your solution here')
