"""A second attribution in the same sentence, after the first one.

News writing often hangs a second act of speech on the first: "“…,” she said, adding that
“…”", "Weaver, who said business executives …", "He said that Clinton is playing the “women's
card” and said that Rubio is “weak like a baby.”" Annotators (and readers) take each act as
its own statement, with its own cue and content; the first statement ends where the second
one's cue begins.

Only shapes whose speaker is certain are split off: a participle after a comma ("…, adding
that"), a verb coordinated with "and"/"but" ("and said"), a relative clause ("…, who said"),
a second name's own relative clause in a list ("Lee, who called it “…,” and Park, who says
“…”"), a new subject joined by "and", "but" or "while" right after a quotation closed the
first act ("21 percent said “not too likely” and 14 percent said “…”"), he/she/they after
"and" or "but" ("… said the bridge was safe, and she added that …"), a naming participle
after a comma ("…, Huckabee agreed, praising his rival as “…”"), and, after a quotation's
trailer, a participle of a verb that attributes a quotation ("“…,” she said, referring to
the “…”"). A cue with a new subject inside a reported clause ("X said that Y said …") is a
nested attribution and stays inside the first content, as the annotators keep it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.contrast_clauses import (
    COORD,
    JOINED_SUBJECT_WORDS,
    comma_before,
    contrast_clause,
)
from storywatch.understand.followup_parts import act_content, cut_before, quote_inside
from storywatch.understand.joined_quote_acts import joined_quote_act
from storywatch.understand.naming import contrasted_naming, joined_verb, naming_content
from storywatch.understand.negations import says_nothing
from storywatch.understand.phrases import _np_before, main_subject
from storywatch.understand.relative_cues import main_verb_after_relative
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _inside,
    _is_cue,
    cue_indices,
    goes_somewhere,
    is_title_quote,
    parts_overlap,
)
from storywatch.understand.text import Word

# How a follow-up cue hangs on what came before it.
_RELATIVE = frozenset(("who",))
_BEFORE_AFTER = frozenset(("before", "after"))
_SET_AGAINST = _BEFORE_AFTER | {"while"}
# Words that may stand between the connector and the cue ("and later said", "who also told").
_BETWEEN = lx.AUXILIARIES


def split_followups(text: str, s: Sentence, first: Found) -> list[Found]:
    """``first`` (trimmed where a follow-up begins) and the follow-ups found after it."""
    out = [first]
    anchor = max(
        first.cue[1] if first.cue else s.start, first.speaker[1] if first.speaker else s.start
    )
    quote_first = bool(first.parts) and first.parts[0][0] < anchor
    while len(out) < 4:
        nxt = _next_followup(text, s, anchor, quote_first, out[-1])
        if nxt is None:
            break
        cut, found = nxt
        out[-1] = cut_before(text, out[-1], cut)
        if not out[-1].parts and len(out) > 1:
            out.pop()
        out.append(found)
        anchor = found.cue[1] if found.cue else cut
        quote_first = False
    return [f for f in out if f.parts or f is first]


def acts_after(text: str, s: Sentence, first: Found) -> list[Found]:
    """The follow-ups of ``first`` that lie after all it read ("has promoted a modest style,
    advising graduates to “…,” and telling the class, “…”"), leaving ``first`` whole: for
    a reading by the weaker readers, whose end is already set."""
    later = split_followups(text, s, first)[1:]
    return [f for f in later if not parts_overlap(f.parts, first.parts)]


def _next_followup(
    text: str, s: Sentence, anchor: int, quote_first: bool, prev: Found
) -> tuple[int, Found] | None:
    found = _next_cue_followup(text, s, anchor, quote_first, prev)
    for other in (
        _quote_participle(text, s, anchor, prev),
        _act_after_trailer(text, s, anchor, prev),
        joined_quote_act(text, s, anchor, prev),
    ):
        if other is not None and (found is None or other[0] < found[0]):
            found = other
    named = _naming_followup(text, s, anchor, prev)
    if named is None or (found is not None and found[0] <= named[0]):
        return found
    return named


def _naming_followup(text: str, s: Sentence, anchor: int, prev: Found) -> tuple[int, Found] | None:
    """ "Huckabee agreed, praising his rival as “…”": a naming participle after a comma,
    past a first act with no quotation in it, is the same speaker's second act with what
    :mod:`~storywatch.understand.naming` reads as its object and quoted name. (Naming
    participles outside the reporting lexicon, "praising", "hailing", are no cue above.)"""
    if prev.speaker is None or not s.quotes or not prev.parts:
        return None
    naming = naming_content(text, s)
    if naming is None or naming.verb == 0:
        return None
    verb = s.words[naming.verb]
    if prev.cue == (verb.start, verb.end):
        second = contrasted_naming(text, s, prev)
        if second is None:
            return None
        link, found = second
        return comma_before(text, link, prev.parts[-1][0]), replace(found, inherited=True)
    before = s.words[naming.verb - 1]
    if verb.start <= anchor:
        return None
    if quote_inside(text, prev.parts[0][0], verb.start):
        return None  # a first act holding a quotation keeps its end (clause_ends decides it)
    if (
        before.text == "and"
        and verb.text.endswith("ing")
        and prev.cue is not None
        and text[prev.cue[0] : prev.cue[1]].endswith("ing")
        and joined_verb(text, s, naming.verb)
    ):
        # "She pushed back, saying he has been a pioneer … and calling him “a feminist.”":
        # two participles of one subject.
        cut = comma_before(text, before.start, s.words[naming.verb - 2].end)
    elif verb.text.endswith("ing"):
        if "," not in text[before.end : verb.start] or verb.text.lower() in lx.CUE_WORDS:
            return None
        cut = comma_before(text, verb.start, before.end)
    elif joined_verb(text, s, naming.verb) and before.text != "and":
        cut = comma_before(text, verb.start, before.end)
    else:
        return None
    found = Found((naming.content,), True, prev.speaker, (verb.start, verb.end), s.index)
    return cut, replace(found, inherited=True)


def _quote_participle(text: str, s: Sentence, anchor: int, prev: Found) -> tuple[int, Found] | None:
    """ "“…,” Okafor said, mentioning the record is “nearly finished.”", "“…,” Mr. Lee
    continued, referring to more appearances in “formal settings.”", "“…,” the board said,
    reasoning that the mayor “did not have to act.”": a participle after a comma past the
    first act's cue, of a verb that attributes the quotation it governs
    (``lexicon.QUOTE_CUES``), is the same speaker's next act when its words hold a
    quotation; that quotation is no resumption of the first ("“…,” he said, “…”"). Only
    after a quotation and its trailer: after a reported clause ("continued his assault,
    mocking his “…”") the words left before the participle are seldom a statement, unless
    a quotation closed them on its comma (:func:`_after_quotation_comma`)."""
    trailed = _quotation_then_trailer(prev)
    if not trailed and prev.speaker is None:
        return None
    words = s.words
    for k in range(1, len(words)):
        w = words[k]
        if w.start <= anchor or _inside(s.quotes, w.start):
            continue
        quoting = w.text in _QUOTE_PARTICIPLES and w.text.endswith("ing")
        if not quoting and not (trailed and w.text in _GLOSSES):
            continue
        cut = comma_before(text, w.start, words[k - 1].end)
        if not trailed:
            if not _own_quotation(text, s, k):
                continue
            if _joined_participle(text, s, k, prev):
                cut = words[k - 1].start  # "… a “fraud” and questioning …": before "and"
            elif not _after_quotation_comma(text, words[k - 1], w, prev):
                continue
        elif "," not in text[words[k - 1].end : w.start] and not _right_after_cue(
            prev, words[k - 1]
        ):
            continue
        if not any(r.start > w.end for r in s.quotes if not is_title_quote(text, r)):
            return None
        content = act_content(text, s, k + 1 if _governed_to(s, k) else k)
        if content is None or not content[1]:
            return None
        found = Found(content[0], True, prev.speaker, (w.start, w.end), s.index, inherited=True)
        return cut, found
    return None


def _after_quotation_comma(text: str, before: Word, w: Word, prev: Found) -> bool:
    """ "The lawmakers argue that “there is precedent for closure,” citing a case in which a
    ferry was found “unsafe.”": a reported clause that a quotation ends on its comma is
    whole, and the participle after the closing mark is the speaker's next act."""
    set_off = text[before.end : w.start]
    if set_off.strip() not in (",”", ',"', ",''"):
        return False
    return any(a < before.end <= b for a, b in prev.parts)


def _joined_participle(text: str, s: Sentence, k: int, prev: Found) -> bool:
    """ "…, telling reporters that Vale is a “fraud” and questioning how he has “escaped any
    audit”": a participle joined by "and" right after a quotation that closes the first act,
    itself led by a participle, is the same subject's second act, as two participles of one
    subject are (:func:`_naming_followup`)."""
    if k < 2 or s.words[k - 1].text != "and" or prev.cue is None:
        return False
    if not text[prev.cue[0] : prev.cue[1]].endswith("ing"):
        return False
    before = s.words[k - 2]
    closing = text[before.end : s.words[k - 1].start].strip()
    return closing in ("”", '"', "''", ",”", ',"', ",''") and any(
        a < before.end <= b for a, b in prev.parts
    )


def _own_quotation(text: str, s: Sentence, k: int) -> bool:
    """The participle at ``k`` governs a quotation before a later participle of saying does
    ("…,” pointing to bottles of cola and telling viewers that it is “…”" is the telling's
    quotation, not the pointing's)."""
    later = [q.start for q in s.quotes if q.start > s.words[k].end and not is_title_quote(text, q)]
    if not later:
        return False
    return not any(
        w.start < later[0]
        and w.text.endswith("ing")
        and (w.text in lx.CUE_WORDS or w.text in _QUOTE_PARTICIPLES)
        for w in s.words[k + 1 :]
    )


def _right_after_cue(prev: Found, before: Word) -> bool:
    """ "“…,” he said introducing Clinton as a “global leader”": copy that dropped the comma
    after the trailer's verb still hangs the participle on it."""
    return prev.cue is not None and prev.cue[1] == before.end


def _act_after_trailer(
    text: str, s: Sentence, anchor: int, prev: Found
) -> tuple[int, Found] | None:
    """ "“…,” Axelrod tweeted after Clinton argued that “if everyone …”", "“…,” Trump said,
    after the moderator said he had called Rubio the “personal senator” of …", "“…,” Carson
    told the AP after hinting that “personnel changes” could come": after a quotation and
    its trailer, "after"/"before" and a verb of saying (with a subject of its own, or none
    when it is the same speaker's participle) is another act the trailer is set against,
    and the quotation in its words is that act's. So is "as"/"while" with a new subject
    ("“…,” Okafor said as the protester shouted: “…”"): a second speaker heard at the same
    time."""
    if not _quotation_then_trailer(prev):
        return None
    words = s.words
    for k in range(len(words) - 2):
        link = words[k]
        if link.start <= anchor or link.text.lower() not in _SET_BESIDE:
            continue
        if _inside(s.quotes, link.start):
            return None
        for m in range(k + 1, min(k + 1 + _SCENE_SUBJECT_WORDS, len(words))):
            w = words[m]
            if w.text not in lx.CUE_WORDS and w.text not in _QUOTE_PARTICIPLES:
                continue
            if link.text.lower() not in _BEFORE_AFTER and (
                m == k + 1 or not _quote_right_after(text, s, w)
            ):
                return None  # "as"/"while": a subject of its own, its verb opening a quotation
            if m == k + 1 and w.text.endswith("ing"):
                speaker: Span | None = prev.speaker
            elif w.text.endswith("ing") or m == k + 1:
                return None
            else:
                speaker = _np_before(text, words, m, link.end, loose=True)
                if speaker is None or speaker[0] != words[k + 1].start:
                    return None
                if text[: speaker[1]].endswith(("’s", "'s")):
                    return None  # "as one of the mayor’s alleged “…”": an owner, no subject
            content = act_content(text, s, m)
            if content is None or not content[1]:
                return None
            cut = comma_before(text, link.start, anchor)
            found = Found(content[0], True, speaker, (w.start, w.end), s.index, inherited=True)
            return cut, found
        return None
    return None


def _quote_right_after(text: str, s: Sentence, verb: Word) -> bool:
    """ "as the protester shouted: “…”", "while a resident called out, “…”": the verb (and a
    particle) opens the quotation itself; "while Lee leads among those who are “…”" or
    "listed as one of his alleged “…”" only mention words inside a clause of the writer's."""
    q = next((q for q in s.quotes if q.start >= verb.end), None)
    if q is None:
        return False
    gap = text[verb.end : q.start].split()
    return gap in ([], [":"], [","]) or (
        len(gap) == 1 and gap[0].rstrip(":,") in _PARTICLES and gap[0][-1:] in ":,"
    )


# "called out, “…”", "shouted back: “…”"
_PARTICLES = frozenset(("out", "back", "up"))


def _quotation_then_trailer(prev: Found) -> bool:
    """The first act is a quotation followed by its trailer ("“…,” she said"): its content
    starts before its cue, and it has a speaker."""
    return (
        prev.speaker is not None
        and prev.cue is not None
        and bool(prev.parts)
        and prev.parts[0][0] < prev.cue[0]
    )


# Links that set a trailer's act beside another one: "after"/"before", and "as"/"while"
# with a subject of their own ("…,” Okafor said as the protester shouted: “…”").
_SET_BESIDE = _BEFORE_AFTER | {"as", "while"}
# Words a subject may take between "after" and its verb ("after CNBC's Becky Quick said").
_SCENE_SUBJECT_WORDS = 6


def _governed_to(s: Sentence, k: int) -> bool:
    """ "referring to …", "pointing to …": the preposition the verb takes is not what was
    said."""
    nxt = s.words[k + 1].text if k + 1 < len(s.words) else ""
    return nxt == "to" and s.words[k].text in _TAKES_TO


_TAKES_TO = frozenset(("referring", "pointing", "alluding"))
# "…,” the board said, reasoning that …": "reason that" is "argue that", a verb of saying
# the lexicon (grown from cue spans) does not hold.
_QUOTE_PARTICIPLES = lx.QUOTE_CUES | {"reasoning", "hinting"}
# "“Stubborn,” she said, meaning that he is “hard to move”": right after a quotation and its
# trailer, the speaker's gloss of their own word, in more of their words. (After a reported
# clause, "…, meaning that …" is mostly the writer's inference, so only here.)
_GLOSSES = frozenset(("meaning",))


def _next_cue_followup(
    text: str, s: Sentence, anchor: int, quote_first: bool, prev: Found
) -> tuple[int, Found] | None:
    words = s.words
    for k in cue_indices(s):
        w = words[k]
        if w.start <= anchor or k == 0 or not _is_cue(w, s.quotes):
            continue
        if goes_somewhere(text, (w.start, w.end)):
            continue  # "…, a volunteer who frequently goes to colleges …": motion
        j = k - 1
        while j > 0 and words[j].text.lower() in _BETWEEN and words[j].text[0].islower():
            j -= 1
        link = words[j].text.lower()
        speaker: Span | None
        set_off = text[words[k - 1].end : w.start]  # (an adverb may stand before the comma)
        if w.text.endswith("ing") and ("," in set_off or _SPACED_DASH.match(set_off)):
            # "…, adding that": the participle's subject is the previous speaker, or the
            # sentence's subject when that speaker only spoke in a relative clause ("… a
            # notice that said …, telling reporters that …" is the minister telling). A
            # spaced dash sets the participle off as a comma does ("… last week – saying
            # it offered “…”").
            speaker, cut = prev.speaker, comma_before(text, w.start, words[k - 1].end)
            if speaker is not None and _relative_speaker(text, speaker):
                speaker = main_subject(text, s)
        elif (
            w.text.endswith("ing")
            and j < k  # (past an adverb: "while also insisting")
            and link in _SET_AGAINST
            and not (link == "while" and _same_verb(text, prev.cue, w))
        ):
            # "…,” Cruz replied, before adding that he thinks “…”", "insisted the plan was
            # “premature” while adding, “…”": the same speaker's second act, set after or
            # beside the first by "before"/"after"/"while". ("telling one aide to “…” while
            # telling another to “…”": the same verb again sets two halves of one account
            # side by side.)
            speaker, cut = prev.speaker, comma_before(text, words[j].start, words[j - 1].end)
        elif link in COORD and j < k:
            if _inner_verb(text, s, k, j, prev):
                continue
            speaker, cut = prev.speaker, comma_before(text, words[j].start, words[j - 1].end)
        elif link in _RELATIVE and j < k and (listed := _listed_relative(text, s, j, prev)):
            speaker, cut = (words[j].start, words[j].end), listed
        elif link in _RELATIVE and j < k and quote_first:
            speaker, cut = _trailer_relative(text, s, prev, words[j]), words[j].start
            cut = comma_before(text, cut, words[j - 1].end)
        elif main := main_verb_after_relative(text, s, prev, words[k - 1], w):
            speaker, cut = main, comma_before(text, w.start, words[j].end)
        elif (joined := _new_subject_after_quote(text, s, k)) is not None:
            speaker, cut = joined
        elif (joined := _pronoun_after_conjunction(text, s, j)) is not None:
            speaker, cut = joined
            speaker = _described_subject(text, prev.speaker, speaker)
        elif (joined := contrast_clause(text, s, j, k)) is not None:
            speaker, cut = joined
            if text[speaker[0] : speaker[1]].lower() in _ACT_PRONOUNS:
                speaker = _described_subject(text, prev.speaker, speaker)
        else:
            continue
        if speaker is None:
            continue
        if says_nothing(words, j + 1, k):
            # "…, but did not respond to questions": a second act that reports no words
            # still ends the first one (an act with no parts is dropped after the split).
            return cut, Found((), False, speaker, (w.start, w.end), s.index, inherited=True)
        content = act_content(text, s, k)
        if content is None:
            continue
        parts, direct = content
        return cut, Found(parts, direct, speaker, (w.start, w.end), s.index, inherited=True)
    return None


_SPACED_DASH = re.compile(r"\s+[-–—]{1,2}\s+\Z")


def _trailer_relative(text: str, s: Sentence, prev: Found, who: Word) -> Span:
    """Who the "who" of a second act after a quotation's trailer is. After "said" and the
    speaker, with nothing but the speaker's appositive between ("“…,” said Okafor, a
    lecturer at the Harbour Institute, who added that …", "… said Vale, 41, a nurse in
    Lisbon who says …"), it is the speaker: the appositive only describes them, and the
    place or body that ends it is not who spoke. Otherwise (a cue's object before it: "Vale
    told Okafor, who answered …") the resolver reads the "who" itself."""
    own: Span = (who.start, who.end)
    if prev.speaker is None or prev.cue is None or prev.cue[1] > prev.speaker[0]:
        return own
    if who.start < prev.speaker[1] or _inside(s.quotes, who.start):
        return own
    between = [w for w in s.words if prev.speaker[1] <= w.start < who.start]
    if len(between) > _APPOSITIVE_WORDS or quote_inside(text, prev.speaker[1], who.start):
        return own
    if any(w.text in lx.CUE_WORDS or w.text in _QUOTE_PARTICIPLES for w in between):
        return own
    return prev.speaker


def _listed_relative(text: str, s: Sentence, j: int, prev: Found) -> int | None:
    """ "Compare that with Lee, who has called the plan “insanity,” and Park, who says it is
    “a disaster.”": a second name joined by "and"/"or" to one whose relative clause made
    the first act, with a relative clause of its own, speaks for itself, as the first name
    did. Where the first act stops (before ", and"), or None when the shape is not there.
    ``j`` is the second "who"."""
    words = s.words
    if prev.speaker is None or prev.cue is None:
        return None
    if text[prev.speaker[0] : prev.speaker[1]].lower() != "who":
        return None
    if "," not in text[words[j - 1].end : words[j].start] or _inside(s.quotes, words[j].start):
        return None
    last = s.quotes[-1] if s.quotes else None
    if last is None or last.start < words[j].end or text[last.end : s.end].strip(" .,"):
        # Only a clause whose quotation ends the sentence: one without a quotation may close
        # and give way to the main verb ("…, and Trump, who suggested …, are wise choices").
        return None
    for a in range(j - 2, max(0, j - 2 - _LISTED_WORDS), -1):
        if words[a].text not in ("and", "or"):
            continue
        name = words[a + 1 : j]
        if words[a].start <= prev.cue[1] or any(_inside(s.quotes, w.start) for w in name):
            return None
        if not name[0].text[:1].isupper() or any(w.text.lower() in lx.CUE_WORDS for w in name):
            return None
        return comma_before(text, words[a].start, words[a - 1].end)
    return None


# The most words of the second name in "…, and Park, who says".
_LISTED_WORDS = 4


# The most words an appositive after a trailer's speaker runs to.
_APPOSITIVE_WORDS = 20


def _same_verb(text: str, cue: Span | None, w: Word) -> bool:
    return cue is not None and text[cue[0] : cue[1]].lower() == w.text.lower()


def _new_subject_after_quote(text: str, s: Sentence, k: int) -> tuple[Span, int] | None:
    """ "21 percent said “not too likely” and 14 percent said “not at all likely”", "…
    urged him to act “presidential,” but Trump said he responded: “…”": after a quotation
    that closes the first act, "and", "but" or "while" with a subject of its own and a cue is
    a second act by that subject: (its speaker, where the first act stops)."""
    words = s.words
    j = k
    while j > 0 and words[j - 1].text.lower() in _BETWEEN and words[j - 1].text[0].islower():
        j -= 1
    if words[k].text.endswith("ing") and "," in text[words[j - 1].end : words[k].start]:
        return None  # "… and attacked Curiel, saying …": a participle has no subject of its own
    for a in range(j - 1, max(0, j - JOINED_SUBJECT_WORDS - 1), -1):
        if words[a].text not in ("and", "but", "while"):
            continue
        last = [q for q in s.quotes if q.end <= words[a].start]
        if not last or text[last[-1].end : words[a].start].strip(" ,") not in _ASIDES:
            return None
        speaker = _np_before(text, words, j, words[a].end)
        if speaker is None or speaker[0] != words[a + 1].start:
            return None
        return speaker, comma_before(text, words[a].start, last[-1].end)
    return None


# A word or two the writer sets after the quotation before going on ("… “glow,” for
# instance, and Vale vowed to “…”"): still the end of the first act.
_ASIDES = frozenset(("", "for instance", "for example", "too", "instead", "as well"))


def _pronoun_after_conjunction(text: str, s: Sentence, j: int) -> tuple[Span, int] | None:
    """ "Okafor said the bridge was safe, and she added that …", "… said the ferries ran
    late and she accused the operator of …", "… explained that … – but she also insisted
    that …", "…,” yet she insisted …": "and", "but" or ", yet", then he/she/they as the
    subject of a cue, is a second act of speech with a subject of its own (the pronoun,
    resolved like any other), not more of the first act's content: (its speaker, where the
    first act stops). ``j`` is the word before the cue and its auxiliaries or adverbs."""
    words = s.words
    if j < 2 or words[j].text.lower() not in _ACT_PRONOUNS:
        return None
    link = words[j - 1].text
    after_comma = "," in text[words[j - 2].end : words[j - 1].start]
    if not (link in COORD or (link == "yet" and after_comma)):
        return None  # ("… who have not yet announced": an adverb, no conjunction)
    if _inside(s.quotes, words[j].start):
        return None
    return (words[j].start, words[j].end), comma_before(text, words[j - 1].start, words[j - 2].end)


# Subjects of a second act after "and"/"but" whose reading is the speaker's, not the writer's.
_ACT_PRONOUNS = frozenset(("he", "she", "they"))


def _described_subject(text: str, first: Span | None, pronoun: Span) -> Span:
    """ "The mayor said …, and she accused …", "his advisers say …, and they say
    …": a pronoun subject joined to a first act whose speaker is a description, not a
    name, is that description again (names are left to the resolver, which checks gender
    and prefers the sentence's subject; a description is no name it could find). Only
    when the number agrees: "they" after a plural head, "he"/"she" after a singular one."""
    if first is None:
        return pronoun
    said = text[first[0] : first[1]].split()
    if not said or any(w[:1].isupper() for w in said[1:]) or said[0].lower() in _NO_DESCRIPTION:
        return pronoun
    if not said[0][:1].islower() and said[0].lower() not in _DESCRIPTION_OPENERS:
        return pronoun  # "Okafor said …": a name
    plural = said[-1].lower().endswith("s") and not said[-1].lower().endswith("ss")
    they = text[pronoun[0] : pronoun[1]].lower() == "they"
    return first if plural == they else pronoun


_NO_DESCRIPTION = lx.PERSONAL_PRONOUNS | {"who", "which", "that"}
# Words that open a description in capitals at a sentence's start ("The mayor", "His aides").
_DESCRIPTION_OPENERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "some", "many"))


