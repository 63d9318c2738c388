"""The GPU smoke: what only a GPU can check, in about two minutes, as plain Python (the GPU image has no nbdev, no
IPython). The GPU configuration (bf16 autocast, channels_last, fused Adam) through the whole recipe, through the
installed commands where a user would use them: a Learner's fit seen by a hook on every convolution, `train_cifar`
(range test, fit, test pass, report, export), a run stopped by Ctrl-C after its first checkpoint and `--resume`d to the
same weights as the run that was never stopped, `learner_from_run` on the device, `predict_cifar`, `compare_cifar_runs`,
fastai's `load_learner`. It prints a table, one row a step, and exits 1 at the first step that fails.

    python tools/gpu_smoke.py DATA                  # on the GPU; DATA: a CIFAR folder or .tgz (the proxy archive)
    python tools/gpu_smoke.py --device cpu DATA     # its dry run on a CPU (CI: tiny synthetic data, --bs 4)

On this project's 2-core CPU a bf16 backward pass is some 10 times slower than a float32 one (0.35 s an image): the
dry runs train on 16 images in batches of 4.
"""
import argparse, json, os, shutil, signal, subprocess, sys, tempfile, time, traceback
from pathlib import Path

p = argparse.ArgumentParser(description=__doc__.split('\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('data', help='a CIFAR-10 folder or .tgz in the train/<class>/, test/<class>/ layout')
p.add_argument('--device', default='cuda', help='cuda (default), cuda:N, or cpu for the dry run')
p.add_argument('--subset', type=int, default=5000, help='training images of each run (default 5000; at most the data)')
p.add_argument('--bs', type=int, default=None, help="batch size (default: train_cifar's for the subset)")
p.add_argument('--epochs', type=int, default=3, help='epochs of each run (default 3)')
p.add_argument('--lr-find-iters', type=int, default=20, help='batches in the range test (default 20)')
p.add_argument('--out', default=None, help='keep the runs here (default: a temporary folder, removed)')
args = p.parse_args()
if not Path(args.data).exists(): sys.exit(f"gpu_smoke: error: no such data: {args.data}")

import torch
from resnet_cifar.data import load_cifar
from resnet_cifar.loaders import cifar_dls
from resnet_cifar.learner import cifar_learner
from resnet_cifar.run import learner_from_run, read_record
from resnet_cifar.results import predict_test_set, load_exported, predict_images

GPU_CONFIG = dict(mixed_precision='bf16', channels_last=True, fused_adam=True)
FLAGS = ['--mixed-precision', 'bf16', '--channels-last', '--fused-adam']
root = Path(args.out or tempfile.mkdtemp(prefix='gpu_smoke-')); root.mkdir(parents=True, exist_ok=True)
rows = []

def table():
    w = max(len(r[0]) for r in rows)
    return '\n'.join([f"{'step':<{w}}  {'s':>7}  result", *(f"{n:<{w}}  {s:7.1f}  {r}" for n, s, r in rows)])

def step(name):
    "Run the decorated function now as one row of the table; the first failure prints the table and exits 1"
    def run(f):
        t = time.perf_counter()
        try: res = f()
        except Exception as e:
            rows.append((name, time.perf_counter() - t, f"FAILED: {type(e).__name__}: {str(e)[:300]}"))
            traceback.print_exc(); print(table(), flush=True); sys.exit(1)
        rows.append((name, time.perf_counter() - t, res)); print(f"ok  {name}: {res}", flush=True)
        return res
    return run

def command(*argv, ok=(0,), **kw):
    "An installed command, run as a user runs it; its stdout, or an error naming its exit status and its last line"
    r = subprocess.run([shutil.which(argv[0]) or argv[0], *map(str, argv[1:])], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, **kw)
    if r.returncode not in ok:
        last = (r.stderr.strip().splitlines() or [''])[-1]
        raise RuntimeError(f"{argv[0]} exited {r.returncode}: {last}")
    return r.stdout

a = load_cifar(args.data)
subset = min(args.subset, len(a.y_train))
run_args = ['--data', args.data, '--subset', subset, '--epochs', args.epochs, '--seed', 0, '--lr-find-iters', args.lr_find_iters,
            '--device', args.device, *FLAGS, *(['--bs', args.bs] if args.bs else [])]

@step('device')
def _():
    from resnet_cifar.core import device_name
    from resnet_cifar.speed import device_plan
    plan = device_plan(args.device, **GPU_CONFIG)
    return f"{device_name(plan.device)}; torch {torch.__version__}; {plan}"

@step('fit: bf16, channels_last, fused Adam')
def _():
    dls = cifar_dls(a, bs=args.bs or 128, device=args.device, subset=min(1024, subset), test_subset=256, seed=0)
    learn = cifar_learner(dls, path=root/'learner', **GPU_CONFIG)
    seen = set()
    hooks = [m.register_forward_hook(lambda m, i, o: seen.add((i[0].is_contiguous(memory_format=torch.channels_last),
                                                                o.dtype, o.device.type)))
             for m in learn.model.modules() if isinstance(m, torch.nn.Conv2d)]
    with learn.no_logging(), learn.no_bar(): learn.fit_one_cycle(1, 1e-3)
    for h in hooks: h.remove()
    dev = torch.device(args.device).type
    assert seen == {(True, torch.bfloat16, dev)}, f"the convolutions saw {seen}"
    assert learn.opt.opt.defaults['fused'], "Adam is not fused"
    places = {t.device.type for t in [*learn.model.parameters(), *learn.model.buffers()]}
    assert places == {dev}, f"the model is on {places}"
    return f"every convolution: channels_last in, bf16 out, on {dev}; Adam fused"

@step('train_cifar (range test, fit, test, report)')
def _():
    out = command('train_cifar', *run_args, '--out', root/'run')
    r = read_record(root/'run')
    missing = [f for f in ('model.pth', 'report.md', 'history.png', 'gradcam.png', 'export.pkl') if not (root/'run'/f).exists()]
    assert not missing, f"the run folder lacks {missing}"
    return f"{out.strip().splitlines()[-1][:90]}; {r['train_img_per_s']:,.0f} img/s"

@step('Ctrl-C after the first checkpoint, then --resume')
def _():
    d = root/'stopped'
    proc = subprocess.Popen([shutil.which('train_cifar'), *map(str, run_args), '--out', d],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    t = time.time()
    while not (d/'checkpoint.pth').exists() and proc.poll() is None and time.time() - t < 600: time.sleep(0.05)
    proc.send_signal(signal.SIGINT); err = proc.communicate(timeout=300)[1]
    status = json.loads((d/'results.json').read_text())['status']
    if proc.returncode == 0: return "the run finished before the signal came: no resume tried (give more --epochs)"
    assert proc.returncode == 130 and status == 'interrupted', f"exit {proc.returncode}, {status}: {err[-300:]}"
    command('train_cifar', '--resume', d)
    w0, w1 = (torch.load(x/'model.pth', weights_only=True) for x in (root/'run', d))
    diff = max((w0[k].float() - w1[k].float()).abs().max().item() for k in w0)
    assert diff == 0, f"the resumed run's weights differ from the uninterrupted run's by up to {diff:.3g}"
    return f"exit 130 at epoch {read_record(d)['resumed_at_epoch']}; resumed: weights equal to the run's"

@step('learner_from_run on the device')
def _():
    learn = learner_from_run(root/'run', device=args.device)
    places = {t.device.type for t in [*learn.model.parameters(), *learn.model.buffers()]}
    assert places == {torch.device(args.device).type}, f"model on {places}, data on {learn.dls.device}"
    acc, rec = predict_test_set(learn).accuracy, read_record(root/'run')['accuracy']
    assert abs(acc - rec) <= 2 / len(learn.dls.valid.dataset), f"accuracy {acc:.4f} rebuilt, {rec:.4f} recorded"
    return f"accuracy {acc:.4f} (recorded {rec:.4f})"

@step('predict_cifar, compare_cifar_runs, load_learner')
def _():
    from PIL import Image
    pics = []
    for i in range(3):
        pics.append(root/f"pic{i}.png"); Image.fromarray(a.x_test[i].transpose(1, 2, 0)).save(pics[-1])
    lines = command('predict_cifar', '--model', root/'run', *pics).strip().splitlines()
    assert len(lines) >= 3, f"predict_cifar printed {lines}"
    table_md = command('compare_cifar_runs', root/'run', root/'stopped')
    assert str(root/'stopped') in table_md or 'stopped' in table_md, table_md
    top = predict_images(load_exported(root/'run'), [str(p) for p in pics], k=1)
    return f"{len(lines)} predictions; fastai's load_learner: {top[0][0][0]}"

print(table())
if not args.out: shutil.rmtree(root, ignore_errors=True)
