#!/usr/bin/python3
"""PyTorch side of NotebookDL's parity tests (tests/NotebookDL.Torch.Tests/Parity).

Usage: /usr/bin/python3 tests/parity/torch_parity.py <dir>

<dir>/manifest.json lists the cases written by the C# test: for each case its name, kind ("op", "grad" or
"print") and input files (raw little-endian arrays with dtype, shape and requires_grad). This script computes
every case with PyTorch, using the function registered below under the same name, and writes
<dir>/results.json plus one raw file per output tensor:
  - "op":    the function returns a tensor or a tuple/list of tensors; all are written;
  - "grad":  the function returns a scalar loss; the loss and the .grad of every input created with
             requires_grad (in input order) are written, after loss.backward();
  - "print": the function returns a tensor; str(tensor) is stored as text.
An unknown case name, kind or dtype stops the script with a message and exit status 2: the tables on both
sides must agree. An exception inside a case is recorded as that case's error (the C# test reports it).
"""
import json
import math
import os
import sys
import traceback

import numpy as np
import torch

DTYPES = {
    "float32": (np.dtype("<f4"), torch.float32),
    "float64": (np.dtype("<f8"), torch.float64),
    "float16": (np.dtype("<f2"), torch.float16),
    "int64": (np.dtype("<i8"), torch.int64),
    "int32": (np.dtype("<i4"), torch.int32),
    "int16": (np.dtype("<i2"), torch.int16),
    "int8": (np.dtype("i1"), torch.int8),
    "uint8": (np.dtype("u1"), torch.uint8),
    "bool": (np.dtype("?"), torch.bool),
}
TORCH_TO_NAME = {t: name for name, (_, t) in DTYPES.items()}

# ---------------------------------------------------------------------------------------------------------
# Element-wise and other ops ("op" cases). Each takes the inputs in manifest order.
# ---------------------------------------------------------------------------------------------------------

