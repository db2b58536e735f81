"""News clutter removal on lines of text (X2).

Whatever extracts the main text, publishers leave lines in it that are not the story:
"subscribe now" prompts, photo captions and agency credits, share bars, "Read more: ..."
teasers and related-article lists, advertising labels, copyright notices, bare timestamps.
They make pushes noisy, make wire copies look different from each other, and would be
quoted back to users as if they were news. Each rule here names the kind of clutter it
removes, so :attr:`ExtractedArticle.removed` can show a person what was dropped and why.

Rules look at one line and, for captions and related lists, at their neighbours: a caption
is recognised by the credit line that follows it, and a "Related" header takes the list of
headlines under it along. Every rule is bounded by length so that a real paragraph that
happens to mention a newsletter or Getty Images is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# ---------------------------------------------------------------- subscribe / follow / support
_PROMPT = re.compile(
    r"""
    \bsubscribe\b | \bsubscribers?\s+only\b | \bsign[\s-]?up\b | \bsigning\s+up\b
    | \bnewsletters?\b | \bget\s+(?:real[\s-]?time\s+)?updates\b | \bbreaking\s+news\s+alerts?\b
    | \bdownload\s+(?:the|our)\b.{0,60}\bapps?\b | \bfollow\s+(?:us|@|the\s+\w+\s+on)\b
    | \bfollow\s+\S+(?:\s+\S+){0,3}\s+on\s+(?:twitter|facebook|instagram|x|linkedin|telegram)\b
    | \bjoin\s+(?:us|our)\s+(?:on\s+)?(?:telegram|whatsapp|facebook|channel|community|newsletter)
    | \balready\s+a\s+subscriber\b | \bto\s+(?:view|read|continue)\s+(?:the\s+full|reading|this)\b
    | \bsupport\s+(?:our|independent|quality)\s+journalism\b
    | \bbecome\s+a\s+(?:member|subscriber|patron)\b | \bsubmit\s+(?:your|a)\s+letter\b
    | \bwe\s+want\s+to\s+hear\s+(?:from\s+you|what\s+you\s+think)\b
    | \bpush\s+notifications?\b | \benter\s+your\s+e-?mail\b
    | \bsupport(?:ing)?\s+(?:our|us|this)\s+(?:work|journalism|site|newsroom)\b
    | \bnot\s+logged\s+in\b | \blog\s*in\s+to\s+(?:comment|continue|read)\b | \bnicht\s+eingeloggt\b
    | \babonn(?:ieren|iere|ez|ement|er)\b | \bjetzt\s+(?:abonnieren|anmelden|registrieren)\b
    | \bzum\s+newsletter\b | \bunterstütze\s+(?:uns|unser)|\bunterstützen\s+sie\s+uns\b
    | \bjetzt\s+unterstützen\b | \bfolgen\s+sie\s+uns\b
    | \bsuscr[ií]b | \bs[ií]guenos\b | \b[úu]nete\b | \bhazte\s+(?:miembro|socio)\b
    | \bsuivez[-\s]nous\b | \bpour\s+(?:lire\s+la\s+suite|acc[ée]der)\b | \binscrivez[-\s]vous\b
    | \bsubskrypc | \bzapisz\s+si[eę]\b | \bobserwuj\s+nas\b | \biscriviti\b | \bseguici\b
    | \binscreva[-\s]se\b | \bsiga[-\s]nos\b
    """,
    re.I | re.X,
)
_PROMPT_MAX_WORDS = 45
# Literal hints that must occur before the (slow, many-alternative) patterns are tried:
# most lines contain none of them, and a substring test costs a fraction of a regex search.
_PROMPT_HINTS = (
    "subscri", "sign", "newsletter", "update", "alert", "download", "follow", "join", "already a",
    "to view", "to read", "to continue", "journalism", "member", "patron", "letter", "hear ",
    "notification", "mail", "abonn", "support", "logged", "log in", "login", "eingeloggt",
    "jetzt", "unterstütz", "folgen sie", "suscr", "guenos", "nete", "hazte", "suivez",
    "pour lire", "pour acc", "inscri", "subskryp", "zapisz", "obserwuj", "iscriviti", "seguici",
    "siga", "inscreva",
)  # fmt: skip
_LEGAL_HINTS = (
    "principles",
    "right",
    "rechte",
    "derechos",
    "droits",
    "copyright",
    "permission",
    "broadcast",
    "chroniony",
    "©",
    "(c)",
)
_AGENCY_TOKENS = frozenset(
    """
    getty afp reuters ap associated dpa epa efe shutterstock istock istockphoto imago alamy
    picture keystone bloomberg pa anp ansa bestimage xinhua anadolu sipa nurphoto zuma sopa
    wireimage filmmagic unsplash pexels pixabay flickr wikimedia pap ddp kna epd apa tass
    ria upi nasa courtesy
    """.split()  # noqa: SIM905
)
_LONGEST_CLUTTER_WORDS = 60
# A prompt talks to the reader; reporting about subscriptions does not. Without one of these
# markers only a very short line (a "Newsletter" box title) counts as a prompt.
_ADDRESSES_READER = re.compile(
    r"""\b(?:you|your|now|today|here|free|please|click|tap|our|us|du|dich|dein|ihr|jetzt|hier
    |unser(?:en?|em)?|tu|te|vous|votre|nos|nuestro|aquí|ahora|nasz|teraz|tutaj|nostr[oa])\b|[@!?]""",
    re.I | re.X,
)

# ---------------------------------------------------------------- "read more" and related lists
# Cues that introduce a teaser for another story, in the languages of our sources.
_LISTING_CUES = (
    r"read\s+(?:more|also|next|this)|also\s+read|see\s+also|more\s+(?:on|about|from)\s+(?:this|these|the)?"
    r"|related(?:\s+(?:articles?|stories|content|coverage|news|posts|links|topics|reading))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+(?:may|might)\s+also\s+like"
    r"|don'?t\s+miss|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories"
    r"|more\s+stories|further\s+reading"
    r"|lesen\s+sie\s+(?:auch|mehr|hier)|auch\s+(?:interessant|lesen)|mehr\s+zum\s+thema"
    r"|weitere\s+(?:artikel|beiträge|themen|nachrichten|informationen)(?:\s+zum\s+thema)?"
    r"|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|empfohlene\s+beiträge|zum\s+weiterlesen"
    r"|schon\s+gelesen|mehr\s+themen|top-themen|meistgelesen|passend\s+dazu|lesetipp"
    r"|lea\s+(?:también|más)|lee\s+también|le\s+puede\s+interesar|te\s+puede\s+interesar"
    r"|vea\s+también|puedes\s+ver|notas?\s+relacionadas?|contenido\s+relacionado"
    r"|noticias\s+relacionadas|m[áa]s\s+noticias|también\s+te\s+puede\s+interesar"
    r"|[àa]\s+lire\s+(?:aussi|également)|lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet"
    r"|czytaj\s+(?:też|także|więcej)|zobacz\s+(?:też|także)|dowiedz\s+si[eę]\s+więcej"
    r"|leggi\s+anche|leia\s+também|veja\s+também|saiba\s+mais"
)
# Generic verbs: a teaser when they head a line or a link ("Watch: ..."), but they also
# introduce quotes and documents ("Lea el comunicado completo:"), so never an introduction.
_GENERIC_CUES = r"watch|listen|click\s+here|keep\s+reading|continue\s+reading|lea|mire|mira"
_RELATED_CUE = f"{_LISTING_CUES}|{_GENERIC_CUES}"
_RELATED_HEADER = re.compile(rf"^(?:{_RELATED_CUE})\s*[:.!?»>›…-]*\s*$", re.I)
# "Lesen Sie auch die folgenden Beiträge:" introduces a list; only its bullet items go with it.
_RELATED_INTRO = re.compile(rf"^(?:{_LISTING_CUES})(?:\s+[\w'’-]+){{1,6}}\s*:\s*$", re.I)
_RELATED_LINE = re.compile(rf"^(?:{_RELATED_CUE})\s*(?::|\||»|›|>|–|—|-)\s*\S", re.I)
# The three patterns above all open with a cue: one test of the opening rules them all out.
_RELATED_START = re.compile(rf"^(?:{_RELATED_CUE})", re.I)
_RELATED_MAX_WORDS = 30

# ---------------------------------------------------------------- share bars
_SHARE_WORDS = frozenset(
    """
    share shares shared sharing facebook twitter x linkedin whatsapp email e-mail mail print
    pinterest reddit telegram tweet copy link messenger flipboard xing tumblr pocket sms
    teilen drucken compartir imprimir partager imprimer condividi udostępnij stampa on this
    article story the via per por auf sur link kopieren copiar copier artikel and und y
    """.split()  # noqa: SIM905
)
_SHARE_CORE = frozenset(
    """
    share teilen compartir partager condividi udostępnij tweet facebook twitter whatsapp
    linkedin pinterest
    """.split()  # noqa: SIM905
)

# ---------------------------------------------------------------- advertising, legal, chrome
_AD_LINE = re.compile(
    r"""^(?:advertisement|advertising|ad|sponsored(?:\s+content)?|paid\s+(?:content|post)|anzeige
    |werbung|publicidad|publicité|pubblicità|reklama|annonce|\*?werbung\b.{0,80}
    |anzeige\s*[,:\-–].{0,80}|story\s+continues\s+(?:below|after)(?:\s+(?:this|the))?\s+advertisement
    |(?:the\s+)?article\s+continues\s+(?:below|after).{0,30}|continue\s+reading\s+(?:below|the\s+main\s+story)
    |scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|skip\s+(?:to\s+content|advertisement)
    |this\s+(?:post|article)\s+(?:contains|may\s+contain)\s+(?:affiliate\s+links|references\s+to\s+products).{0,200}
    |wird\s+geladen|loading|bild\s+anzeigen|video\s+(?:verfügbar|available)\s+(?:bis|until).{0,30}
    )[.!…]*$""",
    re.I | re.X,
)
_LEGAL = re.compile(
    r"""all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|todos\s+los\s+derechos\s+reservados
    |tous\s+droits\s+réservés|copyrighted\s+property|written\s+permission\s+must\s+be\s+obtained
    |may\s+not\s+be\s+(?:published|reproduced),?\s+broadcast|materiał\s+chroniony\s+prawem
    |^©|^\(c\)\s|^copyright\s+(?:©\s*)?\d{4}|\btrust\s+principles\b""",
    re.I | re.X,
)
_LABEL_LINE = re.compile(
    r"^(?:tags?|categor(?:y|ies)|kategorie|filed\s+under|topics|themen|schlagw(?:orte|örter)"
    r"|etiquetas|temas|mots[-\s]clés|tagi)\s*:.{0,200}$"
    r"|^(?:tags?|categories|kategorien|themen|temas|etiquetas|schlagworte|schlagwörter|topics)$",
    re.I,
)
_COMMENT_CHROME = re.compile(
    r"^(?:\d+\s+)?(?:comments?|kommentare?|comentarios?|commentaires?|komentarze?)(?:\s*\(\d+\))?$"
    r"|^(?:view|show|load|leave|post|add|write)\s+(?:a\s+|the\s+)?(?:\d+\s+)?comments?$"
    r"|^keine\s+kommentare$|^join\s+the\s+(?:conversation|discussion)$|^kommentare\s+insgesamt:?.*$",
    re.I,
)

_SHARE_LINE = re.compile(
    r"^(?:share|teilen|compartir|partager|condividi|udostępnij)(?:\s+[\w'’-]+){0,4}\s*:?$", re.I
)
_DOWNLOAD = re.compile(
    r"(?<![A-Za-z])(?:PDF|DOCX?|XLSX?|PPTX?|ZIP)\s*[|,(–-]?\s*\d+(?:[.,]\d+)?\s*[KMG]i?B\b", re.I
)
# _DOWNLOAD needs a size unit ("2.4 MB", "340 KiB"), lowercased here; its case-blind "i"
# also matches the dotted and dotless Turkish i, so non-ASCII lines always go to the regex.
_SIZE_UNITS = ("kb", "mb", "gb", "kib", "mib", "gib")
_SOURCE_NOTE = re.compile(r"^(?:quelle|source|sources|fuente|źródło|fonte|bron)\s*:\s*\S", re.I)
_TRAILING_PAREN = re.compile(r"\s*\([^()]{0,120}\)\s*$")

# ---------------------------------------------------------------- dates and times on their own
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zä]*\.?"
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio"
    r"|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_DATE_LINE = re.compile(
    rf"""^(?:(?:updated|published|posted|last\s+(?:modified|updated)|release\s+date|date|datum
    |stand|aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|letzte\s+änderung
    |publicado|actualizado|publié\s+le|mis\s+à\s+jour)\s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?
    (?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTH})(?:\s+(?:de\s+)?\d{{4}})?
    |(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)?
    \s*(?:,|um|at|à|-|–|\|)?\s*(?:\d{{1,2}}[:.h]\d{{2}}(?:\s*(?:am|pm|uhr|h))?(?:\s*[A-Z]{{2,4}})?)?[.\s]*$""",
    re.I | re.X,
)
_DATE_LABEL_ONLY = re.compile(
    r"^(?:updated|published|posted|last\s+(?:modified|updated)|release\s+date|aktualisiert\s+am"
    r"|veröffentlicht(?:\s+am)?|veröffentlichung|letzte\s+änderung|stand)\s*:?$",
    re.I,
)

# ---------------------------------------------------------------- photo credits and captions
_AGENCY = re.compile(
    r"""\b(?:getty\s*images|afp|reuters|ap\s+photo|associated\s+press|dpa|epa(?:-efe)?|efe
    |shutterstock|istock(?:photo)?|imago(?:\s+images)?|alamy|picture[\s-]alliance|keystone|bloomberg
    |pa\s+(?:images|wire|media)|anp|ansa|bestimage|xinhua|anadolu|sipa|nurphoto|zuma(?:\s+press)?
    |sopa\s+images|wireimage|filmmagic|unsplash|pexels|pixabay|flickr|wikimedia(?:\s+commons)?
    |pap|ddp|kna|epd|apa|tass|ria\s+novosti|afp/getty|ap|upi|nasa|courtesy)\b""",
    re.I | re.X,
)
_CREDIT_PREFIX = re.compile(
    r"""^\(?(?:photo(?:graph)?s?|pictures?|images?|image\s+credit|photo\s+credit|credits?|crédits?(?:\s+photos?)?
    |foto(?:s|grafie)?|bild(?:er|quelle)?|quelle\s*/\s*foto|titelbild|beitragsbild|illustration|video
    |fotografía|imagen|zdjęcie|fot\.)\s*(?::|by\b|/|©)""",
    re.I | re.X,
)
_CREDIT_PAREN = re.compile(r"^\((?:[^()]{0,60}/)?[^()]{0,60}\)$")
_CREDIT_SIGNOFF = re.compile(r"^[\w.\-]{1,12}\s*/\s*[\w.\-]{2,12}$")
_CAPTION_START = re.compile(
    r"^(?:file\s*(?:photo)?\s*[-:–—]|file\s+photo\b|pictured\s*:|above\s*:|top\s*:|left\s*:|right\s*:"
    r"|in\s+this\s+(?:file\s+)?(?:photo|image|picture)\b|this\s+(?:photo|image|picture)\s+(?:shows|taken)"
    r"|a\s+(?:handout\s+)?(?:photo|picture|image)\s+(?:shows|taken)|image\s+(?:caption|copyright)\b"
    r"|caption\s*:|bildunterschrift\s*:|pie\s+de\s+foto\s*:)",
    re.I,
)
_WIRE_CAPTION = re.compile(
    rf"""^[A-Z"“].{{10,300}}?\b(?:speaks?|looks?\s+on|attends?|arrives?|gestures?|walks?|poses?
    |listens?|waves?|reacts?|holds?|is\s+seen|are\s+seen|delivers?|departs?|talks?|smiles?|leaves?
    |stands?|sits?|greets?|shakes\s+hands|addresses|testifies|points|celebrates?)\b
    .{{0,200}}\b(?:on\s+)?(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}\b.{{0,80}}$""",
    re.X,
)
# Every wire caption ends with a date: no four digits in a row, no wire caption.
_HAS_YEAR = re.compile(r"\d{4}")
_QUOTES = '"“”„«»'
# A sentence end followed by a new sentence, not an initial like "U.S. Secretary".
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped as clutter, with the rule that dropped it."""

    line: str
    reason: str


def normalise_line(line: str) -> str:
    """Whitespace runs to one space, ends trimmed (``str.split`` and ``\\s`` agree on what
    whitespace is; splitting is several times cheaper than a regex substitution)."""
    return " ".join(line.split())


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _words(line: str) -> int:
    """Words, counting two CJK characters as one (those scripts do not separate words)."""
    if line.isascii():  # a flag on the string: no scan
        return len(line.split())
    return len(line.split()) + len(_CJK.findall(line)) // 2


def _is_share_bar(line: str) -> bool:
    lowered = line.lower()
    if not any(map(lowered.__contains__, _SHARE_CORE)):  # a core word is a token: cheap test
        return False
    tokens = re.findall(r"[\w@.-]+", lowered)
    if not tokens or len(tokens) > 14:
        return False
    if not any(t in _SHARE_CORE for t in tokens):
        return False
    return all(t in _SHARE_WORDS or t.isdigit() for t in tokens)


def _names_agency(line: str) -> bool:
    tokens = re.findall(r"[a-z]+", line.lower())
    return not _AGENCY_TOKENS.isdisjoint(tokens) and _AGENCY.search(line) is not None


_CONNECTORS = frozenset(
    "photo photos foto fotos bild of de der del la le the and & via for von und y".split()  # noqa: SIM905
)
_MEDIA_WORDS = frozenset(
    """press service news agency photo photos images pictures times post courier herald tribune
    journal gazette ledger daily media wire television tv radio network photography""".split()  # noqa: SIM905
)


def _name_words(part: str) -> bool:
    """Words that only name (capitalised, or a connector such as "of" or "photo")."""
    words = part.split()
    return bool(words) and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)


