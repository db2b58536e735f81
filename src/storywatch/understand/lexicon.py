"""Word lists the understanding rules lean on: cue verbs, titles, pronouns, organisation words.

These are facts about English news writing, kept as plain frozensets so every rule reads them
in O(1) and a reviewer can see exactly what the extractor knows. They were grown by reading
errors on the PolNeAR *train* split, never the dev split we report on. The title words
live in :mod:`~storywatch.understand.title_words`, re-exported here under the same names.
"""

from __future__ import annotations

import re

from storywatch.understand import title_words as _titles


def words_of(text: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable in the source."""
    return frozenset(text.split())


_words = words_of


# Reporting verbs by lemma; every inflection we accept is listed so lookups stay a set hit.
_CUE_LEMMAS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "add": ("add", "adds", "added", "adding"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "note": ("note", "notes", "noted", "noting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "grouse": ("grouse", "grouses", "groused", "grousing"),
    "chide": ("chide", "chides", "chided", "chiding"),
    "implore": ("implore", "implores", "implored", "imploring"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "state": ("states", "stated", "stating"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "ask": ("ask", "asks", "asked", "asking"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "contend": ("contend", "contends", "contended", "contending"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "conclude": ("conclude", "concludes", "concluded", "concluding"),
    "stress": ("stresses", "stressed", "stressing"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing", "emphasised"),
    "observe": ("observe", "observes", "observed", "observing"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "report": ("report", "reports", "reported", "reporting"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("posted",),
    "joke": ("joke", "jokes", "joked", "joking"),
    "quip": ("quip", "quips", "quipped"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "charge": ("charged",),
    "counter": ("counter", "counters", "countered", "countering"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "maintain": ("maintain", "maintains", "maintained", "maintaining"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "shout": ("shout", "shouts", "shouted", "shouting"),
    "chant": ("chant", "chants", "chanted", "chanting"),
    "yell": ("yell", "yells", "yelled", "yelling"),
    "exclaim": ("exclaim", "exclaims", "exclaimed"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "agree": ("agreed", "agrees"),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "urge": ("urge", "urges", "urged", "urging"),
    "demand": ("demanded",),
    "announce_": ("proclaimed", "proclaims"),
    "mention": ("mentioned",),
    "recount": ("recounted", "recounts"),
    "describe": ("described", "describes", "describing"),
    "insinuate": ("implied", "implies"),
    "predicate": ("wondered", "wonders"),
    "posit": ("posited",),
    "reveal": ("revealed", "reveals"),
    "testify": ("testified", "testifies"),
    "allege": ("allege", "alleged", "alleges", "alleging"),
    "believe": ("believes", "believed"),
    "think": ("thinks",),
    "fear": ("fears", "feared"),
    "hope": ("hopes",),
    "read": ("reads", "read"),
    "remember": ("remembered", "remembers"),
    "point": ("points",),
    "go_on": ("went", "goes"),
    "put": ("puts",),
    "comment": ("commented", "comments"),
    "elaborate": ("elaborated",),
    "reiterate": ("reiterated", "reiterates"),
    "whisper": ("whispered",),
    "thunder": ("thundered",),
    "scoff": ("scoffed",),
    "sniff": ("sniffed",),
    "muse": ("mused", "muses"),
    "plead": ("pleaded",),
    "interject": ("interjected", "interjects", "interjecting"),
    "retort": ("retorted",),
    "snap": ("snapped",),
    "gush": ("gushed",),
    "lament": ("lamented", "laments"),
    "acknowledge_": ("conceded",),
    "indicate": ("indicated", "indicates"),
    "signal": ("signaled", "signalled"),
    "question": ("questioned",),
    "sing": ("sings", "sang"),
    "snipe": ("sniped",),
    "call": ("called", "calls", "calling"),
    "blast": ("blasted", "blasts"),
    "liken": ("likened",),
    "press": ("pressed",),
    "recount_": ("recalls",),
    "cry": ("cried",),
    "bristle": ("bristled",),
    "scold": ("scolded",),
    "mock": ("mocked", "mocks"),
    "accuse": ("accused", "accuses", "accusing"),
    "tout": ("touted", "touts"),
    "hail": ("hailed",),
    "praise": ("praised", "praises"),
    "dismiss": ("dismissed",),
    "label": ("labeled", "labelled"),
    "dub": ("dubbed",),
    "decry": ("decried",),
    "surmise": ("surmised",),
    "bark": ("barked",),
    "scream": ("screamed",),
    "answer": ("answered", "answers"),
    "thank": ("thanked",),
    "declare_": ("proclaimed",),
    "summarize": ("summarized", "summed"),
    "wrote_": ("penned",),
    "shoot_back": ("shot",),
    # Reporting verbs from general English usage, not from PolNeAR's errors.
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "affirm": ("affirms", "affirmed"),
    "brag": ("brags", "bragged", "bragging"),
    "confess": ("confesses", "confessed"),
    "disclose": ("discloses", "disclosed"),
    "grumble": ("grumbles", "grumbled"),
    "hint": ("hints", "hinted"),
    "mutter": ("mutters", "muttered"),
    "opine": ("opines", "opined"),
    "reassure": ("reassured",),
    "rebut": ("rebutted",),
    "repeat": ("repeats", "repeated"),
    "speculate": ("speculates", "speculated", "speculating"),
    "swear": ("swore", "swears"),
    "theorize": ("theorized", "theorised"),
    "concur": ("concurred",),
    "protest": ("protested",),
}

CUE_WORDS: frozenset[str] = frozenset(w for forms in _CUE_LEMMAS.values() for w in forms)
CUE_LEMMA: dict[str, str] = {w: lemma.rstrip("_") for lemma, ws in _CUE_LEMMAS.items() for w in ws}

# Cues that carry a direct quote well but are too common as ordinary verbs to start a
# paraphrase on their own ("continued to grow", "reported earnings", "described as").
WEAK_CUES: frozenset[str] = _words(
    """
    continue report ask state describe read post charge agree believe think fear hope signal
    indicate demand maintain counter note observe promise urge confirm deny reveal comment
    mention call blast liken press cry bristle scold mock accuse tout hail praise dismiss label
    dub decry sing question thank shoot_back point put go_on repeat protest
    """
)

# Verbs that attribute a quotation they govern but are too common to start a paraphrase
# ("defended his manager as a “very decent man”", "ripped Comey for acting as “the judge”").
# Grown from the Cue spans of the PolNeAR *train* split (words that head a cue in at least
# 40% of their uses there), pruned by hand of adjectives and verbs of seeming; only used when
# the content they govern holds a quotation. Verbs of the manner of speaking ("fumed",
# "sighed", "intoned") are here too: they lead in a speaker's own words, seldom a that-clause.
# So are directive verbs ("invited Russia to dig up her “missing” emails", "orders his team
# to “stand down”"): the object and its quoted infinitive are what the subject asked for.
QUOTE_CUES: frozenset[str] = (
    _words(
        """
    accuse acquiesced advocated affirm alluding apologized applauded articulated assailed
    asserted asserting attacked attributed authored balked bemoaned billed blamed blames
    blaming blast blasting bragged brushed challenged championed characterized chided chiding
    cite cited cites citing clarified coined commenting condemned condemning congratulated
    congratulating contradicted criticize criticized criticizes criticizing debated declined
    decrying deemed defended defending defends denounced denouncing derided detailing
    disclosed discuss discussed discussing disliked dismisses dismissing distanced documented
    downplayed dwelled echoed echoing emailed endorsed endorses envisioned estimates
    expressed fearing finds found focuses highlighted highlighting hinted hints hoped hoping
    imagined implying interpreted introducing invoked issued knocked lambasted lamenting
    lashed lays listed mention mentioning mocking mulling offered opined opposed ordered
    outlined outlining paints pitches pivoted pointed pointing portray portrayed portraying
    praise praising preferred presented pressing projected promotes pronounced proposed
    proposes proposing protesting pushed questioning quoted quoting railed reacted reaffirmed
    realized rebuffed rebuked recognizing recommended referenced references referencing
    referred referring refused refuses refusing regarded rejected rejecting reminded
    reminding repeated repeating requested resisted retweeted revered reveal ripped ruled
    seeks sees showed shows shrugged singled slammed slamming slams sounded sparred
    speculated supported swipes talked thanking threatened threatening touting trumpeting
    underscores unveiled uttered voiced vouched weighed wondering worried determined
    introduced dubbing labeling branded branding characterizing likening
    fumed fumes fuming ranted rants ranting groaned groans sighed sighs crowed crows intoned
    intones seethed griped gripes griping chastised chastising bellowed bellows blurted
    blurts cackled chortled chuckled chuckles croaked drawled gasped gloated gloats grunted
    hissed hollered jeered jested laughed laughs mumbled mumbles murmured murmurs purred
    rasped rejoined retorts roared shrieked snarled snarls sneered sneers snickered snorted
    sobbed sputtered squealed stammered stuttered taunted teased wailed whimpered whined
    whines yelped bemoans bemoaning scoffs scolds scolding
    invited invites inviting exhorted exhorts exhorting encouraged encourages encouraging
    instructed instructs instructing orders ordering implored imploring
    """
    )
    - CUE_WORDS
)

# Lemmas of cues that name what they report ("called the plan “a disgrace”", "dubbed him
# “Lyin' Ted”"): the quoted name is the whole of what was said, so nothing after it is.
NAMING_LEMMAS: frozenset[str] = frozenset(("call", "dub", "term", "label", "brand", "nickname"))

# The days of the week, lowercased ("told Tuesday" names a day, not a listener).
WEEKDAYS: frozenset[str] = _words("monday tuesday wednesday thursday friday saturday sunday")
# The months, lowercased, with the abbreviations wire copy uses ("Feb. 2").
MONTHS: frozenset[str] = _words(
    """
    january february march april may june july august september october november december
    jan. feb. aug. sept. oct. nov. dec.
    """
)

# Forms of "be": after one, a cue is passive ("was described as") and its subject no speaker.
BE_FORMS: frozenset[str] = _words("is are was were be been being")

# Nouns ending "-ly", which the adverb tests ("-ly" words between a subject and its verb)
# must not cut from a subject: "The victim's family said", "a close ally told".
LY_NOUNS: frozenset[str] = _words(
    """
    family families ally assembly rally supply monopoly anomaly bully elderly homily
    """
)

# Words that may sit between a subject and its cue ("has said", "also told", "later wrote").
AUXILIARIES: frozenset[str] = _words(
    """
    has have had also later then again previously once recently repeatedly further simply
    flatly quickly publicly privately would will could might may did does is was were are
    been being not never only even just still first once reportedly angrily bluntly openly
    clearly frequently often earlier famously told rhetorically derisively vehemently
    pointedly jokingly implicitly explicitly officially forcefully enthusiastically happily
    widely squarely formally fiercely both all quickly immediately now since
    """
)

PERSONAL_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "you"})

# Particles of phrasal verbs, part of the verb and not of what it governs ("shot back",
# "rattled off", "summed up", "laid out", "played down", "brushed aside", "waved away").
PHRASAL_PARTICLES = words_of("back off up out down aside away")

# Verbs by which a person or a body puts out a thing that carries its words ("Vale released
# a video that said, “…”"): the thing's words are its publisher's.
PUBLISHING_VERBS = words_of(
    """released releases issued issues posted posts published publishes sent sends aired
    airs tweeted tweets launched launches unveiled unveils releasing issuing posting
    publishing sending airing tweeting launching unveiling"""
)
MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
# A possessive that owns a noun of speech ("her remark that …") and the pronoun it resolves as.
OWNER_PRONOUNS: dict[str, str] = {"his": "he", "her": "she", "their": "they"}
# Object pronouns, for the person a preposition names ("according to him").
OBJECT_PRONOUNS: dict[str, str] = {"him": "he", "her": "she", "them": "they"}
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which"})
# Endings of an owner before its noun ("the mayor's remarks", "the governors' letter").
POSSESSIVE_ENDINGS: tuple[str, ...] = ("'s", "’s", "s'", "s’")

# Verbs of crying out whose object is the words cried ("chanted “Lock her up!”").
SHOUT_VERBS: frozenset[str] = _words(
    """
    chant chants chanted chanting shout shouts shouted shouting yell yells yelled yelling
    scream screams screamed screaming jeer jeers jeered jeering holler hollered hollering
    """
)

# Titles written before a name and what they say of its holder (:mod:`title_words`).
TITLE_WORDS: frozenset[str] = _titles.TITLE_WORDS
TITLE_HEADS: frozenset[str] = _titles.TITLE_HEADS
HONORIFICS: frozenset[str] = _titles.HONORIFICS
FEMALE_TITLES: frozenset[str] = _titles.FEMALE_TITLES
MALE_TITLES: frozenset[str] = _titles.MALE_TITLES
MASCULINE_ROLES: frozenset[str] = _titles.MASCULINE_ROLES

# Titles whose last word is no title alone ("Chief Executive Laura Feng": "Executive" is
# no head, but after "Chief" the title ends there and the name follows).
TITLE_PAIRS: frozenset[tuple[str, str]] = frozenset({("chief", "executive")})

# A capitalised word sequence with one of these words names an organisation.
ORG_WORDS: frozenset[str] = _words(
    """
    show images department ministry pentagon chiefs party committee commission council agency
    watch museum
    administration
    institute institution university college school academy foundation association union
    federation corporation corp inc co company group bank fund bureau office court congress
    senate parliament assembly legislature house army navy corps force forces guard police
    service services times post news journal tribune herald gazette press network television
    radio magazine review center centre project coalition alliance league organization
    organisation campaign board authority caucus church team club society trust inc. ltd llc
    airlines motors media reuters fbi cia nsa dnc rnc gop nato cnn msnbc nbc abc cbs fox npr
    pbs bbc ap afp isis isil hamas hezbollah taliban kremlin politico breitbart bloomberg
    twitter facebook google apple microsoft amazon nasa epa fda cdc who un u.n. eu opec imf
    irs doj dhs aclu naacp nra blaze huffington cbo gao lines hospital clinic ministries
    agencies authorities airline shipping holdings industries patriarchate diocese archdiocese
    synod centers centres labs laboratories pharmaceuticals therapeutics technologies
    biosciences
    """
)

# Words that end the name of a people or a faith, never of one person: "Mexican American",
# "South Korean", "Muslim Americans" look like names but name no one.
PEOPLES: frozenset[str] = _words(
    """
    american americans mexican mexicans korean koreans asian asians indian indians latino
    latinos latina latinas hispanic hispanics african africans european europeans muslim
    muslims christian christians jew jews jewish arab arabs chinese japanese russian
    russians iranian iranians democrats republicans
    """
)

# Conjunctions that open a subordinate clause ("… after China told the WHO …").
SUBORDINATORS: frozenset[str] = _words(
    "when while as after before because since though although if until where"
)

# Counts and shares of a group of people, as poll reports write them ("two in three", "four
# out of 10", "half of respondents", "a majority", "55 percent of voters") and as a time
# is measured ("three weeks ago"). The readers of such phrases (share_phrases,
# speakers._prepositional_source, subject_gaps, chunks) share these lists, so a word added
# for one reading of a share holds for every other.
COUNT_WORDS: frozenset[str] = _words("one two three four five six seven eight nine ten")
SHARE_NOUNS: frozenset[str] = _words(
    "half majority majorities plurality third quarter three-quarters two-thirds percent"
    " dozens hundreds thousands millions scores tens"  # "hundreds of fishermen said"
)
# Hedges before a count or a share ("about half", "nearly six in 10", "roughly two years").
COUNT_HEDGES: frozenset[str] = _words("about nearly almost roughly just only")

# Someone known by whom they stand with or against, or are kin to ("a Clinton ally",
# "Trump's biographer", "Simpson's cousins"): the name in the phrase is the other person,
# never the speaker.
RELATION_NOUNS: frozenset[str] = _words(
    """
    ally allies associate associates confidant confidante backer backers donor donors
    rival rivals biographer accuser accusers opponent opponents cousin cousins roommate
    brother brothers sister sisters nephew niece uncle aunt girlfriend boyfriend spouse
    widow grandson granddaughter fiance fiancee sibling siblings parents children
    classmate classmates colleague colleagues
    """
)

# Organisation words that are also plain words: only count when part of a longer name.
WEAK_ORG_WORDS: frozenset[str] = frozenset(
    {
        "house",
        "times",
        "post",
        "news",
        "press",
        "review",
        "force",
        "guard",
        "team",
        "who",
        "show",
        "lines",
        "shipping",
    }
)

# Capitalised words that start sentences or headlines and are never names on their own.
NOT_NAMES: frozenset[str] = _words(
    """
    alongside amid amidst among across behind beyond within toward towards upon via per onto
    besides although unless whether whereas nevertheless nonetheless furthermore moreover
    thus hence later earlier poorly sadly clearly obviously apparently finally first second
    last next asked speaking writing
    a an the and but or nor so yet for in on at by to of from with without as if when while
    after before since during because although though however meanwhile still also even then
    there here this that these those it its he she they we i you his her their our my your
    him them us me who what where why how which some many most more all any each every no
    not one two three both few several other another such only just now today yesterday
    tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec yes oh well according asked like said says mr mrs ms dr read
    get click photo image video watch update updated breaking exclusive editor note related
    advertisement subscribe sign follow share instead indeed once perhaps maybe despite
    under over about against between through into until unlike do does did is are was were
    be been have has had will would can could should must let please thank thanks dear hello
    ok okay am pm st no. nobody everybody everyone someone somebody anyone anybody nothing
    none neither never ever given longtime
    """
)

# What may follow a full name and is no name by itself ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))

# Modals that are also family names (George Will, Theresa May): before a past tense ("Will
# said", "May told"), where no modal can stand, such a word is the name.
MODAL_NAMES = frozenset(("Will", "May"))

# Generic nouns that make an anonymous or descriptive speaker ("a source", "officials").
SPEAKER_NOUNS: frozenset[str] = _words(
    """
    source sources official officials spokesman spokeswoman spokesperson spokespeople
    statement report letter memo email e-mail aide aides adviser advisers advisor advisors
    campaign person people man woman voter voters supporter supporters critics critic
    experts expert analysts analyst lawmakers lawmaker senator governor president candidate
    nominee group company firm newspaper paper board committee administration department
    ministry agency organization lawsuit complaint ad video post tweet poll survey study
    host moderator judge court officer police authorities residents resident protesters
    crowd leader leaders minister secretary mayor chairman chairwoman director reporter
    reporters democrats republicans both others many some one another member members
    insiders insider observers friend friends attorney lawyer lawyers representative
    representatives staffer staffers operative strategist strategists pollster analysis
    article editorial message release document documents filing website site account
    narrator user users speaker manager chief general team couple father mother son daughter
    wife husband worker workers teacher student students owner veteran delegate delegates
    economist economists researchers researcher scientists doctors doctor host anchor
    columnist writer author authority union hospital office council commission government
    service bureau institute carrier operator families family agencies unions city
    indictment indictments affidavit affidavits ruling
    executive employee treasurer comptroller auditor superintendent sheriff prosecutor
    commissioner councillor councillors councilor councilors councilman councilmen
    councilwoman councilwomen
    """
)

# People named by what they do or are, beyond the speaking nouns above ("the broadcaster",
# "two investigators"), read through :func:`~storywatch.understand.chunks.person_noun` in two
# narrow places only: the subject of a verb that governs a quotation
# (:func:`~storywatch.understand.broad.verb_subject`) and a person before "for"/"at" ("a
# lobbyist for the industry"). Not in ``SPEAKER_NOUNS``: several are adjectives too
# ("conservative Web sites"), and every subject test reads that set. Singular and plural are
# both written out, so no word is guessed from its ending.
PERSON_NOUNS: frozenset[str] = _words(
    """
    broadcaster broadcasters commentator commentators pundit pundits historian historians
    scholar scholars journalist journalists publisher blogger bloggers organizer organizers
    protester demonstrator demonstrators neighbor neighbors witness witnesses victim victims
    survivor survivors prosecutor prosecutors detective detectives investigator investigators
    trooper troopers physician physicians nurse nurses surgeon surgeons scientist consultant
    consultants donor donors campaigner campaigners volunteer volunteers diplomat diplomats
    negotiator negotiators sergeant soldier soldiers player players fan fans actor actress
    singer novelist poet comedian rapper priest preacher evangelist evangelicals brother
    sister boy girl observer opponent opponents rival rivals challenger incumbent populist
    conservative conservatives liberal liberals progressive progressives moderates democrat
    republican lobbyist lobbyists entrepreneur investor investors trader traders banker
    bankers activist activists professor professors lecturer correspondent correspondents
    editor editors officers commander commanders founder founders
    farmer farmers parent parents grandmother grandfather mom dad rancher ranchers
    shopper shoppers customer customers client clients patient patients tenant tenants
    landlord homeowner homeowners retiree retirees immigrant immigrants refugee refugees
    """
)

# Heads of a speaker's phrase that name a person by what they do (not by party or belief,
# which "the Wisconsin Republican" reads as the person just quoted).
PERSON_HEADS: frozenset[str] = (
    PERSON_NOUNS
    | _words(
        """
        front-runner frontrunner speechwriter contributor contributors surrogate surrogates
        co-host standard-bearer co-chair co-chairman delegate delegates operative operatives
        fundraiser bundler
        """
    )
) - _words(
    """
    conservative conservatives liberal liberals progressive progressives moderates democrat
    republican populist evangelicals
    """
)

# Things that carry someone's words, which speak through a relative clause ("an ad that
# urges voters to “…”", "letters that called him “…”", "a message that said the item was
# “gone”") where a noun phrase alone could not.
WORD_CARRIERS: frozenset[str] = _words(
    """
    ad ads letter letters message messages statement statements report reports memo memos
    email emails e-mail post posts tweet tweets video videos editorial editorials op-ed
    release releases column columns article articles filing filings lawsuit complaint
    petition resolution sign signs banner banners poster posters flier fliers mailer
    mailers commercial commercials headline note notes
    """
)

# Things worn, held or handed out that show printed words ("a sign reading “…”", "a
# campaign hat that says “…”"). Not shirts: on train the annotators left both "a shirt that
# read “…”" unmarked, as dress rather than a message.
PRINTED_THINGS: frozenset[str] = _words(
    """
    sign signs placard placards banner banners poster posters billboard billboards hat hats
    cap caps button buttons sticker stickers bottle bottles
    """
)

# Documents, polls and bodies of evidence, whose findings news copy reports as statements
# with the document as the speaker ("A new poll shows …", "The review found that …",
# :mod:`~storywatch.understand.findings`): the written things that carry words, less those
# that show a picture or a slogan rather than a finding (ads, signs, banners, mailers).
EVIDENCE_NOUNS: frozenset[str] = (
    WORD_CARRIERS
    - PRINTED_THINGS
    - _words("ad ads flier fliers mailer mailers commercial commercials headline")
) | _words(
    """
    poll polls polling survey surveys study studies review reviews audit audits analysis
    analyses investigation investigations inquiry inquiries probe probes data research
    census record records document documents figures numbers statistics stats results
    findings evidence tally tallies paper papers projection projections estimate estimates
    count counts assessment assessments evaluation evaluations examination
    """
)

# Verbs by which a document, a poll or a body of evidence reports what it found ("The poll
# shows …", "The audit concluded that …"); with any other subject they say nothing.
FINDING_VERBS: frozenset[str] = _words(
    """
    find finds found show shows showed shown conclude concludes concluded determine
    determines determined suggest suggests suggested indicate indicates indicated reveal
    reveals revealed estimate estimates estimated
    """
)

# The endings of compounds for a person ("radioman", "congresswoman", "businesspeople").
PERSON_COMPOUND = re.compile(r"[a-z]{3,}(?:man|men|woman|women|person|persons|people)$")
NOT_PERSON_COMPOUNDS = frozenset(("human", "humans", "specimen", "abdomen", "talisman", "ottoman"))

# Names that end in one of these words are companies: what "the company" (or "the firm",
# "the carrier") stands for when the article named one before.
COMPANY_ENDINGS: frozenset[str] = _words(
    """
    lines line group company co corp corporation inc ltd llc plc airlines airways holdings
    industries motors bank partners shipping logistics labs laboratories pharmaceuticals
    therapeutics technologies biosciences
    """
)

# A generic noun for an organisation ("the agency said") and the last words of the names it
# can stand for in the same article ("the agency" → "Lestrian Environment Agency").
ORG_HEADS: dict[str, frozenset[str]] = {
    **{noun: COMPANY_ENDINGS for noun in ("company", "firm", "carrier", "operator", "group")},
    **{
        noun: frozenset((noun,))
        for noun in (
            "agency",
            "board",
            "union",
            "authority",
            "ministry",
            "department",
            "office",
            "council",
            "commission",
            "committee",
            "association",
            "institute",
            "bureau",
            "foundation",
            "university",
            "service",
        )
    },
    "hospital": frozenset(("hospital", "clinic")),
}

# People who speak for an organisation of a known kind without naming it ("doctors said").
STAFF_OF: dict[str, frozenset[str]] = {
    noun: frozenset(("hospital", "clinic"))
    for noun in ("doctors", "doctor", "nurses", "surgeons", "physicians")
}

# Nouns written just before a ship's name ("the container ship Corrandel Star", "aboard the
# Hesk Meadow"): such a name is a vessel, not a person.
VESSEL_WORDS: frozenset[str] = _words(
    """
    ship vessel tanker freighter carrier ferry trawler tug tugboat boat yacht liner barge
    cruiser destroyer frigate submarine steamer schooner aboard
    """
)
