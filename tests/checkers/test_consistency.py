"""Consistency checker: codes and spans on the seed article and on targeted traps."""

from __future__ import annotations

import json
import pytest

from mtqa.checkers.consistency import ConsistencyChecker
from mtqa.config.settings import load_settings
from mtqa.model import Document
from tests.conftest import overlaps, run_mtqa


@pytest.fixture(scope="module")
def checker():
    return ConsistencyChecker(load_settings())


def run(checker, text: str, **settings) -> list:
    if settings:
        checker = ConsistencyChecker(load_settings(overrides=settings))
    return list(checker.check(Document(id="t", path="t", text=text)))


def spans(findings, rule: str) -> list[str]:
    return [f.text for f in findings if f.rule == rule]


def test_seed_article_must_items_flagged(checker, seed_article, seed_expected):
    text = seed_article.read_text(encoding="utf-8")
    findings = list(checker.check(Document(id="seed", path="seed", text=text)))
    wanted = {
        "myself": "MTQA-CONS-002",
        "She": "MTQA-CONS-001",
        "she": "MTQA-CONS-001",
        "Kraschatyk": "MTQA-CONS-004",
    }
    for item in seed_expected:
        if item["level"] != "must" or item["quote"] not in wanted:
            continue
        hits = [f for f in findings if f.rule == wanted[item["quote"]] and overlaps(f.start, f.end, item["start"], item["end"])]
        assert hits, f"{item['quote']} at {item['start']} not flagged"
    pronouns = {f.start: f.evidence for f in findings if f.rule == "MTQA-CONS-001"}
    assert pronouns[2307] == "Russia" and pronouns[6254] == "China"


def test_seed_article_not_items_never_covered(checker, seed_article, seed_expected):
    text = seed_article.read_text(encoding="utf-8")
    findings = list(checker.check(Document(id="seed", path="seed", text=text)))
    for item in seed_expected:
        if item["level"] == "not":
            assert not [f for f in findings if overlaps(f.start, f.end, item["start"], item["end"])], item["quote"]


def test_seed_should_items_tense_and_quotes(checker, seed_article):
    text = seed_article.read_text(encoding="utf-8")
    findings = list(checker.check(Document(id="seed", path="seed", text=text)))
    assert "will be represented" in spans(findings, "MTQA-CONS-006")
    assert "‘peace conference’" in spans(findings, "MTQA-CONS-007")


# Country pronoun gender -------------------------------------------------------------


def test_country_she_flagged_with_antecedent(checker):
    text = "Norway has rejected the fishing deal. She says her fishermen need more time."
    findings = run(checker, text)
    flagged = [(f.text, f.evidence, f.suggestions) for f in findings if f.rule == "MTQA-CONS-001"]
    assert ("She", "Norway", ("It",)) in flagged
    assert ("her", "Norway", ("its",)) in flagged


def test_kremlin_she_flagged(checker):
    text = "The Kremlin denied the report on Monday, and she warned of consequences."
    assert spans(run(checker, text), "MTQA-CONS-001") == ["she"]


def test_same_document_it_raises_confidence(checker):
    low = run(checker, "The reform passed.\nEgypt is worried. She wants guarantees.")
    high = run(checker, "Egypt said it would wait. The reform passed. Egypt is worried. She wants guarantees.")
    c_low = [f.confidence for f in low if f.rule == "MTQA-CONS-001"]
    c_high = [f.confidence for f in high if f.rule == "MTQA-CONS-001"]
    assert c_low and c_high and c_high[0] > c_low[0]


def test_female_leader_is_not_flagged(checker):
    text = "Italy will not change course, Prime Minister Giorgia Meloni said. She called the plan final."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_female_leader_after_country_not_flagged(checker):
    text = "Finland will not change course, Prime Minister Aino Virta said; she called the plan final."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_title_makes_a_woman(checker):
    text = "Mrs Okafor met officials in Nigeria. She praised the new law."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_ship_is_she(checker):
    text = "The ship left Greece on Monday. She will reach Malta by Friday."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_quoted_personification_not_flagged(checker):
    text = "The anthem ends: \u201cFrance, she will rise again.\u201d"
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_male_person_is_he(checker):
    text = "Kim Jong Un met officials in North Korea. Kim's plan is clear, but he needs help."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_pro_drop_he_flagged(checker):
    text = "The fishing accord was drafted in May.\nPortugal is ready to sign it, but first he wants larger quotas for his fleet."
    assert spans(run(checker, text), "MTQA-CONS-001") == ["he", "his"]


