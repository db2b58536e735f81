"""Name mentions: capitalised word runs with the title written before them, and their kind.

A mention is found without a tagger: a run of capitalised words (allowing "of", "al", "bin"
inside it), minus the words that are capitalised only because a sentence starts there, split
into the title written before the name ("Secretary of Defense") and the name ("Mark Esper").
The kind comes from the gazetteers, from organisation words ("Ministry", "Party") and from
the title; an unknown run of two or more words is taken for a person, the common case in news
(:func:`~storywatch.understand.name_kinds.classify`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storywatch.model import EntityKind
from storywatch.understand import gazetteer as gz
from storywatch.understand import lexicon as lx
from storywatch.understand.appositive_titles import title_after
from storywatch.understand.function_word_names import third_person_cue
from storywatch.understand.headline_names import cut_to_body
from storywatch.understand.honorific_names import honorific_surname
from storywatch.understand.lead_words import without_lead_words
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.name_joins import joins_over, person_ends_at_of
from storywatch.understand.name_kinds import classify
from storywatch.understand.name_tokens import (
    POSSESSIVE,
    contraction,
    inner_possessive,
    is_first_name,
    joined,
    norm,
    strip_possessive,
)
from storywatch.understand.spans import past_tense
from storywatch.understand.text import Word, words
from storywatch.understand.titles import title_before, title_start

_CONNECTORS = frozenset({"of", "al", "el", "bin", "ibn", "de", "da", "van", "von", "la", "du"})
# Words that end a capitalised run without being part of the name ("CNBC Saturday").
_TRAILING = frozenset(
    _words(
        """
        monday tuesday wednesday thursday friday saturday sunday january february march
        april june july august september october november december democrat democrats
        republican republicans unleashed
        """
    )
)
_PARTY_MEMBERS = frozenset(("democrats", "republicans"))


def _party_qualifier(run: list[Word]) -> bool:
    """The one word left of a party's members is no name of its own ("the Liberal
    Democrats", "the Free Democrats", "Mainstream Republicans", "Reagan Democrats"): the
    group speaks, not a person or a body called "Liberal". A place or an organisation stays
    ("Iowa Democrats", "Senate Republicans": the state party, the caucus)."""
    if len(run) != 1:
        return False
    word = norm(strip_possessive(run[0].text)[0])
    return classify(run[0].text) is None and word not in lx.TITLE_WORDS


@dataclass(slots=True)
class Mention:
    """One name in the text: ``name`` without title, ``title`` as written (may be empty).

    Not frozen (a frozen dataclass costs twice as much to build, and an article has hundreds
    of mentions), but treated as a value: change one with :func:`dataclasses.replace`."""

    name: str
    kind: EntityKind | None
    start: int
    end: int
    title: str = ""
    title_start: int = -1
    possessive: bool = False
    # The role written in an appositive after the name ("Tom Brandt, a spokesman for the
    # mayor,": "spokesman for the mayor"), kept apart from ``title``: the readers that
    # weigh a title written before a name (kinds, roles, written spans) never see it.
    role: str = ""

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.name.split())


_CAP = r"[A-ZÀ-ÖØ-Þ][^\W_]*(?:[’'.\-&][^\W_]+)*"
# A plural possessive inside a name ("Velmora Dockworkers’ Union") joins its words too.
# A name starts a word, or follows a clock's "AM"/"PM" that a live blog's scraped layout
# glued to it ("March 3, 2016 9:26PMTomas Berg Says …" names Tomas Berg, not "PMTomas").
# The capital comes first and the look-behinds are tested one character later (so they see
# two characters: the one before the name and its capital): a pattern that opens with a
# character class lets the engine skip ahead to the next capital, where one that opens with
# a look-behind is tried at every position of the text (three times as slow, the same runs).
_RUN = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?:(?<=\d[AP]M.)|(?<![^\W_].))"
    + _CAP[len("[A-ZÀ-ÖØ-Þ]") :]
    + r"(?:(?:\.?(?: |\. |-)|(?<=s)[’'] )(?:(?:of|al|el|bin|ibn|de|da|van|von|la|du|for|and) )?"
    + _CAP
    + r")*"
)


def find_mentions(text: str, initial: set[int], lower_vocab: set[str]) -> list[Mention]:
    """Every name mention in ``text``, in order.

    Candidate runs of capitalised words are found by one regular expression over the text
    (so the many lowercase words cost nothing), then split where a run is not one name (a
    possessive, a full stop that ends a sentence rather than an abbreviation).
    ``initial`` holds the offsets where a sentence or quotation starts: a capitalised common
    word there ("Poorly", "Alongside") is not a name when the article also uses it in lower
    case, or when it is a function word.
    """
    out: list[Mention] = []
    headline: dict[int, bool] = {}
    seen: dict[tuple[str, bool], tuple[str, EntityKind | None] | None] = {}
    # The line a run stands on, followed forward as the runs come in text order: searching
    # back from each run for the newline before it read a paragraph over for every run.
    line, line_end = 0, _line_end(text, 0)
    for m in _RUN.finditer(text):
        found = m[0]
        if not (" " in found or "." in found or "-" in found):
            # One word ("Esper", "Iraq's"): the common case, straight to its mention. What
            # the word itself decides is remembered per article (names repeat); only the
            # title written before it depends on where it stands.
            start = m.start()
            key = (found, start in initial)
            if key in seen:
                base_kind = seen[key]
            else:
                base_kind = seen[key] = _single_base(
                    found, key[1], lower_vocab, found.endswith(POSSESSIVE)
                )
            if base_kind is None and found in lx.MODAL_NAMES and _past_follows(text, m.end()):
                base_kind = found, None  # "Will said", "May told": no modal takes a past tense
            if base_kind is None:
                continue
            base, kind = base_kind
            tok = Word((found, start, m.end()))
            out.append(_titled(text, tok, base, kind, found.endswith(POSSESSIVE)))
            continue
        # Whether the run's line is a Title Case headline matters only inside a run of
        # several words (it ends a name at a headline's verb); one line is judged once.
        while line_end < m.start():
            line = line_end + 1
            line_end = _line_end(text, line)
        if line not in headline:
            headline[line] = _title_case_line(text, line)
        in_headline = headline[line]
        toks = _run_words(text, m.start(), found)
        i, n = 0, len(toks)
        while i < n:
            tok = toks[i]
            if not tok.text[:1].isupper():
                i += 1
                continue
            j = i
            run: list[Word] = [tok]
            _, possessive = strip_possessive(tok.text)
            while j + 1 < n and joined(text, toks[j], toks[j + 1]):
                if possessive and not inner_possessive(toks[j].text, toks[j + 1].text):
                    break
                nxt = toks[j + 1]
                if nxt.text in ("for", "and"):
                    if not joins_over(text, run, nxt, toks[j + 2] if j + 2 < n else None):
                        break
                    run.append(nxt)
                    j += 1
                    continue
                if (
                    _ends_run(nxt.text, in_headline, lower_vocab)
                    and not _middle_initial(text, run, toks[j + 1 : j + 3], lower_vocab)
                    and not _modal_surname(run, nxt)
                ):
                    break
                if (
                    in_headline
                    and _verb_shaped(nxt.text)
                    and sum(1 for w in run if norm(w.text) not in lx.TITLE_WORDS) >= 2
                ):
                    # "Glenn Beck Blasts Drudge": a headline verb after a full name.
                    break
                if nxt.text == "of" and person_ends_at_of(text, run, toks[j + 2 : j + 6]):
                    break
                if nxt.text[:1].isupper():
                    run.append(nxt)
                    j += 1
                    _, possessive = strip_possessive(nxt.text)
                elif nxt.text in _CONNECTORS and j + 2 < n and joined(text, nxt, toks[j + 2]):
                    run.append(nxt)
                    j += 1
                else:
                    break
            i = j + 1
            mention = _mention_from_run(text, run, initial, lower_vocab, possessive, in_headline)
            if mention is not None:
                out.append(mention)
    lines = [(at, _line_end(text, at)) for at, title_case in headline.items() if title_case]
    return _with_roles(text, without_lead_words(text, cut_to_body(text, out, lines), initial))


def _with_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each person's role written in an appositive after the name
    (:func:`~storywatch.understand.appositive_titles.title_after`). A name of no known kind
    gets it too ("Okafor, the party's leader,"): it is kept only if the name turns out a
    person's (:meth:`~storywatch.understand.entities.Identity.add`)."""
    for m in mentions:
        if text[m.end : m.end + 1] == "," and m.kind in (None, EntityKind.PERSON):
            m.role = title_after(text, m.end)
    return mentions


