"""How a statement reads on a page: real quotes in quotation marks, everything else not (pure).

What the stages store is close to the source text, not to what a reader wants: a quote
keeps the comma that led into its attribution (“…ever since,” he said), a sentence cut
in the middle of a quote carries the closing mark and the attribution after it
(Nobody needs to leave their home,” Rimsby said.), and reported speech holding a short
quote ("the harbor “will remain closed” while…") is not itself a quote. Drawing marks
around any of those puts words in someone's mouth, so the page asks these functions
whether to draw them.
"""

from __future__ import annotations

import re

from storywatch.pipeline.compose import quote_text, strip_dateline

OPENING = '“„«"'
CLOSING = '”»"'
ANY_MARK = re.compile(r"[“”„«»\"]")
REPORTING = re.compile(r"\b(?:said|says|told|wrote|reported|according to|announced)\b", re.I)
# what may follow the end of a quote in its sentence: "Rimsby said.", ", he added", ""
ATTRIBUTION_WORDS = 8
QUIET_CUES = {"said", "says", "say", "according to", "told"}
# verbs that read wrongly before reported speech once their object is gone
LEADS = {"told": "said", "telling": "saying", "according to": "", "according": ""}


def _attribution(rest: str) -> bool:
    rest = rest.strip(" ,.;:—-")
    return len(rest.split()) <= ATTRIBUTION_WORDS and not ANY_MARK.search(rest)


def readable_quote(text: str, kind: str = "direct", *, sentence: bool = False) -> tuple[str, bool]:
    """``(words, draw quotation marks?)`` for a statement or a contradiction's side.

    ``sentence`` says the text may be a whole sentence of the article rather than the words
    inside quotation marks (a contradiction's side often is): one that names who said it
    ("…, the agency said on Tuesday") is reported speech, not a quote.
    """
    words = " ".join(text.split())
    if kind != "direct":
        return strip_dateline(words), False
    body = words[1:] if words[:1] in OPENING else words
    closing = re.search(r"[”»\"]", body)
    if closing is not None:
        inside, rest = body[: closing.start()], body[closing.end() :]
        if not ANY_MARK.search(inside) and _attribution(rest):
            return quote_text(inside), True
    if ANY_MARK.search(body):
        # reported speech around a short quote: shown as written, its own marks kept
        return strip_dateline(body), False
    if sentence and words[:1] not in OPENING and REPORTING.search(body):
        return strip_dateline(body), False
    return quote_text(body), True


def statement_view(text: str, kind: str, cue: str | None) -> dict[str, object]:
    """How one statement reads under its speaker's name.

    A quote is drawn in quotation marks, with its verb noted when it says more than
    "said" ("wrote", "denied"). Anything else reads as prose after its verb: "said that
    the smoke posed no threat", "described the notice as “a premature draft”".
    """
    words, quoted = readable_quote(text, kind)
    verb = (cue or "").strip().lower()
    if quoted:
        return {
            "text": words,
            "quoted": True,
            "lead": "",
            "cue": "" if verb in QUIET_CUES else verb,
        }
    lead = LEADS.get(verb, verb)
    return {"text": words, "quoted": False, "lead": lead, "cue": ""}
