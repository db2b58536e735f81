"""Trailers and second acts whose shape hid the first act (twelfth session).

Each fixture is our own sentence in the shape of wire copy:
- a "say" trailer with when and where it was said before ", noting …" still ends there;
- a long name before "who," set off by commas ("… editor Ines Okafor, who, after …,
  said") is the speaker;
- a participle after a clause opened by "as" ("…, as Okafor echoed the criticism, saying …")
  has that clause's subject as speaker;
- a naming verb after a comma, with no subject of its own, is the same speaker's second act
  ("suggested …, called her “…” and …").
"""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(s.text, s.speaker, s.cue, s.kind) for s in extract_statements(text)]


def test_say_trailer_with_when_and_where_before_a_participle() -> None:
    text = (
        "The ferry cuts are “reckless,” Okafor said Tuesday in Lagos, noting the operator "
        "“has never once consulted the islands.”"
    )
    acts = _acts(text)
    assert acts[0][:3] == ("The ferry cuts are “reckless,”", "Okafor", "said"), acts
    assert acts[1][1:3] == ("Okafor", "noting"), acts
    assert "has never once consulted the islands" in acts[1][0]


def test_without_the_participle_the_trailer_reading_is_unchanged() -> None:
    acts = _acts("The ferry cuts are “reckless,” Okafor said Tuesday in Lagos.")
    assert [(t, sp, c) for t, sp, c, _ in acts] == [
        ("The ferry cuts are “reckless,”", "Okafor", "said")
    ]


def test_a_write_trailer_keeps_its_listener_as_content_reading() -> None:
    # "wrote to investors, telling …": the content follows the cue; no clause before it.
    acts = _acts(
        "On Tuesday, even as shares were tumbling, Mr. Vale wrote to investors, telling them "
        "the company was “worth far more than its price.”"
    )
    assert all(c != "wrote" or "tumbling" not in t for t, _, c, _ in acts), acts


def test_long_owned_role_before_who_set_off_by_commas() -> None:
    text = (
        "First there was The Harbour Gazette's deputy editorial page editor Ines Okafor, "
        "who, after trading insults with Mr. Vale over the toll, said on the radio show "
        "“Morning Tide” that “too much of the council became an echo chamber of itself.”"
    )
    acts = _acts(text)
    assert len(acts) == 1, acts
    assert acts[0][1] == "Ines Okafor" and acts[0][2] == "said", acts
    assert "echo chamber" in acts[0][0]


def test_participle_after_an_as_clause_takes_its_subject() -> None:
    text = (
        "It was a potent rebuke by the two longest-serving members of the council, as "
        "Ms. Okafor echoed the criticism, saying the mayor “reminds us every day that he is "
        "not in it for the islands.”"
    )
    acts = _acts(text)
    speakers = {sp for _, sp, c, _ in acts if c == "saying"}
    assert speakers == {"Okafor"}, acts


def test_naming_verb_after_a_comma_is_a_second_act() -> None:
    text = (
        "He later suggested her report was behind the delay, called her “third-rate” and "
        "skipped one of the hearings."
    )
    acts = _acts(text)
    assert acts == [
        ("her report was behind the delay", "He", "suggested", "indirect"),
        ("her “third-rate”", "He", "called", "direct"),
    ], acts


def test_naming_verb_inside_a_reported_clause_stays_there() -> None:
    # The naming verb has its own subject (Vale): it is part of what Okafor said.
    acts = _acts("Okafor said that Vale called the levy “a disgrace.”")
    assert [(sp, c) for _, sp, c, _ in acts] == [("Okafor", "said")], acts


def test_two_participles_joined_by_and_are_two_acts() -> None:
    text = (
        "She has pushed back against the criticism of her father, saying he has been a "
        "pioneer in hiring women and calling him “a feminist.”"
    )
    acts = _acts(text)
    assert [(t, c, k) for t, _, c, k in acts] == [
        ("he has been a pioneer in hiring women", "saying", "indirect"),
        ("him “a feminist.”", "calling", "direct"),
    ], acts


def test_a_capitalised_tweeted_after_an_appositive_is_the_trailer() -> None:
    # Some copy capitalises the verb made of a trademark; after "!” Murphy, the head of
    # …," the sentence goes on to its cue instead of ending at the mark.
    text = (
        "“Not our ad, but we like it!” Okafor, the head of Harbour Forward, Tweeted on "
        "Friday with a photo of the banner."
    )
    assert _acts(text) == [("Not our ad, but we like it!", "Okafor", "Tweeted", "direct")]
