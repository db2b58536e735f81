"""Where a reported clause that holds a partial quotation ends, and whether the words
before a quotation are a clause of their own.

Annotators, and readers, take a new clause after a partial quotation ("called her
“third-rate” and boycotted …", "…”, telling reporters …", "…,” denounced her record") as
another act, and a dash, semicolon or bracket as an aside; a "when"/"while" phrase or the
occasion after it ("in a tweet on Sunday") says when or where, not what
(``partial_tails.cut_tail``, applied with the rules below by :func:`clip_clause`). After a
verb of naming, a comma and "and"/"but" end the clause whatever follows
(:func:`naming_end`); a second report by the same speaker inside the clause starts
it (:func:`inner_start`). Before a quotation, a reported clause ending in a comma ("said the
tax was not the council's fault, “not by a long shot.”") means the quotation finishes that
clause (:func:`clause_before`). A quotation said for itself (a sentence quoted whole after
"…, saying," or a colon, or right after a word that labels it) is read by
:mod:`~storywatch.understand.quotes_alone`; the guess at finite verbs these rules share is
:mod:`~storywatch.understand.finite_verbs`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import UNSURE, content_start
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES, finite
from storywatch.understand.led_quotes import led_quote_end
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.partial_tails import cut_tail
from storywatch.understand.quotes_alone import quote_alone
from storywatch.understand.spans import (
    _DETERMINERS,
    OPENING_MARKS,
    Found,
    Sentence,
    Span,
    _inside,
    _trim,
    past_tense,
)
from storywatch.understand.text import Quote, Word


def clip_clause(text: str, s: Sentence, found: Found) -> Found:
    """``found`` with a reported clause ending where a new clause begins after its
    quotation (``partial_tails.cut_tail``), or where the main clause begins after an
    opening "When …" (:func:`subordinate_end`), or at a comma and conjunction after a quoted
    name (:func:`naming_end`), or at the closing mark of a whole quotation a cue leads in
    with a comma or colon (``led_quotes.led_quote_end``), whichever rule found it; and
    starting at a second report by the same speaker that holds the quotation
    (:func:`inner_start`)."""
    if not found.direct or len(found.parts) != 1:
        return found
    a, b = found.parts[0]
    if a > 0 and text[a - 1] in "“\"'‘":
        return found  # a whole quotation
    reported = (
        found.cue is not None
        and found.cue[0] >= b
        and (
            _is_report(text, found.cue)
            or (not _outer_source(text, found.cue) and _clause_before_trailer(text, s.quotes, a, b))
        )
    )
    end = b
    if not reported:
        # "said: “…,” but in fact …": a quotation led in whole ends at its mark.
        end = min(cut_tail(text, s.quotes, a, b), led_quote_end(text, s.quotes, a, b))
    if found.cue is not None and SUBORDINATE.match(text, s.start, found.cue[0]):
        # "When Comey said that …, experts began …": the main clause is not what was said.
        end = subordinate_end(text, s, a, end)
        if end < b and text[end : end + 1] in ("”", '"'):
            end += 1
    if found.cue is not None and _is_naming_cue(text[found.cue[0] : found.cue[1]]):
        end = naming_end(text, s.quotes, a, end)
    if found.cue is not None:
        end = aside_end(text, s, found.speaker, found.cue, (a, end))
    relative = relative_report_end(text, s, replace(found, parts=((a, end),)))
    if relative is not None:
        return relative
    end = restrictive_end(text, s, found, a, end)
    a = inner_start(text, s.quotes, a, end)
    alone = quote_alone(text, s, replace(found, parts=((a, end),)))
    if alone.parts != ((a, end),):
        return alone
    if (a, end) == found.parts[0]:
        return found
    return Found(((a, end),), True, found.speaker, found.cue, found.sentence, found.inherited)


def aside_end(text: str, s: Sentence, speaker: Span | None, cue: Span, content: Span) -> int:
    """Where a report set off inside another sentence ends: "The campaign (like Okafor, who
    called him “a menace” last week), has argued …" ends at its closing bracket, and "Will
    the editors, who once called such stories “spinach,” want them?" at the comma that
    closes the relative clause after its quotation. What follows is the sentence the aside
    sits in, the writer's words, not the speaker's (unless the bracket holds no quotation:
    "His line (which he repeated to me often) was, “…”" goes on to the words)."""
    start, end = content
    opened = text.rfind("(", s.start, cue[0])
    if opened >= 0 and text.find(")", opened, cue[0]) < 0:
        closed = text.find(")", cue[1], end)
        if closed >= 0 and any(start <= q.start and q.end <= closed + 1 for q in s.quotes):
            return _trim(text, start, closed)[1]
    if not _relative_report(text, s, speaker, cue):
        return end
    held = [q for q in s.quotes if start <= q.start and q.end <= end]
    for q in held:
        inside = bool(q.parts) and text[q.parts[-1][1] - 1 : q.parts[-1][1]] == ","
        nxt = text[q.end : q.end + 2].lstrip()
        if inside and nxt[:1].islower():
            return q.end
    if held:
        return _relative_close(text, held, end)
    return end


def _relative_close(text: str, held: list[Quote], end: int) -> int:
    """ "Okafor, who said the “reckless” levy would hurt crews, voted against it": after the
    quotations, a comma and a finite verb ("voted", "has") close the relative clause, and the
    main clause of the sentence goes on (past a nested ", which …," aside); where that comma
    is, else ``end``."""
    nested = False
    for m in _COMMA_WORD.finditer(text, held[-1].end, end):
        if m.group(1) in lx.RELATIVE_PRONOUNS:
            nested = True  # "the “reckless” levy, which passed, would …": its own commas
        elif nested:
            nested = False
        elif finite(m.group(1)):
            return m.start()
    return end


_COMMA_WORD = re.compile(r",\s+([a-z]+)\b")


def _relative_report(text: str, s: Sentence, speaker: Span | None, cue: Span) -> bool:
    """The cue is the verb of a relative clause set off by a comma (", who once called",
    ", which said", "the plan, which Trump said", ", in which Ruiz said", ", where …")."""
    if speaker is None:
        return False
    if _RELATIVE_CUE.match(text[speaker[1] : cue[0]]):
        return True
    own = _past_which(text, speaker)
    pronoun = text[speaker[0] : speaker[1]].lower() in ("who", "which") or own > speaker[0]
    if pronoun and text[s.start : speaker[0]].rstrip().endswith(","):
        return True
    return _RELATIVE_SETTING.search(text, s.start, own) is not None


def _past_which(text: str, speaker: Span) -> int:
    """Where the speaker's own words start: "which Ruiz" (the phrase reading took the
    relative pronoun of "in which Ruiz said" along) starts at "Ruiz"."""
    return speaker[0] + 6 if text[speaker[0] : speaker[0] + 6].lower() == "which " else speaker[0]


def relative_report_end(text: str, s: Sentence, found: Found) -> Found | None:
    """ "Vale, who argued the levy was unfair, left the “Harbour First” caucus in May": a
    report in a relative clause ends at the comma before the main clause's verb, and a
    quotation only the main clause holds is the writer's, so the report is a paraphrase.
    ``None`` when the main clause introduces a quotation of its own ("…, issued a statement
    saying, “…”"), which the quotation's own reading takes."""
    if found.cue is None or len(found.parts) != 1:
        return None
    if not _relative_report(text, s, found.speaker, found.cue):
        return None
    a, b = found.parts[0]
    cut = _main_verb_after(text, s, a, b)
    if cut is None or quote_alone(text, s, found).parts != found.parts:
        return None
    direct = any(a <= q.start and q.end <= cut + 1 for q in s.quotes)
    return Found(((a, cut),), direct, found.speaker, found.cue, found.sentence, found.inherited)


def _main_verb_after(text: str, s: Sentence, start: int, end: int) -> int | None:
    """ "Vale, who argued the levy was unfair, left the “Harbour First” caucus in May": the
    relative clause's report ends at the comma before the main clause's verb (a past tense
    after a comma outside quotation marks); what follows is the writer's sentence. Not
    before a verb of saying, whose own report the sentence's readers take."""
    for n, w in enumerate(s.words[1:], 1):
        if not start < w.start < end or _inside(s.quotes, w.start):
            continue
        if text[s.words[n - 1].end : w.start].strip() == "," and past_tense(w.text.lower()):
            if w.text.lower() in lx.CUE_WORDS:
                return None  # "…, said on Wednesday that …": the main clause reports too
            return _trim(text, start, s.words[n - 1].end)[1]
    return None


def restrictive_end(text: str, s: Sentence, found: Found, start: int, end: int) -> int:
    """ "The senator who called the plan “a disaster” will vote for it anyway": a report in
    a restrictive relative clause on the sentence's subject ends at the closing mark that
    the main clause's auxiliary follows; "will vote for it anyway" is the writer's. Only the
    last auxiliary of the content can be the main clause's ("who said the “tax” was unfair
    will vote": "was" is still the relative clause's), so a later one keeps ``end``."""
    speaker, cue = found.speaker, found.cue
    if speaker is None or cue is None or not _restrictive_subject(text, s, speaker, cue):
        return end
    cut = end
    for m in _WORD_AFTER_MARK.finditer(text, start, end):
        if m.group(1).lower() in FINITE_AUXILIARIES:
            cut = m.start() + 1
    if cut == end or any(w.lower() in FINITE_AUXILIARIES for w in text[cut:end].split()[1:]):
        return end
    return cut


def _restrictive_subject(text: str, s: Sentence, speaker: Span, cue: Span) -> bool:
    """The cue is the verb of a restrictive relative clause on the noun phrase that opens
    the sentence: the speaker is that phrase ("The senator" … "who called"), the phrase
    with its pronoun ("A new leaflet that"), or the pronoun alone ("who") after a short noun
    phrase (no comma, no verb)."""
    said = text[speaker[0] : speaker[1]].split()
    if said[-1].lower() not in _RELATIVE_PRONOUNS:
        pronoun = _RELATIVE_PRONOUN_AFTER.match(text, speaker[1], cue[0])
        return (
            not text[s.start : speaker[0]].strip()
            and pronoun is not None
            and bool(_ADVERBS_BETWEEN.fullmatch(text, pronoun.end(), cue[0]))
        )
    if not _ADVERBS_BETWEEN.fullmatch(text, speaker[1], cue[0]):
        return False
    if len(said) > 1:
        return not text[s.start : speaker[0]].strip()
    before = text[s.start : speaker[0]].split()
    return (
        0 < len(before) <= 6
        and before[0][:1].isupper()
        and not any("," in w or w.endswith("ed") or w.lower() in lx.CUE_WORDS for w in before)
    )


_RELATIVE_PRONOUNS = frozenset(("who", "that"))
_RELATIVE_PRONOUN_AFTER = re.compile(r"\s+(?:who|that)\b")
# Between the relative pronoun and its verb: up to two adverbs or auxiliaries ("who once
# called", "that has long described").
_ADVERBS_BETWEEN = re.compile(r"\s+(?:\w+\s+){0,2}")
# A closing mark and the word after it (the main clause's auxiliary, if it is one).
_WORD_AFTER_MARK = re.compile(r"[”\"]\s+(\w+)")


# ", who once called", ", who has long described": the subject of a relative clause.
_RELATIVE_CUE = re.compile(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}\Z")
# "The interview, in which Trump said …", "The rally, where Ruiz told …": a relative clause
# of place or occasion whose subject is the speaker.
_RELATIVE_SETTING = re.compile(r",\s+(?:(?:in|during|at|on)\s+(?:which\s+)?|where\s+)\Z")


def _is_report(text: str, cue: Span) -> bool:
    """ "…, the Chicago Tribune reports.": an outlet's report after the sentence takes all
    of it (``according.reported_last``), so no new clause inside ends it."""
    return text[cue[0] : cue[1]] in ("reported", "reports")


def _outer_source(text: str, cue: Span) -> bool:
    """ "…, according to two people in the room.": an outer source after a sentence whose
    own attribution ("Lopez said the plan was “…,” adding …") the readers inside take
    apart; its clause is not one act to keep whole."""
    return text[cue[0] : cue[1]].lower() == "according to"


def _clause_before_trailer(text: str, quotes: list[Quote], start: int, end: int) -> bool:
    """ "The levy was “a disgrace” to crews, who had no say in it, the union says.": a
    clause of the writer's words with one quotation in it, whose speaker and cue come after
    it, is what was said up to the trailer, relative clause and participle phrase
    included; the writer would not put an aside of their own before the attribution.
    Not when it opens on a quotation (whose own close may end the words: "“…,'' as his
    father dreamed, Turry said") or holds a second one after the first (two acts may be
    strung together: "Roffman, who estimates costs were “…,” described it as “…,” he said")."""
    if text.startswith(OPENING_MARKS, start):
        return False
    held = [q for q in quotes if start <= q.start and q.end <= end]
    return len(held) == 1


def naming_end(text: str, quotes: list[Quote], start: int, end: int) -> int:
    """ "Obama has called inversions “unpatriotic,” and his administration has …": after a
    verb of naming, the quoted name completes what was said, so a comma closing it and a
    conjunction ("and", "but", "while") start another clause, whatever its subject, and so
    they do after a short phrase that finishes the name (:func:`_phrase_then_conjunction`).
    A bracket right after the marks holding no quotation is the writer's aside on the name
    ("called immigrants “rapists” (although he allowed …) and promised …"): it ends there."""
    for q in quotes:
        if not (start <= q.start and q.end <= end):
            continue
        inside = bool(q.parts) and text[q.parts[-1][1] - 1 : q.parts[-1][1]] == ","
        if (inside or text[q.end : q.end + 1] == ",") and _CONJUNCTION.match(text, q.end):
            return q.end
        if _writers_bracket(text, q.end, end):
            return q.end
        return _phrase_then_conjunction(text, quotes, q.end, end)
    return end


def _writers_bracket(text: str, at: int, end: int) -> bool:
    """A bracket opens right after ``at`` and closes before ``end`` with no quotation
    mark inside."""
    m = _BRACKET.match(text, at, end)
    return m is not None and not any(c in m.group(1) for c in '“”"')


_BRACKET = re.compile(r"\s*\(([^()]*)\)")


def _phrase_then_conjunction(text: str, quotes: list[Quote], at: int, end: int) -> int:
    """ "called it a “rough week” for the mayor, and with polls showing …": a phrase of a
    few words finishing the quoted name ("for the mayor"), then a comma and a conjunction,
    start another clause, as they do right after the marks; not when a quotation comes
    before the comma (the words are still the speaker's)."""
    m = _LATE_CONJUNCTION.match(text, at, end)
    if m is None or any(at <= r.start < m.end() for r in quotes):
        return end
    return _trim(text, at, m.start(1))[1]


_LATE_CONJUNCTION = re.compile(r"(?:\s+[\w’'.-]+){1,4}?(,)\s+(?:and|but|while)\s")


_CONJUNCTION = re.compile(r",?\s+(?:and|but|while)\s")


def _is_naming_cue(cue: str) -> bool:
    return lx.CUE_LEMMA.get(cue.lower(), "") in lx.NAMING_LEMMAS


def inner_start(text: str, quotes: list[Quote], start: int, end: int) -> int:
    """ "said that he would meet Trump, although he tweeted that he “rejects” the remarks":
    when the speaker, as a pronoun, reports again after a comma inside the clause, the
    partial quotation belongs to that second report, so the clause starts there."""
    first = next((q for q in quotes if start <= q.start and q.end <= end), None)
    if first is None:
        return start
    inner = None
    for m in _INNER_REPORT.finditer(text, start, first.start):
        if m.group(1).lower() in lx.CUE_WORDS:
            inner = m
    return inner.end() if inner is not None else start


# ", although he tweeted that …", ", he actually thinks …", ", because she said …".
_INNER_REPORT = re.compile(
    r",\s+(?:(?:although|though|but|while|because|since)\s+)?(?:he|she|they)\s+"
    r"(?:[a-z]+ly\s+)?([a-z]+)\s+(?:that\s+)?"
)


def clause_before(text: str, cue: Word, lead: list[Word], lemma: str) -> bool:
    """ "said the tax was not the council's fault, “not by a long shot.”": the words between
    the cue and the comma before the quotation are a reported clause, so the quotation
    finishes that clause rather than being all that was said."""
    if len(lead) < _MIN_LEAD_CLAUSE:
        return False
    if _content_condition(lead):
        return True
    begin = content_start(text, cue.end, lead, lemma)
    return begin >= 0 or (begin == UNSURE and any(finite(w.text) for w in lead[1:]))


def _content_condition(lead: list[Word]) -> bool:
    """ "Ryan says no matter what action Obama takes, “his word does not trump the law”":
    a condition or cause opening the words after the cue belongs to what was said; "when",
    "as" and "after" are left out, as they often tell when the words were said ("said as
    he introduced his wife, “…”")."""
    first = " ".join(w.text.lower() for w in lead[:2])
    return first.startswith(("no matter", "because ", "unless ", "even if", "even though"))


def clause_opened(rest: list[Word], n: int) -> bool:
    """ "said there was clear evidence that …", "says his campaign is the only one that …",
    "said he was confident that …": a subject opening the words after the cue and a finite
    verb (word ``n``) after it start the reported clause there, so a later "that" is inside
    it (a relative or a complement of that clause), not where it begins."""
    verb = rest[n].text if 0 < n <= _MAX_SUBJECT_WORDS else ""
    if not verb[:1].islower() or not finite(verb):
        return False
    first = rest[0].text
    low = first.lower()
    if low in _CLAUSE_SUBJECTS:
        return n == 1
    if low in _DETERMINERS or low in lx.OWNER_PRONOUNS:
        # (Right after the determiner a participle is an adjective: "a packed crowd".)
        return n >= 2 and all(w.text[:1].islower() for w in rest[1:n])
    return False


_CLAUSE_SUBJECTS = lx.PERSONAL_PRONOUNS | {"there"}
_MAX_SUBJECT_WORDS = 4


_MIN_LEAD_CLAUSE = 4


# Words that open a clause setting the scene for the main one ("When Comey said that …,
# experts …", "As Ruiz spoke, the crowd …"): its subject is not the main clause's.
SCENE_SETTERS = _words("when as while after before since because although though once if")

# A sentence that opens with such a clause, after "But", "And", "Yet" or "Even".
SUBORDINATE = re.compile(
    r"\s*(?:(?:But|And|Yet) )?(?:[Ee]ven )?(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(SCENE_SETTERS))
    + ") "
)


def cue_in_scene(text: str, s: Sentence, found: Found) -> bool:
    """ "When Ruiz announced her plan in May, she called the port “a disgrace”", "After
    Park argued that …, Ruiz said only that his “sums don't add up.”": the cue sits in a
    clause opening the sentence that sets the scene, and that clause's comma comes before
    the quotation, so the quotation belongs to the main clause and the cue reports none of
    it. ("As Ruiz put it, …" is left out: there "as" credits what follows to Ruiz.)"""
    if found.cue is None or not found.direct or not found.parts:
        return False
    opener = SUBORDINATE.match(text, s.start, found.cue[0])
    if opener is None or opener.group(0).split()[-1].lower() == "as":
        return False
    if "," in text[s.start : found.cue[0]]:
        return False  # "If he wins, Ruiz has said …": the cue is in the main clause
    start = found.parts[0][0]
    first = next((q for q in s.quotes if q.start >= start), None)
    if first is None:
        return False
    comma = text.find(",", found.cue[1], first.start)
    if comma >= 0 and _RELATIVE_NEXT.match(text, comma + 1):
        return False  # "When Ruiz said the levy, which she called “…,” would …": an aside
    return comma >= start


_RELATIVE_NEXT = re.compile(r"\s+(?:which|who|whom)\b")


def subordinate_end(text: str, s: Sentence, start: int, end: int) -> int:
    """ "When Comey said that there was no ''direct evidence,'' experts began …": what the
    subordinate clause reports ends at the first comma after a quotation in it, where the
    main clause begins."""
    for q in s.quotes:
        if not (start <= q.start and q.end <= end):
            continue
        if _JOINED_QUOTE.match(text, q.end):
            continue  # "Although he says he “loves China,” and “China loves me,” he …"
        close = q.end
        while close > q.start and text[close - 1] in "”\"'’":
            close -= 1
        if text[close - 1 : close] == "," and not _goes_on(text, q.end):
            return close  # the caller adds the closing marks back
        comma = text.find(",", q.end, end)
        if comma >= 0 and not any(r.start < comma for r in s.quotes if r.start > q.end):
            return comma
    return end


def _goes_on(text: str, at: int) -> bool:
    """ "When Ruiz said the levy, which she called “reckless,” would hurt crews, …": a
    finite verb right after the quotation's comma is the reported clause going on, so that
    comma closes an aside, not the clause."""
    verb = _WORD_AFTER.match(text, at)
    if verb is None or verb.group(1) in lx.CUE_WORDS:
        return False  # "…,'' said Mr. Pike": a trailer
    return finite(verb.group(1))


_WORD_AFTER = re.compile(r",?\s+([a-z]+)\b")


# "and" or "or" and a second quotation: the speaker's words go on past the first one's comma.
_JOINED_QUOTE = re.compile(r"\s+(?:and|or)\s+(?:“|\"|'')")
