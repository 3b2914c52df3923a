"""Expected values for tests/NotebookDL.Tests/Architectures, from Debian's torch 1.13 + torchvision 0.14.

usage: /usr/bin/python3 resnet_parity.py resnets <dir>   torchvision ResNets: weights, inputs, logits, gradients
       /usr/bin/python3 resnet_parity.py vision <dir>    loads C#'s vision.pth into a fastai-layout model, runs it
Tensors are raw little-endian float32 files; <dir>/*.json describe them.
"""
import json, os, sys
import torch, torch.nn as nn, torchvision

torch.set_num_threads(1)


def dump(d, name, t):
    open(os.path.join(d, name + ".bin"), "wb").write(t.detach().contiguous().float().numpy().tobytes())
    return list(t.shape)


def perturb_bn(model, g):
    # torchvision's init leaves BN as the identity in eval mode; random statistics make eval parity meaningful.
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(torch.rand(m.weight.shape, generator=g) + 0.5)
                m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.1)
                m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)


GRADS = ["conv1.weight", "bn1.weight", "layer1.0.conv1.weight", "layer4.0.conv1.weight", "layer4.0.downsample.0.weight",
         "layer4.1.conv2.weight", "fc.weight", "fc.bias"]


def resnets(d):
    meta = {}
    # resnet18_32: 32x32 inputs leave layer4 a 1x1 map, the case SmallMapConv2d computes as a matrix multiply.
    for arch, size in [("resnet18", 64), ("resnet34", 64), ("resnet50", 64), ("resnet18_32", 32)]:
        torch.manual_seed(0)
        g = torch.Generator().manual_seed(1)
        model = getattr(torchvision.models, arch.split("_")[0])(num_classes=10)
        perturb_bn(model, g)
        torch.save(model.state_dict(), os.path.join(d, arch + ".pth"))
        # Train-mode batch norm on 1x1 maps normalises over the batch alone; 2 samples would make it amplify rounding.
        n = 8 if size == 32 else 2
        x = torch.randn(n, 3, size, size, generator=g)
        target = torch.randn(n, 10, generator=g)
        model.eval()
        with torch.no_grad():
            logits = model(x)
        model.train()
        out = model(x)
        loss = (out * target).sum()
        loss.backward()
        params = dict(model.named_parameters())
        m = {"keys": list(model.state_dict().keys()), "x": dump(d, arch + ".x", x), "target": dump(d, arch + ".target", target),
             "eval": dump(d, arch + ".eval", logits), "train": dump(d, arch + ".train", out), "loss": loss.item(), "grads": GRADS}
        for name in GRADS:
            dump(d, arch + ".grad." + name, params[name].grad)
        meta[arch] = m

    # Pretrained ImageNet-shaped weights (1000 classes) and what fastai makes of them for 1-channel input.
    torch.manual_seed(2)
    g = torch.Generator().manual_seed(3)
    rgb = torchvision.models.resnet18()
    perturb_bn(rgb, g)
    torch.save(rgb.state_dict(), os.path.join(d, "pretrained18.pth"))
    gray = torchvision.models.resnet18()
    gray.load_state_dict(rgb.state_dict())
    gray.conv1 = nn.Conv2d(1, 64, 7, 2, 3, bias=False)
    gray.conv1.weight.data = rgb.conv1.weight.data.sum(dim=1, keepdim=True)
    gray.eval()
    xg = torch.randn(2, 1, 28, 28, generator=g)
    with torch.no_grad():
        lg = gray(xg)
    meta["gray"] = {"x": dump(d, "gray.x", xg), "eval": dump(d, "gray.eval", lg), "conv1": dump(d, "gray.conv1", gray.conv1.weight)}
    json.dump(meta, open(os.path.join(d, "resnets.json"), "w"))


class AdaptiveConcatPool2d(nn.Module):
    """fastai v2's layer, written out here so the test does not need fastai: max pool first, then average."""
    def __init__(self):
        super().__init__()
        self.ap, self.mp = nn.AdaptiveAvgPool2d(1), nn.AdaptiveMaxPool2d(1)

    def forward(self, x):
        return torch.cat([self.mp(x), self.ap(x)], 1)


def fastai_layout(n_in, n_out):
    """create_vision_model(resnet18, n_out, n_in=n_in) with fastai v2 defaults: cut -2 and create_head's layers."""
    body = list(torchvision.models.resnet18().children())[:-2]
    if n_in != 3:
        body[0] = nn.Conv2d(n_in, 64, 7, 2, 3, bias=False)
    head = nn.Sequential(AdaptiveConcatPool2d(), nn.Flatten(), nn.BatchNorm1d(1024), nn.Dropout(0.25), nn.Linear(1024, 512, bias=False),
                         nn.ReLU(inplace=True), nn.BatchNorm1d(512), nn.Dropout(0.5), nn.Linear(512, n_out, bias=False))
    return nn.Sequential(nn.Sequential(*body), head)


def vision(d):
    spec = json.load(open(os.path.join(d, "vision_in.json")))
    model = fastai_layout(spec["n_in"], spec["n_out"])
    state = torch.load(os.path.join(d, "vision.pth"))
    model.load_state_dict(state, strict=True)
    model.eval()
    x = torch.frombuffer(bytearray(open(os.path.join(d, "vision.x.bin"), "rb").read()), dtype=torch.float32).reshape(spec["x"]).clone()
    with torch.no_grad():
        y = model(x)
    json.dump({"keys": list(model.state_dict().keys()), "eval": dump(d, "vision.eval", y),
               "repr": repr(model[1])}, open(os.path.join(d, "vision_out.json"), "w"))


if __name__ == "__main__":
    {"resnets": resnets, "vision": vision}[sys.argv[1]](sys.argv[2])
