#!/usr/bin/env python3
"""lede's test HTTP server: real HTTP/1.1 on 127.0.0.1, standard library only.

Tests start it, fetch from it with the real lede-index, and assert on its request log. It is
a module with a command line; tests/support/http_server.hpp starts it from C++ tests.

Usage: http_server.py FOLDER [--log FILE] [--bind ADDRESS] [--port N]

Listens on ADDRESS (default 127.0.0.1) on a free port, prints "PORT <n>" on stdout once it
is ready, and serves until it is killed. HTTP/1.1 with keep-alive (ThreadingHTTPServer: one
thread per connection). FOLDER is read on every request, so a test changes the set of feeds
by writing, rewriting or deleting files in it.

Routes (NAME is a file in FOLDER; its Content-Type comes from the extension):

  /feeds/NAME        the file, with a strong ETag (hash of the bytes) and Last-Modified (the
                     file's mtime); If-None-Match / If-Modified-Since answered with 304 (RFC 9110
                     §13.1: If-None-Match wins when both are sent); gzip when the request's
                     Accept-Encoding allows it
  /gzip/NAME         the file gzip-compressed, always (Content-Encoding: gzip)
  /redirect/NAME     302 to /feeds/NAME
  /moved/NAME        301 to /feeds/NAME        /moved308/NAME   308 to /feeds/NAME
  /to?url=U          302 to U, any scheme (add &status=301 for another status)
  /to-ftp            302 to ftp://ftp.example.invalid/feed.xml
  /to-file           302 to file:///etc/passwd
  /loop/N            302 to /loop/N+1, for ever (a redirect loop)
  /missing           404
  /huge              5 MiB of XML-ish bytes, chunked (no Content-Length): for a size cap
  /endless           an endless chunked body (64 KiB chunks) until the client hangs up
  /bomb              a gzip bomb: Content-Encoding gzip, whatever the request accepts, a body
                     that decodes to 10 GiB of zeros from about 10 MiB on the wire, compressed
                     as it streams (chunked) until done or the client hangs up
  /slow              headers, then nothing for 30 s (Content-Length 100): for a total timeout
  /trickle           a chunked body of one byte per second, for ever: for a low-speed limit

Query parameters that every route understands (applied in this order):

  delay=S            sleep S seconds (a float) before answering
  status=CODE        answer CODE with a short text body instead of the route (a 3xx status
                     needs to=URL for its Location)
  retry-after=V      add "Retry-After: V" (seconds, or an HTTP date)
  cache-control=V    add "Cache-Control: V" (e.g. max-age=3600)

The request log (--log FILE) is JSON Lines, one object per answered request, written when the
status line goes out:

  {"t": 1700000000.123, "path": "/feeds/a.xml?x=1", "host": "127.0.0.1:4242",
   "if_none_match": "\"…\"" or null, "if_modified_since": "…" or null,
   "accept_encoding": "…" or null, "status": 200, "connection": 7,
   "open_connections": 2, "active_requests": 1}

`connection` numbers the TCP connection (keep-alive reuse shows as the same number);
`open_connections` counts connections open at that moment (accepted and not yet closed by the
server, this one included) and `active_requests` the requests being answered (this one
included). A connection the client dropped while the server still sleeps or streams on it
counts until the server notices.
"""
import argparse
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import threading
import time
import urllib.parse
import zlib

TYPES = {".xml": "application/rss+xml; charset=utf-8", ".rss": "application/rss+xml",
         ".atom": "application/atom+xml", ".rdf": "application/rdf+xml",
         ".json": "application/feed+json", ".opml": "text/x-opml",
         ".html": "text/html; charset=utf-8", ".txt": "text/plain"}


