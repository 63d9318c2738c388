"""The packing benchmark of a Ray sweep (issue: scale-out), for a machine with a GPU and Ray installed.

The same grid of N trials (LRMAX values x seeds, LRMIN = LRMAX / div) is run as a Ray Tune sweep once per packing:
`--gpus-per-trial 1` (one trial at a time on each GPU), then 0.5 and 0.25 (2 and 4 trials sharing a GPU). Ray is
started once, before the first sweep, so its start is not counted. Printed last, one row per packing: wall seconds,
runs per hour, each run's accuracy (mean, min, max) and its mean fit seconds (the packing slows each run down; the
question is whether the runs per hour go up). Also written to OUT/ray_packing.json and OUT/ray_packing.md.

    python tools/ray_packing.py --data cifar10.tgz [--lr-maxes 0.0025,0.005,0.01,0.02] [--seeds 0,1] [--packings 1,0.5,0.25]
        [--epochs 24] [--bs N] [--out DIR]

A dry run on a CPU: --data SMALL_FOLDER --lr-maxes 0.003 --seeds 0,1 --packings 1,0.5 --epochs 2 --bs 16 --cpus-per-trial 1
"""
import argparse, json, os, platform, sys, tempfile, time
from pathlib import Path

def main(argv=None):
    p = argparse.ArgumentParser(prog='ray_packing', description=__doc__.split('\n\n')[0])
    p.add_argument('--data', required=True, help='folder or .tgz of CIFAR-10')
    p.add_argument('--lr-maxes', default='0.0025,0.005,0.01,0.02'); p.add_argument('--div', type=float, default=100)
    p.add_argument('--seeds', default='0,1'); p.add_argument('--packings', default='1,0.5,0.25')
    p.add_argument('--epochs', type=int, default=24); p.add_argument('--bs', type=int, default=None); p.add_argument('--cpus-per-trial', type=float, default=2)
    p.add_argument('--out', default=os.environ.get('OUT', 'ray_packing'))
    a = p.parse_args(argv)
    try: import ray
    except ImportError: sys.exit('ray_packing: error: needs Ray: pip install "resnet_cifar[ray]"')
    import torch
    from resnet_cifar.data import load_cifar
    from resnet_cifar.sweep import lr_sweep
    lr_maxes, seeds = [float(v) for v in a.lr_maxes.split(',')], [int(v) for v in a.seeds.split(',')]
    packings = [float(v) for v in a.packings.split(',')]
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    data = load_cifar(a.data, verbose=True)
    ray.init(include_dashboard=False, log_to_driver=False, logging_level='ERROR')
    gpus = ray.cluster_resources().get('GPU', 0)
    if not gpus: print('ray_packing: note: Ray sees no GPU; the trials run on the CPU', file=sys.stderr)
    n = len(lr_maxes) * len(seeds)
    rows, work = [], Path(tempfile.mkdtemp(prefix='ray_packing-'))
    for g in packings:
        t = time.perf_counter()
        res = lr_sweep(data, lr_maxes=lr_maxes, divs=(a.div,), seeds=seeds, with_finder=False, out=work/f'pack{g:g}',
                       ray=True, gpus_per_trial=g if gpus else 0, cpus_per_trial=a.cpus_per_trial, epochs=a.epochs, bs=a.bs)
        wall = time.perf_counter() - t
        ok = [r for r in res['runs'] if r['status'] == 'finished']
        accs = [r['accuracy'] for r in ok]
        rows.append(dict(gpus_per_trial=g, at_once=int(gpus // g) if gpus else None, trials=n, finished=len(ok), wall_s=round(wall, 1),
                         runs_per_hour=round(len(ok) * 3600 / wall, 1), accuracy_mean=sum(accs) / len(accs) if accs else None,
                         accuracy_min=min(accs, default=None), accuracy_max=max(accs, default=None),
                         fit_s_mean=round(sum(r['fit_s'] for r in ok) / len(ok), 1) if ok else None))
        print(json.dumps(rows[-1]), flush=True)
    ray.shutdown()
    dev = torch.cuda.get_device_name(0) if torch.cuda.is_available() else platform.processor() or platform.machine()
    head = f"{n} trials of {a.epochs} epochs on {a.data} ({len(data.y_train):,} training images), {dev}, {time.strftime('%Y-%m-%d')}"
    lines = [head, '', '| GPUs per trial | trials at once | wall s | runs/hour | accuracy mean (min-max) | fit s per run |', '|---|---|---|---|---|---|']
    for r in rows:
        acc = f"{100*r['accuracy_mean']:.2f}% ({100*r['accuracy_min']:.2f}-{100*r['accuracy_max']:.2f})" if r['finished'] else 'none finished'
        lines.append(f"| {r['gpus_per_trial']:g} | {r['at_once'] or '-'} | {r['wall_s']} | {r['runs_per_hour']} | {acc} | {r['fit_s_mean']} |")
    (out/'ray_packing.json').write_text(json.dumps(dict(setup=head, rows=rows), indent=2))
    (out/'ray_packing.md').write_text('\n'.join(lines) + '\n')
    print('\n'.join(lines))

if __name__ == '__main__': main()