def _names_only_credit(line: str) -> bool:
    """ "Harborline / Kasia Lund", "Tamsin Orrick | Meridian Press Service": names separated
    by a bar or a slash, the shape of a credit even when the agency is unknown to us."""
    if line.endswith((".", "!", "?", ":", ",")) or ":" in line or "\\" in line:
        return False
    parts = [p for p in re.split(r"\s*[|/]\s*", line) if p]
    # One part must be a person's full name: "Annahmen / Erklärungen" (German nouns are
    # capitalised) or "Iran / Iraq" are headings, not credits.
    return (
        2 <= len(parts) <= 3
        and _words(line) <= 10
        and all(len(p.split()) <= 5 and _name_words(p) for p in parts)
        and any(len(p.split()) >= 2 for p in parts)
    )


def _media_name(line: str) -> bool:
    """A bare outlet or agency name ("Meridian Press Service") on its own line."""
    words = line.split()
    return (
        1 <= len(words) <= 5
        and not line.endswith((".", "!", "?", ":", ","))
        and _name_words(line)
        and any(w.lower() in _MEDIA_WORDS for w in words)
    )


def is_agency_credit(line: str) -> bool:
    """A credit naming people and agencies ("Drew Angerer | Getty Images", "(AP Photo/X)").

    Unlike a labelled credit ("Image credit: apple.com"), which often sits alone under a
    chart in the middle of the text, this form closes a caption: the line before it is the
    caption.
    """
    stripped = normalise_line(line)
    if _CREDIT_PREFIX.match(stripped):
        return False
    if _names_only_credit(stripped):
        return True
    if not _names_agency(stripped):
        return False
    return ("|" in stripped or _CREDIT_PAREN.match(stripped) is not None) and _words(stripped) <= 12


