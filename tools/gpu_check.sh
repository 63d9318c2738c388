#!/usr/bin/env bash
# The GPU check (about 6 minutes on an H200): the GPU smoke first (tools/gpu_smoke.py, ~2 min), then a full default
# run on the proxy data, then the benchmark; it stops at the first step that fails, with a non-zero exit.
#   ../shared/device/stage.sh            # here: wheels + the proxy archive into .device/
#   run: source .device/env.sh && bash tools/gpu_check.sh     (carry: [".device"], timeout_s 540)
# Everything printed goes to $OUT/gpu_check.log (or ./gpu_check/) as it happens, so a run cut short still brings back
# what it finished (the benchmark writes each row as it is measured); the other files are the run's and the
# benchmark's: 8 files in all, the most the device tool brings back. DEVICE / SMOKE_ARGS / TRAIN_ARGS / BENCH_ARGS
# change it, e.g. its dry run on a CPU (CI does this, on tiny synthetic data):
#   CIFAR_JPEG75=some/small/cifar DEVICE=cpu SMOKE_ARGS="--bs 4 --lr-find-iters 10" TRAIN_ARGS="--epochs 2 --bs 4" \
#     BENCH_ARGS="--course --epochs 2 --bs 4 --workers 0" bash tools/gpu_check.sh
set -euo pipefail
export PYTHONUNBUFFERED=1
out=${OUT:-gpu_check}; mkdir -p "$out"; log="$out/gpu_check.log"; : > "$log"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
device=${DEVICE:-cuda}
step() {   # step NAME COMMAND...: run it, its output into the log; a failure ends the check
  echo "== $1" | tee -a "$log"; shift
  if ! "$@" 2>&1 | tee -a "$log"; then echo "gpu_check: FAILED at that step" | tee -a "$log"; exit 1; fi
}
info() {
  date -u
  if command -v nvidia-smi >/dev/null; then nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader; fi
  python3 -c "import torch, fastai; print('torch', torch.__version__, 'fastai', fastai.__version__)"
}
load_twice() {
  python3 -c "
import sys, time; from resnet_cifar.data import load_cifar
for i in range(2): t=time.perf_counter(); a=load_cifar(sys.argv[1], verbose=True); print(f'load {i}: {time.perf_counter()-t:.2f}s')
" "$data"
}
full_run() {   # the table, not the bars
  train_cifar --data "$data" --seed 0 --out "$out/run0" --overwrite --device "$device" ${TRAIN_ARGS:-} \
    | tr '\r' '\n' | grep --line-buffered -v '^ *$\|█\|^Epoch [0-9]*/[0-9]* :'
  for f in results.json history.csv report.md; do cp "$out/run0/$f" "$out/run0-$f"; done
}
step "machine" info
step "GPU smoke: the GPU configuration through the recipe (tools/gpu_smoke.py)" \
  python3 tools/gpu_smoke.py --device "$device" ${SMOKE_ARGS:-} "$data"
step "decode once + cached load" load_twice
step "full train_cifar, found bounds, seed 0 (the recipe as a user runs it)" full_run
rm -rf "$out/run0"                                # its files are copied out: the device tool brings back 8 at most
step "benchmark: library (as shipped / fastai's stock meters / compiled) vs plain loop vs course-style" \
  bench_cifar --data "$data" --out "$out" --overwrite --device "$device" ${BENCH_ARGS:---course --compile}
date -u | tee -a "$log"
echo "gpu_check: every step passed" | tee -a "$log"
