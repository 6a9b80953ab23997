#!/usr/bin/env python3
"""Splits RSS 2.0 day files into N smaller feeds (for benchmarking `lede-index update`).

Usage: split-feeds.py SOURCE_FOLDER OUT_FOLDER N
Every *.xml in SOURCE_FOLDER (e.g. ../shared/corpus/reuters21578/feeds, one file per day) is
cut into consecutive runs of items, so that N feeds result in all, each a part of one day; the
channel header is kept and its title numbered. Writes OUT_FOLDER/feed-0000.xml … and prints N.
"""
import os
import re
import sys


def main():
    source, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    days = []
    for name in sorted(os.listdir(source)):
        if name.endswith(".xml"):
            with open(os.path.join(source, name), encoding="utf-8") as f:
                text = f.read()
            start = text.find("<item>")
            items = re.findall(r"<item>.*?</item>", text, re.S)
            if start >= 0 and items:
                days.append((text[:start], items))
    total = sum(len(items) for _, items in days)
    # Each day's share of the N feeds (largest remainders, at least one feed per day).
    shares = [n * len(items) / total for _, items in days]
    parts = [max(1, int(share)) for share in shares]
    by_remainder = sorted(range(len(days)), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in by_remainder[:max(0, n - sum(parts))]:
        parts[i] += 1
    os.makedirs(out, exist_ok=True)
    written = 0
    for (header, items), count in zip(days, parts):
        starts = [round(k * len(items) / count) for k in range(count + 1)]
        for k in range(count):
            part = header.replace("</title>", " (part %d)</title>" % (k + 1), 1)
            with open(os.path.join(out, "feed-%04d.xml" % written), "w", encoding="utf-8") as f:
                f.write(part + "\n".join(items[starts[k]:starts[k + 1]]) + "\n</channel>\n</rss>\n")
            written += 1
    print(written)


if __name__ == "__main__":
    main()