def test_he_after_earlier_man_not_flagged(checker):
    text = "Pedro Alves is the minister. Portugal is ready to sign, but first he wants larger quotas."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_turkish_doctor_not_flagged(checker):
    text = "The surgeon Dr Ayse Kaya works in Turkey. She operated on the patient for six hours."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_speaker_after_quote_not_flagged(checker):
    text = "Britain will help Ukraine. \u201cIt increases our influence,\u201d she added."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_hyphenated_relative_not_flagged(checker):
    text = "I want to send a parcel to Ukraine. My daughter-in-law is due to give birth, and she is alone."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_demonym_as_person_not_flagged(checker):
    text = "London police are still searching for the missing Czech. She was last seen on the way home."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_place_used_as_first_name_not_flagged(checker):
    text = "Georgia Clarke moved to Spain last year. She now runs a bakery."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_story_about_a_woman_not_flagged(checker):
    text = (
        "Milly was rescued last year. She hid from everyone she saw. The vet is hopeful. "
        "The charity is based in Wales. The team is small. Volunteers help. In May, she was moved to a new home."
    )
    assert spans(run(checker, text), "MTQA-CONS-001") == []


# Person shift ------------------------------------------------------------------------


def test_myself_in_third_person_flagged(checker):
    text = "The former president, who will not hesitate to fly there myself, is expected to win."
    findings = run(checker, text)
    hits = [f for f in findings if f.rule == "MTQA-CONS-002"]
    assert [f.text for f in hits] == ["myself"]
    assert "himself" in hits[0].suggestions


def test_myself_with_i_not_flagged(checker):
    assert spans(run(checker, "I went to the station myself to check the timetable."), "MTQA-CONS-002") == []


def test_myself_in_quotes_not_flagged(checker):
    text = "He said: \u201cThe report, which he wrote, I checked myself.\u201d"
    assert spans(run(checker, text), "MTQA-CONS-002") == []


def test_op_ed_we_not_flagged(checker):
    text = "Even if we make the most pessimistic assumption, Russia will not escape its isolation."
    assert run(checker, text) == []


def test_first_person_column_not_flagged(checker):
    text = "I have covered this war for years. I saw it myself. My editors know it. I wrote it. It shows how he saw it myself."
    assert spans(run(checker, text), "MTQA-CONS-002") == []


# Names ---------------------------------------------------------------------------------


def test_name_spelt_two_ways_flags_minority(checker):
    text = (
        "Defence Minister Yoav Gallant visited the base. Gallant said the army was ready. "
        "Later Galant met the commanders. Gallant left at noon."
    )
    findings = run(checker, text)
    hits = [f for f in findings if f.rule == "MTQA-CONS-003"]
    assert [f.text for f in hits] == ["Galant"]
    assert hits[0].suggestions == ("Gallant",)


def test_different_people_not_clustered(checker):
    text = "Daniel Roth and Daniela Roth spoke. Daniel left early; Daniela stayed. Sergio and Sergei arrived."
    assert spans(run(checker, text), "MTQA-CONS-003") == []


def test_two_known_places_not_clustered(checker):
    # Shanxi and Shaanxi, Xining and Xinjiang: neighbouring Chinese provinces and a city,
    # four places the gazetteer knows, not two names spelt two ways each.
    text = ("Floods hit Shaanxi and Shaanxi's north. Rain also fell in Shanxi. "
            "Flights from Xining were cancelled; Xining airport closed, and Xinjiang reported snow.")
    assert spans(run(checker, text), "MTQA-CONS-003") == []
    assert spans(run(checker, text.replace("Shanxi", "Shannxi")), "MTQA-CONS-003") == ["Shannxi"]


