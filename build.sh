#!/usr/bin/env bash
# NotebookDL's one entry point. On a fresh Debian 12 machine (as root) every command first installs what is
# missing (apt packages: only what the tests and lessons compare with or read) and builds the solution. The engine,
# TorchSharp with libtorch, comes from NuGet.
#
#   ./build.sh setup   install dependencies and build everything
#   ./build.sh test    setup, then run every test suite (what CI runs); ends with "N passed, N failed"
#   ./build.sh test-fast
#                      setup, then the unit and parity tests only (the tier to run between changes: a few minutes)
#   ./build.sh bench   setup, then run the benchmarks against PyTorch-Python (tests/Benchmarks)
#   ./build.sh lesson [NOTEBOOK]
#                      setup, then execute a lesson in place (lessons/01-image-classifier.ipynb by default; full run,
#                      NBDL_QUICK=1 for the small CI configuration) and render it to HTML beside it
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  binutils   # readelf: the engine test reads the libstdc++ version requirement of TorchSharp's native library
  python3-torch python3-torchvision python3-numpy python3-pil   # PyTorch from Python: parity tests and baselines
  libopenblas0-openmp   # an optimized BLAS behind python3-torch: without it Debian's reference BLAS makes the baseline 17x slower at matmul
  python3-jupyter-client python3-nbclient jupyter-nbconvert python3-jupyter-kernel-test python3-pytest
  python3-ipykernel chromium   # the kernel benchmark's baseline; the notebook rendering test's browser
  dataset-fashion-mnist
  python3-pandas   # the tabular tests compare data frames with pandas
  r-base-core r-cran-bayesm r-cran-mass r-cran-dslabs   # real tables (orangeJuice, Boston, MovieLens), exported once with Rscript
  r-cran-isoband   # its ocean-cat.jpg (1500x1781): the photo lesson 6 convolves by hand and lesson 2 sends its classifier
  r-cran-janeaustenr r-cran-modeldata   # Jane Austen's novels and 5,000 fine-food reviews: the text data
)

log() { printf '\n== %s\n' "$*"; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  log "installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  log "building the solution"
  dotnet build NotebookDL.sln -c Release -nologo -v q
}

setup() {
  install_packages
  build
}

# Runs one suite, tees its output, and adds its counts to the totals.
PASSED=0
FAILED=0
# A test project or suite that dies before printing its summary (a crashed test host, a killed pytest) counts as one
# failure, so the totals line never looks clean when a suite did not finish.
count_dotnet() {
  local out=$1 projects=$2
  PASSED=$((PASSED + $(awk '/Passed: +[0-9]+/ { for (i = 1; i <= NF; i++) if ($i == "Passed:") s += $(i+1) } END { print s+0 }' "$out")))
  FAILED=$((FAILED + $(awk '/Failed: +[0-9]+/ { for (i = 1; i <= NF; i++) if ($i == "Failed:") s += $(i+1) } END { print s+0 }' "$out")))
  local summaries
  summaries=$(grep -cE '^(Passed|Failed)! ' "$out" || true)
  if [ "$summaries" -lt "$projects" ]; then
    echo "!! $((projects - summaries)) test project(s) ended without a summary: counted as failed"
    FAILED=$((FAILED + projects - summaries))
  fi
}

# pytest's closing line: "== 12 passed, 1 failed in 3.2s ==".
count_pytest() {
  local out=$1
  if ! tail -n 3 "$out" | grep -qE '[0-9]+ (passed|failed|errors?)'; then
    echo "!! the suite ended without pytest's summary: counted as failed"
    FAILED=$((FAILED + 1))
    return
  fi
  PASSED=$((PASSED + $(tail -n 3 "$out" | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^passed/) s += $(i-1) } END { print s+0 }')))
  FAILED=$((FAILED + $(tail -n 3 "$out" | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^(failed|errors?)/) s += $(i-1) } END { print s+0 }')))
}

# Test projects of the solution (each prints one "Passed!"/"Failed!" summary).
test_projects() {
  grep -oE '"[^"]*\.Tests\.csproj"' NotebookDL.sln | wc -l
}

# The fast tier: every test project, without the slow classes (training on real data, memory over many steps, the
# native audit's child processes) and without the kernel, install, notebook and publish suites.
FAST_FILTER='FullyQualifiedName!~RealData&FullyQualifiedName!~.Memory.&FullyQualifiedName!~NativeAudit&FullyQualifiedName!~Memory_stays_bounded'

run_fast_tests() {
  local status=0 logs
  logs=$(mktemp -d)
  log "dotnet test (fast tier)"
  dotnet test NotebookDL.sln -c Release --no-build -nologo -m:1 --filter "$FAST_FILTER" 2>&1 | tee "$logs/dotnet.txt" || status=1
  count_dotnet "$logs/dotnet.txt" "$(test_projects)"
  echo
  echo "$PASSED passed, $FAILED failed (fast tier; ./build.sh test runs everything)"
  if [ "$FAILED" -ne 0 ]; then status=1; fi
  return $status
}

run_tests() {
  local status=0 logs
  export CONFIGURATION=Release   # the kernel suites reuse the Release build made by setup
  logs=$(mktemp -d)
  log "dotnet test"
  # One test project at a time (-m:1): memory and interrupt-timing tests measure their own process and clock, and
  # three test hosts competing for two cores would make those measurements noisy.
  dotnet test NotebookDL.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$logs/dotnet.txt" || status=1
  count_dotnet "$logs/dotnet.txt" "$(test_projects)"
  for suite in tests/*/run.sh; do
    [ -x "$suite" ] || continue
    log "$suite"
    "$suite" 2>&1 | tee "$logs/suite.txt" || status=1
    count_pytest "$logs/suite.txt"
  done
  echo
  echo "$PASSED passed, $FAILED failed"
  if [ "$FAILED" -ne 0 ]; then status=1; fi
  return $status
}

# Executes the lesson with its outputs written back into the notebook (the committed artifact) and renders HTML.
run_lesson() {
  local lesson=${1:-lessons/01-image-classifier.ipynb}
  [ -f "$lesson" ] || { echo "no such lesson: $lesson" >&2; exit 2; }
  export NBDL_QUICK="${NBDL_QUICK:-0}"
  export CONFIGURATION=Release   # the kernel built by setup
  # Lesson 1's full run takes 30 min on a 2-core machine (29.0 min of cells, 2026-12-08); its longest cell, about 9 min.
  export NBDL_CELL_TIMEOUT="${NBDL_CELL_TIMEOUT:-3600}"
  log "executing $lesson (NBDL_QUICK=$NBDL_QUICK)"
  tests/kernel/run_notebook.sh "$lesson" "$lesson"
  log "rendering ${lesson%.ipynb}.html"
  # Debian's nbconvert 6.5 strips every SVG child through lxml's clean_html (jupyter/nbconvert#1849), which would
  # leave empty plot boxes; the notebook was just executed by our kernel, so its SVG passes through unchanged.
  PYTHONPATH=tests/notebooks /usr/bin/python3 -m nbconvert --to html "$lesson" --output-dir "$(dirname "$lesson")" \
    "--HTMLExporter.filters={'clean_html': 'keep_svg.unchanged'}"
}

case "${1:-}" in
  setup) setup ;;
  test) setup && run_tests ;;
  test-fast) setup && run_fast_tests ;;
  bench) setup && dotnet run -c Release --project tests/Benchmarks -- "${@:2}" ;;
  lesson) setup && run_lesson "${2:-}" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
