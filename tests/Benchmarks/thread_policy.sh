#!/usr/bin/env bash
# Thread policy under load, in our kernel and in PyTorch-Python (thread_policy.py). Usage: thread_policy.sh [args]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"
/usr/bin/python3 "$here/thread_policy.py" "$@"
