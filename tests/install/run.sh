#!/usr/bin/env bash
# Installs NotebookDL as a user would and runs a notebook in each host (see test_install.py): packs every package
# with a unique version into a temporary folder feed, installs the `notebookdl` tool from it into a tool path under
# artifacts/, and writes its kernelspec into a temporary JUPYTER_PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t nbdl-install-XXXXXX)"
tools="$repo/artifacts/install-test"
trap 'rm -rf "$work" "$tools"' EXIT
version="0.9.0-ci.$(date +%Y%m%d%H%M%S)"
feed="$work/feed"

echo "packing $version into $feed" >&2
for project in NotebookDL.Display NotebookDL NotebookDL.Datasets NotebookDL.Interactive; do
  dotnet pack "$repo/src/$project" -c Release -o "$feed" -p:Version="$version" -nologo -v q >&2
done
# The tool for this platform only (a release packs linux-x64, win-x64 and osx-arm64, one package each).
dotnet pack "$repo/src/NotebookDL.Kernel" -c Release -o "$feed" -p:Version="$version" -p:RuntimeIdentifiers=linux-x64 -nologo -v q >&2

dotnet tool install NotebookDL.Kernel --version "$version" --tool-path "$tools" --add-source "$feed" >&2
"$tools/notebookdl" --version | grep -qx "$version" || { echo "notebookdl --version is not $version" >&2; exit 1; }
"$tools/notebookdl" kernel install --prefix "$work/jupyter-prefix" >&2

source "$here/dotnet_interactive_kernel.sh"
install_dotnet_interactive_kernel "$tools/dotnet-interactive" "$work/jupyter-prefix/share/jupyter/kernels"

export JUPYTER_PATH="$work/jupyter-prefix/share/jupyter"
export NBDL_FEED="$feed" NBDL_VERSION="$version" NBDL_INSTALL_OUT="$work"

cd "$here"
/usr/bin/python3 -m pytest -v test_install.py test_clone_path.py test_console_project.py "$@"
