# Sourced by run.sh and run_notebook.sh: builds the kernel and installs the "notebookdl" kernelspec into a
# temporary prefix that Jupyter finds through JUPYTER_PATH (removed again on exit).
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${CONFIGURATION:-Debug}"
kernelspec_prefix="$(mktemp -d -t nbdl-kernelspec-XXXXXX)"
trap 'rm -rf "$kernelspec_prefix"' EXIT

dotnet build "$repo/src/NotebookDL.Kernel" -c "$config" --nologo -v quiet >&2
dotnet "$repo/src/NotebookDL.Kernel/bin/$config/net10.0/NotebookDL.Kernel.dll" kernel install --prefix "$kernelspec_prefix" >&2
export JUPYTER_PATH="$kernelspec_prefix/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