def _run_words(text: str, start: int, run: str) -> list[Word]:
    """:func:`~storywatch.understand.text.words` of a run found at ``start``.

    A run without a full stop, hyphen, apostrophe or ampersand is words joined by single
    spaces (the only joint :data:`_RUN` then allows), each of them one word token, so a
    split on the spaces gives the same tokens without the tokenising pattern (two runs in
    three, at half the cost)."""
    if "." in run or "-" in run or "’" in run or "'" in run or "&" in run:
        return words(text, start, start + len(run))
    out = []
    for piece in run.split(" "):
        end = start + len(piece)
        out.append(Word((piece, start, end)))
        start = end + 1
    return out


def _line_end(text: str, start: int) -> int:
    """The newline ending the line that starts at ``start`` (``len(text)`` on the last)."""
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def _middle_initial(text: str, run: list[Word], ahead: list[Word], lower_vocab: set[str]) -> bool:
    """ "Roberta A. Kaplan", "Samuel A. Alito": a lone "A." or "I." between a first name and
    a surname is an initial, not the article or the pronoun, so the name stays whole (split
    there, "Roberta" and "Kaplan" were two unknowns, and her "she" went to someone else).
    The word before must be a name the article never writes in lower case ("Plan A. Smith
    …" stays apart)."""
    if len(run) != 1 or len(ahead) != 2 or len(ahead[0].text) != 1:
        return False
    first, initial, surname = run[0], ahead[0], ahead[1]
    return (
        text[initial.end : surname.start] == ". "
        and surname.text[:1].isupper()
        and norm(surname.text) not in lx.NOT_NAMES
        and (is_first_name(first.text) or norm(first.text) not in lower_vocab)
        and norm(first.text) not in lx.NOT_NAMES
        and norm(first.text) not in lx.TITLE_WORDS
    )


