# The same computations as ContractTests.cs, in Debian's python3-torch, on the same inputs; prints one JSON object.
import json, math, torch, torch.nn.functional as F
torch.set_num_threads(1)

def inp(seed, *shape):
    n = math.prod(shape)
    return torch.sin(torch.arange(n, dtype=torch.float32) * 0.37 + seed).reshape(shape)

out = {}
x = inp(1, 2, 3, 8, 8)
w = inp(2, 4, 3, 3, 3) * 0.2
b = inp(3, 4)
out["conv2d"] = F.conv2d(x, w, b, stride=2, padding=1)
out["linear"] = F.linear(inp(4, 5, 6), inp(5, 3, 6), inp(6, 3))
out["max_pool2d"] = F.max_pool2d(x, 3, stride=2, padding=1)
out["adaptive_avg_pool2d"] = F.adaptive_avg_pool2d(x, 3)
out["adaptive_max_pool2d"] = F.adaptive_max_pool2d(x, 1)
rm, rv = torch.zeros(3), torch.ones(3)
out["batch_norm_train"] = F.batch_norm(x, rm, rv, inp(7, 3), inp(8, 3), training=True, momentum=0.1, eps=1e-5)
out["batch_norm_running_var"] = rv
logits, target = inp(9, 6, 5), torch.tensor([0, 4, 2, 1, 3, 4])
out["cross_entropy"] = F.cross_entropy(logits, target, label_smoothing=0.1)
out["log_softmax"] = F.log_softmax(logits, dim=1)
theta = torch.tensor([[[0.9, -0.2, 0.1], [0.3, 1.1, -0.05]], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
grid = F.affine_grid(theta, [2, 3, 8, 8], align_corners=True)
out["affine_grid"] = grid
out["grid_sample"] = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=True)
out["interpolate_bilinear"] = F.interpolate(x, size=(5, 11), mode="bilinear", align_corners=False)
out["embedding"] = F.embedding(torch.tensor([[1, 0, 3], [2, 2, 1]]), inp(10, 4, 5))
xg = inp(11, 2, 3, 8, 8).requires_grad_()
wg = (inp(12, 4, 3, 3, 3) * 0.2).requires_grad_()
F.conv2d(xg, wg, padding=1).pow(2).mean().backward()
out["conv2d_grad_input"], out["conv2d_grad_weight"] = xg.grad, wg.grad
print(json.dumps({k: v.detach().reshape(-1).tolist() for k, v in out.items()}))
