"""Quotes and their speakers, across the usual ways news attributes speech."""

from __future__ import annotations

import pytest

from factwire.extract import extract


def speakers(text: str) -> list[tuple[str, str | None]]:
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    for quote in facts["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    return [(q["text"].split()[0], names.get(q["speaker_actor_id"])) for q in facts["quotes"]]


@pytest.mark.parametrize("text, expected", [
    ('"The economy is strong," said Treasury Secretary Janet Yellen.', [("The", "Janet Yellen")]),
    ('Apple chief executive Tim Cook told reporters: "We are very excited about this product."',
     [("We", "Tim Cook")]),
    ('“This is a historic day for our country,” President Emmanuel Macron wrote on X.',
     [("This", "Emmanuel Macron")]),
    ('Angela Merkel spoke on Monday. "We will not give in to pressure," she said.',
     [("We", "Angela Merkel")]),  # a pronoun speaker is the last named person
    ('"I am not resigning," Johnson told the BBC. "I have a mandate."',
     [("I", "Johnson"), ("I", "Johnson")]),  # the next quote goes on with the same speaker
    ('According to Elon Musk, "Tesla will deliver more cars than ever this year."', [("Tesla", "Elon Musk")]),
    ('The minister warned that "the situation could deteriorate quickly if nothing is done."', [("the", None)]),
    # A short quotation that opens its sentence with its own comma is an utterance.
    ('“That’s perfect,” Boudreau said as the crowd cheered.', [("That’s", "Boudreau")]),
    # Around a split quote: both halves are the speaker's.
    ('"We will win this election," Maria Lopez said, "and we will win it by a wide margin."',
     [("We", "Maria Lopez"), ("and", "Maria Lopez")]),
    # A name inside the quote is never its speaker.
    ('Jane Doe joined the program in 2019. "ROTC taught me discipline and how to lead others," Doe said.',
     [("ROTC", "Jane Doe")]),
    # "he" is the person the sentences before were about (their subject), not the last name.
    ('Angela Merkel met Emmanuel Macron in Paris on Monday. "We will not give in to pressure," she said.',
     [("We", "Angela Merkel")]),
])
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_short_scare_quotes_are_not_quotes():
    assert speakers('The so-called "peace plan" was rejected.') == []


def speaker_texts(text: str) -> list[tuple[str, str | None]]:
    return [(q["text"].split()[0], q["speaker_text"]) for q in extract(text)["quotes"]]


def test_titles_slogans_and_signs_are_not_quotes():
    assert speakers('The band played "Born in the U.S.A." as Donald Trump took the stage.') == []
    assert speakers('Protesters carried signs reading "Stop the War Now" outside the hall.') == []
    assert speakers('Her new single, "Dancing On My Own Tonight", topped the charts.') == []
    # The same words as speech are a quote.
    assert speakers('"Stop the war now," Maria Lopez told the crowd.') == [("Stop", "Maria Lopez")]


def test_partial_quote_in_an_indirect_quote_keeps_its_speaker():
    found = speaker_texts('Senator Maria Lopez said on Tuesday that the bill was "a disaster for working '
                          'families" and vowed to fight it.')
    assert found == [("a", "Maria Lopez")]


def test_pronoun_it_is_an_organisation_and_never_a_bare_speaker():
    text = ('Apple said on Tuesday that its sales rose. "We are thrilled with the results this quarter," '
            'it said.')
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    (quote,) = facts["quotes"]
    assert names.get(quote["speaker_actor_id"]) == "Apple"


def test_a_prefix_is_not_a_speaker():
    found = speaker_texts('Jacob Zuma spoke in Durban. "I did nothing wrong, nothing at all," the ex-president said.')
    assert len(found) == 1 and found[0][1] not in ("ex", "ex-")


def test_speaker_model_is_the_trained_one():
    from factwire.extract.quotes import load_model

    model = load_model()
    assert {"say", "tell", "write", "add"} <= set(model["cues"])
    weights = model["weights"]
    # Learned, not set by hand: the subject of an attribution verb outweighs any other phrase,
    # and a phrase the attribution verb governs the quote through counts for it.
    assert weights["role=cue_subject"] > weights["role=other"]
    assert weights.get("governs", 0) > 0
    assert "PolNeAR train" in model["trained_on"]
