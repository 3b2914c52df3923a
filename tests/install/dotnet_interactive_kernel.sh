# Sourced: install_dotnet_interactive_kernel TOOL_DIR KERNELS_DIR installs .NET Interactive's Jupyter kernel (the host
# Polyglot Notebooks ran), from its dotnet tool, as the kernelspec ".net-csharp". Its stock kernelspec calls
# `dotnet interactive`, which needs a global install, and listens on every interface: the spec is pointed at this tool
# path and its HTTP server kept on localhost.
install_dotnet_interactive_kernel() {
  local tool_dir=$1 kernels=$2
  dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --tool-path "$tool_dir" >&2
  "$tool_dir/dotnet-interactive" jupyter install --path "$kernels" >&2
  /usr/bin/python3 - "$kernels/.net-csharp/kernel.json" "$tool_dir/dotnet-interactive" <<'PY'
import json, sys
path, tool = sys.argv[1:]
spec = json.load(open(path))
spec["argv"] = [tool, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only"]
json.dump(spec, open(path, "w"), indent=1)
PY
}
