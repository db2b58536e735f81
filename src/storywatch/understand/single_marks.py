"""Copy that quotes with single marks, read as if it quoted with double ones.

British papers and many headlines quote with single marks and nest with double ones:

    ‘We will not back down,’ Lopez said. ‘This is a fight for working families.’
    Lopez said the plan was ‘a disaster for working families’.
    Lopez: 'We will not back down'

Every rule downstream knows a quotation by its double marks, so an article in that style is
rewritten once, in ``analyse``, one character for one (offsets hold, as with
``text.plain_marks``): each paired single mark becomes “ or ”, and a double mark inside
such a quotation becomes ‘ or ’, as the same words would be written in double-mark copy.

The gate is per article: the rewrite happens only when its single marks pair into at least
one quotation and every double mark (and no doubled single, ``''``/``’’``/``‘‘``/````) lies
inside one of them, but for a stray or two in an article of many single-mark quotations
(see ``_strays``) or one opener typed twice among them (``_doubled_singles``). Copy that
quotes with double marks always has a quotation of its own outside, so its single marks
stay what they were: apostrophes and quotations within quotations. Markup tags scraped
with the text are blanked first: their attribute marks are HTML's, whatever the prose's
style.

The hard part is the apostrophe, written with the same characters: "don’t" and "Lopez’s"
(inside a word, never a mark here), "'90s", "'em", "rock 'n' roll" (elisions at a word
start, never an opener) and the plural possessive "the voters’ say", which looks like a
closer. A quotation opens at a word start and closes at the first closer after it; a closer
after "s" followed by a word that could be the owned noun is only taken when nothing better
comes (see ``_closer``).
"""

from __future__ import annotations

import re

from storywatch.understand.lexicon import BE_FORMS, CUE_WORDS, PERSONAL_PRONOUNS, WEEKDAYS
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import _DETERMINERS, _PREPOSITIONS, past_tense
from storywatch.understand.text import paragraphs

_SINGLE = re.compile(r"['‘’]")
# An opener a double-mark article could not have before its first double mark: when the
# first double mark comes before any of these, the article quotes with double marks.
# Written to open with the marks, so the regex engine skips ahead to the next one.
_OPENER_HINT = re.compile(
    r"['‘’](?:(?<!’)(?<![^\s(\[{—–\-/:]['‘])(?=[^\W_]|[…£$€#“\"\[(]| [“\"]|\. ?\.)"
    r"|(?<=[,.:;!?]‘)(?=[^\W_])|(?<![^\n]’)(?= ?(?:…|\. ?\.)))"
)
# A double mark, or a single one twice in a row (the same matches as ``["“”„«»]|''|’’|‘‘|````,
# written as one character class first for speed, as ``text._MARKS`` is).
_DOUBLE = re.compile(r"([\"“”„«»’‘`'])(?:(?<=[\"“”„«»])|\1)")
# A double mark: inside an open single-mark quotation, a quotation within it.
_NESTED = re.compile(r"[\"“”]")
_DOUBLED_SINGLE = re.compile(r"''|’’|‘‘|``")
# An opener typed twice at a word's start ("said: ‘‘Radical …").
_TWICE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))(?:‘‘|'')(?=[^\W_])")
# A markup tag some scraped copy keeps ("<tweet pic=\"\" author=\"ana_ruiz\">"): the marks of its
# attributes quote nothing, whatever style the prose quotes in.
_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")
# Elisions written at a word start: "'90s", "'em", "'til", "rock 'n' roll".
_ELISION = re.compile(r"['‘’](?:n['’‘]|em|til|cause|bout|tis|twas|\d\ds)(?![^\W_])", re.I)
# A year written short, as autocorrect turns "’16" ("in ‘16").
_YEAR = re.compile(r"['‘]\d\d(?![^\W_])")
_WORD_AFTER = re.compile(r"\s+([^\W_]+)")

_BEFORE_OPENER = "([{—–-/:"
_AFTER_OPENER = '…£$€#@“"[('
_BEFORE_CLOSER = '.,!?…;:—–-)]”"'
# Words that follow a closing mark but never a plural possessive's noun ("… families’ and
# the rest", not "the families’ say"): words of grammar, times, past-tense cues.
_NOT_OWNED = (
    _PREPOSITIONS
    | (_DETERMINERS - {"one", "two", "three"})
    | BE_FORMS
    | PERSONAL_PRONOUNS
    | WEEKDAYS
    | _words("and or but nor so than to as that which who when while if because")
    | _words("today yesterday tonight tomorrow now again too instead earlier later")
)

