"""Write the offline class pack: one zip with the notebooks, the data, the helper package and
the requirements, plus a one-page START-HERE.md, for a computer lab with no internet after
installation.

    python tools/classpack.py [OUT_ZIP]        # default: _build/sco-classpack.zip
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACK_NAME = "sco-classpack"

START_HERE = """\
# The SCO through one article: offline class pack

This folder holds the book's notebooks (`chapters/`), its data (`data/`), the small helper
package the notebooks import (`scobook/`) and the list of Python packages they need
(`requirements.txt`). The full book, with the article and the quizzes, is online; this pack is
for running the notebooks in a lab without internet.

## Once, with internet (the teacher or IT, before the lesson)

On each computer (Windows, macOS or Linux) with Python 3.11 installed:

    cd sco-classpack
    python -m venv .venv
    .venv/bin/pip install -r requirements.txt -r requirements-jupyter.txt   # Windows: .venv\\Scripts\\pip ...

This installs everything, including JupyterLab. The helper package `scobook/` needs no install:
each notebook's first cell finds it two folders up. Nothing is downloaded after this step: the
data and map shapes are in `data/`.

To install many computers without internet, download the packages once on a connected machine
with `pip download -r requirements.txt -r requirements-jupyter.txt -d wheels`, copy the `wheels`
folder with the pack, and install with
`pip install --no-index --find-links wheels -r requirements.txt -r requirements-jupyter.txt`.

## In the lesson (no internet needed)

    cd sco-classpack
    .venv/bin/jupyter lab                                        # Windows: .venv\\Scripts\\jupyter lab

JupyterLab opens in the browser. Open `chapters/01-article/article-as-data.ipynb` (or the
notebook of the day) and run the cells from the top with Shift+Enter. The cells near the end of
each notebook show the chapter's quiz.

## If something goes wrong

- "NotInTheBook: This notebook is one chapter of the book...": the notebook was moved out of
  `chapters/<chapter>/`; open it from the pack's own `chapters/` folder.
- A chart does not appear: run the notebook from the top (Run > Run All Cells).
"""


def files_to_pack() -> list[Path]:
    chosen = [ROOT / "requirements.txt", ROOT / "requirements-jupyter.txt", ROOT / "pyproject.toml",
              ROOT / "runtime.txt", ROOT / "LICENSE",
              ROOT / "LICENSE-CONTENT.md"]
    chosen += sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    chosen += sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())
    chosen += sorted(p for p in (ROOT / "scobook").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return chosen


def write_pack(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        pack.writestr(f"{PACK_NAME}/START-HERE.md", START_HERE)
        for path in files_to_pack():
            pack.write(path, f"{PACK_NAME}/{path.relative_to(ROOT).as_posix()}")
    return out


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / f"{PACK_NAME}.zip"
    write_pack(out)
    print(f"Class pack written to {out} ({out.stat().st_size / 1024:.0f} KB)")
