"""A real HTTP server on 127.0.0.1 serving fixture news pages, feeds and misbehaving URLs.

Use the `web_server` pytest fixture (function-scoped: every test gets fresh counters):
``web_server.url("/feeds/rss.xml")``, ``web_server.hits["/flaky"]``, ``web_server.requests``.
"""

from __future__ import annotations

import hashlib
import html
import threading
import zlib
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

LAST_MODIFIED = "Thu, 14 Mar 2024 10:00:00 GMT"
BIG_BODY_BYTES = 10 * 1024 * 1024
GZIP_BOMB_DECODED_BYTES = 10 * 1024 ** 3  # what /gzip-bomb.html expands to: 10 GiB of zeros
SLOW_SECONDS = 2.0


@dataclass
class Story:
    path: str
    title: str
    author: str | None
    published: str | None  # YYYY-MM-DD in the page's metadata, or None for no date on the page
    paragraphs: list[str]


ACME = Story(
    "/news/acme-buys-widgetco.html",
    "Acme Corp agrees to buy WidgetCo for $2.1 billion",
    "Jane Porter",
    "2024-03-12",
    [
        "Acme Corp said on Tuesday that it had agreed to buy WidgetCo, the maker of industrial "
        "sensors, for $2.1 billion in cash, the largest acquisition in the company's history.",
        "The deal, which both boards have approved, values WidgetCo at about 14 times its annual "
        "operating profit. Acme will pay for it with cash on hand and a new bank loan of $800 million.",
        "WidgetCo's chief executive, Maria Lindqvist, will join Acme's management board once the "
        "transaction closes, which the companies expect in the third quarter after regulators review it.",
        "Analysts at Northgate Securities said the purchase would give Acme a foothold in factory "
        "automation, a market that has grown faster than its core business of packaging machines.",
        "Shares of WidgetCo rose 18 percent in early trading, while Acme's stock slipped 2 percent.",
    ],
)
PORT = Story(
    "/news/port-expansion.html",
    "Harbour authority approves 400-million-euro port expansion",
    "Tomas Berg",
    "2024-03-13",
    [
        "The harbour authority of Eastport approved a 400 million euro expansion of its container "
        "terminal on Wednesday, ending two years of debate over the project's cost.",
        "The plan adds two deep-water berths and 35 hectares of storage space. Construction is to "
        "begin next spring and to take about four years, the authority said in a statement.",
        "Environmental groups had opposed the dredging the berths require; the authority agreed to "
        "fund a monitoring programme for the estuary as part of the approval.",
        "Shipping lines welcomed the decision, saying the terminal had been running close to full "
        "capacity for most of the past year.",
    ],
)
RATES = Story(
    "/news/rates-decision.html",
    "Central bank holds interest rates steady",
    None,
    None,  # no date on the page: the Atom entry's date must be used
    [
        "The central bank left its main interest rate unchanged at 4.5 percent, as most economists "
        "had expected, and signalled that cuts could come later in the year.",
        "The governor told reporters that inflation was falling more slowly than hoped, driven by "
        "services prices, and that the bank wanted more evidence before easing policy.",
        "Two of the nine members of the rate-setting committee voted for a quarter-point cut.",
        "Markets took the announcement calmly; the currency was little changed against the dollar.",
    ],
)
PRIVATE = Story(
    "/private/members-only.html",
    "Members-only briefing",
    "Staff",
    "2024-03-14",
    ["This page is disallowed by robots.txt and must never be requested by factwire. " * 3],
)
STORIES = {s.path: s for s in (ACME, PORT, RATES, PRIVATE)}
SYNDICATED_PATH = "/partner/acme-widgetco-deal"  # ACME's text under other chrome
SHORTENED_PATH = "/partner/acme-widgetco-short"  # ACME less its last paragraph: a near-duplicate

COMMENTS = """
<section id="comments" class="comments">
  <h3>3 comments</h3>
  <div class="comment"><p class="comment-author">bob_t</p>
    <p>First! This deal will never pass the regulators, mark my words.</p></div>
  <div class="comment"><p class="comment-author">sensorfan</p>
    <p>WidgetCo made the best sensors in the business. Sad day for us customers.</p></div>
  <div class="comment"><p class="comment-author">anon</p>
    <p>Does anyone know whether the Acme pension plan is affected?</p></div>
</section>"""


