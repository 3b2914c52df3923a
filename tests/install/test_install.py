"""NotebookDL as a user installs it, not from the source tree: run.sh packs the packages into a temporary feed with a
unique version, installs the `notebookdl` tool from it and writes the kernelspecs into a temporary JUPYTER_PATH;
these tests execute a notebook in each host with nbclient. The notebook seeds with the #!seed magic, trains a small
model with a live progress bar, plots the loss and a confusion matrix and shows a tensor. Any error output fails, and
so does an empty MIME part (a host that declares a type and sends nothing), a progress display that never updates in
place, or a missing plot.
"""
import os
import re
import pathlib

import nbformat
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).resolve().parent
OUT = pathlib.Path(os.environ["NBDL_INSTALL_OUT"])


def execute(name, kernel, **substitutions):
    nb = nbformat.read(HERE / name, as_version=4)
    for cell in nb.cells:
        for key, value in substitutions.items():
            cell.source = cell.source.replace("{" + key + "}", value)
    client = NotebookClient(nb, kernel_name=kernel, timeout=600, resources={"metadata": {"path": str(OUT)}})
    try:
        client.execute()
    finally:
        nbformat.write(nb, OUT / name)
    return nb


def outputs(nb):
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


def check(nb):
    outs = outputs(nb)
    errors = [o for o in outs if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
    assert not errors, f"error output: {errors}"
    for o in outs:
        for mime, value in o.get("data", {}).items():
            assert value and str(value).strip(), f"empty {mime} part in {o.output_type}"
    html = [o.data["text/html"] for o in outs if "text/html" in o.get("data", {})]
    # The progress bar is one display updated in place: nbclient folds each update into the output with the same
    # display id, so a single output that reached 100 % (its first version said 0 %) proves the updates arrived.
    progress = [h for h in html if "nbdl-progress" in h]
    assert len(progress) == 1, f"expected one progress display, got {len(progress)}"
    assert "100%" in progress[0], "the progress display was not updated to the end"
    svgs = [o for o in outs if "<svg" in o.get("data", {}).get("text/html", "") or "image/svg+xml" in o.get("data", {})]
    assert len(svgs) >= 2, f"expected the loss plot and the confusion matrix, got {len(svgs)} pictures"
    texts = [o.get("data", {}).get("text/plain", "") for o in outs]
    assert any("torch with 0." in t for t in texts), "#!seed did not run"
    assert any("tensor([[0, 1, 2]," in t for t in texts), "the tensor was not shown as PyTorch prints it"


def test_notebookdl_tool_kernel():
    check(execute("smoke-notebookdl.ipynb", "notebookdl"))


def test_dotnet_interactive_kernel():
    check(execute("smoke-interactive.ipynb", ".net-csharp", feed=os.environ["NBDL_FEED"], version=os.environ["NBDL_VERSION"]))


def visible_text(data):
    """What a reader sees of an output: its text/plain, else its HTML without tags and style sheets."""
    if "text/plain" in data:
        return [t.strip() for t in data["text/plain"]]
    html = [re.sub(r"<[^>]+>", "", re.sub(r"(?s)<style>.*?</style>", "", h)).strip() for h in data.get("text/html", [])]
    return html


def final_outputs(nb):
    """Per code cell: its status (error or not) and its outputs' data by MIME type (updates already folded in)."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outs = cell.get("outputs", [])
        failed = any(o.output_type == "error" for o in outs)
        data = {}
        for o in outs:
            for mime, value in o.get("data", {}).items():
                data.setdefault(mime, []).append(value if isinstance(value, str) else str(value))
        cells.append((cell, failed, data))
    return cells


def test_dotnet_interactive_notebook_runs_the_same_in_both_kernels():
    feed = os.environ["NBDL_FEED"]
    ours = final_outputs(execute("compat.ipynb", "notebookdl", feed=feed))
    theirs = final_outputs(execute("compat.ipynb", ".net-csharp", feed=feed))
    assert len(ours) == len(theirs)
    for (cell, our_failed, our_data), (_, their_failed, their_data) in zip(ours, theirs):
        assert not their_failed, f".NET Interactive failed: {cell.source}"
        assert not our_failed, f"our kernel failed where .NET Interactive passed: {cell.source}"
        if "updated_to" in cell.metadata:
            assert our_data.get("text/plain") == [cell.metadata["updated_to"]], f"not updated in place: {cell.source}: {our_data}"
        for mime in cell.metadata.get("compare", []):
            if mime == "text":
                assert visible_text(our_data) == visible_text(their_data), f"{cell.source}: {our_data} / {their_data}"
                continue
            assert mime in our_data and mime in their_data, f"{mime} missing in {cell.source}: {our_data} / {their_data}"
            assert our_data[mime] == their_data[mime], f"{mime} differs for {cell.source}:\nours:   {our_data[mime]}\ntheirs: {their_data[mime]}"
