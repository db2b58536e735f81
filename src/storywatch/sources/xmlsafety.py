"""Entity declarations defused before a feed reaches the XML parser (R1).

feedparser already drops entity declarations that refer to other entities or to files, and
turns off external entities, and expat (2.4+) caps entity amplification. One hole remains, and
we measured it: an entity whose value is plain text passes feedparser's "safe" test, so a
50 KB entity referenced 20,000 times (the quadratic blow-up) makes the strict parser give up
and the lenient fallback parser expand it: a minute of CPU and 3 GB of memory for one feed.

So the prolog is rewritten here first. Only short, plain entity values survive, and only while
their total expansion stays small; everything else is removed and reported, so the feed is
still read (its undefined references are left as text) and flagged as malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ENTITY_VALUE = 200  # characters in one declared value
MAX_EXPANSION = 1_000_000  # characters all references to declared entities may add

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+([^\s\[>]+)([^\[>]*)(?:\[(.*?)\])?\s*>", re.DOTALL)
_ENTITY = re.compile(
    rb"<!ENTITY\s+(%\s+)?([A-Za-z_][\w.\-]*)\s+(?:\"([^\"]*)\"|'([^']*)'|(SYSTEM|PUBLIC)[^>]*)\s*>",
    re.DOTALL,
)
_ANY_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CHAR_REF = re.compile(rb"&#(?:[0-9]+|x[0-9a-fA-F]+);")


@dataclass(frozen=True, slots=True)
class Defused:
    """The document to parse; ``refused`` says what was removed that the text used."""

    data: bytes
    refused: tuple[str, ...] = ()
    removed: int = 0

    @property
    def reason(self) -> str | None:
        if not self.refused:
            return None
        return "entity declarations refused (" + "; ".join(self.refused) + ")"


def _is_plain(value: bytes) -> bool:
    without_char_refs = _CHAR_REF.sub(b"", value)
    return b"&" not in without_char_refs and b"%" not in without_char_refs and b"<" not in value


_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
_DECL_ENCODING = re.compile(rb"(<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")


def defuse_entities(data: bytes) -> Defused:
    """``data`` with a DOCTYPE that declares only harmless entities, and what was removed.

    A UTF-16/32 document is looked at as UTF-8; only when something must be removed is the
    re-encoded UTF-8 document (with its declaration saying so) returned in its place.
    """
    for bom, codec in _WIDE:
        if data.startswith(bom):
            try:
                text = data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                return Defused(data)
            utf8 = _DECL_ENCODING.sub(rb"\1\2utf-8\2", text.encode("utf-8"), count=1)
            converted = _defuse(utf8)
            return converted if converted.removed else Defused(data)
    return _defuse(data)


def _refusal(match: re.Match[bytes], uses: int, budget: int) -> str | None:
    """Why one entity declaration is not kept; None when it is harmless."""
    name = match.group(2).decode("ascii", "replace")
    value = match.group(3) if match.group(3) is not None else match.group(4)
    if match.group(1):
        return f"parameter entity {name}"
    if value is None:
        return f"external entity {name}"
    if not _is_plain(value):
        return f"entity {name} refers to other entities"
    if len(value) > MAX_ENTITY_VALUE:
        return f"entity {name} is {len(value):,} characters long"
    if uses * len(value) > budget:
        return f"entity {name} would expand past {MAX_EXPANSION:,} characters"
    return None


def _defuse(data: bytes) -> Defused:
    first = _FIRST_ELEMENT.search(data)
    head_end = first.start() if first else len(data)
    head = data[:head_end]
    if not _ANY_ENTITY_DECL.search(head):
        return Defused(data)
    doctype = _DOCTYPE.search(head)
    body = data[head_end:]
    if doctype is None:
        stripped = _ANY_ENTITY_DECL.sub(b"<!-- ENTITY", head)
        return Defused(stripped + body, ("entity declarations outside a DOCTYPE",))
    subset = doctype.group(3) or b""
    kept: list[bytes] = []
    refused: list[str] = []
    removed_in_use = False
    budget = MAX_EXPANSION
    matches = list(_ENTITY.finditer(subset))
    for match in matches:
        value = match.group(3) if match.group(3) is not None else match.group(4)
        uses = 0 if match.group(1) else body.count(b"&" + match.group(2) + b";")
        reason = _refusal(match, uses, budget)
        if reason is None:
            assert value is not None
            budget -= uses * len(value)
            kept.append(b'<!ENTITY %s "%s">' % (match.group(2), value))
        else:
            refused.append(reason)
            removed_in_use = removed_in_use or uses > 0
    if len(_ANY_ENTITY_DECL.findall(subset)) > len(matches):
        refused.append("unreadable entity declarations")
        removed_in_use = True
    if not matches:
        return Defused(data)
    # Rebuilt even when all is kept: one declaration per line is what feedparser's own
    # DOCTYPE handling recognises.
    external_id = doctype.group(2).strip()
    new_doctype = b"<!DOCTYPE " + doctype.group(1)
    if external_id:
        new_doctype += b" " + external_id
    if kept:
        new_doctype += b" [\n" + b"\n".join(kept) + b"\n]"
    new_doctype += b">"
    new_head = head[: doctype.start()] + new_doctype + head[doctype.end() :]
    # Declarations nobody references (an XHTML entity set pulled in by a parameter entity)
    # are removed quietly; only a removal that changes the text makes the feed "malformed".
    return Defused(new_head + body, tuple(refused) if removed_in_use else (), len(refused))
