"""Packaged data files: every word group loads, none is empty, a missing group is named."""

from __future__ import annotations

import json

import pytest

from newsledger import data
from newsledger.data import DataFileError, word_class, word_classes


def _json_files() -> list[str]:
    root = data.resources.files(data.__name__)
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".json"))


@pytest.mark.parametrize("name", _json_files())
def test_every_word_group_of_every_data_file_is_non_empty(name):
    for group, words in word_classes(name).items():
        assert words, f"{name}: {group}"


def test_a_missing_group_is_named_with_the_groups_there_are():
    with pytest.raises(DataFileError, match=r"reporting_verbs.json: no word group 'nope'"):
        word_class("reporting_verbs.json", "nope")


def test_an_empty_group_is_an_error(monkeypatch):
    monkeypatch.setattr(data, "load_json", lambda name: {"words": ["a"], "empty": []})
    word_classes.cache_clear()
    try:
        with pytest.raises(DataFileError, match="'empty' is empty"):
            word_classes("fake.json")
    finally:
        word_classes.cache_clear()


def test_a_group_is_a_frozenset_of_its_words():
    nouns = word_class("reporting_verbs.json", "work_nouns")
    assert isinstance(nouns, frozenset)
    assert nouns == frozenset(json.loads(data.resources.files(data.__name__).joinpath(
        "reporting_verbs.json").read_text(encoding="utf-8"))["work_nouns"])
