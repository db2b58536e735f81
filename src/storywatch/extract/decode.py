"""Bytes to text for HTML pages whose encoding is declared wrongly, twice, or not at all.

The fetch layer hands us raw bytes and the HTTP ``Content-Type``. Pages lie about their
encoding often enough that trusting one declaration gives mojibake in the stored text, which
then poisons matching and near-duplicate detection. So the order follows what browsers do
(byte-order mark, then the HTTP header, then ``<meta charset>``), but every declared
candidate must decode the bytes *strictly* before it is believed; when none does, a
statistical guess (charset-normalizer) decides, and as a last resort UTF-8 with replacement
characters keeps whatever text is there.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# How far into the document a <meta charset> may sit. Browsers look at the first 1024 bytes;
# real pages put long comments and scripts first, so we look a little further.
_META_SCAN_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)

# Labels whose WHATWG meaning differs from Python's codec of the same name: browsers decode
# "latin-1" pages as windows-1252 (curly quotes live in 0x80-0x9F), and so must we.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "utf8": "utf-8",
}


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` header, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _normalise(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or None when the label is unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name


def declared_charsets(data: bytes, content_type: str | None = None) -> list[str]:
    """Encodings the bytes claim, strongest first: BOM, HTTP header, XML declaration, meta."""
    found: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            found.append(name)
            break
    header = _normalise(charset_from_content_type(content_type))
    if header:
        found.append(header)
    head = data[:_META_SCAN_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            # An 8-bit meta tag cannot declare UTF-16 truthfully; browsers ignore it too.
            meta = _normalise(match.group(1).decode("ascii", "ignore"))
            if meta and not meta.startswith(("utf-16", "utf-32")):
                found.append(meta)
    unique: list[str] = []
    for name in found:
        if name not in unique:
            unique.append(name)
    return unique


def _strict(data: bytes, encoding: str) -> tuple[str | None, bool]:
    """The bytes decoded strictly, and whether all of them were (not a cut tail dropped)."""
    try:
        return data.decode(encoding), True
    except UnicodeDecodeError as err:
        # A body cut at a size limit may end inside a multi-byte character: drop that tail.
        if err.reason == "unexpected end of data" and err.start >= len(data) - 4:
            try:
                return data[: err.start].decode(encoding), False
            except UnicodeDecodeError:
                return None, False
        return None, False
    except LookupError:
        return None, False


def _stray_bytes_as_cp1252(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read a byte that is not UTF-8 as windows-1252 (what it usually is)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    chunk = err.object[err.start : err.end]
    return bytes(chunk).decode("cp1252", errors="replace"), err.end


codecs.register_error("storywatch-cp1252", _stray_bytes_as_cp1252)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with some stray single-byte characters (a template in cp1252) is still UTF-8.

    It counts as UTF-8 when valid multi-byte characters outnumber the stray bytes; the stray
    bytes are then read as windows-1252 rather than replaced, so "K\xfcche" stays "Küche".
    """
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    valid = sum(1 for ch in replaced if ord(ch) > 127) - bad
    if valid < bad:
        return None
    return data.decode("utf-8", errors="storywatch-cp1252")


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns the text and the encoding that was used.

    A BOM decides and is stripped. Then strict UTF-8 (valid UTF-8 with non-ASCII bytes is
    almost never an accident of another encoding, while "iso-8859-1" declared on a UTF-8 page
    is common), then the declared encodings strictly, in order, then UTF-8 with a few stray
    bytes, then a statistical guess. The final fall-back replaces undecodable bytes rather
    than failing, because a page with a few bad bytes is still worth reading.
    """
    text, encoding, _exact = decode_html_exact(data, content_type)
    return text, encoding


def decode_html_exact(data: bytes, content_type: str | None = None) -> tuple[str, str, bool]:
    """:func:`decode_html`, and whether the text is all of ``data`` read as strict UTF-8.

    Then ``data`` is the text's UTF-8 encoding byte for byte, and the parser can read
    ``data`` instead of encoding the text again.
    """
    candidates = declared_charsets(data, content_type)
    given = data
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, _whole = _strict(data[len(bom) :], name)
            if text is not None:
                return text, name, False
            data = data[len(bom) :]  # no longer the caller's bytes: never exact below
            break
    wide = [c for c in candidates if c.startswith(("utf-16", "utf-32"))]
    for encoding in [*wide, "utf-8", *candidates]:
        text, whole = _strict(data, encoding)
        if text is not None:
            return text, encoding, whole and encoding == "utf-8" and data is given
    if not candidates or candidates[0] == "utf-8":
        text = _mostly_utf8(data)
        if text is not None:
            return text, "utf-8", False
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding:
        encoding = _normalise(guess.encoding) or "utf-8"
        return data.decode(encoding, errors="replace"), encoding, False
    # Nothing decodes cleanly: keep the first declared encoding's reading of the bytes.
    fallback = candidates[0] if candidates else "utf-8"
    return data.decode(fallback, errors="replace"), fallback, False
