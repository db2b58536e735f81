"""Subjects and trailers: ninety-one ways of naming the speaker, in twenty-nine cue shapes.

A reading that finds the quotation can still give it to the wrong person when the subject
is long or unusual: a quantity ("about half of those surveyed", "none of the officials"), a
title with an "of" phrase ("the head of the World Bank"), an apposition naming the person
after their role ("a spokesman for Acme Corp., Tom Reyes,"), a relative clause ("Tom Reyes,
whose union backs the plan,"), an age ("the 56-year-old") or a party tag ("the Ohio
Democrat") standing for someone named in the lead, a pronoun after a sentence naming two
people. Each subject is crossed with opener, trailer, inverted trailer ("said Lopez"),
split, reported clause, "called", asides, "according to", television shows, "adding that"
and others. The check is the speaker's (see ``common.check_speaker``), and the quotation
must not sweep in the lead sentence (``JOINED``).

A second grid (labels ``pronoun/…``) puts "she" or "he" after a lead naming two people, in
nine of the shapes: the pronoun is the one whose gender fits, or the lead's subject.

Written first as /work/diag/h2_grid.py in the thirteenth session (2450 cases and 108
pronoun cases). The inverted trailer is left out for subjects that do not invert in copy
("said most of the residents", "said she"), and the asides that open with a comma
("Lopez, however, said") for subjects that end in one. Changed here: "for his part" for
the men (the script wrote "for her part" for all), "according to her/him" (it wrote
"according to she"), and an apposition's closing comma gives way to the comma or full stop
after it ("according to Rep. Maria Lopez, D-Ohio." where it wrote "D-Ohio,.").
"""

from __future__ import annotations

from itertools import product

from grids.common import Family, SpeakerCase, capitalised, check_speaker, reads_as_copy

PLAIN = "The hearing opened. "
LOPEZ = "Gov. Maria Lopez, 56, of Ohio spoke first. "
LOPEZ_QUOTED = "“We will not back down,” said Gov. Maria Lopez, 56, a Democrat from Ohio. "
LOPEZ_TAGGED = "“We will not back down,” said Sen. Maria Lopez (D-Ohio). "

