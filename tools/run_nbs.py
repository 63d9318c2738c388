"""Run the notebooks as `nbdev_test` does (on the CPU, `slow`/`cuda` cells and `eval: false` skipped) and save their
outputs, so that the book and the docs site show what each chapter explains. Temporary folders in the outputs are
written `<tmp>`, and this machine's paths (the repository, site-packages) are left out. Usage: `python tools/run_nbs.py
[--flags FLAG,...] [NOTEBOOK ...]` (default: all; `--flags slow` runs the `slow` cells too, as the robustness page
needs), then `nbdev_clean`."""
import os, re, sys, tempfile, time
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.process import NBProcessor
from nbdev.frontmatter import FrontmatterProc

cfg = get_config()
skip = set(cfg.get('tst_flags', '').split())
tmp = re.escape(tempfile.gettempdir())
tmp_re = re.compile(tmp + r'/[\w.-]+')
here_re = re.compile(re.escape(str(cfg.config_path)) + '/|' + re.escape(sys.prefix) + r'/lib/python[\d.]+/site-packages/')

def clean(o):
    "Temporary paths in an output, as `<tmp>`"
    if isinstance(o, str): return here_re.sub('', tmp_re.sub('<tmp>', o))
    if isinstance(o, list): return [clean(v) for v in o]
    if isinstance(o, dict): return {k: (v if k == 'image/png' else clean(v)) for k, v in o.items()}
    return o

bar_re = re.compile(r'^.*(█|Epoch \d+/\d+ :|\|-{5,}).*$\n?', re.M)     # a frame of fastprogress's text bar
repr_re = re.compile(r'^<(Figure size|Axes|matplotlib|fastai|resnet_cifar)[^>]*>$|object at 0x[0-9a-f]+')

def readable(out:dict)->dict|None:
    "An output as a reader wants it: no progress-bar frames (the final table stays), no bare reprs; None if nothing is left"
    if out.get('output_type') == 'stream':
        text = bar_re.sub('', ''.join(out.get('text', '')).replace('\r', '\n'))
        return {**out, 'text': text} if text.strip() else None
    data = dict(out.get('data', {}))
    if repr_re.search(''.join(data.get('text/plain', ''))):
        data.pop('text/plain')
        if not data: return None
    return {**out, 'data': data} if 'data' in out else out

def run(fn:Path):
    os.environ['IN_TEST'] = '1'
    nb = NBProcessor(fn, procs=FrontmatterProc, process=True).nb
    def no_eval(cell):
        if cell.cell_type != 'code' or 'nbdev_export' + '(' in cell.source: return True
        d = getattr(cell, 'directives_', {}) or {}
        return d.get('eval:', [''])[0].lower() == 'false' or bool(skip & d.keys())
    t = time.time()
    with working_directory(fn.parent): CaptureShell(fn, mpl_format='png').run_all(nb, exc_stop=True, preproc=no_eval)
    raw = read_nb(fn)
    for c, done in zip(raw.cells, nb.cells):
        if c.cell_type == 'code':
            outs = (readable(clean(dict(o))) for o in done.get('outputs', []) if 'FutureWarning' not in ''.join(o.get('text', '')))
            c.outputs = [o for o in outs if o is not None]
    write_nb(raw, fn)
    print(f"{fn.name}: {time.time() - t:.0f} s, {fn.stat().st_size / 1e3:.0f} kB")

if __name__ == '__main__':
    args = sys.argv[1:]
    if args[:1] == ['--flags']: skip -= set(args[1].split(',')); args = args[2:]
    fns = [Path(f) for f in args] or sorted(p for p in cfg.nbs_path.glob('*.ipynb') if not p.name.startswith('_'))
    for fn in fns: run(fn.resolve())
