"""Turn a speaker span ("he", "the Pentagon", "Iraq's prime minister") into a named speaker.

Resolution follows the reader's habits in news copy:

- a name in the span is the speaker (its identity, so "Esper" is "Mark Esper");
- "he"/"she" is the most recent speaker of a quotation in the same or previous paragraph
  when the gender fits, else the nearest person named before it whose gender fits;
- "it"/"they" is the most recent organisation speaker;
- "who" is the name just before the comma;
- a role ("the senator", "Iraq's prime minister") is the person that role was written
  for in this article; an anonymous role ("a source") stays as written, with no key.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from storywatch.model import EntityKind
from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.ages import aged_person
from storywatch.understand.analysis import Analysis
from storywatch.understand.cataphora import cataphoric_name
from storywatch.understand.chunks import opening_group
from storywatch.understand.filed_documents import document_then_participle
from storywatch.understand.generic_orgs import generic_org
from storywatch.understand.interviewees import interviewee
from storywatch.understand.parties import written_with_party
from storywatch.understand.place_phrases import name_ending_group, place_alone, place_in_phrase
from storywatch.understand.pronoun_candidates import (
    described_subject,
    heads_relative_of,
    modifying_name,
    same_sentence_name,
)
from storywatch.understand.pronoun_chain import earlier_pronoun
from storywatch.understand.pronoun_fit import MASCULINE_HINT, compatible, gender_of
from storywatch.understand.relatives import (
    antecedent,
    group_before_place,
    person_before_appositive,
)
from storywatch.understand.roles import (
    TITLE_ALIASES,
    role_modifiers,
    role_words,
    titled,
)
from storywatch.understand.subject_position import governed_mention, mention_opens
from storywatch.understand.unnamed_referents import recent_unnamed

_CONTRACTION = re.compile(r"[’'](?:s|d|m|ll|re|ve)$")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``identity`` indexes ``Analysis.identities`` (-1 when unnamed).

    ``joint`` marks several people or organisations speaking together ("Okafor and Lee
    said"): one name for all of them, no identity, and a "they" for a later pronoun."""

    name: str
    identity: int
    title: str | None
    mention: str
    joint: bool = False


@dataclass(slots=True)
class History:
    """Speakers of the statements found so far, newest last: (position, identity, paragraph)."""

    said: list[tuple[int, int, int]]
    # Speakers with no one identity ("the article", "the report", "Okafor and Lee"), for a
    # later "it" or "they": (pos, text, joint).
    unnamed: list[tuple[int, str, bool]] = field(default_factory=list)


def _opens_own_subject(rest: str) -> bool:
    """The words after a relative pronoun open a subject of its own ("which Okafor had
    called", "whom she described as"), not a verb ("who is chairman")."""
    word = rest.split(" ", 1)[0]
    if word.lower() in lx.PERSONAL_PRONOUNS:
        return True
    return word[:1].isupper() and word.lower() not in lx.NOT_NAMES