def _relative_speaker(text: str, span: Span) -> bool:
    """Whether the previous act's speaker spoke in a relative clause that only narrows a
    noun ("a report that said", "rebuked critics who say …, saying"): a participle after
    it is the sentence subject's. After "Smith, who said" the participle stays Smith's."""
    written = text[span[0] : span[1]].lower()
    if written.endswith((" that", " which")):
        return True
    return written == "who" and not text[: span[0]].rstrip().endswith(",")


def _inner_verb(text: str, s: Sentence, k: int, j: int, prev: Found) -> bool:
    """ "said the board would investigate and report by Friday": a verb joined inside the
    reported clause, not a second act of speech. A weak cue needs "that" or a quotation to
    be one, and a bare form ("report") cannot follow a past-tense cue ("said")."""
    w = s.words[k]
    low = w.text.lower()
    lemma = lx.CUE_LEMMA[low]
    nxt = s.words[k + 1].text if k + 1 < len(s.words) else ""
    quoted = any(q.start > w.end for q in s.quotes)
    if lemma in lx.WEAK_CUES and nxt != "that" and not quoted:
        return True
    first = text[prev.cue[0] : prev.cue[1]].lower() if prev.cue else ""
    return j == k - 1 and low == lemma and first != lemma and first in lx.CUE_LEMMA
