"""Attributed paraphrases: found, speaker, and the extent of the reported clause.

Most of what a news story attributes is not quoted: "Lopez said the plan would fail",
"The ministry said Tuesday that fares would rise", "According to officials, the port will
close", "The plan will fail, Lopez said", "Lopez denied that she had been briefed". Each is
a statement of kind "indirect" whose words are the reported clause: not the cue, not the
subject, and not the clause that follows ("…, but critics disagreed", "…, adding that …").
This family crosses sixteen subjects (names, titles, a description, an institution, a
quantity, appositions and a relative clause, "she"/"he" after a lead naming the person)
with thirty-three shapes (said, says, told, added, argued, warned, insisted, claimed,
announced, denied, "accused … of", "according to" before and after, the cue after the
clause, with and without "that", with a time or setting after the cue, an aside between
subject and cue, a clause or tail after the content, another speaker's clause after it) and two reported clauses.

The extent follows PolNeAR (its train Content spans, read before this family was written:
"that" opens the content when the writer wrote it, 314 times to once without on the common
cues; a clause before its cue ends before the comma) and the reading's own convention for
partial quotations (``grids.clauses``: the object of "accused" is part of the content, "the
governor of …"). The check (``check``): a statement of kind indirect overlaps the content
(``MISS`` when none does, ``DIRECT`` when only a direct one does), its speaker holds the
wanted word (``SPEAKER``), and its extent, trailing punctuation ignored, is the content
(``START-EARLY``/``START-LATE``, ``END-LONG``/``END-SHORT``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from grids.clauses import normalised
from grids.common import Failure, Family, capitalised, read, reads_as_copy, speaker_name

PLAIN = "The hearing opened. "
LOPEZ = "Gov. Maria Lopez of Ohio spoke first. "


@dataclass(frozen=True)
class ParaCase:
    """A sentence after a lead holding one paraphrase: where its content starts and ends
    in ``text``, and a word the speaker's name must hold."""

    label: str
    text: str
    content_start: int
    content_end: int
    wanted: str

    @property
    def content(self) -> str:
        return self.text[self.content_start : self.content_end]


@dataclass(frozen=True)
class Subject:
    """A way of naming the speaker; ``inverts`` when "…, said <subject>." is copy."""

    name: str
    wanted: str
    lead: str = PLAIN
    inverts: bool = True
    plural: bool = False


SUBJECTS = [
    Subject("Maria Lopez", "Lopez"),
    Subject("Gov. Maria Lopez", "Lopez"),
    Subject("the governor", "Lopez", LOPEZ),
    Subject("a spokeswoman for the ministry", "spokeswoman"),
    Subject("the ministry", "ministry"),
    Subject("officials", "officials", inverts=False, plural=True),
    Subject("she", "Lopez", "Maria Lopez spoke first. ", inverts=False),
    Subject("he", "Reyes", "Tom Reyes spoke first. ", inverts=False),
    Subject("Lopez, who chairs the board,", "Lopez", inverts=False),
    Subject("Tom Reyes, a spokesman for the union,", "Reyes"),
    Subject("Lopez's spokesman, Tom Reyes,", "Reyes"),
    Subject("Sen. Maria Lopez, D-Ohio,", "Lopez"),
    Subject("two people familiar with the talks", "people", inverts=False, plural=True),
    Subject("the White House", "White House"),
    Subject("Lopez, 56,", "Lopez", inverts=False),
    Subject("the Ohio Department of Health", "Department of Health"),
]
# Reported clauses: (as it follows a cue, as it opens a sentence)
CLAUSES = [
    ("the port will close in May", "The port will close in May"),
    ("fares would rise by 10 percent next year", "Fares would rise by 10 percent next year"),
]
# (label, template, the words that open the content): {S} the subject, {Sc} opening the
# sentence, {C} the content (the opening words, then the clause), {Cc} it opening one,
# {has} and {says} agreeing with the subject.
SHAPES = [
    ("said", "{Sc} said {C}.", ""),
    ("said-that", "{Sc} said {C}.", "that "),
    ("said-day-that", "{Sc} said Tuesday {C}.", "that "),
    ("said-day", "{Sc} said on Tuesday {C}.", ""),
    ("said-statement", "{Sc} said in a statement {C}.", "that "),
    ("said-rally", "{Sc} said at a rally in Dayton {C}.", "that "),
    ("says", "{Sc} {says} {C}.", ""),
    ("told", "{Sc} told reporters {C}.", ""),
    ("told-that", "{Sc} told The Associated Press on Monday {C}.", "that "),
    ("added", "{Sc} added {C}.", "that "),
    ("argued", "{Sc} {has} argued {C}.", "that "),
    ("warned", "{Sc} warned {C}.", "that "),
    ("insisted", "{Sc} insisted {C}.", ""),
    ("claimed", "{Sc} claimed {C}.", "that "),
    ("announced", "{Sc} announced Tuesday {C}.", "that "),
    ("denied", "{Sc} denied {C}.", "that "),
    ("according-pre", "According to {S}, {C}.", ""),
    ("according-post", "{Cc}, according to {S}.", ""),
    ("trailer", "{Cc}, {S} said.", ""),
    ("trailer-inverted", "{Cc}, said {S}.", ""),
    ("trailer-day", "{Cc}, {S} said Tuesday.", ""),
    ("trailer-told", "{Cc}, {S} told reporters.", ""),
    ("trailer-says", "{Cc}, {S} {says}.", ""),
    ("aside", "{Sc}, speaking to reporters on Tuesday, said {C}.", ""),
    ("also", "{Sc} also said {C}.", "that "),
    ("but", "{Sc} said {C}, but critics disagreed.", ""),
    ("and-other", "{Sc} said {C}, and the mayor said it would not.", ""),
    ("but-other", "{Sc} said {C}, but the mayor told reporters that it would not.", ""),
    ("adding", "{Sc} said {C}, adding that the vote would be close.", ""),
    ("and-vowed", "{Sc} said {C} and vowed to fight on.", ""),
    ("next-quote", "{Sc} said {C}. “We will see,” the mayor replied.", ""),
    ("in-statement", "In a statement, {S} said {C}.", ""),
    ("accused", "{Sc} accused {C}.", "the governor of misleading voters about why "),
]  # fmt: skip
OBJECT = {"she": "her", "he": "him"}
_MARK = "\x00"


