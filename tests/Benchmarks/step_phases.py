"""A training step of tests/Benchmarks split into forward+loss, backward and the optimizer step, in our kernel
(adaptive threads, then fixed at 1 and 2) and in PyTorch-Python 1.13 at 1 and 2 threads, same session: lstm_step (the
language model) or mlp_step (raw tensors, no optimizer). Medians of 15 steps after 3 warm-ups.
Run: CONFIGURATION=Release tests/Benchmarks/step_phases.sh lstm|mlp
"""
import json, statistics, time, sys
import torch
from torch import nn
from jupyter_client.manager import start_new_kernel

STEPS, WARM = 15, 3
CS_SETUP = {"lstm": r'''manual_seed(0);
var emb = nn.Embedding(10000, 64); var lstm = nn.LSTM(64, 256, numLayers: 2); var dec = nn.Linear(256, 10000);
var ps = emb.parameters().Concat(lstm.parameters()).Concat(dec.parameters()).ToList();
var opt = new NotebookDL.Optim.AdamWOptimizer([new NotebookDL.Optim.ParameterGroup(ps)], new NotebookDL.Optim.AdamWOptions { lr = 1e-3 });
var x = randint(0, 10000, [70, 32]); var y = randint(0, 10000, [70, 32]);
Tensor Forward() { var (o, _, _) = lstm.call(emb.call(x)); return nn.functional.cross_entropy(dec.call(o).view(-1, 10000), y.view(-1)); }
void Step() { opt.step(); opt.zero_grad(); }
''', "mlp": r'''manual_seed(0);
var x = randn(256, 784); var y = randint(0, 10, [256, 1]);
var ps = new List<Tensor>();
foreach (var (fanIn, fanOut) in new[] { (784, 256), (256, 128), (128, 10) }) { ps.Add((randn(fanOut, fanIn) * 0.05).requires_grad_()); ps.Add(zeros(fanOut).requires_grad_()); }
Tensor Forward() {
    var h = (x.matmul(ps[0].t()) + ps[1]).relu(); h = (h.matmul(ps[2].t()) + ps[3]).relu();
    var logits = h.matmul(ps[4].t()) + ps[5];
    return -logits.log_softmax(1).gather(1, y).mean();
}
void Step() { foreach (var p in ps) p.grad = null; }
'''}
CS_LOOP = r'''
var fwd = new List<double>(); var bwd = new List<double>(); var stp = new List<double>();
for (int i = 0; i < STEPS + WARM; i++) {
    using var scope = NewDisposeScope();
    NotebookDL.Engine.ThreadPolicy.Adjust(timeSteps: true);
    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
    var loss = Forward();
    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
    loss.backward();
    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
    Step();
    var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
    if (i >= WARM) { fwd.Add((t1-t0)*1000.0/System.Diagnostics.Stopwatch.Frequency); bwd.Add((t2-t1)*1000.0/System.Diagnostics.Stopwatch.Frequency); stp.Add((t3-t2)*1000.0/System.Diagnostics.Stopwatch.Frequency); }
}
double Med(List<double> v) { v.Sort(); return v[v.Count/2]; }
$"{Med(fwd):F3} {Med(bwd):F3} {Med(stp):F3}"
'''.replace("STEPS", str(STEPS)).replace("WARM", str(WARM))
WORKLOAD = sys.argv[1] if len(sys.argv) > 1 else "lstm"
CS = CS_SETUP[WORKLOAD] + CS_LOOP

def ours(prefix=""):
    km, kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=60)
    try:
        msg_id = kc.execute(prefix + CS)
        result = None
        while True:
            m = kc.get_iopub_msg(timeout=600)
            if m["parent_header"].get("msg_id") != msg_id: continue
            if m["msg_type"] == "execute_result": result = m["content"]["data"]["text/plain"]
            if m["msg_type"] == "error": raise RuntimeError(m["content"]["evalue"])
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle": break
        return [float(v) for v in result.strip('"').split()]
    finally:
        kc.stop_channels(); km.shutdown_kernel(now=True)

def python_setup():
    torch.manual_seed(0)
    if WORKLOAD == "lstm":
        emb, lstm, dec = nn.Embedding(10000, 64), nn.LSTM(64, 256, num_layers=2), nn.Linear(256, 10000)
        opt = torch.optim.AdamW([*emb.parameters(), *lstm.parameters(), *dec.parameters()], lr=1e-3)
        x = torch.randint(0, 10000, (70, 32)); y = torch.randint(0, 10000, (70, 32))
        def forward():
            o, _ = lstm(emb(x)); return nn.functional.cross_entropy(dec(o).view(-1, 10000), y.view(-1))
        def step():
            opt.step(); opt.zero_grad()
        return forward, step
    x = torch.randn(256, 784); y = torch.randint(0, 10, (256, 1))
    ps = []
    for fan_in, fan_out in [(784, 256), (256, 128), (128, 10)]:
        ps.append((torch.randn(fan_out, fan_in) * 0.05).requires_grad_()); ps.append(torch.zeros(fan_out).requires_grad_())
    def forward():
        h = (x @ ps[0].t() + ps[1]).relu(); h = (h @ ps[2].t() + ps[3]).relu()
        return -(h @ ps[4].t() + ps[5]).log_softmax(1).gather(1, y).mean()
    def step():
        for p in ps: p.grad = None
    return forward, step

def python(threads):
    torch.set_num_threads(threads)
    forward, step = python_setup()
    f, b, s = [], [], []
    for i in range(STEPS + WARM):
        t0 = time.perf_counter(); loss = forward()
        t1 = time.perf_counter(); loss.backward(); t2 = time.perf_counter()
        step(); t3 = time.perf_counter()
        if i >= WARM: f.append((t1-t0)*1e3); b.append((t2-t1)*1e3); s.append((t3-t2)*1e3)
    return [statistics.median(f), statistics.median(b), statistics.median(s)]

rows = [("NotebookDL (adaptive)", ours()), ("NotebookDL, 1 thread", ours("torch.set_num_threads(1);\n")), ("NotebookDL, 2 threads", ours("torch.set_num_threads(2);\n")), ("PyTorch 1.13, 1 thread", python(1)), ("PyTorch 1.13, 2 threads", python(2))]
print(f"{WORKLOAD}_step by phase")
print("| side | forward + loss (ms) | backward (ms) | optimizer step / clearing grads (ms) |")
print("|---|---|---|---|")
for name, (f, b, s) in rows:
    print(f"| {name} | {f:.2f} | {b:.2f} | {s:.2f} |")
