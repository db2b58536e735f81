"""A speech act written as a noun with its owner: "her remark that “there's a special place
in hell …”", "Trump's recent assertion that “thousands” celebrated", "his promise to be
“neutral” in the talks".

The owner (a possessive pronoun or a name with "'s") is who spoke, the noun says that they
spoke, and the clause after "that" (or "to", for a promise or a call) is what they said,
as PolNeAR's annotators mark it. The clause may also follow the noun's verb "was that" or
"is that" ("his answer was that “…”", "Rubio's catch phrase in that race was that …").
Only a clause holding a quotation is read, and the caller keeps it only when the owner
resolves to a named person or organisation: a noun of speech alone is too weak a sign to
credit a description.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import is_relative_that
from storywatch.understand.finite_verbs import finite
from storywatch.understand.lexicon import words_of
from storywatch.understand.partial_tails import MORE_IRREGULAR_PAST, cut_tail
from storywatch.understand.spans import (
    _PREPOSITIONS,
    Found,
    Sentence,
    Span,
    _closes_at,
    _has_quote,
    _inside,
    _trim,
    cue_indices,
)
from storywatch.understand.text import Quote, Word

# Nouns that name an act of speech whose words follow in a "that" clause.
_THAT_NOUNS = words_of(
    """
    remark remarks comment comments claim claims assertion assertions accusation
    accusations contention insistence suggestion declaration boast charge argument
    admission prediction warning
    """
)

# Nouns that name what someone said, whose words follow "was that" or "is that" ("her answer
# was that “…”", "his assumption, stated on live TV, was that “…”"): the noun says they
# spoke, and the clause after the copula is what they said, as with a "that" noun.
_COPULA_NOUNS = _THAT_NOUNS | words_of(
    """
    answer response reply assumption message phrase line pitch point position view
    refrain explanation
    """
)
_COPULAS = frozenset(("was", "is"))

# Nouns whose words follow as an infinitive ("his promise to be “neutral”").
_TO_NOUNS = words_of("promise promises pledge pledges vow vows")

# "his call for “a total halt” to permits", "her calls to end the “rigged” system": an owned
# call is a demand its owner made, and what was demanded follows right after "for" (a noun
# phrase, where the quotation starts) or "to" (an infinitive, as after a promise).
_CALL_NOUNS = words_of("call calls")

_POSSESSIVE_ENDINGS = ("’s", "'s")

# Words allowed between the owner and the noun ("Trump's recent evidence-free assertion",
# "her March comment"), and between the noun and "that" ("suggestion at a debate that").
_MAX_MODIFIERS = 3
_MAX_GAP = 6


def speech_noun_led(text: str, s: Sentence) -> Found | None:
    """The first owned noun of speech followed by its clause with a quotation in it."""
    if not s.quotes:
        return None
    words = s.words
    for k, w in enumerate(words):
        low = w.text.lower()
        if low not in _NOUNS:
            continue
        if _inside(s.quotes, w.start):
            continue
        owner = _owner(text, s, k)
        agent = _agent_after(text, s, k) if owner is None and low in _BY_NOUNS else None
        if agent is not None:
            said = _what_was_said(text, s, agent[1], agent[0], w)
            if said is not None:
                return said
            continue
        if owner is None or low not in _OWNED_NOUNS:
            continue
        labelled = _labelled_quote(text, s, k) if low in _COPULA_NOUNS else None
        if labelled is not None:
            return Found(labelled.parts, True, owner, (w.start, w.end), s.index)
        start = _after_copula(text, words, k) if low in _COPULA_NOUNS else None
        if start is None and low in _COPULA_NOUNS and low not in _THAT_NOUNS:
            continue
        if start is None and low in _CALL_NOUNS:
            if _object_of_cue(text, s, owner):
                continue
            start = _demanded(text, words, k)
        elif start is None:
            opener = "that" if low in _THAT_NOUNS else "to"
            start = _clause_start(text, words, k, opener)
        if start is None:
            continue
        said = _what_was_said(text, s, start, owner, w)
        if said is not None and low in _CALL_NOUNS:
            said = _demand_end(s, said)
        if said is not None:
            return before_main_verb(text, s, said) if _opens_sentence(text, s, owner) else said
    return None


# Words that carry a demanded noun phrase on past its quotation ("a “total ban” on imports",
# "a “rebuild” that lasts").
_PHRASE_GOES_ON = _PREPOSITIONS | words_of("that which who and or")


def _object_of_cue(text: str, s: Sentence, owner: Span) -> bool:
    """ "The rally denounced Senator Kello's call for “…”": an owned call that is the object
    of a verb of speech a few words before it is what that verb's subject spoke about, and
    PolNeAR credits the whole phrase, quotation and all, to them (the rally), not to the
    call's owner."""
    before = [w for w in s.words if w.end <= owner[0]][-_MAX_OBJECT_LEAD:]
    for w, nxt in zip(reversed(before), [None, *reversed(before)], strict=False):
        gap = text[w.end : nxt.start if nxt is not None else owner[0]]
        if any(c in gap for c in ",;:—–()"):
            return False
        if w.text.lower() in lx.CUE_WORDS or w.text.lower() in lx.QUOTE_CUES:
            return True
    return False


