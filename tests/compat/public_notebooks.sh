#!/usr/bin/env bash
# By hand: runs the public .NET Interactive notebooks under DIR in .NET Interactive's kernel and in ours and reports
# cell pass counts (public_notebooks.py). Usage: tests/compat/public_notebooks.sh DIR [--timeout S] [--out FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../kernel/kernelspec.sh"   # our kernel, built and installed into a temporary prefix
tools="$(mktemp -d -t nbdl-dotnet-interactive-XXXXXX)"
trap 'rm -rf "$tools" "$kernelspec_prefix"' EXIT
dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --tool-path "$tools" >&2
kernels="$kernelspec_prefix/share/jupyter/kernels"
"$tools/dotnet-interactive" jupyter install --path "$kernels" >&2
/usr/bin/python3 - "$kernels/.net-csharp/kernel.json" "$tools/dotnet-interactive" <<'PY'
import json, sys
path, tool = sys.argv[1:]
spec = json.load(open(path))
spec["argv"] = [tool, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only"]
json.dump(spec, open(path, "w"), indent=1)
PY
/usr/bin/python3 "$here/public_notebooks.py" "$@"
