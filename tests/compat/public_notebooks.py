"""Runs public C# notebooks written for .NET Interactive in its kernel and in ours, cell by cell, and reports which
cells pass in each (by hand, not in CI: the notebooks come from a checkout given on the command line, e.g. of
dotnet/csharp-notebooks). Both kernelspecs must be installed (see public_notebooks.sh).

    public_notebooks.py NOTEBOOK_DIR [--timeout SECONDS] [--out REPORT.json]

A cell "passes" when it produces no error output within the timeout. Every cell that passes in .NET Interactive must
pass in ours; the report lists those that do not.
"""
import argparse
import json
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


def run(path, kernel, timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    status = {}
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                    failed = any(o.output_type == "error" for o in cell.get("outputs", []))
                    status[index] = "error" if failed else "ok"
                except CellTimeoutError:
                    status[index] = "timeout"
                    break
                except DeadKernelError:
                    status[index] = "kernel died"
                    break
    except Exception as ex:  # a kernel that does not start
        status[-1] = f"{type(ex).__name__}: {ex}"
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and index not in status:
            status[index] = "not run"
    return status, nb


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebooks", type=pathlib.Path)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("public-notebooks.json"))
    args = parser.parse_args()
    report = []
    for path in sorted(args.notebooks.rglob("*.ipynb")):
        theirs, _ = run(path, ".net-csharp", args.timeout)
        ours, nb = run(path, "notebookdl", args.timeout)
        regressions = [i for i, s in theirs.items() if s == "ok" and ours.get(i) != "ok"]
        row = {"notebook": str(path.relative_to(args.notebooks)), "cells": len(theirs),
               "pass_theirs": sum(s == "ok" for s in theirs.values()), "pass_ours": sum(s == "ok" for s in ours.values()),
               "regressions": [{"cell": i, "ours": ours.get(i), "source": nb.cells[i].source[:200],
                                "error": next((f"{o.ename}: {o.evalue}"[:300] for o in nb.cells[i].get("outputs", []) if o.output_type == "error"), None)}
                               for i in regressions],
               "theirs": theirs, "ours": ours}
        report.append(row)
        print(f"{row['notebook']}: {row['cells']} cells, .NET Interactive {row['pass_theirs']}, ours {row['pass_ours']}, "
              f"regressions {len(regressions)}", flush=True)
    total = {k: sum(r[k] for r in report) for k in ("cells", "pass_theirs", "pass_ours")}
    total["regressions"] = sum(len(r["regressions"]) for r in report)
    print(json.dumps(total))
    args.out.write_text(json.dumps({"total": total, "notebooks": report}, indent=1))
    return 1 if total["regressions"] else 0


if __name__ == "__main__":
    sys.exit(main())