def test_known_place_is_never_the_misspelt_form(checker, tmp_path):
    # The athlete Yardan Jerbi and the country Jordan (a human WMT reference): not one
    # name, and `mtqa fix` must not turn the country into "Yardan".
    article = tmp_path / "a.txt"
    article.write_text("The Olympic medalist Yardan Jerbi sat next to him.\n\n"
                       "Trucks will go from Haifa through Jordan to Saudi Arabia.\n", encoding="utf-8")
    checked = run_mtqa("check", str(article), "--no-grammar", "--select", "MTQA-CONS-003", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["documents"][0]["findings"] == []
    fixed = run_mtqa("fix", str(article), "--no-grammar", "--unsafe-fixes")
    assert fixed.returncode == 0, fixed.stderr
    assert "through Jordan to Saudi Arabia" in article.read_text(encoding="utf-8")


def test_of_two_single_forms_the_one_beside_a_known_place_is_flagged(checker):
    text = "Patients came from the Beer-sheba area. Most of them live around Beersheba."
    hits = [f for f in run(checker, text) if f.rule == "MTQA-CONS-003"]
    assert [(f.text, f.suggestions) for f in hits] == [("Beer-sheba", ("Beersheba",))]


def test_single_forms_with_other_initials_are_one_name_only_close_together(checker):
    # Hancock/Hankook Energy three lines apart: one company spelt two ways. Klaudia Tanner
    # and Claudia Muntschick, far apart in one long document: two people.
    close = ("POSCO signed an investment agreement with Hancock Energy. The deal closes in May. "
             "POSCO will invest 50.1% and Hankook Energy 49.9%.")
    assert spans(run(checker, close), "MTQA-CONS-003") == ["Hankook"]
    filler = " ".join(f"The council met on day {n} and adjourned." for n in range(10))
    far = f"Columnist Claudia Muntschick wrote about it. {filler} Defence Minister Klaudia Tanner defended it."
    assert spans(run(checker, far), "MTQA-CONS-003") == []


def test_demonyms_not_clustered(checker):
    text = "Argentina changed the law. The Argentinean service and Argentina's courts agreed."
    assert spans(run(checker, text), "MTQA-CONS-003") == []


def test_gazetteer_misspelling_once(checker):
    findings = run(checker, "Crowds gathered on Kraschatyk Boulevard.")
    hits = [f for f in findings if f.rule == "MTQA-CONS-004"]
    assert [(f.text, f.suggestions) for f in hits] == [("Kraschatyk", ("Khreshchatyk",))]


def test_variant_spelling_minor_and_off_by_default(checker):
    findings = run(checker, "The mayor of Kharkov spoke.", **{"checkers.consistency.variant_spellings": True})
    assert [(f.text, f.severity.value) for f in findings if f.rule == "MTQA-CONS-005"] == [("Kharkov", "minor")]
    assert run(checker, "The mayor of Kharkov spoke.") == []
    beside = run(checker, "The mayor of Kharkov spoke. Kharkiv was calm.")
    assert [f.text for f in beside if f.rule == "MTQA-CONS-005"] == ["Kharkov"]


def test_accept_words_never_flagged(checker):
    text = "Crowds gathered on Kraschatyk Boulevard."
    assert run(checker, text, **{"vocabulary.accept": ["Kraschatyk"]}) == []


def test_registry_loads_both_checkers():
    from mtqa.checkers import load_checker_class

    assert load_checker_class("consistency") is ConsistencyChecker
    assert load_checker_class("fluency").name == "fluency"


@pytest.mark.parametrize("text", ["", "   \n\n ", "x", "\u201c", "myself", "She.", "\u2018\u2019\u201d"])
def test_degenerate_documents(checker, text):
    assert run(checker, text) == []


def test_unsplit_text_stays_fast(checker):
    # One huge "sentence" must not make the look-back quadratic.
    text = "Russia is big and she is strong, Moscow said to her and Putin " * 3000
    findings = run(checker, text)
    assert len(findings) == 6000


def test_unknown_woman_at_sentence_start_not_flagged(checker):
    text = "Kowalska arrived in Poland on Monday. She said the border was calm."
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_tense_clash_needs_past_on_both_sides(checker):
    clash = "The summit opened last week. Forty countries will be represented there. It was attended by ten leaders."
    planned = "The summit opened last week. The next one will be held in May. It was attended by ten leaders."
    assert spans(run(checker, clash), "MTQA-CONS-006") == ["will be represented"]
    assert spans(run(checker, planned), "MTQA-CONS-006") == []


def test_one_quote_style_is_not_mixed(checker):
    text = "He called it a \u2018reset\u2019 and a \u2018pause\u2019. She said \u2018It\u2019s the \u201cright\u201d move\u2019."
    assert spans(run(checker, text), "MTQA-CONS-007") == []
    mixed = "The \u2018peace conference\u2019 met. The \u201csecurity system\u201d and the \u201cnew order\u201d were discussed."
    assert spans(run(checker, mixed), "MTQA-CONS-007") == ["\u2018peace conference\u2019"]


# Country as the subject of a reporting verb ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A "which" clause about the country between it and the pronoun.
        ("Leaders met in Riyadh on Sunday. Saudi Arabia, which hosts the meeting, said that she wants a naval force.",
         "Saudi Arabia"),
        ("Officials accused him of delays. Egypt, which mediates between the sides, made it clear that she expects progress.",
         "Egypt"),
        # A capital standing for its government, with plural ships after the pronoun.
        ("Moscow said that she would not guarantee the safety of ships heading to the ports.", "Moscow"),
        ("France told reporters that she would veto the plan.", "France"),
    ],
)
def test_country_reporting_she_flagged(checker, text, country):
    hits = [f for f in run(checker, text) if f.rule == "MTQA-CONS-001"]
    assert [(f.text, f.evidence) for f in hits] == [("she", country)]
    assert hits[0].suggestions == ("it",)


