"""Where the words that name a statement's speaker begin and end, before resolution.

The rules that find a statement take the words before or after its cue as the speaker, and
each rule cuts them by its own reading. These corrections apply to every rule alike, in
order:

- the verb's own words are no part of the speaker ("The league has twice complained"), nor
  is a relative word before it ("what officials called"), and an adjective that leaves the
  phrase unfinished keeps what it governs ("a person familiar with the matter");
- before a participle cue, a clause's subject speaks, not the clause ("The Florida senator
  sought to calm his supporters, saying …"), and a participle set off by a comma is the
  sentence subject's, not the nearest noun phrase's ("… the war in Afghanistan on
  Thursday, saying …");
- after a verb of perceiving, the one perceived speaks ("It's grimly funny to watch Mitt
  Romney, …, suddenly insist …");
- a role set off before a name leaves the name to speak ("a top strategist, John Weaver");
- whoever put a document out speaks for it ("Pell issued a statement saying …");
- a span that stops at a lowercase word inside a name is widened to the whole name ("the
  Centers for Disease Control and Prevention said": the readers stop at "and");
- a place that only says where the speaker is gives the speaker back ("the U.S. Embassy in
  Baghdad said": the readers stop at "in").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.clause_speakers import participle_subject, perceived_name, trimmed
from storywatch.understand.issuers import issuer
from storywatch.understand.phrases import main_subject
from storywatch.understand.spans import _DETERMINERS, Found, Span


def speaker_span(an: Analysis, found: Found, span: Span) -> Span:
    """The speaker of ``found`` as the words ``span`` give it, corrected (see the module
    docstring)."""
    text = an.text
    said_by = _bounded(text, trimmed(text, span))
    if found.cue is not None and text[found.cue[0] : found.cue[1]].endswith("ing"):
        said_by = participle_subject(text, said_by)
        said_by = _set_off_participle(an, found, said_by)
    said_by = perceived_name(text, said_by)
    said_by = _appositive_name(text, said_by) or said_by
    said_by = issuer(text, an.sentences[found.sentence], said_by) or said_by
    said_by = _described_opener(an, said_by) or said_by
    return _place_owner(an, _whole_names(an, said_by))


# ", the editor in chief of the Vatican's newspaper, ": a description set off by commas.
_DESCRIPTION = re.compile(r", (?:the|a|an|his|her|its|their) [^,]{2,90}, ")


def _described_opener(an: Analysis, span: Span) -> Span | None:
    """ "Tomas Vale, the editor of the port's newspaper, The Gazette, said …": the person
    who opens the sentence is described, and the name after the description is the
    description's own (the newspaper's); the person speaks. The opening mention when it
    is a person and only its description stands between it and ``span``."""
    text = an.text
    opens = an.sentences[an.sentence_of(span[0])].start
    mids = an.mentions_in(opens, span[0])
    if not mids or an.kind_of(mids[0]) is not EntityKind.PERSON:
        return None
    first = an.mentions[mids[0]]
    start = first.title_start if first.title_start >= 0 else first.start
    if start != opens or not _DESCRIPTION.fullmatch(text[first.end : span[0]]):
        return None
    return start, first.end


# ", John E. Herbst," after a role: two to four capitalised words (initials allowed).
_APPOSITIVE_NAME = re.compile(
    r"(?:\s+(?:at|in|of|for)\s+(?:the\s+)?"
    r"(?:[a-z]+(?:\s+[a-z]+)?|[A-Z][\w&’'-]*\.?(?:\s+[A-Z][\w&’'-]*\.?){0,3}))?\.?,\s+"
    r"((?:[A-Z][\w’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.)){1,3})"
    r"(?=\s*[,.;]|\s*$|\s+(?:of|from|at)\s)"
)


def _appositive_name(text: str, span: Span) -> Span | None:
    """ "the assailant, John McGraw, told the court" / "said another fraternity brother,
    Stuart Oltchick, who …": a role followed by the person's name; the name speaks."""
    written = text[span[0] : span[1]]
    first = written.split(" ", 1)[0].lower()
    if (
        first not in _DETERMINERS
        and first not in ("his", "her", "their", "its", "another")
        and not (first.endswith(("'s", "’s")) and written.split()[-1][:1].islower())
    ):
        return None
    if _ends_in_name(written.split()):
        return None  # already ends in a name
    m = _APPOSITIVE_NAME.match(text, span[1])
    if m is None or m.end() - span[1] > 60:
        return None
    return m.start(1), m.end(1)


