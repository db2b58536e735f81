"""Noun phrases around a cue verb: who is speaking, as written in the sentence.

"Esper said", "said Mattie Thomas, 66, a …", "Joe Madison, a radio host …, recalled",
"a letter from Gen. William Seely to Iraq's Defense Ministry said", "A top strategist,
John Weaver, said": each function returns the span of the speaker as written; turning it
into a named person is :mod:`storywatch.understand.speakers`' job.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import (
    agent_noun,
    coordinate_adjective,
    is_age,
    is_aside,
    is_capitalised_role,
    is_name_chunk,
    is_owned_role,
    is_person_chunk,
    is_role_chunk,
    joins_clause,
    names_someone,
    opening_group,
    person_noun,
    plausible,
)
from storywatch.understand.inverted_speakers import joined_titles, names_whom, said_when
from storywatch.understand.lone_surnames import lone_surname
from storywatch.understand.places import is_place_appositive, past_place_appositives
from storywatch.understand.quoted_titles import quoted_title
from storywatch.understand.relative_nouns import ends_in_relative, relative_np
from storywatch.understand.share_phrases import share_goes_on, share_joint
from storywatch.understand.spans import (
    _CONJUNCTIONS,
    _DETERMINERS,
    _NP_STOP,
    _PREPOSITIONS,
    Sentence,
    Span,
    _inside,
)
from storywatch.understand.subject_gaps import (
    skip_adverbs_after_aside,
    skip_circumstances,
    skip_party_label,
    skip_time,
)
from storywatch.understand.text import Word
from storywatch.understand.time_openers import after_time_opener


def _np_after(text: str, words: list[Word], k: int, loose: bool = False) -> Span | None:
    """The speaker written after an inverted cue: "said Mattie Thomas, 66, a …"."""
    out: list[Word] = []
    limit = k + 9
    end = -1
    n = k
    while n < min(len(words), k + 14):
        w = words[n]
        if out and end < 0 and text[out[-1].end : w.start] not in (" ", ". ", "-"):
            title = quoted_title(text, words, n, out[-1])
            if title is None:
                break
            # "the authors of the “Bright Future Plan,”": the title is inside the phrase.
            out.extend(words[n : title[0]])
            n, end = title[0], title[1]
            if title[2]:
                break  # a comma inside the closing mark ends the phrase
            limit = max(limit, n + 1)
            continue
        if end >= 0:
            if n >= len(words) or text[end : w.start] != " ":
                break
            end = -1  # "the “Care for all” document": the phrase goes on after the title
        if n >= limit:
            break
        if said_when(text, words, n, out):
            break  # "said the company Tuesday.": the day it was said
        if w.text.lower() in _NP_STOP and (out or w.text.lower() != "that"):
            if names_whom(words, n, out):
                limit = n + 5  # the name after "to" ("both Clintons", "President Jo Bell")
            elif joined_titles(words, n, out):
                limit = n + 8  # the second title and the name
            else:
                break
        out.append(w)
        n += 1
    if not out:
        return None
    span = (out[0].start, end if end >= 0 else out[-1].end)
    return span if plausible(text, out, loose) else None


# A comma or a bracket between two words breaks a noun phrase into chunks (searched for in
# place, without slicing the gap out of the text).
_CHUNK_BREAK = re.compile(r"[,()]")


def _np_before(
    text: str, words: list[Word], j: int, floor: int, loose: bool = False
) -> Span | None:
    """The subject written before a cue at ``words[j]`` (after auxiliaries were skipped).

    Handles an appositive between subject and cue ("Joe Madison, a radio host …, recalled")
    and a relative pronoun ("…, who said").
    """
    cue = words[j].text.lower() if j < len(words) else ""
    j = skip_circumstances(text, words, j)
    j = skip_adverbs_after_aside(text, skip_time(text, words, j), words)
    if j == 0:
        return None
    j = skip_party_label(text, words, j)
    prev = words[j - 1]
    between = text[prev.end : words[j].start]
    if "," in between or ")" in between:
        return _subject_before_appositive(text, words, j, floor, loose)
    out: list[Word] = []
    i = j - 1
    while i >= 0 and len(out) < 14:
        w = words[i]
        gap = text[w.end : out[0].start] if out else " "
        if gap == ", " and coordinate_adjective(text, words, i, out):
            gap = " "
        if gap not in (" ", ". ", "-", "’s ", "'s ", "’ ", "' "):
            break
        low = w.text.lower()
        if (
            low == "of"
            and out
            and out[0].text[:1].isupper()
            and i > 0
            and words[i - 1].text[:1].isupper()
        ):
            out.insert(0, w)
            i -= 1
            continue
        if share_joint(words, i, out, cue):
            out.insert(0, w)  # "Two in three said", "Almost half of respondents said"
            i -= 1
            continue
        if out and _hangs(words, i):
            # "a letter from Gen. Seely to Iraq's Defense Ministry said": keep going left
            # while the phrase hangs off a document or role noun ("letter", "spokesman").
            head = _head_before(words, i)
            if head is not None:
                out.insert(0, w)
                i -= 1
                continue
        if low in _PREPOSITIONS or (low in _SUBORDINATORS and w.text[0].isupper()):
            if not out and lone_surname(text, w):
                return w.start, w.end  # "… “a closed shop,” From said": a family name
            break
        if low in _NP_STOP and low not in ("who", "that", "which"):
            break
        if w.start < floor or (low in ("that", "which") and out and joins_clause(out[0])):
            break  # "A poll found that most residents say": "that" joins, no demonstrative
        out.insert(0, w)
        if len(out) == 1 and low in ("that", "which"):
            # "a message that said": go on to the noun the relative pronoun stands for.
            i -= 1
            continue
        if low in _DETERMINERS or low in lx.PERSONAL_PRONOUNS or low in ("who", "which"):
            if share_goes_on(words, i, out, cue):
                i -= 1  # "Two in three said": a count in a share, no determiner
                continue
            if (
                low in _DETERMINERS
                and i > 1
                and _hangs(words, i - 1)
                and text[words[i - 1].end : w.start] == " "
                and _head_before(words, i - 1) is not None
            ):
                i -= 1  # "A spokesman for the buyer said": go on to the speaking noun
                continue
            if low in _DETERMINERS and _name_then_preposition(text, words, i):
                out.insert(0, words[i - 1])
                i -= 2  # "Mark Esper of the Brookings Institution said": go on to the name
                continue
            if low == "it" and len(out) > 1:
                return None  # "put it in his memo to employees explaining": no subject
            break
        i -= 1
    if not out:
        return None
    # Keep the name run and its title: cut lowercase words before a capitalised head.
    if plausible(text, out, loose):
        return out[0].start, out[-1].end
    # "a message that said, “…”" (loose); "an ad that urges voters to “…”": a relative
    # pronoun stands for the noun before it; with no quotation opened by the cue, only a
    # thing that carries words speaks so ("a group that pledged loyalty" does not).
    if not ends_in_relative(out):
        return None
    if loose:
        return relative_np(text, out, floor)
    if out[-2].text.lower() not in lx.WORD_CARRIERS:
        return None
    found = relative_np(text, out, floor)
    return (found[0], out[-2].end) if found is not None else None  # the thing, not "that"


_HANGING = frozenset(("from", "by", "to", "for", "of", "on", "at", "in"))


def _hangs(words: list[Word], i: int) -> bool:
    """``words[i]`` is a preposition a speaker's phrase goes on through: "a spokesman for
    the buyer", and "with" after "familiar" ("a source familiar with the talks"; not "with
    the company claiming", which opens a clause of its own)."""
    low = words[i].text.lower()
    if low != "with" or i == 0:
        return low in _HANGING
    # "a source familiar with the talks", "people with direct knowledge of the work"
    return words[i - 1].text == "familiar" or words[i - 1].text.lower() in _WITH_HOLDERS