def resolve(an: Analysis, span: tuple[int, int], history: History) -> Speaker:
    text = an.text
    written = " ".join(text[span[0] : span[1]].split())
    low = written.lower()
    first, _, rest = written.partition(" ")
    if first.lower() in ("which", "whom", "who") and _opens_own_subject(rest):
        # "the levy, which Okafor had called “…”": the relative is the verb's object and
        # the subject after it speaks.
        own = span[0] + len(first)
        while text[own].isspace():
            own += 1
        return resolve(an, (own, span[1]), history)
    for rel in (" who", " which", " that"):
        if low.endswith(rel) and len(low) > len(rel) + 2:
            # "a message that said": the speaker is what the relative pronoun stands for.
            cut = span[1] - len(rel)
            while cut > span[0] and text[cut - 1] in " ,":
                cut -= 1
            return resolve(an, (span[0], cut), history)
    bare = _CONTRACTION.sub("", low)
    if bare in ("i", "we"):
        # Outside quotation marks "I" and "we" are the writers, never the last person or
        # body named: "I wrote an editorial asking whether …" is no one else's, and "to this
        # maxim we might add" is not Axios's. In an interview the one answering is "I".
        answering = interviewee(an) if bare == "i" else None
        if answering is not None:
            return _named(an, answering, written)
        return Speaker("I" if bare == "i" else "we", -1, None, written)
    if bare in lx.PERSONAL_PRONOUNS:
        return _pronoun(an, span[0], bare, written, history)
    if bare in ("him", "them"):
        # "according to him": the object form stands for the same person ("her" is read
        # below as its owner form, which is the same pronoun).
        return _pronoun(an, span[0], lx.OBJECT_PRONOUNS[bare], written, history)
    if bare in lx.OWNER_PRONOUNS:
        # "her remark that “…”": the owner of a noun of speech is who spoke.
        pronoun = lx.OWNER_PRONOUNS[bare]
        near = same_sentence_name(an, span[0], pronoun)
        if near is not None:
            return _named(an, near, written)
        return _pronoun(an, span[0], pronoun, written, history)
    if low in ("who", "which"):
        return _relative(an, span[0], written, history)
    if document_then_participle(written):
        return Speaker(written, -1, None, written)
    pp = _prepositional_source(an, span)
    if pp is not None:
        return pp
    words = written.split()
    head = words[-1] if words else ""
    aged = aged_person(an, span[0], written)
    if aged is not None:
        return _named(an, aged, written)  # "the 56-year-old": the one given that age
    generic = generic_org(an, span[0], written)
    if generic is not None:
        return _named(an, generic, written)
    mids = an.mentions_in(span[0], span[1])
    if len(mids) == 1 and place_alone(an, mids[0], span):
        floor = an.sentences[an.sentence_of(span[0])].start
        if text[floor : span[0]].rstrip().endswith(","):
            # "Stacy Baker of Columbia, South Carolina says": the person the places follow.
            person = person_before_appositive(an, mids[0], floor)
            if person is not None and an.owner[person] >= 0:
                return _named(an, an.owner[person], written)
        start = group_before_place(text, span[0], floor)
        named = name_ending_group(an, start, span[0]) if start is not None else None
        if named is not None:
            # "the U.S. Holocaust Memorial Museum in Washington": the museum speaks.
            if an.owner[named] >= 0:
                return _named(an, an.owner[named], written)
            return Speaker(an.mentions[named].name, -1, None, written)
        if start is not None:
            # "two-thirds of Republicans in New Hampshire — said": the people, not the place.
            group = " ".join(text[start : span[1]].split())
            return Speaker(group, -1, None, group)
    kept = [mi for mi in mids if not place_in_phrase(an, mi, span)]
    if mids and not kept:
        # "two-thirds of Republicans in New Hampshire", "The Vermont senator", "a New
        # Hampshire Republican": the place only says where the speakers are from.
        return _role(an, span[0], written, history)
    mids = kept
    if head[:1].isupper() or head.lower().rstrip(".") in lx.NAME_SUFFIXES:
        person = _person_of_place(an, mids)
        if person is not None:
            if an.owner[person] >= 0:
                return _named(an, an.owner[person], written)
            m = an.mentions[person]
            return Speaker(m.name, -1, m.title or m.role or None, written)
        for mi in reversed(mids):
            owner = an.owner[mi]
            m = an.mentions[mi]
            if owner >= 0:
                ident = an.identities[owner]
                # A title written before a name first, this mention's or another's: the
                # role an appositive gives only where the article wrote none.
                title: str | None = m.title or (ident.titles[0] if ident.titles else m.role)
                return Speaker(ident.name, owner, title or ident.shown_title, written)
        if mids:
            return Speaker(an.mentions[mids[-1]].name, -1, None, written)
    return _role(an, span[0], written, history)


_OF_PLACE = re.compile(r"\s+(?:of|at|from|with)\s")


