"""The LSTM language-model step (tests/Benchmarks lstm_step) split into forward+loss, backward and the optimizer step,
in our kernel (adaptive threads, then fixed at 1 and 2) and in PyTorch-Python 1.13 at 1 and 2 threads, same session.
Medians of 15 steps after 3 warm-ups. Run: CONFIGURATION=Release tests/Benchmarks/lstm_phases.sh
"""
import json, statistics, time, sys
import torch
from torch import nn
from jupyter_client.manager import start_new_kernel

STEPS, WARM = 15, 3
CS = r'''
manual_seed(0);
var emb = nn.Embedding(10000, 64); var lstm = nn.LSTM(64, 256, numLayers: 2); var dec = nn.Linear(256, 10000);
var ps = emb.parameters().Concat(lstm.parameters()).Concat(dec.parameters()).ToList();
var opt = new NotebookDL.Optim.AdamW([new NotebookDL.Optim.ParamGroup(ps)], new NotebookDL.Optim.AdamWOptions { lr = 1e-3 });
var x = randint(0, 10000, [70, 32]); var y = randint(0, 10000, [70, 32]);
var fwd = new List<double>(); var bwd = new List<double>(); var stp = new List<double>();
for (int i = 0; i < STEPS + WARM; i++) {
    using var scope = NewDisposeScope();
    NotebookDL.Engine.ThreadPolicy.Adjust(timeSteps: true);
    var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
    var (o, _, _) = lstm.call(emb.call(x));
    var loss = nn.functional.cross_entropy(dec.call(o).view(-1, 10000), y.view(-1));
    var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
    loss.backward();
    var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
    opt.step(); opt.zero_grad();
    var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
    if (i >= WARM) { fwd.Add((t1-t0)*1000.0/System.Diagnostics.Stopwatch.Frequency); bwd.Add((t2-t1)*1000.0/System.Diagnostics.Stopwatch.Frequency); stp.Add((t3-t2)*1000.0/System.Diagnostics.Stopwatch.Frequency); }
}
double Med(List<double> v) { v.Sort(); return v[v.Count/2]; }
$"{Med(fwd):F1} {Med(bwd):F1} {Med(stp):F1}"
'''.replace("STEPS", str(STEPS)).replace("WARM", str(WARM))

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

def python(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    emb, lstm, dec = nn.Embedding(10000, 64), nn.LSTM(64, 256, num_layers=2), nn.Linear(256, 10000)
    opt = torch.optim.AdamW([*emb.parameters(), *lstm.parameters(), *dec.parameters()], lr=1e-3)
    x = torch.randint(0, 10000, (70, 32)); y = torch.randint(0, 10000, (70, 32))
    f, b, s = [], [], []
    for i in range(STEPS + WARM):
        t0 = time.perf_counter()
        o, _ = lstm(emb(x)); loss = nn.functional.cross_entropy(dec(o).view(-1, 10000), y.view(-1))
        t1 = time.perf_counter(); loss.backward(); t2 = time.perf_counter()
        opt.step(); opt.zero_grad(); t3 = time.perf_counter()
        if i >= WARM: f.append((t1-t0)*1e3); b.append((t2-t1)*1e3); s.append((t3-t2)*1e3)
    return [statistics.median(f), statistics.median(b), statistics.median(s)]

rows = [("NotebookDL (adaptive)", ours()), ("NotebookDL, 1 thread", ours("torch.set_num_threads(1);\n")), ("NotebookDL, 2 threads", ours("torch.set_num_threads(2);\n")), ("PyTorch 1.13, 1 thread", python(1)), ("PyTorch 1.13, 2 threads", python(2))]
print("| side | forward + loss (ms) | backward (ms) | AdamW step + zero_grad (ms) |")
print("|---|---|---|---|")
for name, (f, b, s) in rows:
    print(f"| {name} | {f:.1f} | {b:.1f} | {s:.1f} |")
