#!/usr/bin/env python3
"""Show the context of every miss and lost keep value of a redaction command.

    python3 explain.py --corpus DIR --cmd "runbook redact" [--kind KIND] [--per-kind N]

For each missed `remove` label: the input line holding the value (value marked
with >>> <<<) and the output line where 12+ characters of it survived.  For each
lost `keep` value: the input line and the matching output line.  Same scoring
rule as score.py.  Standard library only.
"""
import argparse
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

PROBE = 12


def survivor(value, out):
    if len(value) < PROBE:
        return value if value in out else None
    for i in range(len(value) - PROBE + 1):
        g = value[i:i + PROBE]
        if g in out:
            return g
    return None


def line_at(text, i, j):
    a = text.rfind('\n', 0, i) + 1
    b = text.find('\n', j)
    b = len(text) if b < 0 else b
    return a, b


def mark(text, needle, width=260):
    i = text.find(needle)
    if i < 0:
        return None
    a, b = line_at(text, i, i + len(needle))
    ln = text[a:i] + '>>>' + needle + '<<<' + text[i + len(needle):b]
    if len(ln) > width:
        k = ln.find('>>>')
        lo = max(0, k - width // 2)
        ln = ('...' if lo else '') + ln[lo:lo + width] + '...'
    return ln.replace('\t', '\\t')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--kind', action='append', help='only these kinds (repeatable)')
    ap.add_argument('--per-kind', type=int, default=4)
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    labels = json.load(open(os.path.join(a.corpus, 'labels.json'), encoding='utf-8'))['files']

    def run(name):
        data = open(os.path.join(a.corpus, name), 'rb').read()
        out = subprocess.run(a.cmd, shell=True, input=data, stdout=subprocess.PIPE).stdout
        return name, data.decode('utf-8'), out.decode('utf-8', 'replace')

    with ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(run, sorted(labels)))
    miss, lost = {}, {}
    for name, src, out in results:
        for r in labels[name]['remove']:
            g = survivor(r['value'], out)
            if g is not None:
                miss.setdefault((r['category'], r['kind']), []).append((name, r['value'], src, out, g))
        for k in labels[name]['keep']:
            if k['value'] not in out:
                lost.setdefault(k['kind'], []).append((name, k['value'], src, out))
    for (cat, kind), items in sorted(miss.items()):
        if a.kind and kind not in a.kind:
            continue
        print('=== MISS %s/%s: %d' % (cat, kind, len(items)))
        first, rest, seen = [], [], set()
        for it in items:
            (rest if it[0] in seen else first).append(it)
            seen.add(it[0])
        for name, v, src, out, g in (first + rest)[:a.per_kind]:
            print('  [%s] in : %s' % (name, mark(src, v)))
            print('  [%s] out: %s' % (name, mark(out, g)))
    for kind, items in sorted(lost.items()):
        if a.kind and kind not in a.kind:
            continue
        print('=== LOST keep %s: %d' % (kind, len(items)))
        for name, v, src, out in items[:a.per_kind]:
            print('  [%s] in : %s' % (name, mark(src, v)))
            i = src.find(v)
            a_, b_ = line_at(src, i, i + len(v))
            pre = src[a_:i][-20:]
            j = out.find(pre) if pre else -1
            if j >= 0:
                x, y = line_at(out, j, j)
                print('  [%s] out: %s' % (name, out[x:y][:260]))


if __name__ == '__main__':
    main()
