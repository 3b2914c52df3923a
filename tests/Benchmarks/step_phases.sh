#!/usr/bin/env bash
# A training step by phase, in our kernel and in PyTorch-Python (see step_phases.py). Usage: step_phases.sh lstm|mlp
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"
/usr/bin/python3 "$here/step_phases.py" "$@"