OPS = {
    # unary math
    "exp": lambda x: x.exp(),
    "log": lambda x: x.log(),
    "log1p": lambda x: x.log1p(),
    "log2": lambda x: x.log2(),
    "expm1": lambda x: x.expm1(),
    "sqrt": lambda x: x.sqrt(),
    "rsqrt": lambda x: x.rsqrt(),
    "abs": lambda x: x.abs(),
    "neg": lambda x: -x,
    "sign": lambda x: x.sign(),
    "floor": lambda x: x.floor(),
    "ceil": lambda x: x.ceil(),
    "round": lambda x: x.round(),
    "trunc": lambda x: x.trunc(),
    "frac": lambda x: x.frac(),
    "reciprocal": lambda x: x.reciprocal(),
    "square": lambda x: x.square(),
    "sin": lambda x: x.sin(),
    "cos": lambda x: x.cos(),
    "tan": lambda x: x.tan(),
    "asin": lambda x: x.asin(),
    "atan": lambda x: x.atan(),
    "sinh": lambda x: x.sinh(),
    "tanh": lambda x: x.tanh(),
    "log10": lambda x: x.log10(),
    "cosh": lambda x: x.cosh(),
    "acos": lambda x: x.acos(),
    "clip": lambda x: x.clip(-1, 2),
    "erf": lambda x: x.erf(),
    "sigmoid": lambda x: x.sigmoid(),
    "relu": lambda x: x.relu(),
    "leaky_relu": lambda x: torch.nn.functional.leaky_relu(x, 0.2),
    "leaky_relu_default": lambda x: torch.nn.functional.leaky_relu(x),
    "gelu": lambda x: torch.nn.functional.gelu(x),
    "gelu_tanh": lambda x: torch.nn.functional.gelu(x, approximate="tanh"),
    "silu": lambda x: torch.nn.functional.silu(x),
    "softplus": lambda x: torch.nn.functional.softplus(x),
    "softplus_beta": lambda x: torch.nn.functional.softplus(x, beta=2, threshold=3),
    "softmax": lambda x: x.softmax(1),
    "softmax_last_3d": lambda x: x.softmax(-1),
    "log_softmax": lambda x: x.log_softmax(0),
    "isnan_isinf": lambda x: (x.log().isnan(), (x / torch.zeros_like(x)).isinf()),
    # binary with broadcasting
    "add_alpha": lambda a, b: a.add(b, alpha=2.5),
    "add_scalar": lambda a: a + 1.5,
    "sub_broadcast": lambda a, b: a - b,
    "sub_alpha": lambda a, b: torch.sub(a, b, alpha=-0.5),
    "rsub_scalar": lambda a: 2 - a,
    "mul_broadcast": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "div_scalar": lambda a: a / 3,
    "rdiv_scalar": lambda a: 2 / a,
    "pow_tensor": lambda a, b: a.pow(b),
    "pow_scalar": lambda a: a.pow(3),
    "pow_half": lambda a: a.pow(0.5),
    "rpow_scalar": lambda a: 2 ** a,
    "pow_functional": lambda a, b: (torch.pow(a, b), torch.pow(a, 2), torch.pow(3, b)),
    "maximum": lambda a, b: torch.maximum(a, b),
    "minimum": lambda a, b: torch.minimum(a, b),
    "remainder": lambda a, b: a.remainder(b),
    "remainder_scalar": lambda a: a % -1.5,
    "fmod": lambda a, b: a.fmod(b),
    "atan2": lambda a, b: torch.atan2(a, b),
    "where": lambda c, a, b: torch.where(c, a, b),
    "where_scalars": lambda c: torch.where(c, 1.5, -2.0),
    "where_int_scalars": lambda c: torch.where(c, 3, -2),
    "where_bool_scalars": lambda c: torch.where(c, False, True),
    "where_mixed_scalars": lambda c: torch.where(c, 3, 0.5),
    "lerp_scalar": lambda a, b: torch.lerp(a, b, 0.3),
    "lerp_tensor": lambda a, b, w: torch.lerp(a, b, w),
    "clamp": lambda x: x.clamp(-0.5, 1.0),
    "clamp_min": lambda x: x.clamp(min=0.25),
    "clamp_max_int": lambda x: x.clamp(max=3),
    "int_add": lambda a, b: a + b,
    "int_plus_float_scalar": lambda a: a + 1.5,
    "int_times_int_scalar": lambda a: a * 3,
    "int_div": lambda a, b: a / b,
    "int_remainder": lambda a, b: a % b,
    "int_float_promotion": lambda a, b: a * b,
    # comparisons and logic
    "lt": lambda a, b: a < b,
    "le_scalar": lambda a: a <= 0.5,
    "gt": lambda a, b: a > b,
    "ge_scalar": lambda a: a >= -0.5,
    "eq_int": lambda a, b: a == b,
    "ne_int_scalar": lambda a: a != 2,
    "logical_and": lambda a, b: torch.logical_and(a, b),
    "logical_or": lambda a, b: torch.logical_or(a, b),
    "logical_xor": lambda a, b: torch.logical_xor(a, b),
    "logical_not": lambda a: torch.logical_not(a),
    "bitwise_int": lambda a, b: (a & b, a | b, a ^ b, ~a),
    "bitwise_bool": lambda a, b: (a & b, a | b, a ^ b, ~a),
    # linear algebra
    "matmul_2d": lambda a, b: a.matmul(b),
    "matmul_batched_broadcast": lambda a, b: a @ b,
    "matmul_vector": lambda a, b: a @ b,
    "mm": lambda a, b: a.mm(b),
    "bmm": lambda a, b: a.bmm(b),
    "outer": lambda a, b: torch.outer(a, b),
    "dot": lambda a, b: a.dot(b),
    # reductions
    "sum_all": lambda x: x.sum(),
    "sum_dim_keepdim": lambda x: x.sum(1, keepdim=True),
    "sum_dims": lambda x: x.sum((0, 2)),
    "sum_int": lambda x: x.sum(0),
    "mean_all": lambda x: x.mean(),
    "mean_dim": lambda x: x.mean(-1),
    "mean_dims_keepdim": lambda x: x.mean((1, 2), keepdim=True),
    "std_all": lambda x: x.std(),
    "std_dim_biased": lambda x: x.std(1, unbiased=False, keepdim=True),
    "var_all_biased": lambda x: x.var(unbiased=False),
    "var_dim": lambda x: x.var(0),
    "var_dims": lambda x: x.var((0, 2), keepdim=True),
    "max_all": lambda x: x.max(),
    "max_dim": lambda x: tuple(x.max(1)),
    "max_dim_keepdim": lambda x: tuple(x.max(0, keepdim=True)),
    "min_all": lambda x: x.min(),
    "min_dim": lambda x: tuple(x.min(-1)),
    "argmax_all": lambda x: x.argmax(),
    "argmax_dim": lambda x: x.argmax(1),
    "argmin_dim_keepdim": lambda x: x.argmin(0, keepdim=True),
    "argmin_all": lambda x: x.argmin(),
    "prod_all": lambda x: x.prod(),
    "prod_dim": lambda x: x.prod(1, keepdim=True),
    "norm_2": lambda x: x.norm(),
    "norm_1_dim": lambda x: x.norm(1, dim=1),
    "norm_3_dims_keepdim": lambda x: x.norm(3, dim=(0, 1), keepdim=True),
    "logsumexp": lambda x: x.logsumexp(1),
    "logsumexp_keepdim": lambda x: x.logsumexp(0, keepdim=True),
    "cumsum": lambda x: x.cumsum(1),
    "cumsum_int": lambda x: x.cumsum(0),
    "cumprod": lambda x: x.cumprod(-1),
    "all_any": lambda x: (x.all(), x.any(), x.all(1), x.any(0, keepdim=True)),
    "amax": lambda x: x.amax(1),
    "amax_dims_keepdim": lambda x: x.amax((0, 2), keepdim=True),
    "amin": lambda x: x.amin(0),
    # sorting and counting
    "sort": lambda x: tuple(x.sort(1)),
    "sort_descending": lambda x: tuple(x.sort(0, descending=True)),
    "sort_stable_int": lambda x: tuple(torch.sort(x, dim=-1, stable=True)),
    "topk": lambda x: tuple(x.topk(3, 1)),
    "topk_smallest": lambda x: tuple(x.topk(2, 0, largest=False)),
    "unique": lambda x: torch.unique(x, sorted=True, return_inverse=True, return_counts=True),
    "unique_values_only": lambda x: torch.unique(x.round()),
    "bincount": lambda x: torch.bincount(x),
    "bincount_weights_minlength": lambda x, w: torch.bincount(x, w, minlength=12),
    # shape
    "reshape": lambda x: x.reshape(4, -1),
    "view": lambda x: x.view(2, 12),
    "permute": lambda x: x.permute(2, 0, 1),
    "transpose": lambda x: x.transpose(0, 2),
    "t": lambda x: x.t(),
    "flatten": lambda x: x.flatten(),
    "flatten_range": lambda x: x.flatten(1, 2),
    "unflatten": lambda x: x.unflatten(1, (2, 3)),
    "squeeze": lambda x: x.squeeze(),
    "squeeze_dim": lambda x: x.squeeze(1),
    "unsqueeze": lambda x: x.unsqueeze(-1),
    "expand": lambda x: x.expand(3, 4, 5),
    "repeat": lambda x: x.repeat(2, 1, 3),
    "narrow": lambda x: x.narrow(1, 1, 3),
    "chunk": lambda x: x.chunk(3, 1),
    "split_size": lambda x: x.split(2, 0),
    "split_sizes": lambda x: x.split([1, 3, 1], 1),
    "cat": lambda a, b: torch.cat([a, b], 1),
    "cat_dim0": lambda a, b: torch.cat([a, b]),
    "stack": lambda a, b: torch.stack([a, b], 1),
    "flip": lambda x: x.flip(0, 2),
    "roll": lambda x: x.roll(2, 1),
    "roll_multi": lambda x: x.roll((1, -2), (0, 1)),
    "transpose_contiguous": lambda x: x.transpose(0, 1).contiguous(),
    # indexing
    "index_int": lambda x: x[1],
    "index_negative": lambda x: x[-1, 2],
    "index_range": lambda x: x[:, 1:3],
    "index_slice_step": lambda x: x[1::2, ::3],
    "index_slice_negative_bounds": lambda x: x[-3:-1, :-2],
    "index_from_end_start": lambda x: x[-2:],
    "index_range_from_end_zero": lambda x: x[x.shape[0]:],
    "index_bool_scalar": lambda x: x[True],
    "index_two_tensors": lambda x, i, j: x[i, j],
    "index_put_tensor_indices": lambda x, i, v: _index_put_rows(x, i, v),
    "scatter_inplace": lambda x, i, s: x.clone().scatter_(1, i, s),
    "as_variants": lambda x, y: (x.expand_as(y), x.reshape(6).view_as(x.t()), x.t().reshape_as(x), x.T),
    "index_ellipsis": lambda x: x[..., 0],
    "index_none": lambda x: x[None, :, None],
    "index_mixed": lambda x: x[0, ..., 1:, None],
    "index_bool_mask": lambda x, m: x[m],
    "index_tensor": lambda x, i: x[i],
    "index_tensor_dim1": lambda x, i: x[:, i],
    "index_put_mask": lambda x, m: _index_put_mask(x, m),
    "index_put_slice": lambda x, v: _index_put_slice(x, v),
    "index_select": lambda x, i: x.index_select(1, i),
    "gather": lambda x, i: x.gather(1, i),
    "gather_dim0": lambda x, i: torch.gather(x, 0, i),
    "scatter": lambda x, i, s: x.scatter(1, i, s),
    "scatter_add": lambda x, i, s: x.scatter_add(0, i, s),
    "masked_fill": lambda x, m: x.masked_fill(m, -1.5),
    "masked_select": lambda x, m: x.masked_select(m),
    "nonzero": lambda m: m.nonzero(),
    # in-place ops
    "inplace_arithmetic": lambda x, y, z: _inplace_arithmetic(x, y, z),
    "inplace_misc": lambda x, y: _inplace_misc(x, y),
    # dtype conversions
    "to_int64": lambda x: x.long(),
    "to_int32": lambda x: x.int(),
    "to_float64": lambda x: x.double(),
    "to_float16": lambda x: x.half(),
    "to_bool": lambda x: x.bool(),
    "to_uint8": lambda x: x.to(torch.uint8),
    "int_to_float": lambda x: x.float(),
    "bool_to_float": lambda x: x.float(),
    # factories (no random inputs: deterministic values)
    "arange_int": lambda: torch.arange(1, 20, 3),
    "arange_float": lambda: torch.arange(0, 2, 0.25),
    "linspace": lambda: torch.linspace(-1, 1, 7),
    "eye": lambda: torch.eye(3, 4),
    "full_float": lambda: torch.full((2, 3), 2.5),
    "full_int": lambda: torch.full((2, 3), 7),
    "full_bool": lambda: torch.full((2, 3), True),
    "arange_end_only": lambda: torch.arange(5),
    "zeros_ones_like_dtype": lambda x: (torch.zeros_like(x, dtype=torch.int32), torch.ones_like(x), torch.ones_like(x, dtype=torch.float64)),
    "full_like_int": lambda x: torch.full_like(x, 7),
    # second derivative through torch.autograd.grad(create_graph=True)
    "second_derivative": lambda x, w: _second_derivative(x, w),
}


