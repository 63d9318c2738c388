#!/usr/bin/env bash
# Look at the docs site in a real browser (not in CI: Chromium is a large Debian package; `apt-get install chromium`).
# Builds the site, serves it on 127.0.0.1, and writes headless-Chromium screenshots to ${OUT:-docs_shots}/:
# the index, an API page (lr_bounds), the tutorial, and a search for find_lr_bounds typed into the search box.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-docs_shots}; mkdir -p "$out"
[ -f _docs/index.html ] || bash tools/docs.sh
python3 -m http.server -d _docs 8765 --bind 127.0.0.1 >/dev/null 2>&1 & server=$!
trap 'kill $server' EXIT
sleep 1
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,${3:-1600} \
           --virtual-time-budget=15000 --screenshot="$out/$1.png" "http://127.0.0.1:8765/$2" >/dev/null 2>&1; echo "$out/$1.png"; }
shot index index.html
shot lr_bounds lr_bounds.html 2400
shot tutorial tutorial_proxy_run.html 2400
# the search box, typed into (needs `pip install playwright`; it drives the same Chromium)
python3 - "http://127.0.0.1:8765" "$out/search.png" <<'PY' && echo "$out/search.png"
import sys, time
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    b = p.chromium.launch(executable_path='/usr/bin/chromium', args=['--no-sandbox'])
    pg = b.new_page(viewport={'width': 1280, 'height': 900})
    pg.goto(sys.argv[1] + '/index.html'); time.sleep(2)
    pg.click('input[data-md-component="search-query"]'); pg.keyboard.type('find_lr_bounds'); time.sleep(3)
    print('search for find_lr_bounds:', pg.inner_text('.md-search-result__meta'))
    pg.screenshot(path=sys.argv[2]); b.close()
PY
