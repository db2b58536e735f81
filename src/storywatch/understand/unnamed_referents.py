"""An "it" or "they" that goes on from a speaker with no name.

"“…,” the newspaper admitted. “…,” it added.": the speaker of the sentence before was "the
newspaper", written with no name, and the trailer's "it" goes on with it; an organisation
named further back in passing ("its impact on the Electoral College") is no nearer. The
same holds for "the email read. It stated …" and "the groups say. They argue …".
"""

from __future__ import annotations

from storywatch.understand.analysis import Analysis


def recent_unnamed(
    an: Analysis, unnamed: list[tuple[int, str, bool]], pos: int, pronoun: str
) -> tuple[float, str, bool] | None:
    """(sentences back, mention, joint) of the newest speaker with no name that spoke
    before ``pos`` in its paragraph or the one before, when its number fits ``pronoun``
    ("the groups" for "they", "the email" for "it", a joint speaker "Okafor and Lee" for
    "they"); ``None`` otherwise.

    The one rule for a nameless referent: a resolver takes it when nothing named is nearer,
    and when nothing named is found at all. A speaker is noted at the start of its sentence,
    so one noted at ``pos`` itself spoke earlier in the same sentence ("It goes on to fault
    the board, saying …": the second act's "it" is the first's). A number that does not fit
    gives nothing: "they" is no "the newspaper", whose paper may be named further back."""
    if pronoun not in ("it", "they") or not unnamed:
        return None
    at, mention, joint = unnamed[-1]
    if at > pos or an.paragraph_of(pos) - an.paragraph_of(at) > 1:
        return None
    head = mention.split()[-1].lower()
    plural = joint or (head.endswith("s") and not head.endswith("ss"))
    if plural != (pronoun == "they"):
        return None
    return float(an.sentence_of(pos) - an.sentence_of(at)), mention, joint