_PARTY_NOUNS = lx.words_of("republican democrat independent")


def _may_hold(titles: list[str], head: str) -> bool:
    """Whether a person written with ``titles`` may be the one a description with the
    office ``head`` stands for: no title of another office ("the Vermont senator" is not
    the "former Secretary of State" who spoke last)."""
    heads = set()
    for title in titles:
        words = role_words(title)
        if words:
            heads.add(TITLE_ALIASES.get(words[-1], words[-1]))
    return not (heads & lx.TITLE_HEADS) or head in heads


# A quotation closed with its comma right before a trailer's subject.
_CLOSED_QUOTATION = (",”", ',"', ",''", "?”", '?"', "!”", '!"')


def _last_person_before(an: Analysis, pos: int) -> int | None:
    """The identity of the last person named before ``pos`` in its paragraph, if any: a
    description of the one who spoke last must not skip a person named since."""
    para = an.paragraph_of(pos)
    i = bisect_left(an.mention_starts, pos) - 1
    while i >= 0 and an.paragraph_of(an.mentions[i].start) == para:
        owner = an.owner[i]
        if owner >= 0 and an.identities[owner].kind is EntityKind.PERSON:
            return owner
        i -= 1
    return None


def _recent_person(an: Analysis, pos: int, history: History) -> int | None:
    """The person who spoke last, in this paragraph or the one before, if anyone did."""
    para = an.paragraph_of(pos)
    for at, ident, p in reversed(history.said):
        if at >= pos:
            continue
        if para - p > 1:
            return None
        if ident >= 0 and an.identities[ident].kind is EntityKind.PERSON:
            return ident
    return None


def _person_of_place(an: Analysis, mids: list[int]) -> int | None:
    """ "Mr. Burman of the Tax Policy Center", "Robert Gordon of Northwestern University",
    "Representative Peter T. King of New York": the person speaks, the organisation or place
    after "of"/"at"/"from" only says where from. The mention of the person named first,
    when a preposition follows the name."""
    for mi in mids[:-1]:
        m = an.mentions[mi]
        if an.kind_of(mi) is not EntityKind.PERSON and not (an.owner[mi] < 0 and m.title):
            continue
        return mi if _OF_PLACE.match(an.text, m.end) else None
    return None


# A count or share noun before "in"/"of" in a poll share ("four in 10", "half of voters",
# "55 percent of Americans"): the head is no role, and the phrase is kept whole: the share
# speaks, not the people named after it.
_SHARES = lx.SHARE_NOUNS | lx.COUNT_WORDS


def _prepositional_source(an: Analysis, span: tuple[int, int]) -> Speaker | None:
    """ "a letter from Gen. William Seely to …" speaks for Seely; "a spokesman for the
    Pentagon" stays a role (its head comes before the preposition)."""
    text = an.text
    written = " ".join(text[span[0] : span[1]].split())
    for marker in (" from ", " by ", " for ", " to ", " of ", " at ", " on ", " in "):
        at = text.find(marker, span[0], span[1])
        if at < 0:
            continue
        head = text[span[0] : at].split()
        if not head or (head[-1][:1].isupper() and not _office_of_body(an, span, at, marker)):
            continue
        if head[-1].lower() in _SHARES or head[-1].isdigit():
            return Speaker(written.rstrip(" ,"), -1, None, written)  # a share, kept whole
        low_head = head[-1].lower().rstrip(".")
        if marker == " of " and TITLE_ALIASES.get(low_head, low_head) in lx.TITLE_HEADS:
            # "the former secretary of state": one office, read whole by _role.
            return _role(an, span[0], written, History([]))
        if marker == " at " and head[-1].lower() in _STAFF:
            # "Doctors at St. Brannoc Hospital said": they speak for the hospital.
            for mi in reversed(an.mentions_in(at, span[1])):
                owner = an.owner[mi]
                if owner >= 0 and an.identities[owner].kind is EntityKind.ORG:
                    return _named(an, owner, written)
        if marker == " by " and head[-1].lower() in _NOT_AUTHORS:
            # "a memo obtained by POLITICO", "a task force appointed by Gov. Snyder": the one
            # after "by" got or made the thing; the memo, the task force, speaks.
            return Speaker(written.rstrip(" ,"), -1, None, written)
        if marker in (" from ", " by "):
            stop = span[1]
            for other in (" to ", " for ", " of "):
                o = text.find(other, at + len(marker), span[1])
                if o >= 0:
                    stop = min(stop, o)
            for mi in reversed(an.mentions_in(at, stop)):
                if an.owner[mi] >= 0:
                    return _named(an, an.owner[mi], written)
        role = _role(an, span[0], " ".join(head), History([]), written)
        if role.identity < 0 and marker in (" for ", " of ", " to ", " at "):
            # "a spokeswoman for the House Armed Services Committee": no one is named, so the
            # whole phrase is the speaker (its organisation says who speaks); "families on
            # Tarn Lane" stay the families.
            return Speaker(written.rstrip(" ,"), -1, role.title, written)
        return role
    return None