_OPEN, _CLOSE, _WEAK, _SPACED = 1, 2, 3, 4


def single_marks_as_double(text: str) -> str:
    """``text`` with its single-mark quotations in double marks, when the article quotes
    with single marks; else ``text`` itself.

    "‘A fight for “fair pay”,’ Lopez said." → "“A fight for ‘fair pay’,” Lopez said."
    """
    scan = _without_tags(text)
    first_double = _DOUBLE.search(scan)
    until = len(scan) if first_double is None else first_double.start()
    # (one character further, for the lookahead of an opener right before the double mark)
    if _OPENER_HINT.search(scan, 0, until + 1) is None or _doubled_singles(scan, until):
        return text
    marks, spans = _pair(scan)
    if not spans or not _doubles_inside(scan, spans, marks):
        return text
    chars = list(text)
    for pos, mark in marks.items():
        chars[pos] = mark
    return "".join(chars)


def _doubled_singles(text: str, start: int) -> bool:
    """Whether ``text`` writes doubled single marks from ``start`` on (''…'', ‘‘…’’), the
    marks of copy that quotes with them. One opener typed twice ("platform: ‘‘Radical
    …’") is a slip in copy that quotes with single marks, as '““' is in double-mark copy;
    ``_doubles_inside`` asks for many quotations around it."""
    found = _DOUBLED_SINGLE.finditer(text, start)
    first = next(found, None)
    if first is None:
        return False
    return next(found, None) is not None or _TWICE.match(text, first.start()) is None


def _without_tags(text: str) -> str:
    """``text`` with its markup tags blanked out, one character for one."""
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def _pair(text: str) -> tuple[dict[int, str], list[tuple[int, int]]]:
    """The single marks that open and close quotations (as their double marks) and the
    quotations' spans, marks included.

    A quotation left open at a paragraph's end goes on when the next paragraph opens with
    a mark, as long quotations are written; one that never closes was an apostrophe, unless
    it opens a sentence before a capital (``_sure_opener``): its closer was left out, and it
    is left open as double-mark copy would leave it. A closer with nothing open that ends
    its paragraph after a sentence's end ("… families.’") lost its opener; it is written
    as a closing mark too.
    """
    marks: dict[int, str] = {}
    spans: list[tuple[int, int]] = []

    def close(chain: list[int], at: int) -> None:
        for pos in chain:
            marks[pos] = "“"
        marks[at] = "”"
        spans.append((chain[0], at + 1))

    def leave_open(chain: list[int], end: int) -> None:
        for pos in chain:
            marks[pos] = "“"
        spans.append((chain[0], end))

    paras = paragraphs(text)
    chain: list[int] = []
    for index, (ps, pe) in enumerate(paras):
        weak: list[int] = []
        skip_to = ps
        for m in _SINGLE.finditer(text, ps, pe):
            pos = m.start()
            if pos < skip_to:
                continue
            elision = _ELISION.match(text, pos)
            if elision is not None and (pos == ps or not text[pos - 1].isalnum()):
                skip_to = elision.end()
                continue
            if _TWICE.match(text, pos):
                if chain and weak:
                    close(chain, weak[-1])
                chain, weak = [pos, pos + 1], []  # an opener typed twice: "said: ‘‘The …"
                skip_to = pos + 2
                continue
            kind = _kind(text, pos, ps, pe)
            if kind == _OPEN and chain and pos != ps and _YEAR.match(text, pos):
                continue  # "‘Hillary in ‘16 …’": no quotation nests in single marks, a year
            if kind == _OPEN and chain and pos == ps:
                chain.append(pos)  # the quotation carried into this paragraph
            elif kind == _OPEN:
                if chain and weak:
                    close(chain, weak[-1])
                elif chain and _NESTED.search(text, chain[-1], pos):
                    leave_open(chain, pos)  # its closer left out: "‘He said, “No.” ‘Then …"
                chain, weak = [pos], []  # an opener while one is open: the first was no mark
            elif kind == _SPACED and not chain:
                chain, weak = [pos], []  # (inside a quotation, a closer typed wrong)
            elif kind == _CLOSE and chain:
                close(chain, pos)
                chain, weak = [], []
            elif kind == _CLOSE and pos + 1 == pe and text[pos - 1] in ".!?…":
                marks[pos] = "”"  # its opener left out: "… the ferries will run.’", as typed
            elif kind == _WEAK and chain:
                weak.append(pos)
        if chain and weak:
            close(chain, weak[-1])
            chain = []
        elif chain and not _carried(text, paras, index):
            if _sure_opener(text, chain[0]):
                leave_open(chain, pe)
            chain = []
    return marks, spans


