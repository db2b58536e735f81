"""Circumstances between the subject and the cue, or after the cue.

Wire copy often puts when, where and how something was said next to the verb: "Lopez said
on Tuesday that …", "Lopez in a statement said …", "Lopez on Twitter said …". Each of nine
subjects (a name, a title, an institution, a pronoun, a subject with an apposition) is
crossed with twelve circumstances after the cue (in five shapes: a reported clause holding
a partial quotation, a trailer, "told reporters that", an opener with a comma, an inverted
trailer) and twelve between subject and cue (three shapes). The check is the speaker's:
the quotation after the lead sentence is found and given to the subject (the pronoun's
referent for "she").

Written first as /work/diag/grid2.py in the thirteenth session (852 cases). An apposition's
closing comma at the end of an inverted trailer gives way to the full stop ("said Lopez's
spokesman, Dan Reyes." where the script wrote "Reyes,."); no crossing is dropped.
"""

from __future__ import annotations

from itertools import product

from grids.common import Family, SpeakerCase, capitalised, check_speaker, reads_as_copy

PARTIAL = "the plan was “a disaster for working families”"
WHOLE = "“The plan is a disaster for working families,”"
OPENED = "“The plan is a disaster for working families.”"

# (subject, a word of the speaker's name)
SUBJECTS = [
    ("Maria Lopez", "Lopez"),
    ("The senator", "senator"),
    ("The State Department", "State Department"),
    ("she", "Lopez"),
    ("a spokesman for the campaign", "spokesman"),
    ("Sen. Maria Lopez, a Democrat from Ohio,", "Lopez"),
    ("Lopez's spokesman, Dan Reyes,", "Reyes"),
    ("the company", "company"),
    ("Officials in Ohio", "Officials"),
]
AFTER_CUE = [
    "",
    " on Tuesday",
    " Tuesday",
    " in a statement",
    " in an interview on Tuesday",
    " on Twitter",
    " at a rally in Iowa",
    " two weeks ago",
    " in a statement released by her office",
    " during a news conference",
    " last week",
    " to reporters",
]
BEFORE_CUE = [
    " on Tuesday",
    " last week",
    " also",
    " later",
    " in a statement",
    " on Twitter",
    " two weeks ago",
    " at a rally in Iowa",
    " Tuesday",
    " earlier this month",
    " this week",
    " in an interview",
]


def _lead(subject: str) -> str:
    return "Maria Lopez spoke first. " if subject == "she" else "The hearing opened. "


def _after_cue(subject: str, at: str) -> list[tuple[str, str]]:
    sc = capitalised(subject)
    shapes = [
        ("said-that", f"{sc} said{at} that {PARTIAL}."),
        ("trailer", f"{WHOLE} {subject} said{at}."),
        ("told-that", f"{sc} told reporters{at} that {PARTIAL}."),
        ("said-comma", f"{sc} said{at}, {OPENED}"),
    ]
    if subject != "she":  # "… said she." is no English
        # the apposition's closing comma goes where the sentence ends: "said Lopez, 45."
        named = subject if at else subject.rstrip(",")
        shapes.append(("inverted", f"{WHOLE} said {named}{at}."))
    return shapes


def _before_cue(subject: str, at: str) -> list[tuple[str, str]]:
    sc = capitalised(subject)
    return [
        ("pre-said-that", f"{sc}{at} said that {PARTIAL}."),
        ("pre-said", f"{sc}{at} said {PARTIAL}."),
        ("pre-said-comma", f"{sc}{at} said, {OPENED}"),
    ]


def cases() -> list[SpeakerCase]:
    """Every crossing, after the cue first, then before it."""
    out = []
    for (subject, wanted), at in product(SUBJECTS, AFTER_CUE):
        for label, sentence in _after_cue(subject, at):
            out.append(SpeakerCase(label, _lead(subject), sentence, wanted))
    for (subject, wanted), at in product(SUBJECTS, BEFORE_CUE):
        for label, sentence in _before_cue(subject, at):
            out.append(SpeakerCase(label, _lead(subject), sentence, wanted))
    return [case for case in out if reads_as_copy(case.text)]


FAMILY = Family("circumstances", __doc__.splitlines()[0], cases, check_speaker)
