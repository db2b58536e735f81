"""Layouts of news copy: splits, continuation, paragraphs, lists, colons, datelines, credits.

Where a quotation sits on the page decides how it is read: a quotation split by its trailer
("“The plan is dead,” Lopez said, “and we will not revive it.”"), a second sentence or
paragraph after the trailer that continues it, a quotation running over paragraphs (each
opening with a mark, only the last closing), a colon or dash leading into it, a headline
("Lopez: “We will not back down”"), datelines, question and answer, bullet and numbered
lists, parentheses, signatures ("— Maria Lopez"), a tweet's credit, captions and an
advertisement between paragraphs, nested quotations and ellipses. Each of 98 shapes is
written with five subjects (a name, a title, an apposition, a pronoun for later mentions,
another person's apposition).

The check (``check``) reads coverage on letters and digits. Each expected quotation (its
words inside the marks, and a word of its speaker's name) must be covered at least half by
direct statements (``MISS``), by statements whose speakers hold the word (``SPEAKER``),
exactly, with nothing outside every expected quotation swept in (``EXTENT``); a statement
whose text starts with its own mark is ``MARKS``, a direct statement no quotation expects is
``EXTRA``. A case fails with the first cause found; the detail lists all.

Variants, each a family of its own: ``layouts_single`` writes every case in single-mark
house style (‘…’ outside, “…” inside: understand/single_marks.py) and adds a second
single-mark quotation ("‘It was a long day,’ one docker said.") so the style is plain from
the article; ``layouts_straight`` writes straight double marks; ``layouts_wrap`` hard-wraps
paragraphs at 70 columns with two paragraphs of filler after the case (plain-text feeds).

Written first as /work/diag/h4_grid.py in the thirteenth session (460 cases a variant).
Dropped here: the crossings of an apposition subject ("Maria Lopez, the finance minister,")
with a template that puts a possessive or a comma straight after the subject ("… minister,'s
statement read in full", "… minister,, asked whether …"): six a variant, no copy reads so.
A signature or a tweet's credit is written with the plain names only, and the templates
that start from the speaker's name are written once.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from grids.common import Failure, Family, capitalised, read, reads_as_copy, speaker_name

# (first mention, later mention, a word of the speaker's name)
SUBJECTS = [
    ("Maria Lopez", "Lopez", "Lopez"),
    ("Gov. Maria Lopez", "Lopez", "Lopez"),
    ("Maria Lopez, the finance minister,", "Lopez", "Lopez"),
    ("Maria Lopez", "she", "Lopez"),
    ("Ann Lee, a spokeswoman for the ministry,", "Lee", "Lee"),
]
Expected = str | tuple[str, str]
# (label, template, expected quotations, no_pronoun): {S} first mention, {s} later one,
# {Sc} first mention opening a sentence, {Poss} the possessive pronoun. An expected quotation
# is its words, or its words and a word of another speaker's name. no_pronoun: the template
# reads wrong with "she" as the later mention ("asked she").
SHAPES: list[tuple[str, str, list[Expected], bool]] = [
    ("split-trailer", "{S} spoke at the port on Tuesday.\n\n“The plan is dead,” {s} said, “and we will not revive it.”", ["The plan is dead,", "and we will not revive it."], False),
    ("split-trailer-inv", "{S} spoke at the port on Tuesday.\n\n“The plan is dead,” said {s}, “and we will not revive it.”", ["The plan is dead,", "and we will not revive it."], True),
    ("split-trailer-long", "{S} spoke at the port on Tuesday.\n\n“The plan is dead,” {s} told reporters after the meeting, “and we will not revive it this year or next.”", ["The plan is dead,", "and we will not revive it this year or next."], False),
    ("next-sentence", "{S} spoke at the port on Tuesday.\n\n“We tried,” {s} said. “It failed, and the workers paid for it.”", ["We tried,", "It failed, and the workers paid for it."], False),
    ("next-sentence-2", "{S} spoke at the port on Tuesday.\n\n“We tried,” {s} said. “It failed. The workers paid for it.”", ["We tried,", "It failed. The workers paid for it."], False),
    ("multi-para", "{S} spoke at the port on Tuesday.\n\n“We tried for years to fix the port,” {s} said. “The money never came.\n\n“Now the workers are paying for it.”", ["We tried for years to fix the port,", "The money never came.", "Now the workers are paying for it."], False),
    ("multi-para-open", "{S} spoke at the port on Tuesday.\n\n{Sc} said: “The money never came.\n\n“Now the workers are paying for it.”", ["The money never came.", "Now the workers are paying for it."], False),
    ("multi-para-3", "{S} spoke at the port on Tuesday.\n\n“We tried for years,” {s} said. “The money never came.\n\n“The ships left for Rotterdam.\n\n“Now the workers are paying for it.”", ["We tried for years,", "The money never came.", "The ships left for Rotterdam.", "Now the workers are paying for it."], False),
    ("para-no-trailer", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said.\n\n“We have no other choice. The ships are gone.”", ["The port will close,", "We have no other choice. The ships are gone."], False),
    ("para-no-trailer-gap", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said.\n\nThe port employs 4,000 people.\n\n“We have no other choice,” {s} said.", ["The port will close,", "We have no other choice,"], False),
    ("question-inv", "{S} spoke at the port on Tuesday.\n\n“Why now?” asked {s}.", ["Why now?"], True),
    ("question", "{S} spoke at the port on Tuesday.\n\n“Who will pay for this?” {s} asked.", ["Who will pay for this?"], False),
    ("question-2", "{S} spoke at the port on Tuesday.\n\n“Who will pay for this?” {s} asked. “Not the owners.”", ["Who will pay for this?", "Not the owners."], False),
    ("exclaim", "{S} spoke at the port on Tuesday.\n\n“No!” {s} shouted.", ["No!"], False),
    ("exclaim-2", "{S} spoke at the port on Tuesday.\n\n“Not on my watch!” {s} shouted at the crowd.", ["Not on my watch!"], False),
    ("exclaim-inv", "{S} spoke at the port on Tuesday.\n\n“Not on my watch!” shouted {s}.", ["Not on my watch!"], True),
    ("colon-blunt", "{S} spoke at the port on Tuesday.\n\n{Sc} was blunt: “The plan is dead.”", ["The plan is dead."], False),
    ("colon-said", "{S} spoke at the port on Tuesday.\n\n{Sc} said: “The plan is dead.”", ["The plan is dead."], False),
    ("colon-said-2", "{S} spoke at the port on Tuesday.\n\n{Sc} said: “The plan is dead. We will not revive it.”", ["The plan is dead. We will not revive it."], False),
    ("colon-para", "{S} spoke at the port on Tuesday. {Sc} said:\n\n“The plan is dead. We will not revive it.”", ["The plan is dead. We will not revive it."], False),
    ("colon-statement", "{S} spoke at the port on Tuesday.\n\nIn a statement, the ministry said: “The plan is dead.”", [("The plan is dead.", "ministry")], False),
    ("colon-added", "{S} spoke at the port on Tuesday.\n\n{Sc} added: “The plan is dead.”", ["The plan is dead."], False),
    ("colon-noun", "{S} spoke at the port on Tuesday.\n\n{Sc}'s message was simple: “The plan is dead.”", ["The plan is dead."], True),
    ("dash-led", "{S} spoke at the port on Tuesday.\n\n{Sc} was blunt — “The plan is dead.”", ["The plan is dead."], False),
    ("dash-after", "{S} spoke at the port on Tuesday.\n\n“The plan is dead” — that was all {s} would say.", ["The plan is dead"], False),
    ("headline", "Lopez: “We will not back down”\n\n{S} said on Tuesday that the port would stay open.", [("We will not back down", "Lopez")], False),
    ("headline-2", "Lopez: “We will not back down”\n\n{S} said on Tuesday that the port would stay open. “We have the money,” {s} said.", [("We will not back down", "Lopez"), "We have the money,"], False),
    ("dateline", "LONDON (Reuters) - {S} said on Tuesday that the port would close. “We have no other choice,” {s} said.", ["We have no other choice,"], False),
    ("dateline-quote", "LONDON (Reuters) - “We have no other choice,” {S} said on Tuesday.", ["We have no other choice,"], True),
    ("dateline-colon", "LONDON (Reuters) - {S} said on Tuesday: “We have no other choice.”", ["We have no other choice."], True),
    ("dateline-ap", "LONDON (AP) — {S} said on Tuesday that the port would close. “We have no other choice,” {s} said.", ["We have no other choice,"], False),
    ("qa-QA", "{S} spoke to reporters on Tuesday. Excerpts:\n\nQ: Will the port close?\n\nA: “Yes. We have no other choice.”", ["Yes. We have no other choice."], True),
    ("qa-names", "{S} spoke to reporters on Tuesday.\n\nREPORTER: Will the port close?\n\nLOPEZ: “Yes. We have no other choice.”", [("Yes. We have no other choice.", "Lopez")], True),
    ("bullets", "{S} made several points on Tuesday:\n\n• “The port will close.”\n\n• “The workers will be paid.”", ["The port will close.", "The workers will be paid."], False),
    ("bullets-trailer", "{S} spoke on Tuesday.\n\n* “The port will close,” {s} said.\n\n* “The workers will be paid,” {s} said.", ["The port will close,", "The workers will be paid,"], False),
    ("bullets-dash", "{S} made several points on Tuesday:\n\n- “The port will close.”\n\n- “The workers will be paid.”", ["The port will close.", "The workers will be paid."], False),
    ("paren", "{S} spoke at the port on Tuesday. (“It is over,” {s} said.)", ["It is over,"], False),
    ("paren-mid", "{S} said the plan was dead (“we tried everything,” {s} added) and left the room.", ["we tried everything,"], False),
    ("signature", "“The port will close, and nobody can stop that.” — {S}", ["The port will close, and nobody can stop that."], True),
    ("signature-para", "The mayor spoke on Tuesday.\n\n“The port will close, and nobody can stop that.”\n\n— {S}", ["The port will close, and nobody can stop that."], True),
    ("tweet", "The mayor spoke on Tuesday.\n\n“The port will close. Nobody can stop that.” — {S} (@mlopez) May 3, 2024", ["The port will close. Nobody can stop that."], True),
    ("para-after-paraphrase", "{S} spoke at the port on Tuesday.\n\n{Sc} said the port would close next month.\n\n“We have no other choice. The ships are gone.”", ["We have no other choice. The ships are gone."], False),
    ("para-after-split", "{S} spoke at the port on Tuesday.\n\n“The port,” {s} said, “will close.”\n\n“We have no other choice.”", ["The port,", "will close.", "We have no other choice."], False),
    ("split-adding", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said, adding: “We have no other choice.”", ["The port will close,", "We have no other choice."], False),
    ("split-added", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said, “and the ships will go.” {Sc} added: “We have no other choice.”", ["The port will close,", "and the ships will go.", "We have no other choice."], False),
    ("question-split", "{S} spoke at the port on Tuesday.\n\n“Why,” {s} asked, “should workers pay for this?”", ["Why,", "should workers pay for this?"], False),
    ("question-pron", "{S} spoke at the port on Tuesday.\n\n“Is that fair?” {s} asked reporters. “I do not think so.”", ["Is that fair?", "I do not think so."], False),
    ("exclaim-split", "{S} spoke at the port on Tuesday.\n\n“Enough!” {s} said. “We are done talking.”", ["Enough!", "We are done talking."], False),
    ("colon-statement-2", "{S} spoke at the port on Tuesday.\n\nThe ministry said in a statement: “The plan is dead.”", [("The plan is dead.", "ministry")], False),
    ("colon-in-statement", "{S} spoke at the port on Tuesday.\n\nIn a statement, {s} said: “The plan is dead.”", ["The plan is dead."], False),
    ("colon-multipara", "{S} spoke at the port on Tuesday. {Sc} said:\n\n“The plan is dead.\n\n“We will not revive it.”", ["The plan is dead.", "We will not revive it."], False),
    ("colon-put-it", "{S} spoke at the port on Tuesday.\n\nAs {s} put it: “The plan is dead.”", ["The plan is dead."], False),
    ("colon-told", "{S} spoke at the port on Tuesday.\n\n{Sc} told reporters: “The plan is dead.”", ["The plan is dead."], False),
    ("dash-said", "{S} spoke at the port on Tuesday.\n\n{Sc} said — “The plan is dead.”", ["The plan is dead."], False),
    ("dash-mid", "{S} spoke at the port on Tuesday.\n\nThe plan — “a disaster for workers,” {s} said — was dropped.", ["a disaster for workers,"], False),
    ("headline-says", "Lopez says “we will not back down”\n\n{S} said on Tuesday that the port would stay open.", [("we will not back down", "Lopez")], False),
    ("headline-trailer", "“We will not back down,” Lopez says\n\n{S} said on Tuesday that the port would stay open.", [("We will not back down,", "Lopez")], False),
    ("dateline-bare", "LONDON (Reuters) - “We have no other choice,” {S} said on Tuesday. “The ships are gone.”", ["We have no other choice,", "The ships are gone."], True),
    ("dateline-agency", "PARIS, May 3 (Reuters) - {S} said on Tuesday that the port would close.\n\n“We have no other choice,” {s} said.", ["We have no other choice,"], False),
    ("bullets-named", "{S} made several points on Tuesday:\n\n• “The port will close,” {s} said.\n\n• “The workers will be paid,” {s} said.", ["The port will close,", "The workers will be paid,"], False),
    ("paren-full", "{S} spoke at the port on Tuesday.\n\nThe ministry has not said when. (“We are still counting,” {s} said.)", ["We are still counting,"], False),
    ("signature-role", "“The port will close, and nobody can stop that.”\n\n— {S}, finance minister", ["The port will close, and nobody can stop that."], True),
    ("multi-para-late-trailer", "{S} spoke at the port on Tuesday.\n\n“The money never came.\n\n“Now the workers are paying for it,” {s} said.", ["The money never came.", "Now the workers are paying for it,"], False),
    ("headline-single", "Lopez: ‘We will not back down’\n\n{S} said on Tuesday that the port would stay open.", [("We will not back down", "Lopez")], False),
    ("headline-single-trailer", "‘We will not back down,’ Lopez says\n\n{S} said on Tuesday that the port would stay open.", [("We will not back down,", "Lopez")], False),
    ("nested", "{S} spoke at the port on Tuesday.\n\n“The owner told me, ‘You are all fired,’ and walked out,” {s} said.", ["The owner told me, ‘You are all fired,’ and walked out,"], False),
    ("said-inverted-colon", "{S} spoke at the port on Tuesday.\n\nSaid {s}: “The plan is dead.”", ["The plan is dead."], True),
    ("noun-colon", "{S} spoke at the port on Tuesday.\n\n{Poss} answer: “The plan is dead.”", ["The plan is dead."], False),
    ("asked-colon", "{S} spoke at the port on Tuesday.\n\n{Sc}, asked whether the port would close, said: “It will.”", ["It will."], False),
    ("dash-warning", "{S} spoke at the port on Tuesday.\n\n{Sc} had a warning for the owners — “Pay the workers or leave the port.”", ["Pay the workers or leave the port."], False),
    ("dash-double-hyphen", "{S} spoke at the port on Tuesday.\n\n{Sc} was blunt -- “The plan is dead.”", ["The plan is dead."], False),
    ("tweet-nomarks", "The mayor spoke on Tuesday.\n\nThe port will close. Nobody can stop that. — {S} (@mlopez) May 3, 2024", [], True),
    ("bullets-bare-after-said", "{S} told reporters on Tuesday:\n\n• “The port will close.”\n\n• “The workers will be paid.”", ["The port will close.", "The workers will be paid."], False),
    ("question-inv-role", "{S} spoke at the port on Tuesday.\n\n“Why now?” asked {s}, who has led the ministry since 2019.", ["Why now?"], True),
    ("exclaim-inv-participle", "{S} spoke at the port on Tuesday.\n\n“Not on my watch!” shouted {s}, banging the table.", ["Not on my watch!"], True),
    ("para-after-adding-that", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said, adding that talks had failed.\n\n“We have no other choice.”", ["The port will close,", "We have no other choice."], False),
    ("liveblog-dash", "{S} spoke at the port on Tuesday.\n\n— “The port will close,” {s} said.", ["The port will close,"], False),
    ("colon-multipara-3", "{S} spoke at the port on Tuesday. {Sc} said:\n\n“The plan is dead.\n\n“The ships are gone.\n\n“We will not revive it.”", ["The plan is dead.", "The ships are gone.", "We will not revive it."], False),
    ("so-said", "{S} spoke at the port on Tuesday.\n\n“The plan is dead.” So said {s} on Tuesday.", ["The plan is dead."], True),
    ("dateline-plain", "WASHINGTON — {S} said on Tuesday that the port would close. “We have no other choice,” {s} said.", ["We have no other choice,"], False),
    ("dateline-plain-quote", "WASHINGTON — “We have no other choice,” {S} said on Tuesday.", ["We have no other choice,"], True),
    ("two-speakers", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said.\n\nPaul Ames, the union leader, disagreed. “It will stay open,” Ames said.\n\n“We will see to that.”", ["The port will close,", ("It will stay open,", "Ames"), ("We will see to that.", "Ames")], False),
    ("quote-then-adds", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said. “We have no other choice,” {s} added.", ["The port will close,", "We have no other choice,"], False),
    ("ellipsis", "{S} spoke at the port on Tuesday.\n\n“The port will close … and nobody can stop that,” {s} said.", ["The port will close … and nobody can stop that,"], False),
    ("trailer-time-place", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} told reporters in London on Tuesday. “We have no other choice.”", ["The port will close,", "We have no other choice."], False),
    ("nested-end", "{S} spoke at the port on Tuesday.\n\n“The owner told me, ‘Leave now,’” {s} said.", ["The owner told me, ‘Leave now,’"], False),
    ("dash-inside", "{S} spoke at the port on Tuesday.\n\n“The plan — and I mean all of it — is dead,” {s} said.", ["The plan — and I mean all of it — is dead,"], False),
    ("two-sent-split", "{S} spoke at the port on Tuesday.\n\n“The plan is dead. We tried,” {s} said, “but it failed.”", ["The plan is dead. We tried,", "but it failed."], False),
    ("dialogue", "{S} spoke at the port on Tuesday.\n\n“Are you leaving?” a reporter asked.\n\n“No,” {s} said.", [("Are you leaving?", "reporter"), "No,"], False),
    ("multi-para-added", "{S} spoke at the port on Tuesday.\n\n“We tried,” {s} said. “It failed.\n\n“The ships left,” {s} added.", ["We tried,", "It failed.", "The ships left,"], False),
    ("caption-between", "{S} spoke at the port on Tuesday.\n\n“The port will close,” {s} said.\n\nDockers gather outside the port gates on Tuesday. (Photo: John Smith/Reuters)\n\n“We have no other choice.”", ["The port will close,", "We have no other choice."], False),
    ("advert-inside", "{S} spoke at the port on Tuesday.\n\n“We tried for years,” {s} said. “The money never came.\n\nADVERTISEMENT\n\n“Now the workers are paying for it.”", ["We tried for years,", "The money never came.", "Now the workers are paying for it."], False),
    ("watch-headline", "WATCH: Lopez says “we will not back down”\n\n{S} said on Tuesday that the port would stay open.", [("we will not back down", "Lopez")], False),
    ("numbered", "{S} made several points on Tuesday:\n\n1. “The port will close.”\n\n2. “The workers will be paid.”", ["The port will close.", "The workers will be paid."], False),
    ("read-in-full", "{S} spoke at the port on Tuesday.\n\n{Sc}'s statement read in full: “The port will close. The workers will be paid.”", ["The port will close. The workers will be paid."], True),
    ("caption-quote", "{S} spoke at the port on Tuesday.\n\nLopez: “We will not back down.” (Photo: AP)", [("We will not back down.", "Lopez")], False),
    ("liveblog-time", "{S} spoke at the port on Tuesday.\n\n10:32 a.m. — {Sc} says: “The port will close.”", ["The port will close."], False),
    ("update-dateline", "UPDATE 2-Port to close, says minister\n\nLONDON, May 3 (Reuters) - {S} said on Tuesday the port would close. “We have no other choice,” {s} said.", ["We have no other choice,"], False),
]  # fmt: skip
PLAIN_NAMES_ONLY = {"tweet-nomarks", "signature-role", "tweet", "signature", "signature-para"}
FILLER = (
    "The port has handled grain and coal for two centuries, and its closure will leave "
    "thousands of dockers without work this winter.\n\nShipping lines began moving their "
    "vessels to Rotterdam and Antwerp last year, after the government declined to fund a "
    "new deep-water berth."
)
SINGLE_MARK_WITNESS = "\n\n‘It was a long day,’ one docker said."
# a later mention opening a sentence, a quotation, a bracket or a dash-led clause
_OPENING_PRONOUN = re.compile(r"(^|[.!?]\s+|\n|[“\"(]|[-—] )(she|he|the)\b")


@dataclass(frozen=True)
class LayoutCase:
    """A short article and the quotations it holds: (words inside the marks, a word of the
    speaker's name), in order."""

    label: str
    subject: str
    text: str
    expected: tuple[tuple[str, str], ...]


def _written(template: str, first: str, later: str, wanted: str) -> str:
    text = template.format(
        Poss={"Berg": "His", "ministry": "Its"}.get(wanted, "Her"),
        S=first,
        s=later,
        Sc=capitalised(first),
    )
    return _OPENING_PRONOUN.sub(lambda m: m.group(1) + m.group(2).capitalize(), text)


def _as_written() -> list[LayoutCase]:
    out = []
    for (label, template, expected, no_pronoun), (first, later, wanted) in product(
        SHAPES, SUBJECTS
    ):
        if no_pronoun and later == "she":
            continue
        if label in PLAIN_NAMES_ONLY and first not in ("Maria Lopez", "Gov. Maria Lopez"):
            continue  # only a plain name signs
        if "{S}" not in template and "{Sc}" not in template and first != SUBJECTS[0][0]:
            continue  # the subject is not in the text: one copy is enough
        text = _written(template, first, later, wanted)
        if not reads_as_copy(text):
            continue
        quotes = tuple((e, wanted) if isinstance(e, str) else e for e in expected)
        out.append(LayoutCase(label, f"{first}/{later}", text, quotes))
    return out


def _swap_marks(text: str) -> str:
    """Double marks become single and single double: house style for British copy."""
    return text.translate(str.maketrans("‘’“”", "“”‘’"))


def as_single(case: LayoutCase) -> LayoutCase:
    """The case in single-mark house style, with a second single-mark quotation after it."""
    expected = tuple((_swap_marks(words), who) for words, who in case.expected)
    return LayoutCase(
        case.label + "/single",
        case.subject,
        _swap_marks(case.text) + SINGLE_MARK_WITNESS,
        (*expected, ("It was a long day,", "docker")),
    )


def as_straight(case: LayoutCase) -> LayoutCase:
    """The case with straight double marks."""
    return LayoutCase(
        case.label + "/straight", case.subject, re.sub("[“”]", '"', case.text), case.expected
    )


def as_wrapped(case: LayoutCase) -> LayoutCase:
    """The case and filler, each paragraph longer than 70 characters hard-wrapped."""
    paragraphs = (case.text + "\n\n" + FILLER).split("\n\n")
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 70)) if len(p) > 70 else p for p in paragraphs)
    return LayoutCase(case.label + "/wrap", case.subject, wrapped, case.expected)


