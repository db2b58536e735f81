"""Paragraphs, quotations, sentences and word tokens, all as character offsets.

Everything downstream works on offsets into the original text, so a statement can point back
at exactly the characters it came from. Quotations are found before sentences because a
quotation is the unit news writing attributes: a sentence break inside "…" must not split it,
and a quotation that runs over several paragraphs (each opening with a quote mark, only the
last one closed) is one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

from storywatch.understand.lexicon import CUE_WORDS
from storywatch.understand.lexicon import words_of as _words

_OPENERS = "“„«"
_CLOSERS = "”»"
# Quote marks, including the doubled single marks some copy uses (‘‘…’’, ``…''): a double
# mark alone, a single one only twice in a row. Written as one character class first (the
# regex engine then skips ahead to the next candidate mark; alternatives of literals make it
# try each at every character, 2.5 times slower), with the same matches as
# ``’’|‘‘|``|''|["“”„«»]``.
_MARKS = re.compile(r"([\"“”„«»’‘`'])(?:(?<=[\"“”„«»])|\1)")
_AS_DOUBLE = {"’’": "”", "‘‘": "“", "``": "“", "''": '"'}
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_]+(?:[’'.\-&][^\W_]+)*", re.UNICODE)
# The end punctuation is written once, before the choice of what follows it: a pattern
# that opens with a character class lets the regex engine skip ahead to the next ".!?"
# instead of trying both branches at every character (twice as fast). Only the longest run
# of punctuation can be followed by a space or the end, so the matches are the same as
# with the two branches written out in full. The class is written once on its own, then
# repeated ("[.!?][.!?]*", the same as "[.!?]+"): the engine skips ahead only for a pattern
# whose first item is a class, and "[.!?]+" is a repeat (the matcher was entered at every
# character; 40% less time over a whole text).
# A space before the next sentence's capital, or none where copy lost it next to a curly
# mark ("I love Hispanics!”Former candidate …", "she said.“We …").
_SENTENCE_END = re.compile(
    r"[.!?][.!?]*[\"”’')\]]*(?:(?=\s+[\"“‘'(\[]*[A-Z0-9])|(?<=”)(?=[A-Z“])|(?=“[A-Z])|$)"
)

# Words after which a period does not end a sentence ("Gen. Mark Milley").
ABBREVIATIONS = frozenset(
    _words(
        """
        mr mrs ms dr gen sen sens rep reps gov lt col maj capt sgt cmdr adm st jr sr inc co
        corp ltd jan feb mar apr aug sep sept oct nov dec no vs etc prof rev ft mt gov. pres
        supt det insp u.s u.k u.n d.c a.m p.m e.g i.e approx dept est fig
        """
    )
)
_NEW_SENTENCE_WORDS = frozenset(
    _words(
        """
        The He She It They We I But And In A This That His Her Their There Its On At
        """
    )
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``parts`` are the inner text spans.

    A quotation over several paragraphs has one part per paragraph; ``closed`` is false when
    the closing mark never came (the quotation then ends with its last paragraph).
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool


class Word(tuple[str, int, int]):
    """A word token: its text and offsets.

    A bare tuple underneath (articles have thousands of words, and a tuple is built in C);
    the names are read-only views.
    """

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def text(self) -> str: ...

        @property
        def start(self) -> int: ...

        @property
        def end(self) -> int: ...

    else:
        # The views are read millions of times per thousand articles: an ``itemgetter``
        # (C) as the getter saves a Python call on each, about 2% of the stage.
        text = property(itemgetter(0), doc="The word as written.")
        start = property(itemgetter(1), doc="Offset of its first character.")
        end = property(itemgetter(2), doc="Offset just past its last character.")


def word(text: str, start: int, end: int) -> Word:
    return Word((text, start, end))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, each a paragraph (news text puts one paragraph on a line)."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_opening(text: str, pos: int, end: int, para_start: int, para_end: int) -> bool:
    """Decide whether the quote mark at ``text[pos:end]`` opens (True) or closes a quotation."""
    mark = _AS_DOUBLE.get(text[pos:end], text[pos])
    before = text[pos - 1] if pos > para_start else " "
    after = text[end] if end < para_end else " "
    if mark in _OPENERS:
        # A curly opener glued to a word and followed by space (or a bracketed credit,
        # "….“[Harbour Post.]") was typed wrongly: a closer.
        glued = before.isalnum() or before in ",.!?;…"
        return not (glued and (after.isspace() or after in ",.;:!?[" or end >= para_end))
    if mark in _CLOSERS:
        # A curly closer at the start of a word was typed wrongly: an opener. So is one
        # opening a paragraph before an ellipsis ("” … the rest of it,” she wrote."): the
        # typesetting of a quotation that starts mid-sentence, with nothing open to close.
        if pos == para_start and text[end : end + 2].lstrip().startswith(("…", "...")):
            return True
        return (before.isspace() or before in "([—–-") and after.isalnum()
    # A straight mark: opens after space or an opening bracket, closes otherwise.
    if before.isspace() or before in "([{—–-/:":
        return not after.isspace()
    return False


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Pair quote marks into quotations, joining a quotation carried over paragraphs."""
    paras = paragraphs(text) if paras is None else paras
    quotes: list[Quote] = []
    open_at = -1
    parts: list[tuple[int, int]] = []
    part_start = -1
    for index, (ps, pe) in enumerate(paras):
        if open_at >= 0:
            # Carried over from the previous paragraph: it goes on only if this paragraph
            # opens with a quote mark, as the convention for long quotations has it.
            if text[ps] in _OPENERS or text[ps] == '"':
                part_start = ps + 1
            else:
                quotes.append(Quote(open_at, parts[-1][1], tuple(parts), closed=False))
                open_at, parts = -1, []
        skip_to = -1
        for m in _MARKS.finditer(text, ps, pe):
            pos, mark_end = m.span()
            if (open_at >= 0 and mark_end == part_start) or pos < skip_to:
                continue
            if _is_opening(text, pos, mark_end, ps, pe):
                if open_at >= 0:
                    # Inside an open quotation: its first paragraph, or one it was
                    # carried into (which opened with a mark).
                    lead = part_start - 1 if parts else open_at
                    # Two openers in a row ('"“You do not …') are a stray mark and a
                    # quotation, not a quotation inside another.
                    doubled = not text[lead:pos].strip("\"“”'‘’ ")
                    carried = lead == ps and _carried_on(text, paras, index, text[ps])
                    inner_end = -1 if doubled else _nested_end(text, mark_end, ps, pe, carried)
                    if inner_end >= 0:
                        skip_to = inner_end  # a quotation inside this one
                        continue
                    # An opener inside an open quotation on the same line: the first one
                    # was a stray mark (or closed with a single mark); start again here.
                    single = -1 if parts else _single_close(text, open_at, part_start, pos)
                    if single >= 0:
                        quotes.append(Quote(open_at, single + 1, ((part_start, single),), True))
                        open_at = -1
                if open_at >= 0 and parts:
                    quotes.append(Quote(open_at, parts[-1][1], tuple(parts), closed=False))
                    parts = []
                open_at, part_start = pos, mark_end
            elif open_at >= 0:
                parts.append((part_start, pos))
                quotes.append(Quote(open_at, mark_end, tuple(parts), closed=True))
                open_at, parts = -1, []
            elif _opens_after_cue(text, pos, mark_end, pe):
                open_at, part_start = pos, _skip_space(text, mark_end, pe)
        single = -1 if open_at < 0 or parts else _single_close(text, open_at, part_start, pe)
        if single >= 0:
            quotes.append(Quote(open_at, single + 1, ((part_start, single),), closed=True))
            open_at = -1
        if open_at >= 0:
            parts.append((part_start, pe))
            last = index == len(paras) - 1
            if last:
                quotes.append(Quote(open_at, pe, tuple(parts), closed=False))
                open_at, parts = -1, []
    return [q for q in quotes if any(e > s for s, e in q.parts)]


