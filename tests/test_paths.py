"""The book's data is found from where the code runs, not from where scobook is installed."""

import pytest

from conftest import ROOT
from scobook import paths


def test_found_from_a_notebook_folder(monkeypatch):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.chdir(ROOT / "chapters" / "02-membership")
    assert paths.book_root() == ROOT
    assert paths.data_path("sco_membership.csv") == ROOT / "data" / "sco_membership.csv"


def test_a_copy_of_the_book_is_found_before_the_package_location(tmp_path, monkeypatch):
    """What Binder and a second checkout need: the copy the reader is in wins."""
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    (tmp_path / "book" / "data").mkdir(parents=True)
    (tmp_path / "book" / "data" / "catalog.yml").write_text("{}\n")
    (tmp_path / "book" / "chapters" / "x").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "book" / "chapters" / "x")
    assert paths.book_root() == tmp_path / "book"
    assert paths.data_dir() == tmp_path / "book" / "data"


def test_the_environment_variable_names_an_unusual_layout(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalog.yml").write_text("{}\n")
    monkeypatch.chdir("/")
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path))
    assert paths.book_root() == tmp_path
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(paths.BookNotFound, match="SCOBOOK_ROOT is set to .*nowhere.*no data/catalog.yml"):
        paths.book_root()


def test_outside_any_book_the_error_is_one_plain_sentence(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "site-packages" / "scobook" / "paths.py"))
    with pytest.raises(paths.BookNotFound) as error:
        paths.book_root()
    assert "part of the book 'The SCO through one article'" in str(error.value)
    assert error.value._render_traceback_() == [f"BookNotFound: {error.value}"]  # what Jupyter shows


def test_a_missing_data_file_is_named(monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(FileNotFoundError, match="no-such-file.csv is not in the book's data folder"):
        paths.data_path("no-such-file.csv")
