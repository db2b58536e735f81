"""Statements in transcripts: paragraphs that open with a speaker's label, not a quotation.

    Maria Lopez spoke to reporters on Tuesday. Excerpts:
    Q: Will the port close?
    A: Yes. We have no other choice.

    MORALES: We will not resign.   HOST: Why not?   Sen. Ruth Vance (D-Ore.): …

An edited interview or a hearing transcript prints each turn as a paragraph led by a label
and a colon. The words after the label are the labelled person's own, verbatim though no
mark encloses them, so each turn is a direct statement of that person: a label written as a
name is the person the article names so ("MORALES" is "Ana Morales"), "A" is the interviewee
(the headline's "Q&A with …", else the person the intro names most), and the interviewer's
labels ("Q", "HOST", the outlet's name) are the interviewer only when the intro names one
journalist; otherwise the questions are left out rather than put in anyone's mouth.

Many things in news copy open a paragraph with a word and a colon ("Note:", "Update:",
"Photo:", "Pros:", "10:45 a.m.:", a digest's "Sanders: Win in a walk." over a section about
him), so the reader is conservative. A label is only a speaker's when it is "Q"/"A", an
interviewer's word, or resolves to a person of the article; and the labels must make a
dialogue: two labelled paragraphs in a row (stage directions such as "(END VIDEO CLIP)"
between them do not count) with two different speakers. A single labelled paragraph is a
turn only after a paragraph that announces it (ending in a colon, or saying "transcript",
"excerpts", "interview"). A paragraph between two turns of a dialogue goes on with the
turn before it (an answer printed over two paragraphs); after the last turn the article's
own narration resumes, so nothing after it is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from storywatch.model import EntityKind
from storywatch.understand.analysis import Analysis
from storywatch.understand.interviewees import interviewee
from storywatch.understand.lexicon import HONORIFICS, TITLE_WORDS
from storywatch.understand.spans import Span
from storywatch.understand.speakers import Speaker

# A label opening a paragraph: capitalised words (an honorific or a title may lead, a party
# and state in brackets may follow), a colon, then the turn's words.
_LABEL = re.compile(
    r"(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}(?: \([^()\n]{1,24}\))?):[ \t]+(?=\S)"
)
_PARTY = re.compile(r" \([^()]*\)$")
_QUESTION_LABELS = frozenset(("q", "question", "interviewer", "host", "moderator", "reporter"))
_ANSWER_LABELS = frozenset(("a", "answer"))
# Titles that make a person the one asking ("CNN host Jake Tapper", "reporter Ann Lee").
_JOURNALIST_TITLES = frozenset(
    ("host", "anchor", "correspondent", "reporter", "columnist", "editor", "writer", "moderator")
)
# Words of a paragraph that announces a transcript or excerpts of one.
_ANNOUNCES = re.compile(
    r"transcript|excerpts?\b|interview|edited for (?:length|clarity)", re.IGNORECASE
)
_LETTER = re.compile(r"[^\W\d_]")
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b(?!\.)")


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: the label (its words, without the colon), the turn's words (one
    span per paragraph) and who spoke (``None`` when the label names no one we know, as
    an unnamed interviewer's "Q")."""

    label: Span
    parts: tuple[Span, ...]
    speaker: Speaker | None


@dataclass(frozen=True, slots=True)
class _Labelled:
    para: int
    label: Span
    content: Span
    key: str  # who speaks, for "two different speakers": "q", "a" or an identity
    speaker: Speaker | None
    named_before: bool  # a person the running text named before the label


def transcript_turns(an: Analysis) -> list[Turn]:
    """The turns of every dialogue printed as labelled paragraphs, in article order."""
    if ":" not in an.text:
        return []
    labels = _label_spans(an)
    if not labels:
        return []
    first = labels[0][1][0]
    asker = _interviewer(an, first)
    answering = _interviewee(an, first, asker)
    named_at: dict[int, list[int]] = {}  # identity → where the running text names it
    for k, m in enumerate(an.mentions):
        if an.owner[k] >= 0 and not _in_label(m.start, labels):
            named_at.setdefault(an.owner[k], []).append(m.start)
    labelled = [
        lab
        for para, span, content in labels
        if (lab := _labelled(an, para, span, content, labels, named_at, asker, answering))
        is not None
    ]
    turns: list[Turn] = []
    for run in _runs(an, labelled):
        turns.extend(_turns_of(an, run))
    return turns


