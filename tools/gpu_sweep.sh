#!/usr/bin/env bash
# The LR sweep on a GPU: the finder's pick and a grid of LRMAX (LRMIN = LRMAX/100), 3 seeds each.
# About 12 runs of ~30-40 s on an H200; run it in a call of its own after tools/gpu_check.sh:
#   run: source .device/env.sh && bash tools/gpu_sweep.sh [LRMAXES] [DIVS] [SEEDS]   (carry: [".device"])
# Each finished run's line is in $OUT/sweep.log as it happens; the table is written at the end.
# SWEEP_ARGS adds train_cifar options, e.g. SWEEP_ARGS="--epochs 2 --bs 32" for a dry run on a CPU.
set -uo pipefail
export PYTHONUNBUFFERED=1
out=${OUT:-gpu_sweep}; mkdir -p "$out"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
lrmaxes=${1:-0.0025,0.005,0.01}; divs=${2:-100}; seeds=${3:-0,1,2}
date -u | tee "$out/sweep.log"
sweep_cifar --data "$data" --lr-maxes "$lrmaxes" --divs "$divs" --seeds "$seeds" --out /tmp/sweep --overwrite ${SWEEP_ARGS:-} 2>&1 | tee -a "$out/sweep.log"
cp /tmp/sweep/sweep.csv /tmp/sweep/sweep.md "$out/" 2>/dev/null; date -u | tee -a "$out/sweep.log"
