"""The three notebooks run top to bottom in a fresh kernel, as shipped."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_are_there_and_stored_without_outputs():
    assert [p.name for p in NOTEBOOKS] == ["01-quickstart.ipynb",
                                           "02-correspondence-network.ipynb",
                                           "03-sparql-cookbook.ipynb"]
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_shows_a_table_and_a_picture(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<table" in h for h in html), "no table"
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    graphs = [h for h in html if "<iframe srcdoc=" in h]
    assert pictures or graphs, "no plot or graph"