_STAFF = frozenset(lx.STAFF_OF) | {"officials", "staff"}


# Participles whose agent after "by" is not who speaks in the thing ("a memo obtained by").
_NOT_AUTHORS = lx.words_of(
    "obtained seen reviewed viewed acquired appointed commissioned requested leaked"
)


def _office_of_body(an: Analysis, span: tuple[int, int], at: int, marker: str) -> bool:
    """ "the Speaker of the House", "the Secretary-General of the United Nations": a
    capitalised title before "of" whose words are in no name (only the body after "of"
    is) is an office; the body does not speak for its holder. "Secretary of State John
    Kerry" is Kerry, and "the Secretary of State", read whole as a name, stays so. A plural
    speaking noun opening the sentence before "at", "for" or "to" ("Lawyers for Vale") is
    capitalised only for that and is read like "lawyers for Vale"."""
    words = an.text[span[0] : at].split()
    head = words[-1].lower().rstrip(".")
    if len(words) == 1 and span[0] == an.sentences[an.sentence_of(span[0])].start:
        # "Lawyers for Vale said": capitalised only because it opens the sentence
        return opening_group(head, marker.strip())
    if marker != " of " or TITLE_ALIASES.get(head, head) not in lx.TITLE_HEADS:
        return False
    mids = an.mentions_in(*span)
    return all(
        an.mentions[mi].start > at and an.kind_of(mi) is not EntityKind.PERSON for mi in mids
    )


