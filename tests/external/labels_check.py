"""The checks every external corpus builder runs on the files it writes, in
the scoring rule of shared/redaction-corpus (a remove value is caught when no
12-character run of it survives; a shorter one, when it does not appear).

    import sys, os; sys.path.insert(0, os.path.dirname(HERE)); import labels_check

`verify(text, remove, keep)` returns what is wrong with one file's labels:
each label occurs in the file; replacing exactly the remove values with a
marker removes every probe of each and keeps every keep value; no keep value
holds a remove value; no value is labelled twice.
"""

PROBE = 12
MARK = '[X]'  # a perfect redactor's placeholder in the self-checks


def probes(v):
    if len(v) < PROBE:
        return [v]
    return [v[i:i + PROBE] for i in range(len(v) - PROBE + 1)]


def grams(text):
    return {text[i:i + PROBE] for i in range(len(text) - PROBE + 1)}


def mask(text, values):
    for v in sorted(set(values), key=len, reverse=True):
        text = text.replace(v, MARK)
    return text


def verify(text, remove, keep):
    errs = []
    for r in remove:
        if r['value'] not in text:
            errs.append('remove value not in file: %r' % r['value'][:60])
    for k in keep:
        if k['value'] not in text:
            errs.append('keep value not in file: %r' % k['value'][:60])
    out = mask(text, {r['value'] for r in remove})
    g = grams(out)
    for r in remove:
        v = r['value']
        if (v in out) if len(v) < PROBE else any(p in g for p in probes(v)):
            errs.append('perfect redaction leaves a probe of %r' % v[:60])
    for k in keep:
        if k['value'] not in out:
            errs.append('perfect redaction breaks keep %r' % k['value'][:60])
    for r in remove:
        for k in keep:
            if r['value'] in k['value']:
                errs.append('keep %r contains remove %r' % (k['value'][:40], r['value'][:40]))
    vals = [r['value'] for r in remove]
    if len(vals) != len(set(vals)):
        errs.append('duplicate remove values')
    kv = [k['value'] for k in keep]
    if len(kv) != len(set(kv)):
        errs.append('duplicate keep values')
    return errs
