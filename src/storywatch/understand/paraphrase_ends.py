"""Where a paraphrase ends: before the writer's comparison or the speaker's next act.

A paraphrase's content is first read up to the end of its sentence ("said that …."). Some
sentences go on past the reported clause in the writer's own words: a comparison ("…,
compared with 41 percent for Mrs. Clinton", "…, double the number who …") or the next act
("… and she accused Trump of …", "…, and he added that …"), or another attribution ("…, Lee
said he …", "…, they also say …"; a relative clause's report before the main verb, "Lee,
who said the plan was vetted, said he …"), or the writer's label for what was said ("…, a
plan the billionaire has since modified"). Shown as part of the paraphrase they put the
writer's words in the speaker's mouth. ", up from …" and ", down from …" are not cut: the
earlier figure the speaker revised is part of what was said (our demo story's labels keep
it, and the revisions reader needs both figures).

Measured on PolNeAR train (paraphrase F1, `bench/eval_quotes.py --kind indirect`), other
cuts that look as natural lose more than they gain, because annotators keep them inside
the content: a relative clause (", which …"), an aside after a dash or a semicolon, ",
but …", ", while …". They are left out. Quotations are never cut here
(:mod:`~storywatch.understand.clause_ends` reads those).
"""

from __future__ import annotations

import re

# Each pattern matches where the writer takes over; the paraphrase ends before it.
_WRITER_WORDS = (
    # the writer's comparison or contrast
    r", (?:compared (?:with|to)|whereas|double) "
    # the writer's label for what was said: "…, a plan the billionaire has modified since",
    # "…, a recommendation Lynch adopted", "…, remarks that were widely shown"
    # (set off by a dash too: "… — a claim disputed by engineers", ", a charge she denied")
    r"|(?:,|\s[—–-]{1,2}) (?:an? )?(?:claim|assertion|statement|remark|comment|recommendation"
    r"|plan|proposal|position|view|argument|accusation|allegation|charge|contention"
    r"|prediction|promise|pledge)s? "
    # what the news did to a market or a crowd: "…, sending its shares up 15%", "…,
    # prompting protests outside the plant"
    r"|, (?:sending|pushing|driving|lifting|dragging|prompting|triggering|sparking) "
)
_OTHER_ACTS = (
    # the speaker's next act: "and she accused …", "and he added that …"
    r"|,? and (?:he|she|they) (?:[a-z]+ly )?[a-z]+(?:ed|ew|id|ote|old|aid)\b"
    # the speaker's refusal after what was said: "… is ongoing and declined to name …"
    r"|,? and (?:declined|refused) to "
    # another attribution after a comma: "…, Lee said he …", "…, they also say …", and the
    # main verb after a relative clause ("Lee, who said the plan was vetted, said he …")
    r"|, (?:(?:[A-Z][\w.’'-]*|he|she|they|we|I) ){0,3}(?:also )?(?:said|says|say|told|added)\b"
)
_WRITER_RESUMES = re.compile(_WRITER_WORDS + _OTHER_ACTS)
# An outer source's clause ("Lee said A, and he added B, according to the AP.") holds the
# acts inside it; only the writer's own words end it.
_WRITER_ONLY = re.compile(_WRITER_WORDS)

# Fewer words than this before the cut: the "clause" would be a fragment, keep the whole.
_MIN_WORDS = 4


def paraphrase_end(text: str, start: int, end: int, outer: bool = False) -> int:
    """The offset where the paraphrase ``text[start:end]`` stops: before the first place
    the writer resumes, when at least a short clause comes before it; else ``end``.
    ``outer``: the content of a source that reports a whole clause ("…, according to
    the AP"), which the acts inside it do not end."""
    pattern = _WRITER_ONLY if outer else _WRITER_RESUMES
    for m in pattern.finditer(text, start, end):
        if _DASH.match(text, m.start()) and _DASH.search(text, m.end(), end):
            continue  # "… -- a position he has since modified -- and his …": an aside closed
        if len(text[start : m.start()].split()) >= _MIN_WORDS:
            return m.start()
    return end


_DASH = re.compile(r"\s[—–-]{1,2}\s")
