"""Titles and roles written after a name, in an appositive (U1, U2): "Tom Brandt, a
spokesman for the mayor, said …" gives Brandt the role "spokesman for the mayor", as an
entity's title and as the speaker's title of what he said."""

from __future__ import annotations

import pytest

from storywatch.understand import extract_entities, extract_statements
from storywatch.understand.appositive_titles import title_after


def _speaker_and_title(text: str) -> tuple[str, str | None]:
    (statement,) = extract_statements(text)
    return statement.speaker, statement.speaker_title


def _titles(text: str, name: str) -> tuple[str, ...]:
    (entity,) = [e for e in extract_entities(text) if e.name == name]
    return entity.titles


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        (
            "Tom Brandt, a spokesman for the mayor, said the pier would reopen.",
            "Tom Brandt",
            "spokesman for the mayor",
        ),
        (
            "“We will appeal,” said Lena Varga, the spokeswoman for the European Commission.",
            "Lena Varga",
            "spokeswoman for the European Commission",
        ),
        (
            "Amir Sadeq, the leader of the opposition, told reporters the count was wrong.",
            "Amir Sadeq",
            "leader of the opposition",
        ),
        (
            "“It is over,” said Dr Amanda Kerr, a senior lecturer at Leeds.",
            "Amanda Kerr",
            "senior lecturer at Leeds",
        ),
        (
            "Ruth Vance, 54, a retired teacher from Dover, said the school had closed.",
            "Ruth Vance",
            "retired teacher from Dover",
        ),
        (
            "Amir Sadeq, Okafor's deputy, said the count was wrong.",
            "Amir Sadeq",
            "Okafor's deputy",
        ),
        (
            "“The ferry runs again,” said Piet Ambler, a harbour official — and he smiled.",
            "Piet Ambler",
            "harbour official",
        ),
    ],
)
def test_a_role_after_the_name_is_the_speakers_title(text: str, speaker: str, title: str) -> None:
    assert _speaker_and_title(text) == (speaker, title)
    assert _titles(text, speaker) == (title,)


def test_the_role_goes_with_the_person_when_a_surname_speaks_later() -> None:
    text = (
        "Tom Brandt, a spokesman for the mayor, met the crews on Friday.\n\n"
        "“The pier is safe,” Brandt said."
    )
    assert _speaker_and_title(text) == ("Tom Brandt", "spokesman for the mayor")


def test_a_title_written_before_a_name_stays_first() -> None:
    text = (
        "Councillor Tom Brandt spoke first.\n\n"
        "“The pier is safe,” said Brandt, a former fisherman from Dover."
    )
    assert _speaker_and_title(text) == ("Tom Brandt", "Councillor")
    assert _titles(text, "Tom Brandt") == ("Councillor", "former fisherman from Dover")


def test_the_role_stops_before_a_relative_clause() -> None:
    text = "Ruth Vance, a teacher from Dover who retired in May, said the school had closed."
    assert _speaker_and_title(text) == ("Ruth Vance", "teacher from Dover")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # not a role: a place described, a relative clause, an age alone
        ("Tom Brandt flew to Dover, a town of 30,000, on Monday.", "Dover"),
        ("Okafor, who said he would run again, left early.", "Okafor"),
        ("Lee, 54, said the school had closed.", "Lee"),
        # a friend or a kinsman: who the person is to someone, not what they do
        ("Brandt, the mayor's longtime rival and friend, said the pier was safe.", "Brandt"),
        ("Lee, the mayor's brother, said the pier was safe.", "Lee"),
        ("Lee, a woman from Dover, said the pier was safe.", "Lee"),
        # a plural is a group's role, not the one person's
        ("Lee and Park, the mayor's aides, said the pier was safe.", "Park"),
        # a clause after the name, no appositive
        ("Asked about Lee, the mayor told reporters the pier was safe.", "Lee"),
        ("Of Lee, the mayor blamed the council.", "Lee"),
        # a belief, not a calling
        ("Lee, a conservative from Ohio, said the pier was safe.", "Lee"),
        # not closed where an appositive closes
        ("Lee, the mayor “of the people” as he says, spoke.", "Lee"),
    ],
)
def test_no_role_where_the_appositive_is_none(text: str, name: str) -> None:
    end = text.index(name) + len(name)
    assert title_after(text, end) == ""


def test_no_title_for_a_name_followed_by_a_clause() -> None:
    text = "Asked about Tom Brandt, the mayor told reporters that the pier was safe."
    assert all(e.titles == () for e in extract_entities(text) if e.name == "Tom Brandt")