# (subject, a word of the speaker's name, lead sentence, inverts: "… said <subject>." is copy)
SUBJECTS = [
    ("the 56-year-old", "Lopez", LOPEZ, True),
    ("the 56-year-old", "Lopez", LOPEZ_QUOTED, True),
    ("the Ohio Democrat", "Lopez", LOPEZ_TAGGED, True),
    ("the Democrat", "Lopez", LOPEZ_QUOTED, True),
    ("the senator", "Lopez", LOPEZ_TAGGED, True),
    ("most of the residents", "residents", PLAIN, False),
    ("none of the officials", "officials", PLAIN, False),
    ("a majority of Republicans", "Republicans", PLAIN, False),
    ("each of the candidates", "candidates", PLAIN, False),
    ("all three candidates", "candidates", PLAIN, False),
    ("about half of those surveyed", "surveyed", PLAIN, False),
    ("others", "others", PLAIN, False),
    ("Rep. Maria Lopez, D-Ohio,", "Lopez", PLAIN, True),
    ("Chief Justice Maria Lopez", "Lopez", PLAIN, True),
    ("the chairman of the committee", "chairman", PLAIN, True),
    ("the head of the World Bank", "head", PLAIN, True),
    ("the mayor of Dayton", "mayor", PLAIN, True),
    ("the Secretary-General of the United Nations", "Secretary-General", PLAIN, True),
    ("White House press secretary Tom Reyes", "Reyes", PLAIN, True),
    ("Lopez campaign spokesman Tom Reyes", "Reyes", PLAIN, True),
    ("Attorney General Maria Lopez", "Lopez", PLAIN, True),
    ("Lopez's spokesman, Tom Reyes,", "Reyes", PLAIN, True),
    ("she", "Lopez", "Maria Lopez praised Tom Reyes and his deputy. ", False),
    ("he", "Reyes", "Tom Reyes thanked Maria Lopez for her support. ", False),
    ("the former president", "Reyes", "Former President Tom Reyes campaigned in Ohio on Monday. ", True),
    ("Tom Reyes, 71, a former mayor,", "Reyes", PLAIN, True),
    ("Lopez's office", "office", PLAIN, True),
    ("a spokeswoman for the State Department, Ann Lee,", "Lee", PLAIN, True),
    ("the chairman of the Ohio Democratic Party, Tom Reyes,", "Reyes", PLAIN, True),
    ("a spokesman for Acme Corp., Tom Reyes,", "Reyes", PLAIN, True),
    ("Lopez, in an interview with The New York Times on Tuesday,", "Lopez", PLAIN, False),
    ("Lopez, in a letter to the Ohio Senate last week,", "Lopez", PLAIN, False),
    ("the ministry's spokesman, Tom Reyes,", "Reyes", PLAIN, True),
    ("a spokesman for Lopez, Tom Reyes,", "Reyes", PLAIN, True),
    ("Tom Reyes, a spokesman for Lopez,", "Reyes", PLAIN, True),
    ("Tom Reyes, a spokesman for Gov. Maria Lopez,", "Reyes", PLAIN, True),
    ("Tom Reyes, who heads the union,", "Reyes", PLAIN, False),
    ("Tom Reyes, whose union backs the plan,", "Reyes", PLAIN, False),
    ("Tom Reyes, the union's president and a longtime critic of the governor,", "Reyes", PLAIN, True),
    ("Tom Reyes, president of the Ohio Federation of Teachers,", "Reyes", PLAIN, True),
    ("Tom Reyes of the Ohio Federation of Teachers", "Reyes", PLAIN, True),
    ("Tom Reyes, a Republican who represents Dayton,", "Reyes", PLAIN, True),
    ("Reyes, a Republican, and Lopez, a Democrat,", "Reyes", PLAIN, False),
    ("Ohio Gov. Maria Lopez", "Lopez", PLAIN, True),
    ("Sen. Maria Lopez, D-Ohio,", "Lopez", PLAIN, True),
    ("U.S. Rep. Maria Lopez", "Lopez", PLAIN, True),
    ("former Gov. Maria Lopez", "Lopez", PLAIN, True),
    ("Dr. Maria Lopez, an epidemiologist at Ohio State University,", "Lopez", PLAIN, True),
    ("the company's chief executive", "executive", PLAIN, True),
    ("a source familiar with the talks", "source", PLAIN, True),
    ("two people familiar with the talks", "people", PLAIN, True),
    ("a person briefed on the matter who was not authorized to speak publicly", "person", PLAIN, True),
    ("officials in Ohio", "officials", PLAIN, True),
    ("the Ohio Department of Health", "Department of Health", PLAIN, True),
    ("the United Auto Workers union", "United Auto Workers", PLAIN, True),
    ("the White House", "White House", PLAIN, True),
    ("she", "Lopez", "Tom Reyes introduced Maria Lopez at the rally. ", False),
    ("he", "Reyes", "Maria Lopez introduced Tom Reyes at the rally. ", False),
    ("the Rev. Tom Reyes", "Reyes", PLAIN, True),
    ("Lopez, 56,", "Lopez", PLAIN, False),
    ("Maria Lopez, 56,", "Lopez", PLAIN, True),
    ("some 40 percent of voters", "voters", PLAIN, False),
    ("one of the protesters", "protesters", PLAIN, True),
    ("both candidates", "candidates", PLAIN, False),
    ("many residents", "residents", PLAIN, False),
    ("neither campaign", "campaign", PLAIN, False),
    ("several lawmakers", "lawmakers", PLAIN, False),
    ("two of the senators", "senators", PLAIN, False),
    ("the Ohio Democrat", "Lopez", LOPEZ, True),
    ("the former governor", "Lopez", "Former Gov. Maria Lopez spoke first. ", True),
    ("the governor", "Lopez", LOPEZ, True),
    ("Maria Lopez, the transport minister, who has led the talks since 2019,", "Lopez", PLAIN, True),
    ("Lopez, who ran for the seat in 2012 and lost,", "Lopez", PLAIN, False),
    ("Lopez, who has led the talks since 2019,", "Lopez", PLAIN, False),
    ("the ministry's spokesman", "spokesman", PLAIN, True),
    ("Lopez's office", "office", LOPEZ, True),
    ("a spokeswoman for the ministry, Ann Lee,", "Lee", PLAIN, True),
    ("Ann Lee, a spokeswoman for the ministry,", "Lee", PLAIN, True),
    ("Transport Minister Maria Lopez", "Lopez", PLAIN, True),
    ("the Speaker of the House", "Speaker", PLAIN, True),
    ("the Secretary of State", "Secretary", PLAIN, True),
    ("House Speaker Maria Lopez", "Lopez", PLAIN, True),
    ("Lopez, speaking to reporters,", "Lopez", PLAIN, False),
    ("Lopez, in a telephone interview,", "Lopez", PLAIN, False),
    ("she", "Lopez", "Maria Lopez met Tom Reyes and Ann Lee on Monday. Lopez spoke first. ", False),
    ("he", "Reyes", "Maria Lopez met Tom Reyes on Monday. Reyes spoke last. ", False),
    ("the head of the union, Tom Reyes,", "Reyes", PLAIN, True),
    ("a senior administration official", "official", PLAIN, True),
    ("the company's chief executive, Tom Reyes,", "Reyes", PLAIN, True),
    ("Mayor Tom Reyes of Dayton", "Reyes", PLAIN, True),
    ("Tom Reyes, a retired teacher from Dayton,", "Reyes", PLAIN, True),
    ("a lobbyist for the industry", "lobbyist", PLAIN, True),
    ("a historian at Ohio State University", "historian", PLAIN, True),
    ("a consultant for the Lopez campaign", "consultant", PLAIN, True),
    ("the broadcaster", "broadcaster", PLAIN, True),
    ("the radioman", "radioman", PLAIN, True),
    ("two investigators", "investigators", PLAIN, False),
]  # fmt: skip
PARTIAL = "“a disaster for working families”"
WHOLE = "“The plan is a disaster for working families,”"
# (label, template): {S} the subject, {Sc} opening the sentence, {Poss} its possessive
SHAPES = [
    ("pre", "{Sc} said, “The plan is a disaster for working families.”"),
    ("post", WHOLE + " {S} said."),
    ("post_told", WHOLE + " {S} told reporters."),
    ("inv", WHOLE + " said {S}."),
    ("split", "“The plan,” {S} said, “is a disaster for working families.”"),
    ("reported", "{Sc} said the plan was " + PARTIAL + "."),
    ("reported_that", "{Sc} said that the plan was " + PARTIAL + "."),
    ("called", "{Sc} called the plan " + PARTIAL + "."),
    ("post_aside", WHOLE + " {S} said in a telephone interview."),
    ("pre_aside", "{Sc}, speaking to reporters on Tuesday, said the plan was " + PARTIAL + "."),
    ("according", "The plan is " + PARTIAL + ", according to {S}."),
    ("according_pre", "According to {S}, the plan is " + PARTIAL + "."),
    ("added", WHOLE + " {S} added."),
    ("wrote", "{Sc} wrote in a letter to lawmakers that the plan was " + PARTIAL + "."),
    ("said_stmt", "{Sc} said in a statement Tuesday that the plan was " + PARTIAL + "."),
    ("two_quotes", WHOLE + " {S} said. “It will cost jobs.”"),
    ("told_ap", "{Sc} told The Associated Press the plan was " + PARTIAL + "."),
    ("colon", "{Sc} put it bluntly: “The plan is a disaster for working families.”"),
    ("reached", "{Sc}, reached by telephone, said the plan was " + PARTIAL + "."),
    ("asked", "{Sc}, asked about the plan, said it was " + PARTIAL + "."),
    ("however", "{Sc}, however, said the plan was " + PARTIAL + "."),
    ("for_part", "{Sc}, for {Poss} part, said the plan was " + PARTIAL + "."),
    ("tv_show", "{Sc} said on NBC’s “Meet the Press” that the plan was " + PARTIAL + "."),
    ("tv_post", WHOLE + " {S} said on CBS’s “Face the Nation.”"),
    ("adding", WHOLE + " {S} said, adding that it would cost jobs."),
    ("has_said", "{Sc} has said the plan is " + PARTIAL + "."),
    ("would_only", "{Sc} would say only that the plan was " + PARTIAL + "."),
    ("emailed", WHOLE + " {S} said in an emailed statement."),
    ("from_office", WHOLE + " {S} said Tuesday in a telephone interview from his office in Dayton."),
    ("found", "{Sc} found that the plan was " + PARTIAL + "."),
]  # fmt: skip
COMMA_ASIDES = {"pre_aside", "reached", "asked", "however", "for_part"}
OBJECT = {"she": "her", "he": "him"}

