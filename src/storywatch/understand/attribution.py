"""Find attributions in sentences: who (a span of text), which cue, and what content.

The rules follow how news writing attributes speech, in the order a reader tries them:

1. A sentence that opens with a quotation and is followed by its attribution
   (“…,” Esper said / “…,” said Esper / “…,” he added, “…”).
2. A cue verb with its subject before it and the content after it: a quotation
   (Esper said: “…”), or a reported clause that may hold a partial quotation
   (Seely wrote that coalition troops “will be repositioning …”).
3. A clause followed by its attribution (…, the source added.) or "according to"
   (:mod:`~storywatch.understand.according`).
4. A quotation standing alone continues the previous speaker's quotation (the statement
   grows by that part, as annotators and readers take it), and "X said:" at the end of a
   paragraph introduces the quotation of the next one (handled in ``statements.py``).

Further shapes live beside this module: a second act of speech in the same sentence
(:mod:`~storywatch.understand.followups`), verbs that only attribute the quotation they govern
(:mod:`~storywatch.understand.broad`), layouts with no cue verb — colon introductions,
dash credit lines, "X agreed." before a quotation (:mod:`~storywatch.understand.shapes`),
newsletter items credited by a label or a bracketed outlet
(:mod:`~storywatch.understand.digests`) — naming verbs, which narrow any reading of a
sentence with a quotation to the object and its quoted name
(:mod:`~storywatch.understand.naming`), and, tried last with a named speaker only, the
sentence's subject and verb (:mod:`~storywatch.understand.fallback`), a long quotation any
verb governs (:mod:`~storywatch.understand.long_quotes`) and an owned noun of speech ("her
remark that “…”", :mod:`~storywatch.understand.speech_nouns`).

Only spans are found here; :mod:`storywatch.understand.speakers` turns the speaker span into
a named person or organisation.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.according import (
    according_over,
    according_to,
    according_to_last,
    reported_last,
)
from storywatch.understand.asides import (
    PARTICIPLE_NEXT,
    inverted,
    is_whole_quote,
    parenthetical,
)
from storywatch.understand.clause_ends import clause_opened
from storywatch.understand.clauses import NOTHING, content_start, is_relative_that
from storywatch.understand.closed_cues import ends_its_clause
from storywatch.understand.contents import content_after, content_before
from storywatch.understand.crowds import crowd_speaker
from storywatch.understand.digests import headline_quote, labelled_quote, signed_quote
from storywatch.understand.finding_trailers import with_findings
from storywatch.understand.joined_reports import joined_report_subject
from storywatch.understand.naming import (
    after_set_off_phrase,
    passive_naming,
    passive_naming_verb,
    relative_naming,
    with_naming,
)
from storywatch.understand.nearer_cues import clause_predicate, named_object, noun_before_verb
from storywatch.understand.negations import says_nothing
from storywatch.understand.outer_trailers import outer_act, trailer_start
from storywatch.understand.paraphrase_asides import paraphrase_around
from storywatch.understand.participle_subjects import participle_start
from storywatch.understand.phrases import (
    _np_after,
    _np_before,
    clause_subject,
    main_subject,
)
from storywatch.understand.plain_subjects import plain_subject
from storywatch.understand.questions import after_asked_by, answer_start, passive_asked_by
from storywatch.understand.relative_acts import clause_before, relative_act, relative_alone
from storywatch.understand.relative_chains import chained_relative
from storywatch.understand.relative_cues import relative_opener, resumed, subject_relative
from storywatch.understand.relative_reports import relative_report
from storywatch.understand.reported_whole import (
    relative_before_main,
    reported_whole,
    trailer_subject_at,
)
from storywatch.understand.shapes import (
    as_put_it,
    as_said_after,
    colon_intro,
    colon_quote,
    in_the_words_of,
)
from storywatch.understand.spans import (
    INTRODUCES,
    Found,
    Sentence,
    Span,
    _inside,
    _is_cue,
    _words_between,
    asked_of,
    cue_indices,
    goes_somewhere,
    in_aside_quote,
    is_title_quote,
    named_in_quotes,
    puts_a_thing,
    subject_end,
    subject_floor,
)
from storywatch.understand.speech_nouns import before_main_verb, owned_noun_not_verb, owner_opens
from storywatch.understand.subjects import (
    clause_subject_np,
    coordinated_subject,
    gerund_that_subject,
    governed,
    governing_subject,
    hypothetical,
    joined_name,
    opening_name,
    opening_subject,
    relative_subject,
    speaking_opening_subject,
)
from storywatch.understand.text import Quote, Word
from storywatch.understand.trailers import quote_first
from storywatch.understand.with_clauses import with_clause_before_quote


def find_in_sentence(text: str, s: Sentence) -> Found | None:
    """The attribution of one sentence, or ``None``."""
    found = _find(text, s)
    if s.quotes:
        if found is not None:
            found = crowd_speaker(text, s, found)
        found = with_naming(text, s, found)
    if found is not None and found.cue is not None and goes_somewhere(text, found.cue):
        return None
    return found


def _find(text: str, s: Sentence) -> Found | None:
    opens = bool(s.quotes) and _starts_with(text, s, s.quotes[0])
    if not opens and s.quotes:
        reported = reported_last(text, s)
        if reported is not None:
            return reported
    if opens or (s.quotes and _after_colon(text, s, s.quotes[0])):
        found = quote_first(text, s) or signed_quote(text, s)
        if found is not None:
            return found
    for i in range(1 if opens else 0, len(s.quotes)):
        # "… with a caveat: “…,” the source said." / "… – “…,” Elkins said – but …"
        if _SET_OFF.search(text, s.start, s.quotes[i].start) is not None:
            found = quote_first(text, s, i)
            if found is not None and opens:
                # "“I don't think the wisdom” – that he is a liberal – “is going to last,” he
                # says.": the aside sits inside one quotation, which runs from the first mark.
                head = (s.quotes[0].parts[0][0], found.parts[0][1])
                found = Found((head, *found.parts[1:]), True, found.speaker, found.cue, s.index)
            if found is not None:
                return found
    found = _find_rest(text, s)
    if found is not None and s.quotes:
        return parenthetical(text, s, found)
    if found is not None:
        return paraphrase_around(text, s, found)  # "The plan, she said, would cost …"
    return found


# A colon or a spaced dash right before a quotation sets it off from the words before it.
_SET_OFF = re.compile(r"(?::|\s[-–—]{1,2}|\()\s*\Z")


def _find_rest(text: str, s: Sentence) -> Found | None:
    if not s.quotes:
        # Most sentences: with no quotation, only a cue verb or "according to" reports
        # anything; the layouts below all credit a quotation.
        found = with_findings(text, s, _cue_led(text, s))
        if found is not None:
            return according_over(text, s, found) or relative_report(text, found)
        return according_to(text, s)
    outer = according_to_last(text, s)
    if outer is not None:
        return outer
    return (
        labelled_quote(text, s)
        or headline_quote(text, s)
        or with_findings(text, s, _cue_led(text, s))
        or according_to(text, s)
        or colon_intro(text, s)
        or as_put_it(text, s)
        or as_said_after(text, s)
        or in_the_words_of(text, s)
        or colon_quote(text, s)
    )


def _starts_with(text: str, s: Sentence, q: Quote) -> bool:
    """True when nothing but a dash, an ellipsis, a bracket or a list's bullet or item
    number stands before the quotation ("• “The port will close.”", "2. “The workers will
    be paid.”": the items of a list of quotes)."""
    return _LEADERS.fullmatch(text, s.start, q.start) is not None


# What may stand before a quotation that opens its sentence: an item number ("1.", "2)"),
# then dashes, an ellipsis, an opening bracket, and the bullets of a list ("•", "*", "·").
_LEADERS = re.compile(r"(?:\d{1,2}[.)])?[\s—–\-…(\"•*·▪]*")


def _after_colon(text: str, s: Sentence, q: Quote) -> bool:
    """ "But Fiorina was far less bubbly: “…,” she recounted.": the quotation after a
    colon is attributed as if it opened the sentence."""
    return text[s.start : q.start].rstrip().endswith(":")


def _cue_led(text: str, s: Sentence) -> Found | None:
    """Subject, cue, then content: a quotation or a reported clause.

    With several cues in a sentence, one that introduces a whole quotation wins over an
    earlier one that would only report a clause ("… she laughed and admitted “…”")."""
    first = _cue_led_pass(text, s)
    if first is None or not s.quotes or is_whole_quote(text, first):
        return first
    alone = relative_alone(text, s, first)
    if alone is not None:
        return alone
    for at in (trailer_start(s, first), _comma_trailer(text, s, first)):
        if at is not None and at > 0:
            outer = outer_act(text, s, first, _cue_led_pass(text, s, start_at=at), at)
            if outer is not None:
                return outer
    for k in range(len(s.words)):
        if s.words[k].start <= (first.cue or (0, 0))[0]:
            continue
        later = _cue_led_pass(text, s, start_at=k)
        if (
            later is not None
            and is_whole_quote(text, later)
            and not _nested(text, first, later)
            and not _PARTICIPLE_BEFORE.search(text, s.start, (later.cue or (0, 0))[0])
        ):
            return later
        break
    # A partial quotation: the cue nearest before it governs it ("…, and he pledged a
    # “political revolution”"), not the first cue of a long sentence.
    quote = next((q for q in s.quotes if q.start > (first.cue or (0, 0))[1]), None)
    own = relative_act(text, s, first, quote, _cue_led_pass)
    if own is not None:
        return own
    if quote is None or (first.parts and _that_clause(text, s, first.parts[0][0], quote.start)):
        # "Clinton said that she called Sanders … on what she called “an extraordinary
        # campaign.”": a "that" clause holds the nested cue; the outer one governs.
        return first
    best = first
    for k in range(len(s.words) - 1, -1, -1):
        w = s.words[k]
        if w.start >= quote.start or w.start <= (first.cue or (0, 0))[0]:
            continue
        if not _is_cue(w, s.quotes) or w.text.endswith("ing"):
            continue
        nearer = _cue_led_pass(text, s, start_at=k)
        if nearer is None or nearer.cue is None or nearer.cue[0] != w.start:
            if noun_before_verb(s.words, k):
                continue  # "said the report was “…”": the noun, read past to the verb
            break
        # "…, whom he called “…”" inside the first clause names, it does not report; so
        # does "the levy, which she called “reckless,” would …", the clause going on.
        inside = relative_naming(s.words, k, first) or (
            (relative_opener(text, s, k) >= 0 or subject_relative(text, s, k))
            and resumed(text, quote.end)
        )
        best = first if inside or clause_predicate(text, first, nearer) else nearer
        break
    return best


def _comma_trailer(text: str, s: Sentence, first: Found) -> int | None:
    """Where the subject of a trailer after a comma closing the sentence starts, when words
    stand between the quotation and it ("… was “waving a gun” in the lot, police said.")."""
    if first.cue is None:
        return None
    cue_at = next(n for n, w in enumerate(s.words) if w.start == first.cue[0])
    return trailer_subject_at(text, s, cue_at)


def _that_clause(text: str, s: Sentence, start: int, stop: int) -> bool:
    """Whether the reported clause starting at ``start`` is a "that" clause, or a clause
    opened by a subject and verb ("said he expected that …") holding one, before ``stop``."""
    if text.startswith("that ", start):
        return True
    lead = _words_between(s, start, stop)
    that = [n for n, w in enumerate(lead) if w.text == "that" and not is_relative_that(lead, n)]
    return bool(that) and any(clause_opened(lead, n) for n in range(1, min(len(lead), 5)))


def _nested(text: str, outer: Found, inner: Found) -> bool:
    """ "Varga said officials were calling “every 15 minutes.”": the later cue's subject is
    inside the clause the first cue reports, and nothing sets its quotation off, so the
    quotation belongs to that clause (the annotators keep it there)."""
    if inner.speaker is None or inner.cue is None or not outer.parts:
        return False
    if inner.speaker[0] < outer.parts[0][0]:
        return False
    return INTRODUCES.match(text, inner.cue[1]) is None


def _cue_led_pass(text: str, s: Sentence, start_at: int = 0) -> Found | None:
    words = s.words
    if not cue_indices(s):
        return None  # no cue verb: nothing below can report (the question tests are pure)
    # "Asked whether …, Lee said: “…”": the question's words are no one's attribution.
    start_at = max(start_at, answer_start(text, s), after_asked_by(text, s))
    for k in cue_indices(s):
        w = words[k]
        if k < start_at:
            continue
        if not _is_cue(w, s.quotes):
            continue
        if goes_somewhere(text, (w.start, w.end)) or puts_a_thing(text, (w.start, w.end)):
            continue  # "went to the debate, because, according to Vale, …": motion, read on
        if hypothetical(words, k):
            continue  # "as if to say, “…”", "if you tell them, “…”": nobody said it
        if ends_its_clause(text, s, k):
            continue  # "After the talk concluded, Ruiz stated …": the later cue speaks
        if k > 0 and w.text.endswith("s") and _counted(text, words, k):
            continue  # "leads by 29 points": after a count the word is a plural noun
        if k > 0 and named_object(text, s, k):
            continue  # "called the mayor's remarks “reckless”": a naming verb's object
        if owned_noun_not_verb(text, s, k):
            continue  # "Vale's comments": a noun of its owner, not a verb
        if _set_off_passive(text, words, k):
            continue  # "The ruling, written by Judge Ana Whitfield, said …": a passive
        if relative_before_main(text, s, k):
            continue  # "Ruiz, who argued the appeal, said …": the main verb reports
        if with_clause_before_quote(text, s, k):
            continue  # "…, with Berg telling reporters …": the quotation is the with-clause's
        lemma = lx.CUE_LEMMA[w.text.lower()]
        j = subject_end(words, k)
        if passive_naming_verb(words, j, k):
            # "The plan was called “a disaster” by Ruiz": the agent names it; without one
            # ("is called “…”") nobody in the sentence did, and the subject least of all.
            found = passive_naming(text, s, j, k)
            if found is not None:
                return found
            continue
        if (found := passive_asked_by(text, s, j, k)) is not None:
            return found  # "Rubio was asked by the moderator whether …": the agent asked
        quote_after = any(q.start > w.end for q in s.quotes)
        if not quote_after and _listed_participle(words, k):
            continue  # "clapping, singing, chanting and waving flags": a scene, no report
        if not quote_after and _not_spoken(words, j, k):
            continue
        if lemma == "ask" and asked_of(text, words, j, k):
            continue  # "Kim was asked, “…?”": the one asked does not speak the question
        speaker: Span | None = None
        if j > 0 and (
            not _inside(s.quotes, words[j - 1].start)
            or in_aside_quote(text, s, words[j - 1].start)
            or named_in_quotes(text, s, words[j - 1].start)
        ):
            floor = subject_floor(text, s, words[j - 1].start)
            # "Another commenter said, “…”": a cue that opens a quotation with a comma or
            # colon says someone speaks, so any determined noun phrase will do.
            speaker = _np_before(
                text, words, j, floor, loose=INTRODUCES.match(text, w.end) is not None
            )
            if speaker is None and quote_after:
                speaker = clause_subject_np(text, s, j, floor)
            if speaker is None and not quote_after and lemma == "say":
                speaker = plain_subject(text, s, j, k, floor)
            if (p := participle_start(text, s, j, k)) is not None:
                # "“…,” the order released Friday said": the noun before the participle
                speaker = _np_before(text, words, p, floor, loose=True) or speaker
        if speaker is None and k == 0 and not (len(words) > 1 and words[1].text == "by"):
            # "Said Lee: …" inverts; "Asked by reporters on Tuesday, Ruiz said …" is a
            # passive participle whose agent asked, and the main clause has its own speaker.
            speaker = _np_after(text, words, 1)
        if speaker is None and j > 2:
            speaker = relative_subject(text, s, j) or chained_relative(text, s, k)
        if (
            speaker is None
            and w.text.endswith("ing")
            and k > 0
            and ("," in text[words[k - 1].end : w.start] or after_set_off_phrase(text, words, k))
        ):
            # "Ortagus added, writing that …": a participle's speaker is the clause subject;
            # with a quotation after it, a plain noun phrase will do ("The mayor left no
            # doubt, saying the tunnel “will never be built.”").
            speaker = clause_subject(text, s)
            if speaker is None and quote_after:
                speaker = opening_subject(text, s, k)
            if speaker is None:
                speaker = speaking_opening_subject(text, s, k)
            if speaker is None and INTRODUCES.match(text, w.end):
                speaker = coordinated_subject(text, s, k)
        if (
            speaker is None
            and k > 0
            and governed(words[k - 1].text, w.text)
            and INTRODUCES.match(text, w.end)
        ):
            # "The candidate asserted his plans by saying, “…”", "was prompted to say, “…”",
            # "drew boos upon saying, “…”": the sentence's subject speaks.
            speaker = (
                clause_subject(text, s)
                or main_subject(text, s)
                or opening_subject(text, s, k)
                or governing_subject(text, s, k)
            )
        if speaker is None and quote_after:
            speaker = gerund_that_subject(text, s, k)  # "… by saying that it is “…”"
        if (
            speaker is None
            and k > 1
            and words[k - 1].text == "and"
            and not w.text.endswith("ing")
            and quote_after
        ):
            # "Carson took the stage and called the system “rotten to the core.”": a verb
            # joined to the sentence's first one shares its subject.
            speaker = opening_name(text, s) or joined_name(text, s, k)
            if speaker is None and INTRODUCES.match(text, w.end):
                speaker = coordinated_subject(text, s, k)
        if speaker is None and not quote_after:
            # "The spokesman defended the route and said the police had trained …"
            speaker = joined_report_subject(text, s, k)
        if (
            speaker is None
            and k > 1
            and words[k - 1].text == "and"
            and w.text.endswith("ing")
            and quote_after
            and _after_participle(text, s, k - 1)
        ):
            # "Sanders has toned down his criticism, shifting his focus … and admitting that
            # his “political revolution” …": a participle joined to one after a comma shares
            # the subject of the clause they hang on.
            speaker = clause_subject(text, s)
        if speaker is None and k > 0:
            after = inverted(text, s, k)
            if after is not None:
                return after
        if speaker is None:
            continue
        if speaker[0] > s.start and (
            PARTICIPLE_NEXT.match(text, w.end)
            or _listener_only(text, s, k, speaker)
            or _adverbials_then_participle(text, s, k, lemma, speaker)
        ):
            # "The former secretary will play the “woman card,” Fiorina said, adding …": a
            # comma after the cue ends the attribution; the content came before it.
            found = content_before(text, s, k, speaker) or content_after(text, s, k, lemma, speaker)
        else:
            found = content_after(text, s, k, lemma, speaker) or content_before(text, s, k, speaker)
            if found is not None and owner_opens(text, s, k):
                found = before_main_verb(text, s, found)  # "Trump's claim that … drew …"
        if found is not None:
            return found
        if text[s.start : s.end].rstrip().endswith(":") or _only_adverbials(text, s, k, lemma):
            # "Mayor Okafor told reporters:" — the quotation follows in the next paragraph;
            # "Sam Lau said in a statement." — in the next sentence.
            return Found((), True, speaker, (w.start, w.end), s.index)
    return None


def _set_off_passive(text: str, words: list[Word], k: int) -> bool:
    """ "The ruling, written by Judge Ana Whitfield, said …", "in its letter, written by
    Kenneth Cole, that …": a participle set off by a comma with its agent after "by"
    describes the noun before it; the agent wrote the thing, which does the saying."""
    return (
        0 < k < len(words) - 1
        and words[k].text == "written"
        and words[k + 1].text == "by"
        and "," in text[words[k - 1].end : words[k].start]
    )


def _listed_participle(words: list[Word], k: int) -> bool:
    """A participle cue in a list of participles ("…, singing, chanting and waving …"): the
    word after it joins the next item, so nothing it governs is a report."""
    return (
        words[k].text.endswith("ing") and k + 1 < len(words) and words[k + 1].text in ("and", "or")
    )


def _after_participle(text: str, s: Sentence, k: int) -> bool:
    """A participle after a comma opens the stretch of words ending before ``words[k]``
    ("…, shifting his focus to the race" before "and admitting")."""
    words = s.words
    for i in range(k - 1, 0, -1):
        if "," in text[words[i - 1].end : words[i].start]:
            return words[i].text.endswith("ing") and words[i].text.islower()
        if _inside(s.quotes, words[i].start):
            return False
    return False


def _listener_only(text: str, s: Sentence, k: int, speaker: Span) -> bool:
    """ "He had “wanted to fly since he was 5,” his childhood friend told The Daily Beast.":
    after a quotation closed with a comma the subject and cue are its trailer, and a few
    unquoted words after the cue are the listener, not what was said."""
    if not _CLOSED_COMMA.search(text, s.start, speaker[0]):
        return False
    if any(q.start >= s.words[k].end for q in s.quotes):
        return False
    return len(s.words) - k - 1 <= _LISTENER_WORDS


_CLOSED_COMMA = re.compile(r"[,?!][”\"’]+\s*\Z|,''\s*\Z")
_LISTENER_WORDS = 4


def _counted(text: str, words: list[Word], k: int) -> bool:
    """``words[k]`` follows a count in the same phrase ("29 points"), not an age set off
    by commas ("Lopez, 56, says …", where it is the verb)."""
    gap = text[words[k - 1].end : words[k].start]
    return bool(_COUNT.fullmatch(words[k - 1].text)) and "," not in gap


# A count before a word ending in "s" ("29 points", "two notes"), not a year ("in 2016 says").
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|dozens")


def _adverbials_then_participle(text: str, s: Sentence, k: int, lemma: str, speaker: Span) -> bool:
    """ "…, Hollande said Tuesday in Paris, noting …": a trailer ("…, Hollande said") with
    only when and where it was said between the cue and a participle after a comma ends
    there, as it does at ", noting" right after the cue; the content is the clause before.
    Only "say" and "add" trailers: "Ackman wrote to investors, telling …" and "asked for a
    sentence, calling …" have their content after the cue."""
    if lemma not in ("say", "add") or not text[s.start : speaker[0]].rstrip(" ”\"'").endswith(","):
        return False
    comma = text.find(",", s.words[k].end, s.end)
    if comma < 0 or not PARTICIPLE_NEXT.match(text, comma) or _inside(s.quotes, comma):
        return False
    between = [x for x in s.words[k + 1 :] if x.end <= comma]
    if not between or any(_inside(s.quotes, x.start) for x in between):
        return False
    return content_start(text, s.words[k].end, between, lemma) == NOTHING


def _only_adverbials(text: str, s: Sentence, k: int, lemma: str) -> bool:
    """ "Sam Lau said in a statement.": the cue ends the sentence with nothing after it but
    where or when it was said, so the words come next (the caller keeps it pending)."""
    if s.quotes or text[s.start : s.end].rstrip()[-1:] != "." or lemma in lx.WEAK_CUES:
        return False
    rest = s.words[k + 1 :]
    if reported_whole(text, s, k):
        # "Officers responded to a call, police said." / "According to police, officers
        # responded at 11:40 p.m.": another source reports the sentence, the verb is an act.
        return False
    return not rest or content_start(text, s.words[k].end, rest, lemma) == NOTHING


def _not_spoken(words: list[Word], j: int, k: int) -> bool:
    """ "had been declared as machine parts", "was told", "did not respond": a passive cue
    does not make its subject a speaker, and a negated one reports no words unless it
    withholds an answer ("would not say whether …", :mod:`negations`). (The caller asks only
    when no quotation follows: with one the cue still governs those words, "is described
    as “…”".)"""
    between = [w.text.lower() for w in words[j:k]]
    if any(b in lx.BE_FORMS for b in between) and not words[k].text.endswith("ing"):
        return True
    return says_nothing(words, j, k)


# ", adding" just before a cue: a second act that split_followups hangs on the first.
_PARTICIPLE_BEFORE = re.compile(r",[”\"'’]*\s+(?:[a-z]+ly\s+)?\Z")


def bare_quote(text: str, s: Sentence) -> bool:
    """True when the sentence is nothing but quotations (a continuation candidate)."""
    if not s.quotes or not _starts_with(text, s, s.quotes[0]):
        return False
    # (a list's item number before the first quotation is layout, not words)
    outside = [w for w in s.words if w.start > s.quotes[0].start and not _inside(s.quotes, w.start)]
    if any(is_title_quote(text, q) for q in s.quotes):
        return False  # a book or film title on its own line, not a quotation running on
    return not outside and len(s.words) >= 3


def paraphrase_before_relative(text: str, s: Sentence, found: Found) -> Found | None:
    """The first cue's clause before a relative clause that took the quotation as its own
    act (:func:`~storywatch.understand.relative_acts.clause_before`, read with this module's
    cue-led pass)."""
    return clause_before(text, s, found, _cue_led_pass)