def _sure_opener(text: str, pos: int) -> bool:
    """The opener at ``pos`` is a quotation's even if nothing closes it: it opens a sentence
    or follows a colon or a cue's comma, and a capital follows ("said Okafor. ‘The crews
    are ready …", "[Harbour Post]: ‘[The levy] will go …", with the closing mark left out
    at the paragraph's end). An apostrophe starts no capitalised word but an elision's,
    which ``_ELISION`` has passed over; a year ("‘16") is no opener, and a quotation inside
    a sentence ("a ‘B-‘ grade") is one whose closer was mistyped."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos].rstrip()
    if before and before[-1] not in ".!?:,…":
        return False
    after = text[pos + 1 : pos + 4].lstrip("[(…")
    return after[:1].isupper() and _YEAR.match(text, pos) is None


def _carried(text: str, paras: list[tuple[int, int]], index: int) -> bool:
    """The next paragraph opens with an opener: a quotation open at this one's end goes on."""
    if index + 1 >= len(paras):
        return False
    ps, pe = paras[index + 1]
    if text[ps] not in "'‘’":
        return False  # a paragraph opening with a word: the quotation was left unclosed
    return _kind(text, ps, ps, pe) == _OPEN and _ELISION.match(text, ps) is None


def _kind(text: str, pos: int, para_start: int, para_end: int) -> int:
    """What the single mark at ``pos`` is: an opener, a closer, a closer that may be a
    plural possessive (weak), or 0 (an apostrophe, or a stray mark).

    An opener is ‘ or ' at a word start ("said: 'We", "(‘We"); ’ there is an elision
    ("’90s"). A closer is ’ or ' after a letter, digit or punctuation and not before one;
    a ‘ there was typed for one ("… by spring.‘ [Harbour Post]"), as ``text`` reads a
    misturned “. Next to a double mark a space may part the two ("' "Never again," he
    said,'", "… "by spring," ' she said"); typed copy puts a space before a closer or leaves
    the one before an opener out ("… by spring, ’ she said", "she said,‘The …").
    """
    mark = text[pos]
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < para_end else " "
    if before.isalnum() and after.isalnum():
        return 0
    if pos == para_start and _ellipsis_after(text, pos + 1):
        return _OPEN  # "’ … and so on,’ she said.": a quotation taken up mid-sentence
    if mark != "‘" and before == " " and _double_closer_before(text, pos - 1, para_start):
        return _CLOSE
    if mark == "‘" and before.isspace() and after == " " and text[pos + 2 : pos + 3].isalnum():
        return _SPACED  # "Okafor said, ‘ the ferries will run …’": a space typed after it
    if after == " " and _double_opener_after(text, pos + 1, para_end):
        return _OPEN if mark != "’" and (before.isspace() or before in _BEFORE_OPENER) else 0
    if mark != "‘" and pos > para_start and after.isspace() and _after_punctuation(text, pos - 1):
        return _CLOSE  # a space typed before it: "… by spring, ’ Okafor said"
    if mark == "‘" and (before.isalnum() or before in ",.!?;…") and not after.isalnum():
        return _closer(text, pos, para_end, mark)
    if mark == "‘" and before in ",.:;!?" and after.isalnum():
        return _OPEN  # the space before it left out: "Okafor said,‘The ferries …"
    if mark != "‘" and before in ",.!?" and after.isupper():
        return _CLOSE  # the space after it left out: "… by spring,'Maria Okafor said"
    if mark != "’" and (before.isspace() or before in _BEFORE_OPENER):
        if after.isalnum() or after in _AFTER_OPENER or _ellipsis_after(text, pos + 1):
            return _OPEN
        if text.startswith(".@", pos + 1):
            return _OPEN  # a post opening with a handle: "tweeted: ‘.@Okafor is right …’"
        if after in "’'" and _ELISION.match(text, pos + 1):
            return _OPEN  # "‘’Twas the night before the vote,’ she said."
        if before.isspace() or before not in _BEFORE_CLOSER:
            return 0  # (a dash before it, no word after: "'Oh, s---' he said", a closer)
    if mark == "’" and (before.isspace() or before in _BEFORE_OPENER) and after.isupper():
        return _OPEN  # typed the wrong way round: "’The ferries will run,’ she said."
    if mark == "‘" and before in "’”" and after.isalnum():
        return _OPEN  # the space between two quotations left out: "… by spring.’‘We …"
    if mark != "‘" and (before.isalnum() or before in _BEFORE_CLOSER) and not after.isalnum():
        return _closer(text, pos, para_end, mark)
    return 0