def _letters(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def _located(text: str, expected: tuple[tuple[str, str], ...]) -> list[tuple[set[int], str, str]]:
    """Each expected quotation's letters, found in order (spaces may be line breaks)."""
    out, pos = [], 0
    for words, who in expected:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
        found = pattern.search(text, pos)
        assert found, (words, text)
        pos = found.end()
        out.append((_letters(text, found.start(), pos), who, words))
    return out


def problems(case: LayoutCase) -> list[Failure]:
    """Every way the reading of ``case`` differs from its expected quotations."""
    text = case.text
    direct = [a for a in read(text) if a.direct]
    covered = [
        (set().union(*(_letters(text, s, e) for s, e in a.parts)), speaker_name(a)) for a in direct
    ]
    spans = _located(text, case.expected)
    everywhere = set().union(*(chars for chars, _, _ in spans))
    out: list[Failure] = []
    for chars, who, words in spans:
        hits = [(c, name) for c, name in covered if c & chars]
        got: set[int] = set().union(*(c for c, _ in hits))
        if len(got & chars) < 0.5 * len(chars):
            out.append(Failure("MISS", words[:25]))
            continue
        if not all(who.lower() in name.lower() for _, name in hits):
            out.append(Failure("SPEAKER", f"{words[:25]} = {[n for _, n in hits]}"))
        if got & chars != chars or got - everywhere:
            shown = "".join(text[i] if i in got else " " for i in range(min(got), max(got) + 1))
            out.append(Failure("EXTENT", f"{words[:25]} = {' '.join(shown.split())[:60]!r}"))
    for a in direct:
        if any(text[s:e].strip()[:1] in '“"' for s, e in a.parts):
            out.append(Failure("MARKS", text[a.parts[0][0] : a.parts[-1][1]][:60]))
    out += [Failure("EXTRA", name) for c, name in covered if not c & everywhere]
    return out


def check(case: LayoutCase) -> Failure | None:
    """The first problem, its detail listing them all; None when the reading is right."""
    found = problems(case)
    if not found:
        return None
    detail = "; ".join(f"{p.cause}[{p.detail}]" for p in found)
    return Failure(found[0].cause, f"{case.subject} | {detail}")


def _variant(
    name: str, about: str, rewrite: Callable[[LayoutCase], LayoutCase]
) -> Family[LayoutCase]:
    return Family(name, about, lambda: [rewrite(c) for c in _as_written()], check)


FAMILY: Family[LayoutCase] = Family("layouts", __doc__.splitlines()[0], _as_written, check)
SINGLE = _variant("layouts_single", "Layouts in single-mark house style (‘…’)", as_single)
STRAIGHT = _variant("layouts_straight", "Layouts with straight double marks", as_straight)
WRAPPED = _variant("layouts_wrap", "Layouts hard-wrapped at 70 columns", as_wrapped)
