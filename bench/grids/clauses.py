"""Partial quotations inside reported clauses: found, speaker, and where the statement ends.

"Lopez said the plan would be “a disaster for working families,” adding that it would cost
jobs" is one statement whose words are the reported clause up to the quotation: the tail
("adding that …", "and vowed to fight it", "— a charge the governor denied") is the
writer's, and what follows ("…, but critics disagreed", "; critics disagreed") is no part
of it either. This family crosses cues (said, warned, conceded, told reporters …, and
"vowed to", "urged lawmakers to", "accused … of", "called for", "described … as"),
circumstances, "that" or none, bodies (a quotation at the end, in the middle, two, a
negation, inside the verb phrase), tails, what follows the sentence, subjects, frames
around the clause ("Tom Reyes, who said …, voted against it", "After she said …"), longer
cue phrases ("was quoted as saying", "wrote in an op-ed"), punctuation inside the quotation
(a comma, a dash, a semicolon, brackets, a nested quotation), straight marks and the doubled
apostrophes of New York Times copy (''…''), and a set of single sentences whose answer was
written by hand (two speakers in one sentence, "according to a transcript", a trailer after
a reported clause).

The check (``check``): the statement holding the first quotation mark must be direct, its
speaker must hold one of the wanted words, and its extent (first to last character, trailing
punctuation and marks ignored) must be one of the accepted readings: the content alone, or
with the tail too where either reading is fair ("because it cuts benefits", "and that it
would cost jobs"). By the house convention (and PolNeAR's), the source of a trailing
"according to two people in the room" speaks the whole "Lopez said …". Failures are named
for what went wrong: ``MISS``, ``INDIRECT``, ``SPEAKER``, ``START-EARLY``/``START-LATE``,
``END-LONG``/``END-SHORT``.

Written first as /work/diag/h3_grid.py in the thirteenth session (19,484 cases, all of them
run here: about five seconds). Every crossing reads as copy; none is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, product

from grids.common import Failure, Family, capitalised, read, reads_as_copy, speaker_name


@dataclass(frozen=True)
class ClauseCase:
    """A sentence holding a partial quotation: where the content starts, the readings of
    its extent we accept, words one of which the speaker must hold, and where the quotation
    to look up opens."""

    label: str
    text: str
    content_start: int
    accepted: tuple[str, ...]
    wanted: tuple[str, ...]
    quote_at: int


@dataclass(frozen=True)
class Subject:
    name: str
    wanted: str
    lead: str


@dataclass(frozen=True)
class Tail:
    """Words after the clause's last quotation: ``either`` when the statement may end
    before them or after them, else it must end before them."""

    text: str
    either: bool = False


@dataclass(frozen=True)
class After:
    """What frames the sentence: words before the subject, and the end of the sentence."""

    before: str
    end: str


CLAUSE_CUES = [
    "said", "warned", "argued", "insisted", "predicted", "acknowledged", "conceded",
    "suggested", "claimed", "declared", "maintained", "noted", "pointed out", "complained",
    "boasted", "told reporters", "added",
]  # fmt: skip
# <P> is where punctuation after the quotation moves inside its closing mark (house style)
BODIES = {
    "end": "the plan would be “a disaster for working families<P>”",
    "mid": "the “reckless” plan would hurt working families<P>",
    "two": "the plan was “a disaster” and “a gift to the rich<P>”",
    "neg": "the plan would not be “a disaster for working families<P>”",
    "modal": "the governor should “stop playing games<P>”",
    "mid2": "the plan was “a disaster for working families” and should be withdrawn<P>",
    "long": "lawmakers who backed the plan had “betrayed the people who elected them<P>”",
    "never": "she would never “sign a bill like this<P>”",
}
VERB_PHRASES = [
    "“fight this plan to the end<P>”",
    "fight the plan “to the bitter end<P>”",
    "“fight” the plan and “win<P>”",
    "“never back down” from the fight<P>",
]
GERUNDS = ["“betraying working families<P>”", "“playing games” with the budget<P>"]
NOUNS = ["“an immediate halt” to the plan<P>", "“a full and honest accounting<P>”"]
AS_NOUNS = ["“a disaster for working families<P>”", "“reckless” and “cruel<P>”"]
# (cue, its object, the word that leads the content, the bodies it takes)
OTHER_CUES = [
    ("vowed", "", "to ", VERB_PHRASES),
    ("promised", "", "to ", VERB_PHRASES),
    ("pledged", "", "to ", VERB_PHRASES),
    ("urged", "lawmakers ", "to ", VERB_PHRASES),
    ("accused", "the governor ", "of ", GERUNDS),
    ("called", "", "for ", NOUNS),
    ("described", "the plan ", "as ", AS_NOUNS),
    ("dismissed", "the plan ", "as ", AS_NOUNS),
]
CIRCUMSTANCES = [" Tuesday", " in a statement", " on Monday"]
TAILS = [
    Tail(""),
    Tail(", adding that it would cost jobs"),
    Tail(" and vowed to fight it"),
    Tail(", saying it would cost jobs"),
    Tail(" because it cuts benefits", either=True),
    Tail(" and that it would cost jobs", either=True),
    Tail(" — a charge the governor denied"),
]
AFTERS = [
    After("", ". Critics disagreed."),
    After("", ", according to two people in the room. Critics disagreed."),
    After("When ", ", critics laughed."),
    After("", ", but critics disagreed."),
    After("", "; critics disagreed."),
    After("", ". “We will see,” the governor replied."),
]
OPENED = "The hearing opened. "
SUBJECTS = [
    Subject("Maria Lopez", "Lopez", OPENED),
    Subject("Gov. Maria Lopez", "Lopez", OPENED),
    Subject("she", "Lopez", "Maria Lopez spoke first. "),
    Subject("officials", "officials", OPENED),
]
MORE_SUBJECTS = [
    Subject("Sen. Maria Lopez (D-Ohio)", "Lopez", OPENED),
    Subject("Lopez's spokesman, Dan Reyes,", "Reyes", OPENED),
    Subject("a spokeswoman for the governor", "spokeswoman", OPENED),
    Subject("the White House", "White House", OPENED),
    Subject("Republicans", "Republicans", OPENED),
    # the span is right; the reading does not link "the 45-year-old Democrat" to Lopez
    Subject("the 45-year-old Democrat", "Democrat", "Maria Lopez, a Democrat, spoke first. "),
    Subject("Lopez, however,", "Lopez", "Dan Reyes spoke first. "),
    Subject("the company", "Acme", "Acme Corp. responded on Monday. "),
    Subject("Lopez, who is running for governor,", "Lopez", OPENED),
    Subject("Maria Lopez, the party's nominee,", "Lopez", OPENED),
]
LONG_SUBJECTS = [
    Subject(
        "Maria Lopez, who has served in the Senate since 2010 and chairs the budget committee,",
        "Lopez",
        OPENED,
    ),
    Subject("Lopez, a Democrat who has long opposed such plans,", "Lopez", OPENED),
    Subject("The senator’s spokeswoman, Ann Lee,", "Lee", OPENED),
    Subject("Maria Lopez", "Lopez", OPENED),
]
PLAIN = After("", ". Critics disagreed.")


def normalised(words: str) -> str:
    """``words`` without surrounding space and trailing punctuation or marks: extents are
    compared so, since where a comma or closing mark falls is no part of the reading."""
    words = words.strip()
    while words and words[-1] in ".,;:”\"' ":
        words = words[:-1]
    return words


def build(
    label: str,
    subject: Subject,
    cue: str,
    body: str,
    *,
    that: str = "",
    lead_word: str = "",
    obj: str = "",
    tail: Tail = TAILS[0],
    after: After = PLAIN,
) -> ClauseCase:
    """One sentence: "<lead><before><subject> <cue> <obj><that><lead_word><body><tail><end>",
    the punctuation that follows a closing mark moved inside it."""
    follows = tail.text + after.end
    if body.endswith("<P>”"):
        mark = follows[0] if follows[0] in ".," else ""
        body = body.replace("<P>", mark)
        follows = follows[len(mark) :]
    else:
        body = body.replace("<P>", "")
    head = subject.lead + after.before + subject.name + " " + cue + " "
    if not after.before:
        head = subject.lead + capitalised(head[len(subject.lead) :])
    content = obj + that + lead_word + body
    text = head + content + follows
    accepted = [normalised(content)]
    if tail.either:
        accepted.append(normalised(content + tail.text))
    wanted = [subject.wanted]
    if "according to" in after.end:
        wanted.append("two people")
        whole = capitalised(subject.name) + " " + cue + " " + content
        accepted += [normalised(whole), normalised(whole + tail.text)]
    start = len(head)
    return ClauseCase(
        label, text, start, tuple(accepted), tuple(wanted), start + content.index("“")
    )


def _crossed() -> Iterator[ClauseCase]:
    first = SUBJECTS[0]
    for cue, that, body in product(CLAUSE_CUES, ["", "that "], BODIES.values()):
        yield build("cues", first, cue, body, that=that)
    for cue, at, that, key in product(CLAUSE_CUES, CIRCUMSTANCES, ["", "that "], ["end", "mid"]):
        yield build("cue-circumstances", first, cue + at, BODIES[key], that=that)
    for (cue, obj, word, bodies), at in product(OTHER_CUES, ["", " Tuesday"]):
        if obj and at:
            continue  # "urged Tuesday lawmakers to" is no copy
        for body in bodies:
            yield build("other-cues", first, cue + at, body, lead_word=word, obj=obj)
    for cue, that, body, tail, after in product(
        ["said", "warned", "argued"], ["", "that "], BODIES.values(), TAILS, AFTERS
    ):
        yield build("tails", first, cue, body, that=that, tail=tail, after=after)
    for (cue, obj, word, bodies), tail, after in product(OTHER_CUES, TAILS[:5], AFTERS):
        for body in bodies:
            yield build("tails", first, cue, body, lead_word=word, obj=obj, tail=tail, after=after)
    for subject, cue, that, key, after in product(
        SUBJECTS, ["said", "insisted", "told reporters Tuesday"], ["", "that "],
        ["end", "mid", "two"], AFTERS[:3],
    ):  # fmt: skip
        yield build("subjects", subject, cue, BODIES[key], that=that, after=after)


# (frame, with {S} the subject opening a sentence, {s} inside one, {V} the cue, {C} content)
FRAMES = [
    "{S} {V} {C}, and Dan Reyes said it would fail.",
    "{S}, who {V} {C}, voted against it.",
    "Later, {s} {V} {C}.",
    "{S} {V} {C}, a view shared by several Democrats.",
    "{S} {V} {C}, even as her party moved on.",
    "{S} {V} {C}, then left the room.",
    "{S} {V} {C} — and she meant it.",
    "{S} {V} {C}, prompting laughter from the audience.",
    "{S} {V} {C}, although she later softened her tone.",
    "{S} {V} {C}, which drew applause.",
    "{S} {V} {C} in an interview with CNN.",
    "After {s} {V} {C}, the governor responded.",
    "While {s} {V} {C}, the governor stayed silent.",
    "{S} {V} {C} (the governor disagreed).",
]
FRAME_CUES = [
    "said", "has said", "would later say", "had warned", "has repeatedly argued", "said Monday",
    "told reporters", "said in a statement", "insisted", "claimed",
]  # fmt: skip
CONTENTS = [
    "that the plan was “a disaster for working families”",
    "the plan was “a disaster for working families”",
    "the “reckless” plan would hurt families",
    "the plan was “a disaster” and “a gift to the rich”",
]


def _framed() -> Iterator[ClauseCase]:
    """The clause inside a larger sentence; its statement ends where the content does."""
    for frame, cue, content, subject in product(FRAMES, FRAME_CUES, CONTENTS, SUBJECTS):
        if "who {V}" in frame and subject.name in ("she", "officials"):
            continue  # "She, who …" is no copy; "Officials, who has …" does not agree
        after_content = frame[frame.index("{C}") + 3]
        if content.endswith("”") and after_content in ",.":
            frame = frame.replace("{C}" + after_content, "{C}", 1)
            content = content[:-1] + after_content + "”"
        body = (
            frame.replace("{S}", capitalised(subject.name))
            .replace("{s}", subject.name)
            .replace("{V}", cue)
        )
        start = len(subject.lead) + body.index("{C}")
        text = subject.lead + body.replace("{C}", content)
        yield ClauseCase(
            "frames",
            text,
            start,
            (normalised(content),),
            (subject.wanted,),
            start + content.index("“"),
        )


def restyled(case: ClauseCase, opening: str, closing: str, label: str) -> ClauseCase:
    """The same sentence in other quotation marks (straight, or the doubled apostrophes of
    New York Times copy), offsets moved to match."""
    text = case.text

    def at(pos: int) -> int:
        before = text[:pos]
        return pos + (len(opening) - 1) * before.count("“") + (len(closing) - 1) * before.count("”")

    def marked(words: str) -> str:
        return words.replace("“", opening).replace("”", closing)

    return ClauseCase(
        label,
        marked(text),
        at(case.content_start),
        tuple(normalised(marked(a)) for a in case.accepted),
        case.wanted,
        at(case.quote_at),
    )


def _styled() -> Iterator[ClauseCase]:
    for case in _crossed():
        if case.label in ("cues", "tails"):
            yield restyled(case, '"', '"', case.label + '/straight"')
            yield restyled(case, "''", "''", case.label + "/doubled''")


def _more_subjects() -> Iterator[ClauseCase]:
    for subject, cue, that, key, tail, after in product(
        MORE_SUBJECTS, ["said", "warned", "told reporters", "said Tuesday"], ["", "that "],
        ["end", "mid", "two"], [TAILS[0], TAILS[1], TAILS[4]], AFTERS[:4],
    ):  # fmt: skip
        yield build("more-subjects", subject, cue, BODIES[key], that=that, tail=tail, after=after)


# (sentence, the quotation to look up, what was said, a word of the speaker's name)
SINGLES = [
    ("{S} said the plan was “a disaster,” while Dan Reyes called it “a good start.”", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” while Dan Reyes called it “a good start.”", "“a good start", "it “a good start.”", "Reyes"),
    ("{S} said the plan was “a disaster” and Dan Reyes said it was “a good start.”", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} said the plan was “a disaster” and Dan Reyes said it was “a good start.”", "“a good start", "it was “a good start.”", "Reyes"),
    ("{S} said the plan was “a disaster for working families” — a phrase she has used before.", "“a disaster", "the plan was “a disaster for working families”", "Lopez"),
    ("{S} said the plan was “a disaster for working families,” a phrase she has used before.", "“a disaster", "the plan was “a disaster for working families,”", "Lopez"),
    ("{S} said that if the plan passed, it would be “a disaster.”", "“a disaster", "that if the plan passed, it would be “a disaster.”", "Lopez"),
    ("{S} said the plan was not just “a disaster” but “a catastrophe.”", "“a disaster", "the plan was not just “a disaster” but “a catastrophe.”", "Lopez"),
    ("{S} said Tuesday in a statement to reporters at the Capitol that the plan was “a disaster.”", "“a disaster", "that the plan was “a disaster.”", "Lopez"),
    ("{S} said the plan, unveiled Monday, was “a disaster.”", "“a disaster", "the plan, unveiled Monday, was “a disaster.”", "Lopez"),
    ("{S} said the plan was “a disaster” for families who “can least afford it.”", "“a disaster", "the plan was “a disaster” for families who “can least afford it.”", "Lopez"),
    ("{S}, speaking at a rally, said the plan was “a disaster.”", "“a disaster", "the plan was “a disaster.”", "Lopez"),
    ("In a statement, {s} said the plan was “a disaster,” and she urged lawmakers to reject it.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” and she urged lawmakers to reject it.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” and Reyes agreed.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” and the governor’s office did not respond.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” and the governor’s office declined to comment.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” but did not say how she would vote.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster” but stopped short of calling for a veto.", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} said the plan was “a disaster,” citing a report by the budget office.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” according to a transcript.", "“a disaster", "Maria Lopez said the plan was “a disaster,”", "transcript"),
    ("{S} said the plan was “a disaster” in remarks to the council on Tuesday.", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} said the plan was “a disaster” during a town hall in Dayton.", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} said the plan was “a disaster” as she left the chamber.", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} said the plan was “a disaster” after the vote.", "“a disaster", "the plan was “a disaster”", "Lopez"),
    ("{S} told The Associated Press that the plan was “a disaster” and that she would vote no.", "“a disaster", "that the plan was “a disaster” and that she would vote no", "Lopez"),
    ("{S} said the plan was “a disaster,” that it would “hurt families” and that she would vote no.", "“a disaster", "the plan was “a disaster,” that it would “hurt families” and that she would vote no", "Lopez"),
    ("{S} has said the plan is “a disaster,” a claim the governor disputes.", "“a disaster", "the plan is “a disaster,”", "Lopez"),
    ("{S} said the plan was “a disaster,” a view echoed by Dan Reyes.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} said she was “deeply troubled” by the plan and would vote against it.", "“deeply", "she was “deeply troubled” by the plan and would vote against it", "Lopez"),
    ("{S} said she was “deeply troubled” by the plan, which passed the House on Monday.", "“deeply", "she was “deeply troubled” by the plan", "Lopez"),
    ("{S} said the plan was “dead on arrival.” Reyes disagreed.", "“dead", "the plan was “dead on arrival.”", "Lopez"),
    ("The plan, {s} said, was “a disaster,” but critics disagreed.", "“a disaster", "The plan, Maria Lopez said, was “a disaster,”", "Lopez"),
    ("The plan, according to {s}, was “a disaster,” but critics disagreed.", "“a disaster", "The plan, according to Maria Lopez, was “a disaster,”", "Lopez"),
    ("The plan was “a disaster,” {s} said, but critics disagreed.", "“a disaster", "The plan was “a disaster,”", "Lopez"),
    ("According to {s}, the plan was “a disaster,” but critics disagreed.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} insisted the plan was not “a disaster” but merely “a rough start,” though she conceded it could be improved.", "“a disaster", "the plan was not “a disaster” but merely “a rough start,”", "Lopez"),
    ("{S} said the plan was “a disaster,” and Republicans quickly agreed.", "“a disaster", "the plan was “a disaster,”", "Lopez"),
    ("{S} conceded the plan was “not perfect,” yet she insisted it was “a start.”", "“not perfect", "the plan was “not perfect,”", "Lopez"),
    ("{S} conceded the plan was “not perfect,” yet she insisted it was “a start.”", "“a start", "it was “a start.”", "Lopez"),
    ("{S} said the plan, which she called “reckless,” would hurt families.", "“reckless", "the plan, which she called “reckless,” would hurt families", "Lopez"),
    ("When {s} said the plan, which she called “reckless,” would hurt families, critics laughed.", "“reckless", "the plan, which she called “reckless,” would hurt families", "Lopez"),
    ("{S} said the governor’s claim that it was “a fix” was “simply false.”", "“a fix", "the governor’s claim that it was “a fix” was “simply false.”", "Lopez"),
    ("{S} told reporters Tuesday that the plan was “a disaster,” her strongest criticism yet.", "“a disaster", "that the plan was “a disaster,”", "Lopez"),
    # the trailer's speaker says the reported clause's words (trailers.py's convention)
    ("{S} said the plan was “dead on arrival,” Reyes said.", "“dead", "the plan was “dead on arrival,”", "Reyes"),
]  # fmt: skip


def _singles() -> Iterator[ClauseCase]:
    for (sentence, anchor, said, wanted), subject in product(SINGLES, SUBJECTS[:2]):
        text = subject.lead + sentence.replace("{S}", subject.name).replace("{s}", subject.name)
        said = said.replace("Maria Lopez", subject.name)
        yield ClauseCase(
            "singles", text, text.find(said), (normalised(said),), (wanted,), text.index(anchor)
        )


CUE_PHRASES = [
    "said, however,", "said, in a statement,", "was quoted as saying", "went on to say",
    "later said", "also said", "once said", "would say only", "said only", "said flatly",
    "said repeatedly", "has long argued", "told a crowd in Dayton", "told the newspaper",
    "told CNN on Sunday", "wrote in an op-ed", "wrote on Twitter", "said in an email",
    "said at a news conference", "said during a debate last month",
    "said, without offering evidence,", "acknowledged in an interview", "conceded Tuesday",
    "suggested last week", "complained to reporters", "boasted at a rally",
    "pointed out Tuesday", "noted in a memo", "declared Monday", "maintained in court filings",
]  # fmt: skip


def _cue_phrases() -> Iterator[ClauseCase]:
    for cue, that, key, tail, after in product(
        CUE_PHRASES, ["", "that "], ["end", "mid", "two", "long"],
        [TAILS[0], TAILS[1], TAILS[3]], [PLAIN, AFTERS[3]],
    ):  # fmt: skip
        if "saying" in cue and that:
            continue  # "quoted as saying that" is rare enough to leave out
        yield build("cue-phrases", SUBJECTS[0], cue, BODIES[key], that=that, tail=tail, after=after)


INNER_BODIES = {
    "comma": "the plan was “a disaster, plain and simple<P>”",
    "dash": "the plan was “a disaster — for families, for workers, for everyone<P>”",
    "semi": "the plan was “a disaster; it hurts the people who need help most<P>”",
    "quest": "the plan raised “more questions than answers<P>”",
    "and": "the plan was “reckless and cruel” and would “hurt families<P>”",
    "but": "the plan was “well meant” but “badly flawed<P>”",
    "which": "the plan, which she called “reckless,” would hurt families<P>",
    "paren": "the plan (“a disaster,” in her words) would hurt families<P>",
    "num": "the plan would cost “at least $2 billion” over 10 years<P>",
    "says": "the plan is “a disaster for working families<P>”",
    "cap": "the plan was “A Disaster For Working Families<P>”",
    "nested": "the governor’s claim that it was “a fix” was “simply false<P>”",
}


def _inner() -> Iterator[ClauseCase]:
    for subject, cue, that, body, tail, after in product(
        LONG_SUBJECTS, ["said", "says", "argued Tuesday"], ["", "that "], INNER_BODIES.values(),
        [TAILS[0], TAILS[1], TAILS[3]], AFTERS[:4],
    ):  # fmt: skip
        yield build("inner-punctuation", subject, cue, body, that=that, tail=tail, after=after)


def cases() -> list[ClauseCase]:
    """Every crossing, in the order the script ran them."""
    every = chain(
        _crossed(), _framed(), _styled(), _more_subjects(), _singles(), _cue_phrases(), _inner()
    )
    return [case for case in every if reads_as_copy(case.text)]


def check(case: ClauseCase) -> Failure | None:
    """The statement holding the quotation: direct, the right speaker, an accepted extent."""
    holding = [a for a in read(case.text) if any(s <= case.quote_at < e for s, e in a.parts)]
    if not holding:
        return Failure("MISS")
    found = holding[0]
    if not found.direct:
        return Failure("INDIRECT")
    if not any(w.lower() in speaker_name(found).lower() for w in case.wanted):
        return Failure("SPEAKER", repr(found.speaker.name))
    start, end = min(s for s, _ in found.parts), max(e for _, e in found.parts)
    got = normalised(case.text[start:end])
    if got in case.accepted:
        return None
    if start != case.content_start:
        return Failure(
            "START-LATE" if start > case.content_start else "START-EARLY", case.text[start:end]
        )
    longer = len(got) > len(case.accepted[0])
    return Failure("END-LONG" if longer else "END-SHORT", case.text[start:end])


FAMILY = Family("clauses", __doc__.splitlines()[0], cases, check)
