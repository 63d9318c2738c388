#!/usr/bin/env bash
# .ci/run's environment of the GPU image: the library where GPU users are. A fresh venv gets the reference GPU
# machine's torch first (2.11.0, torchvision 0.26.0: the image's; the library's floor) with the image's own packages
# that fastai uses; then
#   1. as on that machine: fastai and its friends as wheels installed without dependencies on PYTHONPATH, the checkout
#      on PYTHONPATH, the console scripts written as .device/env.sh writes them, no nbdev, no IPython:
#      tools/gpu_check.sh's dry run on the CPU (the GPU smoke, tools/gpu_smoke.py --device cpu, first), and
#      gpu_check.sh on missing data, which must fail;
#   2. `pip install -e .` in the same venv, which must change neither torch nor torchvision, and the GPU smoke's dry
#      run again through the installed commands (a tiny run, Ctrl-C after its first epoch and --resume, predict_cifar).
# Usage: bash tools/gpu_image_env.sh [FOLDER]   (default: a temporary folder; the venv is FOLDER/venv)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD; root=${1:-$(mktemp -d)}; venv=$root/venv
quiet() { grep -v '^WARNING: Location' || true; }
python3 -m venv "$venv"; py=$venv/bin/python; pip="$py -m pip"
echo "== the GPU image's torch first: torch 2.11.0, torchvision 0.26.0"
$pip install -q torch==2.11.0 torchvision==0.26.0 2>&1 | quiet
$pip install -q matplotlib pandas scikit-learn scipy pillow requests pyyaml packaging cloudpickle accelerate \
  tensorboard psutil tqdm rich 2>&1 | quiet       # the image has these (device tool, KINDS.md)
tv() { $pip list 2>/dev/null | grep -iE '^(torch|torchvision) ' | tr -s ' '; }
before=$(tv); echo "$before" | sed 's/^/  /'
data=$root/syn; smoke="--bs 4 --epochs 3 --lr-find-iters 10"    # bf16 trains slowly on a CPU: 16 images

echo "== 1. as on the GPU machine: the staged wheels without dependencies on PYTHONPATH, no nbdev, no IPython"
site=$root/site; mkdir -p "$root/wheels"
$pip download -q --no-deps -d "$root/wheels" fastai==2.8.7 fastcore==1.14.5 fasttransform==0.0.2 fastdownload==0.0.8 \
  fastprogress==1.0.3 plum-dispatch==2.10.1 beartype==0.23.1 torchinfo==1.8.0 2>&1 | quiet
$pip install -q --no-index --no-deps --no-compile --target "$site" "$root"/wheels/*.whl 2>&1 | quiet
mkdir -p "$site/bin"
for ep in $(sed -n 's/^console_scripts *= *//p' settings.ini); do         # as .device/env.sh writes them
  name=${ep%%=*}; target=${ep#*=}; mod=${target%%:*}; fn=${target#*:}
  printf '#!/bin/sh\nexec python3 -c "import sys; sys.argv[0] = %s; from %s import %s; sys.exit(%s())" "$@"\n' \
    "'$name'" "$mod" "$fn" "$fn" > "$site/bin/$name"; chmod +x "$site/bin/$name"
done
image() { env PATH="$site/bin:$venv/bin:$PATH" PYTHONPATH="$site:$repo" MPLBACKEND=Agg PYTHONUNBUFFERED=1 \
          RESNET_CIFAR_CACHE="$root/cache" "$@"; }
if image python3 -c "import nbdev" 2>/dev/null || image python3 -c "import IPython" 2>/dev/null; then
  echo "the GPU image's environment has nbdev or IPython: it must have neither"; exit 1; fi
image python3 -c "
import sys; from resnet_cifar.test_utils import make_synthetic_cifar
make_synthetic_cifar(sys.argv[1], n_train=4, n_test=4, n_classes=4)" "$data"
OUT=$root/gpu_check CIFAR_JPEG75=$data DEVICE=cpu SMOKE_ARGS="$smoke" TRAIN_ARGS="--epochs 2 --bs 4" \
  BENCH_ARGS="--course --epochs 2 --bs 4 --workers 0" image bash tools/gpu_check.sh > "$root/gpu_check.out" 2>&1 \
  || { tail -30 "$root/gpu_check.out"; echo "gpu_check.sh's dry run failed"; exit 1; }
grep -A8 '^step  ' "$root/gpu_check.out" || true       # the GPU smoke's table
tail -3 "$root/gpu_check.out"
if OUT=$root/gpu_check_bad CIFAR_JPEG75=$root/missing DEVICE=cpu image bash tools/gpu_check.sh > "$root/bad.out" 2>&1
then echo "gpu_check.sh passed on missing data: a failed step must fail it"; exit 1; fi
echo "gpu_check.sh on missing data: exit status non-zero ($(tail -1 "$root/bad.out"))"

echo "== 2. pip install -e . where torch 2.11 is: pip must keep torch and torchvision"
$pip install -q -e . 2>&1 | quiet
after=$(tv)
if [ "$before" != "$after" ]; then echo "pip install -e . changed torch:"; diff <(echo "$before") <(echo "$after"); exit 1; fi
echo "pip install -e . kept torch and torchvision"
echo "== the GPU configuration through the installed commands: a tiny run, Ctrl-C and --resume, predict_cifar"
PATH="$venv/bin:$PATH" MPLBACKEND=Agg PYTHONUNBUFFERED=1 RESNET_CIFAR_CACHE="$root/cache" \
  "$py" tools/gpu_smoke.py --device cpu $smoke "$data"
