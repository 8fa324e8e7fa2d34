"""Citations: "according to X" named or not, "X reported", "told Reuters"."""

from __future__ import annotations

from factwire.extract import extract


def citations(text: str) -> list[tuple[str, str, str | None]]:
    facts = extract(text)
    names = {a["id"]: a["name"] for a in facts["actors"]}
    out = []
    for c in facts["citations"]:
        assert text[c["start"]:c["end"]] == c["text"]
        out.append((c["text"], c["source"], names.get(c["actor_id"])))
    return out


def test_according_to_an_unnamed_source_has_no_actor():
    found = citations("Sales fell 5% last year, according to officials.")
    assert found == [("officials", "officials", None)]
    facts = extract("Sales fell 5% last year, according to officials.")
    assert not any(a["name"].lower() == "officials" for a in facts["actors"])


def test_according_to_a_poll_by_names_who_stands_behind_it():
    found = citations("According to a poll by Gallup, 40 percent of voters approve of the plan.")
    assert [(source, actor) for _, source, actor in found] == [("Gallup", "Gallup")]


def test_according_to_a_person_with_a_title():
    found = citations("The fire started on the third floor, according to NYPD Commissioner James O'Neill.")
    assert len(found) == 1 and "James O'Neill" in found[0][0] and found[0][2] is not None


def test_unnamed_phrases_keep_their_words():
    text = ("Turnout rose, according to a campaign aide. According to federal statistics, "
            "incomes fell. According to the poll, 46 percent back her.")
    assert [c[1] for c in citations(text)] == ["a campaign aide", "federal statistics", "the poll"]


def test_reported_and_told_a_news_organisation():
    text = ('The Washington Post reported that the deal collapsed. "We are done," Smith told Reuters.')
    sources = {source for _, source, _ in citations(text)}
    assert {"Washington Post", "Reuters"} <= sources


def test_an_unnamed_reporter_is_cited_when_it_carries_a_report():
    assert citations("The talks collapsed on Friday, the newspaper reported.") == [
        ("the newspaper", "the newspaper", None)]
    assert [c[1] for c in citations("State media reported that the minister resigned.")] == ["State media"]
    # Reporting a thing is no citation of a report.
    assert citations("Police reported the crash at 9 p.m.") == []


def test_according_to_in_the_sense_of_depending_on_cites_no_one():
    assert citations("Add the sauce and adjust according to your own taste before serving.") == []
    assert citations("The test flight went according to plan on Tuesday.") == []
    assert citations("Prices are set according to size and weight.") == []
    # ...while a claim that rests on someone is still a citation, and so is a plan or a
    # schedule set off as the ground of a claim.
    assert [c[1] for c in citations("The flight was delayed, according to the airline.")] == ["the airline"]
    assert [c[1] for c in citations("According to the published schedule, she speaks on Thursday.")] == [
        "the published schedule"]


def test_an_article_in_a_publication_cites_the_publication():
    found = citations("Coffee may lower the risk, according to a study in The Lancet.")
    assert [source for _, source, _ in found] == ["The Lancet"] or [source for _, source, _ in found] == ["Lancet"]
    # "in" a place names no publisher.
    assert [c[1] for c in citations("The vote was close, according to officials in Ohio.")] == ["officials"]


def test_a_place_at_the_start_of_a_name_is_not_the_source():
    found = citations("Ten lawmakers back her, according to Nevada Current Daily.")
    assert [(source, actor) for _, source, actor in found] == [("Nevada Current Daily", "Nevada Current Daily")]


def test_telling_a_person_is_no_citation_but_telling_a_news_organisation_is():
    assert citations("Maria told Oprah Winfrey that she had been lonely for years.") == []
    found = citations("The minister told Reuters that talks would resume.")
    assert [source for _, source, _ in found] == ["Reuters"]


def test_a_name_the_tagger_took_for_a_noun_is_no_unnamed_reporter():
    found = citations("“I feel great,” Dion revealed during the show.")
    assert not any(source == "Dion" for _, source, _ in found)


def test_the_readers_own_wish_is_no_source():
    assert citations("Pour in water according to your desired sauce thickness and simmer.") == []


def test_a_couple_revealing_their_news_is_no_reporter():
    found = citations("The pair revealed in February that they were expecting another child.")
    assert found == []


def test_a_record_that_reveals_something_is_a_source():
    found = citations("The county survey revealed that most renters pay more than a third of their income.")
    assert [source for _, source, _ in found] == ["The county survey"]
    found = citations("Court records show that the firm had been fined twice before.")
    assert [source for _, source, _ in found] == ["Court records"]


def test_a_cited_name_the_alias_table_knows_as_a_thing_makes_no_actor():
    from factwire.extract import _source_actor

    rows: dict[str, dict] = {}
    assert _source_actor("S&P 500", rows) is None
    assert rows == {}
    key = _source_actor("Reuters", rows)
    assert key is not None and rows[key]["type"] == "organization"


