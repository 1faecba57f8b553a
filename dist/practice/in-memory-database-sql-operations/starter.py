import operator
OPS = {'=': operator.eq, '!=': operator.ne, '<': operator.lt, '<=': operator.le, '>': operator.gt, '>=': operator.ge}

class Database:
    """In-memory tables with SQL-like insert, select (where, order by, limit), update and delete."""

    def __init__(self):
        """Create an empty database."""
        raise NotImplementedError('your solution here')

    def create_table(self, name: str, columns: list[str]) -> None:
        """Create a table with the given column names; ValueError if it exists."""
        raise NotImplementedError('your solution here')

    def insert(self, table: str, row: dict) -> None:
        """Insert a copy of row {column: value}; ValueError unless it names exactly the table's columns."""
        raise NotImplementedError('your solution here')

    def select(self, table, columns=None, where=(), order_by=(), limit=None) -> list[dict]:
        """New dicts for the rows matching every (col, op, value) in where (ops as in OPS).

        Sorted by the (col, 'asc'|'desc') pairs in order_by, ties in insertion order; at most
        limit rows; projected to columns (default: all). ValueError on an unknown column or direction.
        """
        raise NotImplementedError('your solution here')

    def update(self, table, values: dict, where=()) -> int:
        """Set values on every row matching where; return the number of matching rows."""
        raise NotImplementedError('your solution here')

    def delete(self, table, where=()) -> int:
        """Delete every row matching where; return the number of rows removed."""
        raise NotImplementedError('your solution here')
