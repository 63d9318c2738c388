#!/usr/bin/env bash
# The packing benchmark of a Ray sweep on a GPU: one grid of 8 trials (4 LRMAX x 2 seeds, 24 epochs) run as a Ray
# Tune sweep one trial per GPU, then 2 and 4 trials sharing each GPU; the table (runs/hour, each run's accuracy) last.
# Needs Ray on the GPU machine (pip install "resnet_cifar[ray]"); about 8 x 40 s of runs per packing on an H200.
#   run: source .device/env.sh && bash tools/gpu_ray_pack.sh     (carry: [".device"])
# PACK_ARGS adds options of tools/ray_packing.py, e.g. PACK_ARGS="--epochs 2 --bs 16 --packings 1,0.5" for a dry run.
set -uo pipefail
export PYTHONUNBUFFERED=1
out=${OUT:-gpu_ray_pack}; mkdir -p "$out"
data=${CIFAR_JPEG75:?set CIFAR_JPEG75 to the proxy archive (source .device/env.sh)}
python3 -c "import ray" 2>/dev/null || { echo "gpu_ray_pack: Ray is not installed here: pip install \"resnet_cifar[ray]\"" | tee "$out/ray_pack.log"; exit 2; }
{ date -u; nvidia-smi --query-gpu=name,memory.total --format=csv,noheader; } 2>&1 | tee "$out/ray_pack.log"
python3 tools/ray_packing.py --data "$data" --out "$out" ${PACK_ARGS:-} 2>&1 | tee -a "$out/ray_pack.log"
date -u | tee -a "$out/ray_pack.log"
