#!/usr/bin/env python3
"""Build tests/external/presidio-research: a labelled redaction corpus made from
the sentence templates and fake identities of microsoft/presidio-research, in
the format of shared/redaction-corpus.

    python3 build.py [--repo GITDIR] [--commit REV] [--out DIR]

GITDIR is a git directory (bare or not) holding a snapshot of
github.com/microsoft/presidio-research (default: the local mirror); files are
read at REV (default HEAD) with `git show` and the commit is recorded.  Nothing
of the repository is executed.

Read from presidio_evaluator/data_generator/raw_data/:
  templates.txt                     sentence templates with {{placeholders}}
  FakeNameGenerator.com_3000.csv    fake identities (names, streets, e-mails, phones, ...)
  companies_and_organizations.csv   organisation names ({{organization}})
  nationalities.csv                 {{nation_woman}}, {{nation_plural}}
  us_driver_licenses.csv            {{us_driver_license}}

Each usable template is used once and filled only with values of those files
(never invented): identity placeholders take the columns the project's own
loader maps them to (faker_extensions/datasets.py); a template takes one CSV row
for its placeholders, a repeated placeholder (the second {{first_name}}) takes
another row.  Rows are taken in CSV order, each at most once in the corpus; a
row whose values would collide with the file being filled (a short value that
also occurs outside a labelled position, a value shared with another identity,
a 12-character run shared by two values) is passed over for the next one.
Templates that need a value none of these files holds (card numbers: the CSV
column is mangled to `4.91643E+15`; IBAN, IP address, SSN, secondary address,
dates and weekdays) are left out, with the reason.

Labels: remove, category `customer`, kinds as in shared/redaction-corpus:
`name` (full, first and last names), `email`, `phone`, `address` (the street
line, StreetAddress, as it sits).  City, country, state, zip code,
organisation, nationality, age, dates, job, title, domain and driver's licence
stay unlabelled (neutral).  Keep: the templates without any placeholder (kind
`peer_negative`, the whole sentence).  Every file must pass
labels_check.verify; the build exits non-zero otherwise.
"""
import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import labels_check  # noqa: E402

DEFAULT_GITDIR = '/work/.mirror/microsoft+presidio-research/repo'
REPO = 'microsoft/presidio-research'
RAW = 'presidio_evaluator/data_generator/raw_data/'
P_TEMPLATES = RAW + 'templates.txt'
P_PEOPLE = RAW + 'FakeNameGenerator.com_3000.csv'
P_ORGS = RAW + 'companies_and_organizations.csv'
P_NATIONS = RAW + 'nationalities.csv'
P_LICENCES = RAW + 'us_driver_licenses.csv'
P_LOADER = 'presidio_evaluator/data_generator/faker_extensions/datasets.py'
PROBE = labels_check.PROBE
UNFILLED = '\x00'  # stands for a placeholder not filled yet while rows are chosen

PH = re.compile(r'\{\{(\w+)\}\}')

# ---------------------------------------------------------------- scope

# placeholder -> why the template is left out (no file of raw_data holds such values)
NO_SOURCE = {
    'credit_card_number': 'card number: the CSV column `CCNumber` holds only spreadsheet-mangled values '
                          '(`4.91643E+15`, 3000 of 3000 rows; the project\'s loader drops the column too), '
                          'and no other raw_data file holds card numbers',
    'iban': 'IBAN: no raw_data file holds IBANs',
    'ip_address': 'IP address: no raw_data file holds IP addresses',
    'ssn': 'SSN: no raw_data file holds US SSNs (the CSV `NationalID` column is mostly empty or mangled '
           'to `5.70611E+12`, and not US)',
    'secondary_address': 'secondary address (`Apt. 123`, `Suite 4`): not in the CSV, no raw_data file holds it',
    'date_time': 'date and time: no raw_data file holds such values',
    'day_of_week': 'day of the week: no raw_data file holds such values',
}