def is_credit(line: str) -> bool:
    """A photo credit: "Drew Angerer | Getty Images", "(AP Photo/Evan Vucci)", "Foto: dpa"."""
    return _is_credit(line, _words(line))


def _is_credit(line: str, words: int) -> bool:
    if line.lstrip().startswith("|"):
        return False  # a table row ("| 65 g | Butter |"), not a credit
    if words == 0 or words > 16:
        return False
    if _CREDIT_PREFIX.match(line) and words <= 14:
        return True
    stripped = line.strip()
    if _names_only_credit(stripped) or _media_name(stripped):
        return True
    if not _names_agency(stripped):
        return False
    if _CREDIT_SIGNOFF.match(stripped):
        return True
    if _CREDIT_PAREN.match(stripped):
        return True
    # Names and agencies separated by | or /, without the shape of a sentence.
    separated = "|" in stripped or "/" in stripped or "©" in stripped
    sentence = stripped.endswith((".", "!", "?", "”", '"')) and words > 5
    if separated:
        return not sentence
    # "Getty Images", "Reuters", "AFP Drew Angerer": names only, no lowercase verbs.
    others = [w for w in _AGENCY.sub(" ", stripped).split() if w.isalpha()]
    return words <= 4 and all(w[0].isupper() for w in others)


