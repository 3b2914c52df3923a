#!/usr/bin/env bash
# Executes every notebook in notebooks/ and lessons/ with nbclient on the NotebookDL kernel (see test_notebooks.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"
cd "$here"
/usr/bin/python3 -m pytest -v test_notebooks.py "$@"