# placeholder -> (source, field); source 'row' = a FakeNameGenerator row.
#   label kinds: LABEL[placeholder]; placeholders not in LABEL stay neutral.
ROW_FIELD = {
    'first_name': 'GivenName', 'first_name_male': 'GivenName', 'first_name_female': 'GivenName',
    'first_name_nonbinary': 'GivenName',
    'last_name': 'Surname', 'last_name_male': 'Surname', 'last_name_female': 'Surname',
    'person': 'FULL', 'name': 'FULL', 'name_male': 'FULL', 'name_female': 'FULL',
    'email': 'EmailAddress', 'phone_number': 'TelephoneNumber',
    'street_name': 'StreetAddress', 'street_address': 'StreetAddress', 'address': 'ADDRESS',
    'city': 'City', 'country': 'CountryFull', 'state_abbr': 'State', 'zipcode': 'ZipCode',
    'postcode': 'ZipCode', 'age': 'Age', 'job': 'Occupation', 'date_of_birth': 'Birthday',
    'year': 'YEAR', 'nationality': 'NameSet', 'url': 'Domain',
    'prefix': 'Title', 'prefix_male': 'Title', 'prefix_female': 'Title',
}
OTHER_FILE = {  # placeholder -> (path, column)
    'organization': (P_ORGS, 'organization'),
    'nation_woman': (P_NATIONS, 'woman'),
    'nation_plural': (P_NATIONS, 'plural'),
    'us_driver_license': (P_LICENCES, 'us_driver_license'),
}
LABEL = {
    'first_name': 'name', 'first_name_male': 'name', 'first_name_female': 'name',
    'first_name_nonbinary': 'name', 'last_name': 'name', 'last_name_male': 'name',
    'last_name_female': 'name', 'person': 'name', 'name': 'name', 'name_male': 'name',
    'name_female': 'name', 'email': 'email', 'phone_number': 'phone', 'street_name': 'address',
    'street_address': 'address', 'address': 'address',
}
# placeholders that tie a template to one person (their row also fills the neutral ones)
IDENTITY = set(LABEL)

# {{address}}: the formats of the project's AddressProviderNew that the CSV can fill
# (no building number apart from the street line, no secondary address, no military
# address), taken in turn; the second needs a state, else the first is used.
ADDRESS_FORMATS = [
    '{{street_address}}, {{city}}, {{country}}',
    '{{street_address}}\n{{city}}, {{state_abbr}} {{postcode}}',
]

# families: (file family, description); a template's family follows from its placeholders
PROSE = range(97, 129)  # the block of music-review / news sentences in templates.txt
FAMILIES = [
    ('names', 'support and chat sentences with person names (full, first, last), and organisations'),
    ('names-prose', 'the block of music-review and news sentences (templates 97-128) with person names'),
    ('addresses', 'street addresses ({{address}}, {{street_name}}, {{building_number}} {{street_name}})'),
    ('contacts', 'e-mail addresses and phone numbers, and contact blocks with name, street, phone, e-mail'),
    ('neutral', 'only neutral placeholders (city, country, zip code, organisation, nationality, age, '
                'year, job, date of birth, domain, driver\'s licence): no label'),
    ('no-pii', 'templates without any placeholder: each sentence is a `keep` value'),
]


def family_of(n, phs):
    s = set(phs)
    addr = s & {'address', 'street_name', 'street_address'}
    cont = s & {'email', 'phone_number'}
    names = s & (IDENTITY - {'address', 'street_name', 'street_address', 'email', 'phone_number'})
    if not s:
        return 'no-pii'
    if cont:
        return 'contacts'
    if addr and names:
        return 'contacts'
    if addr:
        return 'addresses'
    if names:
        return 'names-prose' if n in PROSE else 'names'
    return 'neutral'


# ---------------------------------------------------------------- git

class Repo:
    def __init__(self, name, gitdir, rev='HEAD'):
        self.name, self.gitdir = name, gitdir
        self.commit = self.git('rev-parse', rev + '^{commit}').strip()

    def git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout.decode('utf-8', 'surrogateescape')

    def show(self, path):
        return self.git('show', self.commit + ':' + path)


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text.lstrip('\ufeff'))))