# Words of the noun phrase an owner may stand in ("denounced Republican presidential
# candidate Donald Trump's call").
_MAX_OBJECT_LEAD = 5


def _demand_end(s: Sentence, said: Found) -> Found:
    """ "While Kello's call for a “new deal” draws crowds, …": what a call demands is a noun
    phrase, so a lowercase word after its first quotation that neither carries the phrase
    on (a preposition, a relative, "and") nor is a name is the verb whose subject the call
    is, and the demand ends at the quotation."""
    start, end = said.parts[0]
    quote = next((q for q in s.quotes if start <= q.start < end), None)
    if quote is None or quote.end >= end:
        return said
    nxt = next((x for x in s.words if x.start >= quote.end), None)
    if nxt is None or not nxt.text.islower() or nxt.text in _PHRASE_GOES_ON:
        return said
    return Found(((start, quote.end),), said.direct, said.speaker, said.cue, said.sentence)


def _opens_sentence(text: str, s: Sentence, owner: Span) -> bool:
    """The owner opens the sentence ("Trump's claim that …", "Senator Ben Okafor's claim
    that …", "But the mayor's remark that …"), so the noun phrase with its clause is the
    sentence's subject and a verb follows it."""
    lead = text[s.start : owner[0]]
    return "," not in lead and all(w in _LEADS or w[:1].isupper() for w in lead.split())


_LEADS = frozenset(("the", "a"))


def owner_opens(text: str, s: Sentence, k: int) -> bool:
    """The cue word at ``k`` is a noun right after a possessive that opens the sentence
    ("Trump's claim that …"): the reading's clause is that noun phrase's, the subject."""
    if k == 0 or not s.words[k - 1].text.endswith(_POSSESSIVE_ENDINGS):
        return False
    owner = s.words[k - 1]
    return text[owner.end : s.words[k].start] == " " and _opens_sentence(
        text, s, (owner.start, owner.end)
    )


def before_main_verb(text: str, s: Sentence, said: Found) -> Found:
    """ "Trump's claim that the election is “rigged” by Democrats drew rebukes": the noun
    phrase is the subject, so a finite verb right after the clause's last quotation, or
    after a short phrase opened by a preposition ("by Democrats"), is the sentence's own
    predicate; what was said ends before it. Anything else after the quotation (a pronoun,
    "and", a noun) may still be the clause going on, and is left to the clause's reading."""
    if len(said.parts) != 1:
        return said
    start, end = said.parts[0]
    inside = [q for q in s.quotes if start <= q.start and q.end <= end]
    if not inside:
        return said
    last = max(inside, key=lambda q: q.end)
    after = [w for w in s.words if last.end <= w.start < end]
    n = 0
    if after and after[0].text in _PREPOSITIONS:
        n = next((i for i, w in enumerate(after[: _MAX_TAIL_WORDS + 1]) if _main_verb(w.text)), 0)
    if not after or not _main_verb(after[n].text):
        return said
    if any(w.text.lower() in _JOINS or _inside(s.quotes, w.start) for w in after[:n]):
        return said
    cut = _trim(text, start, after[n].start)[1]
    if _closes_at(text, cut):
        cut += 1
    return Found(((start, cut),), said.direct, said.speaker, said.cue, said.sentence)


