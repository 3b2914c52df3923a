"""Measures kernel start-up (launch to first kernel_info reply) and trivial-cell round trips.

Usage (after installing the kernelspec, e.g. via run.sh's kernelspec.sh): /usr/bin/python3 measure.py [kernel_name]
Same method as the ipykernel baseline in /work/shared/facts.md: jupyter_client, execute "1", wait for idle.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

name = sys.argv[1] if len(sys.argv) > 1 else "notebookdl"
started = time.perf_counter()
km, kc = start_new_kernel(kernel_name=name)  # returns once kernel_info was answered
ready = time.perf_counter() - started
kc.execute_interactive("1", timeout=60, output_hook=lambda m: None)  # pays Roslyn's remaining warm-up
first_cell = time.perf_counter() - started
times = []
for _ in range(100):
    t = time.perf_counter()
    kc.execute_interactive("1", timeout=60, output_hook=lambda m: None)
    times.append(time.perf_counter() - t)
times.sort()
print(f"{name}: start-up to ready {ready:.2f} s, first cell done at {first_cell:.2f} s; trivial cell round trip p50 {statistics.median(times) * 1000:.1f} ms, "
      f"p90 {times[89] * 1000:.1f} ms (n={len(times)})")
kc.stop_channels()
km.shutdown_kernel()
