"""A second act of speech in the other clause of a two-clause sentence.

    After Ruiz said the ferries would run "on time," Okafor said: "They never have."
    When a heckler shouted, "Resign," the mayor replied, smiling, "Not today."

A sentence's reading finds one act of speech. When the sentence opens with a scene-setting
clause ("After …, ", "When …, ") and both that clause and the main one hold a cue and a
quotation, the clause the reading did not use holds another speaker's words: readers see
two quotations with two speakers, and PolNeAR's annotators mark both. The other clause is
read on its own, as if it were a sentence, and kept only when that reading finds a
quotation there with a speaker of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storywatch.understand import lexicon as lx
from storywatch.understand.clause_ends import SCENE_SETTERS
from storywatch.understand.spans import Found, Sentence, Span, _inside
from storywatch.understand.text import Word

Reader = Callable[[str, Sentence], Found | None]
# A reader of the sentence's cues from word ``k`` on (``attribution._cue_led_pass``).
ReaderFrom = Callable[[str, Sentence, int], Found | None]

# A scene-setting clause may follow "But"/"And"/"Yet" ("But when X said …, Y …").
_LEADS = frozenset(("but", "and", "yet", "even"))

# "As X put it, …" credits X with the main clause's words, and "If X says “…”, …" or
# "Because X called it “…”, …" says what would follow or why, not what else was said.
_NOT_SCENES = frozenset(("as", "if", "because", "though", "although"))

# "In a clip that the judge called “distasteful,” Santilli said …": an opening phrase whose
# relative clause names something is a clause of its own, like a scene-setting one.
_PHRASE_OPENERS = lx.words_of("in at on during with under for from amid despite")
_RELATIVES = frozenset(("that", "which", "whom", "what"))

# A comma that ends a clause, inside or outside the quotation closing it.
_CLAUSE_COMMA = re.compile(r",(?:[”\"’]|'')?\s|[”\"],\s")

_CUES = lx.CUE_WORDS | lx.QUOTE_CUES


def other_clause_act(text: str, s: Sentence, main: Found, read: Reader) -> Found | None:
    """The act of speech in the clause of ``s`` that ``main`` does not use, read by ``read``
    (the sentence reader), or ``None`` when the sentence is not two such clauses."""
    if not main.parts or main.speaker is None or main.inherited or not s.quotes:
        return None
    bound = _scene_end(text, s) if len(s.quotes) > 1 else None
    joined = bound is None and (bound := _semicolon(text, s)) is not None
    if bound is None:
        return None
    cut, resume = bound
    first = main.parts[0][0]
    span = (resume, s.end) if first < cut else (s.start, cut)
    if any(span[0] <= a < span[1] for a, _ in main.parts):
        return None
    if joined and first >= cut and main.speaker[0] != resume:
        return None  # "…; as one who believes: “…”": a list going on, no clause of its own
    sub = _clause(s, span)
    if not sub.quotes or not any(w.text.lower() in _CUES for w in sub.words):
        return None
    found = read(text, sub)
    if found is None or not found.direct or found.speaker is None or found.inherited:
        return None
    inside = all(span[0] <= a and b <= span[1] for a, b in found.parts)
    if not inside or not span[0] <= found.speaker[0] < span[1]:
        return None
    if not any(_inside(sub.quotes, a) or _holds_quote(sub, a, b) for a, b in found.parts):
        return None
    if joined and first < cut and found.speaker[0] != resume:
        return None
    return Found(_bare(text, sub, found.parts), True, found.speaker, found.cue, s.index)


def main_clause_act(text: str, s: Sentence, scene: Found, read_from: ReaderFrom) -> Found | None:
    """ "While Trump affirmed that he likes Cruz, he also stated a day earlier, “…”": the
    first cue sat in a clause that sets the scene (``clause_ends.cue_in_scene``), so the
    quotation is the main clause's; ``read_from`` reads the sentence from the first word
    after the scene's comma (the whole sentence stays in view: a trailer there, "…,”
    said Heiserman", still takes the scene clause with its words)."""
    if scene.cue is None:
        return None
    comma = text.find(",", scene.cue[1], s.end)
    k = next((n for n, w in enumerate(s.words) if w.start > comma), None) if comma >= 0 else None
    if k is None:
        return None
    found = read_from(text, s, k)
    return found if found is not None and found.direct else None


