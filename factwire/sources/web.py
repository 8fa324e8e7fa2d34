"""A polite, bounded HTTP fetcher for news pages and feeds.

One `Fetcher` holds one shared httpx client and enforces, per URL: http(s) only, no private or
loopback addresses (checked again after every redirect), robots.txt for pages, accepted content
types, a body size cap on the decoded body (a gzip bomb stops at the cap), bounded retries with
backoff, conditional GET from remembered validators; and per host: a concurrency limit and a
delay between requests. The address actually connected to is checked too (DNS rebinding). Every per-URL problem comes back
as a `FetchError` with a reason code; nothing a remote server does raises out of `fetch`.
"""

from __future__ import annotations

import codecs
import email.utils
import importlib.metadata
import importlib.util
import ipaddress
import json
import re
import socket
import threading
import time
import urllib.request
import urllib.robotparser
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Protocol
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import httpx

from factwire.faults import checkpoint


def _version() -> str:
    try:
        return importlib.metadata.version("factwire")
    except importlib.metadata.PackageNotFoundError:
        return "0"


DEFAULT_USER_AGENT = f"factwire/{_version()} (+https://github.com/factwire/factwire)"

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml",
                        "text/xml", "application/rdf+xml"})
ACCEPTED_TYPES = PAGE_TYPES | FEED_TYPES
_ROBOTS_TYPES = frozenset({"text/plain"})
_ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

# Reason codes of FetchError.
TIMEOUT = "timeout"
HTTP_STATUS = "http_status"
TOO_LARGE = "too_large"
CONTENT_TYPE = "content_type"
REDIRECT_LOOP = "redirect_loop"
ROBOTS_DISALLOWED = "robots_disallowed"
BLOCKED_ADDRESS = "blocked_address"
SCHEME = "scheme"
CONNECTION = "connection"
INVALID_URL = "invalid_url"
CONTENT_ENCODING = "content_encoding"

# Content codings the fetcher asks for and decodes itself, within the size cap.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True)
class FetchConfig:
    """How the fetcher behaves; the sources file's ``settings`` override these."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # whole response, so a trickling server cannot hold us forever
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3  # extra attempts after the first, on timeouts, 429 and 5xx
    backoff_base: float = 1.0  # seconds; doubled after each attempt
    backoff_max: float = 30.0
    retry_after_max: float = 120.0  # a longer Retry-After is cut to this
    per_host_concurrency: int = 2
    politeness_delay: float = 1.0  # seconds between the starts of two requests to one host
    allow_hosts: frozenset[str] = frozenset()  # may resolve to private addresses (tests, intranet)
    respect_robots: bool = True
    http2: bool = True


@dataclass
class FetchResult:
    """A successful fetch (2xx, or 304 when ``not_modified``)."""

    url: str
    final_url: str
    status: int
    content_type: str  # media type only, lower case: "text/html"
    content: bytes
    text: str  # content decoded (declared charset, else detected; bad bytes replaced)
    encoding: str | None
    headers: dict[str, str]
    not_modified: bool
    elapsed: float  # seconds, all attempts and redirects included
    ok: bool = field(default=True, init=False)


@dataclass
class FetchError:
    """A fetch that failed, with one of the reason codes above."""

    url: str
    reason: str
    detail: str = ""
    status: int | None = None
    final_url: str | None = None
    elapsed: float = 0.0
    ok: bool = field(default=False, init=False)


Validators = dict[str, str]  # {"etag": ..., "last_modified": ...}, either may be absent


class ValidatorStore(Protocol):
    """Where ETag / Last-Modified are remembered between runs, keyed by requested URL."""

    def get(self, url: str) -> Validators | None: ...

    def set(self, url: str, validators: Validators) -> None: ...


class MemoryValidatorStore:
    """Validators kept in a dict, for one process."""

    def __init__(self) -> None:
        self._data: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators | None:
        with self._lock:
            return self._data.get(url)

    def set(self, url: str, validators: Validators) -> None:
        with self._lock:
            self._data[url] = dict(validators)


class JsonFileValidatorStore(MemoryValidatorStore):
    """Validators kept in a JSON file, rewritten on every change (small: one entry per URL)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        if self.path.exists():
            self._data = json.loads(self.path.read_text(encoding="utf-8"))

    def set(self, url: str, validators: Validators) -> None:
        super().set(url, validators)
        with self._lock:
            tmp = self.path.with_suffix(self.path.suffix + ".tmp")
            tmp.write_text(json.dumps(self._data, indent=1, sort_keys=True), encoding="utf-8")
            tmp.replace(self.path)


