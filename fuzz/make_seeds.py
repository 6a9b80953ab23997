#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into OUT/<target>/, generated at run time from
the project's fixtures and tests (tests/, examples/, docs/) and, when SHARED names a folder,
from ../shared's feed-conformance files and corpora. Nothing from ../shared enters the
repository: the seeds live in the build folder.

usage: make_seeds.py SOURCE_DIR OUT_DIR [SHARED_DIR]
"""

import hashlib
import html
import itertools
import pathlib
import re
import sys

DATE_ELEMENTS = (
    "pubDate|lastBuildDate|updated|published|modified|issued|created|date|dc:date|"
    "dcterms:modified|dcterms:issued|dcterms:created|atom:updated|atom:published"
)
HTML_ELEMENTS = "description|content:encoded|content|summary|body|xhtml:body|title|subtitle"
TEXT_ELEMENTS = "title|author|name|category|dc:creator|dc:subject"


def feed_files(source, shared):
    roots = [source / "tests" / "fixtures", source / "examples"]
    if shared:
        roots.append(shared / "feed-conformance")
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".xml", ".rdf", ".json", ".html", ".atom"):
                yield path


def element_texts(data, names):
    """Text of every element named in `names` (regex alternation), CDATA unwrapped."""
    text = data.decode("utf-8", "replace")
    pattern = re.compile(r"<(%s)(?:\s[^>]*)?>(.*?)</\1>" % names, re.S)
    for match in pattern.finditer(text):
        value = match.group(2)
        cdata = re.fullmatch(r"\s*<!\[CDATA\[(.*)\]\]>\s*", value, re.S)
        yield cdata.group(1) if cdata else value


def json_strings(data, keys):
    text = data.decode("utf-8", "replace")
    for match in re.finditer(r'"(%s)"\s*:\s*"((?:[^"\\]|\\.)*)"' % keys, text):
        yield match.group(2).encode().decode("unicode_escape", "replace")


def cpp_literals(path):
    """The string literals of a C++ test file, as the bytes they stand for."""
    source = path.read_text("utf-8")
    for match in re.finditer(r'R"([^(\s]*)\((.*?)\)\1"', source, re.S):
        yield match.group(2).encode()
    source = re.sub(r'R"([^(\s]*)\((.*?)\)\1"', "", source, flags=re.S)
    for match in re.finditer(r'(?<![\w\'])"((?:[^"\\\n]|\\.)*)"', source):
        body = match.group(1)
        try:
            decoded = body.encode("utf-8").decode("unicode_escape")
        except UnicodeDecodeError:
            continue
        # Characters below 256 are bytes (\x1b, octal, raw UTF-8 bytes); others are \u escapes.
        yield b"".join(bytes([ord(c)]) if ord(c) < 256 else c.encode() for c in decoded)


def literals_of(source, *relative):
    for name in relative:
        path = source / name
        if path.exists():
            yield from cpp_literals(path)


class Seeds:
    def __init__(self, out):
        self.out = out
        self.counts = {}

    def add(self, target, data, limit=1 << 20):
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        if not data or len(data) > limit:
            return
        folder = self.out / target
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / hashlib.sha1(data).hexdigest()
        if not path.exists():
            path.write_bytes(data)
            self.counts[target] = self.counts.get(target, 0) + 1


def main():
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    shared = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    if shared and not (shared / "feed-conformance").is_dir():
        shared = None
    seeds = Seeds(out)

    feeds = [(path, path.read_bytes()) for path in feed_files(source, shared)]
    for path, data in feeds:
        seeds.add("feed", data)
        for value in element_texts(data, DATE_ELEMENTS):
            seeds.add("dates", value.strip(), limit=200)
        for value in json_strings(data, "date_published|date_modified"):
            seeds.add("dates", value, limit=200)
        for value in element_texts(data, HTML_ELEMENTS):
            unescaped = html.unescape(value) if "<" not in value else value
            seeds.add("html", unescaped, limit=1 << 16)
            seeds.add("sanitize", unescaped, limit=1 << 12)
        for value in json_strings(data, "content_html|summary|title"):
            seeds.add("html", value, limit=1 << 16)
        for value in element_texts(data, TEXT_ELEMENTS):
            seeds.add("sanitize", html.unescape(value), limit=1 << 12)
            seeds.add("query", html.unescape(value), limit=200)
    seeds.add("html", (source / "tests/fixtures/feeds/not_a_feed.html").read_bytes())

    for literal in literals_of(source, "tests/common/dates_test.cpp"):
        seeds.add("dates", literal, limit=200)
    for literal in literals_of(source, "tests/indexer/html_text_test.cpp"):
        seeds.add("html", literal)
    for literal in literals_of(source, "tests/common/sanitize_test.cpp",
                               "tests/query/terminal_test.cpp",
                               "tests/query/human_printer_test.cpp"):
        seeds.add("sanitize", literal)
    for literal in literals_of(source, "tests/query/query_parser_test.cpp",
                               "tests/query/date_range_test.cpp",
                               "tests/end_to_end/query_cli_test.cpp"):
        if not literal.startswith(b"Query("):
            seeds.add("query", literal, limit=400)
    for literal in literals_of(source, "tests/indexer/jsonl_reader_test.cpp",
                               "tests/indexer/ingest_test.cpp",
                               "tests/end_to_end/index_cli_test.cpp"):
        if b'{"' in literal or b"{ \"" in literal:
            seeds.add("jsonl", literal)
    for literal in literals_of(source, "tests/indexer/sources_test.cpp",
                               "tests/end_to_end/http_fetch_test.cpp"):
        if b"<opml" in literal:
            seeds.add("opml", literal)

    # The query language as documented: every `code span` of docs/query-language.md.
    docs = (source / "docs/query-language.md").read_text("utf-8")
    for span in re.findall(r"`([^`\n]+)`", docs):
        seeds.add("query", span, limit=400)

    # An OPML list of the bundled sample feeds, flat and in nested folders, with relative,
    # absolute, and refused (non-HTTP) URLs.
    names = sorted(p.name for p in (source / "examples/feeds").iterdir())
    outlines = "\n".join('<outline text="%s" type="rss" xmlUrl="%s"/>' % (n, n) for n in names)
    remote = "\n".join(
        '<outline text="%s" xmlUrl="https://news.example/feeds/%s"/>' % (n, n) for n in names)
    for body in (outlines, remote,
                 '<outline text="folder">%s<outline text="inner">%s</outline></outline>'
                 % (outlines, remote),
                 '<outline xmlUrl="file:///etc/passwd"/><outline xmlUrl="gopher://x/"/>'
                 '<outline xmlUrl="//cdn.example/feed.xml"/><outline xmlUrl="../up.xml"/>'):
        seeds.add("opml", '<?xml version="1.0"?>\n<opml version="2.0"><head><title>s</title>'
                          "</head><body>\n%s\n</body></opml>\n" % body)

    if shared:
        # A few lines of each JSON Lines corpus, alone and in small groups.
        for dump in sorted((shared / "corpus").glob("*/articles.jsonl")):
            with dump.open("rb") as lines:
                head = list(itertools.islice(lines, 60))
            for line in head[:40]:
                seeds.add("jsonl", line)
            for i in range(40, 60, 5):
                seeds.add("jsonl", b"".join(head[i:i + 5]))
        queries = shared / "corpus/reuters21578/queries.txt"
        if queries.exists():
            for line in queries.read_text("utf-8", "replace").splitlines()[:300]:
                if line.strip() and not line.startswith("#"):
                    seeds.add("query", line.split("\t")[-1], limit=400)

    for target in sorted(seeds.counts):
        print("%s: %d seeds" % (target, seeds.counts[target]))


if __name__ == "__main__":
    main()
