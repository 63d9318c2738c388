#!/usr/bin/env bash
# One prepared GPU check (about 5-8 minutes on an H200), for a session that is lent a GPU machine:
#   ../shared/device/stage.sh            # here: wheels + the proxy archive into .device/
#   run: source .device/env.sh && bash tools/gpu_check.sh     (carry: [".device"])
# Writes its logs and the run folder's small files under $OUT (or ./gpu_check when OUT is unset).
set -uo pipefail
out=${OUT:-gpu_check}; mkdir -p "$out"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt"
python3 -c "import torch, fastai; print('torch', torch.__version__, 'fastai', fastai.__version__)" | tee -a "$out/gpu.txt"

echo "== decode once + cached load"
python3 -c "
import time; from resnet_cifar.data import load_cifar
for i in range(2): t=time.perf_counter(); a=load_cifar('$data', verbose=True)
" 2>&1 | tee "$out/load.log"

echo "== full train_cifar, found bounds, seed 0"
python3 -c "from resnet_cifar.train import main; main(['--data', '$data', '--seed', '0', '--out', '/tmp/run0'])" 2>&1 | tee "$out/train.log" || true
cp /tmp/run0/results.json "$out/results.json" 2>/dev/null; cp /tmp/run0/report.md "$out/report.md" 2>/dev/null
cp /tmp/run0/lr_find.png /tmp/run0/history.png "$out/" 2>/dev/null

echo "== benchmark: library vs plain loop vs course-style"
python3 -m resnet_cifar.bench --data "$data" --course 2>&1 | tee "$out/bench.log"