# Words kept out of names on their own ("Watch: …", a page's clutter) that still end a
# longer one: "the U.S.", "Judicial Watch", "Human Rights Watch".
_NAME_ENDINGS = frozenset(("us", "u.s", "watch"))


def _modal_surname(run: list[Word], nxt: Word) -> bool:
    """ "George Will", "Prime Minister Theresa May": a family name that is also a modal (or
    a month) ends no run right after a first name."""
    return strip_possessive(nxt.text)[0] in lx.MODAL_NAMES and is_first_name(run[-1].text)


def _ends_run(token: str, in_headline: bool, lower_vocab: set[str]) -> bool:
    """A capitalised function word ("Is", "To", "After") inside a run means the run is a
    Title Case headline, not a name; in such a line any word the article also writes in
    lower case ("Blasts", "Says") ends the name too."""
    if token in _CONNECTORS:
        return False
    if contraction(token):
        return True
    low = norm(strip_possessive(token)[0])
    if low in lx.NOT_NAMES and low not in _NAME_ENDINGS:
        return True
    if in_headline and low in lower_vocab:
        return not (is_first_name(token) or low in gz.PLACES or low in lx.TITLE_WORDS)
    return False


def _verb_shaped(token: str) -> bool:
    low = token.lower()
    return (low.endswith("s") and not low.endswith("ss")) or low.endswith(("ing", "ed"))


def _title_case_line(text: str, start: int) -> bool:
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    if end - start > 240:
        return False  # a paragraph, not a headline
    line = text[start:end]
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    upper = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and upper >= 0.75 * len(long_words)


