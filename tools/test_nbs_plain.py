"""The library's notebook tests without nbdev, for an environment where nbdev 2 cannot be installed (the newest
fastcore and execnb: `.ci/run`'s second environment). Each notebook runs in execnb's shell, as `nbdev_test` runs it:
in its folder, `IN_TEST` set, `slow`/`cuda` cells and `eval: false` cells skipped; the lines that import nbdev and the
cells that use it (`nbdev_export`, `show_doc`, its config) are left out, and nothing else.
Usage: `python tools/test_nbs_plain.py [NOTEBOOK ...]` (default: every notebook); prints a line per notebook, then
`N passed, M failed`, and exits 1 if any failed."""
import json, os, re, sys, time, traceback
from pathlib import Path
from fastcore.basics import AttrDict
from execnb.shell import CaptureShell

SKIP_FLAGS = {'slow', 'cuda'}
NBDEV_LINE = re.compile(r'^\s*(from nbdev\S* import .*|import nbdev\S*)\s*$', re.M)

def directives(src:str)->dict:
    "A cell's `#| key value` lines at its top, as nbdev reads them"
    d = {}
    for line in src.splitlines():
        m = re.match(r'#\|\s*([\w-]+):?\s*(.*)', line)
        if not m: break
        d[m.group(1)] = m.group(2).strip()
    return d

def runnable(src:str)->str|None:
    "The code a test run executes of a cell, or None for a cell it skips"
    d = directives(src)
    if SKIP_FLAGS & set(d) or d.get('eval', '').lower() == 'false': return None
    code = NBDEV_LINE.sub('', src)
    if re.search(r'\bnbdev\b|show_doc\(|get_config\(', code): return None
    return code

def test_nb(fn:Path)->tuple:
    "(passed, seconds, error) for one notebook"
    cells = [AttrDict(cell_type='code', source=code, outputs=[], metadata={}, idx_=i)
             for i, c in enumerate(json.loads(fn.read_text())['cells'])
             if c['cell_type'] == 'code' and (code := runnable(''.join(c['source']))) is not None]
    t, cwd = time.time(), os.getcwd()
    os.environ['IN_TEST'] = '1'
    try:
        os.chdir(fn.parent)
        CaptureShell(fn).run_all(AttrDict(cells=cells), exc_stop=True)
        return True, time.time() - t, None
    except BaseException as e: return False, time.time() - t, ''.join(traceback.format_exception_only(type(e), e)).strip()
    finally: os.chdir(cwd)

if __name__ == '__main__':
    nbs = Path(__file__).resolve().parent.parent/'nbs'
    fns = [Path(f).resolve() for f in sys.argv[1:]] or sorted(p for p in nbs.glob('*.ipynb') if not p.name.startswith(('_', '.')))
    failed = 0
    for fn in fns:
        ok, secs, err = test_nb(fn)
        failed += not ok
        print(f"{fn.name}: {'passed' if ok else 'FAILED'} in {secs:.0f} s" + ('' if ok else f"\n{err[-3000:]}"), flush=True)
    print(f"{len(fns) - failed} passed, {failed} failed", flush=True)
    os._exit(1 if failed else 0)           # not sys.exit: IPython's exit hooks fail on the shells' threads, noisily