def test_a_record_published_by_someone_cites_its_publisher():
    found = citations("Data published by OpenAI shows that the computing power has doubled.")
    assert [(source, actor) for _, source, actor in found] == [("OpenAI", "OpenAI")]
    found = citations("According to figures compiled by the World Bank, growth slowed in 2019.")
    assert [(source, actor) for _, source, actor in found] == [("World Bank", "World Bank")]
    # a record with no publisher named stays an unnamed source
    assert [source for _, source, _ in citations("The survey revealed that prices rose.")] == ["The survey"]


def test_a_norm_followed_and_a_record_wished_for_cite_no_one():
    assert citations("The photos can be used according to the license described below.") == []
    assert citations("“But I want the record to show that the judge was right,” he said.") == []
    # set off by a comma, the same words cite: "according to the rules, ..." is a norm's wording
    assert [s for _, s, _ in citations("According to the report, the judge was right.")] == ["the report"]


def test_a_source_the_tagger_cut_short_runs_to_the_end_of_its_name():
    found = citations("Doctors disagree, according to Medical News Today.")
    assert [(source, actor) for _, source, actor in found] == [("Medical News Today", "Medical News Today")]
    found = citations("Steyer has six backers, according to a count from the Charleston-based Post and Courier.")
    assert [source for _, source, _ in found] == ["Post and Courier"]
    # two names joined by "and", a weekday after a name and a poll of two sponsors stay apart
    assert [s for _, s, _ in citations("The rally drew 300 people, according to Reuters and Bloomberg.")] == ["Reuters"]
    assert [s for _, s, _ in citations("He told Reuters Monday that he would run.")] == ["Reuters"]
    assert [s for _, s, _ in citations("She leads, according to an ABC News-Washington Post poll.")] == ["ABC News"]
    # a footnote's number on the name's last word is no part of it
    found = citations("Klobuchar leads, according to Iowa Starting Line.2 Warren has the most endorsements.")
    assert [source for _, source, _ in found] == ["Iowa Starting Line"]


def test_a_law_is_a_source_but_no_actor():
    facts = extract("The fee is legal, according to the Affordable Care Act.")
    assert [(c["text"], c["named"], c["actor_id"]) for c in facts["citations"]] == [
        ("Affordable Care Act", False, None)]
    assert not any("Care Act" in a["name"] for a in facts["actors"])


def test_what_a_test_was_run_with_is_no_source_but_who_was_interviewed_is():
    found = citations("It runs well, according to new benchmarking with Watch Dogs: Legion.")
    assert [(source, actor) for _, source, actor in found] == [("new benchmarking", None)]
    found = citations("The museum is pleased, according to an interview with Le Figaro.")
    assert [source for _, source, _ in found] == ["Le Figaro"]


def test_a_headline_in_title_case_does_not_run_a_name_on():
    found = citations("Vaccine Works, According To Pfizer Scientists Who Ran Trials")
    assert [source for _, source, _ in found] == ["Pfizer"]
    found = citations("Deal Is Close, According To Reuters Sources Familiar With Talks")
    assert [source for _, source, _ in found] == ["Reuters"]


def test_a_company_reporting_a_fact_about_itself_or_its_reasons_is_no_source():
    # an object that is a fact about the subject, its opinion or its reasons: no citation
    assert citations("Pfizer reported strong sales in the third quarter.") == []
    assert citations("The Heritage Foundation published an editorial on Monday calling for reform.") == []
    assert citations("Goldman Sachs cited rising costs for the decline.") == []
    # what it reports, or a record it publishes, is cited; a news organisation is cited whatever it published
    assert [s for _, s, _ in citations("Apple reported that its sales rose by 5 percent.")] == ["Apple"]
    assert [s for _, s, _ in citations("The Guardian published an editorial on Monday calling for reform.")] \
        == ["Guardian"]


def test_told_names_a_source_only_when_the_listener_is_a_news_organisation():
    assert [s for _, s, _ in citations("Jane Smith told CNN that she would run.")] == ["CNN"]
    assert citations("Comey told the FBI that he had lied.") == []
    # a word after the name says what it is; a brand opens a section's name
    assert [s for _, s, _ in citations("She spoke in an interview with Latina magazine last year.")] == ["Latina"]
    assert [s for _, s, _ in citations("Lasry told Bloomberg Politics in May that it was fine.")] \
        == ["Bloomberg Politics"]


def test_news_organisations_by_name():
    from factwire.extract.citations import is_news_outlet

    for name in ("The Washington Post", "Sahan Journal", "KXAN", "POLITICO Playbook", "Vatican Radio", "AFP"):
        assert is_news_outlet(name), name
    for name in ("the FBI", "Heritage Foundation", "Congressional Budget Office", "Post Office", "Apple"):
        assert not is_news_outlet(name), name