def _ellipsis_after(text: str, at: int) -> bool:
    """An ellipsis at ``at``, after a space or not ("… and", "... and", ". . . and")."""
    return text.startswith(("…", "...", ". . .", " …", " ...", " . . ."), at)


def _after_punctuation(text: str, space: int) -> bool:
    """The character at ``space`` is a space after a comma or a sentence's end."""
    return text[space] == " " and space > 0 and text[space - 1] in ",.!?…"


def _double_closer_before(text: str, space: int, para_start: int) -> bool:
    """A double mark closing right before the space at ``space`` (after a word's end), or
    before one more space."""
    if space - 1 > para_start and text[space - 1] == " ":
        space -= 1
    if space - 2 < para_start or text[space - 1] not in '”"':
        return False
    return not text[space - 2].isspace()


def _double_opener_after(text: str, space: int, para_end: int) -> bool:
    """A double mark opening right after the space at ``space`` (before a word)."""
    if space + 2 >= para_end or text[space + 1] not in '“"':
        return False
    return text[space + 2].isalnum()


def _closer(text: str, pos: int, para_end: int, mark: str) -> int:
    """A closer, or a weak one when the word after it may be owned by the word before.

    "was ‘a fight for working families’." and "‘… families’ and the rest" close; in
    "‘We back the nurses’ union,’ she said." the first ’ is the union's owner's, and so
    (straight) is the one in "'We're goin' home,'". A weak closer is used only when no
    other closes the quotation before the next opener or the paragraph's end.
    """
    before = text[pos - 1]
    if not before.isalnum():
        return _CLOSE
    m = _WORD_AFTER.match(text, pos + 1, para_end)
    if m is None:
        return _CLOSE
    low = m.group(1).lower()
    if low in _NOT_OWNED or (low in CUE_WORDS and past_tense(low)):
        return _CLOSE
    if before in "sS":
        return _WEAK
    if mark == "'" and text[pos - 2 : pos] == "in" and m.group(1).islower():
        return _WEAK
    return _CLOSE


def _doubles_inside(text: str, spans: list[tuple[int, int]], marks: dict[int, str]) -> bool:
    """Every double mark lies inside a single-mark quotation (the nesting of that style),
    but for a stray or two, and is then rewritten in ``marks`` as the single mark it stands
    for."""
    spans.sort()
    k = 0
    strays: list[int] = []
    for m in _DOUBLE.finditer(text):
        pos = m.start()
        if m.end() - pos > 1 and pos in marks:
            if len(spans) < 4:
                return False  # an opener typed twice, among too few quotations to tell
            continue
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        if k == len(spans) or not spans[k][0] < pos < spans[k][1] - 1:
            if m.end() - pos > 1 or len(strays) == 2:
                return False  # a doubled single (copy that quotes with them), or many
            strays.append(pos)
            continue
        marks[pos] = _as_single(text, pos, spans[k][0])
    if not _strays(text, strays, len(spans)):
        return False
    for pos in strays:
        marks[pos] = _as_single(text, pos, -1)
    return True


def _strays(text: str, strays: list[int], quotations: int) -> bool:
    """Whether the double marks outside every single-mark quotation are typing slips in
    copy that quotes with single marks (a closing ” left after a paragraph of narration, a
    mark beside a garbled character): at most two, never two in one paragraph (a
    double-mark quotation of its own), among four times as many single-mark quotations."""
    if not strays:
        return True
    if quotations < 4 * len(strays):
        return False
    return len(strays) == 1 or "\n" in text[strays[0] : strays[1]]


def _as_single(text: str, pos: int, quote_start: int) -> str:
    mark = text[pos]
    if mark in "“„«":
        return "‘"
    if mark in "”»":
        return "’"
    before = text[pos - 1]
    return "‘" if pos - 1 == quote_start or before.isspace() or before in _BEFORE_OPENER else "’"