def _index_put_mask(x, m):
    y = x.clone()
    y[m] = 0.0
    return y


def _index_put_slice(x, v):
    y = x.clone()
    y[:, 1::2] = v
    return y


def _index_put_rows(x, i, v):
    y = x.clone()
    y[i] = v
    return y


def _inplace_arithmetic(x, y, z):
    a = x.clone()
    a.add_(y, alpha=0.5).mul_(z).sub_(1.0).div_(2.0).clamp_(-1, 1)
    b = x.clone()
    b.addcmul_(y, z, value=0.3).addcdiv_(y, z.abs() + 1, value=-2).lerp_(y, 0.25).pow_(2)
    c = x.clone()
    c.sub_(y, alpha=2).add_(3).mul_(0.5).div_(z.abs() + 1)
    return a, b, c


def _inplace_misc(x, y):
    a = x.clone()
    a.masked_fill_(x > 0, 9.0).exp_().neg_().abs_().sqrt_().log_()
    b = x.clone()
    b.sigmoid_().tanh_().relu_()
    c = x.clone()
    c.floor_()
    d = x.clone()
    d.round_()
    e = x.clone()
    e.copy_(y)
    f = x.clone()
    f.fill_(2.5)
    g = x.clone()
    g.zero_()
    return a, b, c, d, e, f, g


