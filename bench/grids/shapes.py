"""Common attribution shapes, each with twelve kinds of subject.

The shapes a reader meets in every news story: a colon after the cue, "according to",
a trailer inside the reported words ("The plan, Lopez said, was …"), a split quotation,
"called X Y", "described X as Y", a question, an "Asked about …" opener, a second
quotation after the trailer, a verb with a colon ("did not mince words:"), a quotation then
"That was how Lopez put it". Subjects range over names, titles, appositions ("Lopez, 45,"),
a relative clause, a party tag ("Sen. Maria Lopez (D-Ohio)"), an institution and a pronoun.
The check is the speaker's, as in circumstances: the quotation after the lead sentence is
found and given to the subject.

"the Ohio Democrat" follows "Gov. Maria Lopez of Ohio spoke first."; the lead never says
she is a Democrat, but she is the only person in the story, so a reader takes her for the
speaker (the reading gives "the Ohio Democrat" unresolved: most of this family's failures).

Written first as /work/diag/grid3.py in the thirteenth session (288 cases). Changed here:
"according to" takes the object pronoun ("according to her", where the script wrote
"according to she"), and an apposition's closing comma gives way to the comma or full stop
after it ("According to Lopez, 45, the plan …", where the script wrote "45,,").
"""

from __future__ import annotations

from itertools import product

from grids.common import Family, SpeakerCase, capitalised, check_speaker, reads_as_copy

SUBJECTS = [
    ("Maria Lopez", "Lopez"),
    ("Gov. Maria Lopez", "Lopez"),
    ("the Ohio Democrat", "Lopez"),
    ("officials", "officials"),
    ("a spokeswoman, Ann Lee,", "Lee"),
    ("Lopez's office", "office"),
    ("the White House", "White House"),
    ("she", "Lopez"),
    ("Secretary of State Maria Lopez", "Lopez"),
    ("Lopez, 45,", "Lopez"),
    ("Lopez, who ran for the seat in 2012,", "Lopez"),
    ("Sen. Maria Lopez (D-Ohio)", "Lopez"),
]
# (label, template): {S} the subject, {Sc} the subject opening the sentence
SHAPES = [
    ("colon", "{Sc} said: “The plan is a disaster for working families.”"),
    ("according-pre", "According to {S}, the plan was “a disaster for working families.”"),
    ("inside-trailer", "The plan, {S} said, was “a disaster for working families.”"),
    ("split", "“The plan,” {S} said, “is a disaster for working families.”"),
    ("called", "{Sc} called the plan “a disaster for working families.”"),
    ("described-as", "{Sc} described the plan as “a disaster for working families.”"),
    ("question", "“Why now?” {S} asked."),
    ("added-that", "{Sc} added that the plan was “a disaster for working families.”"),
    ("asked-opener", "Asked about the plan, {S} said, “It is a disaster for working families.”"),
    ("trailer-circumstance", "“The plan is a disaster for working families,” {S} said in a statement Tuesday."),
    ("according-post", "“The plan is a disaster for working families,” according to {S}."),
    ("insisted", "{Sc} insisted the plan was “a disaster for working families.”"),
    ("aside", "{Sc}, speaking to reporters, said the plan was “a disaster for working families.”"),
    ("wrote", "“The plan is a disaster for working families,” {S} wrote on Twitter."),
    ("went-on", "{Sc} went on to say that the plan was “a disaster for working families.”"),
    ("put-it", "“The plan is a disaster for working families.” That was how {S} put it."),
    ("has-said", "{Sc} has repeatedly said that the plan is “a disaster for working families.”"),
    ("warned", "{Sc} warned that the plan would be “a disaster for working families.”"),
    ("said-day", "{Sc} said Tuesday that the plan was “a disaster for working families.”"),
    ("told", "{Sc} told The Associated Press that the plan was “a disaster for working families.”"),
    ("in-statement", "In a statement, {S} said the plan was “a disaster for working families.”"),
    ("two-partials", "{Sc} said the plan was “a disaster for working families” and “a gift to the rich.”"),
    ("second-quote", "“The plan is a disaster for working families,” {S} said. “It will cost jobs.”"),
    ("verb-colon", "{Sc} did not mince words: “The plan is a disaster for working families.”"),
]  # fmt: skip
LEADS = {
    "the Ohio Democrat": "Gov. Maria Lopez of Ohio spoke first. ",
    "she": "Maria Lopez spoke first. ",
}


def _sentence(template: str, subject: str) -> str:
    if subject == "she":
        template = template.replace("ccording to {S}", "ccording to her")
    sentence = template.format(S=subject, Sc=capitalised(subject))
    return sentence.replace(",,", ",").replace(",.", ".")


def cases() -> list[SpeakerCase]:
    """Every subject in every shape."""
    out = [
        SpeakerCase(
            label,
            LEADS.get(subject, "The hearing opened. "),
            _sentence(template, subject),
            wanted,
        )
        for (subject, wanted), (label, template) in product(SUBJECTS, SHAPES)
    ]
    return [case for case in out if reads_as_copy(case.text)]


FAMILY = Family("shapes", __doc__.splitlines()[0], cases, check_speaker)
