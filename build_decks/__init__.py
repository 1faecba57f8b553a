"""Build Anki decks and CSV from AI-engineering interview questions and answer notes."""

__version__ = "0.2.0"
