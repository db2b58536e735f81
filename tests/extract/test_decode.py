"""Page bytes to text when the declared encoding is right, wrong, missing or twice."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from storywatch.extract.decode import charset_from_content_type, decode_html, decode_html_exact
from storywatch.extract.parse import parse_html

TEXT = "Café crème: «naïve» façade — “quoted” Ünïcödé"


def test_bom_decides() -> None:
    text, encoding = decode_html(
        codecs.BOM_UTF8 + TEXT.encode("utf-8"), "text/html; charset=latin-1"
    )
    assert (text, encoding) == (TEXT, "utf-8")
    text, encoding = decode_html(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    assert (text, encoding) == (TEXT, "utf-16-le")


def test_http_charset_is_used_for_single_byte_pages() -> None:
    data = "<p>Привет, мир</p>".encode("cp1251")
    text, encoding = decode_html(data, "text/html; charset=windows-1251")
    assert text == "<p>Привет, мир</p>"
    assert encoding == "cp1251"


def test_meta_charset_is_used() -> None:
    page = '<html><head><meta charset="iso-8859-2"></head><body>Zażółć gęślą jaźń</body></html>'
    text, encoding = decode_html(page.encode("iso-8859-2"))
    assert "Zażółć gęślą jaźń" in text
    assert encoding == "iso8859-2"


def test_latin1_label_means_windows_1252() -> None:
    # Browsers read "iso-8859-1" as windows-1252, where curly quotes live in 0x80-0x9F.
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    page = f"{meta}<p>\u201cYes\u201d, café</p>"
    text, _ = decode_html(page.encode("cp1252"))
    assert "\u201cYes\u201d, café" in text


def test_utf8_page_declared_as_latin1_is_read_as_utf8() -> None:
    page = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'
    text, encoding = decode_html(page.encode("utf-8"))
    assert TEXT in text
    assert encoding == "utf-8"


def test_stray_cp1252_bytes_in_a_utf8_page_keep_both_readable() -> None:
    data = "<p>Schön winterlich — Küche</p>".encode() + b"<p>K\xfcchenblogs</p>"
    text, encoding = decode_html(data, "text/html; charset=utf-8")
    assert encoding == "utf-8"
    assert "Schön winterlich — Küche" in text
    assert "Küchenblogs" in text


def test_undeclared_single_byte_page_is_guessed() -> None:
    data = ("Это длинный русский текст без объявления кодировки, " * 4).encode("cp1251")
    text, _ = decode_html(data)
    assert text.startswith("Это длинный русский текст")


def test_body_cut_inside_a_multibyte_character() -> None:
    data = "abc é".encode()[:-1]
    text, encoding = decode_html(data)
    assert (text, encoding) == ("abc ", "utf-8")


def test_unknown_declared_encoding_is_ignored() -> None:
    text, encoding = decode_html(b'<meta charset="x-no-such-thing"><p>plain</p>')
    assert "plain" in text
    assert encoding == "utf-8"


def test_charset_from_content_type() -> None:
    assert charset_from_content_type('text/html; charset="UTF-8"') == "UTF-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


@pytest.mark.parametrize(
    "data",
    [
        f"<p>{TEXT}</p>".encode(),  # strict UTF-8: the bytes are the text's encoding
        codecs.BOM_UTF8 + b"<p>plain</p>",  # the BOM is not part of the text
        # a UTF-16 BOM on bytes that are not UTF-16: read as UTF-8 without the BOM
        codecs.BOM_UTF16_LE + b"<p>plain</p>!",
        "abc é".encode()[:-1],  # a cut character dropped
        "<p>Küche</p>".encode() + b"<p>K\xfcche</p>",  # stray cp1252 bytes read as such
        "<p>Küche</p>".encode("cp1252"),
    ],
)
def test_exact_only_when_the_bytes_are_the_texts_utf8(data: bytes) -> None:
    """Whether the parser may read the page's own bytes for the text (it must be exact)."""
    text, encoding, exact = decode_html_exact(data)
    assert (text, encoding) == decode_html(data)
    assert exact == (text.encode("utf-8") == data)
    assert exact == (data == f"<p>{TEXT}</p>".encode())  # the other cases are not exact


def test_parsing_the_pages_own_bytes_gives_the_same_tree() -> None:
    for page in (f"<p>{TEXT}</p>", f"<?xml version='1.0'?><p>{TEXT}</p>", "<p>a\x01b é</p>"):
        data = page.encode()
        assert etree.tostring(parse_html(page, data)) == etree.tostring(parse_html(page))