def _second_derivative(x, w):
    y = x.pow(3).sum() + (x.sin() * w).sum()
    (gx,) = torch.autograd.grad(y, [x], create_graph=True)
    g2x, g2w = torch.autograd.grad((gx * gx).sum(), [x, w])
    return gx.detach(), g2x, g2w


# ---------------------------------------------------------------------------------------------------------
# Gradient cases: each returns a scalar loss; the grads of its requires_grad inputs are compared.
# ---------------------------------------------------------------------------------------------------------


def _layer_norm(x, g, b, r):
    mu = x.mean(-1, keepdim=True)
    var = x.var(-1, unbiased=False, keepdim=True)
    y = (x - mu) / (var + 1e-5).sqrt() * g + b
    return (y * r).sum()


def _attention(q, k, v, r):
    s = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])
    return ((s.softmax(-1) @ v) * r).sum()


def _softmax_ce(z, y):
    e = (z - z.amax(1, keepdim=True)).exp()
    p = e / e.sum(1, keepdim=True)
    return -p.gather(1, y.unsqueeze(1)).log().mean()


GRADS = {
    "grad_mul_sum": lambda x, w: (x * w).sum(),
    "grad_sigmoid_linear_mean": lambda x, w, b: (x @ w + b).sigmoid().mean(),
    "grad_log_softmax_nll": lambda z, y: -z.log_softmax(1).gather(1, y.unsqueeze(1)).mean(),
    "grad_softmax_cross_entropy_by_hand": _softmax_ce,
    "grad_pow3_sum": lambda x: x.pow(3).sum(),
    "grad_norm": lambda x: x.norm(),
    "grad_std": lambda x: x.std(1).sum() + x.var(),
    "grad_tanh_prod": lambda x: x.tanh().prod(),
    "grad_max_amax": lambda x: x.max(1)[0].sum() + x.amax(0).sum() * 0.5,
    "grad_where": lambda x: torch.where(x > 0, x * x, -3 * x).sum(),
    "grad_cumsum": lambda x, r: (x.cumsum(1) * r).sum(),
    "grad_layer_norm_by_hand": _layer_norm,
    "grad_mse": lambda p, t: ((p - t) ** 2).mean(),
    "grad_attention": _attention,
    "grad_activations": lambda x: (torch.nn.functional.gelu(x) * torch.nn.functional.silu(x)
                                   + torch.nn.functional.softplus(x)
                                   + torch.nn.functional.leaky_relu(x, 0.1)).sum(),
    "grad_exp_div_log": lambda x, y: (x.exp() / (1 + y.abs())).log().sum(),
    "grad_indexing": lambda x, m, i: x[m].sum() + x[:, 1::2].pow(2).sum() + x.index_select(0, i).exp().sum(),
    "grad_clamp_relu_broadcast": lambda x, b: ((x + b).clamp(-0.5, 0.5) + (x * b).relu()).mean(),
    "grad_bmm_permute_reshape": lambda a, b: (a.bmm(b).permute(2, 0, 1).reshape(-1, 3) ** 2).sum(),
    "grad_logsumexp_cat_stack": lambda a, b: torch.cat([a, b], 1).logsumexp(1).sum() + torch.stack([a, b]).pow(2).mean(),
}

