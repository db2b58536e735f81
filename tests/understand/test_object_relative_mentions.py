"""A relative pronoun that is the verb's object is not part of the speaker as written:
"the levy, which Okafor had called “a lifeline”" is Okafor's, mention "Okafor". Every
sentence here is written for these tests."""

from __future__ import annotations

from storywatch import extract_statements


def test_the_mention_leaves_out_an_object_relative() -> None:
    text = "The council kept the levy, which Mayor Dana Okafor had called “a lifeline.”\n"
    [s] = extract_statements(text)
    assert (s.speaker, s.speaker_mention) == ("Dana Okafor", "Mayor Dana Okafor")


def test_a_subject_relative_still_stands_for_the_noun_before_it() -> None:
    text = "The harbour board, which said the pier was “unsafe,” met on Tuesday.\n"
    assert [s.speaker for s in extract_statements(text)] == ["The harbour board"]
