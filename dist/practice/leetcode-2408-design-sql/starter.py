NULL = '<null>'

class SQL:
    """In-memory tables with auto-increment row ids (ids are never reused)."""

    def __init__(self, names: list[str], columns: list[int]):
        """Create one empty table per name with the given number of columns."""
        raise NotImplementedError('your solution here')

    def ins(self, name: str, row: list[str]) -> bool:
        """Insert a copy of row with the next id; False (and no id used) if the table is unknown or the width is wrong."""
        raise NotImplementedError('your solution here')

    def rmv(self, name: str, rowId: int) -> None:
        """Delete the row if both table and row exist; otherwise do nothing."""
        raise NotImplementedError('your solution here')

    def sel(self, name: str, rowId: int, columnId: int) -> str:
        """Return the cell at (rowId, columnId), both 1-based, or NULL if any part is invalid."""
        raise NotImplementedError('your solution here')

    def exp(self, name: str) -> list[str]:
        """Return the table's live rows in id order as "id,cell1,cell2,..."; [] for an unknown table."""
        raise NotImplementedError('your solution here')
