"""Thread policy under load: the TorchSharp tutorial's tiny MLP loop (6-5-1 on 2,000 rows, 1,000 forward+backward
steps) and a small CNN's training steps, run in our kernel (as a user runs them, through jupyter_client) under several
thread settings, idle and with one core kept busy by a competing process; PyTorch-Python runs the same loops under the
same conditions. Prints a Markdown table of seconds per loop (median of the repeats).

    thread_policy.py [--repeats N] [--policies name,name]

Start it through thread_policy.sh, which installs the kernelspec. Each policy is a separate kernel process: libgomp
and MKL read their settings when libtorch loads.
"""
import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import start_new_kernel

MLP_CELL = """
var lin = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 1));
var x = torch.rand(2000, 6); var y = torch.rand(2000, 1);
var watch = System.Diagnostics.Stopwatch.StartNew();
for (int step = 0; step < 1000; step++)
{
    using var scope = torch.NewDisposeScope();
    var loss = nn.functional.mse_loss(lin.call(x), y);
    lin.zero_grad();
    loss.backward();
}
watch.Elapsed.TotalSeconds
"""

CNN_CELL = """
var cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding: 1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(16, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10));
var images = torch.rand(128, 1, 28, 28); var labels = torch.randint(0, 10, new long[] { 128 });
var cnnWatch = System.Diagnostics.Stopwatch.StartNew();
for (int step = 0; step < 20; step++)
{
    using var scope = torch.NewDisposeScope();
    var loss = nn.functional.cross_entropy(cnn.call(images), labels);
    cnn.zero_grad();
    loss.backward();
}
cnnWatch.Elapsed.TotalSeconds
"""

PY_MLP = """
import torch, time, sys
torch.set_num_threads(int(sys.argv[1]))
lin = torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1))
x = torch.rand(2000, 6); y = torch.rand(2000, 1)
t = time.perf_counter()
for step in range(1000):
    loss = torch.nn.functional.mse_loss(lin(x), y)
    lin.zero_grad(); loss.backward()
mlp = time.perf_counter() - t
cnn = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.BatchNorm2d(16), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                          torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.BatchNorm2d(32), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                          torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
images = torch.rand(128, 1, 28, 28); labels = torch.randint(0, 10, (128,))
t = time.perf_counter()
for step in range(20):
    loss = torch.nn.functional.cross_entropy(cnn(images), labels)
    cnn.zero_grad(); loss.backward()
print(mlp, time.perf_counter() - t)
"""

# name -> (threads set in the first cell or None for the kernel's default, extra environment)
POLICIES = {
    "adaptive (default)": (None, {}),
    "libtorch's defaults": (None, {"NBDL_THREAD_POLICY": "fixed"}),
    "1 thread": (1, {}),
    "passive": (None, {"NBDL_THREAD_POLICY": "fixed", "OMP_WAIT_POLICY": "PASSIVE"}),
    "spin 10k": (None, {"NBDL_THREAD_POLICY": "fixed", "GOMP_SPINCOUNT": "10000"}),
    "mkl 1": (None, {"NBDL_THREAD_POLICY": "fixed", "MKL_NUM_THREADS": "1"}),
}


def busy(seconds):
    end = time.time() + seconds
    while time.time() < end:
        pass


def kernel_run(threads, env, repeats):
    full_env = dict(os.environ, **env)
    km, kc = start_new_kernel(kernel_name="notebookdl", env=full_env, startup_timeout=120)
    try:
        def run(code):
            msg_id = kc.execute(code)
            result = None
            while True:
                msg = kc.get_iopub_msg(timeout=600)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "execute_result":
                    result = float(msg["content"]["data"]["text/plain"])
                if msg["msg_type"] == "error":
                    raise RuntimeError(msg["content"]["evalue"])
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return result
        run(f"torch.set_num_threads({threads});" if threads else "torch.get_num_threads()")
        mlp = [run(MLP_CELL) for _ in range(repeats)]
        cnn = [run(CNN_CELL) for _ in range(repeats)]
        return statistics.median(mlp), statistics.median(cnn)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def python_run(threads, repeats):
    runs = [list(map(float, subprocess.run(["/usr/bin/python3", "-c", PY_MLP, str(threads)], check=True,
                                           capture_output=True, text=True).stdout.split())) for _ in range(repeats)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--policies", default=",".join(POLICIES))
    args = parser.parse_args()
    rows = []
    for load in ("idle", "one core busy"):
        competitor = None
        if load != "idle":
            competitor = multiprocessing.Process(target=busy, args=(3600,), daemon=True)
            competitor.start()
        try:
            for name in args.policies.split(","):
                threads, env = POLICIES[name]
                mlp, cnn = kernel_run(threads, env, args.repeats)
                rows.append((load, "NotebookDL kernel", name, mlp, cnn))
                print(rows[-1], file=sys.stderr, flush=True)
            for threads in (1, 2):
                mlp, cnn = python_run(threads, args.repeats)
                rows.append((load, "PyTorch-Python", f"{threads} thread{'s' if threads > 1 else ''}", mlp, cnn))
                print(rows[-1], file=sys.stderr, flush=True)
        finally:
            if competitor:
                competitor.terminate()
    print("| load | host | policy | tiny MLP, 1,000 steps (s) | CNN, 20 steps of 128 (s) |")
    print("|---|---|---|---|---|")
    for load, host, name, mlp, cnn in rows:
        print(f"| {load} | {host} | {name} | {mlp:.2f} | {cnn:.2f} |")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
