"""Where a cue's content lies: after the cue ("said that …", "said: “…”") or before it
("…, the source added.").

Both return a :class:`~storywatch.understand.spans.Found` with the content's parts, or
``None`` when the words on that side are not what was said (an object and adverbials
only, a listener, a long narrative tail). They are shared by the main attribution pass and
by the modules that try further shapes (:mod:`~storywatch.understand.broad`,
:mod:`~storywatch.understand.long_quotes`, :mod:`~storywatch.understand.poll_shares`), so
one reading of "said (that) …" serves them all.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import is_owned_role, is_role_chunk
from storywatch.understand.clause_ends import clause_before, clause_opened
from storywatch.understand.clauses import NOTHING, content_start, is_relative_that
from storywatch.understand.led_quotes import complete_utterance
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.partial_tails import cut_tail
from storywatch.understand.spans import (
    _INTRO_MAX_WORDS,
    COMMA_ENDS,
    Found,
    Sentence,
    Span,
    _closes_at,
    _has_quote,
    _trim,
    _words_between,
    is_title_quote,
    outside_quotes,
)
from storywatch.understand.text import Word
from storywatch.understand.works import content_ahead


def content_after(text: str, s: Sentence, k: int, lemma: str, speaker: Span) -> Found | None:
    """What ``speaker`` said after the cue ``s.words[k]``: a quotation introduced within a
    few words, the quotation a naming verb gives its object, or the reported clause up to
    the end of the sentence. ``None`` when only an object and adverbials follow, since
    then the content is elsewhere (before the cue, or in the next sentence)."""
    cue = s.words[k]
    rest = outside_quotes(s, k + 1)
    if other_sense(text, cue, rest, lemma):
        return None
    later = [q for q in s.quotes if q.start >= cue.end and not is_title_quote(text, q)]
    skip = _phrasal_words(text, cue, rest, lemma)
    verb_end = rest[skip - 1].end if skip else cue.end
    rest = rest[skip:]
    # A quotation introduced within a few words ("said in a statement:", "told CNN,").
    if later:
        q = later[0]
        lead = [w for w in rest if w.end <= q.start]
        lead_text = text[verb_end : q.start]
        if len(lead) <= _INTRO_MAX_WORDS + 8 and (
            not lead_text.strip()
            or lead_text.rstrip()[-1:] == ":"
            or (lead_text.rstrip()[-1:] == "," and not clause_before(text, cue, lead, lemma))
            or (lead[-1:] and lead[-1].text == "that")
        ):
            tail = text[q.end : s.end].strip(" .,;")
            participle = (
                text[q.end : q.end + 2].startswith(",") or text[q.end - 2 : q.end - 1] == ","
            )
            first_after = tail.split()[0] if tail else ""
            # "said that “the Hispanics” love him": after "that" the quotation opens the
            # clause, and the words after it finish it.
            verb_after = len(lead) == 1 and lead[0].text == "that" and not participle
            short = len(tail.split()) <= 2 and not (verb_after and first_after.islower())
            if not tail or short or (participle and first_after.endswith("ing")):
                parts = [p for qq in later for p in qq.parts] if len(later) > 1 else list(q.parts)
                at = next((n for n, w in enumerate(lead) if w.text == "that"), None)
                opened = at is not None and any(clause_opened(lead, n) for n in range(1, at))
                if at is not None and (_joins_inside(lead, at) or opened):
                    # "said the problems are so daunting that “we have got to …”", "says his
                    # crew is the only one that “has …”"
                    parts = [(lead[0].start, later[-1].end)]
                elif at is not None:
                    # "told the President that if he wants our guns, “come and take it.”"
                    parts = [(lead[at].start, later[-1].end)]
                return Found(tuple(parts), True, speaker, (cue.start, cue.end), s.index)
            if complete_utterance(text, q, lead_text) and len(later) == 1:
                # "told reporters, “The port will reopen,” before she walked out": the
                # quotation closes on its own punctuation, so the narration after it is the
                # writer's, and the listener before it is not what was said.
                return Found(tuple(q.parts), True, speaker, (cue.start, cue.end), s.index)
    named = later[0] if later else None
    if k and s.words[k - 1].text.lower() in lx.PERSONAL_PRONOUNS:
        # Right after "he calls" a quotation in Title Case is the name he gives, not a
        # work's title ("a podcast she calls “Harbor Talk”"); after a noun, "a podcast
        # called “Harbor Talk”" is the title.
        named = next((q for q in s.quotes if q.start >= verb_end), None)
    if (
        named is not None
        and lemma in lx.NAMING_LEMMAS
        and not text[verb_end : named.start].strip(" ,:")
    ):
        # "under what Ruiz called “the old port model,” the company …": the verb's object
        # came before it, so what was said is the quotation alone.
        return Found(named.parts, True, speaker, (cue.start, cue.end), s.index)
    # A reported clause: "said (that) …" up to the end of the sentence.
    if not rest and not later:
        return None
    # Where a verb with a fixed complement says its content starts ("accused X of", "called on").
    verb_start = _accused_of(rest) if lemma == "accuse" and not s.quotes else None
    if verb_start is None and lemma == "call":
        verb_start = _called_on(text, cue, rest)
    weak = lemma in lx.WEAK_CUES or lemma in lx.QUOTE_CUES
    if (
        weak
        and (not rest or rest[0].text != "that")
        and not later
        and verb_start is None
        and (s.quotes or not _urged_to(rest, lemma))
    ):
        return None
    before_quote = [w for w in rest if not later or w.end <= later[0].start]
    begin = content_start(text, verb_end, before_quote, lemma)
    if begin == NOTHING and not later:
        return None  # only an object and adverbials follow: the content is elsewhere
    start = verb_end
    if verb_start is not None:
        start = verb_start
    elif begin >= 0:
        start = begin
    else:
        for n, w in enumerate(rest[:14]):
            if clause_opened(rest, n):
                break  # "said there was clear evidence that …": the clause began at the cue
            if n and "," in text[rest[n - 1].end : w.start] and w.text.endswith("ing"):
                break  # "…, telling reporters that …": another act, not this content
            if n and "," in text[rest[n - 1].end : w.start] and _new_subject_link(rest, n):
                break  # "said fares would rise, but the mayor said that …": his "that"
            if later and w.start > later[0].start:
                break  # "said he was ''utterly ashamed'' that …": the clause began earlier
            if w.text == "that" and n and rest[n - 1].text.lower() in ("and", "but"):
                break  # "says he wishes …, but that his team “did everything”": one content
            if w.text == "that" and n > 1 and rest[n - 1].text.lower() in _THAT_NOUNS:
                break  # "said the governor's claim that it was “a fix” was “false”"
            if w.text == "that" and not (n and is_relative_that(rest, n)):
                start = w.start
                break
    start, end = _trim(text, start, s.end)
    # "called Trump “unhinged.”": two words are enough when one of them is quoted.
    least = 2 if later and later[0].start < end else 3
    if start >= end or len(_words_between(s, start, end)) < least:
        return None
    if text[start] in ",":
        return None
    direct = _has_quote(s.quotes, start, end, text)
    if end < len(text) and text[end] in '”"' and not direct:
        end += 1
    if direct:
        end = cut_tail(text, s.quotes, start, end)
    if direct and _closes_at(text, end):
        end += 1
    return Found(((start, end),), direct, speaker, (cue.start, cue.end), s.index)


def _new_subject_link(rest: list[Word], n: int) -> bool:
    """ "…, but the mayor told reporters that …", "…, and Reyes said that …": a conjunction
    after a comma, then a noun phrase of its own (a determiner or a capital) opens another
    clause, and a "that" beyond it is that clause's. Not "…, but only to tell him that …"
    or "…, although she made clear that …", where the first speaker goes on."""
    nxt = rest[n + 1].text if n + 1 < len(rest) else ""
    return rest[n].text in _CLAUSE_LINKS and (nxt in ("the", "a", "an") or nxt[:1].isupper())


# Words that open a new clause after a comma: a "that" beyond them is that clause's.
_CLAUSE_LINKS = _words("and but while though although")

# Nouns whose "that" clause is part of a clause's subject ("said the claim that it was “a
# fix” was false", "said the idea that …"): the reported clause began at the cue.
_THAT_NOUNS = _words("claim claims notion idea fact suggestion assertion belief allegation")


def _joins_inside(rest: list[Word], n: int) -> bool:
    """ "so daunting that …", "such a mess that …", "given that …", "except that …": a "that"
    which joins a result or a condition to a clause that began earlier."""
    before = [w.text.lower() for w in rest[max(0, n - 3) : n]]
    if before[-1:] and before[-1] in _JOINING:
        return True
    return any(b in ("so", "such") for b in before[-3:-1])


_JOINING = _words("given except provided assuming considering")


def _accused_of(rest: list[Word]) -> int | None:
    """ "accused the port of sending its members …": the charge is said of the one accused,
    so the content opens at the object ("the port of sending …"), as PolNeAR's annotators
    and the partial-quotation reading (``naming``) take it. With no object ("was accused
    of lying") the charge is the gerund's clause."""
    for n, w in enumerate(rest[:8]):
        if w.text == "of" and n + 1 < len(rest) and rest[n + 1].text.endswith("ing"):
            return rest[0].start if n else rest[1].start
    return None


def _phrasal_words(text: str, cue: Word, rest: list[Word], lemma: str) -> int:
    """How many words after the cue belong to the verb, not to what was said: a particle
    ("fired back that …", "ticked off a list of …", "summed up the plan as “…”"), "as
    saying" after "quoted", or, after "went on", the infinitive of the verb that did the
    saying ("went on to say that …")."""
    if not rest or text[cue.end : rest[0].start] != " ":
        return 0
    first = rest[0].text
    if lemma == "go_on" and first == "on" and len(rest) > 3 and rest[1].text == "to":
        # "went on to say …", "goes on to sharply criticize …"
        at = 3 if rest[2].text.endswith("ly") and len(rest) > 4 else 2
        return at + 1 if rest[at].text.islower() else 0
    if lemma == "write" and first == "off":
        return 0  # "has written off the effort": dismissed, not written
    if cue.text == "quoted" and len(rest) > 2 and first == "as" and rest[1].text == "saying":
        return 2  # "was quoted as saying the levy …": the saying is the verb's
    return 1 if first in lx.PHRASAL_PARTICLES and len(rest) > 1 else 0


def other_sense(text: str, cue: Word, rest: list[Word], lemma: str) -> bool:
    """ "The strike was called off on Monday, ending the “summer of discontent.”", "hard to
    tell apart", "Vale showed up in the “brown beret” gear of …": with this particle the
    verb cancels, distinguishes or arrives, and says nothing. (A verb outside the lexicon
    comes with itself for ``lemma``: "showed".)"""
    if not rest or text[cue.end : rest[0].start] != " ":
        return False
    return (lemma, rest[0].text) in _OTHER_SENSES


_OTHER_SENSES = frozenset(
    (("call", "off"), ("tell", "apart"), ("showed", "up"), ("shows", "up"), ("show", "up"))
)


def _called_on(text: str, cue: Word, rest: list[Word]) -> int | None:
    """ "called on the council to “act now”": "call on" asks someone to do something, and
    what was asked starts with whom it was asked of; the particle is part of the verb."""
    if len(rest) < 2 or rest[0].text not in ("on", "upon") or text[cue.end : rest[0].start] != " ":
        return None
    return rest[1].start


def content_before(text: str, s: Sentence, k: int, speaker: Span) -> Found | None:
    """ "…, the source added." The clause before the subject is the content."""
    if text[s.start : s.end].rstrip().endswith(":"):
        return None
    cue = s.words[k]
    tail = text[cue.end : s.end].strip(" .")
    if len(tail.split()) > 8 and not tail.startswith(","):
        # A long tail is fine when it is only adverbials ("said on Friday in a preliminary
        # report on the fire that closed the harbor"; "said on Tuesday, contradicting …").
        rest = outside_quotes(s, k + 1)
        if content_start(text, cue.end, rest, lx.CUE_LEMMA[cue.text.lower()]) != NOTHING:
            return None
    head = without_role(text, s, text[s.start : speaker[0]].rstrip())
    if not head.endswith((*COMMA_ENDS, "?”", '?"', "!”", '!"')):
        # "Clinton “…. Does that fly?” a former adviser asked": a question or an
        # exclamation ends its quotation the way a comma does.
        return None
    start, end = _trim(text, s.start, len(head) + s.start)
    if end - start < 10 or text[start:end].lower().startswith("according to "):
        # "According to police, officers responded …": the phrase names a source, it is
        # nobody's words; "according to" reads the sentence.
        return None
    return content_ahead(text, s, start, end, speaker, cue)


def without_role(text: str, s: Sentence, head: str) -> str:
    """ "…households, a city spokeswoman, Oda Brisk, said", "…, Lopez's spokesman, Tom Reyes,
    said": the role before the name belongs to the speaker, not to what was said."""
    if not head.endswith(","):
        return head
    comma = head.rfind(",", 0, len(head) - 1)
    if comma < 0:
        return head
    chunk = _words_between(s, s.start + comma + 1, s.start + len(head) - 1)
    if chunk and len(chunk) <= 6 and (is_role_chunk(chunk) or is_owned_role(chunk)):
        return head[: comma + 1]
    return head


def _urged_to(rest: list[Word], lemma: str) -> bool:
    """ "urged his supporters to back Clinton": a verb of urging with its person and an
    infinitive (within a few words) reports what was urged. (Read only in a sentence with
    no quotation, where no other reading of the sentence is displaced.)"""
    if lemma != "urge":
        return False
    for n, w in enumerate(rest[: _URGED_WORDS + 1]):
        if w.text == "to" and n and n + 1 < len(rest) and rest[n + 1].text.islower():
            return True
        if w.text in ("that", "for", "on"):
            return False
    return False


_URGED_WORDS = 5
