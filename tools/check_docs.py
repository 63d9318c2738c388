"""CI: check the built docs site (`_docs/`): a page for every notebook, every internal link and `#anchor` resolves, every
exported symbol has its `show_doc` section, no Quarto/nbdev markup is left in the text, and a few key facts are there."""
import html, importlib, re, sys
import resnet_cifar.core   # first: it quiets a warning fastai's imports raise
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

root = Path(__file__).resolve().parent.parent
site = root/'_docs'
problems = []

class Page(HTMLParser):
    "The ids, links and visible text (outside code) of one HTML page"
    def __init__(self):
        super().__init__(); self.ids, self.links, self.text, self.code = set(), [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a: self.ids.add(a['id'])
        if tag == 'a' and 'name' in a: self.ids.add(a['name'])
        for k in ('href', 'src'):
            if a.get(k) and tag in ('a', 'img'): self.links.append(a[k])
        if tag in ('pre', 'code', 'script', 'style'): self.code += 1
    def handle_endtag(self, tag):
        if tag in ('pre', 'code', 'script', 'style'): self.code = max(0, self.code - 1)
    def handle_data(self, data):
        if not self.code: self.text.append(data)

def parse(fn:Path)->Page:
    p = Page(); p.feed(fn.read_text()); return p

if not (site/'index.html').exists(): sys.exit("no _docs/index.html: run `bash tools/docs.sh` first")
pages = {fn: parse(fn) for fn in site.glob('*.html')}

# a page for every notebook (nbdev's names: 01_data.ipynb -> data.html)
for nb in sorted((root/'nbs').glob('*.ipynb')):
    name = re.sub(r'^\d+_', '', nb.stem) if nb.stem != 'index' else 'index'
    if not (site/f"{name}.html").exists(): problems.append(f"no page for {nb.name} ({name}.html)")

# every internal link and anchor resolves
for fn, p in pages.items():
    if fn.name == '404.html': continue
    for link in p.links:
        u = urlsplit(html.unescape(link))
        if u.scheme or link.startswith(('mailto:', '//')): continue
        target = fn if not u.path else (fn.parent/unquote(u.path)).resolve()
        if not target.exists(): problems.append(f"{fn.name}: broken link {link}"); continue
        if u.fragment and target.suffix == '.html':
            tp = pages.get(target) or parse(target)
            if unquote(u.fragment) not in tp.ids: problems.append(f"{fn.name}: no anchor #{u.fragment} in {target.name} ({link})")

# every exported symbol has its show_doc section, where nbdev's index says it is
modidx = importlib.import_module('resnet_cifar._modidx').d['syms']
for mod, syms in modidx.items():
    m = importlib.import_module(mod)
    for sym in getattr(m, '__all__', []):
        page_anchor = syms.get(f"{mod}.{sym}", (None,))[0]
        if page_anchor is None: continue
        page, _, anchor = page_anchor.partition('#')
        if not (site/page).exists() or anchor not in pages[site/page].ids: problems.append(f"no show_doc section for {mod}.{sym} ({page_anchor})")

# no leftover markup in what a reader sees
for fn, p in pages.items():
    text = ''.join(p.text)
    for bad in ('#|', '{target=', ':::', 'output-file:', '{.callout'):
        if bad in text: problems.append(f"{fn.name}: leftover markup {bad!r}")

# a few key facts
for page, fact in (('model.html', '6,573,130'), ('index.html', 'train_cifar'), ('lr_bounds.html', 'find_lr_bounds')):
    if fact not in (site/page).read_text(): problems.append(f"{page}: does not say {fact}")

for pr in problems: print(pr)
print(f"docs: {len(pages)} pages checked" if not problems else f"docs: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