def _label_spans(an: Analysis) -> list[tuple[int, Span, Span]]:
    """(paragraph, label, words after it) of every paragraph that opens with a label."""
    text = an.text
    out = []
    for para, (start, end) in enumerate(an.paragraphs):
        m = _LABEL.match(text, start, end)
        if m is None or not _LETTER.search(text, m.end(), end):
            continue
        out.append((para, (m.start("label"), m.end("label")), (m.end(), end)))
    return out


def _labelled(
    an: Analysis,
    para: int,
    label: Span,
    content: Span,
    labels: list[tuple[int, Span, Span]],
    named_at: dict[int, list[int]],
    asker: int | None,
    answering: int | None,
) -> _Labelled | None:
    """The paragraph's label read as a speaker, or ``None`` when it names nobody who can
    speak ("Note", "Update", "Pros")."""
    written = an.text[label[0] : label[1]]
    low = written.lower()
    if low in _QUESTION_LABELS:
        return _Labelled(para, label, content, "q", _named(an, asker, written), False)
    if low in _ANSWER_LABELS:
        return _Labelled(para, label, content, "a", _named(an, answering, written), False)
    owner, before = _person(an, written, label[0], named_at)
    if owner is not None:
        speaker = _named(an, owner, written)
        return _Labelled(para, label, content, str(owner), speaker, before)
    if _outlet(an, written, label[0], labels):
        return _Labelled(para, label, content, "q", _named(an, asker, written), False)
    return None


def _name_words(written: str) -> list[str]:
    """The label's name, lower case, without its titles and bracketed party ("Sen. Ruth
    Vance (D-Ore.)" → ruth, vance)."""
    words = [w.rstrip(".").lower() for w in _PARTY.sub("", written).split()]
    while len(words) > 1 and (words[0] in TITLE_WORDS or words[0] in HONORIFICS):
        words = words[1:]
    return words


def _in_label(pos: int, labels: list[tuple[int, Span, Span]]) -> bool:
    return any(a <= pos < b for _, (a, b), _ in labels)


def _person(
    an: Analysis, written: str, at: int, named_at: dict[int, list[int]]
) -> tuple[int | None, bool]:
    """The person a label names (its words all in the person's name, the last one the
    family name), preferring one the running text names; and whether the running text
    named them before the label. Two people who fit make the label nobody's."""
    words = _name_words(written)
    if not words:
        return None, False
    fits: list[tuple[int, bool, bool]] = []  # (identity, named in the text, named before)
    for i, ident in enumerate(an.identities):
        if ident.kind is not EntityKind.PERSON:
            continue
        tokens = [t.lower() for t in ident.name.split()]
        if not tokens or tokens[-1] != words[-1] or not set(words) <= set(tokens):
            continue
        in_text = named_at.get(i, [])
        fits.append((i, bool(in_text), any(s < at for s in in_text)))
    named = [f for f in fits if f[1]] or fits
    if len(named) != 1:
        return None, False
    return named[0][0], named[0][2]


def _outlet(an: Analysis, written: str, at: int, labels: list[tuple[int, Span, Span]]) -> bool:
    """The label is an organisation the running text named before it ("The Harbour Times"
    after "spoke to the Harbour Times"): the outlet asking the questions."""
    words = [w for w in _name_words(written) if w != "the"]
    for k, m in enumerate(an.mentions):
        if m.start >= at or _in_label(m.start, labels) or an.kind_of(k) is not EntityKind.ORG:
            continue
        if [w.lower() for w in m.name.split() if w.lower() != "the"] == words:
            return True
    return False


def _interviewer(an: Analysis, first: int) -> int | None:
    """The one journalist the text before the first label names (by a title: "CNN host
    Jake Tapper", "reporter Ann Lee"); ``None`` when there are none or several."""
    found = {
        an.owner[k]
        for k in an.mentions_in(0, first)
        if an.owner[k] >= 0 and an.kind_of(k) is EntityKind.PERSON and _journalist(an, k)
    }
    return found.pop() if len(found) == 1 else None


def _journalist(an: Analysis, k: int) -> bool:
    """Mention ``k`` is written with a journalist's title, in its own title or as the
    word right before it ("Harbour Times reporter Tom Pole")."""
    mention = an.mentions[k]
    before = an.text[max(0, mention.start - 40) : mention.start].split()[-1:]
    words = {w.lower().strip(".,") for w in [*mention.title.split(), *before]}
    return bool(words & _JOURNALIST_TITLES)