def news_page(story: Story, base_url: str, *, canonical_path: str | None = None) -> str:
    """A page as the Daily Ledger (the fixture publisher) serves it: nav, sidebar, comments."""
    meta = [f'<meta property="og:title" content="{html.escape(story.title)}">',
            '<meta property="og:site_name" content="The Daily Ledger">',
            f'<link rel="canonical" href="{base_url}{canonical_path or story.path}">']
    if story.author:
        meta.append(f'<meta name="author" content="{html.escape(story.author)}">')
    if story.published:
        meta.append(f'<meta property="article:published_time" content="{story.published}T08:30:00Z">')
    byline = (f'<p class="byline">By <span class="author">{html.escape(story.author)}</span></p>'
              if story.author else "")
    dateline = (f'<time datetime="{story.published}T08:30:00Z">{story.published}</time>'
                if story.published else "")
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(story.title)} | The Daily Ledger</title>
{chr(10).join(meta)}
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">The Daily Ledger</a>
  <nav class="main-nav"><ul>
    <li><a href="/business">Business</a></li><li><a href="/markets">Markets</a></li>
    <li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li>
    <li><a href="/subscribe">Subscribe for 1 euro a week</a></li>
  </ul></nav>
</header>
<main>
  <article class="story">
    <h1>{html.escape(story.title)}</h1>
    {byline}
    {dateline}
{body}
  </article>
  <aside class="sidebar">
    <h2>Most read</h2>
    <ul><li><a href="/x">Ten gadgets you need this spring</a></li>
        <li><a href="/y">Why everyone is moving to the coast</a></li></ul>
  </aside>
  {COMMENTS}
</main>
<footer class="site-footer">
  <p>Copyright 2024 The Daily Ledger Media Group. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p>
</footer>
</body>
</html>"""


def syndicated_page(story: Story) -> str:
    """The same story as republished by a partner site: different markup, same text."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(story.title)} - Wire Partner Network</title>
<meta property="og:site_name" content="Wire Partner Network">
</head><body>
<div id="top-bar"><a href="/">WPN</a> <a href="/login">Log in</a> <a href="/newsletter">Newsletter</a></div>
<div class="layout"><div class="col-left"><ul class="menu"><li>Home</li><li>Economy</li><li>Tech</li></ul></div>
<div class="col-main"><div class="entry">
<h1 class="entry-title">{html.escape(story.title)}</h1>
<div class="entry-content">
{body}
</div></div></div>
<div class="col-right"><div class="widget"><h4>Sponsored</h4><p>Earn more with smart savings plans today.</p></div></div>
</div>
<div id="bottom">WPN syndicates stories from partner newspapers. Contact us | Terms of use</div>
</body></html>"""


BROKEN_CHARSET_TEXT = (
    "Le café de la gare a rouvert ses portes après des travaux de rénovation qui ont duré "
    "près de deux ans. Les habitués ont salué l'arrivée d'une nouvelle carte, élaborée par "
    "le chef Frédéric Noël, et la décoration inspirée des années trente. "
)


def broken_charset_page() -> bytes:
    """Declared UTF-8 (header and meta) but encoded in Latin-1."""
    paragraphs = "".join(f"<p>{BROKEN_CHARSET_TEXT}</p>\n" for _ in range(3))
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f"<title>Le café rouvre</title></head><body><article><h1>Le café rouvre</h1>"
            f"{paragraphs}</article></body></html>").encode("latin-1")


def rss_feed(base_url: str) -> str:
    items = [
        (ACME, "Tue, 12 Mar 2024 08:30:00 GMT"),
        (PORT, "Wed, 13 Mar 2024 09:15:00 GMT"),
        (PRIVATE, "Thu, 14 Mar 2024 07:00:00 GMT"),
    ]
    body = "".join(f"""
    <item>
      <title>{html.escape(s.title)}</title>
      <link>{base_url}{s.path}</link>
      <guid isPermaLink="true">{base_url}{s.path}</guid>
      <pubDate>{date}</pubDate>
      <description>{html.escape('<p>' + s.paragraphs[0] + '</p>')}</description>
    </item>""" for s, date in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>The Daily Ledger - Business</title>
    <link>{base_url}/business</link>
    <description>Business news</description>{body}
  </channel>
</rss>"""


