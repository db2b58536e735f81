"""What is and is not a named entity: datelines, organisation names, vessels, possessives.

Fixtures are our own sentences, written in the shape of wire copy.
"""

from __future__ import annotations

from storywatch.model import EntityKind
from storywatch.understand import extract_entities, extract_statements, summarize

WIRE = (
    "KORSVIK, Ostmark (NWS) — A crane collapsed on Tuesday at the Korsvik shipyard, "
    "injuring four workers, the police said.\n\n"
    "The four were taken to St. Elwin Hospital. None was badly hurt, it said.\n\n"
    "“We are checking every crane in the yard,” said Berit Lund, the yard's manager."
)


def test_a_dateline_and_its_wire_code_are_not_entities() -> None:
    keys = {e.key for e in extract_entities(WIRE)}
    assert not {k for k in keys if k.split(":")[1] == "korsvik" or k.endswith(":nws")}
    assert "person:berit-lund" in keys


def test_a_dateline_never_speaks() -> None:
    speakers = {s.speaker for s in extract_statements(WIRE)}
    assert "KORSVIK" not in speakers and "NWS" not in speakers


def test_the_summary_starts_after_the_dateline() -> None:
    assert not summarize(WIRE).startswith("KORSVIK")


def test_other_datelines() -> None:
    for line in ("HALBURG (Tidewire) - ", "BRENNMOOR — ", "(NWS) — ", "HALBURG, March 3 (NWS) — "):
        text = line + "Gale Ostrander, the harbour's pilot, said the channel was clear."
        names = {e.name for e in extract_entities(text)}
        assert names == {"Gale Ostrander"}, line


def test_capitals_that_are_not_a_dateline_stay() -> None:
    text = "NATO — the alliance — met on Friday. Ivo Marsh said little."
    assert "org:nato" in {e.key for e in extract_entities(text)}


def test_organisation_suffixes() -> None:
    text = (
        "The freighter was chartered from Brackwater Lines. Halden Group and the Ostmark "
        "Ferry Authority also run ships there, and the Pellan Ports Agency inspects them."
    )
    kinds = {e.name: e.kind for e in extract_entities(text)}
    assert kinds["Brackwater Lines"] is EntityKind.ORG
    assert kinds["Halden Group"] is EntityKind.ORG
    assert kinds["Ostmark Ferry Authority"] is EntityKind.ORG
    assert kinds["Pellan Ports Agency"] is EntityKind.ORG


def test_a_plural_possessive_inside_a_name() -> None:
    text = (
        "Members of the Korsvik Crane Operators’ Union and of the Ostmark Fishermen's "
        "Association met on the quay to talk about the closure of the yard. Officials from "
        "Iraq’s Defense Ministry were not there."
    )
    names = {e.name: e.kind for e in extract_entities(text)}
    assert names["Korsvik Crane Operators’ Union"] is EntityKind.ORG
    assert names["Ostmark Fishermen's Association"] is EntityKind.ORG
    assert "Defense Ministry" in names and "Iraq" in names


def test_a_saint_is_part_of_the_name() -> None:
    names = {e.name for e in extract_entities("Two were taken to St. Elwin Hospital on Monday.")}
    assert names == {"St. Elwin Hospital"}


def test_a_vessel_is_not_a_person() -> None:
    text = (
        "Smoke rose from the tanker Marit Sondre off the coast. The Marit Sondre had left "
        "Halburg on Friday.\n\n"
        "Aboard the Vessa Lind, a smaller ship, the crew watched."
    )
    assert not [e for e in extract_entities(text) if e.kind is EntityKind.PERSON]


def test_a_name_after_the_is_not_a_person() -> None:
    text = "Water was pumped onto the burning Orla Brenn for hours. Tove Aske watched."
    people = {e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON}
    assert people == {"Tove Aske"}


