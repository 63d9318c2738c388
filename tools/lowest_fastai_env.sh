#!/usr/bin/env bash
# .ci/run's check of the lowest fastai the library supports, installed as a user installs it: a fresh venv,
# `pip install fastai==<the floor in settings.ini>` alone — pip then picks the newest fastcore (2.x), which fastai
# 2.8.7 and 2.8.8 allow although their `Optimizer.set_hypers` calls fastcore 1's `L.starmap` (the library's optimizer
# wrapper does not) — then `pip install -e .`, which must keep both, and the recipe's tiny run through the installed
# commands (tools/gpu_smoke.py --device cpu: range test, fit, Ctrl-C and --resume, report, predict_cifar).
# Usage: bash tools/lowest_fastai_env.sh [FOLDER]   (default: a temporary folder; the venv is FOLDER/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-$(mktemp -d)}; venv=$root/venv
quiet() { grep -v '^WARNING: Location' || true; }
lowest=$(sed -n 's/^requirements *=.*fastai>=\([0-9.]*\).*/\1/p' settings.ini)
[ -n "$lowest" ] || { echo "settings.ini names no fastai floor"; exit 1; }
python3 -m venv "$venv"; py=$venv/bin/python; pip="$py -m pip"
echo "== pip install fastai==$lowest, alone"
$pip install -q "fastai==$lowest" 2>&1 | quiet
versions() { $pip list 2>/dev/null | grep -iE '^(fastai|fastcore|torch) ' | tr -s ' '; }
before=$(versions); echo "$before" | sed 's/^/  /'
$pip install -q -e . 2>&1 | quiet
after=$(versions)
if [ "$before" != "$after" ]; then echo "pip install -e . changed them:"; diff <(echo "$before") <(echo "$after"); exit 1; fi
echo "pip install -e . kept fastai, fastcore and torch"
export PATH="$venv/bin:$PATH" MPLBACKEND=Agg PYTHONUNBUFFERED=1 RESNET_CIFAR_CACHE="$root/cache"
"$py" -c "
import sys; from resnet_cifar.test_utils import make_synthetic_cifar
make_synthetic_cifar(sys.argv[1], n_train=4, n_test=4, n_classes=4)" "$root/syn"
"$py" tools/gpu_smoke.py --device cpu --bs 4 --epochs 3 --lr-find-iters 10 "$root/syn"
