"""A sentence that opens on what the speaker spoke of, then an aside and the quotation ("Of
the delays, Okafor said, “…”": asides.parenthetical). Written for these tests."""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


def _direct(text: str) -> list[tuple[str, list[str]]]:
    return [
        (a.speaker.name, [text[s:e] for s, e in a.parts])
        for a in attribute(analyse(text))
        if a.direct
    ]


def test_a_topic_put_first_is_read_with_the_quotation() -> None:
    text = (
        "Chidi Okafor runs the ferry union in Velmora.\n\n"
        'Of the delays at the port, Okafor said, "It is a little much."\n'
    )
    [(speaker, parts)] = _direct(text)
    assert speaker == "Chidi Okafor"
    assert parts[0] == "Of the delays at the port"
    assert parts[-1].strip('"') == "It is a little much."


def test_as_for_opens_a_topic_too() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "As for the ferry cuts, Ruiz said, “Nobody asked the islanders.”\n"
    )
    [(_, parts)] = _direct(text)
    assert parts[0] == "As for the ferry cuts"


def test_a_time_put_first_stays_out_of_the_quotation() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "After the vote, Ruiz said, “Nobody asked the islanders.”\n"
    )
    [(_, parts)] = _direct(text)
    assert [p.strip("“”") for p in parts] == ["Nobody asked the islanders."]
