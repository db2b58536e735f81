"""A quotation carried over a paragraph break that began as a speaker's second sentence.

    “The quay is a disgrace,” Ruiz said. “Nobody has mended it in ten years.
    “We will not wait another ten,” she said.

The second quotation of the first paragraph opens a new paragraph's worth of words and, by
the convention for long quotations, has no closing mark: the next paragraph goes on with an
opening mark. Paired as one quotation, both paragraphs would be attributed to the trailer
at the end of the second. Annotators (and readers) take the first paragraph's words as the
continuation of the statement just before them (“…,” Ruiz said. “…) and the next
paragraph's words as the act its own trailer reports.
"""

from __future__ import annotations

from storywatch.understand.analysis import Analysis
from storywatch.understand.spans import Found, Span


def carried_head(an: Analysis, found: Found, prev_sentence: int, prev_paragraph: int) -> int:
    """How many of ``found``'s leading parts go on the statement before it, or 0.

    They do when the statement before is the previous sentence, in the paragraph where
    ``found``'s quotation opens mid-way, and ``found``'s own cue is in a later paragraph."""
    if found.cue is None or len(found.parts) < 2 or prev_sentence != found.sentence - 1:
        return 0
    first = found.parts[0]
    para = an.paragraph_of(first[0])
    if para != prev_paragraph or an.paragraph_of(found.cue[0]) == para:
        return 0
    if not _opens_mid_paragraph(an, first, para):
        return 0
    head = 0
    for part in found.parts:
        if an.paragraph_of(part[0]) != para:
            break
        head += 1
    return head if head < len(found.parts) else 0


def _opens_mid_paragraph(an: Analysis, part: Span, para: int) -> bool:
    """The quotation's opening mark comes after other words of its paragraph."""
    return bool(an.text[an.paragraph_starts[para] : max(0, part[0] - 1)].strip())
