"""Text helpers shared by the story parts: words, stems, sentences, names and numbers.

Everything here is a small pure function over strings. The stemmer is deliberately light
(plural and verb endings only): it is enough to make "withdraw", "withdrawing" and
"withdrawal" one term for clustering and contradictions, and cheap enough to run on every
word of every article.
"""

from __future__ import annotations

import re
import unicodedata


def wordset(*chunks: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of ``chunks`` (for word lists)."""
    return frozenset(" ".join(chunks).split())


#: A word: letters, joined by inner hyphens or apostrophes; a possessive "'s" is read and
#: dropped ("harbor's" -> "harbor", "don't" and "o'brien" stay whole). Its first letter is
#: a class of its own ("[a-z][a-z]*", the same as "[a-z]+"): the regex engine skips ahead
#: to a possible match only for a pattern whose first item is a class or a literal, and
#: "[a-z]+" is a repeat (hot path: every word of every article; 5-10% less time).
_WORD = re.compile(r"([a-z][a-z]*(?:(?:-|'(?!s\b))[a-z]+)*)(?:'s\b)?")
_SENTENCE_END = re.compile(r"([.!?…][\"”’)\]]?)\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = wordset(
    "mr mrs ms dr gen sen rep gov lt col sgt capt adm maj st jr sr inc corp co ltd no vs "
    "u.s a.m p.m jan feb mar apr aug sept sep oct nov dec prof rev"
)

STOPWORDS = wordset(
    """
a about above after again against all also although am among an and another any are around
as at away back be became because become been before being below between both but by can
could did do does doing done down during each either else even ever every few for from
further get gets getting go going got had has have having he her here hers herself him
himself his how however i if in including into is it its itself just least less like made
make many may me might more most much must my myself near neither never no nor not now of
off often on once one only or other others our ours ourselves out over own per perhaps put
rather s said same say says see seen she should since so some still such than that the their
theirs them themselves then there these they this those though through thus to too toward
towards under until up upon us very via was we well were what whatever when where whether
which while who whom whose why will with within without would yet you your yours yourself
yourselves told tell tells according just new also time
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
mr mrs ms dr t ve ll re d m don didn doesn isn wasn aren weren won wouldn couldn shouldn
"""
)


def _plain_quotes(text: str) -> str:
    """Curly quotes and dashes as their ASCII forms, one character for one.

    Six ``str.replace`` calls, not ``str.translate`` with a table: translate looks every
    character of a non-ASCII string up in the table from Python's side (a tenth of a
    millisecond an article over its sentences), replace scans for one character in C. The
    replacements are ASCII and none of them is replaced again, so the order does not matter.
    """
    return (
        text.replace("’", "'")
        .replace("‘", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("—", "-")
        .replace("–", "-")
    )


def ascii_text(text: str) -> str:
    """``text`` in ASCII with its case kept: curly quotes and dashes plain, accents dropped."""
    if text.isascii():
        return text
    text = _plain_quotes(text)
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def fold(text: str) -> str:
    """Lower-case ASCII with accents stripped, so "Pérez" and "Perez" are one word.

    Curly quotes and dashes become their ASCII forms first; other non-ASCII characters
    (which never belong to a word we compare) are dropped.
    """
    if text.isascii():
        return text.lower()
    text = _plain_quotes(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


#: The stemmer's rules, tried in this order: the first whose suffix ends the word (and
#: leaves a long enough base) decides, as written in :func:`_stem`.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    # -ate verbs and their -ation nouns: "declared" = "declaration" = "declar"
    ("ations", "", 5),
    ("ation", "", 5),
    ("ating", "", 5),
    ("ated", "", 5),
    ("ates", "", 5),
    ("ate", "", 5),
    ("ies", "y", 4),
    ("sses", "ss", 4),
    ("ings", "", 5),
    ("ing", "", 5),
    ("ements", "", 5),
    ("ement", "", 5),
    ("ments", "", 5),
    ("ment", "", 5),
    ("als", "", 6),
    ("al", "", 6),
    ("ied", "y", 4),
    ("eed", "ee", 4),
    ("ed", "", 4),
    ("es", "e", 4),
    ("s", "", 3),
)
# The rules by the last letter of their suffix, each group in the order above: a word can
# only end in a suffix with its own last letter, so :func:`_stem` tries those alone (ten
# for a word in -s, none for one in -y or -r, never all 21) and finds the same first
# match. Each word is stemmed once per process (``STEMS``), but a worker process starts
# with an empty cache: 28,572 words over the 924 PolNeAR texts.
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, str, int], ...]] = {
    last: tuple(rule for rule in _SUFFIXES if rule[0][-1] == last)
    for last in {rule[0][-1] for rule in _SUFFIXES}
}


def _stem(word: str) -> str:
    """A light suffix stripper: plurals, -ing, -ed, -ate/-ation, -al/-ment. Lower-case input."""
    w = word
    if len(w) <= 3:
        return w
    for suffix, repl, min_len in _SUFFIXES_BY_LAST.get(w[-1], ()):
        if w.endswith(suffix) and len(w) - len(suffix) >= min_len - 1:
            if suffix.startswith("ement") and w[-len(suffix) - 1] == "e":
                continue  # "agreement" is "agree" + "ment", as "agreed" is "agree" + "d"
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            base = w[: len(w) - len(suffix)] + repl
            if (
                suffix in ("ing", "ings", "ed")
                and len(base) > 3
                and base[-1] == base[-2]
                and base[-1] not in "lsz"
            ):
                base = base[:-1]  # stopped -> stop, running -> run
            return _drop_e(base)
    return _drop_e(w)


class _StemCache(dict[str, str]):
    """word -> stem, filled on first use. A plain dict (a hit is one C-level lookup, far
    cheaper than a cached function call, and stems are looked up for every word of every
    article); cleared when it grows past :data:`STEM_CACHE_SIZE` so memory stays bounded."""

    def __missing__(self, word: str) -> str:
        if len(self) >= STEM_CACHE_SIZE:
            self.clear()
        value = self[word] = _stem(word)
        return value


class _TermCache(dict[str, str]):
    """word -> its term (the stem), or "" for a stopword or a one-letter word."""

    def __missing__(self, word: str) -> str:
        if len(self) >= STEM_CACHE_SIZE:
            self.clear()
        value = self[word] = "" if word in STOPWORDS or len(word) < 2 else STEMS[word]
        return value


STEM_CACHE_SIZE = 200_000
STEMS = _StemCache()
TERMS = _TermCache()


def stem(word: str) -> str:
    """:func:`_stem` through the cache (lower-case input)."""
    return STEMS[word]


def _drop_e(w: str) -> str:
    """ "close"/"closed"/"closing" -> "clos": a final silent e is not kept."""
    return w[:-1] if len(w) > 4 and w.endswith("e") and not w.endswith("ee") else w


#: Each body's ways of being written, tried in this order at a word's start.
_ALIASES = {
    "USA": (r"U\.S\.(?:A\.)?", r"United States(?: of America)?\b", r"USA?\b"),
    "UK": (r"U\.K\.", r"United Kingdom\b", r"UK\b"),
    "UN": (r"U\.N\.", r"United Nations\b"),
    "EU": (r"E\.U\.", r"European Union\b"),
}
# Every form starts with a "U" or an "E", so the pattern opens with that letter as a
# character class and then tests the word boundary before it (no word character there):
# the engine skips ahead to the next "U" or "E" in C, where a pattern opening with a
# look-ahead or a boundary is tried at every position of a whole text (names() reads one;
# half the time, the same matches). Each form then goes on after its first letter, which
# a look-behind checks, so the forms are tried in the same order as when each was written
# whole.
_ALIAS = re.compile(
    r"[UE](?<!\w[UE])(?:"
    + "|".join(
        f"(?P<{name}>" + "|".join(f"(?<={form[0]}){form[1:]}" for form in forms) + ")"
        for name, forms in _ALIASES.items()
    )
    + ")"
)


_ALIAS_HINT = re.compile(r"U\.|US|UK|UN|United|E\.U|EU|European")


def canonical_aliases(text: str) -> str:
    """Spell the common country and body abbreviations one way ("U.S." = "United States")."""
    # Most sentences name none of them; skip the pattern. Every form has a capital "U" or
    # "E", which most sentences lack too: two substring scans (in C, at memory speed) rule
    # those out for a quarter of the hint pattern's cost (hot path: every sentence of an
    # article that names one of them anywhere, and every statement).
    if ("U" not in text and "E" not in text) or _ALIAS_HINT.search(text) is None:
        return text
    return _ALIAS.sub(lambda m: str(m.lastgroup), text)


def words(text: str) -> list[str]:
    """Folded words of ``text`` (apostrophe-s dropped), in order, stopwords kept."""
    return _WORD.findall(fold(canonical_aliases(text)))


def sentence_words(text: str, sents: list[str]) -> list[list[str]]:
    """:func:`words` of each of ``sents`` (sentences of ``text``).

    What :func:`words` checks per sentence (plain ASCII? any alias to respell?) is checked
    once for the whole text: news text is mostly ASCII without aliases, and then each
    sentence is only lower-cased and split.
    """
    if _ALIAS_HINT.search(text) is None:
        findall = _WORD.findall
        if text.isascii():
            return [findall(s.lower()) for s in sents]
        if _plain_quotes(text).isascii():  # only curly quotes and dashes
            return [findall(_plain_quotes(s).lower()) for s in sents]
    return [words(s) for s in sents]


def terms(text: str) -> list[str]:
    """Stemmed content words: what clustering and novelty compare."""
    return content_terms(words(text))


def content_terms(folded: list[str]) -> list[str]:
    """:func:`terms` of text already split into folded words."""
    # ``filter(None, …)`` drops the empty terms (stopwords) in C, without a Python step per word.
    return list(filter(None, map(TERMS.__getitem__, folded)))


_QUOTE_MARKS = re.compile(r'[“”"]')


def quotation_spans(block: str) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations of one paragraph that are closed in it.

    “ opens and ” closes; a straight " opens when no quotation is open and closes one
    otherwise. A quotation left open (a quote that runs on into the next paragraph, as news
    style writes it) is no span: its sentences are split as usual.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARKS.finditer(block):
        char, at = mark.group(), mark.start()
        if opened is None:
            if char != "”":
                opened = at
        elif char != "“":
            spans.append((opened, at))
            opened = None
    return spans


def reading_units(text: str) -> tuple[list[str], list[str]]:
    """The text's reading units, and for each the whole sentence it belongs to.

    A *unit* ends at every sentence end, even one inside a quotation ("Leave tonight." of
    “Leave tonight. It is not optional,” the mayor said.): claims, novelty and numbers are
    read per unit, since a quotation of several sentences says several things. The
    *sentence* never ends inside a quotation closed later in the same paragraph; it is what
    a person is shown (a timeline item, an event), never half of it. For a unit that is a
    whole sentence both are the same string.
    """
    units: list[str] = []
    shown: list[str] = []
    for block in text.split("\n"):
        block = block.strip()
        if not block:
            continue
        start = 0
        first = len(units)  # the unit that opens the current sentence
        opened = 0  # where that sentence starts in the block
        spans = quotation_spans(block) if '"' in block or "“" in block else []
        inside = False  # the current sentence has a unit ending inside a quotation
        for match in _SENTENCE_END.finditer(block):
            end = match.start() + len(match.group(1))
            before = block[start:end].strip()
            last = before.rsplit(" ", 1)[-1].rstrip(".").lower().lstrip('("“')
            if not before.endswith("."):
                last = ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            if before:
                units.append(before)
                shown.append(before)
                if spans and _within(spans, end):
                    inside = True  # the sentence goes on after this unit
                else:
                    if inside:
                        _whole(shown, first, block[opened:end].strip())
                        inside = False
                    first, opened = len(units), match.end()
            start = match.end()
        tail = block[start:].strip()
        if tail:
            units.append(tail)
            shown.append(tail)
        if inside:
            _whole(shown, first, block[opened:].strip())
    return units, shown


def _within(spans: list[tuple[int, int]], end: int) -> bool:
    """Whether a sentence end at ``end`` falls inside one of the quotation ``spans``."""
    for opened, closed in spans:  # noqa: SIM110 (a plain loop: no generator per sentence end)
        if opened < end <= closed:
            return True
    return False


def _whole(shown: list[str], first: int, sentence: str) -> None:
    """Show units ``first`` onwards as the whole sentence they make up."""
    for index in range(first, len(shown)):
        shown[index] = sentence


def sentences(text: str) -> list[str]:
    """Split text into sentences; good enough for news prose (abbreviations kept whole).

    A sentence never ends inside a quotation closed later in the same paragraph (see
    :func:`reading_units`).
    """
    shown = reading_units(text)[1]
    return [s for i, s in enumerate(shown) if not i or s is not shown[i - 1]]


# "\b[A-Z]…" written to open with the capital, the boundary before it tested once it is read
# (a non-word character, or none, before it): the engine then skips to the next capital
# instead of testing a boundary at every position (twice as fast, the same runs).
_NAME = re.compile(r"[A-Z](?<!\w.)(?:[a-z]+|\.(?:[A-Z]\.)+|[A-Z]+)(?:[ -][A-Z](?:[a-z]+|[A-Z]+))*")
_NAME_STOP = wordset(
    "The A An In On At But And Or For If As It He She They We I This That These Those "
    "His Her Their Our Its After Before When While Since During What Who Why How Where "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr",
    # titles: "Mayor Agathe Rimsby" and "Agathe Rimsby" are one name
    "Mayor President Prime Minister Secretary Gen General Sen Senator Rep Representative",
    "Gov Governor Judge Chief Captain Capt Director Chairman Chairwoman Chair Spokesman",
    "Spokeswoman Spokesperson Minister Commissioner Sheriff Officer Inspector Lt Col Sgt",
)


class _NameCache(dict[str, str]):
    """A capitalised run as written -> the name it stands for ("" when none): the same
    runs ("The", "Mayor Agathe Rimsby") come back in article after article."""

    def __missing__(self, run: str) -> str:
        if len(self) >= STEM_CACHE_SIZE:
            self.clear()
        parts = [p for p in _NAME_SPLIT.split(run) if p not in _NAME_STOP]
        if not parts or (len(parts) == 1 and parts[0].lower() in STOPWORDS):
            name = ""
        else:
            name = " ".join(parts)
            name = fold(name).replace(".", "") if len(name) > 1 else ""
        self[run] = name
        return name


_NAME_SPLIT = re.compile(r"[ -]")
_NAMES = _NameCache()


def names(text: str) -> list[str]:
    """Capitalised word runs not at a sentence start alone: a cheap stand-in for entities.

    The understanding stage gives real entities; these are used beside them so that
    clustering still works on a text the understanding stage found nothing in.
    """
    return [n for n in map(_NAMES.__getitem__, _NAME.findall(canonical_aliases(text))) if n]


# A pattern opening with a look-behind or a word boundary is tried at every position of the
# sentence. A figure's pattern opens with its first digit as a class, which lets the engine
# skip ahead to the next digit, and then tests what stands before that digit (a look-behind
# over both); the digits after the first are the same repeats one shorter, so the matches
# are those of "(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)" (40% less time than
# opening with a look-ahead for the digit, which the engine does not skip ahead for). The
# number words' pattern opens with a look-ahead for their first letters: under IGNORECASE a
# letter class gives the engine nothing to skip ahead with either.
_NUMBER = re.compile(
    r"(\d(?<![\w.]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))(?:\s*(%|percent|per cent))?"
    r"(?:\s+(million|billion|thousand|trillion))?"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "thirteen": 13,
    "fourteen": 14,
    "forty": 40,
    "thirty": 30,
    "fifty": 50,
    "twelve": 12,
    "dozen": 12,
    "fifteen": 15,
    "twenty": 20,
    "hundred": 100,
}
NUMBER_WORDS = frozenset(_NUMBER_WORDS)
#: value -> its word, for writing a figure the way the text wrote the one it replaces
NUMBER_NAMES = {v: w for w, v in _NUMBER_WORDS.items() if w not in ("dozen", "hundred")}
_NUMBER_WORD = re.compile(
    r"(?=["
    + "".join(sorted({w[0] for w in _NUMBER_WORDS}))
    + r"])\b(?:"
    + "|".join(_NUMBER_WORDS)
    + r")\b",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def parse_numbers(sentence: str, *, spelled: bool = True) -> list[tuple[float, int, int]]:
    """Numbers in a sentence as (value, start, end); years and times of day are skipped.

    ``spelled=False`` says the caller knows the sentence has no number word ("six").
    """
    found: list[tuple[float, int, int]] = []
    for match in _NUMBER.finditer(sentence):
        raw, percent, scale = match.group(1), match.group(2), match.group(3)
        value = float(raw.replace(",", ""))
        following = sentence[match.end() : match.end() + 6].lower()
        if not percent and not scale and "," not in raw and 1900 <= value <= 2100:
            continue  # a year
        before = sentence[match.start() - 1 : match.start()]
        if before == ":" or following.startswith((":", " a.m", " p.m", "am", "pm")):
            continue  # a time of day
        if scale:
            value *= _SCALE[scale]
        found.append((value, match.start(), match.end()))
    if spelled:
        for m in _NUMBER_WORD.finditer(sentence):
            found.append((float(_NUMBER_WORDS[m.group(0).lower()]), m.start(), m.end()))
    found.sort(key=lambda item: item[1])
    return found
