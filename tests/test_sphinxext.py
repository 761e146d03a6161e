"""Paragraph ranges used by the {article-passage} directive."""

import pytest

from scobook.article import parse_range


@pytest.mark.parametrize(("spec", "expected"), [("9-12", [9, 10, 11, 12]), ("4, 6", [4, 6]), ("1, 8-9", [1, 8, 9]), ("15", [15])])
def test_ranges_are_read(spec, expected):
    assert parse_range(spec, 15) == expected


@pytest.mark.parametrize(("spec", "message"), [("0-2", "outside"), ("14-16", "outside"), ("5-3", "outside"), ("a-b", "cannot read")])
def test_bad_ranges_are_refused(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_range(spec, 15)
