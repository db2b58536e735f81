"""Line rules of news clutter: what each removes, and the article text each must leave alone."""

from __future__ import annotations

import pytest

from storywatch.extract.clutter import classify_line, filter_lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Get real time updates directly on you device, subscribe now.", "subscribe prompt"),
        ("Sign up for our morning newsletter", "subscribe prompt"),
        ("Never miss a story: download our app for iOS and Android today.", "subscribe prompt"),
        ("Follow us on Twitter and Instagram @LakesideCourier", "subscribe prompt"),
        ("Jetzt abonnieren und weiterlesen!", "subscribe prompt"),
        ("Suscríbete a nuestro boletín", "subscribe prompt"),
        ("To view the full story, please subscribe to The Lakeside Courier.", "subscribe prompt"),
        ("READ MORE: Council approves budget for new cycle lanes", "related link"),
        ("Lesen Sie auch: Neue Radwege in der Innenstadt", "related link"),
        ("Lea también: Cierran el puente por reparaciones", "related link"),
        ("À lire aussi : le pont fermé pour six semaines", "related link"),
        ("Related stories", "related link"),
        ("Share on Facebook Twitter LinkedIn Email", "share bar"),
        ("Teilen", "share bar"),
        ("Advertisement", "advertising"),
        ("Story continues below advertisement", "advertising"),
        ("© 2024 The Lakeside Courier. All rights reserved.", "copyright notice"),
        ("Tags: bridge, council, transport", "tags"),
        ("12 comments", "comments link"),
        ("Updated: 12.02.2024, 10:42", "date line"),
        ("3:59 PM", "date line"),
        ("Drew Angerer | Getty Images News | Getty Images", "photo credit"),
        ("(AP Photo/Evan Vucci)", "photo credit"),
        ("Foto: dpa", "photo credit"),
        ("Image credit: apple.com", "photo credit"),
        ("AFP / MARCO BERTORELLO", "photo credit"),
        ("Getty Images", "photo credit"),
        (
            "President Jane Doe speaks during a news conference at the White House on "
            "January 7, 2020 in Washington, DC.",
            "photo caption",
        ),
        ("FILE - A ferry leaves the north quay in Lakeside, March 3, 2023.", "photo caption"),
    ],
)
def test_clutter_kinds(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Monday that the talks had stalled over the release of prisoners.",
        "The newsletter, founded in 1998, reported the merger first.",
        "Users who subscribe to the service will pay ten euros a month, the company said.",
        "\u201cSubscribe to nothing you cannot read,\u201d the minister told reporters.",
        "The BBC responds",
        "Esper told reporters on Monday that the letter was a draft.",
        "Related to the case, police arrested two men on Sunday in Rotterdam after a chase.",
        "Category 5 hurricanes are the strongest, the weather service said.",
        "The death toll rose to 14, officials said.",
        "Watching the ferries leave was, for many, the last normal thing they did that year.",
        "WASHINGTON \u2014 The State Department said in a statement Friday that it would not talk.",
        "然后是责任的问题。我们不允许汽车司机或飞机飞行员喝醉后驾驶，所以并不奇怪同样的规则适用于国际空间站上的宇航员。",
    ],
)
def test_article_text_is_not_clutter(line: str) -> None:
    assert classify_line(line) is None


def test_caption_is_recognised_by_the_credit_under_it() -> None:
    lines = [
        "Harbour bridge to close for repairs",
        "The bridge seen from the north quay on Monday morning",
        "Jan Vries | Reuters",
        "Engineers found that several cables had lost a fifth of their strength.",
    ]
    kept, removed = filter_lines(lines)
    assert kept == [lines[0], lines[3]]
    assert [(r.line, r.reason) for r in removed] == [
        (lines[1], "photo caption"),
        (lines[2], "photo credit"),
    ]


