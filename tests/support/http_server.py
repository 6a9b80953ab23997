#!/usr/bin/env python3
"""A small HTTP server for lede's fetch tests (standard library only).

Usage: http_server.py FOLDER
Listens on 127.0.0.1 on a free port (port 0), prints "PORT <n>" on stdout once it is ready,
and serves until it is killed:

  /feeds/NAME       FOLDER/NAME as it is (Content-Type from the extension)
  /gzip/NAME        FOLDER/NAME gzip-compressed, with Content-Encoding: gzip
  /redirect/NAME    302 to /feeds/NAME
  /to-ftp           302 to ftp://ftp.example.invalid/feed.xml
  /missing          404
  /huge             5 MiB of XML-ish bytes, chunked (no Content-Length): for the size cap
  /slow             headers, then nothing for 30 s: for the total timeout
"""
import gzip
import http.server
import os
import sys
import time

FOLDER = ""
TYPES = {".xml": "application/rss+xml; charset=utf-8", ".json": "application/feed+json",
         ".opml": "text/x-opml", ".atom": "application/atom+xml"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test's stderr clean
        pass

    def send_body(self, status, body, content_type="text/plain", encoding=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def fixture(self, name):
        path = os.path.join(FOLDER, os.path.basename(name))
        if not os.path.isfile(path):
            return None, None
        with open(path, "rb") as f:
            return f.read(), TYPES.get(os.path.splitext(name)[1], "application/octet-stream")

    def do_GET(self):
        route, _, name = self.path.lstrip("/").partition("/")
        if route in ("feeds", "gzip"):
            body, content_type = self.fixture(name)
            if body is None:
                self.send_body(404, b"no such fixture\n")
            elif route == "gzip":
                self.send_body(200, gzip.compress(body), content_type, "gzip")
            else:
                self.send_body(200, body, content_type)
        elif route == "redirect":
            self.redirect("/feeds/" + name)
        elif route == "to-ftp":
            self.redirect("ftp://ftp.example.invalid/feed.xml")
        elif route == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65526 + b" -->"
            try:
                for _ in range(80):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif route == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(30)
        else:
            self.send_body(404, b"not found\n")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hang up on purpose (size cap, timeout): no tracebacks in test output


def main():
    global FOLDER
    FOLDER = sys.argv[1]
    server = QuietServer(("127.0.0.1", 0), Handler)
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