_WITH_HOLDERS = frozenset(("people", "sources", "source", "officials", "official", "someone"))


# Subordinators ("When the director arrived, …"): never a speaker's, nor a subject's opener.
_SUBORDINATORS = lx.words_of("when while because although though if whether once unless")


def _name_then_preposition(text: str, words: list[Word], i: int) -> bool:
    """The determiner at ``i`` opens a body after a name and "of"/"at"/"from" ("Mark Esper of
    the Brookings Institution", "Ann Lee at the Urban Institute"): the name speaks. A word
    opening the sentence is capitalised whatever it is ("Members of the press")."""
    if i < 3 or words[i - 1].text not in ("of", "at", "from"):
        return False
    name = words[i - 2].text
    return (
        text[words[i - 2].end : words[i].start] == f" {words[i - 1].text} "
        and name[:1].isupper()
        and name.lower() not in _DETERMINERS
        and name.lower() not in lx.NOT_NAMES
    )


def _opens_plural(words: list[Word], k: int, i: int) -> bool:
    """``words[k]`` opens the sentence and is a plural speaking noun, capitalised for that
    alone, that the phrase up to the preposition at ``i`` hangs on, right before it or past
    a participle of knowing or being told ("Officials familiar with the inquiry said",
    "People briefed on the move said"; not "Reporters seized on …", a verb of their own).
    Not before "of", which :func:`~storywatch.understand.chunks.opening_group` reads for a
    few nouns only ("Members of the press accused … of implying" reports nothing)."""
    if k != 0 or words[i].text == "of":
        return False
    if words[k].text != "People" and not words[k].text.endswith("s"):
        return False
    return i == k + 1 or (i == k + 2 and words[k + 1].text in _KNOWING)


