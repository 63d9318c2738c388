"""Host (Python) time per training batch: fastai's Learner vs a plain loop, with a model too small to matter.

On a fast GPU the kernels of one batch of this recipe take ~3 ms; whatever the host spends per batch beyond that
is the ceiling on img/s. This measures that host time on any machine (the CPU is enough), at a small batch size
so that compute is negligible:

    python tools/host_overhead.py DATA.tgz [--bs 16] [--batches 200]

On a CPU a host read costs no wait, so the difference between fastai's stock meters and reading once an epoch is
only their Python work here; on a GPU each read also drains the queue (see `bench_cifar`).
"""
import argparse, tempfile, time, warnings
warnings.filterwarnings('ignore')
from functools import partial
import numpy as np
import torch
from torch import nn
from fastai.learner import Learner
from fastai.losses import CrossEntropyLossFlat
from fastai.optimizer import OptimWrapper
from fastai.metrics import accuracy
import fastai.callback.schedule
from fasttransform import Pipeline
from resnet_cifar.data import load_cifar
from resnet_cifar.loaders import cifar_dls, cifar_mean, cifar_std, subset_cifar
from resnet_cifar.augment import cifar_augment
from resnet_cifar.speed import read_once_per_epoch
from resnet_cifar.bench import plain_epoch

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('data'); p.add_argument('--bs', type=int, default=16); p.add_argument('--batches', type=int, default=200)
a_ = p.parse_args()
torch.set_num_threads(1)
bs, n = a_.bs, a_.batches
a = subset_cifar(load_cifar(a_.data), bs * n, seed=0)
tiny = lambda: nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(3, 10))
dls = cifar_dls(a, bs=bs, device='cpu')

def learner(read_once:bool)->Learner:
    "A Learner over the tiny model, without a progress bar, warmed up by one epoch"
    learn = Learner(dls, tiny(), loss_func=CrossEntropyLossFlat(), opt_func=partial(OptimWrapper, opt=partial(torch.optim.Adam, foreach=True)),
                    metrics=accuracy, path=tempfile.mkdtemp())
    learn.remove_cb(learn.progress)
    if read_once: read_once_per_epoch(learn)
    with learn.no_logging(): learn.fit_one_cycle(1, 1e-3)
    return learn

def learner_ms(learn:Learner)->float:
    "Host ms per training batch of one epoch of fit_one_cycle (the validation pass timed apart and subtracted)"
    with learn.no_logging():
        t = time.perf_counter(); learn.fit_one_cycle(1, 1e-3); fit = time.perf_counter() - t
        t = time.perf_counter(); learn.validate(); val = time.perf_counter() - t
    return 1e3 * (fit - val) / n

# the two Learners take turns, 4 times each, so that drifts of the machine hit both alike; the median is reported
learners, times = {False: learner(False), True: learner(True)}, {False: [], True: []}
for rep in range(4):
    for k in ((False, True) if rep % 2 == 0 else (True, False)): times[k].append(learner_ms(learners[k]))
stock_ms, once_ms = (float(np.median(times[k])) for k in (False, True))
t = time.perf_counter()
for _ in range(2):
    for b in dls.train: pass
loader = time.perf_counter() - t
x_tr, y_tr = torch.as_tensor(a.x_train), torch.as_tensor(a.y_train)
mean, std = torch.tensor(cifar_mean)[:, None, None], torch.tensor(cifar_std)[:, None, None]
aug = Pipeline(cifar_augment()); aug.split_idx = 0
m = tiny(); opt = torch.optim.Adam(m.parameters(), 1e-3, foreach=True); lf = nn.CrossEntropyLoss()
norm = lambda x: (x.float() / 255 - mean) / std
t = time.perf_counter()
for _ in range(2): plain_epoch(m, opt, x_tr, y_tr, bs, norm, aug, lf)
plain = time.perf_counter() - t
print(f"{n} batches of {bs}, a 33-parameter model, 1 CPU thread; Learner rows: median of 4 interleaved epochs "
      f"(stock {' '.join(f'{v:.2f}' for v in times[False])}; read once {' '.join(f'{v:.2f}' for v in times[True])})")
print(f"| path | host ms per training batch |\n|---|---|")
print(f"| fastai Learner, fit_one_cycle, fastai's stock meters | {stock_ms:.2f} |")
print(f"| fastai Learner, fit_one_cycle, read once an epoch (the library's) | {once_ms:.2f} |")
print(f"| plain loop, same loader work and augmentation | {1e3 * plain / (2 * n):.2f} |")
print(f"| the library's loader alone (index, normalize, augment) | {1e3 * loader / (2 * n):.2f} |")
