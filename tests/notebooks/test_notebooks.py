"""Executes every notebook in notebooks/ and lessons/ on the NotebookDL kernel with Jupyter's own nbclient.

Checks, per notebook: every code cell ran; cells tagged "raises-exception" produced an error output and no
other cell did; each cell whose metadata lists "nbdl_expect": ["image/png", ...] produced outputs carrying each
of those MIME types (so a plot or an image that silently stopped rendering fails the test); and each cell whose
metadata lists "nbdl_expect_text": ["42", ...] shows each substring in its text/plain or stream output (so a
wrong value fails, not only a missing one). Executed copies go to $NBDL_NOTEBOOK_OUT (default: a temp dir).
Lessons read NBDL_QUICK=1 (set here) to run a documented small configuration.
"""
import os
import pathlib
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient
from PIL import Image

import render

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("lessons/*.ipynb")])
OUT = pathlib.Path(os.environ.get("NBDL_NOTEBOOK_OUT") or tempfile.mkdtemp(prefix="nbdl-notebooks-"))


def shown_text(cell):
    """Everything a reader sees as text: stream output and the text/plain of results and displays."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def mime_types(cell):
    types = set()
    for output in cell.get("outputs", []):
        types.update(output.get("data", {}).keys())
        if output.get("output_type") == "stream":
            types.add("stream")
    return types


def execute(path):
    """Runs the notebook on the kernel; the executed copy (also when a cell failed) is written to OUT."""
    nb = nbformat.read(path, as_version=4)
    os.environ["NBDL_QUICK"] = "1"
    client = NotebookClient(nb, kernel_name="notebookdl", timeout=int(os.environ.get("NBDL_CELL_TIMEOUT", "900")),
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    finally:
        OUT.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, OUT / path.name)
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes_cleanly(path):
    nb = execute(path)

    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cells"
    for index, cell in enumerate(code_cells):
        assert cell.get("execution_count"), f"{path.name}: code cell {index} did not run"
        metadata = cell.get("metadata", {})
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if "raises-exception" in metadata.get("tags", []):
            assert errors, f"{path.name}: code cell {index} is tagged raises-exception but raised nothing"
        else:
            assert not errors, f"{path.name}: code cell {index} raised {errors[0].get('ename')}: {errors[0].get('evalue')}"
        missing = set(metadata.get("nbdl_expect", [])) - mime_types(cell)
        assert not missing, f"{path.name}: code cell {index} lacks outputs of type {sorted(missing)}"
        text = shown_text(cell)
        absent = [s for s in metadata.get("nbdl_expect_text", []) if s not in text]
        assert not absent, f"{path.name}: code cell {index} does not show {absent}; it shows:\n{text[:2000]}"


def test_there_are_notebooks():
    assert any(p.parent.name == "notebooks" for p in NOTEBOOKS)


# The tour's plot: the plot-area fill and the first trace colour of NotebookDL's SVG renderer (Plotting/Svg, Palette).
PLOT_AREA = (0xF5, 0xF7, 0xFA)
TRACE = (0x1F, 0x77, 0xB4)


def near(pixel, colour, tolerance=40):
    return sum(abs(a - b) for a, b in zip(pixel[:3], colour)) <= tolerance


def test_tour_renders_in_chromium():
    """The executed tour, exported to HTML, shows its plot in a real browser (not just an SVG string in a JSON file)."""
    tour = ROOT / "notebooks" / "00-kernel-tour.ipynb"
    executed = OUT / tour.name
    if not executed.exists():  # run alone (-k renders): execute it here rather than skip
        execute(tour)
    html = render.to_html(executed, OUT)
    text = html.read_text(encoding="utf-8")
    for part in ("A damped wave", 'class="plot-area"', "<polyline"):
        assert part in text, f"the plot's SVG lacks {part!r} in the HTML"

    shot = Image.open(render.screenshot(html, OUT / "00-kernel-tour.png")).convert("RGB")
    pixels = shot.load()
    width, height = shot.size
    # Locate the plot by its plot-area fill, then look inside that box only.
    area = [(x, y) for y in range(0, height, 2) for x in range(0, width, 2) if pixels[x, y] == PLOT_AREA]
    assert len(area) > 5000, f"plot area not found in the screenshot ({len(area)} sampled pixels of its fill)"
    left, top = min(x for x, _ in area), min(y for _, y in area)
    right, bottom = max(x for x, _ in area), max(y for _, y in area)
    assert right - left > 300 and bottom - top > 150, f"plot area too small: {(left, top, right, bottom)}"
    plot = shot.crop((left, top, right + 1, bottom + 1))
    trace = sum(1 for p in plot.getdata() if near(p, TRACE))
    assert trace > 300, f"the trace line is not drawn in the plot area ({trace} pixels of its colour)"
    colours = len(set(shot.getdata()))
    assert colours > 200, f"screenshot looks blank: only {colours} distinct colours"