def licence_of(repo):
    text = repo.show('LICENSE')
    if 'MIT License' not in text or 'Permission is hereby granted, free of charge' not in text:
        raise ValueError('LICENSE is not the MIT licence text any more: check it')
    holder = [ln.strip() for ln in text.splitlines() if ln.strip().startswith('Copyright')]
    return 'MIT', holder[0] if holder else ''


def check_loader(repo):
    """The column mapping used here is the one of the project's loader: fail if it changed."""
    src = repo.show(P_LOADER)
    for col, ph in [('given_name', 'first_name'), ('surname', 'last_name'), ('street_address', 'street_name'),
                    ('email_address', 'email'), ('telephone_number', 'phone_number'), ('zip_code', 'zipcode'),
                    ('country_full', 'country'), ('name_set', 'nationality'), ('occupation', 'job'),
                    ('birthday', 'date_of_birth'), ('title', 'prefix')]:
        if '"%s": "%s"' % (col, ph) not in src:
            raise ValueError('loader mapping %s -> %s not found in %s: review the mapping' % (col, ph, P_LOADER))
    if 'del fake_person_df["credit_card_number"]' not in src:
        raise ValueError('the loader no longer drops the card numbers: review NO_SOURCE')


# ---------------------------------------------------------------- bookkeeping

class Stats:
    def __init__(self):
        self.skipped = {}   # reason -> [template numbers]
        self.passed = {}    # why a candidate row / value was passed over -> count
        self.notes = {}

    def skip(self, reason, n):
        self.skipped.setdefault(reason, []).append(n)

    def pass_over(self, why):
        self.passed[why] = self.passed.get(why, 0) + 1

    def note(self, what, n=1):
        self.notes[what] = self.notes.get(what, 0) + n


STATS = Stats()


# ---------------------------------------------------------------- values

def full_name(r):
    """The forms of the loader's _full_name ('First Last', 'First M Last', 'First M. Last'),
    chosen by the row number instead of at random."""
    n = int(r['Number'])
    if n % 10 == 0:
        return '%s %s. %s' % (r['GivenName'], r['MiddleInitial'], r['Surname'])
    if n % 10 == 5:
        return '%s %s %s' % (r['GivenName'], r['MiddleInitial'], r['Surname'])
    return '%s %s' % (r['GivenName'], r['Surname'])


def full_name_field(r):
    n = int(r['Number'])
    return {0: 'GivenName MiddleInitial. Surname', 5: 'GivenName MiddleInitial Surname'}.get(
        n % 10, 'GivenName Surname')


def row_value(ph, r, addr_fmt):
    """-> list of (text, label or None); label = (kind, field)."""
    f = ROW_FIELD[ph]
    kind = LABEL.get(ph)
    if f == 'FULL':
        return [(full_name(r), (kind, full_name_field(r)))]
    if f == 'YEAR':
        return [(r['Birthday'].rsplit('/', 1)[1], None)]
    if f == 'ADDRESS':
        fmt = ADDRESS_FORMATS[addr_fmt]
        if '{{state_abbr}}' in fmt and not r['State'].strip():
            fmt = ADDRESS_FORMATS[0]
        out = []
        pos = 0
        for m in PH.finditer(fmt):
            if m.start() > pos:
                out.append((fmt[pos:m.start()], None))
            sub = m.group(1)
            out += [(t, (('address', 'StreetAddress') if sub == 'street_address' else None))
                    for t, _ in row_value(sub, r, 0)]
            pos = m.end()
        if pos < len(fmt):
            out.append((fmt[pos:], None))
        return out
    v = r[f]
    if not v.strip():
        raise ValueError('empty %s' % f)
    return [(v, (kind, f) if kind else None)]


# ---------------------------------------------------------------- cases and files

class Case:
    """One filled template: pieces of text, some of them labelled."""

    def __init__(self, n, template):
        self.n = n
        self.template = template
        self.pieces = []   # [text, label dict or None, row or None, placeholder or None]

    def text(self):
        return ''.join(p[0] for p in self.pieces)

    def labelled(self):
        """-> [(start, end, label)] in case coordinates."""
        out, pos = [], 0
        for t, lab, row, ph in self.pieces:
            if lab is not None:
                out.append((pos, pos + len(t), lab))
            pos += len(t)
        return out