# Participles between a speaking noun and the phrase that tells what it knows.
_KNOWING = frozenset(
    ("familiar", "briefed", "involved", "close", "knowledgeable", "interviewed", "aware")
)


def _capital_head(words: list[Word], k: int, i: int) -> bool:
    """``words[k]``, right before the preposition at ``i``, heads a phrase hanging on it even
    when capitalised: a title ("the Speaker of the House", "the Secretary-General of the
    United Nations"), "head" ("the head of the World Bank"), or a plural speaking noun
    capitalised only because it opens the sentence, before "at", "for" or "to" ("Officials
    at the ministry said", "Lawyers for Vale said"). Not before "of" ("Members of the press
    accused …"): tried, it found acts that are no statements ("accused … of implying")."""
    low = words[k].text.lower()
    if k != i - 1:
        return False
    if low in lx.TITLE_HEADS or low == "head":
        return True
    return k == 0 and opening_group(low, words[i].text)


# Prepositions through which one place phrase hangs on another before the speaking noun.
_CHAINED = frozenset(("at", "in"))


def _head_before(words: list[Word], i: int) -> int | None:
    """Index of a speaking noun a few words left of the preposition at ``i``, if any."""
    if i > 1 and words[i].text == "to" and words[i - 1].text in ("close", "closest"):
        # "Sources close to Trump said", "people close to the speaker": the people speak.
        head = words[i - 2].text
        return i - 2 if head.lower() in lx.SPEAKER_NOUNS or person_noun(head) else None
    for k in range(i - 1, max(-1, i - 9), -1):
        low = words[k].text.lower()
        if k == i - 2 and words[k + 1].text in _KNOWING and person_noun(words[k].text):
            return k  # "a diplomat familiar with the talks": how the source knows
        if low in ("who", "that", "which"):
            return None  # "Supporters who have heard from the campaign": a clause, no phrase
        if low in lx.SPEAKER_NOUNS and (
            not words[k].text[:1].isupper() or _opens_plural(words, k, i)
        ):
            return k
        if k == i - 1 and words[i].text in ("for", "at") and person_noun(low):
            return k  # "a lobbyist for the industry", "a historian at Yale"
        if _capital_head(words, k, i):
            return k
        if low in _DETERMINERS and k > 1 and words[k - 1].text in _CHAINED:
            # "Voters at a precinct in suburban Carmel": the phrase hangs on another one.
            return _head_before(words, k - 1)
        if low in _DETERMINERS or low in lx.CUE_WORDS:
            return None
    return None


