"""A trained model as bytes (to store in the project) and back, refusing what it cannot trust.

The bytes are a ZIP archive of `manifest.json` (format version, app version, theme keys,
thresholds, training size and date, cross-validated scores) and `arrays.npz` (the idf array
and each theme's non-zero coefficients), written with numpy's own format and read with
`allow_pickle=False`.

Why not pickle (or joblib): unpickling runs whatever code the bytes name, so a tampered
project file could run code on a colleague's machine, and a pickled scikit-learn object only
loads into the scikit-learn version that wrote it, so an app upgrade would break every saved
model. skops would make loading safe but adds a dependency and still stores scikit-learn's
private layout. A model here is plain numbers, so plain arrays and JSON store all of it.

`from_bytes` raises ModelFormatError, whose `kind` is "newer" (written by a newer format: keep
it, retrain with this version) or "damaged" (unreadable or inconsistent): the caller retrains.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict

import numpy as np

from annotator import __version__
from annotator.core.suggest.features import N_FEATURES, FeatureSpace
from annotator.core.suggest.model import ModelInfo, SuggestionModel, ThemeModel

FORMAT = "annotator-suggestion-model"
FORMAT_VERSION = 1
_THEME_FIELDS = ("intercept", "weight", "prior_hit", "prior_miss", "threshold", "positives")


class ModelFormatError(ValueError):
    def __init__(self, kind: str, reason: str):
        self.kind = kind  # "newer" or "damaged"
        super().__init__(reason)


def to_bytes(model: SuggestionModel) -> bytes:
    arrays: dict[str, np.ndarray] = {}
    if model.features is not None:
        arrays["idf"] = model.features.idf
    for key, theme in model.themes.items():
        if theme.coef is not None:
            nonzero = np.flatnonzero(theme.coef).astype(np.int32)
            arrays[f"coef_index_{key}"] = nonzero
            arrays[f"coef_value_{key}"] = theme.coef[nonzero].astype(np.float32)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "n_features": N_FEATURES,
        "theme_keys": list(model.theme_keys),
        "themes": {key: _theme_manifest(t) for key, t in model.themes.items()},
        "info": asdict(model.info),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        packed = io.BytesIO()
        np.savez_compressed(packed, **arrays)
        archive.writestr("arrays.npz", packed.getvalue())
    return buffer.getvalue()


def _theme_manifest(theme: ThemeModel) -> dict:
    fields = {name: getattr(theme, name) for name in _THEME_FIELDS}
    return {**fields, "classifier": theme.coef is not None}


def from_bytes(data: bytes) -> SuggestionModel:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = json.loads(archive.read("manifest.json").decode("utf-8"))
            _check_version(manifest)
            with np.load(io.BytesIO(archive.read("arrays.npz")), allow_pickle=False) as npz:
                arrays = {name: npz[name] for name in npz.files}
        return _model(manifest, arrays)
    except ModelFormatError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise ModelFormatError(
            "damaged", f"the saved suggestion model is damaged: {error}"
        ) from None


def _check_version(manifest: dict) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelFormatError("damaged", "the saved data is not a suggestion model")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise ModelFormatError("damaged", "the saved suggestion model has no format version")
    if version > FORMAT_VERSION:
        raise ModelFormatError(
            "newer",
            f"the suggestion model was saved by a newer Annotator "
            f"({manifest.get('app_version', '?')}, format {version}); this version reads format "
            f"{FORMAT_VERSION} and will train its own",
        )
    if manifest.get("n_features") != N_FEATURES:
        raise ModelFormatError("damaged", "the saved suggestion model has another feature size")


def _model(manifest: dict, arrays: dict[str, np.ndarray]) -> SuggestionModel:
    keys = tuple(manifest["theme_keys"])
    width = N_FEATURES + len(keys)
    features = None
    if "idf" in arrays:
        idf = arrays["idf"].astype(np.float32)
        if idf.shape != (N_FEATURES,) or not np.all(np.isfinite(idf)):
            raise ValueError("idf array has the wrong shape or values")
        features = FeatureSpace(idf)
    themes = {key: _theme(manifest["themes"][key], arrays, key, width) for key in keys}
    if features is None and any(t.coef is not None for t in themes.values()):
        raise ValueError("classifiers without their features")
    return SuggestionModel(keys, features, themes, ModelInfo(**manifest["info"]))


def _theme(entry: dict, arrays: dict[str, np.ndarray], key: str, width: int) -> ThemeModel:
    theme = ThemeModel(None, **{name: entry[name] for name in _THEME_FIELDS})
    numbers = [theme.intercept, theme.weight, theme.prior_hit, theme.prior_miss, theme.threshold]
    if not all(np.isfinite(numbers)):
        raise ValueError(f"theme {key} has values that are not numbers")
    if entry["classifier"]:
        index, values = arrays[f"coef_index_{key}"], arrays[f"coef_value_{key}"]
        if index.shape != values.shape or (
            index.size and (index.min() < 0 or index.max() >= width)
        ):
            raise ValueError(f"theme {key} has coefficients out of range")
        if not np.all(np.isfinite(values)):
            raise ValueError(f"theme {key} has coefficients that are not numbers")
        coef = np.zeros(width, dtype=np.float32)
        coef[index] = values
        theme.coef = coef
    return theme
