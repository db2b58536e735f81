"""Quotations introduced by layout rather than a cue verb right before them: nested quote
marks, newsletter digest items credited by a label, a colon at a paragraph's end. Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute
from storywatch.understand.text import find_quotes


def _quoted(text: str) -> list[str]:
    return [" ".join(text[a:b] for a, b in q.parts) for q in find_quotes(text)]


def test_same_marks_nested_in_a_quotation_do_not_split_it() -> None:
    text = "“The port is not about “fair trade” any more. It is about tolls,” said Ana Ruiz.\n"
    assert _quoted(text) == ["The port is not about “fair trade” any more. It is about tolls,"]
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("The port is not about")


def test_curly_marks_nested_in_straight_ones_do_not_split_them() -> None:
    text = '"We never said “closed for good,” only closed," said Ana Ruiz.\n'
    assert _quoted(text) == ["We never said “closed for good,” only closed,"]


def test_an_opening_mark_glued_before_a_bracketed_credit_closes() -> None:
    text = "Ferry news - Harbour Digest: “Crossings resume on Monday.“[Harbour Post.]\n"
    assert _quoted(text) == ["Crossings resume on Monday."]


def test_a_stray_opening_mark_still_gives_way_to_the_next_one() -> None:
    text = "“The ferry left. He called it “a disgrace” and went home.\n"
    assert _quoted(text) == ["a disgrace"]


def test_digest_item_credits_the_names_after_the_dash() -> None:
    text = (
        "This is the Harbour Digest for Tuesday.\n\n"
        "TOLL RISE WAS NOT THE CAUSE - Dana Reyes and Tom Olsen: “Shipping fell because the "
        "season ended early. The tolls had nothing to do with it.” [Harbour Post.]\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("Shipping fell because")
    assert only.speaker_mention == "Dana Reyes and Tom Olsen"


def test_digest_item_credits_the_source_after_from() -> None:
    text = (
        "Why the counts moved -More from Reyes: “The second week saw far more arrivals than "
        "the first.”\n\n"
        "Not every survey agrees. From the report: “Samples with longer field periods were "
        "more accurate than the rest.”\n"
    )
    first, second = extract_statements(text)
    assert first.speaker_mention == "Reyes"
    assert second.speaker_mention == "the report"
    assert second.text.startswith("Samples with longer")


def test_a_headline_before_a_dash_is_no_speaker() -> None:
    text = "PORT TALKS - A LONG NIGHT: “Nobody slept,” said Ana Ruiz.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_colon_at_a_paragraph_end_announces_the_next_quotation() -> None:
    text = (
        "The old harbour master died on Sunday.\n\n"
        "When the news broke, Governor Ana Ruiz released the following statement:\n\n"
        "“Tom Olsen kept this port alive for forty years. We will miss him.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("Tom Olsen kept this port alive")


def test_any_verb_before_the_colon_announces_it() -> None:
    text = (
        "Dockworkers liked the plan.\n\n"
        "Local dockworker Dana Reyes echoed:\n\n"
        "“I like it because the night shifts finally end.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Dana Reyes"


def test_an_inverted_cue_before_the_colon_announces_it() -> None:
    text = "Reyes spoke after the vote.\n\nStated Reyes:\n\n“We have waited long enough.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Reyes"


def test_a_copula_or_a_dummy_it_before_the_colon_announces_nobody() -> None:
    text = (
        "The ferry was late again.\n\n"
        "Wait, it gets worse:\n\n"
        "“Passengers will be charged for the delay.”\n\n"
        "The reason the board gives is:\n\n"
        "“The engines are old and nobody will pay for new ones.”\n"
    )
    assert extract_statements(text) == []


def test_morning_email_item_credits_the_outlet_in_brackets() -> None:
    text = (
        "TOP STORIES.\n\n"
        "HARBOUR TOLLS DOUBLE OVERNIGHT “Ferry operators woke to a bill twice the size of "
        "last month’s, and nobody at the port authority would say why.” [Harbour Post.]\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "Harbour Post"
    assert only.text.startswith("Ferry operators woke")


def test_a_capitals_headline_without_a_credit_is_no_speaker() -> None:
    text = (
        "TOP STORIES.\n\n"
        "HARBOUR TOLLS DOUBLE OVERNIGHT “Ferry operators woke to a bill twice the size of "
        "last month’s, and nobody at the port authority would say why.”\n"
    )
    assert [s.speaker_mention for s in extract_statements(text)] != [
        "HARBOUR TOLLS DOUBLE OVERNIGHT"
    ]


def test_a_capitals_dateline_before_a_quotation_with_a_cue_is_no_headline() -> None:
    text = "PORT NEWS “We are open again,” said Ana Ruiz.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_cue_governed_by_by_speaks_for_the_nearest_verbs_subject() -> None:
    text = (
        "Judge Ana Ruiz took a short recess.\n\n"
        "When she came back she began by saying, “I see no reason to close the port.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text == "I see no reason to close the port."


def test_an_infinitive_cue_after_a_passive_speaks_for_its_subject() -> None:
    text = (
        "But the hearing was so calm that Mr. Tom Olsen was prompted to say, “I cannot "
        "believe how polite everyone is.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tom Olsen"


def test_an_object_between_verb_and_governed_cue_is_stepped_over() -> None:
    text = (
        "The editor I was talking to, Tom Olsen, interrupted me in mid-sentence to announce, "
        "“And there goes the last ferry.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tom Olsen"


def test_a_verb_joined_by_and_shares_the_subject_after_an_opening_clause() -> None:
    text = (
        "Asked on Monday whether he would run again, Mr. Tom Olsen shook his head and said, "
        "“Not this time.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tom Olsen"


def test_a_participle_shares_the_subject_of_the_clause_before_it() -> None:
    text = (
        "On Thursday, after weeks of silence, Ana Ruiz appeared on the evening news and "
        "endorsed the plan, saying, “This is exactly what the harbour needs.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_passive_clause_speaks_for_its_subject_not_the_agent() -> None:
    text = (
        "As the crowd began to boo, Ana Ruiz was joined on stage by Mayor Tom Olsen and "
        "joked, “You are all very kind tonight,” drawing more boos.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_quotation_right_after_a_participle_is_not_its_speaker() -> None:
    text = (
        "Later on Sunday, Ana Ruiz posted the timetable on her website, writing “Allow me to "
        "do the newspaper’s homework for it. Here is the timetable you said never existed.”\n"
    )
    [quoted] = [st for st in extract_statements(text) if st.kind == "direct"]
    assert quoted.speaker == "Ana Ruiz"
    assert quoted.text.startswith("Allow me to do")


def test_a_colon_after_an_opening_phrase_credits_the_first_verbs_subject() -> None:
    text = (
        "Ana Ruiz spent the morning at the ferry terminal.\n\n"
        "But back in the council chamber, she returned to her familiar lines: “No new tolls. "
        "No new fees. Not while I am mayor.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("No new tolls.")


def test_a_numbered_article_can_announce_its_text() -> None:
    text = (
        "The charter protects ferry crews. Article 12 affirms: “No crew member shall be "
        "dismissed for refusing an unsafe crossing.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "Article 12"


def test_a_quotation_continuing_a_speaker_keeps_where_the_speaker_was_named() -> None:
    text = (
        "In a notice this month, the harbour board said that the timetable would change.\n\n"
        "“Ferries will leave every hour. Night crossings end in March.”\n"
    )
    items = attribute(analyse(text))
    assert [it.direct for it in items] == [False, True]
    said, quoted = items
    assert quoted.speaker == said.speaker
    assert quoted.speaker_span == said.speaker_span is not None
    assert text[slice(*said.speaker_span)] == "the harbour board"


def test_a_transcript_as_follows_is_not_credited_to_the_person_it_is_about() -> None:
    text = (
        "Mayor Ana Ruiz said the ferries would run all winter.\n\n"
        "Partial transcript as follows:\n\n"
        "“HOST: Mayor Ruiz, will the night crossings end? RUIZ: Not while I am mayor.”\n"
    )
    quoted = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.speaker_mention for st in quoted] == ["Partial transcript"]


def test_any_cue_in_a_trailer_sentence_after_a_question_credits_it() -> None:
    text = (
        "''Can we keep the night ferry?'' Mr. Tom Olsen asked. ''I don't know. But we can make "
        "the board pay for it.''\n"
    )
    asked, answered = extract_statements(text)
    assert asked.text == "Can we keep the night ferry?"
    assert asked.speaker == answered.speaker == "Tom Olsen"


def test_in_someones_words_credits_the_quotation_after_it() -> None:
    text = (
        "The summit moved to the harbour because, in Reyes’ words, “it is the busiest place "
        "on the coast.”\n\n"
        "Mrs. Ruiz was, in the words of a senior adviser, “the keeper” of the old port.\n"
    )
    first, second = extract_statements(text)
    assert (first.speaker, first.cue) == ("Reyes", "in Reyes’ words")
    assert first.text == "it is the busiest place on the coast."
    assert second.speaker_mention == "a senior adviser"
    assert second.text == "“the keeper” of the old port"


def test_a_quotation_closing_an_aside_between_dashes_is_credited() -> None:
    text = (
        "For all the carping about him - at their first debate, Ana Ruiz cracked, “I am a "
        "reformer who likes to finish things” - Tom Olsen has passed more bills than anyone.\n"
    )
    quoted = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [(st.speaker, st.text) for st in quoted] == [
        ("Ana Ruiz", "I am a reformer who likes to finish things")
    ]


def test_a_nested_quotation_does_not_break_one_carried_over_paragraphs() -> None:
    text = (
        "Mayor Ana Ruiz stated:\n\n"
        '"The harbour board is not about “fair play” any more. It is about tolls.\n\n'
        '"The ferry fare is a “harbour tax,” and the board knows it. I will end it."\n'
    )
    [quote] = find_quotes(text)
    assert [text[a:b] for a, b in quote.parts] == [
        "The harbour board is not about “fair play” any more. It is about tolls.",
        "The ferry fare is a “harbour tax,” and the board knows it. I will end it.",
    ]
    [only] = [a for a in attribute(analyse(text)) if a.direct]
    assert only.speaker.name == "Ana Ruiz"
    assert text[only.parts[0][0] :].startswith("The harbour board")


def test_a_different_mark_on_the_next_paragraph_starts_a_new_quotation() -> None:
    text = (
        '"The board held a “hearing’’ that was a show. Nobody listened.\n\n'
        "“You have raised fares four times,” Ana Ruiz said.\n"
    )
    assert _quoted(text)[-1] == "You have raised fares four times,"


def test_a_pull_quote_signed_on_its_last_line_is_the_signers() -> None:
    text = (
        "Mayor Tom Vale spoke about the budget on Monday.\n\n"
        '"We are going to enter the next downturn without the consensus that we need to '
        'spend.\nDana Reyes, Harbour Policy Institute."\n\n'
        "“Cutting the harbour tolls now would be the wrong lesson.\nS.C. Rep. Ivo Brandt.”\n\n"
        "The council meets again on Friday."
    )
    statements = extract_statements(text)
    assert [(s.speaker, s.text) for s in statements] == [
        (
            "Dana Reyes",
            "We are going to enter the next downturn without the consensus that we need to spend.",
        ),
        ("Ivo Brandt", "Cutting the harbour tolls now would be the wrong lesson."),
    ]


def test_an_unsigned_quote_before_a_line_break_is_not_signed_by_the_next_line() -> None:
    # The next line is a sentence of its own, not a name with who they are.
    text = (
        "Mayor Tom Vale spoke about the budget on Monday.\n\n"
        '"We are going to enter the next downturn without the consensus we need.\n'
        'The council meets again on Friday, and the vote is expected then."\n'
    )
    assert all(s.speaker != "The council" for s in extract_statements(text))