def _ends_in_name(words: list[str]) -> bool:
    """The phrase ends in a capitalised run that is a name, not the body a role hangs on
    ("a spokeswoman for the State Department, Ann Lee": the department is no name of
    hers)."""
    if not (words[-1][:1].isupper() and any(w[:1].isupper() for w in words[1:-1])):
        return False
    first = next(i for i, w in enumerate(words) if i > 0 and w[:1].isupper())
    before = [w.lower() for w in words[max(0, first - 2) : first]]
    if before[-1:] == ["the"]:
        before = before[:-1]
    return not before or before[-1] not in _BODY_PREPOSITIONS


_BODY_PREPOSITIONS = frozenset(("for", "of", "at", "in"))


def _set_off_participle(an: Analysis, found: Found, span: Span) -> Span:
    """A participle set off by a comma speaks for the sentence's subject, not for the noun
    phrase nearest to it: "President Biden defended his decision to end the war in
    Afghanistan on Thursday, saying …" is Biden's (the readers take "Afghanistan")."""
    assert found.cue is not None
    s = an.sentences[found.sentence]
    text = an.text
    if span[0] <= s.start or not text[span[1] : found.cue[0]].rstrip().endswith(","):
        return span
    if any(q.start < found.cue[0] for q in s.quotes):
        return span  # "“…,” he said, adding …": the quotation's own reading stands
    subject = main_subject(text, s)
    if subject is None or subject[1] > span[0] or subject[0] != s.start:
        return span
    subject = trimmed(text, subject)
    if text[subject[1] : subject[1] + 1] in (",", ":") or not _can_speak(an, subject):
        return span  # "In a statement, …", "Hours later, …": no subject opens the sentence
    if any(w.strip(",") in lx.CUE_WORDS for w in text[span[1] : found.cue[0]].split()):
        return span  # "She had struggled, Cruz explained, recalling …": Cruz's own clause
    if any(w.strip(",").lower() in _SUBORDINATE for w in text[subject[1] : found.cue[0]].split()):
        # "… after China told the WHO …, calling for …", "… Kingson, who worked the crowd,
        # praising …": the participle may belong to the clause in between.
        return span
    return _up_to_name(an, subject)


def _up_to_name(an: Analysis, span: Span) -> Span:
    """A subject cut after the last person's name in it, and the party label in brackets
    after that name: "Rep. Alexandria Ocasio-Cortez (D-N.Y.) took aim" (the subject reader
    ran on over a verb it does not know) is "Rep. Alexandria Ocasio-Cortez (D-N.Y.)"."""
    people = an.mentions_in(span[0], span[1])
    named = [i for i in people if an.mentions[i].kind is EntityKind.PERSON]
    if not named:
        return span
    end = an.mentions[named[-1]].end
    label = _BRACKETED.match(an.text, end)
    if label is not None and label.end() <= span[1]:
        end = label.end()
    return span[0], end


_BRACKETED = re.compile(r" \([^()\n]{1,20}\)")


_SUBORDINATE = lx.SUBORDINATORS | lx.words_of("who whom which")


def _can_speak(an: Analysis, span: Span) -> bool:
    """A person or organisation named in the span, a personal pronoun, or a determiner and
    a speaking noun ("The senator", "the agency")."""
    words = an.text[span[0] : span[1]].split()
    if not words:
        return False
    low = [w.lower().strip(".,") for w in words]
    if len(low) == 1 and low[0] in lx.PERSONAL_PRONOUNS:
        return low[0] != "it"  # "It was a rebellion, saying …": "it" is seldom who speaks
    if low[0] in ("the", "a", "an") and (low[-1] in lx.SPEAKER_NOUNS or low[-1] in lx.TITLE_HEADS):
        return True
    kinds = (EntityKind.PERSON, EntityKind.ORG)
    return any(an.mentions[i].kind in kinds for i in an.mentions_in(span[0], span[1]))