def _main_verb(word: str) -> bool:
    return word.islower() and (finite(word) or word in MORE_IRREGULAR_PAST)


# A short phrase that may stand between the quotation and the main verb ("by Democrats").
_MAX_TAIL_WORDS = 3
_JOINS = frozenset(("and", "but", "or", "if", "when", "while", "because", "that", "which"))


def _what_was_said(text: str, s: Sentence, start: int, owner: Span, noun: Word) -> Found | None:
    """The clause from ``start`` to where the noun's sentence goes on without it, when it
    holds a quotation, as the owner's statement."""
    start, end = _trim(text, start, s.end)
    if start >= end or not _has_quote(s.quotes, start, end, text):
        return None
    end = _embedded_end(text, s, start, cut_tail(text, s.quotes, start, end))
    if _closes_at(text, end):
        end += 1
    return Found(((start, end),), True, owner, (noun.start, noun.end), s.index)


def _embedded_end(text: str, s: Sentence, start: int, end: int) -> int:
    """The noun phrase sits inside a sentence of its own ("his promise to be “neutral” in
    the talks, have caused concern"): a comma, semicolon or dash after the first quotation
    ends what was said."""
    first = next((q for q in s.quotes if q.start >= start), None)
    if first is None:
        return end
    for i in range(first.end, end):
        if text[i] in ",;—–" and not any(q.start < i < q.end for q in s.quotes):
            while i > start and text[i - 1] == " ":
                i -= 1
            return i
    return end


def _owner(text: str, s: Sentence, k: int) -> Span | None:
    """The possessive that owns the noun at ``k``, over a few modifiers, as a speaker span
    ("her" or "Trump" from "Trump's")."""
    words = s.words
    for i in range(k - 1, max(-1, k - 2 - _MAX_MODIFIERS), -1):
        w = words[i]
        if _inside(s.quotes, w.start) or any(c in text[w.end : words[i + 1].start] for c in ",;:"):
            return None
        low = w.text.lower()
        if low in lx.OWNER_PRONOUNS:
            return w.start, w.end
        if w.text.endswith(_POSSESSIVE_ENDINGS) and w.text[:1].isupper():
            return words[_name_start(text, words, i, 0)].start, w.end - 2
        if low in ("the", "a", "an", "this", "that"):
            return None
    return None


def _agent_after(text: str, s: Sentence, k: int) -> tuple[Span, int] | None:
    """ "the contention of former Secretary of State Maria Lopez that …", "a report by
    Politico that he “fabricated” the story", "2013 comments from Leon Panetta that “…”":
    the noun's speaker follows it after "by", "of" or "from", and what they said opens at
    the "that" after the speaker. The speaker must hold a capitalised word (a name, which
    the caller requires anyway: "the suggestion by a potential president" is left alone),
    and the "that" must open a clause, not a relative one ("a report by Politico that ran
    Friday"). Returns the speaker's span and where the clause starts."""
    words = s.words
    if k + 2 >= len(words) or words[k + 1].text not in ("by", "of", "from"):
        return None
    for i in range(k + 2, min(len(words), k + 2 + _MAX_AGENT)):
        if _inside(s.quotes, words[i].start) or any(
            c in text[words[i - 1].end : words[i].start] for c in ",;:()"
        ):
            return None
        if words[i].text != "that":
            continue
        if i == k + 2 or not any(w.text[:1].isupper() for w in words[k + 2 : i]):
            return None
        if is_relative_that(words, i):
            return None
        # The name that ends the phrase ("former secretary of state Hillary Clinton"): a
        # lowercase title before it would keep the speaker from resolving to the person.
        last = i - 1
        first = _name_start(text, words, last, k + 2) if words[last].text[:1].isupper() else k + 2
        return (words[first].start, words[last].end), words[i].start
    return None


