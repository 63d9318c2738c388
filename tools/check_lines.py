"""CI: the library reads on a normal screen. At most 3% of `resnet_cifar/`'s lines are over 120 characters, and no
function is over 60 lines (nbdev's `_modidx.py` aside). Prints the long ones either way."""
import ast, sys
from pathlib import Path

LIMIT, SHARE, FUNC = 120, 0.03, 60
lib = Path(__file__).resolve().parent.parent/'resnet_cifar'
total, long, funcs = 0, [], []
for py in sorted(lib.glob('*.py')):
    if py.name.startswith('_'): continue
    src = py.read_text(); lines = src.splitlines(); total += len(lines)
    long += [(py.name, i + 1, len(l)) for i, l in enumerate(lines) if len(l) > LIMIT]
    funcs += [(py.name, n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(ast.parse(src))
              if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > FUNC]
for f, i, n in long: print(f"{f}:{i}: {n} characters")
for f, name, n in funcs: print(f"{f}: {name} is {n} lines (at most {FUNC})")
ok = len(long) <= SHARE * total and not funcs
print(f"{len(long)} of {total} library lines over {LIMIT} characters ({100 * len(long) / total:.1f}%, at most "
      f"{100 * SHARE:.0f}%); {len(funcs)} function(s) over {FUNC} lines")
sys.exit(0 if ok else 1)