# ---------------------------------------------------------------------------------------------------------
# Printing cases: str(tensor) must equal the C# ToString().
# ---------------------------------------------------------------------------------------------------------

PRINTS = {
    "print_small_float": lambda x: x,
    "print_int64": lambda x: x,
    "print_int32": lambda x: x,
    "print_bool": lambda x: x,
    "print_float64": lambda x: x,
    "print_float16": lambda x: x,
    "print_sci_small": lambda x: x * 1e-5,
    "print_sci_large": lambda x: x * 1e9,
    "print_integral_floats": lambda x: x.float(),
    "print_large_integral_floats": lambda x: x.float() * 1000,
    "print_3d": lambda x: x,
    "print_wide_rows": lambda x: x,
    "print_summarised_2d": lambda x: x,
    "print_summarised_1d": lambda x: x,
    "print_summarised_3d": lambda x: x,
    "print_requires_grad": lambda x: x,
    "print_grad_fn": lambda x: x * 2,
    "print_scalar_grad_fn": lambda x: x.sum(),
    "print_scalar": lambda x: x[0, 0],
    "print_nan_inf": lambda x: torch.cat([x.log(), x / torch.zeros_like(x)]),
    "print_empty": lambda x: x[:, 0:0],
    "print_empty_int64": lambda x: x[:, 0:0],
    "print_empty_1d_bool": lambda x: x[0:0],
    "print_empty_1d_float": lambda x: x[0:0],
    "print_zeros_negzero": lambda x: x * 0,
    "print_suffix_wrap": lambda x: x * 1e-5,
    "print_float64_requires_grad": lambda x: x,
    "print_wide_int": lambda x: x,
    "print_all_nan": lambda x: x.log(),
    "print_summarised_int": lambda x: x,
    "print_summarised_bool": lambda x: x,
    "print_4d": lambda x: x,
    "print_float64_sci": lambda x: x * 1e12,
    "print_int_zeros": lambda x: x,
    "print_uint8": lambda x: x,
    "print_int8": lambda x: x,
    "print_one_column_sci": lambda x: x.unsqueeze(1) * 1e-7,
    "print_mixed_magnitudes": lambda x: x * torch.tensor([1e-3, 1.0, 1e3, 10.0]),
}