def atom_feed(base_url: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire Partner Network</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-03-14T10:00:00Z</updated>
  <link href="{base_url}/"/>
  <entry>
    <title>{html.escape(RATES.title)}</title>
    <link href="{base_url}{RATES.path}"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-03-14T09:00:00Z</published>
    <updated>2024-03-14T09:30:00Z</updated>
    <summary>The central bank left its main rate unchanged.</summary>
  </entry>
  <entry>
    <title>{html.escape(ACME.title)}</title>
    <link href="{base_url}{SYNDICATED_PATH}"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
    <updated>2024-03-12T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Acme Corp &lt;b&gt;agreed&lt;/b&gt; to buy WidgetCo.&lt;/p&gt;</summary>
  </entry>
</feed>"""


def rdf_feed(base_url: str) -> str:
    return f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base_url}/feeds/rdf.xml">
    <title>Ledger RDF</title>
    <link>{base_url}/</link>
    <description>RSS 1.0 feed</description>
    <items><rdf:Seq><rdf:li resource="{base_url}{PORT.path}"/></rdf:Seq></items>
  </channel>
  <item rdf:about="{base_url}{PORT.path}">
    <title>{html.escape(PORT.title)}</title>
    <link>{base_url}{PORT.path}</link>
    <description>Eastport approves its terminal expansion.</description>
    <dc:date>2024-03-13T09:15:00Z</dc:date>
  </item>
</rdf:RDF>"""


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://example.com/a</link></item></channel></rss>"""

ROBOTS_TXT = """# factwire may read the news but not the members' area; other robots may read nothing.
User-agent: factwire
Disallow: /private/

User-agent: *
Disallow: /
"""


@dataclass
class FixtureServer:
    """The running server: its base URL, and what it was asked for."""

    base_url: str
    hits: Counter = field(default_factory=Counter)  # path -> number of requests
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, headers)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.in_flight_changed = threading.Condition(self.lock)

    def url(self, path: str) -> str:
        return self.base_url + path

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]