# Words the speaker after "by"/"of"/"from" may run to ("former secretary of state Hillary
# Rodham Clinton"), and the nouns read that way: a report names its author after "by".
_MAX_AGENT = 9
_BY_NOUNS = _THAT_NOUNS | words_of("report reports")
# The nouns read with an owner before them, and all the nouns this module reads.
_OWNED_NOUNS = _COPULA_NOUNS | _TO_NOUNS | _CALL_NOUNS
_NOUNS = _OWNED_NOUNS | _BY_NOUNS


def _name_start(text: str, words: list[Word], last: int, floor: int) -> int:
    """The index of the first word of the run of capitalised words, joined by single spaces,
    that ends at ``words[last]`` (not before ``floor``)."""
    first = last
    while (
        first > floor
        and words[first - 1].text[:1].isupper()
        and text[words[first - 1].end : words[first].start] == " "
    ):
        first -= 1
    return first


def _labelled_quote(text: str, s: Sentence, k: int) -> Quote | None:
    """ "Her answer: “We will not go back.”", "Ruiz's message to the crews: “Hold the
    line.”": the owned noun, a few words of its own, a colon, and a whole quotation to the
    end of the sentence, is a label for the owner's words. Only when the label opens its
    sentence (a clause before it would have its own verb and subject)."""
    words = s.words
    if k > _MAX_MODIFIERS + 1 or any(c in text[s.start : words[k].start] for c in ",;:"):
        return None
    q = next((o for o in s.quotes if o.start > words[k].end), None)
    if q is None or not q.closed or text[q.end : s.end].strip(" .?!…"):
        return None
    label = text[words[k].end : q.start].rstrip()
    if not label.endswith(":") or len(label.split()) > _MAX_GAP or any(c in label for c in ",;"):
        return None
    return q


def _after_copula(text: str, words: list[Word], k: int) -> int | None:
    """Where what was said begins after "was that" or "is that" a few words past the noun
    ("Rubio's catch phrase in that race was that …"), or ``None``. An aside between commas
    may stand before the copula ("his assumption, stated on TV, was that"); a semicolon or
    colon ends the noun's sentence, and the search with it."""
    for i in range(k + 1, min(len(words) - 1, k + 2 + _MAX_GAP)):
        if any(c in text[words[i - 1].end : words[i].start] for c in ";:"):
            return None
        if words[i].text in _COPULAS and words[i + 1].text == "that":
            return words[i + 1].start
    return None


def _demanded(text: str, words: list[Word], k: int) -> int | None:
    """Where what an owned call demands begins: after "for" ("his call for “a full
    rebuild”": the thing demanded, from its opening mark, without the preposition) or at
    "to" ("her calls to “fix every road”"), only right after the noun; any other word there
    ("his call last week", "her call with donors") is no demand's opening."""
    if k + 2 >= len(words):
        return None
    nxt = words[k + 1]
    if nxt.text == "for":
        gap = text[nxt.end : words[k + 2].start]  # " " or " “": start at the opening mark
        return nxt.end + len(gap) - len(gap.lstrip())
    return nxt.start if nxt.text == "to" else None


def _clause_start(text: str, words: list[Word], k: int, opener: str) -> int | None:
    """Where what was said begins: at "that" or "to" right after the noun, or after a short
    adverbial ("at a similarly timed debate that")."""
    for i in range(k + 1, min(len(words), k + 2 + _MAX_GAP)):
        if words[i].text == opener:
            return words[i].start
        if any(c in text[words[i - 1].end : words[i].start] for c in ";:"):
            return None
    return None


# What follows a noun of speech that is the subject of its own verb ("Trump's comments are
# “another example …”", "Clinton's remarks were …").
_PREDICATE_WORDS = lx.BE_FORMS | words_of(
    "has have had do does did will would can could may might shall should must"
)