def _bounded(text: str, span: Span) -> Span:
    """The speaker phrase without the relative word a reader took with it ("in what
    officials called …", "a step that Republicans have said …": "officials", "Republicans")
    and with the words its last adjective governs ("according to a person familiar" → "a
    person familiar with the matter")."""
    start, end = span
    lead = _LEAD.match(text, start, end)
    if lead is not None and lead.end() < end:
        nxt = text[lead.end() : lead.end() + 1]
        if lead.group(1) != "that" or nxt.isupper():
            start = lead.end()
    if _LOOSE_ADJECTIVE.search(text, start, end):
        more = _GOVERNED.match(text, end)
        if more is not None and not any(c.isupper() for c in more.group()):
            end = more.end()  # not "familiar with Johnson's views": Johnson is not the source
    return start, end


# A lowercase relative word that opens no noun phrase; "that" only before a capitalised word
# ("that Republicans"), since "that letter" is a demonstrative.
_LEAD = re.compile(r"(what|whom|that) ")
# "familiar", "close", "knowledgeable": an adjective that leaves its phrase unfinished.
_LOOSE_ADJECTIVE = re.compile(r"\s(?:familiar|close|knowledgeable)\Z")
# What such an adjective governs, up to a comma, a period or the cue: "with the matter",
# "to the campaign", "with the negotiations".
_GOVERNED = re.compile(
    r" (?:with|to) (?:[\w’'.-]+ ){0,5}?[\w’'-]+(?=[,.;]| (?:said|says|say|told)\b)"
)


def _whole_names(an: Analysis, span: Span) -> Span:
    """The span widened to the whole of a name it starts or ends inside: in "the Centers for
    Disease Control and Prevention said" the readers take "Prevention", and in "according to
    the Centers for …" they take "the Centers"; the mention finder reads one name."""
    start, end = span
    text = an.text
    i = bisect_right(an.mention_starts, start) - 1
    if (
        i >= 0
        and an.mentions[i].start < start < an.mentions[i].end
        and _CONNECTOR.search(text, an.mentions[i].start, start)
    ):
        start, end = an.mentions[i].start, max(end, an.mentions[i].end)
    k = bisect_right(an.mention_starts, end - 1) - 1
    if (
        k >= 0
        and start <= an.mentions[k].start < end < an.mentions[k].end
        and _CONNECTOR.search(text, end, an.mentions[k].end)
    ):
        end = an.mentions[k].end
    return start, end


# Only a lowercase word inside a name is why a phrase reader stops there; a reader that left
# out a capitalised word ("Stated Reyes:") did so on purpose.
_CONNECTOR = re.compile(r"\s(?:for|and|of)\s")


def _place_owner(an: Analysis, span: Span) -> Span:
    """A span that is only a place written right after "NAME in" or "NAME at", widened to
    that name: "the U.S. Embassy in Baghdad said" (the readers take "Baghdad"), and over a
    person's "of" before it, "Analyst Rob Enderle of Enderle Group in Silicon Valley said"
    (Rob Enderle speaks, not his firm). "Two-thirds of Republicans in Ohio" and "Doctors in
    Gaza" are left alone: no name, only a group, ends before "in", and the resolver reads
    that shape itself."""
    start, end = span
    text = an.text
    i = bisect_right(an.mention_starts, start) - 1
    if i < 0 or (an.mentions[i].start, an.mentions[i].end) != span:
        return span
    if an.mentions[i].kind is not EntityKind.PLACE or text[start - 4 : start] not in _WHERE:
        return span
    owner = _mention_ending(an, i, start - 4)
    if owner is None:
        return span
    k, new_start = owner
    m = an.mentions[k]
    if m.kind not in (EntityKind.PERSON, EntityKind.ORG) and " " not in text[m.start : m.end]:
        return span  # "Doctors in Gaza said": the resolver keeps the group with its place
    person = _mention_ending(an, k, new_start - 4)
    if (
        text[new_start - 4 : new_start] == " of "
        and person is not None
        and an.mentions[person[0]].kind is EntityKind.PERSON
    ):
        new_start = person[1]
    if text[new_start - 4 : new_start].lower() == "the ":
        new_start -= 4
    return new_start, end


def _mention_ending(an: Analysis, before: int, at: int) -> tuple[int, int] | None:
    """The mention (its index, and where it starts, its title included) that ends at ``at``,
    looking back from mention ``before``."""
    for k in range(before - 1, max(before - 4, -1), -1):
        m = an.mentions[k]
        if m.end == at:
            return k, m.title_start if m.title_start >= 0 else m.start
        if m.end < at:
            return None
    return None


_WHERE = (" in ", " at ")