# (lead naming two people, pronoun, a word of the speaker's name)
PRONOUN_LEADS = [
    ("Maria Lopez met Tom Reyes on Monday. ", "she", "Lopez"),
    ("Tom Reyes praised Maria Lopez on Monday. ", "she", "Lopez"),
    ("Maria Lopez criticized Ann Lee on Monday. ", "she", "Lopez"),
    ("“We will fight,” Maria Lopez said. Tom Reyes disagreed. ", "he", "Reyes"),
    ("“We will fight,” Maria Lopez said. Tom Reyes, her rival, disagreed. ", "she", "Lopez"),
    ("Gov. Maria Lopez, whose husband Tom Reyes is a banker, spoke on Monday. ", "she", "Lopez"),
    ("After meeting Tom Reyes, Maria Lopez spoke on Monday. ", "she", "Lopez"),
    ("Maria Lopez, who replaced Tom Reyes as governor, spoke on Monday. ", "she", "Lopez"),
    ("Tom Reyes's campaign hired Maria Lopez in May. ", "he", "Reyes"),
    ("Maria Lopez spoke after Gov. Tom Reyes left the room. ", "she", "Lopez"),
    ("The Reyes campaign hired Maria Lopez in May. ", "she", "Lopez"),
    ("Maria Lopez told the committee about Tom Reyes. ", "she", "Lopez"),
]  # fmt: skip
PRONOUN_SHAPES = {
    "pre",
    "post",
    "reported",
    "split",
    "called",
    "added",
    "two_quotes",
    "said_stmt",
    "colon",
}