def _is_caption(line: str, words: int) -> bool:
    if words > 60 or any(map(line.__contains__, _QUOTES)):
        return False
    return bool(
        _CAPTION_START.match(line) or (_HAS_YEAR.search(line) and _WIRE_CAPTION.match(line))
    )


def _metadata_line(text: str) -> bool:
    """ "January 13, 2020 at 08:45 AM | categories: Python | View Comments": short fields
    separated by bars, one of them a date or a comments link."""
    fields = [f.strip() for f in text.split("|") if f.strip()]
    if len(fields) < 2 or any(_words(f) > 6 for f in fields):
        return False
    return any(
        (_DATE_LINE.match(f) and any(c.isdigit() for c in f)) or _COMMENT_CHROME.match(f)
        for f in fields
    )


def classify_line(line: str) -> str | None:
    """The clutter kind of one line taken alone, or None when it may be article text."""
    # Table cells arrive as "| Weitere Artikel zum Thema |": judge what is between the bars.
    raw = normalise_line(line)
    text = raw.strip("| ")
    if not text:
        return None
    words = _words(text)
    if words > _LONGEST_CLUTTER_WORDS:
        return None  # every rule below is bounded: long paragraphs are text
    if _AD_LINE.match(text):
        return "advertising"
    lowered = text.lower()
    if (
        words <= _PROMPT_MAX_WORDS
        and any(map(lowered.__contains__, _PROMPT_HINTS))  # no Python frame per hint
        and (match := _PROMPT.search(text))
    ):
        # A sentence that merely mentions a newsletter, or quotes someone, is reporting.
        quoted = sum(text.count(q) for q in _QUOTES) >= 2
        if not quoted and (words <= 6 or match.start() == 0 or _ADDRESSES_READER.search(text)):
            return "subscribe prompt"
    if (
        words <= _RELATED_MAX_WORDS
        and _RELATED_START.match(text)
        and (_RELATED_HEADER.match(text) or _RELATED_LINE.match(text) or _RELATED_INTRO.match(text))
    ):
        return "related link"
    if _is_share_bar(text) or (words <= 5 and _SHARE_LINE.match(text)):
        return "share bar"
    if words <= 40 and any(map(lowered.__contains__, _LEGAL_HINTS)) and _LEGAL.search(text):
        return "copyright notice"
    if _LABEL_LINE.match(text):
        return "tags"
    if _COMMENT_CHROME.match(text) or (
        text.endswith(")") and _COMMENT_CHROME.match(_TRAILING_PAREN.sub("", text))
    ):
        return "comments link"
    if (
        words <= 25
        and (not text.isascii() or any(map(lowered.__contains__, _SIZE_UNITS)))
        and _DOWNLOAD.search(text)
    ):
        return "download link"
    if words <= 6 and _SOURCE_NOTE.match(text):
        return "source note"
    if _metadata_line(text):
        return "date line"
    if words <= 8 and (
        _DATE_LABEL_ONLY.match(text) or (_DATE_LINE.match(text) and any(c.isdigit() for c in text))
    ):
        return "date line"
    if not raw.startswith("|") and _is_credit(text, words):
        return "photo credit"
    if _is_caption(text, words):
        return "photo caption"
    return None


