#!/usr/bin/env python3
"""Recall and keep rate per family and per kind for a labelled corpus made by generate.py.

    python3 by_family.py --corpus DIR --cmd "COMMAND" [--jobs N] [--detail] [--json OUT]

COMMAND runs through the shell once per file, the file on stdin, like score.py.  The
placeholders {name} (file name), {path} (full path) and {corpus} in COMMAND are replaced
(shell-quoted), and the environment gets FAMILY_FILE and FAMILY_CORPUS, so an oracle that
needs the labels can be plugged in.

Matching rule, as in /work/shared/redaction-corpus/score.py: a remove value is caught when
neither the value nor any substring of it of 12 or more characters is in the output (a value
shorter than 12 characters: when it is not in the output at all).  A keep value is kept when
it is in the output verbatim.

    --write-sed DIR   write DIR/<file>.sed, a sed script that replaces exactly the labelled
                      remove values (longest first) with [REDACTED]; then run with
                      --cmd "LC_ALL=C sed -f DIR/{name}.sed" to check the labels themselves.

Standard library only.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

PROBE = 12
CATS = ['provider_key', 'credential', 'payment', 'customer']
SHORT = {'provider_key': 'prov', 'credential': 'cred', 'payment': 'pay', 'customer': 'cust'}


def caught(value, out, grams):
    if len(value) < PROBE:
        return value not in out
    for i in range(len(value) - PROBE + 1):
        if value[i:i + PROBE] in grams:
            return False
    return True


def short(v, n=40):
    v = v.replace('\n', '\\n')
    return repr(v if len(v) <= n else v[:n - 3] + '...')


def sed_escape_re(s):
    out = []
    for ch in s:
        if ch in '\\/.*[]^$':
            out.append('\\' + ch)
        else:
            out.append(ch)
    return ''.join(out)


def write_sed(corpus, files, outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, f in files.items():
        vals = sorted({r['value'] for r in f['remove']}, key=len, reverse=True)
        with open(os.path.join(outdir, name + '.sed'), 'w', encoding='utf-8') as fh:
            for v in vals:
                if '\n' in v:
                    raise SystemExit('multi-line value cannot be written as a sed line: %r' % v)
                fh.write('s/%s/[REDACTED]/g\n' % sed_escape_re(v))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Per-family / per-kind recall of a redaction command.')
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--cmd', help='shell command: evidence on stdin, redacted text on stdout')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--timeout', type=float, default=600.0)
    ap.add_argument('--examples', type=int, default=3)
    ap.add_argument('--detail', action='store_true', help='also print misses per family and kind')
    ap.add_argument('--json', dest='json_out')
    ap.add_argument('--write-sed', metavar='DIR', help='write oracle sed scripts (see the docstring)')
    a = ap.parse_args(argv)

    with open(os.path.join(a.corpus, 'labels.json'), encoding='utf-8') as fh:
        labels = json.load(fh)
    files = labels['files']
    if a.write_sed:
        write_sed(a.corpus, files, a.write_sed)
        print('wrote %d sed scripts to %s' % (len(files), a.write_sed))
        if not a.cmd:
            return 0
    if not a.cmd:
        ap.error('--cmd is required (unless only --write-sed)')
    names = sorted(files)

    def run(name):
        path = os.path.join(a.corpus, name)
        cmd = a.cmd.replace('{name}', shlex.quote(name)).replace('{path}', shlex.quote(path)) \
                   .replace('{corpus}', shlex.quote(a.corpus))
        env = dict(os.environ, FAMILY_FILE=name, FAMILY_CORPUS=a.corpus)
        with open(path, 'rb') as fh:
            data = fh.read()
        try:
            p = subprocess.run(cmd, shell=True, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=a.timeout, env=env)
            out, rc = p.stdout, p.returncode
        except subprocess.TimeoutExpired as e:
            out, rc = e.stdout or b'', None
        text = out.decode('utf-8', 'replace')
        grams = {text[i:i + PROBE] for i in range(len(text) - PROBE + 1)}
        f = files[name]
        rem = [(r['category'], r['kind'], r['value'], caught(r['value'], text, grams)) for r in f['remove']]
        kp = [(k['kind'], k['value'], k['value'] in text) for k in f['keep']]
        return name, f.get('family', f.get('template', '?')), rc, rem, kp

    if a.jobs > 1:
        with ThreadPoolExecutor(a.jobs) as ex:
            results = list(ex.map(run, names))
    else:
        results = [run(n) for n in names]

    fam = {}
    kind = {}
    famkind = {}
    keepk = {}
    bad_rc = []
    for name, family, rc, rem, kp in results:
        if rc not in (0,):
            bad_rc.append((name, rc))
        F = fam.setdefault(family, {'files': 0, 'cat': {c: [0, 0] for c in CATS}, 'keep': [0, 0], 'lost': {}})
        F['files'] += 1
        for cat, k, v, ok in rem:
            F['cat'].setdefault(cat, [0, 0])
            F['cat'][cat][1] += 1
            F['cat'][cat][0] += ok
            K = kind.setdefault((cat, k), [0, 0, []])
            K[1] += 1
            K[0] += ok
            FK = famkind.setdefault((family, cat, k), [0, 0, []])
            FK[1] += 1
            FK[0] += ok
            if not ok:
                K[2].append((v, name))
                FK[2].append((v, name))
        for k, v, ok in kp:
            F['keep'][1] += 1
            F['keep'][0] += ok
            KK = keepk.setdefault(k, [0, 0, []])
            KK[1] += 1
            KK[0] += ok
            if not ok:
                KK[2].append((v, name))
                F['lost'][k] = F['lost'].get(k, 0) + 1

    def ratio(h, t):
        return '%.3f' % (h / t) if t else '  -  '

    print('by_family.py: %d files from %s' % (len(names), a.corpus))
    print('command: %s' % a.cmd)
    if bad_rc:
        print('non-zero exits / timeouts: %d (e.g. %s)' % (len(bad_rc), ', '.join('%s=%s' % x for x in bad_rc[:3])))
    print()
    print('%-20s %5s  %13s %7s  %5s %5s %5s %5s  %11s %6s' % ('family', 'files', 'caught/total', 'recall', 'prov',
                                                              'cred', 'pay', 'cust', 'kept/total', 'keep'))
    tot = {c: [0, 0] for c in CATS}
    ktot = [0, 0]
    for family in sorted(fam):
        F = fam[family]
        h = sum(x[0] for x in F['cat'].values())
        t = sum(x[1] for x in F['cat'].values())
        for c in CATS:
            tot[c][0] += F['cat'][c][0]
            tot[c][1] += F['cat'][c][1]
        ktot[0] += F['keep'][0]
        ktot[1] += F['keep'][1]
        print('%-20s %5d  %6d/%-6d %7s  %5s %5s %5s %5s  %5d/%-5d %6s' % (
            family, F['files'], h, t, ratio(h, t), *[ratio(*F['cat'][c]) for c in CATS], F['keep'][0], F['keep'][1],
            ratio(*F['keep'])))
    h = sum(x[0] for x in tot.values())
    t = sum(x[1] for x in tot.values())
    print('%-20s %5d  %6d/%-6d %7s  %5s %5s %5s %5s  %5d/%-5d %6s' % (
        'ALL', len(names), h, t, ratio(h, t), *[ratio(*tot[c]) for c in CATS], ktot[0], ktot[1], ratio(*ktot)))
    recs = [tot[c][0] / tot[c][1] for c in CATS if tot[c][1]]
    mean = sum(recs) / len(recs) if recs else 1.0
    print()
    print('recall by kind (caught/planted), worst first:')
    for (cat, k), (hh, tt, miss) in sorted(kind.items(), key=lambda x: (x[1][0] / x[1][1], x[0])):
        ex = ', '.join('%s (%s)' % (short(v), n[:3]) for v, n in miss[:a.examples])
        print('  %-12s %-26s %4d/%-4d %s%s' % (cat, k, hh, tt, ratio(hh, tt), ('  e.g. ' + ex) if ex else ''))
    print()
    print('keep by kind:')
    for k, (hh, tt, lost) in sorted(keepk.items(), key=lambda x: (x[1][0] / x[1][1], x[0])):
        ex = ', '.join('%s (%s)' % (short(v), n[:3]) for v, n in lost[:a.examples])
        print('  %-18s %4d/%-4d %s%s' % (k, hh, tt, ratio(hh, tt), ('  lost e.g. ' + ex) if ex else ''))
    if a.detail:
        print()
        print('misses by family and kind:')
        for (family, cat, k), (hh, tt, miss) in sorted(famkind.items()):
            if hh == tt:
                continue
            ex = ', '.join('%s (%s)' % (short(v), n[:3]) for v, n in miss[:a.examples])
            print('  %-20s %-12s %-24s %4d/%-4d e.g. %s' % (family, cat, k, tt - hh, tt, ex))
    if a.json_out:
        res = {'command': a.cmd, 'corpus': a.corpus, 'files': len(names), 'recall_mean_categories': mean,
               'recall_pooled': h / t if t else 1.0, 'keep': ktot[0] / ktot[1] if ktot[1] else 1.0,
               'by_family': {f: {'files': F['files'], 'recall_by_category': {c: F['cat'][c] for c in CATS},
                                 'keep': F['keep'], 'keep_lost_by_kind': F['lost']} for f, F in fam.items()},
               'by_kind': {'%s/%s' % ck: v[:2] for ck, v in kind.items()},
               'keep_by_kind': {k: v[:2] for k, v in keepk.items()}}
        with open(a.json_out, 'w', encoding='utf-8') as fh:
            json.dump(res, fh, indent=1)
    print()
    print('recall=%.3f keep=%.3f (recall: mean over categories; pooled %.3f)' % (
        mean, ktot[0] / ktot[1] if ktot[1] else 1.0, h / t if t else 1.0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
