"""Benchmark (not a test): kernel start-up and trivial-cell round trips, NotebookDL's kernel next to ipykernel.

Usage: CONFIGURATION=Release bash -c 'source tests/kernel/kernelspec.sh; /usr/bin/python3 tests/kernel/measure.py'
       (kernelspec.sh builds the kernel and installs the "notebookdl" kernelspec; "python3" is Debian's ipykernel).
Start-up: from launching the process until the first kernel_info_reply (jupyter_client's start_new_kernel), the
median of STARTS launches per kernel after one untimed launch that warms jupyter_client itself (its first launch
costs ~0.35 s of imports, which the kernel measured first used to pay). start_new_kernel also drains IOPub for 0.2 s
before returning, for every kernel alike.
Round trip: execute a trivial cell and wait for its idle status, as a notebook front end does; one warm-up cell first.
"Repeated" runs the same cell `1` each time (our kernel then reuses its compiled submission, see RepeatedCells);
"distinct" runs a different literal each time (`1000`, `1001`, ...), which our kernel must compile every time.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

CELLS = 200
STARTS = 3
TRIVIAL = {"notebookdl": "1", "python3": "1"}


def measure(name):
    started = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)  # returns once kernel_info was answered
    ready = time.perf_counter() - started
    try:
        kc.execute_interactive(TRIVIAL[name], timeout=60, output_hook=lambda m: None)  # pays remaining warm-up
        first_cell = time.perf_counter() - started
        repeated = round_trips(kc, [TRIVIAL[name]] * CELLS)
        distinct = round_trips(kc, [str(1000 + i) for i in range(CELLS)])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"kernel": name, "ready_s": ready, "first_cell_s": first_cell,
            "p50_ms": statistics.median(repeated) * 1000, "p90_ms": repeated[int(0.9 * len(repeated)) - 1] * 1000,
            "distinct_p50_ms": statistics.median(distinct) * 1000}


def round_trips(kc, cells):
    times = []
    for code in cells:
        t = time.perf_counter()
        reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: None)
        times.append(time.perf_counter() - t)
        assert reply["content"]["status"] == "ok", reply["content"]
    return sorted(times)


def start_up(name):
    """Median seconds from launch to the first kernel_info_reply over STARTS fresh kernels."""
    times = []
    for _ in range(STARTS):
        started = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=60)
        times.append(time.perf_counter() - started)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return statistics.median(times)


def main(names):
    km, kc = start_new_kernel(kernel_name=names[-1], startup_timeout=60)  # warms jupyter_client, not timed
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    startups = {name: start_up(name) for name in names}
    rows = [measure(name) for name in names]
    for r in rows:
        r["ready_s"] = startups[r["kernel"]]
    print(f"| kernel | start-up to kernel_info_reply (median of {STARTS}) | first cell done | repeated cell p50 | repeated p90 | distinct cells p50 |  (n={CELLS} each)")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['kernel']} | {r['ready_s']:.2f} s | {r['first_cell_s']:.2f} s | {r['p50_ms']:.1f} ms | {r['p90_ms']:.1f} ms | {r['distinct_p50_ms']:.1f} ms |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["notebookdl", "python3"])
