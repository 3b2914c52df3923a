"""Executes every notebook in notebooks/ and lessons/ on the NotebookDL kernel with Jupyter's own nbclient.

Checks, per notebook: no cell raised; every code cell ran; and each cell whose metadata lists
"nbdl_expect": ["image/png", ...] produced outputs carrying each of those MIME types (so a plot or an image
that silently stopped rendering fails the test). Executed copies go to $NBDL_NOTEBOOK_OUT (default: a temp dir).
Lessons read NBDL_QUICK=1 (set here) to run a documented small configuration.
"""
import os
import pathlib
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("lessons/*.ipynb")])
OUT = pathlib.Path(os.environ.get("NBDL_NOTEBOOK_OUT") or tempfile.mkdtemp(prefix="nbdl-notebooks-"))


def mime_types(cell):
    types = set()
    for output in cell.get("outputs", []):
        types.update(output.get("data", {}).keys())
        if output.get("output_type") == "stream":
            types.add("stream")
    return types


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes_cleanly(path):
    nb = nbformat.read(path, as_version=4)
    os.environ["NBDL_QUICK"] = "1"
    client = NotebookClient(nb, kernel_name="notebookdl", timeout=int(os.environ.get("NBDL_CELL_TIMEOUT", "900")),
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    finally:
        OUT.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, OUT / path.name)

    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cells"
    for index, cell in enumerate(code_cells):
        assert cell.get("execution_count"), f"{path.name}: code cell {index} did not run"
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"{path.name}: code cell {index} raised {errors[0].get('ename')}: {errors[0].get('evalue')}"
        missing = set(cell.get("metadata", {}).get("nbdl_expect", [])) - mime_types(cell)
        assert not missing, f"{path.name}: code cell {index} lacks outputs of type {sorted(missing)}"


def test_there_are_notebooks():
    assert any(p.parent.name == "notebooks" for p in NOTEBOOKS)