def _subject_before_appositive(
    text: str, words: list[Word], j: int, floor: int, loose: bool = False
) -> Span | None:
    chunks: list[list[Word]] = [[]]
    for w in words[:j]:
        if w.start < floor:
            continue
        if chunks[-1] and _CHUNK_BREAK.search(text, chunks[-1][-1].end, w.start) is not None:
            chunks.append([])
        chunks[-1].append(w)
    chunks = [c for c in chunks if c]
    if chunks and j < len(words) and words[j].text.lower().endswith("ing"):
        # "Hours later, Vale returned the compliment, telling Reuters, “…”": before a
        # participle the last chunk is a clause, and its subject speaks, not the opener.
        last = chunks[-1]
        if len(last) > 2 and (last[0].text.lower() in _SUBORDINATORS or last[0].text == "as"):
            last = last[1:]  # "…, as Mrs. Clinton echoed the criticism, saying …"
        lead = _clause_lead(text, last)
        if lead is not None:
            return lead
    # "A top strategist, John Weaver, said": the name, not the role before it, speaks.
    if (
        len(chunks) >= 2
        and is_name_chunk(chunks[-1])
        and (is_role_chunk(chunks[-2]) or is_person_chunk(chunks[-2]))
    ):
        return chunks[-1][0].start, chunks[-1][-1].end
    if (
        len(chunks) >= 2
        and is_name_chunk(chunks[-1])
        and (is_owned_role(chunks[-2]) or is_capitalised_role(chunks[-2]))
    ):
        return chunks[-1][0].start, chunks[-1][-1].end
    # The last chunk is the appositive; the subject is the nearest earlier bare noun phrase,
    # past further asides when a name comes before them ("Cecelia Purner, 67, a retired
    # nurse in Allentown, Pa., said"; "Mr. Daniloff, now 81 and retired in Cambridge, …").
    for k in range(len(chunks) - 2, -1, -1):
        chunk = chunks[k]
        low = chunk[0].text.lower()
        if (low in _SUBORDINATORS or chunk[0].text in _CONJUNCTIONS) and len(chunk) > 1:
            # "…, when Mr. Buchanan, who …, said": the subject follows the conjunction, as
            # it does in "But Tom Fitton, the president of …, said".
            chunk = chunk[1:]
        elif at := _object_relative(chunk):
            # "… fought in what Bay Okafor, the party's treasurer, called “…”": the relative
            # word is the verb's object; the name after it is the subject.
            chunk = chunk[at:]
        elif low in _PREPOSITIONS or low in ("who", "which", "whose", "and", "but"):
            continue
        if k > 0 and is_place_appositive(chunk, chunks[k - 1]):
            continue  # "… in Ames, Iowa, on Sunday, …": the state is no subject
        if k > 0 and chunks[k - 1][0].text.lower() == "whose":
            # "Mr. Slinker, whose latest start-up, Paradata, uses …, said": the name after
            # a "whose" phrase names what the subject owns, not the subject.
            continue
        if is_aside(text, chunk) and any(names_someone(c) for c in chunks[:k]):
            continue
        if len(chunk) <= 9 and plausible(text, chunk, loose):
            return chunk[0].start, chunk[-1].end
        tail = _name_at_end(text, chunk)
        if tail is not None and (
            k == len(chunks) - 2
            or (k == len(chunks) - 3 and [w.text for w in chunks[k + 1]] == ["who"])
        ):
            # "It was three years ago that Michael Bloomberg, who …, said": the name that
            # ends a long clause is the subject (also with "who," set off: "… Bret
            # Stephens, who, after trading insults …, said").
            return tail
        return None
    if len(chunks) == 1:
        return None
    return None


def _clause_lead(text: str, chunk: list[Word]) -> Span | None:
    """The name or pronoun opening ``chunk`` when a lowercase word (its verb and the rest of
    a clause) follows it: "Mr. Vale released a statement on Saturday night"."""
    first = chunk[0].text
    if first.lower() in lx.PERSONAL_PRONOUNS - {"it", "you", "i", "we"} and len(chunk) > 2:
        return chunk[0].start, chunk[0].end
    run: list[Word] = []
    for w in chunk:
        if not w.text[:1].isupper() or len(run) == 4:
            break
        if run and text[run[-1].end : w.start] not in (" ", ". "):
            break
        run.append(w)
    if not run or len(run) == len(chunk) or _not_a_name(run):
        return None
    if run[-1].text.endswith(lx.POSSESSIVE_ENDINGS):
        return None  # "Clinton’s right-hand woman …": the owner is not the subject
    if run[0].text.lower() in _DETERMINERS or not chunk[len(run)].text[:1].islower():
        return None
    # "Republican presidential candidate Tom Vale took …": past the titles to the name.
    end = _past_title(text, chunk, 0, len(run))
    if _group_noun_after(text, chunk, end):
        end += 1  # "Democratic leaders on Thursday panned …"
    return run[0].start, chunk[end - 1].end


