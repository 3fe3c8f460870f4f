"""Scoring of the validated questionnaires (pure, no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialebasis.netwerk.instrumenten import INSTRUMENTEN, ScoringSettings, score

pytestmark = pytest.mark.pure

DJG11_E = (2, 3, 5, 6, 9, 10)
DJG11_S = (1, 4, 7, 8, 11)
DJG6_E = (1, 4, 6)
DJG6_S = (2, 3, 5)


def djg(code: str, lonely: set[int]) -> list[str]:
    """Answers with exactly the items in ``lonely`` answered in the lonely direction."""
    e_items = DJG11_E if code == "djg11" else DJG6_E
    n = 11 if code == "djg11" else 6
    out = []
    for i in range(1, n + 1):
        is_e = i in e_items
        if i in lonely:
            out.append("ja" if is_e else "nee")
        else:
            out.append("nee" if is_e else "ja")
    return out


NOT_LONELY_11 = djg("djg11", set())
NOT_LONELY_6 = djg("djg6", set())


# --------------------------------------------------------------------------------------------
# DJG-11
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lonely", "total", "category", "label"),
    [
        (set(), 0, "niet", "niet eenzaam"),
        ({2}, 1, "niet", "niet eenzaam"),
        ({2, 1}, 2, "niet", "niet eenzaam"),
        ({2, 1, 3}, 3, "matig", "matig eenzaam"),
        ({1, 2, 3, 4, 5, 6, 7, 8}, 8, "matig", "matig eenzaam"),
        ({1, 2, 3, 4, 5, 6, 7, 8, 9}, 9, "sterk", "sterk eenzaam"),
        ({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, "sterk", "sterk eenzaam"),
        (set(range(1, 12)), 11, "zeer_sterk", "zeer sterk eenzaam"),
    ],
)
def test_djg11_category_boundaries(lonely, total, category, label):
    r = score("djg11", djg("djg11", lonely))
    assert r.total == total
    assert r.category == category
    assert r.category_label == label
    assert r.subscales["emotioneel"] + r.subscales["sociaal"] == total
    assert r.missing == 0
    assert r.source == (
        "De Jong Gierveld & Kamphuis (1985); cut-offs Van Tilburg & De Jong Gierveld (1999)"
    )


@pytest.mark.parametrize("item", range(1, 12))
@pytest.mark.parametrize("answer_kind", ["lonely", "neutral"])
def test_djg11_each_item_direction(item, answer_kind):
    answers = list(NOT_LONELY_11)
    if answer_kind == "neutral":
        answers[item - 1] = "min of meer"
    else:
        answers[item - 1] = "ja" if item in DJG11_E else "nee"
    r = score("djg11", answers)
    assert r.total == 1
    scale = "emotioneel" if item in DJG11_E else "sociaal"
    other = "sociaal" if scale == "emotioneel" else "emotioneel"
    assert r.subscales == {scale: 1, other: 0}


@pytest.mark.parametrize("item", range(1, 12))
def test_djg11_opposite_answer_scores_zero(item):
    # The non-lonely answer on its own: E item "nee", S item "ja".
    answers = list(NOT_LONELY_11)
    answers[item - 1] = "nee" if item in DJG11_E else "ja"
    assert score("djg11", answers).total == 0


@pytest.mark.parametrize(
    ("variant", "as_"),
    [
        ("ja!", "ja"),
        ("JA!", "ja"),
        (" ja ", "ja"),
        ("Ja !", "ja"),
        ("nee!", "nee"),
        ("Nee", "nee"),
        ("min-of-meer", "min of meer"),
        ("Min  of  meer", "min of meer"),
        ("MIN OF MEER", "min of meer"),
        ("min_of_meer", "min of meer"),
    ],
)
def test_djg_answer_forms(variant, as_):
    for item in (1, 2):
        base = list(NOT_LONELY_11)
        expected = list(NOT_LONELY_11)
        base[item - 1] = variant
        expected[item - 1] = as_
        assert score("djg11", base) == score("djg11", expected)
    assert score("djg11", ["ja!"] * 11).answers == ("ja",) * 11


def test_djg11_missing_item_no_total_but_other_subscale():
    answers = djg("djg11", {2, 3, 1})
    answers[1] = None  # item 2 (E)
    r = score("djg11", answers)
    assert r.total is None and r.category is None and r.category_label is None
    assert r.subscales == {"emotioneel": None, "sociaal": 1}
    assert r.subscale_categories == {"emotioneel": None, "sociaal": "niet"}
    assert r.missing == 1 and r.missing_items == (2,)
    assert r.reason == "Geen totaalscore: vraag 2 is niet beantwoord."
    assert r.summary == r.reason


def test_djg11_empty_string_counts_as_missing():
    answers = list(NOT_LONELY_11)
    answers[0] = "  "
    answers[3] = None
    r = score("djg11", answers)
    assert r.total is None
    assert r.subscales["sociaal"] is None and r.subscales["emotioneel"] == 0
    assert r.reason == "Geen totaalscore: vragen 1 en 4 zijn niet beantwoord."


@pytest.mark.parametrize(
    ("threshold", "emo", "expected"),
    [(2, 1, "niet"), (2, 2, "eenzaam"), (3, 2, "niet"), (3, 3, "eenzaam")],
)
def test_djg11_subscale_threshold_is_a_setting(threshold, emo, expected):
    lonely = set(DJG11_E[:emo])
    r = score(
        "djg11", djg("djg11", lonely), settings=ScoringSettings(djg11_subscale_threshold=threshold)
    )
    assert r.subscales["emotioneel"] == emo
    assert r.subscale_categories["emotioneel"] == expected
    label = "emotioneel eenzaam" if expected == "eenzaam" else "niet emotioneel eenzaam"
    assert r.subscale_labels["emotioneel"] == label


def test_default_subscale_threshold_is_two():
    assert ScoringSettings().djg11_subscale_threshold == 2
    r = score("djg11", djg("djg11", {1, 4}))
    assert r.subscale_categories == {"emotioneel": "niet", "sociaal": "eenzaam"}


def test_settings_as_mapping():
    r = score("djg11", djg("djg11", {1, 4}), settings={"djg11_subscale_threshold": 3})
    assert r.subscale_categories["sociaal"] == "niet"


# --------------------------------------------------------------------------------------------
# DJG-6
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lonely", "total", "category"),
    [
        (set(), 0, "niet"),
        ({1}, 1, "niet"),
        ({1, 2}, 2, "matig"),
        ({1, 2, 3, 4}, 4, "matig"),
        ({1, 2, 3, 4, 5}, 5, "sterk"),
        (set(range(1, 7)), 6, "sterk"),
    ],
)
def test_djg6_category_boundaries(lonely, total, category):
    r = score("djg6", djg("djg6", lonely))
    assert (r.total, r.category) == (total, category)
    assert "zeer_sterk" not in {r.category}


@pytest.mark.parametrize("item", range(1, 7))
@pytest.mark.parametrize("neutral", [False, True])
def test_djg6_each_item_direction(item, neutral):
    answers = list(NOT_LONELY_6)
    if neutral:
        answers[item - 1] = "min of meer"
    else:
        answers[item - 1] = "ja" if item in DJG6_E else "nee"
    r = score("djg6", answers)
    assert r.total == 1
    scale = "emotioneel" if item in DJG6_E else "sociaal"
    assert r.subscales[scale] == 1
    assert r.subscale_categories[scale] == "eenzaam"


def test_djg6_items_are_the_short_scale():
    long = [v.tekst for v in INSTRUMENTEN["djg11"].vragen]
    short = [v.tekst for v in INSTRUMENTEN["djg6"].vragen]
    assert short == [long[i - 1] for i in (3, 4, 7, 9, 8, 10)]
    assert [v.schaal[0].upper() for v in INSTRUMENTEN["djg6"].vragen] == list("ESSESE")


@pytest.mark.parametrize(
    ("missing", "lonely", "total", "emo", "soc"),
    [
        # one missing: count of lonely answers over the answered items (manual syntax)
        ((1,), {1, 2, 4}, 2, None, 1),
        ((2,), {1, 2, 4}, 2, 2, None),
        ((6,), set(range(1, 7)), 5, None, 3),
        # two missing: no total
        ((1, 2), {3, 4}, None, None, None),
        ((1, 4), {2, 3}, None, None, 2),
        ((2, 3, 5), set(), None, 0, None),
    ],
)
def test_djg6_missing_rule(missing, lonely, total, emo, soc):
    answers = djg("djg6", lonely)
    for i in missing:
        answers[i - 1] = None
    r = score("djg6", answers)
    assert r.total == total
    assert r.subscales == {"emotioneel": emo, "sociaal": soc}
    assert r.missing == len(missing)
    if total is None:
        assert "hooguit 1 vraag" in r.reason
    else:
        assert r.category is not None


def test_djg6_subscale_categories():
    r = score("djg6", djg("djg6", set()))
    assert r.subscale_categories == {"emotioneel": "niet", "sociaal": "niet"}
    r = score("djg6", djg("djg6", {1, 4, 6, 2}))
    assert r.subscale_categories == {"emotioneel": "eenzaam", "sociaal": "eenzaam"}


# --------------------------------------------------------------------------------------------
# LSNS-6
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total", "familie", "vrienden", "category"),
    [
        ([0, 0, 0, 0, 0, 0], 0, 0, 0, "risico"),
        ([2, 2, 2, 2, 2, 1], 11, 6, 5, "risico"),
        ([2, 2, 2, 2, 2, 2], 12, 6, 6, "geen_risico"),
        ([5, 5, 5, 0, 0, 0], 15, 15, 0, "geen_risico"),
        ([0, 0, 0, 3, 4, 4], 11, 0, 11, "risico"),
        ([5, 5, 5, 5, 5, 5], 30, 15, 15, "geen_risico"),
    ],
)
def test_lsns6(answers, total, familie, vrienden, category):
    r = score("lsns6", answers)
    assert r.total == total
    assert r.subscales == {"familie": familie, "vrienden": vrienden}
    assert r.category == category
    assert r.category_label in (
        "risico op sociaal isolement",
        "geen verhoogd risico op sociaal isolement",
    )
    # Subscale cut-off is unconfirmed and off by default.
    assert r.subscale_categories == {"familie": None, "vrienden": None}


@pytest.mark.parametrize(
    ("answers", "familie", "vrienden"),
    [
        ([2, 2, 1, 2, 2, 2], "risico", "geen_risico"),
        ([2, 2, 2, 1, 1, 3], "geen_risico", "risico"),
    ],
)
def test_lsns6_optional_subscale_cutoff(answers, familie, vrienden):
    r = score("lsns6", answers, settings=ScoringSettings(lsns6_subscale_threshold=6))
    assert r.subscale_categories == {"familie": familie, "vrienden": vrienden}


@pytest.mark.parametrize(
    ("position", "familie", "vrienden"), [(1, None, 6), (4, 6, None), (6, 6, None)]
)
def test_lsns6_missing(position, familie, vrienden):
    answers = [2, 2, 2, 2, 2, 2]
    answers[position - 1] = None
    r = score("lsns6", answers)
    assert r.total is None and r.category is None
    assert r.subscales == {"familie": familie, "vrienden": vrienden}


def test_lsns6_is_marked_as_our_translation():
    lsns = INSTRUMENTEN["lsns6"]
    assert "eigen vertaling" in lsns.bron.lower()
    assert "eigen vertaling" in lsns.opmerking.lower()
    assert [a.waarde for a in lsns.antwoorden] == [0, 1, 2, 3, 4, 5]
    assert lsns.vragen[0].kop.startswith("Familie") and lsns.vragen[3].kop.startswith("Vrienden")


# --------------------------------------------------------------------------------------------
# EDIZ
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "points"),
    [("ja!", 1), ("ja", 1), ("min of meer", 1), ("nee", 0), ("nee!", 0), ("Min-of-meer", 1)],
)
def test_ediz_item_scoring(word, points):
    for item in range(9):
        answers = ["nee"] * 9
        answers[item] = word
        assert score("ediz", answers).total == points


@pytest.mark.parametrize("n", range(10))
def test_ediz_totals_and_no_category_by_default(n):
    answers = ["ja"] * n + ["nee!"] * (9 - n)
    r = score("ediz", answers)
    assert r.total == n
    assert r.category is None and r.subscales == {}


def test_ediz_keeps_five_point_answers():
    r = score("ediz", ["ja!", "ja", "min of meer", "nee", "nee!", "JA!", "ja", "nee", "nee"])
    assert r.answers[:5] == ("ja!", "ja", "min of meer", "nee", "nee!")
    assert r.total == 5


@pytest.mark.parametrize(("n", "category"), [(4, "geen_signaal"), (5, "signaal"), (9, "signaal")])
def test_ediz_signal_threshold_setting(n, category):
    answers = ["ja"] * n + ["nee"] * (9 - n)
    r = score("ediz", answers, settings=ScoringSettings(ediz_signal_threshold=5))
    assert r.category == category
    assert "signaalgrens" in r.category_label


def test_ediz_missing_gives_no_total():
    answers = ["ja"] * 8 + [None]
    r = score("ediz", answers)
    assert r.total is None and r.missing == 1 and r.missing_items == (9,)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        (
            "djg11",
            ["ja", "ja", "misschien"] + ["ja"] * 8,
            "Vraag 3: 'misschien' is geen geldig antwoord; kies ja, min of meer of nee.",
        ),
        ("djg11", ["ja"] * 10 + [1], "Vraag 11: 1 is geen geldig antwoord"),
        ("djg6", ["jaa"] + ["ja"] * 5, "Vraag 1: 'jaa' is geen geldig antwoord"),
        ("djg6", ["ja"] * 5 + [True], "Vraag 6: True is geen geldig antwoord"),
        (
            "ediz",
            ["ja"] * 4 + ["soms"] + ["ja"] * 4,
            "Vraag 5: 'soms' is geen geldig antwoord; kies nee!, nee, min of meer, ja of ja!.",
        ),
        ("lsns6", [0, 6, 0, 0, 0, 0], "Vraag 2: 6 is geen geldig antwoord"),
        ("lsns6", [0, 0, -1, 0, 0, 0], "Vraag 3: -1 is geen geldig antwoord"),
        ("lsns6", [0, 0, 0, "3", 0, 0], "Vraag 4: '3' is geen geldig antwoord"),
        ("lsns6", [0, 0, 0, 0, 2.0, 0], "Vraag 5: 2.0 is geen geldig antwoord"),
        ("lsns6", [0, 0, 0, 0, 0, True], "Vraag 6: True is geen geldig antwoord"),
        ("djg11", ["ja"] * 10, "heeft 11 vragen, maar er zijn 10 antwoorden gegeven"),
        ("djg6", ["ja"] * 7, "heeft 6 vragen, maar er zijn 7 antwoorden gegeven"),
        ("lsns6", [], "heeft 6 vragen, maar er zijn 0 antwoorden gegeven"),
        ("ediz", "ja ja ja", "Geef de antwoorden als een lijst"),
        ("ediz", {"1": "ja"}, "Geef de antwoorden als een lijst"),
        ("ediz", 9, "Geef de antwoorden als een lijst"),
        ("phq9", ["ja"], "Onbekende vragenlijst 'phq9'. Kies uit: djg11, djg6, lsns6, ediz."),
        (None, ["ja"], "Onbekende vragenlijst None"),
    ],
)
def test_errors_are_dutch_and_name_the_item(code, answers, message):
    with pytest.raises(ValueError) as exc:
        score(code, answers)
    assert message in str(exc.value)


@pytest.mark.parametrize(
    "settings",
    [
        {"djg11_subscale_threshold": 0},
        {"djg11_subscale_threshold": None},
        {"lsns6_subscale_threshold": 16},
        {"ediz_signal_threshold": "5"},
        {"onbekend": 1},
    ],
)
def test_invalid_settings(settings):
    with pytest.raises(ValueError, match="nstelling"):
        score("djg11", NOT_LONELY_11, settings=settings)


def test_answers_accept_any_iterable():
    assert score("lsns6", iter([1, 1, 1, 1, 1, 1])).total == 6
    assert score("lsns6", (1, 1, 1, 1, 1, 1)).total == 6


# --------------------------------------------------------------------------------------------
# Data for the UI
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "n", "answers"), [("djg11", 11, 3), ("djg6", 6, 3), ("lsns6", 6, 6), ("ediz", 9, 5)]
)
def test_instrument_data(code, n, answers):
    ins = INSTRUMENTEN[code]
    assert ins.code == code
    assert len(ins.vragen) == n == ins.aantal_vragen
    assert [v.nummer for v in ins.vragen] == list(range(1, n + 1))
    assert all(v.tekst.endswith(("?", ".")) for v in ins.vragen)
    assert len(ins.antwoorden) == answers
    assert ins.bron and ins.inleiding
    # Every listed answer value is accepted by score().
    for a in ins.antwoorden:
        assert score(code, [a.waarde] * n).missing == 0


def test_djg11_positive_items_are_the_social_ones():
    assert tuple(v.nummer for v in INSTRUMENTEN["djg11"].vragen if v.positief) == DJG11_S
    assert tuple(v.nummer for v in INSTRUMENTEN["djg11"].vragen if v.schaal == "emotioneel") == (
        DJG11_E
    )


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

WORDS_3 = st.sampled_from(["ja", "min of meer", "nee", "ja!", "nee!", None])
WORDS_5 = st.sampled_from(["nee!", "nee", "min of meer", "ja", "ja!", None])
NUMBERS = st.one_of(st.none(), st.integers(0, 5))

STRATEGIES = {
    "djg11": st.lists(WORDS_3, min_size=11, max_size=11),
    "djg6": st.lists(WORDS_3, min_size=6, max_size=6),
    "lsns6": st.lists(NUMBERS, min_size=6, max_size=6),
    "ediz": st.lists(WORDS_5, min_size=9, max_size=9),
}


@given(data=st.data(), code=st.sampled_from(sorted(STRATEGIES)))
def test_property_total_and_subscales(data, code):
    answers = data.draw(STRATEGIES[code])
    r = score(code, answers)
    ins = INSTRUMENTEN[code]
    missing = sum(1 for a in answers if a is None)
    assert r.missing == missing
    if r.total is not None:
        assert ins.min_totaal <= r.total <= ins.max_totaal
    subs = list(r.subscales.values())
    if r.total is not None and subs and None not in subs:
        assert r.total == sum(subs)
    for name, value in r.subscales.items():
        if value is not None:
            n_items = sum(1 for v in ins.vragen if v.schaal == name)
            maximum = n_items * (5 if code == "lsns6" else 1)
            assert 0 <= value <= maximum
    if code == "djg6":
        assert (r.total is None) == (missing > 1)
    else:
        assert (r.total is None) == (missing > 0)
    assert (r.category is None) == (r.total is None or code == "ediz")
