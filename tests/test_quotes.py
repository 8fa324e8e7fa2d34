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


def test_speaker_training_examples_label_the_source(tmp_path):
    """The quote-speaker step's examples (no fitting here): each phrase around a quote, true for
    the head of the annotated Source, for direct quotes and for partial quotes alike."""
    from factwire.evaluation import polnear
    from factwire.extract.actors import find_actors
    from factwire.nlp import parse
    from factwire.training.quote_speakers import annotations, examples

    text = ('Maria Lopez visited the plant in Ohio on Monday.\n'
            '“We will keep every job in this town,” Lopez told the workers.\n'
            'John Smith said the plan was “a disaster for working families” and left.\n')
    folder = tmp_path / "polnear" / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a.txt").write_text(text, encoding="utf-8")

    def span(needle, nth=0):
        at = -1
        for _ in range(nth + 1):
            at = text.index(needle, at + 1)
        return at, at + len(needle)

    lines = []
    for number, (source, cue, content) in enumerate([
            (span("Lopez", 1), span("told"), span("“We will keep every job in this town,”")),
            (span("John Smith"), span("said"), span("the plan was “a disaster for working families”"))]):
        ids = [f"T{3 * number + k}" for k in (1, 2, 3)]
        for tid, kind, (s, e) in zip(ids, ("Source", "Cue", "Content"), (source, cue, content)):
            lines.append(f"{tid}\t{kind} {s} {e}\t{text[s:e]}")
        lines.append(f"E{number + 1}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}")
    (folder / "attributions" / "a_x.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")

    gold = polnear.load_split(tmp_path / "polnear", "train")
    annotated = annotations(tmp_path)
    assert len(annotated["a"]["partial"]) == 1 and len(annotated["a"]["cues"]) == 2
    doc = next(parse([text]))
    found, mentions = find_actors(doc)
    rows = examples([(gold[0], doc, mentions, {a.id: a.as_dict() for a in found})], {"say", "tell"}, annotated)
    positives = [features for features, label in rows if label]
    assert len(positives) == 2  # Lopez for the direct quote, Smith for the partial one
    assert all("role=cue_subject" in features for features in positives)
    assert len(rows) > len(positives)  # other phrases (the workers, the plan...) are the negatives


def test_pronoun_is_not_the_object_of_the_sentence_before():
    """"he" after "X attacked Clinton" is X, never Clinton; with X no actor, "he" names none."""
    facts = extract('Trump attacked Clinton at a rally in Ohio. "She is the worst candidate in '
                    'history," he said.')
    names = {a["id"]: a["name"] for a in facts["actors"]}
    (quote,) = facts["quotes"]
    assert quote["speaker_text"] == "he"
    assert names.get(quote["speaker_actor_id"]) in (None, "Trump", "Donald Trump")


def test_a_curly_opening_mark_followed_by_a_space_opens_nothing():
    # A table of lines, each cell holding a stray opening mark before the quoted line.
    text = ("| Monday | “ | “I have to go into town today, don't work too hard,” she said. |\n"
            "Tom Hanks added: “ we will see what comes next for the whole team,” and left.")
    facts = extract(text)
    assert [q["text"] for q in facts["quotes"]] == ["I have to go into town today, don't work too hard,"]


def test_a_common_noun_speaks_only_as_the_subject_of_an_attribution_verb():
    # "the answer" is what the sentence is about ("be" is no attribution verb), "the list" an object...
    assert speaker_texts('The answer, in the end, is “the enormous weight that party polarisation '
                         'exerts on our politics.”') == [("the", None)]
    assert speaker_texts('The soup went straight onto the list of “best things I ate this year.”') \
        == [("best", None)]
    # ...where the subject of "said" does.
    assert speaker_texts('A senior official said: “We are not going to pay for this wall, not now.”') \
        == [("We", "A senior official")]


def test_a_table_cell_border_ends_the_search_for_a_speaker():
    text = ("| Season | Line |\n| Indoor Nights | “On days like this, I love to curl up with a good book.” |\n"
            "| Outdoor Days | “I am really happy on our little farm today, my friend.” |")
    assert [q["speaker_text"] for q in extract(text)["quotes"]] == [None, None]


def test_a_title_with_a_name_capitalised_inside_is_no_quote():
    # "t-SNE" is written as Title Case writes a name; the citation's title is not speech
    assert speakers('Wattenberg, Martin; Viegas, Fernanda (2016). "How to Use t-SNE Effectively". '
                    'Distill.') == []
    assert speakers('"We will use every tool we have," Maria Lopez said.') == [("We", "Maria Lopez")]


