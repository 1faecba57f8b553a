"""Identities that must never move: note GUIDs, the notetype id, deck ids.

Changing anything here makes every user's next import create duplicates. Don't.
"""

from __future__ import annotations

import hashlib

import genanki

NAMESPACE = "ai-engineering-interview"
ROOT_DECK = "AI Engineering Interview"
NOTETYPE_NAME = "AI Engineering Interview"
TAG_ROOT = "ai-interview"


def note_guid(question_id: str) -> str:
    """The note GUID: a pure function of the question id, in our namespace."""
    return genanki.guid_for(NAMESPACE, question_id)


def stable_id(name: str) -> int:
    """A constant 31-bit id derived from a fixed name (the range genanki recommends)."""
    digest = hashlib.sha256(f"{NAMESPACE}:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


NOTETYPE_ID = stable_id("notetype:" + NOTETYPE_NAME)
PRESET_ID = stable_id("preset:" + NOTETYPE_NAME)


def deck_id(deck_name: str) -> int:
    return stable_id("deck:" + deck_name)