def _pronoun(an: Analysis, pos: int, pronoun: str, written: str, history: History) -> Speaker:
    """The person (or organisation, for "it"/"they") a pronoun subject refers to.

    Candidates are the names written in this and the two previous paragraphs, and the
    speakers of recent statements. A reader prefers the nearest one that was a subject (it
    opened its sentence, or it spoke), over a name in an object or possessive position
    ("First, Donald Trump attacked Mitt Romney … Then he turned" is Trump), and never one
    whose gender does not fit.
    """
    text = an.text
    ahead = cataphoric_name(an, pos, pronoun)
    if ahead is not None:
        return _named(an, ahead, written)  # "After she toured the docks, Ines Varga said …"
    para = an.paragraph_of(pos)
    here = an.sentence_of(pos)
    best: tuple[float, int] | None = None
    spoke = {(an.sentence_of(at), ident) for at, ident, p in history.said if para - p <= 2}
    i = bisect_left(an.mention_starts, pos) - 1
    while i >= 0:
        m = an.mentions[i]
        i -= 1
        if para - an.paragraph_of(m.start) > 2:
            break
        owner = an.owner[i + 1]
        if owner < 0 or an.in_quote(m.start):
            continue
        ident = an.identities[owner]
        if not compatible(an, ident, pronoun):
            continue
        sent = an.sentence_of(m.start)
        distance = float(here - sent)
        if pronoun in ("he", "she") and modifying_name(text, m.start, m.end):
            continue
        if heads_relative_of(text, m.end, pos):
            continue
        if text[m.end : pos] == ", ":
            continue  # "Ryan, he said, “has a choice”": the trailer's "he" is someone else
        opens = an.sentences[sent].start
        # "Did that mean Garcia would vote for Trump?": Trump is no subject.
        object_of = governed_mention(text, opens, m)
        subject = (sent, owner) in spoke or mention_opens(text, opens, m)
        score = distance + (0.0 if subject else 1.2) + (0.8 if m.possessive else 0.0)
        score += 0.5 if object_of and not subject else 0.0
        if pronoun in ("he", "she"):
            g = gender_of(an, ident)
            if g is None:
                score += 0.3
            elif g == MASCULINE_HINT and pronoun == "she":
                score += 0.6
        if best is None or score < best[0]:
            best = (score, owner)
    if pronoun in ("he", "she"):
        described = described_subject(an, pos, pronoun, para, here)
        if described is not None and (best is None or described[0] < best[0]):
            best = described
        chained = earlier_pronoun(an, pos, pronoun)
        if chained is not None and (best is None or here - chained[0] < best[0]):
            # "Vale came in a red hat. He had met activists who backed Okafor. “…,” he
            # said": the subject that opened the sentence between is still Vale.
            earlier = _pronoun(an, chained[1], pronoun, pronoun, history)
            if earlier.identity >= 0:
                best = (float(here - chained[0]), earlier.identity)
    if pronoun in ("he", "she", "it", "they"):
        # Whoever spoke in a recent sentence is its subject even when written there as a
        # pronoun ("She appeared to imply that … than Clinton. “…,” she said"), or, for an
        # organisation, as "the port authority" (no name to find among the mentions).
        for at, ident_index, p in history.said:
            if ident_index < 0 or para - p > 1:
                continue
            if not compatible(an, an.identities[ident_index], pronoun):
                continue
            score = float(here - an.sentence_of(at))
            if best is None or score < best[0]:
                best = (score, ident_index)
    nameless = recent_unnamed(an, history.unnamed, pos, pronoun)
    if nameless is not None and (best is None or nameless[0] < best[0]):
        # "the email read. It stated …"; "Okafor and Lee said. They added …"
        return Speaker(nameless[1], -1, None, written, joint=nameless[2])
    for _at, ident_index, p in reversed(history.said):
        if best is not None or para - p > 3:
            break
        if ident_index >= 0 and compatible(an, an.identities[ident_index], pronoun):
            best = (99.0, ident_index)
    if best is not None:
        return _named(an, best[1], written)
    # Unresolved, the pronoun itself names the speaker: "I", not "I'm" (a contraction
    # written as the subject is no name).
    return Speaker(_CONTRACTION.sub("", written), -1, None, written)


def _relative(an: Analysis, pos: int, written: str, history: History) -> Speaker:
    found = antecedent(an, pos)
    if found is not None and found.mention >= 0:
        owner = an.owner[found.mention]
        if owner >= 0:
            return _named(an, owner, written)
        return Speaker(an.mentions[found.mention].name, -1, None, written)
    if found is not None:
        # "the Mexican president, who": a title resolves to the person who holds it; any
        # other phrase ("business leaders who") is the speaker as written.
        phrase = " ".join(an.text[found.start : found.end].split())
        head = TITLE_ALIASES.get(phrase.split()[-1].lower(), phrase.split()[-1].lower())
        if head in lx.TITLE_HEADS:
            role = _role(an, found.start, phrase, history)
            return Speaker(role.name, role.identity, role.title, written)
        org = generic_org(an, found.start, phrase)
        if org is not None:
            return _named(an, org, written)  # "a blow to the company, which argued …"
        return Speaker(phrase, -1, None, written)
    for mi in range(len(an.mentions) - 1, -1, -1):
        m = an.mentions[mi]
        if m.end <= pos and pos - m.end < 80:
            owner = an.owner[mi]
            if owner >= 0:
                return _named(an, owner, written)
            return Speaker(m.name, -1, None, written)
        if m.end <= pos:
            break
    return Speaker(written, -1, None, written)