def test_the_object_of_a_preposition_is_no_speaker():
    found = speaker_texts('Tom Hale walked in. He suggests we both head to Riverwood, then for some '
                          'reason adds, "It\'s probably best if we split up."')
    assert found and found[0][1] != "some reason"


def test_a_pronoun_is_not_a_person_of_the_other_gender():
    text = ('Sarah Lane met Tom Reyes at the port on Monday. Lane spoke first. '
            '"We will not sell the ships, not this year," he said.')
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    (quote,) = facts["quotes"]
    assert names.get(quote["speaker_actor_id"]) == "Tom Reyes"


def test_first_name_genders():
    from factwire.extract.gender import agrees, name_gender
    assert name_gender("Sarah Lane") == "f" and name_gender("Mr. Lane") == "m"
    assert name_gender("Thomas") is None  # one word: a surname as often as a first name
    assert name_gender("Jordan Peele") is None  # a name borne by both
    assert not agrees("he", "Sarah Lane") and agrees("she", "Sarah Lane") and agrees("it", "Sarah Lane")


def test_a_string_in_code_is_not_a_quote():
    assert speakers('Set it in settings.py:\nUSER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.14; '
                    'rv:65.0) Gecko/20100101 Firefox/65.0"\n') == []
    assert speakers('Maria Lopez said: "We will build the bridge next year."') == [("We", "Maria Lopez")]


