"""PyTorch-Python side of tests/Benchmarks: the same workloads as Workloads.cs, timed the same way.

Usage: /usr/bin/python3 bench_torch.py THREADS
Prints one line per workload: name<TAB>median seconds per iteration.
"""
import gzip
import os
import warnings
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

FASHION_MNIST = "/usr/share/datasets/fashion-mnist"
CNN_BATCH = 128
CNN_STEPS = 60_000 // CNN_BATCH


def timed(fn, iterations, repeats=5):
    if iterations * repeats > 1:
        fn()  # warm-up (a single whole-epoch iteration warmed itself up when it was made)
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


def adamw_step():
    """AdamW's step alone over the tabular MLP's 6 parameters (gradients set once and kept)."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(40, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(), nn.Linear(200, 1))
    for p in model.parameters():
        p.grad = torch.randn(p.shape)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-6)
    return opt.step


def tab_mlp_step():
    """The tabular-sized MLP 40-200-200-1 (ReLU, MSE), batch 64, AdamW: one full training step."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(40, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(), nn.Linear(200, 1))
    x = torch.randn(64, 40)
    y = torch.randn(64, 1)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)

    def step():
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)  # what NotebookDL's zero_grad() does by default

    return step


def load_fashion_mnist():
    """Train images as normalised float (60000, 1, 28, 28) and int64 labels, from the IDX files."""
    with gzip.open(f"{FASHION_MNIST}/train-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(f"{FASHION_MNIST}/train-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    x = torch.from_numpy(images.copy()).float().div(255)
    x = x.sub(x.mean()).div(x.std())
    return x, torch.from_numpy(labels.astype(np.int64))


def simple_cnn():
    """NotebookDL's Models.SimpleCnn, layer for layer."""
    torch.manual_seed(0)
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10))


def cnn_epoch():
    """The plain loop of TrainingWorkloads.CnnLoop: a permutation per epoch, index_select, forward, backward, AdamW."""
    x, y = load_fashion_mnist()
    model = simple_cnn()
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    state = {"step": 0, "perm": None}

    def step():
        if state["step"] % CNN_STEPS == 0:
            state["perm"] = torch.randperm(x.shape[0])
        idx = state["perm"].narrow(0, state["step"] % CNN_STEPS * CNN_BATCH, CNN_BATCH)
        state["step"] += 1
        loss = nn.functional.cross_entropy(model(x.index_select(0, idx)), y.index_select(0, idx))
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)

    return step


def load_folder():
    """torchvision's ImageFolder + DataLoader(num_workers=2) over the 10,000 test PNGs, Resize(32), batches of 128."""
    import torchvision
    from torchvision import transforms
    folder = os.path.join(os.environ["NBDL_FMNIST_FOLDER"], "test")
    dataset = torchvision.datasets.ImageFolder(folder, transform=transforms.Compose([transforms.Resize(32), transforms.ToTensor()]))
    loader = torch.utils.data.DataLoader(dataset, batch_size=128, num_workers=2)

    def epoch():
        for _ in loader:
            pass

    return epoch


def resnet18_step(channels_last=False):
    """torchvision's resnet18 with a 1-channel stem, 10 classes: forward, loss, backward, AdamW on 128 32x32 images."""
    import torchvision
    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10)
    model.conv1 = nn.Conv2d(1, 64, 7, 2, 3, bias=False)
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x = torch.randn(128, 1, 32, 32)
    y = torch.randint(0, 10, (128,))

    def step():
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)

    return step


# Python has no Learner: its side of cnn_learner is the same plain epoch (so the ratio shows the Learner's overhead).
def lstm_step():
    """LanguageModelWorkloads.LstmStep: Embedding 10000x64, 2-layer LSTM 256, decoder, seq 70 x bs 32, AdamW."""
    torch.manual_seed(0)
    emb, lstm, dec = nn.Embedding(10000, 64), nn.LSTM(64, 256, num_layers=2), nn.Linear(256, 10000)
    opt = torch.optim.AdamW([*emb.parameters(), *lstm.parameters(), *dec.parameters()], lr=1e-3)
    x = torch.randint(0, 10000, (70, 32))
    y = torch.randint(0, 10000, (70, 32))

    def step():
        output, _ = lstm(emb(x))
        loss = nn.functional.cross_entropy(dec(output).view(-1, 10000), y.view(-1))
        loss.backward()
        opt.step()
        opt.zero_grad()

    return step


