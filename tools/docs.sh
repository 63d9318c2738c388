#!/usr/bin/env bash
# Build the docs site from the notebooks into nbdev's doc_path, _docs/.
# With Quarto installed this is nbdev's own `nbdev_docs`. Without it (Quarto cannot be installed on the project's
# machines: PyPI's quarto-cli downloads its binary at install time), nbdev's notebook processing feeds MkDocs +
# Material (tools/build_docs.py): the same pages, page names, sidebar, styles, with search.
# View it: python3 -m http.server -d _docs 8000, then http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONWARNINGS=ignore NO_MKDOCS_2_WARNING=1
if command -v quarto >/dev/null 2>&1; then nbdev_docs; else python3 tools/build_docs.py; fi
