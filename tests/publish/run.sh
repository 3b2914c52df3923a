#!/usr/bin/env bash
# The kernel publishes for the platforms TorchSharp ships natives for, with those natives in the output. They cannot
# run here; publishing proves the NuGet dependency graph (TorchSharp-cpu -> libtorch-cpu-<rid>) resolves for each.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
check() {  # rid, then the native files the output must contain
  local rid=$1; shift
  if ! dotnet publish "$root/src/NotebookDL.Kernel" -c Release -r "$rid" --self-contained false -o "$out/$rid" -nologo -v q >"$out/$rid.log" 2>&1; then
    echo "FAILED publish -r $rid:"; tail -20 "$out/$rid.log"; failed=$((failed + 1)); return
  fi
  for f in "$@"; do
    if [ ! -f "$out/$rid/$f" ]; then echo "FAILED publish -r $rid: $f missing"; failed=$((failed + 1)); return; fi
  done
  echo "PASSED publish -r $rid: $*"; passed=$((passed + 1))
}
check win-x64 NotebookDL.Kernel.dll LibTorchSharp.dll torch_cpu.dll c10.dll
check osx-arm64 NotebookDL.Kernel.dll libLibTorchSharp.dylib libtorch_cpu.dylib libc10.dylib
check linux-x64 NotebookDL.Kernel.dll libLibTorchSharp.so libtorch_cpu.so libc10.so
# On a libstdc++ without GLIBCXX_3.4.32 (Debian 12) the published copy must carry the weak requirement too.
if ! grep -q GLIBCXX_3.4.32 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 && [ -f "$out/linux-x64/libLibTorchSharp.so" ]; then
  # Read all of readelf's output first: with pipefail, `readelf | grep -q` fails whenever grep exits on its match
  # before readelf has written its last lines (SIGPIPE), which made this check flaky.
  versions=$(readelf -V "$out/linux-x64/libLibTorchSharp.so")
  if grep -q "GLIBCXX_3.4.32  Flags: WEAK" <<<"$versions"; then
    echo "PASSED publish -r linux-x64: GLIBCXX_3.4.32 requirement weak"; passed=$((passed + 1))
  else
    echo "FAILED publish -r linux-x64: GLIBCXX_3.4.32 requirement not weak in the published copy"; failed=$((failed + 1))
  fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