def split_template(t):
    """-> list of literal strings and ('ph', name, occurrence index)."""
    out, pos, seen = [], 0, {}
    for m in PH.finditer(t):
        if m.start() > pos:
            out.append(t[pos:m.start()])
        name = m.group(1)
        k = seen.get(name, 0)
        seen[name] = k + 1
        out.append(('ph', name, k))
        pos = m.end()
    if pos < len(t):
        out.append(t[pos:])
    return out


def slot_of(name, k, phs):
    """Which row fills the k-th occurrence of a placeholder: one row per occurrence index,
    gendered placeholders (`*_male`, `*_female`) a row of that gender; placeholders naming no
    person (city, age, ...) go with the person of the template."""
    if name in OTHER_FILE:
        return ('file', name, k)
    gender = 'male' if name.endswith('_male') else 'female' if name.endswith('_female') else None
    if gender:
        return ('row', gender, k)
    if name in IDENTITY or any(p in IDENTITY for p in phs):
        return ('row', 'any', k)
    for p in phs:
        if p.endswith('_male'):
            return ('row', 'male', k)
        if p.endswith('_female'):
            return ('row', 'female', k)
    return ('row', 'any', k)


class FileState:
    def __init__(self, name):
        self.name = name
        self.cases = []

    def render(self, extra=None):
        cases = self.cases + ([extra] if extra else [])
        text, spans, pos = [], [], 0
        for i, c in enumerate(cases):
            if i:
                text.append('\n\n')
                pos += 2
            for s, e, lab in c.labelled():
                spans.append((pos + s, pos + e, lab))
            t = c.text()
            text.append(t)
            pos += len(t)
        return ''.join(text) + '\n', spans

    def problems(self, extra=None):
        """None when the file (with `extra`) can be scored unambiguously, else why not."""
        text, spans = self.render(extra)
        remove, seen = [], {}
        for s, e, lab in spans:
            v = lab['value']
            if v in seen:
                if seen[v] != lab['row']:
                    return 'the same value from another row is already in the file'
                continue
            seen[v] = lab['row']
            remove.append(lab)
        keep = [k for c in self.cases + ([extra] if extra else []) for k in getattr(c, 'keep', [])]
        if labels_check.verify(text.replace(UNFILLED, ''), remove, keep):
            return 'labels_check.verify fails (a short value occurs unlabelled in the file)'
        # every occurrence of a value sits in a labelled span of the same person
        for v, row in seen.items():
            for m in re.finditer(re.escape(v), text):
                if not any(s <= m.start() and m.end() <= e and lab['row'] == row for s, e, lab in spans):
                    if any(s <= m.start() and m.end() <= e for s, e, lab in spans):
                        return 'a value occurs inside a value of another row'
                    return 'a value occurs outside a labelled position'
        vals = [r['value'] for r in remove]
        for i, a in enumerate(vals):
            if len(a) < PROBE:
                continue
            pa = set(labels_check.probes(a))
            for b in vals[i + 1:]:
                if len(b) >= PROBE and pa & set(labels_check.probes(b)):
                    return 'two values share a 12-character run'
        return None


class Sources:
    def __init__(self, repo):
        self.people = read_csv(repo.show(P_PEOPLE))
        self.files = {p: read_csv(repo.show(p)) for p in (P_ORGS, P_NATIONS, P_LICENCES)}
        self.used_rows = set()
        self.next_in_file = {p: 0 for p in self.files}
        self.addr_count = 0
        self.used_paths = set()


