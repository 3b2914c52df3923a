#!/usr/bin/env bash
# Executes a notebook with nbclient on the NotebookDL kernel and writes the executed copy.
# Fails (exit 1) if any cell raises an error or a cell runs longer than NBDL_CELL_TIMEOUT seconds (default 600).
# Usage: tests/kernel/run_notebook.sh NOTEBOOK.ipynb OUT.ipynb
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 NOTEBOOK.ipynb OUT.ipynb" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
notebook="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
source "$here/kernelspec.sh"

/usr/bin/python3 - "$notebook" "$out" <<'PY'
import os, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

source, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(source, as_version=4)
client = NotebookClient(nb, kernel_name="notebookdl", timeout=int(os.environ.get("NBDL_CELL_TIMEOUT", "600")),
                        resources={"metadata": {"path": os.path.dirname(source)}})
started = time.time()
try:
    client.execute()
except CellExecutionError as error:
    nbformat.write(nb, out)
    print(f"FAILED {source}: {error}", file=sys.stderr)
    sys.exit(1)
nbformat.write(nb, out)
cells = sum(1 for c in nb.cells if c.cell_type == "code")
print(f"executed {cells} code cells of {source} in {time.time() - started:.1f} s -> {out}")
PY
