#!/usr/bin/env python3
"""Writes the binary-encoded feed fixtures in tests/fixtures/feeds/encodings/.

Each fixture is the same small RSS 2.0 feed in a different encoding; the feed parser's tests
expect the title "Café Ünïcode – “quoted”" (or the part of it the encoding can hold). The
generated files are committed; run this again only to change them.
"""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "feeds" / "encodings"


def feed(title: str, declaration: str = '<?xml version="1.0"?>') -> str:
    return (
        f"{declaration}\n"
        '<rss version="2.0">\n<channel>\n<title>Encodings</title>\n'
        "<link>https://enc.example.org/</link>\n"
        f"<item>\n<title>{title}</title>\n"
        "<link>https://enc.example.org/item</link>\n</item>\n"
        "</channel>\n</rss>\n"
    )


FULL = "Café Ünïcode – “quoted”"
LATIN1 = "Café Ünïcode"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files = {
        "utf8_bom.xml": b"\xef\xbb\xbf" + feed(FULL).encode("utf-8"),
        "utf16le_bom.xml": b"\xff\xfe" + feed(FULL, '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-le"),
        "utf16be_bom.xml": b"\xfe\xff" + feed(FULL, '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-be"),
        "utf16le_no_bom.xml": feed(FULL, '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-le"),
        "iso-8859-1.xml": feed(LATIN1, '<?xml version="1.0" encoding="ISO-8859-1"?>').encode("latin-1"),
        "windows-1252.xml": feed(FULL, "<?xml version='1.0' encoding='windows-1252'?>").encode("cp1252"),
        "shift_jis.xml": feed("日本語のニュース", '<?xml version="1.0" encoding="x-sjis"?>').encode("shift_jis"),
        # A UTF-8 feed with one stray Latin-1 byte (0xE9) in the title: it must become U+FFFD.
        "invalid_byte.xml": feed("Caf\udce9 ok").encode("utf-8", "surrogateescape"),
        # KOI8-R bytes and no declaration: only the HTTP charset (koi8-r) says how to read them.
        "http_charset_only.xml": feed("Новости").encode("koi8_r"),
        # The declaration says ISO-8859-1 but the bytes are UTF-8; the HTTP charset (utf-8) wins.
        "http_overrides_declaration.xml": feed(FULL, '<?xml version="1.0" encoding="ISO-8859-1"?>').encode("utf-8"),
    }
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote {OUT / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