def fill(src, fs, n, template):
    """Fill template n for file fs: choose rows slot by slot (lowest unused row that fits)."""
    t = template.replace('{{building_number}} {{street_name}}', '{{street_address}}')
    if '{{building_number}}' in t:
        raise ValueError('template %d: {{building_number}} without a street' % n)
    parts = split_template(t)
    phs = [p[1] for p in parts if isinstance(p, tuple)]
    slots = []
    for p in parts:
        if isinstance(p, tuple):
            s = slot_of(p[1], p[2], phs)
            if s not in slots:
                slots.append(s)
    # the address format of each {{address}}, in corpus order
    addr_fmt = {}
    for i, p in enumerate(parts):
        if isinstance(p, tuple) and p[1] == 'address':
            addr_fmt[i] = src.addr_count % len(ADDRESS_FORMATS)
            src.addr_count += 1
    chosen = {}

    def build(chosen):
        c = Case(n, template)
        for i, p in enumerate(parts):
            if not isinstance(p, tuple):
                c.pieces.append([p, None, None, None])
                continue
            _, name, k = p
            s = slot_of(name, k, phs)
            if s not in chosen:
                c.pieces.append([UNFILLED, None, None, name])
                continue
            if s[0] == 'file':
                path, col, idx = chosen[s]
                c.pieces.append([src.files[path][idx][col], None, None, name])
                continue
            r = src.people[chosen[s]]
            for text, lab in row_value(name, r, addr_fmt.get(i, 0)):
                d = None
                if lab:
                    d = {'category': 'customer', 'kind': lab[0], 'value': text, 'template': n,
                         'placeholder': name, 'row': int(r['Number']), 'field': lab[1]}
                c.pieces.append([text, d, int(r['Number']), name])
        return c

    for s in slots:
        if s[0] == 'file':
            path, col = OTHER_FILE[s[1]]
            rows = src.files[path]
            while True:
                idx = src.next_in_file[path]
                if idx >= len(rows):
                    raise ValueError('%s exhausted' % path)
                src.next_in_file[path] = idx + 1
                trial = dict(chosen)
                trial[s] = (path, col, idx)
                why = fs.problems(build(trial))
                if why is None:
                    chosen = trial
                    src.used_paths.add(path)
                    break
                STATS.pass_over('%s row passed over: %s' % (path.rsplit('/', 1)[1], why))
            continue
        gender = s[1]
        for i, r in enumerate(src.people):
            if i in src.used_rows or i in chosen.values():
                continue
            if gender != 'any' and r['Gender'] != gender:
                continue
            trial = dict(chosen)
            trial[s] = i
            why = fs.problems(build(trial))
            if why is None:
                chosen = trial
                break
            STATS.pass_over('CSV row passed over: %s' % why)
        else:
            raise ValueError('template %d: no row fits' % n)
    c = build(chosen)
    if UNFILLED in c.text():
        raise AssertionError('template %d left unfilled' % n)
    for s, v in chosen.items():
        if s[0] == 'row':
            src.used_rows.add(v)
    c.rows = sorted(int(src.people[v]['Number']) for s, v in chosen.items() if s[0] == 'row')
    return c