@pytest.mark.parametrize(
    "text",
    [
        # A woman named in the "which" clause between the country and the pronoun.
        "Egypt, which Maria Lopez visited last week, said that she expects progress.",
        "Germany, which Angela Merkel led for 16 years, said that she would help.",
        # A "which" clause whose "she" is a woman named before the country.
        "Anna Smith praised Egypt, which she visited in May.",
        # The country is not the subject: "the president of Russia said that she".
        "The president of Russia said that she would not attend.",
        # A woman in the window.
        "The minister met her counterpart. Poland said that she would sign.",
        # A ship named before the pronoun.
        "The tanker left Odesa on Monday. Ukraine said that she was carrying grain.",
        "The ship, which sailed from Odesa, was inspected; Turkey announced that she had docked.",
    ],
)
def test_country_reporting_she_traps_not_flagged(checker, text):
    assert spans(run(checker, text), "MTQA-CONS-001") == []


def test_doubled_letter_in_one_sentence_is_one_name(checker):
    text = (
        "President Zelensky thanked Ankara, and a spokesman for Zelenskyy said that Kyiv is ready. "
        "Zelenskyy will travel to Ankara in December."
    )
    hits = [f for f in run(checker, text) if f.rule == "MTQA-CONS-003"]
    assert [(f.text, f.suggestions) for f in hits] == [("Zelensky", ("Zelenskyy",))]


def test_vowel_difference_in_one_sentence_is_two_names(checker):
    text = "Wardle created the prototype of Wordle in 2013. Wordle became popular. Wordle was sold."
    assert spans(run(checker, text), "MTQA-CONS-003") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "accused" with an object is a verb, not "the accused" (a person who could be "she").
        ("Officials accused him of fraud. Egypt hosted the talks. She wants a deal.", ["She"]),
        ("The accused left the court. Egypt hosted the talks. She wants a deal.", []),
        # A capitalised run ending in an institution noun is a body, not an unknown person.
        ("The Gulf Cooperation Council met on Monday. Qatar hosted the talks. She wants a deal.", ["She"]),
        ("Officials met Kowalska Brzezinska on Monday. Qatar hosted the talks. She wants a deal.", []),
    ],
)
def test_verbs_and_named_bodies_are_not_people(checker, text, flagged):
    assert spans(run(checker, text), "MTQA-CONS-001") == flagged