def _not_a_name(run: list[Word]) -> bool:
    """A capitalised run that opens with a word never a name ("However", "The"); an
    honorific before a surname ("Mrs. Clinton tried …") opens a name."""
    low = run[0].text.lower()
    return low in lx.NOT_NAMES and not (low in lx.HONORIFICS and len(run) > 1)


def _object_relative(chunk: list[Word]) -> int:
    """Where the name after a relative word that is its verb's object ("what", "which",
    "whom") begins when it ends ``chunk`` ("fought in what Bay Okafor"); else 0."""
    for i in range(len(chunk) - 2, -1, -1):
        if chunk[i].text in ("what", "which", "whom"):
            rest = chunk[i + 1 :]
            return i + 1 if all(w.text[:1].isupper() for w in rest) else 0
    return 0


def _name_at_end(text: str, chunk: list[Word]) -> Span | None:
    """The run of two to four capitalised words ending ``chunk``, after a lowercase word;
    an honorific before a family name counts ("when Mrs. Okafor")."""
    run: list[Word] = []
    for w in reversed(chunk):
        if run and w.text.lower() in lx.HONORIFICS and w.text[:1].isupper():
            run.insert(0, w)
            break
        if not w.text[:1].isupper() or w.text.lower() in lx.NOT_NAMES:
            break
        run.insert(0, w)
    if not 2 <= len(run) <= 4 or len(run) == len(chunk):
        return None
    return run[0].start, run[-1].end


def opening_end(text: str, s: Sentence, words: list[Word]) -> int | None:
    """Index in ``words`` (the sentence's words outside quotation marks) where the clause
    starts, past an introductory phrase and its comma, an adverb or a time ("However, …",
    "Last year, …"); None when a phrase opened by a preposition runs on with no near comma."""
    if not words:
        return None
    opener = words[0].text.lower()
    if opener in _PREPOSITIONS or opener.endswith("ing"):
        comma = text.find(",", words[0].end, s.end)
        if comma < 0 or comma - words[0].end > 60:
            return None
        i = next((k for k, w in enumerate(words) if w.start >= comma), len(words))
        # "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …": past the state; and
        # "At a conference in Aspen, Colo., the executive …" opens no name ("Colo." is
        # where, not who).
        return past_place_appositives(text, words, i)
    if words[0].text in _CONJUNCTIONS:
        return 1
    adverb = opener in _SENTENCE_ADVERBS and len(words) > 1
    if adverb and "," in text[words[0].end : words[1].start]:
        return 1  # "However, Adelson met with Trump …"
    return after_time_opener(text, words)  # "Last year, he played down …"


def clause_subject(text: str, s: Sentence) -> Span | None:
    """The subject at the start of a sentence when it is a name or a personal pronoun,
    after an introductory phrase ("In the letter, Seely …") or an adverb and its comma
    ("However, he …")."""
    words = [w for w in s.words if not _inside(s.quotes, w.start)]
    i = opening_end(text, s, words)
    if i is None:
        return None
    if i + 1 < len(words) and is_age(words[i].text) and words[i + 1].text[:1].isupper():
        i += 1  # "76-year-old Morton Blackwell, founder of …, endorsed": the name after the age
    if i >= len(words):
        return None
    first = words[i]
    if first.text.lower() in lx.PERSONAL_PRONOUNS - {"it", "you", "i", "we"}:
        return first.start, first.end
    j = i
    while j < len(words) and words[j].text[:1].isupper() and j - i < 6:
        if j > i and text[words[j - 1].end : words[j].start] not in (" ", ". "):
            break
        j += 1
    if j == i or _not_a_name(words[i:j]):
        return None
    return words[i].start, words[_past_title(text, words, i, j) - 1].end