class _Handler(BaseHTTPRequestHandler):
    server_version = "FixtureServer/1.0"
    fixture: FixtureServer  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        fx = self.fixture
        with fx.lock:
            fx.hits[path] += 1
            count = fx.hits[path]
            fx.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
        try:
            self._route(path, count)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (too large, timeout): expected in some tests

    def _route(self, path: str, count: int) -> None:
        base = self.fixture.base_url
        if path == "/robots.txt":
            return self._send(200, "text/plain", ROBOTS_TXT.encode())
        if path in STORIES:
            return self._cacheable("text/html; charset=utf-8", news_page(STORIES[path], base).encode())
        if path == SYNDICATED_PATH:
            return self._cacheable("text/html; charset=utf-8", syndicated_page(ACME).encode())
        if path == SHORTENED_PATH:
            shortened = Story(SHORTENED_PATH, ACME.title, ACME.author, ACME.published, ACME.paragraphs[:-1])
            return self._cacheable("text/html; charset=utf-8", syndicated_page(shortened).encode())
        if path == "/feeds/rss.xml":
            return self._cacheable("application/rss+xml; charset=utf-8", rss_feed(base).encode())
        if path == "/feeds/atom.xml":
            return self._cacheable("application/atom+xml", atom_feed(base).encode())
        if path == "/feeds/rdf.xml":
            return self._send(200, "application/rdf+xml", rdf_feed(base).encode())
        if path == "/feeds/bomb.xml":
            return self._send(200, "application/rss+xml", BILLION_LAUGHS)
        if path == "/feeds/not-a-feed.xml":
            return self._send(200, "application/xml", b"<html><body><p>Moved.</p></body></html>")
        if path == "/flaky":  # 500 once, then the page
            if count == 1:
                return self._send(500, "text/plain", b"internal error")
            return self._send(200, "text/html; charset=utf-8", news_page(PORT, base).encode())
        if path == "/throttled":  # 429 with Retry-After once, then the page
            if count == 1:
                return self._send(429, "text/plain", b"slow down", {"Retry-After": "1"})
            return self._send(200, "text/html; charset=utf-8", news_page(RATES, base).encode())
        if path == "/always-503":
            return self._send(503, "text/plain", b"unavailable")
        if path == "/slow":
            self.fixture.stop.wait(SLOW_SECONDS)  # past the tests' read timeout
            return self._send(200, "text/html", b"<html><body>late</body></html>")
        if path == "/slow-10":
            # Concurrency is counted while the request is being served, before the response
            # goes out: the client cannot have released its slot for this request yet.
            # The first request waits for a second one (up to 30 s), so that two in flight at
            # once never depends on how fast the client sends them; each is then held 0.2 s more,
            # long enough for a third to be counted if the client let one through.
            fx = self.fixture
            with fx.in_flight_changed:
                fx.in_flight += 1
                fx.max_in_flight = max(fx.max_in_flight, fx.in_flight)
                fx.in_flight_changed.notify_all()
                fx.in_flight_changed.wait_for(lambda: fx.max_in_flight >= 2 or fx.stop.is_set(), timeout=30)
            fx.stop.wait(0.2)
            with fx.lock:
                fx.in_flight -= 1
            return self._send(200, "text/html", b"<html><body>ok</body></html>")
        if path == "/loop/a":
            return self._redirect(base + "/loop/b")
        if path == "/loop/b":
            return self._redirect("/loop/a")  # relative Location, resolved by the client
        if path == "/go/acme":
            return self._redirect(base + ACME.path, 301)
        if path == "/go/metadata":
            return self._redirect("http://169.254.169.254/latest/meta-data/")
        if path == "/go/file":
            return self._redirect("file:///etc/passwd")
        if path in ("/big", "/big-unannounced"):
            return self._big(announce_length=path == "/big")
        if path in ("/gzip-bomb.html", "/deflate-bomb.html"):
            return self._bomb("gzip" if path.startswith("/gzip") else "deflate")
        if path == "/report.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.4\n% fixture\n")
        if path == "/broken-charset.html":
            return self._send(200, "text/html; charset=utf-8", broken_charset_page())
        if path == "/empty.html":
            return self._send(200, "text/html", b"<html><body><nav>Home</nav></body></html>")
        return self._send(404, "text/plain", b"not found")

    def _send(self, status: int, content_type: str, body: bytes,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _cacheable(self, content_type: str, body: bytes) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-None-Match") is None
                and self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, content_type, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, "text/plain", b"", {"Location": location})

    def _bomb(self, coding: str) -> None:
        """A page that is small on the wire and 10 GiB decoded (``?bytes=N``: N bytes); no
        Content-Length."""
        query = parse_qs(urlsplit(self.path).query)
        total = int(query["bytes"][0]) if "bytes" in query else GZIP_BOMB_DECODED_BYTES
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", coding)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for piece in compressed_zeros(coding, total):
            if self.fixture.stop.is_set():
                return
            self.wfile.write(piece)

    def _big(self, announce_length: bool) -> None:
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if announce_length:
            self.send_header("Content-Length", str(BIG_BODY_BYTES))
        self.end_headers()
        sent = 0
        while sent < BIG_BODY_BYTES and not self.fixture.stop.is_set():
            self.wfile.write(chunk)
            sent += len(chunk)


def compressed_zeros(coding: str, total: int, block: int = 1024 * 1024) -> Iterator[bytes]:
    """``total`` zero bytes compressed with ``coding`` ("gzip" or "deflate"), made as it is sent:
    after a full flush every block of zeros compresses to the same bytes, so 10 GiB cost ten
    megabytes on the wire and no more work than the reader asks for."""
    z = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate; header and trailer below
    zeros = bytes(block)
    repeated = z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    crc, adler, sent = 0, 1, 0
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" if coding == "gzip" else b"\x78\xda"
    while sent + block <= total:
        yield repeated
        sent += block
        crc, adler = zlib.crc32(zeros, crc), zlib.adler32(zeros, adler)
    rest = bytes(total - sent)
    crc, adler = zlib.crc32(rest, crc), zlib.adler32(rest, adler)
    yield z.compress(rest) + z.flush()
    if coding == "gzip":
        yield crc.to_bytes(4, "little") + (total % 2 ** 32).to_bytes(4, "little")
    else:
        yield adler.to_bytes(4, "big")


def start_server() -> tuple[FixtureServer, ThreadingHTTPServer, threading.Thread]:
    fixture = FixtureServer(base_url="")
    handler = type("Handler", (_Handler,), {"fixture": fixture})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.block_on_close = False
    fixture.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    return fixture, server, thread


@pytest.fixture
def web_server() -> Iterator[FixtureServer]:
    """The fixture site on an ephemeral 127.0.0.1 port, fresh for each test."""
    fixture, server, thread = start_server()
    try:
        yield fixture
    finally:
        fixture.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
