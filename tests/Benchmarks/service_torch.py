"""PyTorch-Python's side of the service load benchmark: the exported weights in fastai's vision layout, classifying the
same PNG files one at a time (PIL decode, scale to [0, 1], the exported Normalize, forward, softmax). Prints the median
milliseconds per picture. Usage: service_torch.py classifier.nbdl pictures_dir threads"""
import io, json, os, sys, time, glob, zipfile
import numpy as np
import torch, torch.nn as nn, torchvision
from PIL import Image



class AdaptiveConcatPool2d(nn.Module):
    def __init__(self):
        super().__init__()
        self.ap, self.mp = nn.AdaptiveAvgPool2d(1), nn.AdaptiveMaxPool2d(1)

    def forward(self, x):
        return torch.cat([self.mp(x), self.ap(x)], 1)


def fastai_layout(n_in, n_out):
    body = list(torchvision.models.resnet18().children())[:-2]
    body[0] = nn.Conv2d(n_in, 64, 7, 2, 3, bias=False)
    head = nn.Sequential(AdaptiveConcatPool2d(), nn.Flatten(), nn.BatchNorm1d(1024), nn.Dropout(0.25), nn.Linear(1024, 512, bias=False),
                         nn.ReLU(inplace=True), nn.BatchNorm1d(512), nn.Dropout(0.5), nn.Linear(512, n_out, bias=False))
    return nn.Sequential(nn.Sequential(*body), head)


exported, folder, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.set_num_threads(threads)
with zipfile.ZipFile(exported) as z:
    state = torch.load(io.BytesIO(z.read("model.pt")))
    normalize = json.loads(z.read("learner.json"))["image"]["normalize"]
model = fastai_layout(1, 10)
model.load_state_dict(state, strict=True)
model.eval()
files = sorted(glob.glob(os.path.join(folder, "test-*.png")))
mean, std = normalize["mean"][0], normalize["std"][0]


def classify(path):
    x = torch.from_numpy(np.asarray(Image.open(path).convert("L"), dtype=np.float32) / 255)[None, None]
    with torch.no_grad():
        return torch.softmax(model((x - mean) / std), 1)


for path in files[:20]:
    classify(path)
times = []
for i in range(2 * len(files)):
    start = time.perf_counter()
    classify(files[i % len(files)])
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.4f}")