def _headline_like(line: str) -> bool:
    """A teaser headline in a related list: short, and not closed like a sentence."""
    text = normalise_line(line).lstrip("-•* ")
    words = _words(text)
    if words == 0 or words > 22:
        return False
    return not text.endswith((".", ":", ";")) or words <= 6


def _list_item_after_header(line: str, bullets_only: bool) -> bool:
    if bullets_only:
        return line.lstrip().startswith(("- ", "• ", "* ", "– ")) and _headline_like(line)
    return _headline_like(line)


_REPORTING = re.compile(
    r"\b(?:said|says|told|added|can|can['’]t|cannot|could|would|should|will|won['’]t|might|must"
    r"|I|we|you|our|my|sagte|erklärte|dijo|a\s+déclaré)\b",
    re.I,
)


def _caption_before_credit(line: str, *, strict: bool) -> bool:
    """Whether the line above a credit is its picture's caption.

    Agency credits ("Name | Getty Images") close captions reliably; a labelled credit
    ("Photo: ...") or a bare outlet name also sits under charts in the middle of a story, so
    then the line must read like a caption: one short sentence that describes a picture,
    with no reporting, modal verbs or first and second persons.
    """
    text = normalise_line(line)
    words = _words(text)
    if words == 0 or words > (30 if strict else 50) or any(map(text.__contains__, _QUOTES)):
        return False
    if text.startswith("|"):
        return False  # a table row
    # Captions are one or two sentences; a paragraph before a credit is not a caption.
    sentences = len(_SENTENCE_BREAK.findall(text)) + 1
    if sentences > (1 if strict else 2) and not _WIRE_CAPTION.match(text):
        return False
    if strict and _REPORTING.search(text):
        return False
    # A dateline ("WASHINGTON — ...") opens the story; it is not a caption.
    return not re.match(r"^[A-Z][A-Z .,'-]{2,40}\s*[—–-]\s", text)