def _sentence(template: str, subject: Subject) -> str:
    """The template with the subject put in and the content left as ``_MARK``; an
    apposition's closing comma gives way to the punctuation after it ("according to Lopez,
    56." where the template would make "56,.")."""
    name = subject.name
    if "said {S}" in template:
        name = name.rstrip(",")
    if name in OBJECT:
        template = template.replace("ccording to {S}", "ccording to " + OBJECT[name])
    verbs = {"has": "have", "says": "say"} if subject.plural else {"has": "has", "says": "says"}
    sentence = template.format(S=name, Sc=capitalised(name), C=_MARK, Cc=_MARK, **verbs)
    return sentence.replace(",,", ",").replace(",.", ".")


def build(
    label: str, template: str, opening: str, subject: Subject, clause: tuple[str, str]
) -> ParaCase:
    """One sentence after the subject's lead, with the offsets of its content."""
    content = opening + (clause[1] if "{Cc}" in template else clause[0])
    sentence = _sentence(template, subject)
    start = len(subject.lead) + sentence.index(_MARK)
    text = subject.lead + sentence.replace(_MARK, content)
    return ParaCase(label, text, start, start + len(content), subject.wanted)


def cases() -> list[ParaCase]:
    """Every subject in every shape it takes, with each clause."""
    out = []
    for subject, (label, template, opening), clause in product(SUBJECTS, SHAPES, CLAUSES):
        if label == "trailer-inverted" and not subject.inverts:
            continue  # "…, said she." is no English
        if label == "aside" and "," in subject.name:
            continue  # "Lopez, 56,, speaking to reporters" is no copy
        out.append(build(label, template, opening, subject, clause))
    return [case for case in out if reads_as_copy(case.text)]


def check(case: ParaCase) -> Failure | None:
    """The paraphrase over the content: found, indirect, its speaker, its extent."""
    over = [
        a
        for a in read(case.text)
        if any(s < case.content_end and e > case.content_start for s, e in a.parts)
    ]
    if not over:
        return Failure("MISS")
    indirect = [a for a in over if not a.direct]
    if not indirect:
        return Failure("DIRECT")
    found = indirect[0]
    if case.wanted.lower() not in speaker_name(found).lower():
        return Failure("SPEAKER", repr(found.speaker.name))
    start, end = min(s for s, _ in found.parts), max(e for _, e in found.parts)
    got = normalised(case.text[start:end])
    wanted = normalised(case.content)
    if got == wanted:
        return None
    shown = case.text[start:end]
    if start != case.content_start:
        return Failure("START-LATE" if start > case.content_start else "START-EARLY", shown)
    return Failure("END-LONG" if len(got) > len(wanted) else "END-SHORT", shown)


FAMILY = Family("paraphrases", __doc__.splitlines()[0], cases, check)