def test_capitalised_words_without_tokenising_match_the_tokens():
    """Names read capitalised words from a pattern instead of every token: the same words."""
    from mtqa.checkers.consistency.text import SentenceView, tokenize

    text = ("abc-Def x--Def x-'Def ABC'Def 3Def _Def éDef Élan ǅemal aBc l'Arc O'Neil D’Artagnan ΣΟΦΙΑ Σοφία "
            "Ñandú x’Y -Yes 'Yes’ He-Man he-Man Москва и Київ 東京 Tel Aviv's")
    lazy = SentenceView(0, 0, len(text), 0, text)
    assert lazy.capitalised() == [(t.start, t.text) for t in tokenize(text, 0, len(text)) if t.capitalised]
    assert [word for _, word in lazy.capitalised()][:3] == ["Def", "Def", "ABC'Def"]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Anna met Boris. Then Kyiv's mayor spoke.", [(0, 15), (16, 40)]),
        ("Anna met BorisKarl spoke.", [(0, 14), (14, 25)]),  # a letter right after a sentence's end
        ("Anna met Boris. Karl", [(0, 15)]),  # a word outside every sentence
        ("", []),
    ],
)
def test_capitalised_words_of_all_sentences_match_each_sentence_alone(text, bounds):
    from mtqa.checkers.consistency.text import SentenceView, capitalised_words

    views = [SentenceView(i, s, e, 0, text) for i, (s, e) in enumerate(bounds)]
    assert capitalised_words(text, views) == [view.capitalised() for view in views]


def _hebrew_document(pairs: list[tuple[str, str]]) -> Document:
    from mtqa.readers.segments import Unit, document_from_units

    return document_from_units("t", "t", [Unit(target=t, source=s, id=str(i)) for i, (s, t) in enumerate(pairs)], "he")


def test_two_hebrew_names_are_not_one_name_spelt_twice(checker):
    """Silman (סילמן) and Salman (סלמאן) differ by one vowel, but the source writes two
    names; Zukerman and Zuckerman both spell צוקרמן, one name spelt two ways."""
    pairs = [
        ('ד"ר סלמאן חדאד מונה למנהל המחלקה.', "Dr. Salman Haddad was appointed head of the department."),
        ("סלמאן אמר כי המחלקה תיפתח בקרוב.", "Salman said the department would open soon."),
        ("לדברי סלמאן, יש מספיק אחיות.", "According to Salman, there are enough nurses."),
        ('יו"ר הוועדה, ח"כ עידית סילמן, תקפה את המשרד.', "Committee chair MK Idit Silman attacked the ministry."),
        ('ד"ר בני צוקרמן עבר לבית החולים.', "Dr. Benny Zuckerman moved to the hospital."),
        ("צוקרמן ניהל את היחידה עשר שנים.", "Zuckerman ran the unit for ten years."),
        ("המטופלים אהבו את צוקרמן.", "The patients loved Zuckerman."),
        ("צוקרמן סירב להגיב.", "Zukerman declined to comment."),
    ]
    assert spans(list(checker.check(_hebrew_document(pairs))), "MTQA-CONS-003") == ["Zukerman"]
    # Without its source, the same text cannot tell Silman from Salman.
    text = " ".join(t for _, t in pairs)
    assert sorted(spans(run(checker, text), "MTQA-CONS-003")) == ["Silman", "Zukerman"]


def test_a_hebrew_name_written_with_a_vowel_letter_is_one_name(checker):
    """דיזינגוף and דיזנגוף are one street; Dizinghoff for the first is Dizengoff misspelt."""
    pairs = [
        ("הפיגוע ברחוב דיזנגוף זעזע את העיר.", "The attack on Dizengoff Street shocked the city."),
        ("בדיזנגוף נסגרו החנויות.", "Shops on Dizengoff closed."),
        ("השוטרים חזרו לדיזינגוף בערב.", "The police returned to Dizinghoff in the evening."),
    ]
    assert spans(list(checker.check(_hebrew_document(pairs))), "MTQA-CONS-003") == ["Dizinghoff"]