def _bare(text: str, s: Sentence, parts: tuple[Span, ...]) -> tuple[Span, ...]:
    """ "When a heckler shouted, “Resign,” …": a clause that is one whole quotation (its
    marks and a comma around it) is that quotation's words, as a trailer gives them."""
    if len(parts) != 1:
        return parts
    a, b = parts[0]
    for q in s.quotes:
        if (
            a <= q.start
            and q.end <= b
            and not text[a : q.start].strip(" ,")
            and not text[q.end : b].strip(" ,")
        ):
            return tuple(q.parts)
    return parts


def _holds_quote(s: Sentence, start: int, end: int) -> bool:
    """A quotation opens inside ``[start, end)``: the act is direct, someone's own words."""
    return any(start <= q.start < end for q in s.quotes)


def _clause(s: Sentence, span: Span) -> Sentence:
    """The words and quotations of ``s`` inside ``span``, as a sentence of their own."""
    a, b = span
    words = [w for w in s.words if a <= w.start and w.end <= b]
    quotes = [q for q in s.quotes if a <= q.start and q.end <= b]
    return Sentence(s.index, a, b, words, quotes)


def _scene_end(text: str, s: Sentence) -> tuple[int, int] | None:
    """ "After Ruiz said the ferries would run “on time,” Okafor …": a clause opening with a
    scene-setting word and holding a cue ends at the first comma after that cue (not one
    that introduces a quotation, "shouted, “Resign,”"); it is read when a quotation follows
    the cue inside it; (where the clause ends, where the main clause starts). Words after
    the quotation ("… “is not Christian” in answering a question, …") are left to the
    reading, which ends a reported clause where its setting begins."""
    words = s.words
    i = 1 if words and words[0].text.lower() in _LEADS else 0
    if i >= len(words):
        return None
    opener = words[i].text.lower()
    phrase = opener in _PHRASE_OPENERS
    if (opener not in SCENE_SETTERS and not phrase) or opener in _NOT_SCENES:
        return None
    at, cue = next(
        (
            (n, w)
            for n, w in enumerate(words[i + 1 :], i + 1)
            if w.text.lower() in _CUES and not _inside(s.quotes, w.start)
        ),
        (0, None),
    )
    if cue is None:
        return None
    if phrase and not _relative_in_phrase(text, words, i, at):
        return None  # "In a statement, Ruiz said …": the phrase holds no act of its own
    for m in _CLAUSE_COMMA.finditer(text, cue.end, s.end):
        if _opens_quote(s, m.end()):
            continue  # "shouted, “Resign,”": the comma introduces the quotation
        if any(a <= m.start() < b - 1 for q in s.quotes for a, b in q.parts):
            continue  # a comma inside a quotation, not the one closing it
        quote = next(
            (q for q in reversed(s.quotes) if cue.end < q.start and q.end <= m.end()), None
        )
        if quote is None:
            return None
        return m.start() + len(m.group().rstrip()), m.end()
    return None


def _semicolon(text: str, s: Sentence) -> tuple[int, int] | None:
    """ "Trump said he was “very happy”; Cruz said he had “no comment.”": a semicolon
    outside the quotations joins two clauses, each of which may hold its own act of
    speech; (where the first clause ends, where the second starts)."""
    at = text.find(";", s.start, s.end)
    while at >= 0:
        nxt = at + 1
        if nxt < s.end and text[nxt].isspace() and not _inside(s.quotes, at):
            while nxt < s.end and text[nxt].isspace():
                nxt += 1
            return at, nxt
        at = text.find(";", at + 1, s.end)
    return None


def _relative_in_phrase(text: str, words: list[Word], opener: int, cue: int) -> bool:
    """A relative word comes between the opening preposition and the cue with no comma
    before it ("In a clip that the judge called"): the cue is the phrase's. After a comma
    ("On Friday, he joined others in pouncing on news that …") the phrase has ended and the
    cue is the main clause's."""
    for n in range(opener + 1, cue):
        if "," in text[words[n - 1].end : words[n].start]:
            return False
        if words[n].text.lower() in _RELATIVES:
            return True
    return False


def _opens_quote(s: Sentence, at: int) -> bool:
    """A quotation opens at ``at``: the comma before it introduces it, ends no clause."""
    return any(q.start == at for q in s.quotes)
