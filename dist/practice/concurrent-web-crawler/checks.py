"""The examples and edge cases of the answer note for concurrent-web-crawler: `python checks.py` runs them."""

from starter import *  # noqa: F403 - the functions and classes you implement

from collections import Counter


class FakeWeb:
    """Deterministic fake network with a virtual clock; records every fetch and the peak concurrency."""

    def __init__(self, pages):
        self.pages, self.now, self.log, self.in_flight, self.peak = pages, 0.0, [], 0, 0

    def clock(self):
        return self.now

    async def sleep(self, seconds):
        wake = self.now + seconds
        await asyncio.sleep(0)
        self.now = max(self.now, wake)

    async def fetch(self, url):
        self.log.append((self.now, url))
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        for _ in range(3):
            await asyncio.sleep(0)
        self.in_flight -= 1
        page = self.pages.get(url)
        if isinstance(page, Exception):
            raise page
        return page if page is not None else (404, "")


SITE = {
    "https://a.com/robots.txt": (200, "User-agent: *\nDisallow: /private\nCrawl-delay: 2"),
    "https://a.com/": (200, '<a href="/x">x</a> <a href="/private/s">s</a> <a href="https://B.com">b</a> '
                            '<a href="#top">self</a> <a href="mailto:me@a.com">mail</a>'),
    "https://a.com/x": (200, '<a href="/">home</a> <a href="https://c.com/page">c</a> <a href="/y">y</a> '
                             '<a href="/gone">gone</a>'),
    "https://a.com/y": (200, "same text"),
    "https://a.com/gone": (404, '<a href="/trap">'),                 # links of a 404 are not followed
    "https://b.com/robots.txt": (404, "User-agent: *\nDisallow: /"),   # an error page, not rules
    "https://b.com/": (200, '<a href="https://a.com/x">x</a> <a href="/err">e</a> <a href="/copy">c</a> '
                            '<a href="https://d.com/p">d</a>'),
    "https://b.com/err": ConnectionError("reset"),
    "https://b.com/copy": (200, "same text"),
    "https://c.com/robots.txt": (503, ""),
    "https://d.com/robots.txt": TimeoutError(),
}


def run(pages, **kw):
    web = FakeWeb(pages)
    crawler = Crawler(web.fetch, web.clock, web.sleep, **kw)
    return asyncio.run(crawler.crawl(["https://a.com/#frag"])), web


res, web = run(SITE, workers=3)
expected = "a.com/ a.com/x a.com/y a.com/gone a.com/private/s b.com/ b.com/err b.com/copy c.com/page d.com/p"
assert set(res) == {"https://" + u for u in expected.split()}
assert res["https://a.com/private/s"] == {"error": "disallowed by robots.txt"}
assert res["https://c.com/page"] == res["https://d.com/p"] == {"error": "disallowed by robots.txt"}  # 5xx, timeout
assert res["https://b.com/err"] == {"error": "ConnectionError"}
assert res["https://a.com/gone"]["status"] == 404 and res["https://a.com/gone"]["links"] == []
assert res["https://b.com/copy"]["sha256"] == res["https://a.com/y"]["sha256"] != res["https://a.com/"]["sha256"]
counts = Counter(url for _, url in web.log)
assert max(counts.values()) == 1 and counts["https://a.com/robots.txt"] == 1  # no refetch, cycles closed
assert "https://c.com/page" not in counts and "https://a.com/private/s" not in counts
for host in ("a.com", "b.com"):                                                # min_interval = 1
    times = [t for t, url in web.log if urlsplit(url).netloc == host]
    assert len(times) >= 3 and all(b - a >= 1 for a, b in zip(times, times[1:])), (host, times)
pages_a = [t for t, url in web.log if url.startswith("https://a.com/") and not url.endswith("robots.txt")]
assert all(b - a >= 2 for a, b in zip(pages_a, pages_a[1:]))                   # Crawl-delay: 2
assert 1 < web.peak <= 3
assert run(SITE, workers=3)[0] == res                                          # deterministic
assert len(run(SITE, max_pages=3)[0]) == 3

wide = {f"https://h{i}.com/": (200, "") for i in range(10)}
root = {"https://hub.com/": (200, " ".join(f'<a href="https://h{i}.com/">' for i in range(10)))}
web2 = FakeWeb({**wide, **root})
out = asyncio.run(Crawler(web2.fetch, web2.clock, web2.sleep, workers=4).crawl(["https://hub.com"]))
assert len(out) == 11 and web2.peak == 4                                       # bounded, and parallel
same = {"https://s.com/": (200, " ".join(f'<a href="/p{i}">' for i in range(6)))}
web3 = FakeWeb({**same, **{f"https://s.com/p{i}": (200, "") for i in range(6)}})
assert len(asyncio.run(Crawler(web3.fetch, web3.clock, web3.sleep, workers=4).crawl(["https://s.com/"]))) == 7
times = [t for t, _ in web3.log]                                               # one host, 4 workers
assert len(times) == 8 and all(b - a >= 1 for a, b in zip(times, times[1:])), times
assert normalize("HTTPS://A.com#x") == "https://a.com/" and normalize("mailto:x@y") is None
assert extract_links("https://a.com/d/p", '<a href="../q#f">') == ["https://a.com/q"]
