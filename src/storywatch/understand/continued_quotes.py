"""Which statement a quotation goes on with, across sentence and paragraph breaks.

    “…,” Milley said. “That is not what’s happening.”
    “…” He added, “…”
    “It's an enormous moment,” said Steve Schmidt. Unless rivals quit, “it's very difficult …”
    Carter said that … would not happen. “That’s because this region …”

A quotation often names no speaker of its own: it continues the words of the statement
just before it. These helpers find that statement (the last quotation, past a paraphrase
split off after it or a second act with a partial quotation of its own) and extend it, one
act of speech for PolNeAR's annotators and a break between quotations for a reader
(:class:`~storywatch.understand.attributed.Attributed`); the resumed tag is read by
:mod:`~storywatch.understand.resumed` and the carried-over paragraph by
:mod:`~storywatch.understand.carried`. Only
:func:`~storywatch.understand.statements.attribute` calls them, in its pass over sentences.
"""

from __future__ import annotations

from dataclasses import replace

from storywatch.understand.analysis import Analysis
from storywatch.understand.attributed import Attributed
from storywatch.understand.carried import carried_head
from storywatch.understand.quotes_alone import labelled_quote_before
from storywatch.understand.resumed import resumes_quotation
from storywatch.understand.spans import Found, Sentence, Span, is_title_quote
from storywatch.understand.speakers import History, resolve
from storywatch.understand.text import Quote


def _last_quoted(out: list[Attributed]) -> Attributed | None:
    """The statement a bare quotation may continue: the last one, or the last quotation of
    the same sentence when a paraphrase was split off after it ("“…,” said Elizabeth Arnold,
    a former staff member who said she planned to demonstrate. “I personally …”")."""
    if not out:
        return None
    last = out[-1]
    if last.direct:
        return last
    for item in reversed(out[:-1]):
        if item.sentence != last.sentence:
            break
        if item.direct:
            return item
    return last


def quotation_continued(text: str, out: list[Attributed], para: int = -1) -> Attributed | None:
    """The statement a bare quotation continues (:func:`_last_quoted`), except after a
    whole quotation whose trailer set a second act with a partial quotation of its own
    against it ("“Everything is on the table,” Carson said after hinting that “staff
    changes” could come. “Every single thing …”"): the next quotation goes on with the
    speaker's own words, not with the clause that act reported; and after an added act
    (:func:`added_act`), which the next quotation goes on."""
    added = added_act(out, para)
    if added is not None:
        return added
    last = _last_quoted(out)
    if last is None or not last.direct or _whole_quote(text, last.parts[0]):
        return last
    for item in reversed(out[:-1]):
        if item.sentence != last.sentence:
            break
        if (
            item.direct
            and _whole_quote(text, item.parts[0])
            and item.parts[0][1] < last.parts[0][0]
        ):
            return item
    return last


# Participles that announce more words of the same speaker ("…, adding that …").
_ANNOUNCING = frozenset(("adding", "explaining"))


def added_act(out: list[Attributed], para: int) -> Attributed | None:
    """ "“…,” Okafor said, adding that the budget was late. “We will fight for it.”": the
    quotation right after a trailer's "adding" or "explaining" act, in the same paragraph, is
    what was added (the participle announces more words), so it goes on that act, not the
    first quotation.
    Other participles ("…,” Ruiz said, referring to the pier. “…”") only gloss the first
    act, whose words the next quotation continues."""
    if len(out) < 2 or para < 0:
        return None
    last = out[-1]
    if last.direct or last.paragraph != para or (last.cue or "").lower() not in _ANNOUNCING:
        return None
    before = out[-2]
    if not before.direct or before.sentence != last.sentence:
        return None
    return last


# Participles that open a sentence alone to give the last speaker's next words ("Adding, “…”").
_FRAGMENT_CUES = frozenset(("adding", "continuing", "concluding"))


def added_fragment(
    an: Analysis, s: Sentence, out: list[Attributed], para: int
) -> Attributed | None:
    """ "Later, Okafor said that the report “was not good.” Adding, “Now, …”": a sentence
    that is only a participle announcing more words, a comma or colon and a quotation is
    the last speaker's next act (their statement in the sentence just before, in this
    paragraph or the one before), with the participle as its cue. Read as a name, the
    participle would speak itself ("Adding: “…”")."""
    text = an.text
    if not s.quotes or len(s.words) < 2 or not out:
        return None
    lead, quote = s.words[0], s.quotes[0]
    if lead.start != s.start or lead.text.lower() not in _FRAGMENT_CUES:
        return None
    if text[lead.end : quote.start].strip(" \u00a0") not in (",", ":"):
        return None
    if text[quote.end : s.end].strip(" .\n") or len(s.quotes) > 1:
        return None
    prev = _last_quoted(out)
    if prev is None or prev.sentence != s.index - 1 or not 0 <= para - prev.paragraph <= 1:
        return None
    return Attributed(
        list(quote.parts), True, prev.speaker, prev.speaker_span, lead.text, s.index, para
    )


