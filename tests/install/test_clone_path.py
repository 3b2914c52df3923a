"""Which projects pack must not depend on where the repository is cloned: a clone under a folder named `src`
(~/src/NotebookDL) once made every project count as shipped, and `dotnet pack` failed on a test project (NU5104).
Evaluates IsPackable for every project of the solution in such a clone (evaluation only, no build)."""
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[2]


def solution_projects(root):
    sln = (root / "NotebookDL.sln").read_text()
    return [p.replace("\\", "/") for p in re.findall(r'"([^"]+\.csproj)"', sln)]


def is_packable(root, project):
    out = subprocess.run(["dotnet", "msbuild", str(root / project), "-getProperty:IsPackable"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return out == "true"


def test_only_src_projects_pack_from_a_clone_under_src():
    with tempfile.TemporaryDirectory() as tmp:
        clone = pathlib.Path(tmp) / "src" / "NotebookDL"
        clone.parent.mkdir(parents=True)
        # The build files as they are in this checkout (committed or not), and every project file.
        shutil.copytree(REPO, clone, ignore=shutil.ignore_patterns("bin", "obj", "artifacts", ".git", "*.ipynb", "*.html"))
        projects = solution_projects(clone)
        assert len(projects) >= 8, projects
        packable = {p: is_packable(clone, p) for p in projects}
        wrong = {p: v for p, v in packable.items() if v != p.startswith("src/")}
        assert not wrong, f"IsPackable differs from 'lives under src/': {json.dumps(wrong)}"
