"""Renders an executed notebook the way a reader sees it offline: nbconvert HTML, then a headless Chromium screenshot."""
import os
import pathlib
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

# Flags for a quiet, reproducible, offline browser: no GPU, no sync, no background fetches, a throwaway profile.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]


def to_html(notebook, out_dir):
    """nbconvert's HTML of notebook (keeping its SVG outputs intact, see keep_svg.py); returns the HTML path."""
    env = dict(os.environ, PYTHONPATH=str(HERE) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(["/usr/bin/python3", "-m", "nbconvert", "--to", "html", "--output-dir", str(out_dir),
                    "--HTMLExporter.filters={'clean_html': 'keep_svg.unchanged'}", str(notebook)],
                   check=True, env=env, capture_output=True, timeout=120)
    return pathlib.Path(out_dir) / (pathlib.Path(notebook).stem + ".html")


def screenshot(html, png, width=1200, height=5000):
    """A PNG of the page's top width x height pixels, taken by headless Debian Chromium."""
    with tempfile.TemporaryDirectory(prefix="nbdl-chromium-") as profile:
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                        f"--window-size={width},{height}", pathlib.Path(html).resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    return pathlib.Path(png)