def add_quotation(prev: Attributed, parts: list[Span], sentence: int) -> None:
    """The added act's clause and the quotation after it are one direct statement."""
    prev.breaks.append(len(prev.parts))
    prev.parts.extend(parts)
    prev.direct = True
    prev.sentence = sentence


def continuing(prev: Attributed, parts: list[Span], sentence: int, para: int) -> Attributed:
    """A quotation of its own that continues ``prev``'s speaker: the same speaker, cue and
    speaker mention (where that speaker was written)."""
    return Attributed(parts, True, prev.speaker, prev.speaker_span, prev.cue, sentence, para)


def resume(
    an: Analysis, s: Sentence, found: Found, out: list[Attributed], para: int, history: History
) -> bool:
    """ "“….” He added, “…”": the tag sentence resumes the whole quotation of the sentence
    just before (`resumed.py`); its quotation goes on that statement, as a bare one would."""
    prev = _last_quoted(out)
    if prev is None or not prev.direct or prev.sentence != s.index - 1 or prev.paragraph != para:
        return False
    if not resumes_quotation(an.text, s, found, prev.parts[-1]):
        return False
    if not _same_speaker(an, found, prev, history):
        return False
    prev.breaks.append(len(prev.parts))
    prev.parts.extend(found.parts)
    prev.sentence = s.index
    return True


def _same_speaker(an: Analysis, found: Found, prev: Attributed, history: History) -> bool:
    """The tag names the speaker of ``prev``: a pronoun (right after the quotation it can
    only be its speaker) or a name that resolves to the same person ("“…” Mr. Lee added,
    “…”" after Ms. Park's words is Mr. Lee speaking, not Ms. Park going on)."""
    if found.speaker is None:
        return False
    written = an.text[found.speaker[0] : found.speaker[1]].lower()
    if written in ("he", "she"):
        return True
    ident = resolve(an, found.speaker, history).identity
    return ident >= 0 and ident == prev.speaker.identity


def carry_head(an: Analysis, found: Found, out: list[Attributed]) -> Found:
    """ "“…,” Ruiz said. “Nobody has mended it.⏎“We will not wait,” she said.": the first
    paragraph's words of a carried-over quotation go on the statement before them."""
    if len(found.parts) < 2 or found.cue is None:
        return found  # most readings: one part, nothing carried over (see carried_head)
    prev = _last_quoted(out)
    if prev is None or not prev.direct:
        return found
    head = carried_head(an, found, prev.sentence, prev.paragraph)
    if not head:
        return found
    prev.breaks.append(len(prev.parts))
    prev.parts.extend(found.parts[:head])
    prev.sentence = found.sentence
    return replace(found, parts=found.parts[head:])


def run_on(an: Analysis, s: Sentence, out: list[Attributed], para: int) -> None:
    """ "“It's an enormous moment,” said Steve Schmidt, a strategist. Unless rivals quit,
    “it's very difficult to see how he is stopped.”": a sentence with a quotation that nothing
    attributes, right after a whole quotation in the same paragraph, goes on with it (from the
    sentence start to its last quotation), as the annotators and readers take it."""
    text = an.text
    prev = _last_quoted(out)
    if prev is None or not prev.direct or prev.sentence != s.index - 1:
        return
    if prev.paragraph != para:
        return
    if not _whole_quote(text, prev.parts[0]) or _labelled_in_narration(an, prev):
        return
    quotes = [q for q in s.quotes if not is_title_quote(text, q)]
    if not quotes or all(_scare_quote(text, q) for q in quotes):
        return
    end = quotes[-1].end
    while end > s.start and text[end - 1] in "”\"'’":
        end -= 1
    start = s.start
    while start < end and text[start] in " “\"'‘":
        start += 1
    prev.breaks.append(len(prev.parts))
    prev.parts.append((start, end))
    prev.sentence = s.index


def _scare_quote(text: str, q: Quote) -> bool:
    """A word or two in quotation marks opening in lowercase ("the “us” of his slogan"):
    the writer borrowing a term, not the speaker going on."""
    words = text[q.start : q.end].strip(" “”\"'‘’").split()
    return len(words) <= 2 and words[0][:1].islower() if words else True


def _labelled_in_narration(an: Analysis, prev: Attributed) -> bool:
    """ "Obama ended his list by saying “Too many.” The crowd echoed “too many.”": a
    quotation the writer labelled inside narration (``quotes_alone.labelled_quote``) is not
    followed by more of the speaker's words; the next sentence is the writer's again."""
    opening = an.sentences[prev.sentence].start
    lead = an.text[opening : prev.parts[0][0]]
    return len(lead.split()) > 2 and labelled_quote_before(lead)


def _whole_quote(text: str, part: Span) -> bool:
    return part[0] > 0 and text[part[0] - 1] in "“\"'‘"