def _group_noun_after(text: str, words: list[Word], k: int) -> bool:
    """Whether ``words[k]`` is a plural noun for people that the capitalised words before it
    qualify ("Democratic leaders panned …", "Trump supporters said …")."""
    if k >= len(words) or text[words[k - 1].end : words[k].start] != " ":
        return False
    low = words[k].text
    if not low.islower() or not low.endswith("s") or len(low) < 5:
        return False
    base = low[:-1]
    return base in lx.SPEAKER_NOUNS or base in lx.TITLE_HEADS or agent_noun(low)


def _past_title(text: str, words: list[Word], i: int, j: int) -> int:
    """Where a capitalised run ``words[i:j]`` that is only title words ends when lowercase
    title words and a name follow it: "Republican presidential candidate Tom Vale", "Former
    Republican presidential candidate Tom Vale" (the run alone would be "Republican").

    The titles may be nouns for what people do ("Retired surgeon Tom Vale") and may be
    joined by "and" or "of" ("Former prosecutor and Ohio Governor Tom Vale", "Former
    secretary of State Tom Vale"); cut at the lowercase noun, "Former" alone was the
    speaker."""
    if any(w.text.lower().rstrip(".") not in lx.TITLE_WORDS for w in words[i:j]):
        return j
    k = j
    while k < len(words) and k - j < _TITLE_REACH:
        w = words[k]
        gap = text[words[k - 1].end : w.start]
        if gap != " " and not (gap == ". " and words[k - 1].text[:1].isupper()):
            break
        if not (w.text[:1].isupper() or _title_noun(w.text.lower()) or _modifier(text, words, k)):
            break
        k += 1
    end = k
    while end > j and not words[end - 1].text[:1].isupper():
        end -= 1
    if end == j or not words[j].text[:1].islower():
        return j
    start = end
    while start > j and words[start - 1].text[:1].isupper():
        start -= 1
    if all(w.text.lower().rstrip(".") in lx.TITLE_WORDS for w in words[start:end]):
        return j  # titles only, no name after them
    return end


def _modifier(text: str, words: list[Word], k: int) -> bool:
    """ "federal" in "Former federal prosecutor Tom Vale": a lowercase word before another
    lowercase word of the title; the title must still end in a title noun."""
    nxt = words[k + 1] if k + 1 < len(words) else None
    return (
        words[k].text.isalpha()
        and nxt is not None
        and nxt.text[:1].islower()
        and text[words[k].end : nxt.start] == " "
    )


# Words a title may run to past its capitalised opening before the name ends.
_TITLE_REACH = 10


def _title_noun(low: str) -> bool:
    """A lowercase word that can stand in a title before a name: a title word
    ("presidential", "lady"), a noun for what someone does ("prosecutor", "columnist",
    "host"), or "and"/"of" joining two titles."""
    return (
        low in lx.TITLE_WORDS
        or low in lx.TITLE_HEADS
        or low in lx.SPEAKER_NOUNS
        or low in ("and", "of")
        or agent_noun(low)
    )


# Adverbs that open a sentence before a comma and its subject ("However, Adelson …").
_SENTENCE_ADVERBS = frozenset(
    lx.words_of(
        """
        however still meanwhile indeed instead yet now also similarly likewise separately
        later earlier finally first second third again then today yesterday typically
        """
    )
)

_SUBJECT_ENDS = frozenset(("that", "who", "which", "and", "but"))


def main_subject(text: str, s: Sentence) -> Span | None:
    """The noun phrase a sentence opens with, up to its first preposition, adverb of time or
    verb ("Lestria’s transport minister on Monday contradicted …"), if it can speak."""
    out: list[Word] = []
    for w in s.words:
        if _inside(s.quotes, w.start):
            return None
        low = w.text.lower()
        if out and ("," in text[out[-1].end : w.start] or low in _SUBJECT_ENDS):
            break
        if out and (low in _PREPOSITIONS or low in _NP_STOP or low in lx.AUXILIARIES):
            break
        if out and (low in lx.CUE_WORDS or (low.endswith("ed") and w.text[:1].islower())):
            break
        out.append(w)
        if len(out) > 6:
            return None
    if not out or not plausible(text, out):
        return None
    return out[0].start, out[-1].end