def test_a_place_after_said_is_not_a_speaker() -> None:
    text = (
        "The minister said Korsvik harbour would reopen on Friday.\n\n"
        "He told reporters in Brennmoor, calling the delay “regrettable.”"
    )
    people = {e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON}
    assert not people & {"Korsvik", "Brennmoor"}


def test_port_authority_at_a_sentence_start_keeps_its_first_word() -> None:
    text = "Port Authority director general Ines Varga said the port was open. The port is busy."
    orgs = {e.name for e in extract_entities(text) if e.kind is EntityKind.ORG}
    assert orgs == {"Port Authority"}


def test_nobody_is_nobody() -> None:
    text = "“Nobody told them what was in the hold,” said Anja Roe."
    assert {e.name for e in extract_entities(text)} == {"Anja Roe"}


def test_which_and_operated_by_make_an_organisation() -> None:
    text = (
        "The ferry is operated by Tallis Orme, and the dredger by Pellan Wick. Pellan Wick, "
        "which also owns the quay, said the channel would be cleared by Friday. Warren E. "
        "Hollis, which nobody expected, was there too."
    )
    kinds = {e.name: e.kind for e in extract_entities(text)}
    assert kinds["Tallis Orme"] is EntityKind.ORG
    assert kinds["Pellan Wick"] is EntityKind.ORG
    assert kinds["Warren E. Hollis"] is EntityKind.PERSON


def test_a_company_spokesman_stays_a_person() -> None:
    text = (
        "Brackwater Lines, which runs the ferry, said it was sorry. “We will refund every "
        "ticket,” said Odd Varne, the company's spokesman. He said the company would pay."
    )
    statements = extract_statements(text)
    assert statements[0].speaker_key == "org:brackwater-lines"
    assert {s.speaker for s in statements[1:]} == {"Odd Varne"}
    assert {s.speaker_key for s in statements[1:]} == {"person:odd-varne"}


HEADLINED = (
    "Embattled Varga faces the harbour board.\n\n"
    "Harbour Commissioner Ilona Varga defended the new tariffs on Monday. "
    "“We have not raised a single fee without a vote,” Varga said.\n\n"
    "Following Varga, the board's chair spoke for ten minutes. "
    "Her deputy, Marta Brandt, took notes. Interestingly Brandt stayed silent."
)


def test_a_participle_before_a_surname_is_not_a_first_name() -> None:
    # "Embattled" and "Following" are capitalised only because a line starts there; the
    # person is Ilona Varga, once, and she speaks the quote.
    names = {e.name for e in extract_entities(HEADLINED)}
    assert {"Ilona Varga", "Marta Brandt"} <= names
    assert not {n for n in names if n.startswith(("Embattled", "Following", "Interestingly"))}
    quote = next(s for s in extract_statements(HEADLINED) if s.kind == "direct")
    assert quote.speaker == "Ilona Varga"


def test_a_real_first_name_at_a_sentence_start_stays() -> None:
    # Two people with one surname: a first name shaped like a participle is still a name
    # when the article writes it elsewhere, and a known first name always is.
    text = (
        "Sterling Okafor opened the meeting. Agnes Okafor, his sister, chaired it. "
        "Later Sterling Okafor thanked the volunteers."
    )
    names = {e.name for e in extract_entities(text)}
    assert {"Sterling Okafor", "Agnes Okafor"} <= names


def test_a_watchdog_named_watch_is_one_organisation() -> None:
    # "Watch" alone is page clutter ("Watch: …"), but it ends a watchdog's name.
    text = "Harbour Rights Watch said the new quay was built without a permit."
    statement = extract_statements(text)[0]
    assert (statement.speaker, statement.speaker_key) == (
        "Harbour Rights Watch",
        "org:harbour-rights-watch",
    )
    clutter = "Watch: the mayor opens the new quay.\n\nThe quay opened on Monday."
    assert all(e.name != "Watch" for e in extract_entities(clutter))


