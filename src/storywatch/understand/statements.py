"""Statements (U2): direct quotations and attributed paraphrases with resolved speakers.

:func:`attribute` walks the sentences in order, because resolution depends on what came
before: "he added" is whoever spoke last, a bare quotation paragraph continues the previous
speaker (:mod:`~storywatch.understand.continued_quotes`), and "X said:" at the end of a
paragraph introduces the quotation that follows. Each sentence's reading
(:mod:`~storywatch.understand.attribution`, then the broader readers) may also yield a
participle phrase that opens the sentence as a statement of its own
(:mod:`~storywatch.understand.leading`) and give the first paragraph of a carried-over
quotation to the statement before it (:mod:`~storywatch.understand.carried`); a quotation no
cue introduced is kept only with a named speaker (:func:`_named_fallback`).

A statement is ``direct`` when its content holds the speaker's own words in quotation marks:
a whole quotation (its text is the words inside the marks, the parts of a quotation split
by its attribution joined with a space) or a reported clause with a partial quotation (its
text is the clause as written, marks included, so a reader sees which words are verbatim).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from storywatch.model import Statement
from storywatch.understand.analysis import Analysis, analyse
from storywatch.understand.attributed import Attributed
from storywatch.understand.attribution import (
    _cue_led_pass,
    bare_quote,
    find_in_sentence,
    paraphrase_before_relative,
)
from storywatch.understand.broad import broad_before_act, broad_cue_led, verb_then_quote
from storywatch.understand.carriers import carried_words
from storywatch.understand.clause_ends import clip_clause, cue_in_scene
from storywatch.understand.clause_pairs import main_clause_act, other_clause_act
from storywatch.understand.clause_speakers import is_clause
from storywatch.understand.continued_quotes import (
    add_quotation,
    added_act,
    added_fragment,
    carry_head,
    continuing,
    quotation_continued,
    resume,
    run_on,
)
from storywatch.understand.coordinated import earlier_acts, opening_verb_act
from storywatch.understand.crowds import crowd_words
from storywatch.understand.fallback import quote_fallback
from storywatch.understand.followups import acts_after, split_followups
from storywatch.understand.joint_speakers import joint_parts, joint_speaker
from storywatch.understand.lead_ins import colon_led, lead_in_before
from storywatch.understand.leading import (
    leading_participle,
    leading_participle_alone,
    phrase_read_as_trailer,
)
from storywatch.understand.long_quotes import long_quote_led
from storywatch.understand.naming import with_naming
from storywatch.understand.negations import cue_start
from storywatch.understand.nothing_reported import reports_nothing
from storywatch.understand.paraphrase_ends import paraphrase_end
from storywatch.understand.poll_shares import poll_share_led
from storywatch.understand.questions import asked_by
from storywatch.understand.quotes_alone import quote_alone
from storywatch.understand.relative_acts import relative_acts_beside
from storywatch.understand.shapes import announcement, colon_announcement, credit_line
from storywatch.understand.spans import (
    Found,
    Sentence,
    _has_quote,
    parts_overlap,
)
from storywatch.understand.speaker_spans import speaker_span
from storywatch.understand.speakers import History, Speaker, resolve
from storywatch.understand.speech_nouns import speech_noun_led
from storywatch.understand.speech_topics import spoke_about
from storywatch.understand.titled_works import titled_work
from storywatch.understand.trailer_acts import SecondAct, second_act
from storywatch.understand.transcripts import Turn, transcript_turns
from storywatch.understand.unopened import unopened_quote

Span = tuple[int, int]


def attribute(an: Analysis) -> list[Attributed]:
    """Every statement of the article, in order, before freezing."""
    text = an.text
    history = History([])
    out: list[Attributed] = []
    pending: Attributed | None = None  # "X said:" waiting for its quotation
    skip = -1  # a sentence already read as the trailer of the quotation before it
    for s in an.sentences:
        para = an.paragraph_of(s.start)
        if s.index == skip:
            continue
        fragment = added_fragment(an, s, out, para)
        if fragment is not None:
            out.append(fragment)  # "… “was not good.” Adding, “Now, …”"
            history.said.append((s.start, fragment.speaker.identity, para))
            pending = None
            continue
        found = find_in_sentence(text, s)
        if found is not None:
            found = broad_before_act(text, s, found) or found
        if found is not None and cue_in_scene(text, s, found):
            # The quotation is the main clause's: a naming verb or a cue there reads it.
            found = with_naming(text, s, None) or main_clause_act(text, s, found, _cue_led_pass)
        if found is None and s.quotes:
            found = (
                broad_cue_led(text, s)
                or verb_then_quote(text, s)
                or leading_participle_alone(text, s)
                or crowd_words(text, s)
                or poll_share_led(text, s)
                or spoke_about(text, s)
                or asked_by(text, s)
                or carried_words(text, s)
            )
            if found is not None and cue_in_scene(text, s, found):
                # "When the captain realized help was not coming, he “just left”": a
                # broad cue in the scene-setting clause reports none of the main clause.
                found = None
        if found is not None and found.parts and resume(an, s, found, out, para, history):
            pending = None
            continue
        if found is not None and found.parts and phrase_read_as_trailer(text, s, found):
            found = leading_participle_alone(text, s) or found
        if found is not None and found.parts:
            found = carry_head(an, found, out)
            lead = leading_participle(text, s, found)
            if lead is not None:
                out.append(_make(an, lead, history, para))
            question = asked_by(text, s)
            if question is not None and not parts_overlap(question.parts, found.parts):
                # "Asked by X whether …, Lee said …": the question is X's own act.
                out.append(_make(an, question, history, para))
            out.extend(_make(an, act, history, para) for act in earlier_acts(text, s, found))
            before = paraphrase_before_relative(text, s, found)
            if before is not None:
                out.append(_make(an, _clip_paraphrase(text, before), history, para))
            other = other_clause_act(text, s, found, _clause_reader)
            acts = split_followups(text, s, found)
            if other is not None and not _overlaps_any(other, out, s.index):
                # The other clause read with its own subject: a follow-up the first act's
                # speaker was given across the clause boundary is that clause's act.
                first = _before_other_clause(text, acts[0], other)
                kept = [first, *(f for f in acts[1:] if not parts_overlap(f.parts, other.parts))]
                acts = sorted([*kept, other], key=lambda f: f.parts[0][0])
            acts = [_clip_paraphrase(text, clip_clause(text, s, f)) for f in acts]
            opening = opening_verb_act(text, s, found)
            if (
                opening is not None
                and not any(parts_overlap(opening.parts, f.parts) for f in acts)
                and not _overlaps_any(opening, out, s.index)
            ):
                acts.insert(0, opening)
            beside = relative_acts_beside(text, s, acts)
            if beside:
                acts = sorted([*acts, *beside], key=lambda f: f.parts[0][0])
            for f in acts:
                item = _make(an, f, history, para)
                _split_that_clauses(text, item)
                out.append(item)
                history.said.append((s.start, item.speaker.identity, para))
                _remember_unnamed(history, s.start, item.speaker)
            pending = None
            continue
        if found is not None:
            pending = _make(an, found, history, para)
            continue
        credit = _credit(an, s, para)
        if credit is not None:
            parts = [p for q in s.quotes for p in q.parts]
            item = _make(an, Found(tuple(parts), True, credit, None, s.index), history, para)
            out.append(item)
            history.said.append((s.start, item.speaker.identity, para))
            pending = None
            continue
        if not bare_quote(text, s):
            pending = None
            announced = announcement(text, s) or colon_announcement(text, s)
            if announced is not None:
                pending = _make(an, announced, history, para)
                continue
            named = _named_fallback(an, s, history, para)
            if named:
                out.extend(named)
                history.said.extend((s.start, item.speaker.identity, para) for item in named)
                continue
            if s.quotes:
                run_on(an, s, out, para)
            continue
        parts = [p for q in s.quotes for p in q.parts]
        trailer = _trailer_sentence(an, s, para)
        if trailer is not None:
            # "“… 30,000 emails that are missing.” Trump said.": the full stop inside the
            # marks split the attribution off into a sentence of its own.
            item = _make(
                an, Found(tuple(parts), True, trailer.speaker, trailer.cue, s.index), history, para
            )
            item.sentence = s.index + 1  # a quotation after the trailer goes on with it
            out.append(item)
            history.said.append((s.start, item.speaker.identity, para))
            pending = None
            skip = s.index + 1
            continue
        if pending is not None and pending.sentence == s.index - 1:
            pending.parts = parts
            pending.sentence = s.index
            out.append(pending)
            history.said.append((s.start, pending.speaker.identity, para))
            pending = None
            continue
        prev = quotation_continued(an.text, out, para)
        lead_in = _lead_in(an, s, para, prev, history)
        if lead_in is not None:
            out.append(lead_in)
            history.said.append((s.start, lead_in.speaker.identity, para))
            continue
        if prev is None:
            continue
        if prev is added_act(out, para) and prev.sentence == s.index - 1:
            add_quotation(prev, parts, s.index)  # "…,” Okafor said, adding that …. “…”"
            continue
        if not prev.direct:
            # "Carter said that … would not happen." then "“That’s because this region …”":
            # the quotation right after a paraphrase is its speaker's own words.
            if prev.sentence == s.index - 1 and para - prev.paragraph <= 1:
                item = continuing(prev, parts, s.index, para)
                out.append(item)
                history.said.append((s.start, item.speaker.identity, para))
            continue
        if prev.sentence != s.index - 1:
            # A quotation paragraph a little after the speaker's last words, with only
            # narration between: still theirs ("he points out" is often left unsaid).
            if para - prev.paragraph <= 2 and prev.paragraph != para and _opens_paragraph(an, s):
                out.append(continuing(prev, parts, s.index, para))
            continue
        act = second_act(text, an.sentences[s.index - 1])
        if act is not None:
            # "“…,” Ruiz said, and her brother broke in. “…”": the quotation follows the
            # trailer's second act, a statement of its own (:mod:`trailer_acts`).
            item = _after_second_act(an, act, prev, parts, s.index, history, para)
            out.append(item)
            history.said.append((s.start, item.speaker.identity, para))
            continue
        prev.breaks.append(len(prev.parts))
        prev.parts.extend(parts)
        prev.sentence = s.index
        prev.paragraph = para
    _add_late(an, out, history, colon_led, named_only=True)
    if "titled" in text or "headlined" in text:
        _add_late(an, out, history, titled_work)
    turns = transcript_turns(an)
    if turns:
        out = _with_turns(an, out, turns)
    # Left out only now: a paraphrase read in the loop still lets the quotation after it
    # continue its speaker's words, and the speakers after it resolve as they did. A
    # paraphrase credited to a clause ("it withheld emails") is a misreading too.
    return [
        a
        for a in out
        if a.direct
        or not (reports_nothing(an, a) or (a.speaker_span and is_clause(an.text, a.speaker_span)))
    ]


def _add_late(
    an: Analysis,
    out: list[Attributed],
    history: History,
    read: Callable[[str, Sentence, list[Span]], Found | None],
    named_only: bool = False,
) -> None:
    """Quotations no reading took, read by ``read`` once every sentence has been, so they
    never take words a cue or a layout gave to someone else; each placed after the
    statements of sentences before it (with ``named_only``, kept only with a named
    speaker). The readers: a quotation after a colon closing a sentence that opens with a
    name (`lead_ins.colon_led`), and the title a message was given ("a memo titled “…”",
    :mod:`titled_works`)."""
    claimed = [p for a in out for p in a.parts]
    for s in an.sentences:
        found = read(an.text, s, claimed)
        if found is None:
            continue
        item = _make(an, found, history, an.paragraph_of(s.start))
        if named_only and item.speaker.identity < 0:
            continue
        at = next((i for i, a in enumerate(out) if a.sentence > s.index), len(out))
        out.insert(at, item)


def _with_turns(an: Analysis, out: list[Attributed], turns: list[Turn]) -> list[Attributed]:
    """The turns of a transcript (:mod:`~storywatch.understand.transcripts`) as direct
    statements of their speakers, in article order. A statement read from a turn's label
    ("LOPEZ: “…”" as a headline's colon) or repeating the turn's words for the same speaker
    gives way to it; what the speaker reports inside the turn ("I think …", another
    person's quoted words) stays."""
    kept = [a for a in out if not any(_within_turn(a, t) for t in turns)]
    for turn in turns:
        if turn.speaker is None:
            continue
        start = turn.parts[0][0]
        sentence = an.sentence_of(start)
        item = Attributed(
            list(turn.parts),
            True,
            turn.speaker,
            turn.label,
            None,
            sentence,
            an.paragraph_of(start),
            list(range(1, len(turn.parts))),
        )
        at = next((i for i, a in enumerate(kept) if a.parts and a.parts[0][0] > start), len(kept))
        kept.insert(at, item)
    return kept


def _within_turn(item: Attributed, turn: Turn) -> bool:
    """``item`` read the turn's label as its speaker, or is the turn's own words again:
    direct, inside the turn and said by the turn's speaker."""
    said_by = item.speaker_span
    if said_by is not None and turn.label[0] <= said_by[0] < turn.label[1]:
        return True
    if not item.direct or turn.speaker is None or item.speaker.identity != turn.speaker.identity:
        return False
    return all(any(a <= s and e <= b for a, b in turn.parts) for s, e in item.parts)


def _before_other_clause(text: str, found: Found, other: Found) -> Found:
    """``found`` ended before the clause that holds ``other``, the act read in the
    sentence's other clause: "In what Okafor called a “rough week” for the port, Ruiz said
    …" — the naming runs to the comma that closes its opening phrase, and the main
    clause's speaker and words are not part of it."""
    if other.speaker is None or not found.parts:
        return found
    a, b = found.parts[-1]
    cut = other.speaker[0]
    if not a < cut < b:
        return found
    end = len(text[:cut].rstrip(" ,"))
    return replace(found, parts=(*found.parts[:-1], (a, end))) if end > a else found


def _clip_paraphrase(text: str, found: Found) -> Found:
    """A paraphrase ends where the writer takes over
    (:func:`~storywatch.understand.paraphrase_ends.paraphrase_end`); quotations are
    clipped by ``clip_clause`` (and one that lost its opening mark is one)."""
    found = unopened_quote(text, found)
    if found.direct or len(found.parts) != 1:
        return found
    a, b = found.parts[0]
    # "Lee, the aide, said A, according to the AP.": the outer source reports the whole
    # clause, the attribution inside with it.
    outer = found.cue is not None and text[found.cue[0] : found.cue[1]].lower() == "according to"
    end = paraphrase_end(text, a, b, outer)
    if end == b:
        return found
    return replace(found, parts=((a, len(text[:end].rstrip(" ,"))),))


def _named_fallback(an: Analysis, s: Sentence, history: History, para: int) -> list[Attributed]:
    """A quotation no cue introduced, read by the weaker shapes in turn (subject and verb,
    a long quotation any verb governs, an owned noun of speech): without a cue verb, only a
    speaker resolved to a named identity makes it a statement. A second act hung on it after
    what it read ("…, advising graduates to “…,” and telling the class, “…”") is the
    speaker's too."""
    if not s.quotes:
        return []
    text = an.text
    for read in (quote_fallback, long_quote_led, speech_noun_led):
        found = read(text, s)
        if found is None:
            continue
        found = quote_alone(text, s, found)
        if read is quote_fallback:
            # Its content runs to the sentence's end: a second act cuts it there ("played
            # down the remarks as “…” and reportedly argued that …").
            first = split_followups(text, s, found)[0]
            if first.parts and _has_quote(s.quotes, first.parts[0][0], first.parts[-1][1]):
                found = first
        item = _make(an, found, history, para)
        if item.speaker.identity >= 0:
            later = (
                _clip_paraphrase(text, clip_clause(text, s, f)) for f in acts_after(text, s, found)
            )
            return [item, *(_make(an, f, history, para) for f in later)]
    return []


def _clause_reader(text: str, s: Sentence) -> Found | None:
    """A clause of a two-clause sentence read as a sentence: by its cue, else by its
    subject and verb ("…, Santilli expressed a desire to “try, convict and …”")."""
    return find_in_sentence(text, s) or quote_fallback(text, s)


def _lead_in(
    an: Analysis, s: Sentence, para: int, prev: Attributed | None, history: History
) -> Attributed | None:
    """A quotation standing alone right after "Name <verb> …." (in its paragraph or closing
    the one before), when no statement was read from that sentence (`lead_ins.py`); kept
    only when the name resolves to a named identity."""
    if s.index == 0 or (prev is not None and prev.sentence >= s.index - 1):
        return None
    before = an.sentences[s.index - 1]
    if an.paragraph_of(before.start) not in (para, para - 1):
        return None
    found = lead_in_before(an.text, before, s)
    if found is None:
        return None
    item = _make(an, found, history, para)
    return item if item.speaker.identity >= 0 else None


def _overlaps_any(found: Found, out: list[Attributed], sentence: int) -> bool:
    """A statement of the same sentence already holds some of ``found``'s words."""
    return any(parts_overlap(found.parts, item.parts) for item in out if item.sentence == sentence)


def _trailer_sentence(an: Analysis, s: Sentence, para: int) -> Found | None:
    """The next sentence when it is only a speaker and a cue ("Trump said.", "Mr. Olsen
    asked.") in the same paragraph, right after the quotation."""
    if s.index + 1 >= len(an.sentences):
        return None
    nxt = an.sentences[s.index + 1]
    if an.paragraph_of(nxt.start) != para or len(nxt.words) > 5:
        return None
    if an.text[s.end : nxt.start].strip():
        return None
    found = announcement(an.text, nxt)
    if found is None or found.cue is None:
        return None
    cue = an.text[found.cue[0] : found.cue[1]].lower()
    return found if cue in _TRAILING_CUES else None


# Cues that close the words before them. "agreed", "disagreed" and the like announce the
# quotation after them instead ("“…” Park agreed. “They always are.”").
_TRAILING_CUES = frozenset(
    ("said", "says", "wrote", "writes", "added", "explained", "asked", "asks", "replied")
)

_AND_THAT = re.compile(r",? and that ")


def _split_that_clauses(text: str, item: Attributed) -> None:
    """ "said that nine were hurt, and that three remain in hospital": two reported clauses,
    two statements for a reader (one act of speech for the PolNeAR scorer)."""
    if item.direct or len(item.parts) != 1:
        return
    a, b = item.parts[0]
    parts: list[Span] = []
    for m in _AND_THAT.finditer(text, a, b):
        if m.start() - a < 12 or b - m.end() < 12:
            continue
        parts.append((a, m.start()))
        a = m.end() - len("that ")
    if parts:
        item.parts = [*parts, (a, b)]
        item.breaks = list(range(1, len(item.parts)))


def _credit(an: Analysis, s: Sentence, para: int) -> Span | None:
    """The name credited for a quotation on a dash line ("“…” – Hillary Clinton.")."""
    if not s.quotes or an.text[s.start] not in "\"“'‘":
        return None
    nxt = an.paragraphs[para + 1] if para + 1 < len(an.paragraphs) else None
    if nxt is not None and an.paragraphs[para][1] > s.end:
        nxt = None
    return credit_line(an.text, s, nxt)


def _remember_unnamed(history: History, at: int, speaker: Speaker) -> None:
    low = speaker.name.lower()
    if speaker.identity < 0 and (speaker.joint or low.split()[:1] in (["the"], ["a"], ["an"])):
        history.unnamed.append((at, speaker.name, speaker.joint))


def _opens_paragraph(an: Analysis, s: Sentence) -> bool:
    return an.paragraph_starts[an.paragraph_of(s.start)] == s.start


def _after_second_act(
    an: Analysis,
    act: SecondAct,
    prev: Attributed,
    parts: list[Span],
    sentence: int,
    history: History,
    para: int,
) -> Attributed:
    """The statement of a quotation after a trailer's second act: that act's subject's
    ("and her brother broke in"), or ``prev``'s speaker's again ("then turned to …")."""
    if act.subject is None:
        return continuing(prev, parts, sentence, para)
    return _make(an, Found(tuple(parts), True, act.subject, act.verb, sentence), history, para)


def _make(an: Analysis, found: Found, history: History, para: int) -> Attributed:
    if found.speaker is not None:
        said_by = speaker_span(an, found, found.speaker)
        joint = joint_parts(an, said_by)
        if joint is not None:
            said_by = joint[0].span[0], joint[-1].span[1]  # "Okafor and Lee said"
        # built directly rather than by ``dataclasses.replace`` (which reads the fields by
        # name in Python): this runs for every statement of every article
        found = Found(
            found.parts, found.direct, said_by, found.cue, found.sentence, found.inherited
        )
        speaker = (
            resolve(an, said_by, history) if joint is None else joint_speaker(an, joint, history)
        )
    else:
        speaker = Speaker("", -1, None, "")
    cue = None
    if found.cue is not None:
        start = cue_start(an.text, found.cue[0])
        cue = " ".join(an.text[start : found.cue[1]].split())
    return Attributed(
        list(found.parts), found.direct, speaker, found.speaker, cue, found.sentence, para
    )


def extract_statements(text: str) -> list[Statement]:
    """Direct quotations and attributed paraphrases in ``text``, with resolved speakers."""
    an = analyse(text)
    return [st for a in attribute(an) for st in a.statements(an)]