def build(repo):
    src = Sources(repo)
    lines = repo.show(P_TEMPLATES).splitlines()
    files = {f: FileState('presidio-%s.txt' % f) for f, _ in FAMILIES}
    counts = {f: 0 for f, _ in FAMILIES}
    for n, line in enumerate(lines, 1):
        # as the project's generator reads them (line break for `\n`); a trailing break is dropped
        template = line.strip().replace('\\n', '\n').rstrip()
        if not template:
            continue
        phs = PH.findall(template)
        missing = sorted({p for p in phs if p in NO_SOURCE})
        if missing:
            STATS.skip(NO_SOURCE[missing[0]], n)
            continue
        unknown = sorted({p for p in phs if p not in ROW_FIELD and p not in OTHER_FILE and p != 'building_number'})
        if unknown:
            raise ValueError('template %d: placeholder not reviewed: %r' % (n, unknown))
        fam = family_of(n, phs + (['street_address'] if 'building_number' in phs else []))
        fs = files[fam]
        if fam == 'no-pii':
            c = Case(n, template)
            c.pieces.append([template, None, None, None])
            c.keep = [{'kind': 'peer_negative', 'value': template, 'template': n}]
            c.rows = []
            why = fs.problems(c)
            if why:
                raise ValueError('template %d: %s' % (n, why))
        else:
            c = fill(src, fs, n, template)
        fs.cases.append(c)
        counts[fam] += 1
    return files, src


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--repo', default=DEFAULT_GITDIR, help='git directory of microsoft/presidio-research')
    ap.add_argument('--commit', default='HEAD')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args(argv)

    repo = Repo(REPO, a.repo, a.commit)
    licence, holder = licence_of(repo)
    check_loader(repo)
    files, src = build(repo)

    for fn in os.listdir(a.out):
        if (fn.startswith('presidio-') and fn.endswith('.txt')) or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'presidio-research', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {REPO: {'commit': repo.commit, 'licence': licence}},
              'files': {}}
    problems = []
    for fam, _ in FAMILIES:
        fs = files[fam]
        if not fs.cases:
            continue
        text, spans = fs.render()
        remove, seen = [], set()
        for s, e, lab in spans:
            if lab['value'] in seen:
                continue
            seen.add(lab['value'])
            remove.append(lab)
        keep = [k for c in fs.cases for k in getattr(c, 'keep', [])]
        problems += ['%s: %s' % (fs.name, e) for e in labels_check.verify(text, remove, keep)]
        why = fs.problems()
        if why:
            problems.append('%s: %s' % (fs.name, why))
        paths = [P_TEMPLATES]
        if any(c.rows for c in fs.cases):
            paths.append(P_PEOPLE)
        used_ph = {p[3] for c in fs.cases for p in c.pieces if p[3]}
        for ph, (path, _) in OTHER_FILE.items():
            if ph in used_ph and path not in paths:
                paths.append(path)
        with open(os.path.join(a.out, fs.name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(text)
        labels['files'][fs.name] = {
            'source': {'repo': REPO, 'commit': repo.commit, 'path': paths},
            'templates': [c.n for c in fs.cases],
            'rows': sorted({r for c in fs.cases for r in c.rows}),
            'bytes': len(text.encode('utf-8')),
            'remove': remove,
            'keep': keep,
        }
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, repo, licence, holder, labels, files)

    for p in problems:
        print('PROBLEM', p)
    for name, f in labels['files'].items():
        kinds = {}
        for r in f['remove']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
        print('%-32s %3d cases  remove %3d (%s)  keep %3d' % (
            name, len(f['templates']), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(kinds.items())) or '-', len(f['keep'])))
    for reason, ns in STATS.skipped.items():
        print('left out (%d): %s' % (len(ns), reason.split(':')[0]))
    for why, k in sorted(STATS.passed.items()):
        print('passed over (%d): %s' % (k, why))
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d cases, %d remove labels, %d keep labels; checks: %s' % (
        len(labels['files']), sum(len(f['templates']) for f in labels['files'].values()), n_rm, n_kp,
        'FAILED (%d problems)' % len(problems) if problems else 'all pass'))
    return 1 if problems else 0


def nested_values(remove):
    """Values that sit inside another value of the same row in the file (a first name inside
    the full name or the e-mail address of the same person)."""
    n = 0
    for a in remove:
        if any(a is not b and a['value'] in b['value'] and a['row'] == b['row'] for b in remove):
            n += 1
    return n