def test_paragraph_before_a_labelled_credit_stays() -> None:
    # A paragraph followed by "Image credit: ..." is text; only agency-style credits close
    # a caption.
    lines = [
        "The latest phone is not what you would expect: it looks like an older model but is "
        "a major upgrade on it.",
        "Image credit: apple.com",
    ]
    kept, removed = filter_lines(lines)
    assert kept == [lines[0]]
    assert [r.reason for r in removed] == ["photo credit"]


def test_related_header_takes_its_list_of_headlines() -> None:
    lines = [
        "The council expects the bridge to reopen in April.",
        "NOTAS RELACIONADAS",
        "Ferry timetable changes for spring",
        "Council election: who is standing",
        "Buses will be diverted over the old town bridge, adding fifteen minutes to journeys.",
    ]
    kept, removed = filter_lines(lines)
    assert kept == [lines[0], lines[4]]
    assert [r.line for r in removed] == lines[1:4]
    assert {r.reason for r in removed} == {"related link"}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Schon gelesen?", "related link"),
        ("Lesen Sie auch die folgenden Beiträge:", "related link"),
        ("| Weitere Artikel zum Thema |", "related link"),
        ("Teilen Sie dies mit:", "share bar"),
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", "comments link"),
        ("January 13, 2020 at 08:45 AM | categories: Python | View Comments", "date line"),
        ("Aktualisiert am 17.01.2021.", "date line"),
        ("Quelle: Landesregierung Hessen", "source note"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "copyright notice"),
        (
            "If you enjoyed reading this post, would you consider supporting our work?",
            "subscribe prompt",
        ),
        ("You are not logged in.", "subscribe prompt"),
        ("Kategorien", "tags"),
        ("Jahresbericht 2021 (PDF, 2,4 MB)", "download link"),
    ],
)
def test_more_clutter_kinds(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Lea el comunicado completo:",
        "Watch the full interview:",
        "The minister said: we will share the costs.",
        "Source: the ministry said it would review the plan next week after the vote.",
        "The 40-page report (PDF) was published on Monday by the auditors of the port.",
    ],
)
def test_introductions_and_sentences_stay(line: str) -> None:
    assert classify_line(line) is None


def test_an_introduction_takes_only_bullets_along() -> None:
    lines = [
        "Lesen Sie auch die folgenden Beiträge:",
        "- Neue Radwege in der Innenstadt",
        "- Fähre fährt wieder",
        "Der Stadtrat will am Donnerstag über die Sanierung der Brücke abstimmen",
    ]
    kept, removed = filter_lines(lines)
    assert kept == [lines[3]]
    assert [r.line for r in removed] == lines[:3]


@pytest.mark.parametrize(
    "line",
    [
        "Harborline / Kasia Lund",
        "Ledger photo / Ivo Dask",
        "Tamsin Orrick | Meridian Press Service",
        "Meridian Press Service",
    ],
)
def test_credits_of_agencies_we_do_not_know(line: str) -> None:
    assert classify_line(line) == "photo credit"


@pytest.mark.parametrize(
    "line",
    [
        "Iran / Iraq",
        "Annahmen / Erklärungen",
        "26899 Rhede / Ems",
        "| 65 g | Margarine oder Butter |",
    ],
)
def test_headings_addresses_and_table_rows_are_not_credits(line: str) -> None:
    assert classify_line(line) is None


def test_caption_above_a_labelled_credit_must_read_like_a_caption() -> None:
    caption = "Smoke rises from the container ship at Pier 9 in Velmora early on Sunday."
    paragraph = "The same can't be said of gas-fired furnaces, which look locked in for now."
    kept, removed = filter_lines(["Title", caption, "Photo: Tamsin Orrick / Meridian Press"])
    assert kept == ["Title"]
    assert [r.reason for r in removed] == ["photo caption", "photo credit"]
    kept, removed = filter_lines(["Title", paragraph, "(Credit: Clayton Aldern / Grist)"])
    assert kept == ["Title", paragraph]
