#!/usr/bin/env bash
# One prepared GPU check for the core and speed issues (about 6 minutes on an H200), for a session lent a GPU:
#   ../shared/device/stage.sh            # here: wheels + the proxy archive into .device/
#   run: source .device/env.sh && bash tools/gpu_check.sh     (carry: [".device"], timeout_s 480)
# Most important first; every step writes its log under $OUT (or ./gpu_check) as it goes, so a run cut short
# still brings back what it finished.
set -uo pipefail
out=${OUT:-gpu_check}; mkdir -p "$out"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt"
python3 -c "import torch, fastai; print('torch', torch.__version__, 'fastai', fastai.__version__)" | tee -a "$out/gpu.txt"
date -u | tee -a "$out/gpu.txt"

echo "== decode once + cached load"
python3 -c "
import time; from resnet_cifar.data import load_cifar
for i in range(2): t=time.perf_counter(); a=load_cifar('$data', verbose=True); print(f'load {i}: {time.perf_counter()-t:.2f}s')
" 2>&1 | tee "$out/load.log"

echo "== full train_cifar, found bounds, seed 0 (the core issue's acceptance run)"
python3 -c "from resnet_cifar.train import main; main(['--data', '$data', '--seed', '0', '--out', '/tmp/run0'])" 2>&1 | tee "$out/train.log" || true
for f in results.json report.md history.csv lr_find.csv lr_find.png history.png schedule.png confusion.png; do cp "/tmp/run0/$f" "$out/" 2>/dev/null; done

echo "== benchmark: library (as shipped / fastai's stock meters / compiled) vs plain loop vs course-style"
python3 -m resnet_cifar.bench --data "$data" --course --compile --out "$out/bench" 2>&1 | tee "$out/bench.log"