def write_sources_md(out, repo, licence, holder, labels, files):
    L = []
    L.append("""# Sources of the presidio-research-derived corpus

Every file here is built by `build.py` from the synthetic-data generator inputs of
[presidio-research](https://github.com/%s) (`%s`): its sentence templates
(`templates.txt`, the sentences its generator fills with fake entities) and its fake identities
(`FakeNameGenerator.com_3000.csv`, 3000 people from fakenamegenerator.com: names, street
addresses, cities, zip codes, e-mail addresses, phone numbers), with organisation names,
nationalities and US driver's licence numbers from the same folder.  Nothing in this folder comes
from this project's own code, and no value is invented: each one is a cell of those files (or,
for full names and addresses, cells joined the way the project's own loader and address provider
join them).

This corpus is **held out**: it is used to measure recall and over-redaction, and the project is
not tuned on it (see `../README.md`).

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s |

The licence is the `LICENSE` file at that commit (MIT, "%s").  The filled sentences are kept
here with that licence.
""" % (REPO, RAW, REPO, REPO, repo.commit, licence, holder))

    tot, nk, ncase, nested = {}, 0, 0, 0
    for f in labels['files'].values():
        for r in f['remove']:
            tot[r['kind']] = tot.get(r['kind'], 0) + 1
        nk += len(f['keep'])
        ncase += len(f['templates'])
        nested += nested_values(f['remove'])
    nrows = sum(1 for fs in files.values() for c in fs.cases for _ in c.rows)
    L.append("""## Cases

%d templates used (one case each), %d CSV rows, %d remove labels (all `customer`: %s), %d keep
labels.  No `payment` label: the CSV's card numbers cannot be used (see below), and no raw_data
file holds IBANs; no `ip` label: no raw_data file holds IP addresses.
""" % (ncase, nrows, sum(tot.values()), ', '.join('%s %d' % kv for kv in sorted(tot.items())), nk))

    L.append("""## Files

All files come from `%s` at commit `%s` (%s).  In labels.json each file lists its `source`
(`repo`, `commit`, `path`), its `templates` (line numbers in `templates.txt`) and `rows`
(`Number` of the CSV rows used); each remove label carries its `template`, `placeholder`, `row`
and `field` (the CSV column(s) it is made of); each keep label its `template`.  Cases are
separated by a blank line; a template's `\\n` is a line break, as the project's generator reads it.

| corpus file | what | cases | remove labels | keep labels |
| --- | --- | --- | --- | --- |""" % (REPO, repo.commit[:12], licence))
    desc = dict(FAMILIES)
    for fam, _ in FAMILIES:
        name = 'presidio-%s.txt' % fam
        if name not in labels['files']:
            continue
        f = labels['files'][name]
        kinds = {}
        for r in f['remove']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
        L.append('| `%s` | %s | %d | %d (%s) | %d |' % (
            name, desc[fam].replace('{{', '`{{').replace('}}', '}}`'), len(f['templates']),
            len(f['remove']), ', '.join('%s %d' % kv for kv in sorted(kinds.items())) or '-', len(f['keep'])))

    L.append("""
## How values were obtained

- **Templates**: each line of `templates.txt` is one template, used once, in file order, `\\n`
  turned into a line break (as `presidio_data_generator.py` does).  A template's family (and so
  its file) follows from its placeholders: any e-mail or phone, or a street together with a
  person name -> `contacts`; a street -> `addresses`; a person name -> `names` (templates 97-128,
  the music-review and news block of the file, -> `names-prose`); only neutral placeholders ->
  `neutral`; no placeholder -> `no-pii`.
- **Placeholders -> CSV columns**, as the project's loader `%s` maps them:
  `first_name` GivenName, `last_name` Surname, `email` EmailAddress, `phone_number`
  TelephoneNumber (as written, without the country calling code), `street_name` StreetAddress
  (which already holds the house number: `{{building_number}} {{street_name}}` is filled with
  StreetAddress alone, since the CSV has no separate building number), `city` City, `country`
  CountryFull, `state_abbr` State, `zipcode`/`postcode` ZipCode, `age` Age, `job` Occupation,
  `date_of_birth` Birthday, `nationality` NameSet, `prefix` Title; `year` is the year of Birthday,
  `url` the Domain column (a web site name; neutral).
- **Full names** (`{{person}}`, `{{name}}`, `{{name_male}}`, `{{name_female}}`): the three forms of
  the loader's `_full_name` (`First Last`; `First M Last`, `First M. Last` with the middle
  initial), chosen by the row's `Number` (ending in 5: `First M Last`; in 0: `First M. Last`;
  otherwise `First Last`) instead of at random.
- **Gendered placeholders** (`*_male`, `*_female`): a row of that Gender, as the loader's
  `_name_gendered`; `first_name_nonbinary` takes GivenName of any row.
- **`{{address}}`**: two of the formats of the project's `AddressProviderNew` that the CSV can
  fill, taken in turn: `StreetAddress, City, CountryFull` and `StreetAddress\\nCity, State
  ZipCode` (the first when the row has no State).  Its other formats need a building number, a
  secondary address or a military address, which the CSV does not hold.  Only the street line
  (StreetAddress) is labelled; city, state, zip code and country stay neutral.
- **Rows**: a template takes one row for its placeholders (as the generator samples one record per
  sentence: name, e-mail and street of one person); a repeated placeholder (the second
  `{{first_name}}`, the second `{{address}}`) takes another row; a gendered placeholder a row of its
  gender.  Rows are taken in CSV order, each at most once in the corpus: for each, the lowest
  unused row whose values fit the file.  A row does not fit when, in the file: a short value
  (under 12 characters) would occur outside its labelled position (inside other words, in a
  neutral value, in the template text); a value would occur inside a value of another row, or
  equal one; two values would share a 12-character run (e-mail addresses of one mail domain,
  `@teleworm.us`); or `labels_check.verify` would fail.  Such rows are passed over for the next
  one (counts below), so no case needs a second (`-2`) file.
- **Other raw_data files**: `{{organization}}` takes the rows of `companies_and_organizations.csv`
  in order, `{{nation_woman}}`/`{{nation_plural}}` the `woman`/`plural` columns of
  `nationalities.csv`, `{{us_driver_license}}` `us_driver_licenses.csv`, each in order, a row
  passed over when it would collide.  All stay neutral.
- **Labels** (kinds as in `shared/redaction-corpus`): `remove`, category `customer`, kind `name`
  (full, first and last names), `email`, `phone`, `address` (the street line), each value exactly
  as it sits.  Neutral (unlabelled): city, state, country, zip code, organisation, nationality,
  title, age, year, date of birth, job, domain, driver's licence.  `keep`: the %d templates
  without any placeholder, the whole sentence (kind `peer_negative`, like the negatives of the
  sibling corpora): customer questions and prose a redactor must leave alone (`How do I check my
  balance on my credit card?`, `Capitalized words like Wisdom and Discipline are often mistaken
  with names.`).
- **Values inside another value of the same person**: %d labels (a first or last name inside the
  full name of the same row, as `My name is {{person}} but everyone calls me {{first_name}}` or
  `You can tell {{first_name}} was a huge {{person}} fan` give with one record per sentence).
  Missing the longer value then also counts against the shorter one.
- **Checks** (run by build.py on every file; the build exits non-zero if one fails):
  `labels_check.verify` (every label occurs in its file, replacing exactly the remove values with
  `[X]` removes every probe and keeps every keep value, no keep value holds a remove value, no
  value is labelled twice), and every occurrence of a remove value lies inside a labelled value of
  the same row.
""" % (P_LOADER, nk, nested))

    L.append("""## Scope decisions

Templates left out (their placeholder has no value in the CSV nor in the other raw_data files;
values are never invented):
""")
    for reason, ns in STATS.skipped.items():
        L.append('- %s: %d (templates %s)' % (reason, len(ns), ', '.join(str(n) for n in ns)))
    L.append("""
A template needing several of them (a card number and an address) is counted under the
alphabetically first of those placeholders.  Templates whose only placeholders are neutral are kept (file
`presidio-neutral.txt`, no labels): they add the template text and neutral values a redactor
should leave alone, but they are not scored.  Template 134 (`The corner of {street_name} and
{street_name}`, single braces) is not a template for the generator: it is copied as it is and
kept.  Addresses of organisations (`The {{organization}} office is at {{address}}`) are filled
from a person row like the others and labelled the same way.

Values passed over while filling (a row or file line that did not fit a file, see *Rows*):
""")
    for why, k in sorted(STATS.passed.items()):
        L.append('- %s: %d' % (why, k))
    if not STATS.passed:
        L.append('- none at this commit: the first unused row fitted every time.')
    L.append("""
## Rebuilding

```sh
python3 tests/external/presidio-research/build.py --repo GITDIR
```

GITDIR is a git directory holding microsoft/presidio-research (for example a
`git clone --bare https://github.com/microsoft/presidio-research`); files are read at HEAD
(`--commit` to pin the commit above) with `git show`, nothing is executed.  Needs Python 3.8+,
standard library only, and `../labels_check.py`.  The output is deterministic for a given commit.
The build fails on anything it does not know (a placeholder not reviewed, a changed column
mapping in the loader), so a newer snapshot is reviewed before it is used.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
