"""The execution cache follows the data: a notebook is run again when ``data/`` or the package
its kernel imports changes, not only when the notebook itself does.

``execute_notebooks: cache`` (jupyter-cache, through MyST-NB) keys each notebook's outputs on the
notebook's own cells. Our notebooks read ``data/`` and import :mod:`scobook`, so after a summit
update (a CSV edited, not a notebook) the cache would serve the old charts, counts and quiz
answers in a build that passes. Before anything is executed, this handler hashes every file of
``data/`` and the package's kernel-side modules (not ``scobook/sphinx``, which the kernels never
import) and empties the cache when the hash differs from the one stored in it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)
STAMP = "scobook-inputs.sha256"


def inputs_hash(root: Path) -> str:
    """One hash of every file the notebooks' kernels read: ``data/`` and ``scobook/`` (without
    ``scobook/sphinx``), by relative path and content."""
    digest = hashlib.sha256()
    package = root / "scobook"
    files = [p for p in sorted((root / "data").rglob("*")) if p.is_file()]
    files += [p for p in sorted(package.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
              and (package / "sphinx") not in p.parents]
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def refresh_cache(app, config) -> None:
    if getattr(config, "nb_execution_mode", None) != "cache":  # MyST-NB not loaded, or not caching
        return
    # where MyST-NB puts it: the configured path, or .jupyter_cache beside the output folder
    cache = Path(config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache").resolve()
    current = inputs_hash(Path(app.srcdir))
    stamp = cache / STAMP
    if stamp.is_file() and stamp.read_text().strip() == current:
        return
    if cache.is_dir():
        logger.info("[scobook] data/ or scobook/ changed: emptying the execution cache, every notebook runs again")
        shutil.rmtree(cache)
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")


def setup(app):
    app.connect("config-inited", refresh_cache, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
