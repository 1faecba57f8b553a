"""The fixed vocabulary the importer recognises in the seed: companies, roles, signals, kinds."""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Canonical company names, longest first so "Google DeepMind" wins over "Google".
COMPANIES = {
    "Google DeepMind": "google-deepmind",
    "Eightfold.ai": "eightfold-ai",
    "Databricks": "databricks",
    "Microsoft": "microsoft",
    "Anthropic": "anthropic",
    "Anduril": "anduril",
    "Discord": "discord",
    "Netflix": "netflix",
    "Mistral": "mistral",
    "OpenAI": "openai",
    "Amazon": "amazon",
    "Google": "google",
    "Apple": "apple",
    "Meta": "meta",
    "Visa": "visa",
    "IBM": "ibm",
    "xAI": "xai",
}

# Words that may follow a company in an annotation: "(OpenAI EM)", "(Microsoft senior)".
ROLES = {"EM": "engineering-manager", "senior": "senior"}

SIGNALS = {
    "reported across multiple companies": "multiple-companies",
    "very common in 2026": "very-common-2026",
    "candidates wish they prepared for this": "wish-prepared",
}

SIGNAL_LABELS = {
    "multiple-companies": "Reported across multiple companies",
    "very-common-2026": "Very common in 2026",
    "wish-prepared": "Candidates wish they had prepared for this",
}

_COMPANY_WORD = re.compile(
    r"(?<![A-Za-z0-9])(" + "|".join(re.escape(name) for name in COMPANIES) + r")(?![A-Za-z0-9])"
)


def companies_in(text: str) -> list[str]:
    """Company ids named in a text, in order of appearance, without repeats."""
    found: list[str] = []
    for name in _COMPANY_WORD.findall(text):
        if COMPANIES[name] not in found:
            found.append(COMPANIES[name])
    return found


def parse_company_annotation(text: str) -> tuple[list[str], list[str]] | None:
    """'OpenAI EM' -> (['openai'], ['engineering-manager']); None when it is not one."""
    companies: list[str] = []
    roles: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            return None
        tokens = part.split()
        while tokens and tokens[-1] in ROLES:
            roles.append(ROLES[tokens.pop()])
        name = " ".join(tokens)
        if name not in COMPANIES:
            return None
        companies.append(COMPANIES[name])
    return companies, roles


def source_kind(url: str, title: str) -> str:
    """youtube, reddit, hn, medium, x, github or blog, from the URL (and the title for Medium)."""
    host = (urlparse(url).hostname or "").removeprefix("www.")
    by_host = {
        "youtube.com": "youtube",
        "reddit.com": "reddit",
        "news.ycombinator.com": "hn",
        "x.com": "x",
        "twitter.com": "x",
        "github.com": "github",
    }
    if host in by_host:
        return by_host[host]
    if host == "medium.com" or host.endswith(".medium.com") or title.startswith("Medium -"):
        return "medium"
    return "blog"