def _mention_from_run(
    text: str,
    run: list[Word],
    initial: set[int],
    lower_vocab: set[str],
    possessive: bool,
    in_headline: bool = False,
) -> Mention | None:
    if len(run) == 1:
        return _single(text, run[0], run[0].start in initial, lower_vocab, possessive)
    # Drop leading words capitalised only by position, unless that leaves a bare
    # organisation word ("Port Authority director general Ilse Marrow").
    while run and run[0].start in initial and not _org_head_only(run[1:]) and not _saint(text, run):
        low = norm(strip_possessive(run[0].text)[0])
        if (
            low in lx.NOT_NAMES
            or low in _OPENING_PREPOSITIONS
            or (low in lower_vocab and low not in gz.PLACES and low not in lx.TITLE_WORDS)
        ):
            initial = initial | {run[1].start} if len(run) > 1 else initial
            run = run[1:]
        else:
            break
    while (
        run
        and norm(run[0].text) in lx.NOT_NAMES
        and norm(run[0].text) not in ("us",)
        and not _saint(text, run)
    ):
        run = run[1:]
    while run and contraction(run[0].text):
        run = run[1:]
    while len(run) > 1 and norm(run[-1].text) in lx.HONORIFICS:
        # "Marco Rubio Miss The Mark": an honorific comes before a name, never after it.
        run = run[:-1]
    grouped = bool(run) and norm(run[-1].text) in _PARTY_MEMBERS
    while run and (run[-1].text in _CONNECTORS or norm(run[-1].text) in _TRAILING):
        run = run[:-1]
    if not run or (grouped and _party_qualifier(run)):
        return None
    split = _split_title(run)
    if split is not None:
        title_words, name_words = split
        name = _name_text(text, name_words)
        title = title_before(text, run[0], title_words)
        return Mention(
            name,
            EntityKind.PERSON,
            name_words[0].start,
            _end(name_words[-1]),
            title=title,
            title_start=title_start(text, title, title_words, run[0]),
            possessive=possessive,
        )
    whole = _name_text(text, run)
    kind = classify(whole)
    if (
        kind is None
        and len(run) == 1
        and norm(run[0].text) in lx.TITLE_WORDS
        and not honorific_surname(text, run[0])
    ):
        return None
    title = ""
    if kind in (None, EntityKind.PERSON):
        title = title_before(text, run[0], [])
        if title and kind is None:
            kind = EntityKind.PERSON
    # A run guessed to be a person only because it is capitalised ("Climate Action",
    # "Off Message"): if the article also writes its words in lower case, it is not; nor
    # when it follows "the" ("the Corrandel Star": people are not written with an article).
    if (
        kind is EntityKind.PERSON
        and not title
        and not is_first_name(run[0].text)
        and (
            # an initial ("Roberta A. Kaplan") is no word written in lower case
            any(norm(w.text) in lower_vocab for w in run if len(w.text) > 1)
            or _after_the(text, run[0].start)
            # a Title Case headline runs words together: "Woman Reveals Stunning Thing
            # Trump Did" holds no person "Stunning Thing Trump"
            or (in_headline and len(run) >= 3)
        )
    ):
        kind = None
    return Mention(
        whole,
        kind,
        run[0].start,
        _end(run[-1]),
        title=title,
        title_start=title_start(text, title, [], run[0]),
        possessive=possessive,
    )


# Prepositions of place that open a sentence before a name ("Inside Trump Tower, aides
# said …", "Outside Carrier's plant, a worker …"): capitalised by position, never a name's
# first word (the article may not write them in lower case to tell).
_OPENING_PREPOSITIONS = _words("inside outside throughout near atop beside aboard")


def _org_head_only(rest: list[Word]) -> bool:
    return len(rest) == 1 and norm(rest[0].text) in lx.ORG_WORDS


def _saint(text: str, run: list[Word]) -> bool:
    """ "St. Brannoc Hospital": "St." before another capitalised word is part of the name."""
    return len(run) > 1 and norm(run[0].text) == "st" and text[run[0].end : run[0].end + 1] == "."


_THE_BEFORE = re.compile(r"(?:^|(?<=[^\w’']))[Tt]he (?:[a-z]+(?:ing|ed) )?$")


def _after_the(text: str, start: int) -> bool:
    """ "the Corrandel Star", "the burning Corrandel Star": an article before the name."""
    return _THE_BEFORE.search(text, max(0, start - 20), start) is not None


_NOT_TITLES = frozenset(("the", "and", "of"))


# A party and a state written after a legislator's name: "D-N.Y.", "R-Ill.", "R-Texas".
_PARTY_LABEL = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,12}")


# Plural nouns of anonymous speakers ("critics", "officials"), which open a sentence
# capitalised but name nobody; parties ("Democrats", "Republicans") are names.
_GROUP_NOUNS = frozenset(
    w for w in lx.SPEAKER_NOUNS if w.endswith("s") and w not in ("democrats", "republicans")
)


def _single_base(
    token: str, at_start: bool, lower_vocab: set[str], possessive: bool
) -> tuple[str, EntityKind | None] | None:
    """What a one-word run is by itself: its name (possessive cut) and kind, or ``None``
    when it names nothing. The title written before it depends on where it stands, so
    :func:`_single` and :func:`find_mentions` add that themselves."""
    base = token[:-2] if possessive and token[-2:] in ("’s", "'s") else token
    if possessive and base == token:
        base = strip_possessive(token)[0]
    low = base.lower().rstrip(".")
    if (low in lx.NOT_NAMES and low != "us") or contraction(base):
        return None
    if _PARTY_LABEL.fullmatch(base):
        return None  # "Sen. Mark Kirk (R-Ill.)", "Ted Cruz, R-Texas,": a party and a state
    if at_start and low in lower_vocab and low not in gz.PLACES and low not in lx.TITLE_WORDS:
        return None
    if at_start and low in _GROUP_NOUNS:
        return None  # "Critics said …", "Officials said …": a group, capitalised by position
    if low in _TRAILING or token in _CONNECTORS:
        return None
    kind = classify(base)
    if kind is None and low in lx.TITLE_WORDS:
        return None
    return base, kind


