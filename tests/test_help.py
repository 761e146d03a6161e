"""A KeyError in a notebook is explained in one sentence that names the table the student used
(issue 24): the nearest column of *that* table, or its columns when nothing is close."""

import pandas as pd
import pytest

from scobook.help import key_error_message, table_used

NAMESPACE = {
    "membership": pd.DataFrame(columns=["country", "iso3", "status", "start", "end"]),
    "changes": pd.DataFrame(columns=["country", "before", "after"]),
    "both": pd.DataFrame(columns=["before", "after"]),
    "counts": pd.DataFrame(columns=["year", "member", "observer"]),
    "my_counts": pd.DataFrame(columns=["year", "member", "observer"]),
    "by_type": pd.Series({"fact": 5}),
}


@pytest.mark.parametrize(("code", "key", "table"), [
    ('changes["Status"]', "Status", "changes"),
    ("x = counts['Year'].max()", "Year", "counts"),
    ('both.loc[:, "After"]', "After", "both"),
    ('by_type["Fact"]', "Fact", "by_type"),
    ('print("Status")', "Status", None),
    ('unknown["Status"]', "Status", None),
])
def test_the_table_the_cell_used_is_found_in_its_code(code, key, table):
    assert table_used(key, code, NAMESPACE) == table


def test_the_message_names_the_table_used_and_its_nearest_column():
    message = key_error_message("Year", NAMESPACE, "peak = counts['Year'].idxmax()")
    assert message == ("KeyError: 'Year' is not a column of the table counts (nor one of its row labels). "
                       "Did you mean 'year'? Names must match exactly, capital letters included.")


def test_a_key_near_no_column_lists_the_columns_of_the_table_used():
    message = key_error_message("Russia", NAMESPACE, 'changes["Russia"]')
    assert "not a column of the table changes" in message
    assert message.endswith("Its columns are: 'country', 'before', 'after'.")


def test_without_the_cell_the_message_names_a_table_holding_the_nearest_column():
    message = key_error_message("Status", NAMESPACE)
    assert "Did you mean 'status', a column of the table membership?" in message


@pytest.mark.slow  # starts a kernel
def test_in_a_kernel_the_setup_cell_turns_a_key_error_into_the_sentence(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import pandas as pd\nfrom scobook.help import explain_errors\nexplain_errors()"),
        nbformat.v4.new_code_cell('changes = pd.DataFrame(columns=["country", "before", "after"])\n'
                                  'other = pd.DataFrame(columns=["After"])\nchanges["After"]'),
    ])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    outputs = nb.cells[1].outputs
    text = "".join(o.get("text", "") for o in outputs)
    assert [o.output_type for o in outputs] == ["stream"]  # a sentence, no traceback
    assert text.strip() == ("KeyError: 'After' is not a column of the table changes (nor one of its row labels). "
                            "Did you mean 'after'? Names must match exactly, capital letters included.")