def _named(an: Analysis, owner: int, written: str) -> Speaker:
    ident = an.identities[owner]
    return Speaker(ident.name, owner, ident.shown_title, written)


def _role(
    an: Analysis, pos: int, written: str, history: History, shown: str | None = None
) -> Speaker:
    """ "the senator" → the person written with that title; "a source" stays anonymous."""
    shown = written if shown is None else shown
    words = role_words(written)
    head = words[-1].removeprefix("ex-") if words else ""
    head = TITLE_ALIASES.get(head, head)
    strict = role_modifiers(written, words) if words else frozenset()
    loose: frozenset[str] = frozenset()
    of = words.index("of") if "of" in words[1:-1] else -1
    if head not in lx.TITLE_HEADS and of > 0:
        # "the former secretary of state": the office is the word before "of", and the
        # title must carry what follows it (not any secretary, the one of state).
        before = TITLE_ALIASES.get(words[of - 1], words[of - 1])
        if before in lx.TITLE_HEADS:
            head = before
            loose = frozenset(w for w in words[of + 1 :] if w != "the")
            strict = frozenset({"former"} & set(words)) | loose
    if head in lx.TITLE_HEADS and words[0] not in ("a", "an", "one", "another"):
        best = -1
        for wanted in (strict, loose):
            best = best if best >= 0 else titled(an, pos, head, wanted, words)
        if best >= 0:
            return Speaker(an.identities[best].name, best, written, shown)
        if words[0] == "the" and len(words) >= 3 and any(w in gz.PLACES for w in words[1:-1]):
            # "“…,” the Virginia senator said": no one is written with that title, and in the
            # trailer of a quotation news writing names the person just quoted again by state
            # and office.
            recent = _recent_person(an, pos, history)
            if (
                recent is not None
                and an.text[max(0, pos - 6) : pos].rstrip().endswith(_CLOSED_QUOTATION)
                and _may_hold(an.identities[recent].titles, head)
                and _last_person_before(an, pos) in (None, recent)
            ):
                return Speaker(an.identities[recent].name, recent, written, shown)
    if (
        head in lx.TITLE_HEADS
        or head in lx.SPEAKER_NOUNS
        or (head in lx.RELATION_NOUNS and "and" not in words)  # not "Jeb Bush and his brother"
    ):
        return Speaker(written, -1, written if head in lx.TITLE_HEADS else None, shown)
    if head in _PARTY_NOUNS and words[0] == "the":
        # "Speaker Paul Ryan says … In an interview, the Wisconsin Republican criticized":
        # news writing names the person just quoted again by state and party; by party
        # alone ("The Democrat added") only when the article gave them that party.
        recent = _recent_person(an, pos, history)
        if recent is not None and (len(words) >= 3 or written_with_party(an, recent, head)):
            return Speaker(an.identities[recent].name, recent, written, shown)
    printed = head in lx.PRINTED_THINGS and words[0] in ("a", "an", "one", "another", "the")
    if (head in lx.PERSON_HEADS or printed) and "and" not in words:
        # "The GOP front-runner said", "A Fox News contributor said": a person named by what
        # they do; the party or network before the noun only qualifies them and does not
        # speak. (Not "Jeb Bush and his older brother", where the name still speaks.) So
        # does a thing that shows printed words: "a Donald Trump campaign hat reading “…”".
        return Speaker(written, -1, None, shown)
    end = pos + len(written) + 2
    mids = an.mentions_in(pos, end)
    for mi in reversed(mids):
        if an.owner[mi] >= 0 and not place_in_phrase(an, mi, (pos, end)):
            return _named(an, an.owner[mi], shown)
    return Speaker(written, -1, None, shown)
