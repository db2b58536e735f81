"""A trailer that goes on to a second act: the quotation after it is a statement of its own.

    “Tell them I called,” Ruiz said, and her brother broke in. “Don’t forget the boat.”
    “We have work to do,” Vale told the crowd, then turned to her rival. “But not his work.”

A bare quotation right after a whole quotation's sentence usually goes on with its words
(``continued_quotes``). When the trailer does not stop at its cue but goes on, after a
comma, to another act, the next quotation follows that act, not the first quotation: with a
subject of its own ("and her brother broke in") the new quotation is that subject's; with
none ("then turned to her rival") it is the same speaker speaking again, a new statement a
reader (and PolNeAR's annotators) take apart from the first. :func:`second_act` reads the
sentence before the bare quotation; ``statements.attribute`` uses it instead of joining.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import _IRREGULAR_PAST, Sentence, Span


@dataclass(frozen=True, slots=True)
class SecondAct:
    """The act a trailer goes on to: its verb, and its own subject when it has one."""

    verb: Span
    subject: Span | None


# After the quotation: the trailer up to its first comma, then ", then <verb>" or ", and
# then <verb>" (no subject of its own), or ", and <subject> <verb>" with a subject that is
# a name or a noun after a determiner ("and her husband cut in", "and Okafor agreed").
_TRAILER = r"[,!?]?[”\"']*\s+(?P<trailer>[^,.;:“”\"]{2,60}?),\s+"
_THEN = re.compile(_TRAILER + r"(?:and\s+)?then\s+(?P<verb>[a-z]+)\b[^.;:“”\"]*[.!?]?\s*$")
_SUBJECT = re.compile(
    _TRAILER
    + r"and\s+(?P<subject>(?:(?:his|her|their|the|a|an)\s+[a-z]+)"
    + r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    + r"\s+(?P<verb>[a-z]+)(?P<particle>\s+in)?\b[^.;:“”\"]*[.!?]?\s*$"
)


def second_act(text: str, s: Sentence) -> SecondAct | None:
    """The second act the trailer after the last quotation of ``s`` goes on to, or
    ``None`` (no quotation, a trailer that ends at its cue, an "and" that goes on with the
    reported words: "he said, and are steering away from …")."""
    if not s.quotes:
        return None
    at = s.quotes[-1].end
    tail = text[at : s.end]
    for pattern in (_THEN, _SUBJECT):
        m = pattern.match(tail)
        if m is None or not _has_cue(m.group("trailer")) or not _past(m.group("verb")):
            continue
        verb = (at + m.start("verb"), at + m.end("verb"))
        if pattern is _THEN:
            return SecondAct(verb, None)
        if not _speaks(m.group("verb"), m.group("particle") is not None):
            continue  # "…,” Ruiz said, and the crowd cheered. “…”: still Ruiz speaking
        subject = (at + m.start("subject"), at + m.end("subject"))
        return SecondAct(verb, subject)
    return None


def _speaks(verb: str, particle: bool) -> bool:
    """ "and Okafor replied", "and her brother broke in": an act of speaking, after which
    the next quotation is the new subject's. "and the crowd cheered" is not one."""
    return verb in lx.CUE_WORDS or (particle and verb in _BREAK_IN)


def _has_cue(trailer: str) -> bool:
    """ "Ruiz said", "she told the crowd": the first part names the first act's cue."""
    return any(w.lower() in lx.CUE_WORDS for w in trailer.split())


def _past(verb: str) -> bool:
    """ "broke", "turned", "cut": the writer's past tense, the narration going on."""
    return verb.endswith("ed") or verb in _IRREGULAR_PAST or verb in _MORE_PAST


# Past forms of verbs of breaking in, beside ``spans._IRREGULAR_PAST``.
_MORE_PAST = lx.words_of("cut broke")

# "cut in", "broke in", "chimed in": a verb of interrupting with "in" is speaking.
_BREAK_IN = lx.words_of("cut broke chimed jumped butted")