def _nested_end(text: str, pos: int, para_start: int, para_end: int, carried: bool = False) -> int:
    """Where a quotation opened inside an open one ends (after its closing mark), when the
    outer one closes later in the paragraph, or (``carried``) goes on into the next
    paragraph; else -1.

    "“The case is about “equal justice” and nothing else,” she said." — copy often nests
    the same marks (or straight inside curly ones) where ‘…’ belongs. The marks after the
    inner opener then close it and then the outer quotation. When they do not balance
    ("“Stray “opener” here."), the first opener was a stray mark, as before. A statement
    quoted over several paragraphs opens each with a mark and closes only the last
    ('"The board is not about “fair play” now.' then '"It never was."'), so an outer
    quotation that opened its paragraph and is still open at its end is carried on when the
    next paragraph opens with a mark too."""
    depth = 2
    inner_end = -1
    for m in _MARKS.finditer(text, pos, para_end):
        if _is_opening(text, m.start(), m.end(), para_start, para_end):
            depth += 1
            continue
        depth -= 1
        if depth == 1:
            inner_end = m.end()
        elif depth == 0:
            return inner_end
    return inner_end if carried and depth == 1 else -1


def _single_close(text: str, open_at: int, start: int, end: int) -> int:
    """Where a curly opener left open in its paragraph was closed with a single mark, or -1.

    "Lee posted: “We can do this.’ Lee was there." — a ’ right after a sentence's closing
    punctuation and before a space is no apostrophe ("Lee’s", "the voters’ say" sit inside
    words or after a letter); with no single opener before it, nothing else it could close.
    """
    if text[open_at] != "“":
        return -1
    m = _SINGLE_CLOSER.search(text, start, end)
    if m is None or _SINGLE_OPENER.search(text, start, m.start()):
        return -1
    return m.start() + 1


