"""PyTorch-Python's side of the service load benchmark: the exported weights in fastai's vision layout, classifying the
same PNG files one at a time (PIL decode, scale to [0, 1], the exported Normalize, forward, softmax). Prints the median
milliseconds per picture. Usage: service_torch.py classifier.nbdl pictures_dir threads parity_dir"""
import io, json, os, sys, time, glob, zipfile
import numpy as np
import torch
from PIL import Image

# fastai's vision layout, as the parity tests build it (their folder is passed in: this script runs from the build output).
sys.path.insert(0, sys.argv[4])
from resnet_parity import fastai_layout  # noqa: E402


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
