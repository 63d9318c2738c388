"""CI: check the built docs site (`_docs/`): a page for every notebook, every internal link and `#anchor` resolves, every
exported symbol has its `show_doc` section, no Quarto/nbdev markup is left in the text, a few key facts are there, and
what a reader sees is clean: no progress-bar frames, no bare reprs (`<Figure …>`, `<Axes …>`, `object at 0x…`), no
paths of the machine that ran the notebooks, and a figure or a table on every chapter page.
`python3 tools/check_docs.py --self-test` plants each of those in a copy of the site and checks that it is caught."""
import html, importlib, re, shutil, sys, tempfile
import resnet_cifar.core   # first: it quiets a warning fastai's imports raise
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

root = Path(__file__).resolve().parent.parent

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

def links_and_sections(site:Path, pages:dict)->list:
    "A page for every notebook, every internal link and anchor resolving, a show_doc section for every export"
    problems = []
    for nb in sorted((root/'nbs').glob('*.ipynb')):           # nbdev's names: 01_data.ipynb -> data.html
        name = re.sub(r'^\d+_', '', nb.stem) if nb.stem != 'index' else 'index'
        if not (site/f"{name}.html").exists(): problems.append(f"no page for {nb.name} ({name}.html)")
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
    modidx = importlib.import_module('resnet_cifar._modidx').d['syms']
    for mod, syms in modidx.items():
        for sym in getattr(importlib.import_module(mod), '__all__', []):
            page, _, anchor = (syms.get(f"{mod}.{sym}", (None,))[0] or '').partition('#')
            if page and (not (site/page).exists() or anchor not in pages[site/page].ids):
                problems.append(f"no show_doc section for {mod}.{sym} ({page}#{anchor})")
    return problems

BAR = re.compile(r'Epoch \d+/\d+ :|█')
REPR = re.compile(r'&lt;(Figure size|Axes:|matplotlib\.)|object at 0x[0-9a-f]{6,}')
MACHINE = re.compile(r'/tmp/tmp\w+|/root/|/home/\w+|site-packages/|' + re.escape(str(root)))

def what_a_reader_sees(site:Path, pages:dict)->list:
    "No leftover markup, bar frames, bare reprs or machine paths; a figure or table on every chapter page; key facts"
    problems = []
    chapters = {re.sub(r'^\d+_', '', nb.stem) + '.html' for nb in (root/'nbs').glob('[0-9]*.ipynb')}
    for fn, p in pages.items():
        text, raw = ''.join(p.text), fn.read_text()
        for bad in ('#|', '{target=', ':::', 'output-file:', '{.callout'):
            if bad in text: problems.append(f"{fn.name}: leftover markup {bad!r}")
        for what, rx in (('a progress-bar frame', BAR), ('a bare repr', REPR), ("a path of the machine that ran it", MACHINE)):
            if m := rx.search(raw): problems.append(f"{fn.name}: {what} ({m.group(0)!r})")
        if fn.name in chapters and '<img' not in raw and '<table' not in raw: problems.append(f"{fn.name}: no figure or table")
    if not any('href="https://docs.fast.ai/' in fn.read_text() for fn in pages): problems.append("no link into docs.fast.ai")
    for page, fact in (('model.html', '6,573,130'), ('index.html', 'train_cifar'), ('lr_bounds.html', 'find_lr_bounds')):
        if fact not in (site/page).read_text(): problems.append(f"{page}: does not say {fact}")
    return problems

def check(site:Path)->list:
    if not (site/'index.html').exists(): sys.exit(f"no {site/'index.html'}: run `bash tools/docs.sh` first")
    pages = {fn: parse(fn) for fn in site.glob('*.html')}
    return links_and_sections(site, pages) + what_a_reader_sees(site, pages), len(pages)

def self_test(site:Path):
    "Each defect, planted in a copy of the site, is reported"
    plants = {'a progress-bar frame': '<pre>Epoch 1/4 : |████------| 40.00% [2/5 00:01]</pre>',
              'a bare repr': '<pre>&lt;Figure size 400x100 with 0 Axes&gt;</pre>',
              'a path of the machine': '<pre>/tmp/tmpab12cd34/run/results.json</pre>'}
    for what, planted in plants.items():
        with tempfile.TemporaryDirectory() as d:
            copy = Path(d)/'site'; shutil.copytree(site, copy)
            (copy/'core.html').write_text((copy/'core.html').read_text().replace('</body>', planted + '</body>'))
            found, _ = check(copy)
            assert any(what in pr for pr in found), (what, found)
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d)/'site'; shutil.copytree(site, copy)
        page = copy/'core.html'; page.write_text(re.sub(r'<(img|table)\b', '<div', page.read_text()))
        assert any('core.html: no figure or table' in pr for pr in check(copy)[0])
    print(f"check_docs: each of {len(plants) + 1} planted defects caught")

if __name__ == '__main__':
    site = root/'_docs'
    if '--self-test' in sys.argv: self_test(site)
    problems, n = check(site)
    for pr in problems: print(pr)
    print(f"docs: {n} pages checked" if not problems else f"docs: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