def _sentence(kind: str, template: str, subject: str, wanted: str) -> str:
    if kind == "inv":
        subject = subject.rstrip(",")
    if subject in OBJECT:
        template = template.replace("ccording to {S}", "ccording to " + OBJECT[subject])
    man = wanted in ("Reyes",)
    sentence = template.format(S=subject, Sc=capitalised(subject), Poss="his" if man else "her")
    if not man:
        sentence = sentence.replace("from his office", "from her office")
    return sentence.replace(",,", ",").replace(",.", ".")


def _subject_cases() -> list[SpeakerCase]:
    out = []
    for (subject, wanted, lead, inverts), (kind, template) in product(SUBJECTS, SHAPES):
        if kind == "inv" and not inverts:
            continue
        if kind in COMMA_ASIDES and "," in subject:
            continue  # "Lopez, 56,, however, said" is no copy
        out.append(SpeakerCase(kind, lead, _sentence(kind, template, subject, wanted), wanted))
    return out


def _pronoun_cases() -> list[SpeakerCase]:
    return [
        SpeakerCase("pronoun/" + kind, lead, _sentence(kind, template, pronoun, wanted), wanted)
        for (lead, pronoun, wanted), (kind, template) in product(PRONOUN_LEADS, SHAPES)
        if kind in PRONOUN_SHAPES
    ]


def cases() -> list[SpeakerCase]:
    """Every subject in every shape it takes, then the pronouns after two names."""
    return [case for case in _subject_cases() + _pronoun_cases() if reads_as_copy(case.text)]


FAMILY = Family("subjects", __doc__.splitlines()[0], cases, check_speaker)