_SINGLE_CLOSER = re.compile(r"[.!?,]’(?=\s|$)")
_SINGLE_OPENER = re.compile(r"‘|(?<![\w.,!?])'")


def _opens_after_cue(text: str, pos: int, end: int, para_end: int) -> bool:
    """A closing mark with nothing open, right after a reporting verb and its comma and
    before the words it opens, which a later mark closes: an opener typed the wrong way
    round ("He says,” there is nobody left to ask.”")."""
    if text[pos] not in _CLOSERS + '"' or text[pos - 1 : pos] != "," or end >= para_end:
        return False
    if not text[end].isspace() or not text[end + 1 : end + 2].isalnum():
        return False
    cue = _WORD_BEFORE.search(text, max(0, pos - 24), pos - 1)
    if cue is None or cue.group(1) not in CUE_WORDS:
        return False
    return any(
        not _is_opening(text, m.start(), m.end(), pos, para_end)
        for m in _MARKS.finditer(text, end, para_end)
    )


_WORD_BEFORE = re.compile(r"\b([a-z]+)\Z")


def _carried_on(text: str, paras: list[tuple[int, int]], index: int, mark: str) -> bool:
    """The paragraph after ``paras[index]`` opens with the kind of quote mark (straight or
    curly) that opened this one: the convention for a quotation carried over paragraphs.
    A different kind there is a new quotation after a badly typed one ('"… a “question’’
    that …' then '“You have called …”')."""
    if index + 1 >= len(paras):
        return False
    start = paras[index + 1][0]
    return (text[start] == '"') == (mark == '"') and (text[start] == '"' or text[start] in _OPENERS)


def plain_marks(text: str) -> str:
    """No-break spaces and invisible format characters as plain spaces, and the quotation
    dash as an em dash (one character for one, so offsets hold).

    Copy pasted from the web puts U+00A0 inside names ("Rep.\u00a0Ana Ruiz"); the phrase
    rules test the gaps between words against a plain space. Zero-width and direction marks
    (U+200B–U+200F, U+202A–U+202E, U+2060, U+2066–U+2069, U+FEFF) come with posts copied from
    social media, often right before a quote mark, which then no longer opens a paragraph.
    The horizontal bar U+2015 is typography's *quotation dash*: some outlets credit a
    quotation with it ("“…” ― Ana Ruiz"), where the rules know the em and en dashes.
    """
    # One substring search per character runs in C at memory speed; a character class
    # pattern steps through the text a character at a time (four times slower here).
    if text.isascii() or not any(map(text.__contains__, _UNPLAIN)):
        return text
    return text.translate(_PLAIN)