def test_a_person_of_an_organisation_is_two_names_whatever_the_first_name() -> None:
    # "Tarquin" is in no list of first names; what follows "of" is an organisation.
    text = '"The queues were long," said Tarquin Oduya of Harbour Rights Watch.'
    names = {e.name for e in extract_entities(text)}
    assert {"Tarquin Oduya", "Harbour Rights Watch"} <= names
    assert extract_statements(text)[0].speaker == "Tarquin Oduya"
    # An organisation named "… of America" stays whole.
    assert "Gun Owners of America" in {
        e.name for e in extract_entities("Gun Owners of America said the bill was wrong.")
    }
    # A church body of a city is one name, not a person from that city.
    text = (
        "As Bishop Tavi Morran of the Coptic Patriarchate of Jerusalem told reporters, "
        "“The sale is void.”"
    )
    assert "Coptic Patriarchate of Jerusalem" in {e.name for e in extract_entities(text)}


def test_for_and_and_inside_an_organisation_name_keep_it_whole() -> None:
    text = (
        "The Velmora Centers for Harbour Safety and Prevention said the berths were "
        "“unsafe.” Mara Quill and Tavi Morran said the Corran Center for Maritime "
        "Studies agreed, according to the Corran Center for Maritime Studies."
    )
    names = {e.name for e in extract_entities(text)}
    assert "Velmora Centers for Harbour Safety and Prevention" in names
    assert "Corran Center for Maritime Studies" in names
    # "and" between two people, with no "for" before it, still ends a name.
    assert {"Mara Quill", "Tavi Morran"} <= names
    speakers = [s.speaker for s in extract_statements(text)]
    assert speakers[0] == "Velmora Centers for Harbour Safety and Prevention"


def test_a_government_body_runs_on_over_and_but_two_companies_do_not() -> None:
    text = (
        "The Corran Department of Harbours and Inland Waterways said the fee was “fair.” "
        "Bank of Velmora and Tessel Trust said they would pay it."
    )
    names = {e.name for e in extract_entities(text)}
    assert "Corran Department of Harbours and Inland Waterways" in names
    assert {"Bank of Velmora", "Tessel Trust"} <= names
    # A title word inside such a body ("Justice") makes no title of what comes before.
    names = {e.name for e in extract_entities("The Department of Justice and Harbours spoke.")}
    assert names == {"Department of Justice and Harbours"}


def test_a_title_before_a_person_of_an_organisation_keeps_them_apart() -> None:
    # "Dr." used to hide the person: the whole run became one organisation.
    text = '"The fractures were open," said Dr. Tarquin Oduya of Korsvik Harbour Medical Center.'
    names = {e.name: e.kind for e in extract_entities(text)}
    assert names.get("Tarquin Oduya") == EntityKind.PERSON
    assert names.get("Korsvik Harbour Medical Center") == EntityKind.ORG
    statement = extract_statements(text)[0]
    assert statement.speaker == "Tarquin Oduya"
    # A title alone before "of" is still one title: no person is made of it.
    assert "Prime Minister" not in {
        e.name for e in extract_entities("The Prime Minister of Ostmark spoke on Monday.")
    }


def test_where_a_speaker_is_stays_with_the_speaker() -> None:
    """ "the U.S. Embassy in Baghdad said": the phrase shown is the embassy's, not the city's."""
    text = (
        "Staff were moved on Monday.\n\n"
        "“We are watching closely,” the Ostmark Embassy in Lisbon said in a statement.\n\n"
        "Analyst Rob Enderle of Enderle Group in Lisbon said the fix was “amazing” for a week's "
        "work."
    )
    statements = extract_statements(text)
    embassy = next(s for s in statements if "watching" in s.text)
    assert embassy.speaker_mention == "the Ostmark Embassy in Lisbon"
    assert embassy.speaker != "Lisbon"
    analyst = next(s for s in statements if "amazing" in s.text)
    assert analyst.speaker == "Rob Enderle"


