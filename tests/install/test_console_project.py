"""A user's own console project on this machine's older libstdc++ (Debian 12): `dotnet new console`, NotebookDL and
TorchSharp-cpu from the packages run.sh packed, a small model trained with the Learner. Nothing from the repository
reaches the project but the packages: the libstdc++ step must come with the NotebookDL package (buildTransitive)."""
import os
import pathlib
import subprocess
import tempfile

PROGRAM = """
using NotebookDL.Engine;
using NotebookDL.Learning;
using NotebookDL.Data;
using TorchSharp;
using static TorchSharp.torch;

ProcessSetup.Apply();
torch.manual_seed(0);
var x = torch.randn(256, 4);
var y = (x.sum(1) > 0).to(ScalarType.Int64);
using var learn = new Learner(DataLoaders.FromTensors(x, y, x, y, bs: 32, seed: 0), nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2)),
                        LossFunction.CrossEntropy, progress: false);
learn.Fit(5, 1e-2);
var loss = learn.Validate().Loss;
Console.WriteLine($"trained: validation loss {loss:F3}");
"""


def run(args, cwd):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_a_console_app_trains_with_the_packages_alone():
    feed, version = os.environ["NBDL_FEED"], os.environ["NBDL_VERSION"]
    with tempfile.TemporaryDirectory(prefix="nbdl-console-") as tmp:
        app = pathlib.Path(tmp) / "app"
        app.mkdir()
        (app / "nuget.config").write_text(
            f'<configuration><packageSources><add key="nbdl" value="{feed}" /></packageSources></configuration>')
        run(["dotnet", "new", "console", "--framework", "net10.0", "--name", "app", "--output", str(app)], tmp)
        run(["dotnet", "add", "package", "NotebookDL", "--version", version], app)
        run(["dotnet", "add", "package", "TorchSharp-cpu", "--version", "0.107.0"], app)
        (app / "Program.cs").write_text(PROGRAM)
        out = run(["dotnet", "run", "-c", "Release"], app)
        assert "trained: validation loss" in out, out
        loss = float(out.split("validation loss")[1].split()[0])
        assert loss < 0.69, f"the model did not learn (chance is ln 2 = 0.693): {out}"


def test_the_portable_package_carries_no_lesson_data_helpers():
    """The Debian-specific helpers (Rscript exports, /usr/share/datasets) ship in NotebookDL.Datasets, not NotebookDL."""
    import zipfile
    feed, version = pathlib.Path(os.environ["NBDL_FEED"]), os.environ["NBDL_VERSION"]
    for package, should_have in [("NotebookDL", False), ("NotebookDL.Datasets", True)]:
        with zipfile.ZipFile(feed / f"{package}.{version}.nupkg") as nupkg:
            dll = nupkg.read(f"lib/net10.0/{package}.dll")
        # String literals sit in the assembly's user-string heap as UTF-16.
        found = {s: s.encode("utf-16-le") in dll for s in ["Rscript", "/usr/share/datasets"]}
        assert all(v == should_have for v in found.values()), f"{package}: {found}"