_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_UNPLAIN = "\u00a0\u2015" + _INVISIBLE
_PLAIN = {ord(c): " " for c in "\u00a0" + _INVISIBLE} | {0x2015: "\u2014"}


def sentences(
    text: str, paras: list[tuple[int, int]], quotes: list[Quote]
) -> list[tuple[int, int]]:
    """Sentence spans that never cut through a quotation.

    A quotation over several paragraphs makes one long sentence span, so the attribution
    written once (at its start or end) covers all of it.
    """
    inside = [(q.start, q.end) for q in quotes]
    out: list[tuple[int, int]] = []
    qi = 0
    cur_start = -1
    for ps, pe in paras:
        if cur_start < 0:
            cur_start = ps
        for m in _SENTENCE_END.finditer(text, ps, pe):
            end = m.end()
            if not _ends_sentence(text, m.start(), end, pe):
                continue
            while qi < len(inside) and inside[qi][1] <= end:
                qi += 1
            if qi < len(inside) and inside[qi][0] < end < inside[qi][1]:
                continue
            if (
                _closes_double(text, end)
                and _attribution_follows(text, m.start(), end, pe)
                and not _new_speaker_after(text, cur_start, qi, inside, end)
            ):
                continue
            if end > cur_start:
                out.append((cur_start, end))
            cur_start = _skip_space(text, end, pe)
        # A paragraph break ends the sentence unless a quotation runs over it.
        while qi < len(inside) and inside[qi][1] <= pe:
            qi += 1
        if qi < len(inside) and inside[qi][0] < pe < inside[qi][1]:
            continue
        if cur_start < pe:
            out.append((cur_start, pe))
        cur_start = -1
    return out


_APPOSITIVE_CUE = re.compile(
    r"\s+[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3},[^.?!“”\"]{3,110}?, ([a-z]+|Tweet(?:ed|s))\b"
)  # (some copy capitalises the verb made of a trademark: "…, the head of X, Tweeted")
_SPEECH = frozenset(
    ("said", "says", "added", "asked", "told", "wrote", "explained", "continued", "replied")
)


def _attribution_follows(text: str, mark: int, pos: int, limit: int) -> bool:
    """“…?” Beck asked. — a quotation ending in ?/! (or, rarely, a full stop) is still
    attributed after its closing mark, so the sentence goes on."""
    from storywatch.understand.lexicon import CUE_WORDS, SPEAKER_NOUNS

    if text[mark] not in "?!":
        # After “….” a capitalised word starts a new sentence ("… “ongoing.” He said …").
        nxt = _WORD.search(text, pos, min(limit, pos + 40))
        if nxt is None or nxt.group(0)[:1].isupper():
            return False
    cues = CUE_WORDS if text[mark] in "?!" else _SPEECH
    appositive = _APPOSITIVE_CUE.match(text, pos, min(limit, pos + 160))
    if appositive is not None and appositive.group(1).lower() in cues:
        return True  # “…?” Miller, a retired worker from a nuclear plant, said.
    ahead = [m.group(0) for m in _WORD.finditer(text, pos, min(limit, pos + 100))][:8]
    for k, word in enumerate(ahead):
        if word.lower() in cues:
            # "Lopez asked", "Lopez's spokesman asked", "Secretary of State Maria Lopez
            # asked": a name run may be long; other words keep the cue close.
            return k <= 4 or all(w[:1].isupper() or w in ("of", "the") for w in ahead[:k])
        if (
            k
            and word[:1].islower()
            and word not in ("the", "a", "an", "of", "and")
            and word.lower() not in ("he", "she", "they", "it", "we", "i")
            and not (ahead[k - 1].endswith(("'s", "’s")) and word in SPEAKER_NOUNS)
        ):
            return False
    return False


