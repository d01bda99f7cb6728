"""The suggestion model on Arabic sentences written for these tests: training, edge cases,
evaluation split by article, and saving to bytes and back."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from annotator.core.suggest import (
    LabelledUnit,
    ModelFormatError,
    Suggester,
    cross_validate,
    from_bytes,
    learning_curve,
    lexicon_only,
    to_bytes,
    train,
)
from annotator.core.suggest.evaluate import article_folds

KEYS = ("military", "economic", "reconstruction")
LEXICONS = {"military": ["قصف*", "الجيش"], "economic": ["أسعار"], "reconstruction": ["إعمار"]}
MILITARY = [
    "شنت الطائرات الحربية غارات على مواقع المسلحين شمال المدينة",
    "قتل ثلاثة جنود في هجوم على نقطة تفتيش عسكرية",
    "أعلن الجيش السيطرة على التلال بعد معارك عنيفة",
    "اعترضت الدفاعات الجوية صاروخين أطلقا من خارج الحدود",
    "وصلت تعزيزات عسكرية ودبابات إلى خطوط التماس",
]
ECONOMIC = [
    "ارتفع مؤشر البورصة بعد إعلان أرباح الشركات الكبرى",
    "قرر البنك المركزي رفع سعر الفائدة لكبح التضخم",
    "تراجعت الصادرات النفطية خلال الربع الثالث من العام",
    "وقعت الحكومة اتفاقية استثمار لإنشاء مصنع للإسمنت",
    "سجل الدينار انخفاضا جديدا أمام الدولار في السوق الموازية",
]
RECONSTRUCTION = [
    "بدأت ورش إعادة بناء الجسر الذي دمرته الحرب",
    "خصص المانحون أموالا لترميم المدارس المتضررة من القصف",
    "عادت الكهرباء إلى الأحياء بعد إصلاح الشبكة المدمرة",
    "انطلقت أعمال رفع الأنقاض تمهيدا لإعادة إعمار المدينة القديمة",
    "تعهد المؤتمر بتمويل إعادة تأهيل المستشفيات المدمرة",
]
NONE = [
    "فاز الفريق المحلي بالمباراة النهائية أمام جمهوره",
    "افتتح المهرجان السينمائي دورته الجديدة بفيلم قصير",
    "تتوقع الأرصاد طقسا ممطرا في نهاية الأسبوع",
    "صدر كتاب جديد عن تاريخ الموسيقى العربية",
    "احتفلت المدرسة بتخرج دفعة جديدة من الطلاب",
]


def corpus(articles: int = 10) -> list[LabelledUnit]:
    """Articles of four sentences, one of each kind, rotated so articles differ."""
    pools = [(MILITARY, {"military"}), (ECONOMIC, {"economic"}),
             (RECONSTRUCTION, {"reconstruction"}), (NONE, set())]  # fmt: skip
    units = []
    for a in range(articles):
        for pool, labels in pools:
            units.append(LabelledUnit(pool[a % len(pool)], frozenset(labels), f"article-{a}"))
    return units


@pytest.fixture(scope="module")
def model():
    return train(corpus(), LEXICONS, KEYS)


@pytest.fixture(scope="module")
def model_bytes(model):
    return to_bytes(model)


def suggested(model, texts, keys=KEYS, lexicons=LEXICONS):
    return [row.suggested for row in Suggester(keys, lexicons, model).suggest(texts).rows()]


def test_trained_model_suggests_themes_of_unseen_sentences(model):
    unseen = [
        "قتل جنديان في هجوم بقذائف الهاون على الثكنة",  # no lexicon term: the model decides
        "ارتفعت أرباح البنك بعد رفع سعر الفائدة",
        "تعهد المانحون بتمويل ترميم المستشفيات المتضررة",
        "فاز الفريق بالمباراة في نهاية الأسبوع",
    ]
    assert suggested(model, unseen) == [("military",), ("economic",), ("reconstruction",), ()]


def test_scores_are_probabilities_and_terms_explain_them(model):
    batch = Suggester(KEYS, LEXICONS, model).suggest(["قصفت الطائرات مواقع الجيش"])
    row = batch.row(0)
    assert set(row.scores) == set(KEYS)
    assert all(0.0 <= s <= 1.0 for s in row.scores.values())
    assert row.scores["military"] > row.scores["economic"]
    assert row.matched_terms == {"military": ("قصف*", "الجيش")}


def test_no_labels_means_lexicon_only():
    model = train([], LEXICONS, KEYS)
    assert model.features is None and model.info.training_size == 0
    assert "lexicons alone" in model.info.cv_note
    assert suggested(model, ["ارتفاع الأسعار", "فاز الفريق"]) == [("economic",), ()]
    assert suggested(None, ["ارتفاع الأسعار", "فاز الفريق"]) == [("economic",), ()]


def test_a_theme_never_labelled_gets_no_classifier_and_loses_its_lexicon_trust():
    units = [u for u in corpus(12) if "reconstruction" not in u.labels]
    units += [
        LabelledUnit("ناقش المجلس مشروع إعمار السوق", frozenset(), f"x{i}") for i in range(30)
    ]
    model = train(units, LEXICONS, KEYS)
    theme = model.themes["reconstruction"]
    assert theme.coef is None and theme.positives == 0
    # 30 labelled lexicon hits, none of them reconstruction: a hit no longer suggests it.
    assert suggested(model, ["بدأ إعمار المدينة"]) == [()]
    assert suggested(None, ["بدأ إعمار المدينة"]) == [("reconstruction",)]


def test_one_article_trains_without_cross_validation():
    units = [LabelledUnit(u.text, u.labels, "only") for u in corpus(3)]
    model = train(units, LEXICONS, KEYS)
    assert model.info.cv_scores == {} and "fewer than 3 articles" in model.info.cv_note
    assert {t.threshold for t in model.themes.values()} == {0.5}
    assert suggested(model, ["قصف الجيش المواقع"]) == [("military",)]


def test_contradictory_labels_give_finite_middle_scores():
    text = "قصف الجيش مواقع في الضواحي"
    units = corpus(6) + [
        LabelledUnit(text, frozenset({"military"} if i % 2 else set()), f"c{i}") for i in range(8)
    ]
    model = train(units, LEXICONS, KEYS)
    scores = Suggester(KEYS, LEXICONS, model).suggest([text]).scores
    assert np.all(np.isfinite(scores)) and 0.0 < scores[0, 0] < 1.0


def test_themes_added_or_retired_after_training(model):
    current = ("military", "economic", "health")  # reconstruction retired, health added
    lexicons = {**LEXICONS, "health": ["مستشفى"]}
    suggester = Suggester(current, lexicons, model)
    batch = suggester.suggest(["افتتح مستشفى جديد", "قصف الجيش المدينة"])
    assert batch.theme_keys == current
    assert [r.suggested for r in batch.rows()] == [("health",), ("military",)]
    assert suggester.staleness(lexicons) == [
        "themes added since training: health",
        "themes retired since training: reconstruction",
    ]


def test_changed_keywords_make_the_model_stale_but_not_a_respelling(model):
    assert Suggester(KEYS, LEXICONS, model).staleness(LEXICONS) == []
    respelled = {**LEXICONS, "reconstruction": ["اعمار"]}
    assert Suggester(KEYS, respelled, model).staleness(respelled) == []
    changed = {**LEXICONS, "economic": ["أسعار", "النفط"]}
    assert Suggester(KEYS, changed, model).staleness(changed) == [
        "theme keywords changed since training"
    ]


def test_cross_validation_never_splits_an_article():
    units = corpus(10)
    for train_index, test_index in article_folds(units, 5):
        assert not {units[i].group for i in train_index} & {units[i].group for i in test_index}
    evaluation = cross_validate(units, LEXICONS, KEYS, folds=5)
    assert evaluation.tested == len(units)
    assert [s["support"] for s in evaluation.per_theme.values()] == [10, 10, 10]
    assert 0.0 <= evaluation.macro_f1 <= 1.0
    assert cross_validate(corpus(1), LEXICONS, KEYS).note


def test_lexicon_only_and_learning_curve_figures():
    units = corpus(10)
    lexicon = lexicon_only(units, LEXICONS, KEYS)
    assert lexicon.per_theme["economic"]["support"] == 10
    curve = learning_curve(units, LEXICONS, KEYS, sizes=(8, 24), folds=2)
    assert set(curve) == {8, 24} and all(e.tested == len(units) for e in curve.values())


def test_save_and_load_round_trip_gives_the_same_scores(model):
    data = to_bytes(model)
    loaded = from_bytes(data)
    texts = MILITARY + ECONOMIC + NONE
    before = Suggester(KEYS, LEXICONS, model).suggest(texts).scores
    after = Suggester(KEYS, LEXICONS, loaded).suggest(texts).scores
    assert np.allclose(before, after, atol=1e-6)
    assert loaded.info == model.info and loaded.theme_keys == KEYS
    assert from_bytes(to_bytes(train([], LEXICONS, KEYS))).features is None


def _rewrite_manifest(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            content = source.read(name)
            if name == "manifest.json":
                manifest = json.loads(content)
                change(manifest)
                content = json.dumps(manifest).encode()
            archive.writestr(name, content)
    return out.getvalue()


def test_a_model_from_a_newer_version_is_refused_as_newer(model_bytes):
    newer = _rewrite_manifest(model_bytes, lambda m: m.update(format_version=99, app_version="9.0"))
    with pytest.raises(ModelFormatError, match="newer Annotator") as error:
        from_bytes(newer)
    assert error.value.kind == "newer"


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],
        lambda d: b"not a model at all",
        lambda d: b"",
        lambda d: _rewrite_manifest(d, lambda m: m.update(format="something-else")),
        lambda d: _rewrite_manifest(d, lambda m: m["themes"]["military"].update(threshold=None)),
        lambda d: _rewrite_manifest(d, lambda m: m.update(n_features=12)),
        lambda d: _rewrite_manifest(d, lambda m: m.pop("theme_keys")),
    ],
)
def test_damaged_bytes_are_refused_as_damaged(damage, model_bytes):
    with pytest.raises(ModelFormatError) as error:
        from_bytes(damage(model_bytes))
    assert error.value.kind == "damaged"


def test_the_model_is_stored_without_pickle(model_bytes):
    data = model_bytes
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == ["manifest.json", "arrays.npz"]
    arrays = zipfile.ZipFile(io.BytesIO(data)).read("arrays.npz")
    with np.load(io.BytesIO(arrays), allow_pickle=False) as npz:
        assert all(npz[name].dtype != object for name in npz.files)