def csv_oj():
    """pandas' read_csv of orangeJuice's sales table (the file Csv.Read reads)."""
    import pandas as pd
    path = os.environ["NBDL_OJ_CSV"]
    return lambda: pd.read_csv(path)


def csv_wide():
    """pandas' read_csv of the wide table (8,190 x 1,503) Csv.Read reads."""
    import pandas as pd
    path = os.environ["NBDL_WIDE_CSV"]
    return lambda: pd.read_csv(path)


class TabularNet(nn.Module):
    """fastai's TabularModel as NotebookDL builds it: embeddings, BatchNorm on continuous inputs, Linear-ReLU-BN
    blocks, a final Linear and a sigmoid range."""

    def __init__(self, cards, n_cont, layers, y_range):
        super().__init__()
        widths = [min(600, round(1.6 * n ** 0.56)) for n in cards]
        self.embeds = nn.ModuleList([nn.Embedding(n, w) for n, w in zip(cards, widths)])
        self.bn_cont = nn.BatchNorm1d(n_cont)
        sizes = [sum(widths) + n_cont] + layers
        blocks = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            blocks += [nn.Linear(a, b, bias=False), nn.ReLU(), nn.BatchNorm1d(b)]
        blocks.append(nn.Linear(sizes[-1], 1))
        self.layers = nn.Sequential(*blocks)
        self.n_cat, self.y_range = len(cards), y_range

    def forward(self, x):
        cat, cont = x[:, :self.n_cat].long(), x[:, self.n_cat:]
        h = torch.cat([e(cat[:, i]) for i, e in enumerate(self.embeds)] + [self.bn_cont(cont)], 1)
        low, high = self.y_range
        return torch.sigmoid(self.layers(h)) * (high - low) + low


def mse_epoch(model, opt, x, y, bs):
    """The plain loop both regression workloads time: one pass over randperm batches, MSE, backward, step."""
    n = x.size(0)

    def epoch():
        model.train()
        order = torch.randperm(n)
        for start in range(0, n, bs):
            index = order[start:start + bs]
            loss = nn.functional.mse_loss(model(x[index]).view(-1), y[index])
            loss.backward()
            opt.step()
            opt.zero_grad()

    return epoch


def tab_epoch(bs):
    """One training epoch of the lesson's tabular net on the encoded orangeJuice rows: shuffled batches, MSE, AdamW."""
    folder = os.environ["NBDL_TAB_DATA"]
    with open(os.path.join(folder, "shape.txt")) as f:
        n, n_cat, n_cont, cards = f.read().split()
    n, n_cat, n_cont = int(n), int(n_cat), int(n_cont)
    x = torch.from_numpy(np.fromfile(os.path.join(folder, "x.f32"), dtype=np.float32).reshape(n, n_cat + n_cont))
    y = torch.from_numpy(np.fromfile(os.path.join(folder, "y.f32"), dtype=np.float32))
    torch.manual_seed(0)
    model = TabularNet([int(c) for c in cards.split(",")], n_cont, [200, 100], (0, 16))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)

    return mse_epoch(model, opt, x, y, bs)


class DotProductBias(nn.Module):
    """NotebookDL's Models.DotProductBias: user and item factors and biases, a sigmoid range."""

    def __init__(self, n_users, n_items, n_factors, y_range):
        super().__init__()
        self.u_weight, self.i_weight = nn.Embedding(n_users, n_factors), nn.Embedding(n_items, n_factors)
        self.u_bias, self.i_bias = nn.Embedding(n_users, 1), nn.Embedding(n_items, 1)
        self.y_range = y_range

    def forward(self, x):
        codes = x.long()
        users, items = codes[:, 0], codes[:, 1]
        dot = (self.u_weight(users) * self.i_weight(items)).sum(1)
        result = dot + self.u_bias(users).squeeze(1) + self.i_bias(items).squeeze(1)
        low, high = self.y_range
        return torch.sigmoid(result) * (high - low) + low