def _new_speaker_after(
    text: str, start: int, qi: int, inside: list[tuple[int, int]], end: int
) -> bool:
    """ "Vale emailed her, telling her, “you are a star!” She replied that …": a quotation
    introduced inside the sentence already has its attribution, so a capitalised pronoun
    after its "!" or "?" opens a new sentence with its own cue. (A quotation that opens the
    sentence, "“Too late?” He asked …", may still take its attribution after the mark.)"""
    nxt = _WORD.search(text, end, end + 8)
    if nxt is None or nxt.start() != _skip_space(text, end, end + 8):
        return False
    if nxt.group(0) not in _CAPITAL_PRONOUNS or qi == 0 or inside[qi - 1][1] != end:
        return False
    return bool(text[start : inside[qi - 1][0]].strip(" —–-…(\"“'‘"))


_CAPITAL_PRONOUNS = frozenset(("He", "She", "They", "We"))


def _closes_double(text: str, end: int) -> bool:
    """The sentence end closes a double quotation: ``"``, ``”``, or the doubled single marks
    some copy writes for it (``?''`` in New York Times text, ``?’’``), so an attribution
    after it ("?'' Mr. Ruiz said, waving a hand.") is still the same sentence."""
    return text[end - 1] in '"”' or text[end - 2 : end] in ("''", "’’")


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _ends_sentence(text: str, dot: int, end: int, para_end: int) -> bool:
    """Reject a period that closes an abbreviation or an initial ("Gen.", "John F. Kennedy")."""
    if text[dot] != ".":
        return True
    ws = dot
    while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] == "."):
        ws -= 1
    word = text[ws:dot].lower()
    if not word:
        return True
    if len(word) == 1 and word.isalpha():
        return False
    if word.isdigit() and len(word) <= 2 and (ws == 0 or text[ws - 1] == "\n"):
        return False  # a list's item number: "1. “The port will close.”"
    if word in ("a.m", "p.m") and _opens_quote(text, _skip_space(text, end, para_end)):
        return True  # "… at 6 a.m. “Thank you for your patience,” she said."
    if word in ABBREVIATIONS:
        return _next_word(text, end, para_end) in _NEW_SENTENCE_WORDS
    if "." in word:
        # "U.S." and "a.m." end in a one-letter piece; "Politico.com." and "2.75." do not:
        # their period is the sentence's own.
        return len(word) - word.rfind(".") > 2 or (
            _next_word(text, end, para_end) in _NEW_SENTENCE_WORDS
        )
    return True


def _next_word(text: str, end: int, para_end: int) -> str:
    """The word after a period (read only for an abbreviation or a dotted word: most
    periods end a plain word, and then what follows does not matter)."""
    nxt = _WORD.match(text, _skip_space(text, end, para_end))
    return nxt.group(0) if nxt else ""


def _opens_quote(text: str, pos: int) -> bool:
    return text[pos : pos + 1] in ("“", '"') and text[pos + 1 : pos + 2].isupper()


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Word tokens between ``start`` and ``end`` (punctuation dropped, inner dots kept)."""
    stop = len(text) if end is None else end
    # The matches' texts and offsets are read by C iterators (the unbound ``re.Match``
    # methods over the list of matches) rather than a generator expression: a Python step
    # per word of every sentence read for an attribution.
    found = list(_WORD.finditer(text, start, stop))
    spans = zip(map(_GROUP, found), map(_START, found), map(_END, found), strict=True)
    return list(map(Word, spans))


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


# "VELMORA, Lestria (MPS) — ", "WASHINGTON (Reuters) - ", "BAGHDAD — ", "(CNN) — ": a place
# in capitals, maybe a region, maybe a wire service's code, and a dash. Not part of the news.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z’'.\-]{2,}(?: [A-Z][A-Z’'.\-]+){0,3}"
    r"(?:, [A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,2})?"
    # "PHILADELPHIA, July 25 (UPI) — ": the filing date between the place and the wire.
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([A-Z][\w .&/-]{0,24}\))?|\([A-Z][\w .&/-]{0,24}\)"
    # "Washington (AFP) – ": a place in title case needs a wire's code after it.
    r"|[A-Z][a-z’'.\-]+(?: [A-Z][a-z’'.\-]+){0,2}(?:, [A-Z][\w’'.\-]*)? \((?:[A-Z]{2,6}|Reuters)\))"
    r" ?[—–-]{1,2} ?(?=[A-Z0-9“‘'\"])"
)


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the news starts in a paragraph: after its dateline, if it opens with one."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m is not None else start