def _quick_title(text: str, start: int) -> str | None:
    """ "" when no title can stand before ``start`` (the word before it is plainly not a
    title word), else ``None``: then
    :func:`~storywatch.understand.titles.title_before` reads it in full."""
    if start < 2 or text[start - 1] != " ":
        return ""
    if text[start - 2] == ",":
        return None  # "the nation's prime minister, Adel Abdul Mahdi"
    cut = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
    prev = text[cut : start - 1]
    if not prev.isalpha():
        return None
    low = prev.lower()
    if low in _NOT_TITLES or (low not in lx.TITLE_WORDS and low not in lx.TITLE_HEADS):
        return ""
    return None


def _single(
    text: str, tok: Word, at_start: bool, lower_vocab: set[str], possessive: bool
) -> Mention | None:
    """The common case of a one-word run ("Esper", "Iraq"), without the run machinery."""
    base_kind = _single_base(tok.text, at_start, lower_vocab, possessive)
    if base_kind is None:
        return None
    base, kind = base_kind
    return _titled(text, tok, base, kind, possessive)


def _past_follows(text: str, end: int) -> bool:
    """A past tense or a cue's "-s" form is the next word after ``end`` ("Will said", "Will
    acknowledges"): no modal governs either."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and (past_tense(m.group(1)) or third_person_cue(m.group(1)))


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _titled(text: str, tok: Word, base: str, kind: EntityKind | None, possessive: bool) -> Mention:
    """The mention of a one-word name with the title written before it ("Secretary
    Esper"); a title makes a name of no known kind a person."""
    title = ""
    if (kind is None or kind is EntityKind.PERSON) and _quick_title(text, tok.start) is None:
        title = title_before(text, tok, [])
        if title and kind is None:
            kind = EntityKind.PERSON
    return Mention(
        base,
        kind,
        tok.start,
        tok.start + len(base),
        title=title,
        title_start=title_start(text, title, [], tok) if title else -1,
        possessive=possessive,
    )


def _split_title(run: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """Split "Iraqi Prime Minister Adel Abdul Mahdi" after its last title head, if a name
    (not an organisation or place) follows; honorifics ("Mr.") split the same way."""
    last_head = -1
    for k, w in enumerate(run[:-1]):
        low = norm(w.text)
        if (
            low in lx.TITLE_HEADS
            or low in lx.HONORIFICS
            or (k > 0 and (norm(run[k - 1].text), low) in lx.TITLE_PAIRS)
        ):
            last_head = k
    if last_head < 0:
        # "Republican Donald Trump": a qualifier before a given name is a title too.
        if (
            len(run) >= 3
            and is_first_name(run[1].text)
            and not is_first_name(run[0].text)
            and classify(strip_possessive(run[0].text)[0]) is None
        ):
            return run[:1], run[1:]
        return None
    name_words = run[last_head + 1 :]
    if name_words and name_words[0].text == "of":
        # "Secretary of Defense Mark Esper": the office runs up to the first given name.
        if len(name_words) == 2:
            return None  # "the Secretary of State": the office alone, no name after it
        name_words = name_words[1:]
        while len(name_words) > 1 and not is_first_name(name_words[0].text):
            name_words = name_words[1:]
        last_head = len(run) - len(name_words) - 1
    if name_words and name_words[0].text in ("and", "for"):
        return None  # "Department of Justice and Homeland Security": one body, no title
    while name_words and name_words[0].text in _CONNECTORS:
        name_words = name_words[1:]
    # "Sen. Bernie Sanders of Vermont": the place is not part of the name.
    for k, w in enumerate(name_words):
        if w.text == "of" and k > 0:
            name_words = name_words[:k]
            break
    if not name_words:
        return None
    if all(norm(w.text).rstrip(".") in lx.NAME_SUFFIXES for w in name_words):
        return None  # "Martin Luther King Jr.": a family name that is a title word, then "Jr."
    name = " ".join(strip_possessive(w.text)[0] for w in name_words)
    if classify(name) in (EntityKind.ORG, EntityKind.PLACE):
        return None
    if norm(name_words[0].text) in lx.TITLE_HEADS:
        return None
    return run[: last_head + 1], name_words


def _name_text(text: str, run: list[Word]) -> str:
    raw = text[run[0].start : _end(run[-1])]
    return " ".join(raw.split())


def _end(word: Word) -> int:
    base, _ = strip_possessive(word.text)
    return word.start + len(base)
