#!/usr/bin/env bash
# The LSTM step by phase, in our kernel and in PyTorch-Python (see lstm_phases.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"
/usr/bin/python3 "$here/lstm_phases.py"