class Counters:
    """Connections and requests in flight, shared by every handler thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.open_connections = 0
        self.active_requests = 0
        self.next_connection = 0


class RequestLog:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8") if path else None

    def write(self, record):
        if not self.file:
            return
        with self.lock:
            self.file.write(json.dumps(record) + "\n")
            self.file.flush()


def gzip_bomb(mebibytes):
    """The gzip stream of `mebibytes` MiB of zeros, compressed a MiB at a time as it is sent
    (about 1 KiB per MiB), so the server never holds more than one MiB of it."""
    zeros = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: gzip framing
    for _ in range(mebibytes):
        chunk = compressor.compress(zeros)
        if chunk:
            yield chunk
    yield compressor.flush()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive by default
    server_version = "lede-test-server"
    extra_headers = ()
    connection_number = 0

    # --- connection bookkeeping -------------------------------------------------------------
    def setup(self):
        super().setup()
        c = self.server.counters
        with c.lock:
            c.open_connections += 1
            c.next_connection += 1
            self.connection_number = c.next_connection

    def finish(self):
        try:
            super().finish()
        finally:
            c = self.server.counters
            with c.lock:
                c.open_connections -= 1

    def log_message(self, *args):  # the request log replaces the stderr log
        pass

    def send_response(self, code, message=None):
        c = self.server.counters
        with c.lock:
            counts = (c.open_connections, c.active_requests)
        headers = getattr(self, "headers", None) or {}  # unset when the request line was bad
        self.server.log.write({
            "t": round(time.time(), 6), "path": getattr(self, "path", ""),
            "host": headers.get("Host"),
            "if_none_match": headers.get("If-None-Match"),
            "if_modified_since": headers.get("If-Modified-Since"),
            "accept_encoding": headers.get("Accept-Encoding"),
            "status": code, "connection": self.connection_number,
            "open_connections": counts[0], "active_requests": counts[1]})
        super().send_response(code, message)
        for name, value in self.extra_headers:
            self.send_header(name, value)

    # --- answers ----------------------------------------------------------------------------
    def send_body(self, status, body, content_type="text/plain", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_chunks(self, chunks, headers=None, pause=0.0):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in chunks:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def fixture(self, name):
        path = os.path.join(self.server.folder, os.path.basename(name))
        try:
            with open(path, "rb") as f:
                body = f.read()
            mtime = os.stat(path).st_mtime
        except OSError:
            return None, None, None
        return body, TYPES.get(os.path.splitext(name)[1], "application/octet-stream"), mtime

    def serve_file(self, name, force_gzip):
        body, content_type, mtime = self.fixture(name)
        if body is None:
            self.send_body(404, b"no such fixture\n")
            return
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        validators = [("ETag", etag), ("Last-Modified", last_modified)]
        if self.not_modified(etag, mtime):
            self.send_response(304)
            for header, value in validators:
                self.send_header(header, value)
            self.end_headers()  # a 304 has no body
            return
        accepts_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if force_gzip or accepts_gzip:
            body = gzip.compress(body, compresslevel=5)
            validators.append(("Content-Encoding", "gzip"))
            validators.append(("Vary", "Accept-Encoding"))
        self.send_body(200, body, content_type, validators)

    def not_modified(self, etag, mtime):
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:  # RFC 9110 §13.1.3: then If-Modified-Since is ignored
            tags = [t.strip() for t in if_none_match.split(",")]
            return "*" in tags or etag in tags or ("W/" + etag) in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= since
        return False

    # --- dispatch ---------------------------------------------------------------------------
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        c = self.server.counters
        with c.lock:
            c.active_requests += 1
        try:
            self.answer()
        finally:
            with c.lock:
                c.active_requests -= 1

    def answer(self):
        parsed = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parsed.query))
        self.extra_headers = []
        if "retry-after" in query:
            self.extra_headers.append(("Retry-After", query["retry-after"]))
        if "cache-control" in query:
            self.extra_headers.append(("Cache-Control", query["cache-control"]))
        if "delay" in query:
            time.sleep(float(query["delay"]))
        if "status" in query and parsed.path != "/to":
            status = int(query["status"])
            if 300 <= status < 400 and "to" in query:
                self.redirect(query["to"], status)
            else:
                self.send_body(status, b"status %d\n" % status)
            return

        route, _, name = parsed.path.lstrip("/").partition("/")
        if route == "feeds":
            self.serve_file(name, force_gzip=False)
        elif route == "gzip":
            self.serve_file(name, force_gzip=True)
        elif route == "redirect":
            self.redirect("/feeds/" + name)
        elif route == "moved":
            self.redirect("/feeds/" + name, 301)
        elif route == "moved308":
            self.redirect("/feeds/" + name, 308)
        elif route == "to":
            self.redirect(query.get("url", "/"), int(query.get("status", "302")))
        elif route == "to-ftp":
            self.redirect("ftp://ftp.example.invalid/feed.xml")
        elif route == "to-file":
            self.redirect("file:///etc/passwd")
        elif route == "loop":
            self.redirect("/loop/%d" % (int(name or "0") + 1))
        elif route == "huge":
            chunk = b"<!-- " + b"x" * 65526 + b" -->"
            self.send_chunks(chunk for _ in range(80))
        elif route == "endless":
            chunk = b"<!-- " + b"x" * 65526 + b" -->"
            self.send_chunks(chunk for _ in iter(int, 1))
        elif route == "bomb":
            self.send_chunks(gzip_bomb(10 * 1024), {"Content-Encoding": "gzip"})
        elif route == "trickle":
            self.send_chunks((b"x" for _ in iter(int, 1)), pause=1.0)
        elif route == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(30)
            self.close_connection = True
        else:
            self.send_body(404, b"not found\n")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients at once (benchmarks) must not be refused

    def handle_error(self, request, client_address):
        pass  # clients hang up on purpose (size cap, timeout): no tracebacks in test output


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--log", help="append the JSON Lines request log to this file")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default): a free port")
    args = parser.parse_args()
    server = Server((args.bind, args.port), Handler)
    server.folder = args.folder
    server.counters = Counters()
    server.log = RequestLog(args.log)
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