def collab_epoch(bs):
    """One training epoch of the dot-product model on MovieLens' encoded training ratings: AdamW wd 0.1, MSE."""
    folder = os.environ["NBDL_COLLAB_DATA"]
    with open(os.path.join(folder, "shape.txt")) as f:
        n, cards = f.read().split()
    n = int(n)
    n_users, n_items = (int(c) for c in cards.split(","))
    x = torch.from_numpy(np.fromfile(os.path.join(folder, "x.f32"), dtype=np.float32).reshape(n, 2))
    y = torch.from_numpy(np.fromfile(os.path.join(folder, "y.f32"), dtype=np.float32))
    torch.manual_seed(0)
    model = DotProductBias(n_users, n_items, 50, (0, 5.5))
    opt = torch.optim.AdamW(model.parameters(), lr=5e-3, weight_decay=0.1)

    return mse_epoch(model, opt, x, y, bs)


class WeightDropout(nn.Module):
    """fastai's WeightDropout: the LSTM's hidden-to-hidden weight kept raw, dropped out once per forward pass."""

    def __init__(self, module, p):
        super().__init__()
        self.module, self.p = module, p
        w = getattr(module, "weight_hh_l0")
        self.register_parameter("weight_hh_l0_raw", nn.Parameter(w.data))
        delattr(module, "weight_hh_l0")
        setattr(module, "weight_hh_l0", w.data.clone())

    def forward(self, x, h):
        setattr(self.module, "weight_hh_l0", nn.functional.dropout(self.weight_hh_l0_raw, self.p, self.training))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=UserWarning)   # non-contiguous weights: fastai silences it too
            return self.module(x, h)


class AwdLstmLm(nn.Module):
    """NotebookDL's LanguageModel(AwdLstm): embedding dropout, variational input/hidden dropout, weight dropout, tied decoder."""

    def __init__(self, vocab, emb, hid, layers, hidden_p, input_p, embed_p, weight_p, output_p):
        super().__init__()
        self.encoder = nn.Embedding(vocab, emb)
        self.rnns = nn.ModuleList([WeightDropout(nn.LSTM(emb if l == 0 else hid, emb if l == layers - 1 else hid, batch_first=True), weight_p)
                                   for l in range(layers)])
        self.ps = (hidden_p, input_p, embed_p, output_p)
        self.decoder_bias = nn.Parameter(torch.zeros(vocab))
        self.hidden = None

    @staticmethod
    def variational(x, p):
        return x * x.new_empty(x.size(0), 1, x.size(2)).bernoulli_(1 - p).div_(1 - p)

    def forward(self, words):
        hidden_p, input_p, embed_p, output_p = self.ps
        w = self.encoder.weight
        w = w * w.new_empty(w.size(0), 1).bernoulli_(1 - embed_p).div_(1 - embed_p)
        out = self.variational(nn.functional.embedding(words, w), input_p)
        if self.hidden is None:
            self.hidden = [(out.new_zeros(1, words.size(0), r.module.hidden_size),) * 2 for r in self.rnns]
        new = []
        for l, rnn in enumerate(self.rnns):
            out, h = rnn(out, self.hidden[l])
            new.append(tuple(t.detach() for t in h))
            if l != len(self.rnns) - 1:
                out = self.variational(out, hidden_p)
        self.hidden = new
        return nn.functional.linear(nn.functional.dropout(out, output_p), self.encoder.weight, self.decoder_bias)


def awd_lm_step():
    """TextWorkloads.AwdLmStep: AWD-LSTM LM, vocab 10000, emb 200, hidden 400, 3 layers, bs 32 x bptt 70, AdamW."""
    torch.manual_seed(0)
    model = AwdLstmLm(10000, 200, 400, 3, 0.15, 0.25, 0.02, 0.2, 0.1)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x = torch.randint(0, 10000, (32, 70))
    y = torch.randint(0, 10000, (32, 70))

    def step():
        loss = nn.functional.cross_entropy(model(x).view(-1, 10000), y.view(-1))
        loss.backward()
        opt.step()
        opt.zero_grad()

    return step


