# str(t) in Debian's python3-torch for the tensors PrintParityTests.cs builds the same way; prints one JSON object.
import json, math, torch

def inp(seed, shape, scale=1.0):
    n = math.prod(shape)
    return (torch.sin(torch.arange(n, dtype=torch.float32) * 0.37 + seed) * scale).reshape(shape)

def ints(seed, shape, scale, dtype=torch.int64):
    return inp(seed, shape, scale).round().to(dtype)

CASES = {
    "small_float": lambda: inp(1, [2, 3], 2),
    "int64": lambda: ints(2, [2, 4], 700),
    "int32": lambda: ints(3, [5], 50, torch.int32),
    "bool": lambda: inp(4, [3, 3]) > 0,
    "float64": lambda: inp(5, [4]).double(),
    "float16": lambda: inp(6, [4]).half(),
    "sci_small": lambda: inp(7, [5]) * 1e-5,
    "sci_large": lambda: inp(8, [5]) * 1e9,
    "integral_floats": lambda: ints(9, [2, 3], 50).float(),
    "large_integral_floats": lambda: ints(10, [2, 3], 1_000_000).float() * 1000,
    "three_d": lambda: inp(11, [2, 3, 4]),
    "wide_rows": lambda: inp(12, [2, 20], 100),
    "summarised_2d": lambda: inp(13, [40, 30]),
    "summarised_1d": lambda: inp(14, [2000]),
    "summarised_3d": lambda: inp(15, [10, 10, 12]),
    "requires_grad": lambda: inp(16, [3]).requires_grad_(),
    "scalar": lambda: inp(17, [2, 2])[0, 0],
    "nan_inf": lambda: torch.cat([inp(18, [4]).log(), inp(18, [4]) / torch.zeros(4)]),
    "empty": lambda: inp(19, [3, 2])[:, 0:0],
    "empty_int64": lambda: ints(20, [3, 2], 9)[:, 0:0],
    "empty_1d_bool": lambda: (inp(21, [4]) > 0)[0:0],
    "zeros_negzero": lambda: inp(22, [2, 3]) * 0,
    "suffix_wrap": lambda: inp(23, [5]).double() * 1e-5,
    "float64_requires_grad": lambda: inp(24, [3]).double().requires_grad_(),
    "wide_int": lambda: ints(25, [30], 100_000),
    "all_nan": lambda: (inp(26, [3]) - 2).log(),
    "summarised_int": lambda: ints(27, [1500], 5),
    "summarised_bool": lambda: inp(28, [1200]) > 0,
    "four_d": lambda: inp(29, [2, 2, 2, 3]),
    "float64_sci": lambda: inp(30, [2, 3]).double() * 1e12,
    "uint8": lambda: ints(31, [6], 127).add(128).to(torch.uint8),
    "int8": lambda: ints(32, [6], 127, torch.int8),
    "one_column_sci": lambda: inp(33, [3]).unsqueeze(1) * 1e-7,
    "mixed_magnitudes": lambda: inp(34, [3, 4]) * torch.tensor([1e-3, 1.0, 1e3, 10.0]),
}

print(json.dumps({name: str(make()) for name, make in CASES.items()}))
