"""extract_article on pages we wrote: text, metadata, clutter, and pages that are not articles."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storywatch.errors import ExtractError
from storywatch.extract import SiteBoilerplate, extract_article, extract_article_bytes

FIXTURES = Path(__file__).parent / "fixtures"
URL = "https://www.lakeside-courier.example/news/2024/02/bridge-repairs?utm_source=feed"


@pytest.fixture
def cluttered() -> str:
    return (FIXTURES / "news_cluttered.html").read_text(encoding="utf-8")


def test_main_text_without_clutter(cluttered: str) -> None:
    article = extract_article(cluttered, URL)
    text = article.text
    assert text.startswith("The harbour bridge in Lakeside will close for six weeks")
    for words in (
        "lost more than a fifth of their strength",
        "said Helen Marsh",
        "a temporary ferry will run every twenty minutes",
        "said Pieter Jansen",
        "reopen in the middle of April",
    ):
        assert words in text
    for clutter in (
        "subscribe now",
        "Advertisement",
        "READ MORE",
        "newsletter",
        "Photo: Jan Vries",
        "seen from the north quay",
        "Facebook",
        "Ferry timetable changes",
        "All rights reserved",
        "Privacy",
        "Home",
    ):
        assert clutter not in text
    assert "Get real time updates directly on your device, subscribe now." in article.removed
    assert "READ MORE: Council approves budget for new cycle lanes" in article.removed
    # The figure never reaches the text; its caption and credit are reported as removed.
    assert (
        "The bridge seen from the north quay on Monday. Photo: Jan Vries / Lakeside Courier"
        in article.removed
    )
    # Paragraphs are separated by one blank line.
    assert "\n\n\n" not in text
    assert len(text.split("\n\n")) == 6


def test_metadata(cluttered: str) -> None:
    article = extract_article(cluttered, URL)
    assert article.title == "Harbour bridge to close for repairs"
    assert article.byline == "Maria Okafor, Tom Reid"
    assert article.published == datetime(2024, 2, 12, 7, 30, tzinfo=UTC)
    assert article.language == "en"
    assert (
        article.canonical_url == "https://www.lakeside-courier.example/news/2024/02/bridge-repairs"
    )
    assert article.image == "https://www.lakeside-courier.example/images/bridge.jpg"


def test_metadata_from_meta_tags_and_page_when_there_is_no_json_ld() -> None:
    page = """<html><head>
    <title>Ferry strike called off - Harbour Daily</title>
    <meta property="og:site_name" content="Harbour Daily">
    <meta name="author" content="By Anna Berg">
    <meta property="article:published_time" content="2024-03-01T18:05:00-05:00">
    <meta property="og:url" content="/2024/03/ferry">
    <meta name="twitter:image" content="https://img.example/ferry.jpg">
    </head><body><article><h1>Ferry strike called off</h1>
    <p>Ferry crews called off their strike on Friday evening after the operator agreed to
    hire twelve more deckhands and to cap shifts at ten hours, the union said.</p>
    <p>Services will run to the normal timetable from Saturday morning, the operator said in
    a statement, and tickets bought for cancelled crossings will be refunded in full.</p>
    </article></body></html>"""
    article = extract_article(page, "https://harbour-daily.example/x")
    assert article.title == "Ferry strike called off"
    assert article.byline == "Anna Berg"
    assert article.published == datetime(2024, 3, 1, 23, 5, tzinfo=UTC)
    assert article.canonical_url == "https://harbour-daily.example/2024/03/ferry"
    assert article.image == "https://img.example/ferry.jpg"
    assert article.language == "en"  # detected from the text: the page declares none


def test_date_from_the_url_when_the_page_declares_none() -> None:
    body = "".join(
        f"<p>Paragraph {n}: the harbour authority said the quay wall would be repaired in "
        "spring, and that the ferries would keep running while the divers worked.</p>"
        for n in range(3)
    )
    page = f"<html><body><article>{body}</article></body></html>"
    article = extract_article(page, "https://harbour-daily.example/2024/02/12/quay-wall")
    assert article.published == datetime(2024, 2, 12, tzinfo=UTC)


def test_language_is_detected_when_undeclared() -> None:
    body = (
        "Die Fähre zwischen den beiden Häfen fährt ab Montag wieder nach dem normalen Fahrplan, "
        "teilte der Betreiber mit. Die Gewerkschaft hatte sich mit dem Unternehmen auf mehr "
        "Personal und kürzere Schichten geeinigt, und die Fahrgäste bekommen ihr Geld zurück."
    )
    article = extract_article(
        f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    assert article.language == "de"


def test_lead_dropped_by_the_extractor_is_restored() -> None:
    lead = (
        "Wärmepumpen boomen: Der Absatz stieg im vergangenen Jahr um 42 Prozent, weil das "
        "Heizen mit Gas und Öl teuer geworden ist."
    )
    body = "".join(
        f"<p>Absatz {n}: Die Hersteller berichten von langen Lieferzeiten und vollen "
        "Auftragsbüchern, "
        "und viele Handwerksbetriebe suchen dringend Fachkräfte für die Installation.</p>"
        for n in range(4)
    )
    page = f"""<html lang="de"><head><meta name="description" content="{lead}"></head><body>
    <div class="content-header"><h1>Wärmepumpenmarkt wächst</h1>
    <div class="contentHeader__abstract teaser-text">{lead}</div></div>
    <div class="article-text">{body}</div></body></html>"""
    article = extract_article(page)
    assert article.text.startswith(lead)
    assert article.text.count(lead) == 1


def test_teaser_of_another_story_is_not_taken_for_the_lead() -> None:
    body = "".join(
        f"<p>Paragraph {n} of the ferry story, which is long enough to be the main text of the "
        "page and says who decided what and when they decided it.</p>"
        for n in range(4)
    )
    page = f"""<html><body><h1>Ferry strike called off</h1><div class="story">{body}</div>
    <div class="sidebar"><p class="teaser">Council election: who is standing in the north
    ward, and what each candidate has promised to do about the harbour.</p></div></body></html>"""
    article = extract_article(page)
    assert "Council election" not in article.text


def test_plain_text_input_is_cleaned_as_text() -> None:
    text = (
        "Ferry crews called off their strike on Friday evening, the union said.\n\n"
        "Get real time updates directly on your device, subscribe now.\n\n"
        "Services will run to the normal timetable from Saturday morning."
    )
    article = extract_article(text)
    assert article.text == (
        "Ferry crews called off their strike on Friday evening, the union said.\n\n"
        "Services will run to the normal timetable from Saturday morning."
    )
    assert article.removed == ("Get real time updates directly on your device, subscribe now.",)


def test_site_boilerplate_across_pages_of_one_site() -> None:
    model = SiteBoilerplate(min_pages=2)
    sign_off = "Harbour Daily is an independent newspaper owned by its readers."

    def page(n: int) -> str:
        paragraphs = "".join(
            f"<p>Story {n}, paragraph {k}: the harbour authority said on Monday that work on the "
            f"quay wall number {n} would take another {k + 2} weeks to finish.</p>"
            for k in range(4)
        )
        article = f"<h1>Story {n}</h1>{paragraphs}<p>{sign_off}</p>"
        return f"<html><body><article>{article}</article></body></html>"

    results = [
        extract_article(page(n), f"https://harbour-daily.example/story/{n}", boilerplate=model)
        for n in range(3)
    ]
    assert sign_off in results[0].text
    assert sign_off in results[1].text
    assert sign_off not in results[2].text
    assert sign_off in results[2].removed
    assert "quay wall number 2" in results[2].text


def test_not_an_article_is_declined_with_a_reason() -> None:
    page = (FIXTURES / "not_article.html").read_text(encoding="utf-8")
    with pytest.raises(ExtractError, match="does not look like an article"):
        extract_article(page, "https://www.lakeside-courier.example/")


def test_short_page_that_declares_an_article_is_kept() -> None:
    page = """<html><head><meta property="og:type" content="article"></head><body>
    <article><p>Breaking: the harbour bridge is closed after a collision.</p></article>
    </body></html>"""
    assert extract_article(page).text == "Breaking: the harbour bridge is closed after a collision."


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("<html><head><title>x</title></head><body></body></html>", "no article text"),
        (
            "<html><body><script>var a = 1;</script><style>p{}</style></body></html>",
            "no article text",
        ),
    ],
)
def test_pages_without_text(page: str, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason):
        extract_article(page)


def test_bytes_with_header_charset_and_meta_charset() -> None:
    body = "".join(
        f"<p>Café owner number {n} on the quay said the closure would cost «a whole season» of "
        "customers, and asked the council for help with the rent this spring.</p>"
        for n in range(3)
    )
    head = '<meta charset="windows-1252">'
    page = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    article = extract_article_bytes(page.encode("cp1252"), "https://x.example/a")
    assert (
        "Café owner number 1 on the quay said the closure would cost «a whole season»"
        in article.text
    )
    article = extract_article_bytes(
        page.replace("windows-1252", "utf-8").encode("cp1252"),
        None,
        "text/html; charset=windows-1252",
    )
    assert "«a whole season»" in article.text


def test_bytes_that_are_not_a_page() -> None:
    with pytest.raises(ExtractError, match="not an HTML page"):
        extract_article_bytes(b"\x89PNG\r\n\x1a\n....", None, "image/png")
    with pytest.raises(ExtractError, match="PNG image"):
        extract_article_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "text/html")
    with pytest.raises(ExtractError, match="PDF"):
        extract_article_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None, None)
    with pytest.raises(ExtractError, match="empty"):
        extract_article_bytes(b"", None, None)


def test_warm_up_loads_what_the_first_short_page_would() -> None:
    # A fresh interpreter: in this one an earlier test may have loaded it already.
    script = (
        "import trafilatura.external as e\n"
        "from storywatch.extract import warm_up\n"
        "assert e.JT_STOPLIST is None\n"
        "warm_up()\n"
        "assert e.JT_STOPLIST is not None\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
