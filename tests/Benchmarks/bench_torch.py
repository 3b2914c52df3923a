"""PyTorch-Python side of tests/Benchmarks: the same workloads as Workloads.cs, timed the same way.

Usage: /usr/bin/python3 bench_torch.py THREADS
Prints one line per workload: name<TAB>median seconds per iteration.
"""
import statistics
import sys
import time

import torch


def timed(fn, iterations, repeats=5):
    fn()  # warm-up
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        samples.append((time.perf_counter() - start) / iterations)
    return statistics.median(samples)


def tiny_add():
    a = torch.ones(1)
    b = torch.ones(1)
    return lambda: a + b


def matmul_512():
    torch.manual_seed(0)
    a = torch.randn(512, 512)
    b = torch.randn(512, 512)
    return lambda: a.matmul(b)


def mlp_step():
    torch.manual_seed(0)
    x = torch.randn(256, 784)
    y = torch.randint(0, 10, (256, 1))
    sizes = [(784, 256), (256, 128), (128, 10)]
    params = []
    for fan_in, fan_out in sizes:
        params.append((torch.randn(fan_out, fan_in) * 0.05).requires_grad_())
        params.append(torch.zeros(fan_out).requires_grad_())

    def step():
        h = torch.relu(x.matmul(params[0].t()) + params[1])
        h = torch.relu(h.matmul(params[2].t()) + params[3])
        logits = h.matmul(params[4].t()) + params[5]
        loss = -logits.log_softmax(1).gather(1, y).mean()
        loss.backward()
        for p in params:
            p.grad = None

    return step


def conv2d():
    torch.manual_seed(0)
    x = torch.randn(128, 64, 14, 14)
    w = torch.randn(64, 64, 3, 3)
    return lambda: torch.nn.functional.conv2d(x, w, padding=1)


def main():
    torch.set_num_threads(int(sys.argv[1]))
    for name, make, iterations in [("tiny_add", tiny_add, 100_000), ("matmul_512", matmul_512, 50), ("mlp_step", mlp_step, 50), ("conv2d", conv2d, 20)]:
        print(f"{name}\t{timed(make(), iterations):.9f}", flush=True)


if __name__ == "__main__":
    main()