class _Failure(Exception):
    """Internal: carries a FetchError out of nested helpers."""

    def __init__(self, reason: str, detail: str, status: int | None = None,
                 final_url: str | None = None) -> None:
        super().__init__(detail)
        self.reason, self.detail, self.status, self.final_url = reason, detail, status, final_url


class _Host:
    """Per-host politeness: a concurrency slot and the time of the last request start."""

    def __init__(self, concurrency: int) -> None:
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.lock = threading.Lock()
        self.last_start: float | None = None


Resolver = Callable[[str, int], Iterable[str]]


def resolve_host(host: str, port: int) -> list[str]:
    """IP addresses ``host`` resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local (cloud metadata), multicast, reserved..."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """Fetches pages and feeds; thread-safe, use as a context manager or call `close`."""

    def __init__(self, config: FetchConfig = FetchConfig(),
                 validators: ValidatorStore | None = None, *,
                 resolver: Resolver = resolve_host,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.validators = validators if validators is not None else MemoryValidatorStore()
        self._resolve, self._sleep, self._clock = resolver, sleep, clock
        self._client = httpx.Client(
            http2=config.http2 and importlib.util.find_spec("h2") is not None,
            headers={"User-Agent": config.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            follow_redirects=False,  # followed by hand, to vet every hop
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()
        self._robots_locks: dict[str, threading.Lock] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public -----------------------------------------------------------------------------

    def fetch(self, url: str, *, kind: str = "page", conditional: bool = True) -> FetchResult | FetchError:
        """GET ``url``. ``kind`` "page" obeys robots.txt; "feed" does not (feeds are meant
        for machines). With ``conditional``, remembered validators are sent and a 304 comes
        back as a `FetchResult` with ``not_modified`` and empty content."""
        checkpoint("fetch")
        started = self._clock()
        try:
            self._vet_url(url)  # before robots.txt: a blocked host gets no request at all
            result = self._fetch(url, kind, conditional, started)
        except _Failure as failure:
            return FetchError(url, failure.reason, failure.detail, failure.status,
                              failure.final_url, self._clock() - started)
        return result

    def fetch_many(self, urls: list[str], *, kind: str = "page", workers: int = 4,
                   conditional: bool = True,
                   on_result: Callable[[str, FetchResult | FetchError], None] | None = None,
                   ) -> list[FetchResult | FetchError]:
        """`fetch` for each URL, several hosts at a time; results in the order of ``urls``.
        ``on_result(url, result)`` is called as each fetch ends, in the fetching thread."""
        def one(url: str) -> FetchResult | FetchError:
            result = self.fetch(url, kind=kind, conditional=conditional)
            if on_result is not None:
                on_result(url, result)
            return result

        if workers <= 1 or len(urls) <= 1:
            return [one(u) for u in urls]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(one, urls))

    # -- one fetch --------------------------------------------------------------------------

    def _fetch(self, url: str, kind: str, conditional: bool, started: float) -> FetchResult:
        if kind == "page" and self.config.respect_robots and not self._robots_allow(url):
            raise _Failure(ROBOTS_DISALLOWED, f"robots.txt disallows {url} for factwire")
        headers: dict[str, str] = {"Accept": _accept_header(kind)}
        remembered = self.validators.get(url) if conditional else None
        if remembered:
            if remembered.get("etag"):
                headers["If-None-Match"] = remembered["etag"]
            if remembered.get("last_modified"):
                headers["If-Modified-Since"] = remembered["last_modified"]
        response, final_url = self._follow(url, headers, started)
        status = response.status_code
        resp_headers = {k.lower(): v for k, v in response.headers.items()}
        media_type = _media_type(resp_headers)
        try:
            if status == 304:
                return FetchResult(url, final_url, status, media_type, b"", "", None,
                                   resp_headers, True, self._clock() - started)
            if not 200 <= status < 300:
                raise _Failure(HTTP_STATUS, f"HTTP {status}", status, final_url)
            if media_type not in ACCEPTED_TYPES:
                raise _Failure(CONTENT_TYPE, f"content type {media_type or '(none)'} is not accepted",
                               status, final_url)
            content = self._read_capped(response, self.config.max_bytes, started, final_url)
        finally:
            response.close()
        # Remembered only once the body was read in full: a 304 must never stand for a body
        # we refused or lost.
        new_validators = {k: v for k, v in (("etag", resp_headers.get("etag")),
                                            ("last_modified", resp_headers.get("last-modified"))) if v}
        if new_validators:
            self.validators.set(url, new_validators)
        text, encoding = decode_body(content, _charset(resp_headers))
        return FetchResult(url, final_url, status, media_type, content, text, encoding,
                           resp_headers, False, self._clock() - started)

    def _follow(self, url: str, headers: dict[str, str], started: float) -> tuple[httpx.Response, str]:
        """Send the request, following redirects by hand; returns the final open response."""
        visited: set[str] = set()
        current = url
        for hop in range(self.config.max_redirects + 1):
            if hop:  # the first URL was vetted by the caller
                self._vet_url(current)
            visited.add(current)
            response = self._send_with_retries(current, headers if hop == 0 else
                                               {"Accept": headers["Accept"]}, started)
            location = response.headers.get("location")
            if response.status_code not in _REDIRECT_STATUSES or not location:
                return response, current
            response.close()
            target = urljoin(current, location.strip())
            if target in visited:
                raise _Failure(REDIRECT_LOOP, f"redirect from {current} back to {target}",
                               response.status_code, current)
            current = target
        raise _Failure(REDIRECT_LOOP, f"more than {self.config.max_redirects} redirects",
                       None, current)

    def _vet_url(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise _Failure(INVALID_URL, f"{url!r}: {exc}") from None
        if parts.scheme not in ("http", "https"):
            raise _Failure(SCHEME, f"scheme {parts.scheme or '(none)'!r} is not http(s): {url}")
        host = (parts.hostname or "").lower()
        if not host:
            raise _Failure(INVALID_URL, f"no host in {url!r}")
        if host in self.config.allow_hosts:
            return
        try:
            addresses = list(self._resolve(host, port or (443 if parts.scheme == "https" else 80)))
        except (OSError, UnicodeError) as exc:
            raise _Failure(CONNECTION, f"cannot resolve {host}: {exc}") from None
        blocked = [a for a in addresses if not is_public_address(a)]
        if blocked or not addresses:
            raise _Failure(BLOCKED_ADDRESS, f"{host} resolves to non-public address "
                                            f"{', '.join(blocked) or '(none)'}")

    def _vet_peer(self, url: str, response: httpx.Response) -> None:
        """The address the request went to must be public too: a name that resolved to a public
        address when vetted may resolve to a private one when connecting (DNS rebinding). Not
        checked through a proxy, whose own address is what the connection shows."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in self.config.allow_hosts or _proxied(parts.scheme, host):
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return
        address = str(peer[0])
        try:
            public = is_public_address(address)
        except ValueError:
            return
        if not public:
            response.close()
            raise _Failure(BLOCKED_ADDRESS, f"{host} was connected at non-public address {address}",
                           None, url)

    def _send_with_retries(self, url: str, headers: dict[str, str], started: float) -> httpx.Response:
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._send(url, headers)
            except httpx.TimeoutException as exc:
                if last:
                    raise _Failure(TIMEOUT, f"{type(exc).__name__} after {attempts} attempts",
                                   None, url) from None
                self._sleep(self._backoff(attempt))
                continue
            except httpx.InvalidURL as exc:
                raise _Failure(INVALID_URL, str(exc), None, url) from None
            except (httpx.TransportError, httpx.StreamError) as exc:
                raise _Failure(CONNECTION, f"{type(exc).__name__}: {exc}", None, url) from None
            self._vet_peer(url, response)
            status = response.status_code
            if (status == 429 or status >= 500) and not last:
                wait = _retry_after(response.headers.get("retry-after"), self.config.retry_after_max)
                response.close()
                self._sleep(wait if wait is not None else self._backoff(attempt))
                continue
            return response
        raise AssertionError("unreachable")

    def _send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        host = self._host(url)
        with host.slots:
            with host.lock:
                if host.last_start is not None and self.config.politeness_delay > 0:
                    wait = host.last_start + self.config.politeness_delay - self._clock()
                    if wait > 0:
                        self._sleep(wait)
                host.last_start = self._clock()
            request = self._client.build_request("GET", url, headers=headers)
            return self._client.send(request, stream=True)

    def _backoff(self, attempt: int) -> float:
        return min(self.config.backoff_base * (2 ** attempt), self.config.backoff_max)

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.config.per_host_concurrency)
            return self._hosts[key]

    def _read_capped(self, response: httpx.Response, limit: int, started: float, url: str) -> bytes:
        """The body, decoded (gzip, deflate), as long as it holds at most ``limit`` bytes decoded.

        Decompression never makes more than the bytes still allowed, so a small compressed body
        that expands to gigabytes (a gzip bomb) costs no more than ``limit`` of memory.
        """
        declared = response.headers.get("content-length")
        if declared and declared.isdecimal() and int(declared) > limit:
            raise _Failure(TOO_LARGE, f"Content-Length {declared} exceeds {limit} bytes",
                           response.status_code, url)
        decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), response.status_code, url)
        chunks, size = [], 0
        try:
            for raw in response.iter_raw():
                chunk = decoder.decode(raw, limit - size)
                size += len(chunk)
                if size > limit:
                    raise _Failure(TOO_LARGE, f"body exceeds {limit} bytes", response.status_code, url)
                if self._clock() - started > self.config.total_timeout:
                    raise _Failure(TIMEOUT, f"body not complete after {self.config.total_timeout} s",
                                   response.status_code, url)
                chunks.append(chunk)
            tail = decoder.flush(limit - size)
        except httpx.TimeoutException as exc:
            raise _Failure(TIMEOUT, f"{type(exc).__name__} while reading the body",
                           response.status_code, url) from None
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise _Failure(CONNECTION, f"{type(exc).__name__} while reading the body: {exc}",
                           response.status_code, url) from None
        if size + len(tail) > limit:
            raise _Failure(TOO_LARGE, f"body exceeds {limit} bytes", response.status_code, url)
        chunks.append(tail)
        return b"".join(chunks)

    # -- robots.txt -------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return True  # _vet_url reports these
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per origin, even with many workers
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        return self._robots[origin].can_fetch(self.config.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """RFC 9309: a 4xx means no rules; an unreachable robots.txt (5xx, network) means
        disallow everything for this run."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        started = self._clock()
        try:
            self._vet_url(origin + "/robots.txt")
            response, final_url = self._follow(origin + "/robots.txt", {"Accept": "text/plain"}, started)
            try:
                if 400 <= response.status_code < 500:
                    parser.allow_all = True
                    return parser
                if response.status_code >= 500:
                    parser.disallow_all = True
                    return parser
                body = self._read_capped(response, _ROBOTS_MAX_BYTES, started, final_url)
            finally:
                response.close()
        except _Failure as failure:
            if failure.reason == TOO_LARGE:
                parser.allow_all = True
            else:
                parser.disallow_all = True
            return parser
        text, _ = decode_body(body, "utf-8")
        parser.parse(text.splitlines())
        return parser


class _BoundedDecoder:
    """Undo one Content-Encoding (gzip, deflate or none), never producing more than asked."""

    def __init__(self, header: str, status: int, url: str) -> None:
        codings = [c.strip().lower() for c in header.split(",") if c.strip().lower() not in ("", "identity")]
        self._status, self._url = status, url
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _Failure(CONTENT_ENCODING, f"content encoding {header!r} is not one of {ACCEPT_ENCODING}",
                           status, url)
        self._coding = codings[0] if codings else None
        self._z = self._new() if self._coding else None
        self._first = True

    def _new(self, raw_deflate: bool = False):
        if self._coding == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def decode(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``: at most ``room + 1`` (one more says "over the limit")."""
        if self._z is None:
            return data
        try:
            return self._decode(data, room)
        except zlib.error as exc:
            if self._first and self._coding == "deflate":  # "deflate" is often sent raw, unwrapped
                self._z = self._new(raw_deflate=True)
                self._first = False
                return self.decode(data, room)
            raise _Failure(CONNECTION, f"the {self._coding} body does not decode: {exc}",
                           self._status, self._url) from None
        finally:
            self._first = False

    def _decode(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        while data and len(out) <= room:
            out += self._z.decompress(data, room + 1 - len(out))
            if self._z.unconsumed_tail:
                break  # the output is full: over the limit
            data = self._z.unused_data
            if data and self._z.eof:
                if self._coding == "deflate":
                    break  # trailing bytes after a deflate stream: ignored, as browsers do
                self._z = self._new()  # a gzip body may hold several members
            else:
                break
        return bytes(out)

    def flush(self, room: int) -> bytes:
        if self._z is None:
            return b""
        try:
            return self._z.flush(room + 1) if room >= 0 else b""
        except zlib.error as exc:
            raise _Failure(CONNECTION, f"the {self._coding} body does not decode: {exc}",
                           self._status, self._url) from None


def _proxied(scheme: str, host: str) -> bool:
    """Whether the environment sends requests for this host through a proxy."""
    proxies = urllib.request.getproxies()
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(host)


def _accept_header(kind: str) -> str:
    if kind == "feed":
        return ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5")
    return "text/html, application/xhtml+xml;q=0.9"


def _media_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def _charset(headers: dict[str, str]) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", headers.get("content-type", ""), re.I)
    return match.group(1) if match else None


def _retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return min(max(0.0, (when - datetime.now(timezone.utc)).total_seconds()), cap)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""")


def decode_body(content: bytes, declared: str | None) -> tuple[str, str | None]:
    """Text of ``content`` and the encoding used: the declared charset (header, else
    ``<meta>`` / XML declaration) when the bytes are valid in it, else a detected one,
    else the declared one with bad bytes replaced. Never raises."""
    if not content:
        return "", declared
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8"
    if declared is None:
        head = content[:4096]
        match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
        declared = match.group(1).decode("ascii", errors="replace") if match else None
    if declared is not None:
        try:
            declared = codecs.lookup(declared).name
        except LookupError:
            declared = None
    if declared is not None:
        try:
            return content.decode(declared), declared
        except UnicodeDecodeError:
            pass
    best = _detect(content)
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    fallback = declared or "utf-8"
    return content.decode(fallback, errors="replace"), fallback


def _detect(content: bytes) -> charset_normalizer.CharsetMatch | None:
    """charset_normalizer's pick; among equally good single-byte candidates, windows-1252,
    which is what mislabelled Western pages almost always are (and the WHATWG default)."""
    matches = charset_normalizer.from_bytes(content)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if (match.chaos, match.coherence) == (best.chaos, best.coherence) \
                and "cp1252" in match.could_be_from_charset:
            return match
    return best
