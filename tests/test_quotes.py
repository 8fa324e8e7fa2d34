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
])
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_short_scare_quotes_are_not_quotes():
    assert speakers('The so-called "peace plan" was rejected.') == []
