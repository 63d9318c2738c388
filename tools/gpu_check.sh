#!/usr/bin/env bash
# The GPU check (about 6 minutes on an H200): a full default run on the proxy data, then the benchmark.
#   ../shared/device/stage.sh            # here: wheels + the proxy archive into .device/
#   run: source .device/env.sh && bash tools/gpu_check.sh     (carry: [".device"], timeout_s 480)
# Most important first, through the installed commands. Everything printed goes to $OUT/gpu_check.log (or ./gpu_check/) as it happens, so a run cut
# short still brings back what it finished; the other files are the run's and the benchmark's results: 8 files in
# all, the most the device tool brings back. TRAIN_ARGS / BENCH_ARGS add options, e.g. for a dry run on a CPU:
#   CIFAR_JPEG75=some/small/cifar TRAIN_ARGS="--epochs 2" BENCH_ARGS="--epochs 2 --workers 2" bash tools/gpu_check.sh
set -uo pipefail
export PYTHONUNBUFFERED=1
out=${OUT:-gpu_check}; mkdir -p "$out"; log="$out/gpu_check.log"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
{ date -u; nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  python3 -c "import torch, fastai; print('torch', torch.__version__, 'fastai', fastai.__version__)"; } 2>&1 | tee "$log"

echo "== decode once + cached load" | tee -a "$log"
python3 -c "
import time; from resnet_cifar.data import load_cifar
for i in range(2): t=time.perf_counter(); a=load_cifar('$data', verbose=True); print(f'load {i}: {time.perf_counter()-t:.2f}s')
" 2>&1 | tee -a "$log"

echo "== full train_cifar, found bounds, seed 0 (the recipe as a user runs it)" | tee -a "$log"
train_cifar --data "$data" --seed 0 --out /tmp/run0 --overwrite ${TRAIN_ARGS:-} 2>&1 \
  | tr '\r' '\n' | grep --line-buffered -v '^ *$\|█\|^Epoch [0-9]*/[0-9]* :' | tee -a "$log"    # the table, not the bars
for f in results.json history.csv lr_find.png report.md; do cp "/tmp/run0/$f" "$out/" 2>/dev/null; done

echo "== benchmark: library (as shipped / fastai's stock meters / compiled) vs plain loop vs course-style" | tee -a "$log"
bench_cifar --data "$data" --course --compile --out "$out" ${BENCH_ARGS:-} 2>&1 | tee -a "$log"
date -u | tee -a "$log"
