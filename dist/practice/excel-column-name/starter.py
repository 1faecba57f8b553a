from functools import reduce

def column_name(n: int) -> str:
    """Excel's column label for 1-based column number n (1 -> "A", 27 -> "AA"); ValueError if n < 1."""
    raise NotImplementedError('your solution here')

def column_number(name: str) -> int:
    """The 1-based column number of an Excel label ("A" -> 1, "AA" -> 27), case-insensitive."""
    raise NotImplementedError('your solution here')