def tokenize_reviews():
    """NotebookDL's Tokenizer rules with Python's re, over the 4,000 training reviews (one process)."""
    import csv, html, re
    with open(os.environ["NBDL_REVIEWS_CSV"], newline="") as f:
        reviews = [row["review"] for row in csv.DictReader(f)]
    br, rep, spaces = re.compile(r"<\s*br\s*/?\s*>", re.I), re.compile(r"(\S)\1{2,}"), re.compile(" {2,}")
    wrep = re.compile(r"(?<!\S)(\w+)\s+((?:\1\s+)+)\1(?=\s|\W|$)")
    slash = re.compile(r"([/#\\])")
    word = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_])|(?<=\d)\.(?=\d))*|\.+|-+|\S")
    clitics = ("n't", "'s", "'re", "'ll", "'ve", "'m", "'d")

    def split(text):
        out = []
        for t in word.findall(text):
            t = t.replace("’", "'")
            for c in clitics:
                if len(t) > len(c) and t.lower().endswith(c):
                    out += [t[:-len(c)], t[-len(c):]]
                    break
            else:
                out.append(t)
        return out

    def tokenize(text):
        text = html.unescape(br.sub("\n", text)).replace("\\n", "\n").replace("\xa0", " ")
        text = rep.sub(lambda m: f" xxrep {len(m.group(0))} {m.group(1)} ", text)
        text = wrep.sub(lambda m: f" xxwrep {len(m.group(2).split()) + 2} {m.group(1)} ", text)
        text = spaces.sub(" ", slash.sub(r" \1 ", text))
        tokens = []
        for t in split(text):
            if len(t) > 1 and t.isupper():
                tokens += ["xxup", t.lower()]
            elif t[:1].isupper() and (len(t) == 1 or t[1:].islower()):
                tokens += ["xxmaj", t.lower()]
            else:
                tokens.append(t if t.startswith("xx") else t.lower())
        return ["xxbos"] + tokens

    return lambda: [tokenize(r) for r in reviews]


WORKLOADS = {
    "tiny_add": (tiny_add, 100_000, 5),
    "matmul_512": (matmul_512, 50, 5),
    "mlp_step": (mlp_step, 50, 5),
    "conv2d": (conv2d, 20, 5),
    "adamw_step": (adamw_step, 1000, 5),
    "tab_mlp_step": (tab_mlp_step, 500, 5),
    "cnn_epoch": (cnn_epoch, CNN_STEPS, 1),
    "load_folder": (load_folder, 1, 3),
    "resnet18_step": (resnet18_step, 50, 1),
    # The same with the weights channels-last on both sides (NotebookDL's VisionLearner default).
    "resnet18_cl": (lambda: resnet18_step(channels_last=True), 50, 1),
    "lstm_step": (lstm_step, 20, 3),
    "csv_oj": (csv_oj, 1, 5),
    "csv_wide": (csv_wide, 1, 5),
    "tab_epoch_64": (lambda: tab_epoch(64), 1, 3),
    "tab_epoch_512": (lambda: tab_epoch(512), 1, 3),
    "collab_epoch_64": (lambda: collab_epoch(64), 1, 3),
    "collab_epoch_1024": (lambda: collab_epoch(1024), 1, 3),
    "awd_lm_step": (awd_lm_step, 5, 3),
    "tokenize_reviews": (tokenize_reviews, 1, 5),
}


def blas_in_use():
    """The BLAS library this process maps after a matrix product: a fair baseline needs an optimized one."""
    a = torch.rand(64, 64)
    a @ a
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    return sorted(os.path.realpath(p) for p in paths)


def main():
    blas = blas_in_use()
    # Debian's reference BLAS (netlib, /usr/lib/x86_64-linux-gnu/blas/libblas.so.3) is 17x slower at matrix products
    # than OpenBLAS: against it every ratio is inflated. build.sh installs libopenblas0-openmp.
    if not blas or any("/blas/libblas" in p for p in blas):
        sys.exit(f"PyTorch-Python runs on the reference BLAS ({blas}): install libopenblas0-openmp for a fair baseline")
    print(f"# blas\t{' '.join(blas)}", file=sys.stderr, flush=True)
    torch.set_num_threads(int(sys.argv[1]))
    names = sys.argv[2].split(",") if len(sys.argv) > 2 else list(WORKLOADS) + ["cnn_learner"]
    if "cnn_learner" in names and "cnn_epoch" not in names:
        names.append("cnn_epoch")
    for name in names:
        if name == "cnn_learner":
            continue
        make, iterations, repeats = WORKLOADS[name]
        seconds = timed(make(), iterations, repeats)
        print(f"{name}\t{seconds:.9f}", flush=True)
        if name == "cnn_epoch":
            # cnn_learner's iteration is a whole epoch; Python's counterpart is the same plain epoch, timed once.
            print(f"cnn_learner\t{seconds * iterations:.9f}", flush=True)


if __name__ == "__main__":
    main()
