def serialize(store: dict[str, str]) -> str:
    """Encode a str->str dict as '<len>:<text>' for each key then its value, keys sorted; len counts characters."""
    raise NotImplementedError('your solution here')

def deserialize(text: str) -> dict[str, str]:
    """Decode serialize()'s output into a dict.

    ValueError if a length is missing or not ASCII digits, a string is truncated,
    a key has no value, or a key repeats.
    """
    raise NotImplementedError('your solution here')