def _interviewee(an: Analysis, first: int, asker: int | None) -> int | None:
    """Who answers an "A:": the person the headline's "Q&A with …" names, else the person
    the text before the first label names most often (the first of them on a tie)."""
    named = interviewee(an)
    if named is not None:
        return named
    counts: dict[int, int] = {}
    for k in an.mentions_in(0, first):
        owner = an.owner[k]
        if owner >= 0 and owner != asker and an.kind_of(k) is EntityKind.PERSON:
            counts[owner] = counts.get(owner, 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    return next(o for o, c in counts.items() if c == top)


def _named(an: Analysis, owner: int | None, written: str) -> Speaker | None:
    if owner is None:
        return None
    ident = an.identities[owner]
    return Speaker(ident.name, owner, ident.titles[0] if ident.titles else None, written)


def _stage_direction(an: Analysis, para: int) -> bool:
    """ "(BEGIN VIDEO CLIP)", "[CROSSTALK]", "…": a line of the transcript nobody says."""
    start, end = an.paragraphs[para]
    chunk = an.text[start:end].strip()
    return (chunk[:1] in "([" and chunk[-2:].strip(".")[-1:] in ")]") or not _LETTER.search(chunk)


def _runs(an: Analysis, labelled: list[_Labelled]) -> list[list[_Labelled]]:
    """Labelled paragraphs grouped into dialogues: each one follows the one before it with
    at most two paragraphs between (stage directions not counted). A group is kept when two
    of its labels stand in a row and name two speakers, or when it is one paragraph naming a
    person the text named before, right after a paragraph that announces it."""
    groups: list[list[_Labelled]] = []
    for lab in labelled:
        if groups and _gap(an, groups[-1][-1].para, lab.para) <= 2:
            groups[-1].append(lab)
        else:
            groups.append([lab])
    runs = []
    for group in groups:
        if len(group) == 1:
            if group[0].named_before and _announced(an, group[0].para):
                runs.append(group)
            continue
        in_row = any(_gap(an, a.para, b.para) == 0 for a, b in pairwise(group))
        if in_row and len({lab.key for lab in group}) >= 2:
            runs.append(group)
    return runs


def _gap(an: Analysis, a: int, b: int) -> int:
    """Paragraphs between ``a`` and ``b`` that are not stage directions."""
    return sum(1 for p in range(a + 1, b) if not _stage_direction(an, p))


def _announced(an: Analysis, para: int) -> bool:
    """The paragraph before ``para`` ends in a colon or speaks of a transcript, excerpts or
    an interview."""
    if para == 0:
        return False
    start, end = an.paragraphs[para - 1]
    chunk = an.text[start:end].rstrip()
    return chunk.endswith(":") or _ANNOUNCES.search(chunk) is not None


def _turns_of(an: Analysis, run: list[_Labelled]) -> list[Turn]:
    """Each labelled paragraph of a dialogue as a turn, with the paragraphs up to the next
    label (stage directions left out); the last turn ends with its own paragraph."""
    out = []
    for lab, nxt in zip(run, [*run[1:], None], strict=True):
        parts = [_words(an, lab.content)]
        if nxt is not None:
            between = [p for p in range(lab.para + 1, nxt.para) if not _stage_direction(an, p)]
            if all(_first_person(an, p) for p in between):
                parts.extend(an.paragraphs[p] for p in between)
        out.append(Turn(lab.label, tuple(parts), lab.speaker))
    return out


def _first_person(an: Analysis, para: int) -> bool:
    """The paragraph speaks as "I" or "we" (outside any quotation in it), as a speaker
    going on does; the writer's own comment between two turns ("What ever happened to her
    mantra?") does not, nor does a "we" only in words the paragraph quotes."""
    start, end = an.paragraphs[para]
    return any(not an.in_quote(m.start()) for m in _FIRST_PERSON.finditer(an.text, start, end))


def _words(an: Analysis, content: Span) -> Span:
    """The turn's words: inside the marks when a quotation is all of them ("A: “Yes.”")."""
    start, end = content
    for q in an.quotes:
        if q.start == start and q.end >= len(an.text[:end].rstrip()) and len(q.parts) == 1:
            return q.parts[0]
    return content
