#!/usr/bin/env bash
# Runs the Jupyter conformance suite (jupyter_kernel_test) and NotebookDL's own protocol checks against a
# freshly built kernel, with Debian's python (/usr/bin/python3 sees the Debian Jupyter packages).
# Usage: tests/kernel/run.sh [extra unittest/pytest arguments]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/kernelspec.sh"

cd "$here"
if /usr/bin/python3 -m pytest --version >/dev/null 2>&1; then
    /usr/bin/python3 -m pytest -v test_conformance.py test_cell_faults.py test_thread_policy.py test_signals.py test_export_fresh_process.py "$@"
else
    /usr/bin/python3 -m unittest -v test_conformance test_cell_faults test_thread_policy test_signals test_export_fresh_process "$@"
fi