def filter_lines(lines: Sequence[str]) -> tuple[list[str], list[Removed]]:
    """Split lines into kept text and removed clutter (in order), using neighbour context."""
    kinds: list[str | None] = [classify_line(line) for line in lines]
    n = len(lines)
    for i, kind in enumerate(kinds):
        if kind != "photo credit":
            continue
        # The caption sits just before its credit (blank lines between are allowed).
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        strict = not is_agency_credit(lines[i])
        if j >= 0 and kinds[j] is None and _caption_before_credit(lines[j], strict=strict):
            kinds[j] = "photo caption"
    i = 0
    while i < n:
        header = normalise_line(lines[i]) if kinds[i] == "related link" else ""
        if header and (_RELATED_HEADER.match(header) or _RELATED_INTRO.match(header)):
            # A "Related" header takes the teaser headlines under it along; an introducing
            # sentence ("Read also these stories:") takes only its bullet items.
            bullets_only = not _RELATED_HEADER.match(header)
            j = i + 1
            while j < n and (
                not lines[j].strip()
                or (kinds[j] is None and _list_item_after_header(lines[j], bullets_only))
            ):
                if lines[j].strip():
                    kinds[j] = "related link"
                j += 1
            i = j
            continue
        i += 1
    kept: list[str] = []
    removed: list[Removed] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removed(normalise_line(line), kind))
    return kept, removed