def test_a_family_name_written_first_joins_its_full_name() -> None:
    text = (
        "United Nations Secretary-General Ban Ki-moon spoke in Korsvik on Monday.\n\n"
        '"We cannot wait," Mr. Ban said. "Now," Ban added.\n\n'
        "Finance Minister Lou Jiwei spoke after him. “The surplus is falling,” Mr. Lou said."
    )
    speakers = [s.speaker for s in extract_statements(text)]
    assert speakers == ["Ban Ki-moon", "Ban Ki-moon", "Lou Jiwei"]
    ban = next(e for e in extract_entities(text) if e.name == "Ban Ki-moon")
    assert "United Nations Secretary-General" in ban.titles


def test_a_given_name_alone_does_not_join_a_full_name() -> None:
    # "Warren" is Elizabeth Warren's surname as often as Warren Buffett's given name, and a
    # headline's "Biden Defends Pullout" is no person "Mr. Biden" could be.
    text = 'Warren Buffett spoke on Monday.\n\n"No," Warren said.'
    assert extract_statements(text)[0].speaker == "Warren"
    text = 'Biden Defends Pullout\n\nThe president spoke.\n\n"We are done," Mr. Biden said.'
    assert extract_statements(text)[-1].speaker == "Biden"


def test_kim_jong_un_is_a_person_and_north_korean_is_no_one() -> None:
    text = (
        "North Korean leader Kim Jong Un said on Monday that the talks with the south would "
        "resume in the spring, and the UN welcomed the news."
    )
    kinds = {e.name: e.kind for e in extract_entities(text)}
    assert kinds.get("Kim Jong Un") == EntityKind.PERSON
    assert "North Korean" not in kinds
    assert kinds.get("UN") == EntityKind.ORG


def test_a_party_label_after_a_name_is_no_name() -> None:
    text = (
        "Rep. Ada Brune (D-N.Y.) took aim at Speaker Tom Vale (D-Calif.) on Saturday, calling "
        "the party's delay “a national scandal.”\n\n"
        'Sen. Ivo Brandt, R-Texas, said the plan was "a disaster."'
    )
    names = {e.name for e in extract_entities(text)}
    assert not names & {"D-N.Y", "D-Calif", "R-Texas"}
    speakers = [(s.speaker, s.speaker_mention) for s in extract_statements(text)]
    assert speakers == [
        ("Ada Brune", "Rep. Ada Brune"),  # the label is read apart from the name
        ("Ivo Brandt", "Sen. Ivo Brandt"),
    ]


def test_a_title_case_headline_makes_no_person_of_its_run_of_words() -> None:
    text = (
        "Widow Reveals Stunning Thing Vale Did For Her Family\n\n"
        "Mayor Tom Vale paid off the mortgage on her farm in 1986.\n\n"
        "“She was having a very tough time,” Vale said."
    )
    names = {e.name for e in extract_entities(text)}
    assert "Stunning Thing Vale" not in names
    assert extract_statements(text)[0].speaker == "Tom Vale"


def test_a_live_blog_clock_glued_to_a_name_is_no_part_of_it() -> None:
    text = (
        "Harbor Council Debate: Live Updates.\n\n"
        "ShareLikeReply Ann Dale 5ptsmoderatorFeaturedMarch 3, 2016 9:26PMTomas Berg "
        "Says The Cranes Must Stay.\n"
        "Councillor Tomas Berg defended the crane fleet on Thursday.\n"
        "“We will not sell a single crane,” Berg said.\n"
    )
    said = [(s.speaker, s.text) for s in extract_statements(text) if s.kind == "direct"]
    assert said == [("Tomas Berg", "We will not sell a single crane,")]
    keys = {e.key for e in extract_entities(text)}
    assert "person:tomas-berg" in keys
    assert not any("pmtomas" in k for k in keys)
