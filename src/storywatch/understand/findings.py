"""What a poll, a study or a record found, read as its statement.

News copy reports findings the way it reports speech, with the document as the speaker: "A
new poll shows Okafor leading Lee by ten points", "The review found that the pier had not
been inspected since 2010", "A Harbour Times survey, conducted by Ipsos, finds 60 percent
oppose the levy". On PolNeAR train a subject headed by such a noun before "found", "shows",
"concluded" and the like is annotated as an attribution 63 times in 64, content and all.

The verbs of finding are ordinary verbs with any other subject ("police found a body",
"Lee showed reporters the pier"), so this reading asks for the subject first: a noun
phrase whose head is a document or a body of evidence (:data:`~storywatch.understand.
lexicon.EVIDENCE_NOUNS`), standing where a subject stands (the sentence's start, after a
comma or a conjunction), with at most a modifier between it and the verb ("of likely
voters", "released Tuesday", ", conducted by Ipsos,"). Not a passive ("was found"), not a
phrasal verb ("showed up"). The speaker is the phrase up to its head ("A Harbour Times
survey"); the content is everything after the verb, "that" included, as the annotators draw
it: a clause, a clause without "that" ("finds 60 percent oppose …"), or an object and what
is said of it ("shows Okafor leading Lee"). It is direct when it holds a quotation.

Of this reading and the cue verbs' reading of the same sentence, the one that holds the other
is kept (:func:`with_finding`): "Lee said the poll found …" stays Lee's.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.reportless import circumstance_only
from storywatch.understand.spans import Found, Sentence, Span, _has_quote, _inside, _trim
from storywatch.understand.text import Word


def finding(text: str, s: Sentence) -> Found | None:
    """The finding reported in ``s`` by a document-headed subject, or ``None``."""
    words = s.words
    verbs = [k for k, w in enumerate(words) if w.text in lx.FINDING_VERBS]
    for n, k in enumerate(verbs):
        if _inside(s.quotes, words[k].start):
            continue
        if n + 1 < len(verbs) and _modifies_noun(words, k):
            continue  # "The documents found in his home show …": a participle, not the verb
        speaker = _subject(text, words, k)
        if speaker is None:
            continue
        content = _content(text, s, k)
        if content is None:
            continue
        if _subordinate(s, speaker[0]):
            content = _to_clause_end(text, s, content)
        direct = _has_quote(s.quotes, content[0], content[1])
        return Found((content,), direct, speaker, (words[k].start, words[k].end), s.index)
    return None


def with_finding(text: str, s: Sentence, found: Found | None) -> Found | None:
    """The reading of ``s`` by its cue verbs (``found``) or by its finding, whichever holds
    the other: "Lee said the poll found …" is Lee's; "A poll showed Clinton trailing, with
    56 percent saying …" is the poll's, and so is a verb of finding that is also a cue
    ("exit polls in Iowa indicated …"), read there with a subject that is no document."""
    own = finding(text, s)
    if own is None or own.cue is None:
        return found
    if found is None or found.cue is None:
        return own
    if any(a <= own.cue[0] < b for a, b in found.parts):
        return found  # the finding is part of what the cue reports
    if found.cue == own.cue:
        return own
    a, b = own.parts[0][0], own.parts[-1][1]
    return own if a <= found.cue[0] < b else found


def _subordinate(s: Sentence, start: int) -> bool:
    """The subject starting at ``start`` opens a subordinate clause that opens the sentence
    ("Because polls show …, her rivals …", "And while a poll showed …, the race …"), so the
    main clause follows it. One closing the sentence ("…, as a new poll showed Lee ahead,
    32 to 25") runs to its end."""
    before = [w.text.lower() for w in s.words if w.end <= start]
    while before and before[0] in _JOINERS:
        before = before[1:]
    return len(before) == 1 and before[0] in _SUBORDINATORS


def _to_clause_end(text: str, s: Sentence, content: Span) -> Span:
    """``content`` cut at the first comma outside a quotation, where a subordinate clause
    gives way to the main one ("if the emails show that he erred, the aide could …")."""
    start, end = content
    comma = text.find(",", start, end)
    while comma >= 0 and _inside(s.quotes, comma):
        comma = text.find(",", comma + 1, end)
    if comma < 0 or comma - start < _MIN_CONTENT:
        return content
    return _trim(text, start, comma)


def _modifies_noun(words: list[Word], k: int) -> bool:
    """ "found in his home", "shown to voters": a participle right before a preposition,
    with a later verb of finding in the sentence, modifies the noun before it."""
    w = words[k].text
    return (
        (w.endswith("ed") or w in ("found", "shown"))
        and k + 1 < len(words)
        and words[k + 1].text in _PREPOSITIONS
    )


def _subject(text: str, words: list[Word], k: int) -> Span | None:
    """The noun phrase, up to its document head, whose verb of finding is ``words[k]``."""
    j = k
    if j > 1 and words[j - 1].text == "to" and words[j - 2].text.lower() in _RAISING:
        j -= 2  # "polls continue to show", "the emails seem to show"
    while j > 0 and (words[j - 1].text.lower() in lx.AUXILIARIES or _adverb(words[j - 1])):
        if "," in text[words[j - 1].end : words[j].start]:
            break  # "…, which Lee won decisively, showed": the aside ends at the comma
        if words[j - 1].text.lower() in lx.BE_FORMS:
            return None  # "was found", "has been shown": a passive, its subject found nothing
        j -= 1
    if j == 0:
        return None
    for head in _heads(text, words, j):
        start = _phrase_start(text, words, head)
        if start is not None:
            return words[start].start, words[head].end
    return None


def _adverb(w: Word) -> bool:
    """An adverb between subject and verb ("consistently showed", "actually found")."""
    return w.text.endswith("ly") and w.text.islower() and len(w.text) > 4


def _heads(text: str, words: list[Word], j: int) -> list[int]:
    """Indices of the document nouns that may head the subject ending before ``words[j]``,
    nearest first: right before it, before a modifier ("of likely voters", "released
    Tuesday", "this month"), or before an aside set off by commas (", conducted by
    Ipsos,"). A nearer one may be part of a name in the modifier ("conducted by Edison
    Research"), so the caller tries each."""
    gap = text[words[j - 1].end : words[j].start]
    if "," in gap:
        return _heads_before_aside(text, words, j)
    return [] if gap.strip() else _heads_in_run(text, words, j)


def _heads_in_run(text: str, words: list[Word], j: int) -> list[int]:
    """The document nouns that may head the words before ``words[j]``, with no comma or
    clause between."""
    out: list[int] = []
    for h in range(j - 1, max(-1, j - 1 - _MODIFIER_WORDS), -1):
        if h < j - 1 and "," in text[words[h].end : words[h + 1].start]:
            break
        if _evidence(words[h]) and (h == j - 1 or _opens_modifier(words, h + 1)):
            out.append(h)
        low = words[h].text.lower()
        if low in _NOT_IN_MODIFIER:
            break  # "a poll of voters who …": a clause of its own, no modifier
        if (low in lx.CUE_WORDS or low in lx.FINDING_VERBS) and not (
            h > 0 and _evidence(words[h - 1])
        ):
            break  # another verb between: "Lee said polls …"; not "figures reported on"
    return out


def _heads_before_aside(text: str, words: list[Word], j: int) -> list[int]:
    """ "A survey, conducted by Ipsos, finds": the comma opening the aside follows the
    subject."""
    for i in range(j - 1, max(0, j - _ASIDE_WORDS), -1):
        if "," not in text[words[i - 1].end : words[i].start]:
            continue
        opener = words[i].text.lower()
        if opener not in _ASIDE_OPENERS and not _participle(words[i]):
            return []
        return _heads_in_run(text, words, i)
    return []


def _opens_modifier(words: list[Word], i: int) -> bool:
    """``words[i]`` opens a modifier after a head noun: a preposition, a participle or a
    word of time."""
    w = words[i]
    low = w.text.lower()
    return low in _PREPOSITIONS or low in _TIME_WORDS or low == "there" or _participle(w)


def _participle(w: Word) -> bool:
    low = w.text
    return low.islower() and (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES)


def _evidence(w: Word) -> bool:
    return w.text.lower() in lx.EVIDENCE_NOUNS


def _phrase_start(text: str, words: list[Word], head: int) -> int | None:
    """Where the subject phrase headed by ``words[head]`` begins, or ``None`` when what
    stands before it is no place for a subject ("Lee cited a poll", "in the report")."""
    i = head
    determined = False
    while i > 0 and head - i < _PHRASE_WORDS:
        prev = words[i - 1]
        gap = text[prev.end : words[i].start]
        low = prev.text.lower()
        if gap.strip() not in ("", "’s", "'s", "’", "'", "-", "/"):
            return i  # a comma, a colon or a dash: the phrase opens the clause
        if low in _BOUNDARIES:
            return i
        if low in _RELATIVES:
            return None  # "the plan, which analyses estimated to cost …": an object relative
        if determined and low != "of" and low not in _OPENING_DETERMINERS:
            return None  # "Lee knows the polls": a word before the determiner
        if low in _PHRASE_PREPOSITIONS:
            return None  # "in the report", "with a poll": no subject
        if low in lx.CUE_WORDS or low in lx.FINDING_VERBS or low in lx.PERSONAL_PRONOUNS:
            return None
        if low in lx.BE_FORMS or low in _VERBISH:
            return None
        if low in _OPENING_DETERMINERS:
            determined = True
        elif low == "of":
            determined = False
        elif (
            prev.text.islower()
            and low.endswith("s")
            and i - 1 > 0
            and not low.endswith("ss")
            and words[i].text != "of"
        ):
            before = words[i - 2].text
            if (
                before[:1].isupper()
                and not before.endswith(("’s", "'s", "’", "'"))
                and low not in _PLURAL_MODIFIERS
            ):
                return None  # "Lee knows polls": a verb after a name
        i -= 1
    if i == 0:
        return 0
    return i if determined else None


def _content(text: str, s: Sentence, k: int) -> Span | None:
    """What the verb at ``s.words[k]`` reports: from "that" (after a few words of time or
    place at most) or from the word after it, to the end of the sentence."""
    rest = s.words[k + 1 :]
    if not rest or "," in text[s.words[k].end : rest[0].start]:
        return None
    first = rest[0].text.lower()
    if first in lx.PHRASAL_PARTICLES:
        return None  # "showed up", "found out": no finding reported
    at = next(
        (n for n, w in enumerate(rest[:_LEAD_WORDS]) if w.text == "that"),
        None,
    )
    if at is not None and (at == 0 or circumstance_only(rest[:at])):
        begin = rest[at].start
    elif first in _PREPOSITIONS or first in _TIME_WORDS:
        return None  # "found in March …", "showed Tuesday …" with no "that" clause after
    else:
        begin = rest[0].start
    start, end = _trim(text, begin, _before_own_attribution(text, s, begin))
    if text[start:end].rstrip().endswith(":") or text[s.start : s.end].rstrip().endswith(":"):
        return None  # "The poll also found that:": the findings follow, listed
    if end - start < _MIN_CONTENT:
        return None
    return start, end


def _before_own_attribution(text: str, s: Sentence, begin: int) -> int:
    """Where the content from ``begin`` ends: at a colon after which a clause reports with a
    verb of its own ("shows why the angst is a problem: A recent poll showed …", "shows how
    hard it will be: Six in 10 said …"), else at the sentence's end. A list after the colon
    is the finding's ("shows Clinton up by 10 points in the next contest: New York")."""
    colon = text.find(":", begin, s.end)
    while colon >= 0 and _inside(s.quotes, colon):
        colon = text.find(":", colon + 1, s.end)
    if colon < 0:
        return s.end
    after = [w for w in s.words if w.start > colon and not _inside(s.quotes, w.start)]
    if any(w.text in lx.CUE_WORDS or w.text in lx.FINDING_VERBS for w in after):
        return colon
    return s.end


# Conjunctions opening a clause that another, the main one, follows.
_SUBORDINATORS = _words("if because while although though when since as whereas unless")
_JOINERS = _words("and but yet so even")

# Verbs that hand their subject to an infinitive of finding ("polls continue to show").
_RAISING = _words("seem seems seemed appear appears appeared continue continues continued")

# Words that open a modifier between a head noun and its verb.
_PREPOSITIONS = _words(
    """
    of by from in for on at among across with about into over since between during after
    before
    """
)
_PHRASE_PREPOSITIONS = _PREPOSITIONS - {"of"} | _words("to as than like through via")
_TIME_WORDS = _words(
    """
    this last next earlier later monday tuesday wednesday thursday friday saturday sunday
    today yesterday
    """
)
_IRREGULAR_PARTICIPLES = _words("taken done made out drawn written seen run shown held")
# Words that open an aside after a head noun: a relative pronoun or a preposition.
_ASIDE_OPENERS = _words("which that who of by from in for on released published")
# What a modifier between head and verb never holds: a clause of its own.
_NOT_IN_MODIFIER = _words("that which who whom whose but because while when if as")
# Words before which a subject phrase opens.
_BOUNDARIES = _words(
    """
    and but or while as because since though although when whereas yet so that if where
    after before until now
    """
)
_OPENING_DETERMINERS = _words(
    """
    the a an this that these those its their his her our one another each every several
    many some most all both no any other
    """
)
_RELATIVES = _words("which who whom whose what")
_VERBISH = _words("has have had will would could can should may might must did does do")
# Lowercase plurals that modify a head ("news reports", "sales figures").
_PLURAL_MODIFIERS = _words("news sales elections analytics")

_MODIFIER_WORDS = 16
_ASIDE_WORDS = 25
_PHRASE_WORDS = 10
_LEAD_WORDS = 6
_MIN_CONTENT = 4
