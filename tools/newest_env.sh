#!/usr/bin/env bash
# The library under the newest releases the registry serves, installed as a user installs it (.ci/run's second
# environment; the first is the development set, the oldest the library supports). A fresh venv that sees this
# machine's torch (the newest torch/torchvision this platform installs; a second copy would be gigabytes), the newest
# fastai, fastcore, fastprogress, fasttransform, accelerate and execnb, then `pip install -e .` with its dependencies:
# pip must change none of them. Then the notebook tests without nbdev (tools/test_nbs_plain.py), every command
# started as a user starts it. Usage: bash tools/newest_env.sh [VENV_DIR]   (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-$(mktemp -d)/newest}
python3 -m venv --system-site-packages "$venv"
pip="$venv/bin/python -m pip"
$pip install -q --upgrade fastai fastcore fastprogress fasttransform accelerate execnb 2>&1 | grep -v '^WARNING: Location' || true
versions() { $pip list 2>/dev/null | grep -iE '^(fastai|fastcore|fastprogress|fasttransform|accelerate|execnb|torch|torchvision) ' | tr -s ' '; }
before=$(versions)
$pip install -q -e . 2>&1 | grep -v '^WARNING: Location' || true
after=$(versions)
echo "$after" | sed 's/^/  /'
if [ "$before" != "$after" ]; then echo "pip install -e . changed the environment:"; diff <(echo "$before") <(echo "$after"); exit 1; fi
echo "pip install -e . kept every version"
PATH="$venv/bin:$PATH" MPLBACKEND=Agg "$venv/bin/python" -W ignore::FutureWarning tools/test_nbs_plain.py