def speaker_rows(text: str) -> list[tuple[str, str | None, str | None]]:
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    for quote in facts["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    return [(q["text"].split()[0], q["speaker_text"], names.get(q["speaker_actor_id"])) for q in facts["quotes"]]


def test_she_after_someone_asked_her_is_the_one_asked():
    text = ("Maria Keller talked about her training for an hour. Then Briggs asked her, "
            "“Was the first marathon the hardest?” She answered, “No, the second one broke me completely.”")
    assert speaker_rows(text)[-1] == ("No,", "She", "Maria Keller")


def test_the_agent_of_a_passive_is_who_a_pronoun_goes_back_to():
    text = ("Nutritionist Paula Grant recommends a daily walk. Too much iron can harm, as noted by "
            "registered dietitian Ellen Marsh. \"Iron builds up in the liver when you take it for years,\" "
            "she told the magazine.")
    assert speaker_rows(text) == [("Iron", "she", "Ellen Marsh")]


def test_a_question_the_article_asks_names_no_speaker_of_the_answer():
    text = ("What does teamwork mean to you in your current role?\n"
            "“Teamwork is about helping the people around you do their best work every day.”")
    assert speaker_rows(text) == [("Teamwork", None, None)]


def test_the_subject_of_a_passive_is_no_speaker():
    text = ("Under the new law, penalties can be imposed for “knowingly giving false details to a "
            "contact tracer on the phone, making abuse of the system illegal.”")
    assert [speaker for _, speaker, _ in speaker_rows(text)] == [None]


def test_the_title_of_a_work_one_saw_is_no_quote():
    text = "After watching “a river runs under the city” at the gallery, Nora Blake is top of my list."
    assert speaker_rows(text) == []


def test_a_speech_over_paragraphs_with_mixed_marks_keeps_its_speaker():
    text = ("Finance Minister Paul Okafor spoke on the radio on Monday.\n"
            "He said: \"We asked them what we should tell the workers. They said that was for us.”\n"
            "\"I think the last few days were not good for anyone in the country.\n"
            "\"So we decided this was not the right way to do things at all.\"\n"
            "Reaction")
    rows = speaker_rows(text)
    # the middle paragraph, never closed, is no quote of its own; the speech goes on past it
    assert [first for first, _, _ in rows] == ["We", "So"]
    assert {actor for _, _, actor in rows} == {"Paul Okafor"}


def test_a_common_noun_speaks_only_through_a_verb_of_saying():
    text = ("Most shoppers rarely read the terms. Those companies would not pay much for “a customer "
            "chose brand A over brand B in the store.”")
    assert [speaker for _, speaker, _ in speaker_rows(text)] == [None]
    text = "“The company placed itself in the chain of distribution,” explained the court in its ruling."
    assert [speaker for _, speaker, _ in speaker_rows(text)] == ["the court"]


def test_i_outside_the_quotation_is_the_writer_not_a_person_named_before():
    text = ("Helen Park waved from the porch and smiled at the dog.\n"
            "“Are you the new neighbour from the corner house?” I asked.")
    assert speaker_rows(text) == [("Are", "I", None)]


def test_a_title_keeps_the_comma_american_punctuation_puts_inside_its_marks():
    text = ("On Monday’s episode of “The Late Breakfast Hour,” the senator said the bill would pass. "
            "Readers liked the column “Where Have All The Farmers Gone?” in the weekend edition.")
    assert speaker_rows(text) == []


def test_one_heard_saying_something_is_its_speaker_though_the_verb_is_passive():
    text = ("A camera shows a man walking into the shop at noon.\n"
            "\"My brother is waiting outside in the car,\" the man could be heard saying.")
    assert [speaker for _, speaker, _ in speaker_rows(text)] == ["the man"]


def test_she_goes_back_to_the_source_of_according_to():
    text = ("Iron matters for athletes, as noted by dietitian Paula Grant. Zinc helps as well, "
            "according to Dr. Ruth Amadi. \"It also shortens a cold by a day or two,\" she continued.")
    assert speaker_rows(text) == [("It", "she", "Ruth Amadi")]


def test_a_speakers_words_begin_at_the_article_that_opens_them():
    text = ("Share Facebook Twitter Email A senior prison guard has said in a statement that "
            "“anyone with enough determination could walk out of there”.")
    assert [speaker for _, speaker, _ in speaker_rows(text)] == ["A senior prison guard"]


def test_someone_unnamed_speaks_in_the_articles_words():
    text = ("\"The plan is far too large for a quiet rural valley,\" said one resident.\n"
            "\"That is a city, not a campground for families,\" said someone at the hearing.")
    assert [speaker for _, speaker, _ in speaker_rows(text)] == ["one resident", "someone at the hearing"]


def test_a_long_title_after_titled_is_no_quote():
    text = ("The authors argue this in a paper titled “The role of small farms in keeping rivers "
            "clean across the northern plains of the continent.”")
    assert speaker_rows(text) == []


def test_according_to_in_another_sentence_is_not_the_quotes_speaker():
    found = speaker_texts("Our review crowns it the definitive “fastest GPU for gaming of this year.” It even "
                          "performs well with two cards, according to new benchmarking with several games.")
    assert found == [("fastest", None)]
    # the second half of a split quote goes on with its speaker, not the outlet that reported it
    found = speaker_texts("“I ask you not to engage in any kind of protest,” Sanders said, according to CNN. "
                          "“It’s of utmost importance you explain this to your delegations.”")
    assert found[1] == ("It’s", "Sanders")


def test_a_title_the_article_writes_gives_a_one_word_name_its_gender():
    quotes = extract("Prince Harry and Oprah Winfrey spoke on Sunday. Meghan sat beside them. Harry said he "
                     "was shocked. \"I was trapped,\" Harry said. \"I didn't know who to turn to,\" she said.")["quotes"]
    assert [(q["speaker_text"], q["speaker_actor_id"]) for q in quotes] == [("Harry", "harry"), ("she", "meghan")]


def test_a_paragraph_opened_by_a_closing_mark_and_a_dash_signature():
    quotes = extract("Readers wrote in.\n\n”Mr. Trump embodies the lasting legacy of racism. He represents our "
                     "greatest shame.” ― Sonya Herridge\n\n“Fear. I am truly afraid that he will win.” ― "
                     "Edwin G. Monroy.\n")["quotes"]
    assert [(q["text"][:9], q["speaker_text"]) for q in quotes] == [("Mr. Trump", "Sonya Herridge"),
                                                                   ("Fear. I a", "Edwin G. Monroy")]


def test_a_phrase_in_quotation_marks_nobody_said_is_a_term_not_a_quote():
    text = "But the moment when the “tip of the iceberg” pierces the water is still a mystery."
    assert speaker_rows(text) == []
    # a partial quote with its speaker in the sentence stays
    text = "Trump called the judge a “hater of Donald Trump” on Friday."
    assert [speaker for _, speaker, _ in speaker_rows(text)] == ["Trump"]


def test_a_title_in_a_reference_list_and_imagined_speech_are_no_quotes():
    text = ('Wallach, I.; Liliean, R. (2009). "The Protein-Small-Molecule Database, A Non-Redundant '
            'Structural Resource for the Analysis of Protein-Ligand Binding". Bioinformatics. 25 (5): 615.')
    assert speaker_rows(text) == []
    text = ("The video ends with the two women looking at each other as if to say, “We are going to "
            "get through this together.” Then the song ends.")
    assert speaker_rows(text) == []


def test_he_after_an_unnamed_speaker_is_that_speaker_not_a_name_further_back():
    text = ("“We will strike,” Jo Grady said. But a spokesperson for the employers’ association said "
            "its members had cut the number of such contracts. “We have worked with the unions to "
            "understand employment,” he said.")
    rows = speaker_rows(text)
    assert [(speaker, actor) for _, speaker, actor in rows] == [("Jo Grady", "Jo Grady"), ("he", None)]


def test_she_after_a_title_with_the_name_in_apposition_is_that_person():
    text = ("Kirstie Alley returned to Jenny Craig in 2014. That year the former Chief Marketing Officer "
            "for Jenny Craig, Leesa Eichberger, spoke to the website Ad Age about Alley being welcomed "
            "back. “Her humor and honesty about her weight set her apart from other spokespeople,” she said.")
    assert [actor for _, _, actor in speaker_rows(text)] == ["Leesa Eichberger"]


def test_words_quoted_as_an_example_are_not_the_subjects_unless_it_said_them():
    text = ("For the gala photos, she received comments including “Eat something please” and “Lost "
            "too much weight, looks like a skeleton.”")
    assert [(speaker, actor) for _, speaker, actor in speaker_rows(text)] == [(None, None)]
    text = "Donald Trump said things like “We will build a wall and Mexico will pay for it.”"
    assert [actor for _, _, actor in speaker_rows(text)] == ["Donald Trump"]


def test_a_work_named_after_what_was_done_with_it_is_no_quote():
    text = "She won the 1988 contest with her performance of “Ne partez pas sans moi.” Then she left."
    assert speaker_rows(text) == []


def test_a_gerunds_subject_is_not_who_the_pronoun_after_stands_for():
    text = ("Jane Holt talked to reporters about Reed being welcomed back. “We are thrilled to have "
            "such an experienced coach with us,” she said.")
    assert [actor for _, _, actor in speaker_rows(text)] == ["Jane Holt"]


@pytest.mark.parametrize("text, expected", [
    # a person described by what they do or their age is the person the story is about
    ('Taylor Swift released her new album on Friday. "This record is the most personal thing I have '
     'ever made," the singer said.', ("the singer", "Taylor Swift")),
    ('Brad Pitt arrived in Venice on Monday. "I am very happy to be back here again," said the '
     '58-year-old, who wore a suit.', ("the 58-year-old", "Brad Pitt")),
    # the noun's gender and the name's disagree: the description stays, with no actor
    ('John Smith spoke at the premiere. "It was a wonderful experience for all of us," the actress added.',
     ("the actress", None)),
    # someone unnamed introduced by the same noun is the one meant
    ('A singer from the choir spoke first. Taylor Swift came later. "It was a wonderful experience for '
     'all of us," the singer said.', ("the singer", None)),
    # a description that says it is another
    ('Tom Hanks spoke at the premiere. "It was a wonderful experience for all of us," the other actor said.',
     ("the other actor", None)),
])
def test_a_person_described_by_role_or_age(text, expected):
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    (quote,) = facts["quotes"]
    assert (quote["speaker_text"], names.get(quote["speaker_actor_id"])) == expected


def test_a_described_person_titled_with_another_trade_is_not_taken():
    def speaker(description):
        facts = extract('Quarterback Tom Brady threw three touchdowns on Sunday. "We played well as a team '
                        f'tonight," the {description} said.')
        names = {a["id"]: a["name"] for a in facts["actors"]}
        (quote,) = facts["quotes"]
        return names.get(quote["speaker_actor_id"])

    assert speaker("singer") is None
    assert speaker("veteran") == "Tom Brady"  # where one stands fits any trade


@pytest.mark.parametrize("text", [
    'Eliminating the fear of being caught outside and suddenly thinking “Oh god, did I leave the stove on?” is nice.',
    'If you’re wondering “What about JIT? Can’t it do this for me eventually?” It turns out that yes.',
    'Practice your bewildered look when you say, "Me, a princess? Shut up!"',
    'Instead of being hypnotized by the images, I wanted to ask "where did the protests come from?"',
])
def test_speech_only_imagined_is_no_quote(text):
    assert speakers(text) == []


def test_a_thought_reported_is_still_a_quote():
    found = speaker_texts('Smith was wondering: "Where did all the money go this year?" Nobody knew.')
    assert len(found) == 1


def test_he_after_a_persons_relative_is_that_relative():
    # "Hadvar's uncle" is another person than Hadvar: "he" goes on with the uncle, unnamed
    text = ('Hadvar walked home. Hadvar\'s uncle slowly reaches for his mace, turns to the bandit, and bats her '
            'into a cart. She is dead. "Take what you need my friend," he reiterates.')
    assert speakers(text) == [("Take", None)]
    # named beside it, the relative is that name
    text = ('Donald Trump spoke on Monday. Trump\'s lawyer, John Dowd, said the case was weak. '
            '"There is nothing here at all," he said.')
    assert speakers(text) == [("There", "John Dowd")]


def test_a_subject_whose_noun_says_another_gender_is_passed_over():
    text = ('Celine Dion sang on Friday. Then the star\'s brother, Daniel, lost his battle with the disease. '
            '"I have to stand tall and strong every single day," she said.')
    assert speakers(text) == [("I", "Celine Dion")]
