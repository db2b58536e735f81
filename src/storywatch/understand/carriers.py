"""Things that carry words: "ends with a narrator saying: “…”", "a notice that said, “…”".

"The spot closes with a narrator saying: “Ask her why.”", "the page was replaced by a notice
that said, “We are closed.”": a noun phrase for a thing that shows or speaks words (a voice
over, a message, a banner) is followed straight by a participle of saying or reading, or by
"that said", and a quotation that ends the clause. No cue's subject reads these (the thing
is no person, and the participle has no comma before it to hang on the clause's subject),
yet the quotation is plainly what the thing said, and PolNeAR's annotators credit it to the
thing.

A thing after a preposition is read so ("with a narrator", "by a notice"), and so is a
thing worn or held that shows printed words, the object of any verb ("Ortiz held up a sign
saying “…”", "wore a hat reading “…”": the annotators credit the sign as often as the one
holding it, and mark the quotation either way). When the verb is one of publishing ("Vale
released a video that said, “…”", "the campaign aired a spot saying “…”"), its author
speaks through the thing: that verb's subject is the speaker. :func:`carried_words` is tried
only after the ordinary readers found nothing in the sentence.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.broad import verb_subject
from storywatch.understand.spans import Found, Sentence, Span, _inside, is_title_quote
from storywatch.understand.text import Quote, Word

# "a sign saying", "a banner proclaiming", "a hat reading".
_PARTICIPLES = lx.words_of("saying reading proclaiming declaring stating announcing asking")
# "a message that said", "a shirt that reads".
_RELATIVE_VERBS = lx.words_of("said says read reads stated states declared declares")
_RELATIVES = lx.words_of("that which")
_OPENERS = lx.words_of("a an the another his her their its")
# Before the thing: a preposition it hangs on ("ends with a narrator saying").
_PLACES = lx.words_of("with by under on in from")
# Before the participle: a preposition makes it a gerund ("began by saying", "without
# saying"), not a participle of the noun before.
_GERUND_TAKERS = lx.words_of(
    "by without upon after before while when for in on of with from at about despite since"
)
# At most this many words between the determiner and the participle ("a Vale campaign hat").
_MAX_NOUN_WORDS = 4


def carried_words(text: str, s: Sentence) -> Found | None:
    """The first quotation that a thing's noun phrase and a participle of saying (or "that
    said") introduce, credited to the thing, or to whoever published it."""
    words = s.words
    for k, w in enumerate(words):
        low = w.text.lower()
        if low in _PARTICIPLES:
            head = k - 1
        elif low in _RELATIVE_VERBS and k > 1 and words[k - 1].text.lower() in _RELATIVES:
            head = k - 2
        else:
            continue
        printed = head >= 0 and words[head].text.lower() in lx.PRINTED_THINGS
        quote = _quote_after(text, s, w, printed)
        if quote is None or head < 2 or _inside(s.quotes, words[head].start):
            continue
        opener = _opener(text, words, head, k)
        if opener < 1:
            continue
        speaker = _speaker(text, s, opener, head)
        if speaker is not None:
            return Found(quote.parts, True, speaker, (w.start, w.end), s.index)
    return None


def _speaker(text: str, s: Sentence, opener: int, head: int) -> Span | None:
    """The thing after a preposition; the subject of a verb of publishing before it."""
    before = s.words[opener - 1].text.lower()
    if before in _PLACES:
        return (s.words[opener].start, s.words[head].end)
    if before in lx.PUBLISHING_VERBS:
        return verb_subject(text, s, opener - 1)[1]
    if s.words[head].text.lower() in lx.PRINTED_THINGS and before not in _SCENE_PREPOSITIONS:
        # "wore a campaign hat reading, “…”", "held up a sign saying “…”": words printed on
        # a thing worn or held; the annotators credit the thing (as often as the holder,
        # and the quotation is its content either way).
        return (s.words[opener].start, s.words[head].end)
    return None


# "found the body near a sign reading “Keep Out”": a sign in the scene, no one's message.
_SCENE_PREPOSITIONS = _GERUND_TAKERS | lx.words_of("near beside behind past under above below")


def _quote_after(text: str, s: Sentence, w: Word, printed: bool = False) -> Quote | None:
    """The quotation right after the participle, past a colon or a comma only, which ends
    the clause ("a notice saying “closed,” and …"; not "saying “of course” the plan …").
    Words ``printed`` on a sign or a hat are often set in capitals ("a hat reading “Make
    Mexico Great Again Also”"), which elsewhere would mark a title."""
    q = next((q for q in s.quotes if q.start >= w.end), None)
    if q is None or text[w.end : q.start].strip(" ,:") or (is_title_quote(text, q) and not printed):
        return None
    if printed:
        return q  # printed words are a whole of their own, whatever the clause goes on to
    if text[q.end - 2 : q.end - 1] not in _ENDS and text[q.end : s.end].strip()[:1] not in _ENDS:
        return None
    return q


# What may close the clause a quotation ends: its own punctuation inside the marks, or after.
_ENDS = (".", ",", "!", "?", ";", ":", "-", "—", "–", ")", "")


def _opener(text: str, words: list[Word], head: int, k: int) -> int:
    """The index of the determiner opening the thing's noun phrase, which ends at
    ``words[head]`` and runs up to the participle at ``k`` with nothing but spaces between
    its words; -1 when there is none within a few words or the head is a person's word."""
    low = words[head].text.lower()
    if low in lx.PERSONAL_PRONOUNS or low in _GERUND_TAKERS or words[head].text[:1].isupper():
        return -1
    for n in range(head, max(head - _MAX_NOUN_WORDS, 0) - 1, -1):
        if text[words[n].end : words[n + 1].start] != " ":
            return -1
        if words[n].text.lower() in _OPENERS:
            return n if n < head else -1
    return -1
