import random

class ListNode:
    """Singly linked list node with `val` and `next`."""

    def __init__(self, val, next=None):
        """Create a node holding val, linked to next."""
        raise NotImplementedError('your solution here')

def reverse(head: ListNode | None) -> ListNode | None:
    """Reverse the list in place and return the new head."""
    raise NotImplementedError('your solution here')

def reverse_k_group(head: ListNode | None, k: int) -> ListNode | None:
    """Reverse each consecutive group of k nodes in place and return the new head; a shorter last group stays as is.

    ValueError if k < 1.
    """
    raise NotImplementedError('your solution here')