KINDS = {"op": OPS, "grad": GRADS, "print": PRINTS}


def fail(message):
    print("torch_parity.py: " + message, file=sys.stderr)
    sys.exit(2)


def read_input(directory, spec):
    name = spec["dtype"]
    if name not in DTYPES:
        fail("unknown dtype '%s' in the manifest" % name)
    np_dtype, torch_dtype = DTYPES[name]
    shape = tuple(spec["shape"])
    data = np.fromfile(os.path.join(directory, spec["file"]), dtype=np_dtype)
    expected = int(np.prod(shape)) if shape else 1
    if data.size != expected:
        fail("%s holds %d elements but its shape %s needs %d" % (spec["file"], data.size, shape, expected))
    t = torch.from_numpy(data.reshape(shape).copy())
    assert t.dtype == torch_dtype
    if spec.get("requires_grad"):
        t.requires_grad_()
    return t


def write_output(directory, case_name, index, t):
    if not isinstance(t, torch.Tensor):
        raise TypeError("output %d of %s is %s, not a tensor" % (index, case_name, type(t).__name__))
    t = t.detach().contiguous()
    if t.dtype not in TORCH_TO_NAME:
        raise TypeError("output %d of %s has unsupported dtype %s" % (index, case_name, t.dtype))
    file = "%s.out%d.bin" % (case_name, index)
    t.numpy().astype(DTYPES[TORCH_TO_NAME[t.dtype]][0], copy=False).tofile(os.path.join(directory, file))
    return {"dtype": TORCH_TO_NAME[t.dtype], "shape": list(t.shape), "file": file}


def run_case(directory, case):
    name, kind = case["name"], case["kind"]
    inputs = [read_input(directory, spec) for spec in case["inputs"]]
    fn = KINDS[kind][name]
    if kind == "print":
        return {"text": str(fn(*inputs))}
    if kind == "grad":
        loss = fn(*inputs)
        loss.backward()
        outputs = [loss]
        for i, t in enumerate(inputs):
            if t.requires_grad:
                if t.grad is None:
                    raise RuntimeError("input %d requires grad but received none" % i)
                outputs.append(t.grad)
    else:
        result = fn(*inputs)
        outputs = list(result) if isinstance(result, (tuple, list)) else [result]
    return {"outputs": [write_output(directory, name, i, t) for i, t in enumerate(outputs)]}


def main():
    if len(sys.argv) != 2:
        fail("usage: torch_parity.py <dir with manifest.json>")
    directory = sys.argv[1]
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)
    cases = manifest["cases"]
    # Check every name before computing anything: a case missing here is a broken test table, not a result.
    for case in cases:
        kind = case.get("kind")
        if kind not in KINDS:
            fail("unknown case kind '%s' for case '%s'" % (kind, case.get("name")))
        if case.get("name") not in KINDS[kind]:
            fail("unknown %s case '%s': add it to %s in %s" % (kind, case.get("name"),
                 {"op": "OPS", "grad": "GRADS", "print": "PRINTS"}[kind], os.path.abspath(__file__)))
    results = {}
    for case in cases:
        try:
            results[case["name"]] = run_case(directory, case)
        except Exception as e:  # recorded per case; the C# test for this case fails with this message
            results[case["name"]] = {"error": "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc())}
    with open(os.path.join(directory, "results.json"), "w") as f:
        json.dump({"torch_version": torch.__version__, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