def owned_noun_is_subject(text: str, words: list[Word], k: int) -> bool:
    """ "Trump's comments are “another example of his divisive race-baiting”", "Trump's
    comments “are based on his opinion”", "Vale's comments come a week before the “opt-out”
    vote": the owned noun at ``k`` is the subject of another verb, and the quotation is what
    someone else says about the comments (or the writer's), not the owner's words. The next
    word (inside a quotation opening right there, too) is a form of "be" or an auxiliary,
    or, after a plural noun, a verb of its own."""
    if k + 1 >= len(words):
        return False
    nxt = words[k + 1].text
    if nxt.lower() in _PREDICATE_WORDS:
        return True
    # Right after the noun (not "Obama's comments, made in an interview, that …").
    adjacent = text[words[k].end : words[k + 1].start] == " "
    return (
        adjacent
        and words[k].text.endswith("s")
        and (nxt in _PLURAL_VERBS or (nxt.islower() and finite(nxt)))
    )


# Present forms a plural noun of speech takes as its own verb ("Vale's comments come a week
# before the vote", "Holm's remarks drew fire"; past forms are guessed by ``finite``).
_PLURAL_VERBS = words_of("come follow draw prompt spark raise echo reflect mark")


def _owned_noun(words: list[Word], k: int) -> bool:
    """ "Vale's comments", "Holm's remarks": a cue word in "-s" right after a possessive is
    a plural noun (no verb follows a possessive). So is the bare form of a cue ("the FBI's
    report", "Holm's claim"), which cannot follow the "'s" of "has" or "is" either ("Holm's
    reported" and "Holm's warning" can, and stay verbs); before "that" it still introduces
    its owner's words. A possessive pronoun owns the noun as a name does ("a source familiar
    with his remarks": no verb follows "his" either)."""
    if k == 0:
        return False
    before = words[k - 1].text
    low = words[k].text.lower()
    if before.lower() in lx.OWNER_PRONOUNS and low.endswith("s"):
        return True
    if not before.endswith(lx.POSSESSIVE_ENDINGS):
        return False
    if low.endswith("s"):
        return True
    # "Trump's claim that Obama “founded ISIS”" still reports the owner's words.
    return lx.CUE_LEMMA.get(low) == low and (
        k + 1 == len(words) or words[k + 1].text not in ("that", "to")
    )


def _reported_owner(s: Sentence, k: int) -> bool:
    """ "In response to Vale's comments, Holm released a statement saying …", "The party said
    Trump's comments were “…”", "Trump's comments “were …,” the party said": an owned noun
    is no verb of its owner when a real cue (no owned noun) elsewhere in the sentence reports
    the words."""
    return any(n != k and not _owned_noun(s.words, n) for n in cue_indices(s))


def _no_verb_of_owner(text: str, s: Sentence, k: int) -> bool:
    """An owned noun at ``k`` ("Vale's comments") that reports nothing of its owner:
    another real cue in the sentence reports the words ("In response to Vale's comments,
    Holm said …"); it is the subject of another verb ("Trump's comments are “…”", said
    about them); or nothing follows for it to introduce, no quotation and no "that" clause
    ("Lopez applauded Clinton's remarks.": the words around are not the owner's, while
    "Trump's claims that he …" still reports the claim); or "as" follows ("played down
    Vale's comments as “…”": the describer's words about the comments)."""
    words = s.words
    if _reported_owner(s, k) or owned_noun_is_subject(text, words, k):
        return True
    if k + 1 < len(words) and words[k + 1].text == "as":
        return True  # (an unlisted verb's object: "played down" reads no reporter here)
    quote_after = any(q.start > words[k].end for q in s.quotes)
    return not quote_after and (k + 1 == len(words) or words[k + 1].text != "that")


def owned_noun_not_verb(text: str, s: Sentence, k: int) -> bool:
    """Whether the cue word at ``k`` is an owned noun ("Vale's comments") that reports
    nothing of its owner, so the cue readers pass it by."""
    return _owned_noun(s.words, k) and _no_verb_of_owner(text, s, k)
