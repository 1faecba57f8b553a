import asyncio
import hashlib
import re
import urllib.robotparser
from urllib.parse import urldefrag, urljoin, urlsplit
LINK = re.compile('href="([^"]*)"')

def normalize(url: str):
    """Canonical absolute http(s) URL: no fragment, lowercase host, '/' for an empty path; None if not http(s)."""
    raise NotImplementedError('your solution here')

def extract_links(base: str, html: str) -> list[str]:
    """Normalised absolute URLs of the href="..." links in html, resolved against base, in order."""
    raise NotImplementedError('your solution here')

class Crawler:
    """Concurrent crawler: robots.txt, per-host rate limit, each URL fetched once, bounded concurrency.

    Each origin's robots.txt is fetched once, before its pages: 2xx is parsed as rules for agent,
    4xx means no rules, 5xx or a raised exception means disallow everything. Each request to a host,
    robots.txt included, starts at least max(min_interval, its Crawl-delay) seconds after the one
    before; at most `workers` requests are in flight.
    """

    def __init__(self, fetch, clock, sleep, workers=4, min_interval=1.0, max_pages=100, agent='demo-bot'):
        """fetch(url) -> awaitable (status, text), may raise; clock() -> seconds; sleep(s) -> awaitable, clock advanced by s."""
        raise NotImplementedError('your solution here')

    async def crawl(self, seeds) -> dict[str, dict]:
        """Crawl from seeds, following the links of status-200 pages; at most max_pages URLs in all.

        Returns {url: record}, every URL normalised and fetched at most once. A record is
        {"status", "sha256" (hex, of the UTF-8 text), "links", "fetched_at" (clock at the request)},
        {"error": "disallowed by robots.txt"}, or {"error": the exception's class name} if fetch raised.
        """
        raise NotImplementedError('your solution here')
