#!/usr/bin/env bash
# By hand: runs the public .NET Interactive notebooks under DIR in .NET Interactive's kernel and in ours and reports
# cell pass counts (public_notebooks.py). Usage: tests/compat/public_notebooks.sh DIR [--timeout S] [--out FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"   # our kernel, built and installed into a temporary prefix
tools="$(mktemp -d -t nbdl-dotnet-interactive-XXXXXX)"
trap 'rm -rf "$tools" "$kernelspec_prefix"' EXIT
source "$here/../install/dotnet_interactive_kernel.sh"
install_dotnet_interactive_kernel "$tools" "$kernelspec_prefix/share/jupyter/kernels"
/usr/bin/python3 "$here/public_notebooks.py" "$@"
