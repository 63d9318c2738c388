"""CI: chapters are in import order. Each exported module may import only modules of earlier chapters (so there is
no import circle), and no private name (`_x`) crosses a module boundary. The chapter order is the notebooks' file
order; each notebook's `#| default_exp` names its module."""
import ast, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lib = 'resnet_cifar'
order = {}                                   # module -> (chapter number, notebook)
for nb in sorted((root/'nbs').glob('[0-9]*.ipynb')):
    for c in json.loads(nb.read_text())['cells']:
        m = re.search(r'^#\|\s*default_exp\s+(\S+)', ''.join(c['source']), re.M)
        if m: order[m.group(1)] = (len(order), nb.name); break

problems = []
for py in sorted((root/lib).glob('*.py')):
    mod = py.stem
    if mod.startswith('_'): continue
    if mod not in order: problems.append(f"{py.name}: no notebook has `#| default_exp {mod}`"); continue
    for node in ast.walk(ast.parse(py.read_text())):
        if not isinstance(node, ast.ImportFrom): continue
        if node.level == 1: dep = node.module
        elif node.level == 0 and node.module and node.module.startswith(lib + '.'): dep = node.module.split('.', 1)[1]
        else: continue
        here, nb = order[mod]
        if dep not in order: problems.append(f"{lib}/{py.name}: imports {dep}, which no notebook exports"); continue
        if order[dep][0] >= here:
            problems.append(f"{lib}/{py.name} ({nb}) imports {dep} from a later chapter ({order[dep][1]})")
        private = [a.name for a in node.names if a.name.startswith('_')]
        if private: problems.append(f"{lib}/{py.name} imports private names from {dep}: {', '.join(private)}")

for p in problems: print(p)
print(f"{len(order)} chapters in import order" if not problems else f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
