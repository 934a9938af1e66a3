#!/usr/bin/env python3
"""Build tests/external/pii-detectors: a labelled redaction corpus of customer
details (person names, phone numbers, e-mail addresses, street lines, IP
addresses) taken from the public test cases / spec files of four open-source
PII and entity detectors, in the format of shared/redaction-corpus.

    python3 build.py --recognizers GITDIR --datafog GITDIR --scrubadub GITDIR \
        --pyap GITDIR [--out DIR] [--check-only]

Each GITDIR is a git directory (bare or not) holding a snapshot of:
  --recognizers  github.com/microsoft/Recognizers-Text  (MIT)
  --datafog      github.com/DataFog/datafog-python      (MIT)
  --scrubadub    github.com/LeapBeyond/scrubadub        (Apache-2.0)
  --pyap         github.com/vladimarius/pyap            (MIT)
Files are read with `git show COMMIT:PATH` at the commits pinned in SOURCES
below; nothing of the repositories is executed (JSON is parsed, Python test
files are read with `ast`, never imported).

Read:
  Recognizers-Text  Specs/Sequence/English/{PhoneNumber,Email,IpAddress}Model.json,
                    Specs/Sequence/Turkish/PhoneNumberModel.json
                    (each spec: Input and the expected Results; a Result's Text is
                    located in the Input, case-insensitively since the e-mail
                    model lower-cases its Text; the label is the Input's own span)
  datafog-python    tests/corpus/{structured_pii,unstructured_pii,mixed_pii,
                    edge_cases,negative_cases}.json (input + expected_entities
                    with start/end; the label is input[start:end])
  scrubadub         tests/test_detector_phone_numbers.py, test_detector_emails.py,
                    test_api.py, test_api_advanced.py, test_detector_text_blob.py,
                    test_filth_address.py, example_real_data/document.txt +
                    known_pii.csv (cases listed below, each checked against the file)
  pyap              test_parser_us.py (test_full_street_positive, the negatives of
                    test_full_address), test_parser_gb.py (test_full_street)

Labels: remove, category `customer`, kinds `name`, `phone`, `email`, `street`,
`ip`; keep: the source's negative cases that are plainly values support keeps
(numbers, dates, ids, versions, formulas, invalid IPs, product lines, prose).
Everything else stays unlabelled (neutral).  Cases are packed into one file per
family (`<source>-<family>.txt`); a case whose values would collide with a
file's labels goes to the next file of the family (`-2`, `-3`, ...).  Every
file must pass labels_check.verify and the packing rules; the build exits
non-zero otherwise.  Output is deterministic for the pinned commits.
"""
import argparse
import ast
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

PROBE = labels_check.PROBE
SET = 'pii-detectors'

SOURCES = {
    'recognizers': {'repo': 'microsoft/Recognizers-Text',
                    'commit': '90e968ea44dc8fda3f2e1c3e4b20aa233817488d', 'licence': 'MIT'},
    'datafog': {'repo': 'DataFog/datafog-python',
                'commit': 'b34c04c0f93700799366dee0dbd014e3965c921e', 'licence': 'MIT'},
    'scrubadub': {'repo': 'LeapBeyond/scrubadub',
                  'commit': '53772cbef417da290d25c95373031f786ab3b5c6', 'licence': 'Apache-2.0'},
    'pyap': {'repo': 'vladimarius/pyap',
             'commit': '34e33739be46e084becae73980d945af068ae699', 'licence': 'MIT'},
}

# ------------------------------------------------------------------ scope tables

# IP addresses that are no host of a customer: unspecified, loopback, broadcast,
# and the well-known public DNS resolvers.  Left neutral.
NEUTRAL_IPS = {
    '0.0.0.0', '255.255.255.255', '127.0.0.1', '::', '::1',
    '0000:0000:0000:0000:0000:0000:0000:0000', '8.8.8.8', '1.1.1.1',
}

# Recognizers-Text English phone negatives kept, Input -> [(kind, value)].
# Negatives not listed stay out (reason in SOURCES.md).
RT_PHONE_KEEP = {
    's666666666 is a sequence.': [('id', 's666666666')],
    '666666666s is a sequence.': [('id', '666666666s')],
    's666666666s is a sequence.': [('id', 's666666666s')],
    '666666666S is a sequence, but not a phone number.': [('id', '666666666S')],
    "3333*2=6666 doesn't look like a phone number.": [('formula', '3333*2=6666')],
    "3333/2=6666 doesn't look like a phone number.": [('formula', '3333/2=6666')],
    "1000-1=999 doesn't look like a phone number.": [('formula', '1000-1=999')],
    "-2208960000 doesn't look like a phone number.": [('number', '-2208960000')],
    "-77.034040723966 doesn't look like a phone number.": [('number', '-77.034040723966')],
    "0.000000012 doesn't look like a phone number.": [('number', '0.000000012')],
    "P0-001-000016155-9 doesn't look like a phone number.": [('id', 'P0-001-000016155-9')],
    "16/04/2010 doesn't look like a phone number.": [('date', '16/04/2010')],
    "16-04-2010 doesn't look like a phone number.": [('date', '16-04-2010')],
    "2009/2010 doesn't look like a phone number.": [('date', '2009/2010')],
    "T005-2333-100731-SW-2 doesn't look like a phone number.": [('id', 'T005-2333-100731-SW-2')],
    '(45)+(31)-278394 is not a phone number.': [('formula', '(45)+(31)-278394')],
    'Formula 45+31-339243873 is not a phone number': [('formula', '45+31-339243873')],
    'Formula 45*31-339243873 is not a phone number': [('formula', '45*31-339243873')],
    '323456 seems too short to be a phone number.': [('number', '323456')],
    "00 10 00 31 46 D9 E9 11 doesn't look like a phone number, it is hexadecimal.":
        [('id', '00 10 00 31 46 D9 E9 11')],
    '#20020211895 is not a phone number, since it starts with #.': [('id', '#20020211895')],
    'March 1 14377:00 is not a phone number': [('prose', 'March 1 14377:00 is not a phone number')],
    '200.38294427 is not a phone number.': [('number', '200.38294427')],
    '+1,032.923 is not a phone number': [('number', '+1,032.923')],
    'These are not phone numbers: 1 506 64, 37 41 4, 38 5145, 20 15 11, 58 2105, 19 32 2, 25 32 2, '
    '15 3  20, 10 41 20, 8196 12, 8198 27, 8244 45, 46 358 1':
        [('number', '1 506 64, 37 41 4, 38 5145, 20 15 11, 58 2105, 19 32 2, 25 32 2, '
                    '15 3  20, 10 41 20, 8196 12, 8198 27, 8244 45, 46 358 1')],
    'Do you know bazinga?': [('prose', 'Do you know bazinga?')],
    'E-151673398': [('id', 'E-151673398')],
    'Form Approved - OMB No. 0560-0155': [('id', 'OMB No. 0560-0155')],
}

# Recognizers-Text English IP negatives kept.
RT_IP_KEEP = {
    'My PC IP address is not 256.1.1.1': [('invalid_ip', '256.1.1.1')],
    'wrong IP address 1111.1.1.1': [('invalid_ip', '1111.1.1.1')],
    'wrong IP address 1101.1.1.1': [('invalid_ip', '1101.1.1.1')],
    'wrong IP address 1.1000.1.1': [('invalid_ip', '1.1000.1.1')],
    'wrong IP address 1.1.1000.1': [('invalid_ip', '1.1.1000.1')],
    'wrong IP address 1.1.1.256': [('invalid_ip', '1.1.1.256')],
    'the train arrives at 10:00': [('prose', 'the train arrives at 10:00')],
    'wrong IPV6 address FE06::1::2': [('invalid_ip', 'FE06::1::2')],
    'wrong IPV6 address :': [('prose', 'wrong IPV6 address :')],
    'I say:': [('prose', 'I say:')],
    'I said :': [('prose', 'I said :')],
    'lync:': [('prose', 'lync:')],
    'lync: :': [('prose', 'lync: :')],
    ':as you say': [('prose', ':as you say')],
    ': as you say': [('prose', ': as you say')],
    'wrong IPV6 address 12::44:f:45::1': [('invalid_ip', '12::44:f:45::1')],
    'wrong IPV6 address JKLN:ssej::1': [('invalid_ip', 'JKLN:ssej::1')],
}

# DataFog entity types -> kind (others neutral).
DF_KINDS = {'PERSON': 'name', 'EMAIL': 'email', 'PHONE': 'phone', 'IP_ADDRESS': 'ip', 'ADDRESS': 'street'}
# DataFog cases left out, id -> reason.
DF_SKIP = {
    'empty-string': 'empty input',
    'long-string-100kb': 'synthetic 100 KB run of `A` around one e-mail: a stress test, not evidence text',
    'unicode-chinese-name': 'the non-Latin text is stored as `?` in the file (mangled), entity text unusable',
    'unicode-accented': 'the accented letters are stored as `?` in the file (mangled), entity text unusable',
    'unicode-arabic-phone': 'the Arabic text is stored as `?` in the file (mangled)',
    'already-redacted-block': 'the mask characters are stored as `?` in the file (mangled)',
    'person-non-western': 'the non-Latin text is stored as `?` in the file (mangled), entity text unusable',
    'person-arabic': 'the Arabic text is stored as `?` in the file (mangled), entity text unusable',
    'location-ambiguous': '`Jordan` is both a person and a country in one sentence; only the country is '
                          'labelled by the source: ambiguous',
}
# DataFog negatives and entity-free cases kept, id -> [(kind, value)].
DF_KEEP = {
    # negative_cases.json
    'isbn-not-ssn': [('id', '978-3-16-148410-0')],
    'product-code-not-phone': [('id', '555-123-4567-A')],
    'hex-not-ip': [('id', '0x7f00ff00')],
    'order-id-not-zip': [('order_number', '12345ABC')],
    'version-not-date': [('version', 'v2026.2.9')],
    'time-not-phone': [('timestamp', '12:30:45 UTC')],
    'uuid-not-ssn': [('request_id', '550e8400-e29b-41d4-a716-446655440000')],
    'math-not-credit-card': [('number', '1234 5678 90')],
    'hostname-not-email': [('hostname', 'mailserver.local')],
    'markdown-link': [('url', 'https://example.com/rfc1918')],
    'code-symbol': [('code', 'const EMAIL_PATTERN = /[a-z]+@[a-z]+/;')],
    'random-digits': [('number', '111222333444')],
    'ticket-id': [('id', 'ABC-123-XYZ')],
    'date-like-invalid': [('date', '2026-99-99')],
    'url-with-at': [('url', 'https://example.com/@user/profile')],
    # structured_pii.json negatives
    'email-invalid-missing-domain': [('prose', 'This should not match: not-an-email@')],
    'phone-false-product-code': [('id', '555-123-4567-A')],
    'ip-invalid-high-octet': [('invalid_ip', '256.1.1.1')],
    'ip-invalid-short': [('invalid_ip', '192.168.1')],
    'ip-invalid-alpha': [('invalid_ip', '10.0.one.2')],
    'cc-random-digits': [('id', '1234567890123456')],
    'date-invalid-month': [('date', '13/01/2020')],
    'date-invalid-day': [('date', '01/32/2020')],
    # edge_cases.json
    'already-redacted-token': [('placeholder', '[EMAIL_1]')],
    'already-redacted-angle': [('placeholder', '<REDACTED>')],
    'code-variable-name': [('code', 'const john_example_com = true;')],
}

# scrubadub cases: (path, text or None for a template case, remove [(kind, value)], keep)
SD_TEMPLATE_PHONE = 'My phone number is %s'
SD_CASES = [
    ('tests/test_detector_emails.py', 'My email is john@gmail.com', [('email', 'john@gmail.com')], []),
    ('tests/test_detector_emails.py', 'My email is John@gmail.com', [('email', 'John@gmail.com')], []),
    ('tests/test_detector_emails.py', 'My email is John1@example.com', [('email', 'John1@example.com')], []),
    ('tests/test_detector_emails.py', 'My email is adam80@example.info', [('email', 'adam80@example.info')], []),
    ('tests/test_detector_emails.py', 'My email is HELLO@EXAMPLE.COM', [('email', 'HELLO@EXAMPLE.COM')], []),
    ('tests/test_detector_emails.py', 'My email is john at gmail.com', [('email', 'john at gmail.com')], []),
    ('tests/test_api_advanced.py', 'contact me at joe@example.com', [('email', 'joe@example.com')], []),
    ('tests/test_api_advanced.py', "i'm on twitter (@john_smith) or can be reached at +1.800.346.1819",
     [('phone', '+1.800.346.1819')], []),
    ('tests/test_api.py', 'This is a test message for example@example.com', [('email', 'example@example.com')], []),
    ('tests/test_api.py', 'Hello @Jane call me on +33 4 41 26 62 36.', [('phone', '+33 4 41 26 62 36')], []),
    ('tests/test_api.py', 'My cat can be contacted on example@example.com, or 1800 555-5555',
     [('email', 'example@example.com'), ('phone', '1800 555-5555')], []),
    ('tests/test_detector_phone_numbers.py', 'Call me on my cell 312.714.8142 or in my office 773.415.7432',
     [('phone', '312.714.8142'), ('phone', '773.415.7432')], []),
    ('tests/test_detector_text_blob.py', 'John is a cat', [('name', 'John')], []),
    ('tests/test_detector_text_blob.py', 'sarah is a friendly person', [('name', 'sarah')], []),
    ('tests/test_detector_text_blob.py', 'Hello. Please testing.', [], [('prose', 'Hello. Please testing.')]),
]
SD_PHONE_TESTS = ['test_american_phone_number', 'test_extension_phone_numbers', 'test_international_phone_numbers']
# test_filth_address.py: the street line(s) of each input address (city and postcode neutral)
SD_ADDRESS_STREETS = {
    '4 Paula views\nLake Howardburgh\nN7U 2FQ': ['4 Paula views'],
    '79 Miller branch\nJordantown\nW1F 3LB': ['79 Miller branch'],
    '78 Joseph keys\nEast Patricktown\nEN6 2SD': ['78 Joseph keys'],
    '93 Hall overpass\nNashbury\nTA2W 9XP': ['93 Hall overpass'],
    'Flat 98R\nNatasha fall\nLake Rosie\nB73 8PJ': ['Flat 98R', 'Natasha fall'],
    '8 Roberts stravenue\nElliottville\nSY18 2YP': ['8 Roberts stravenue'],
    '784 Knowles mall\nJunetown\nIM20 2PG': ['784 Knowles mall'],
}

# pyap test_full_address negatives kept (product and catalogue lines); the others
# hold a person's name or a street and are left out.
PYAP_KEEP = {
    '85 STEEL REGULAR SHAFT - NE', '3 STRUCTURE WITH PE', '7901 SILVER CONDUCTIVE HOLE FILL MA',
    '3 THIRD PARTY LIST IN', '9 STORAGE OF INDIVIDUAL IN', '4 BODY WAVE MODEL MO',
    '4060 AUTOMATIC STRAPPING MACHINE KZB-II STRAPPING MA', '130 AUTOMATIC STRAPPING MACHINE CO',
    '6060 AUTOMATIC STRAPPING MACHINE SK', '500 AUTO BLISTER PACKING SEALING MA',
    '23 ELECTRICAL COLOURED-TAPE PR', '1900 TRANSISTOR ELECTROMAGNETIC INDUCTION AL',
    'ONE FOR ANY DIRECT, INDIRECT, IN', '2 TRACTOR HEAD Actros MP', '00 Straight Fit Jean, USA',
}
PYAP_SKIP_NEG = {
    '2013 Courtesy of DONNA LUPI, PR': 'holds a person\'s name (DONNA LUPI)',
    '44 sq. ft. 000 Columbia Ave. See Remarks, Newfield, NJ 08344': 'holds a street and a town (a listing, not a product)',
    '3131 DR. MATTHEW WI': 'reads as a person\'s name with a title',
}

# ------------------------------------------------------------------ reading


def git_show(gitdir, commit, path):
    return subprocess.run(['git', '--git-dir', gitdir, 'show', '%s:%s' % (commit, path)],
                          check=True, stdout=subprocess.PIPE).stdout.decode('utf-8')


class Case:
    def __init__(self, src, path, ref, text, remove, keep, family):
        self.src, self.path, self.ref, self.text = src, path, ref, text
        self.remove, self.keep, self.family = remove, keep, family


SKIPPED = []  # (source, path, ref, reason)


def locate(text, value):
    """The span of `value` in `text` as written there (case-insensitive fallback)."""
    if value in text:
        return value
    i = text.lower().find(value.lower())
    if i < 0:
        raise SystemExit('value %r not in %r' % (value, text))
    return text[i:i + len(value)]


def digit_shape(v):
    return re.sub(r'\d', '9', v)


def read_recognizers(g):
    c = SOURCES['recognizers']['commit']
    cases = []
    specs = [
        ('Specs/Sequence/English/PhoneNumberModel.json', 'phone', 'recognizers-phone', RT_PHONE_KEEP),
        ('Specs/Sequence/Turkish/PhoneNumberModel.json', 'phone', 'recognizers-phone-tr', {}),
        ('Specs/Sequence/English/EmailModel.json', 'email', 'recognizers-email', {}),
        ('Specs/Sequence/English/IpAddressModel.json', 'ip', 'recognizers-ip', RT_IP_KEEP),
    ]
    for path, kind, family, keeps in specs:
        data = json.loads(git_show(g, c, path))
        seen_shapes = set()
        used_keep = set()
        for i, x in enumerate(data):
            inp = x['Input']
            res = x.get('Results') or []
            ref = '#%d' % i
            if res:
                vals = [locate(inp, r['Text']) for r in res]
                if path.endswith('English/PhoneNumberModel.json'):
                    shapes = [digit_shape(v) for v in vals]
                    if all(s in seen_shapes for s in shapes):
                        SKIPPED.append(('recognizers', path, ref,
                                        'phone shape already taken (digit pattern %s)' % shapes[0]))
                        continue
                    seen_shapes.update(shapes)
                rem = []
                for v in vals:
                    if kind == 'ip' and v in NEUTRAL_IPS:
                        continue
                    if (kind, v) not in rem:
                        rem.append((kind, v))
                if not rem:
                    SKIPPED.append(('recognizers', path, ref, 'only reserved / public-resolver IPs (neutral)'))
                    continue
                cases.append(Case('recognizers', path, ref, inp, rem, [], family))
            elif inp in keeps:
                used_keep.add(inp)
                cases.append(Case('recognizers', path, ref, inp, [], list(keeps[inp]), family))
            else:
                SKIPPED.append(('recognizers', path, ref, 'negative not plainly a value support keeps'))
        missing = set(keeps) - used_keep
        if missing:
            raise SystemExit('keep table entries not in %s: %r' % (path, sorted(missing)))
    return cases


def read_datafog(g):
    c = SOURCES['datafog']['commit']
    cases = []
    seen_ids = set()
    for name in ('structured_pii', 'unstructured_pii', 'mixed_pii', 'edge_cases', 'negative_cases'):
        path = 'tests/corpus/%s.json' % name
        family = 'datafog-' + name.replace('_pii', '').replace('_cases', '').replace('_', '-')
        for x in json.loads(git_show(g, c, path)):
            cid, inp = x['id'], x['input']
            seen_ids.add(cid)
            if cid in DF_SKIP:
                SKIPPED.append(('datafog', path, cid, DF_SKIP[cid]))
                continue
            if x.get('locales'):
                SKIPPED.append(('datafog', path, cid, 'German-locale VAT id / IBAN: not a customer detail kind here'))
                continue
            rem = []
            for e in x['expected_entities']:
                v = inp[e['start']:e['end']]
                if v != e['text']:
                    raise SystemExit('%s %s: span %r != text %r' % (path, cid, v, e['text']))
                kind = DF_KINDS.get(e['type'])
                if kind is None or (kind == 'ip' and v in NEUTRAL_IPS):
                    continue
                if (kind, v) not in rem:
                    rem.append((kind, v))
            keep = list(DF_KEEP.get(cid, []))
            if not rem and not keep:
                types = sorted({e['type'] for e in x['expected_entities']}) or ['none']
                SKIPPED.append(('datafog', path, cid, 'no customer detail and no plain keep value (entities: %s)'
                                % ', '.join(types)))
                continue
            cases.append(Case('datafog', path, cid, inp, rem, keep, family))
    missing = (set(DF_KEEP) | set(DF_SKIP)) - seen_ids
    if missing:
        raise SystemExit('DataFog table ids not in the corpus: %r' % sorted(missing))
    return cases


def parametrize_lists(src):
    """function name -> the list of the @pytest.mark.parametrize above it."""
    out = {}
    for node in ast.parse(src).body:
        if isinstance(node, ast.FunctionDef):
            for d in node.decorator_list:
                if isinstance(d, ast.Call) and getattr(d.func, 'attr', '') == 'parametrize':
                    out[node.name] = ast.literal_eval(d.args[1])
    return out


def read_scrubadub(g):
    c = SOURCES['scrubadub']['commit']
    cases = []
    files = {}

    def src(path):
        if path not in files:
            files[path] = git_show(g, c, path)
        return files[path]

    # phone numbers of the three phone tests, in the test's own sentence template
    path = 'tests/test_detector_phone_numbers.py'
    s = src(path)
    if ('BEFORE: %s' % SD_TEMPLATE_PHONE) not in s:
        raise SystemExit('phone template not found in scrubadub')
    tree = ast.parse(s)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in SD_PHONE_TESTS:
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, 'attr', '') == 'check_phone_numbers':
                    for a in call.args:
                        v = ast.literal_eval(a)
                        cases.append(Case('scrubadub', path, node.name, SD_TEMPLATE_PHONE % v,
                                          [('phone', v)], [], 'scrubadub-phone'))
    # literal sentences
    for path, text, rem, keep in SD_CASES:
        if text not in src(path):
            raise SystemExit('scrubadub case not in %s: %r' % (path, text))
        fam = 'scrubadub-phone' if any(k == 'phone' for k, _ in rem) else \
            'scrubadub-email' if any(k == 'email' for k, _ in rem) else 'scrubadub-names'
        cases.append(Case('scrubadub', path, 'literal', text, rem, keep, fam))
    # address filth inputs
    path = 'tests/test_filth_address.py'
    lists = [n for n in ast.walk(ast.parse(src(path)))
             if isinstance(n, ast.Assign) and getattr(n.targets[0], 'id', '') == 'addresses']
    seen = []
    for n in lists:
        for pair in ast.literal_eval(n.value):
            if pair[0] not in seen:
                seen.append(pair[0])
    if set(seen) != set(SD_ADDRESS_STREETS):
        raise SystemExit('scrubadub address inputs changed: %r' % seen)
    for a in seen:
        cases.append(Case('scrubadub', path, 'addresses', a, [('street', v) for v in SD_ADDRESS_STREETS[a]], [],
                          'scrubadub-addresses'))
    return cases


def scrubadub_document(g):
    """The example document, whole, with the labels of known_pii.csv."""
    c = SOURCES['scrubadub']['commit']
    doc = git_show(g, c, 'tests/example_real_data/document.txt')
    rows = list(csv.DictReader(io.StringIO(git_show(g, c, 'tests/example_real_data/known_pii.csv'))))
    kinds = {'phone': 'phone', 'email': 'email', 'name': 'name', 'address': 'street'}
    rem = []
    for r in rows:
        v = r['match']
        if r['filth_type'] == 'address':
            # known_pii.csv spans `123 The Street` .. `England`; by the convention of the
            # sibling corpora only the street line is labelled (town, postcode, country neutral)
            assert r['match_end'] == 'England'
        rem.append({'category': 'customer', 'kind': kinds[r['filth_type']], 'value': v,
                    'path': 'tests/example_real_data/known_pii.csv'})
    # the document's own second spelling of the e-mail ("wildly capitalised")
    rem.append({'category': 'customer', 'kind': 'email', 'value': 'MiKe@ExAmPlE.Com',
                'path': 'tests/example_real_data/document.txt', 'note': 'not in known_pii.csv; the document '
                'calls it the same e-mail address, wildly capitalised'})
    return doc, rem


def read_pyap(g):
    c = SOURCES['pyap']['commit']
    cases = []
    seen = set()
    for path, fn, family in (('test_parser_us.py', 'test_full_street_positive', 'pyap-streets-us'),
                             ('test_parser_gb.py', 'test_full_street', 'pyap-streets-gb')):
        for inp, expected in parametrize_lists(git_show(g, c, path))[fn]:
            if not expected:
                continue
            line = inp.rstrip()
            v = line.rstrip(',').rstrip()
            if v in seen:
                SKIPPED.append(('pyap', path, repr(inp), 'same street already taken from test_parser_us.py'))
                continue
            seen.add(v)
            cases.append(Case('pyap', path, fn, line, [('street', v)], [], family))
    negs = set()
    for path in ('test_parser_us.py', 'test_parser_gb.py'):
        for inp, expected in parametrize_lists(git_show(g, c, path))['test_full_address']:
            if expected:
                continue
            if inp in negs:
                continue
            negs.add(inp)
            if inp in PYAP_KEEP:
                cases.append(Case('pyap', path, 'test_full_address', inp, [], [('product', inp)], 'pyap-negative'))
            elif inp in PYAP_SKIP_NEG:
                SKIPPED.append(('pyap', path, repr(inp), PYAP_SKIP_NEG[inp]))
            else:
                raise SystemExit('pyap negative not decided: %r' % inp)
    if not PYAP_KEEP <= negs:
        raise SystemExit('pyap keep entries not found: %r' % sorted(PYAP_KEEP - negs))
    return cases


# ------------------------------------------------------------------ packing


def fits(fileobj, case):
    """May `case` join this file?  No value of the case may occur in the file's
    text so far, no value of the file in the case's text, no 12-character run be
    shared across cases, no keep value repeat; and the whole must pass verify."""
    text = fileobj['text']
    ct = case.text
    new_rem = [v for _, v in case.remove]
    new_keep = [v for _, v in case.keep]
    old_rem = [r['value'] for r in fileobj['remove']]
    old_keep = [k['value'] for k in fileobj['keep']]
    for v in new_rem:
        if v in text:
            return False
        if len(v) >= PROBE and any(p in text for p in labels_check.probes(v)):
            return False
    for v in old_rem:
        if v in ct:
            return False
        if len(v) >= PROBE and any(p in ct for p in labels_check.probes(v)):
            return False
    if set(new_keep) & set(old_keep) or set(new_rem) & set(old_rem):
        return False
    for k in new_keep:
        if any(r in k for r in old_rem):
            return False
    for k in old_keep:
        if any(r in k for r in new_rem):
            return False
    return True


def render(cases, block):
    sep = '\n\n' if block else '\n'
    return sep.join(c.text for c in cases) + '\n'


def pack(cases):
    families = []
    for c in cases:
        if c.family not in families:
            families.append(c.family)
    files = {}
    for fam in families:
        fam_cases = [c for c in cases if c.family == fam]
        block = any('\n' in c.text or '\r' in c.text for c in fam_cases)
        bins = []
        for c in fam_cases:
            # a case's own values must pass on their own
            errs = labels_check.verify(c.text, [{'value': v} for _, v in c.remove], [{'value': v} for _, v in c.keep])
            if errs:
                raise SystemExit('case %s %s fails on its own: %s' % (c.path, c.ref, errs))
            for b in bins:
                if fits(b, c):
                    break
            else:
                b = {'cases': [], 'text': '', 'remove': [], 'keep': []}
                bins.append(b)
            b['cases'].append(c)
            b['text'] = render(b['cases'], block)
            for kind, v in c.remove:
                b['remove'].append({'category': 'customer', 'kind': kind, 'value': v, 'path': c.path, 'case': c.ref})
            for kind, v in c.keep:
                b['keep'].append({'kind': kind, 'value': v, 'path': c.path, 'case': c.ref})
        for i, b in enumerate(bins):
            name = '%s%s.txt' % (fam, '' if i == 0 else '-%d' % (i + 1))
            files[name] = b
    return files


# ------------------------------------------------------------------ main


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--recognizers', default='/work/.mirror/microsoft+Recognizers-Text/repo')
    ap.add_argument('--datafog', default='/work/.mirror/DataFog+datafog-python/repo')
    ap.add_argument('--scrubadub', default='/work/.mirror/LeapBeyond+scrubadub/repo')
    ap.add_argument('--pyap', default='/work/.mirror/vladimarius+pyap/repo')
    ap.add_argument('--out', default=HERE)
    ap.add_argument('--check-only', action='store_true', help='build and check, write nothing')
    a = ap.parse_args(argv)

    cases = read_recognizers(a.recognizers) + read_datafog(a.datafog) + read_scrubadub(a.scrubadub) \
        + read_pyap(a.pyap)
    files = pack(cases)
    doc, doc_remove = scrubadub_document(a.scrubadub)
    files['scrubadub-document.txt'] = {'cases': [], 'text': doc, 'remove': doc_remove, 'keep': [],
                                       'paths': ['tests/example_real_data/document.txt',
                                                 'tests/example_real_data/known_pii.csv']}

    problems = []
    out_files = {}
    for name in sorted(files):
        f = files[name]
        problems += ['%s: %s' % (name, e) for e in labels_check.verify(f['text'], f['remove'], f['keep'])]
        srcs = sorted({c.src for c in f['cases']}) or ['scrubadub']
        assert len(srcs) == 1
        s = SOURCES[srcs[0]]
        paths = f.get('paths') or sorted({c.path for c in f['cases']})
        out_files[name] = {
            'source': {'repo': s['repo'], 'commit': s['commit'], 'path': paths},
            'bytes': len(f['text'].encode('utf-8')),
            'cases': len(f['cases']) or 1,
            'remove': f['remove'],
            'keep': f['keep'],
        }
    if problems:
        sys.stderr.write('\n'.join(problems) + '\n')
        return 1

    labels = {
        'format': 1, 'set': SET, 'probe_length': PROBE,
        'categories': ['provider_key', 'credential', 'payment', 'customer'],
        'sources': {s['repo']: {'commit': s['commit'], 'licence': s['licence']} for s in SOURCES.values()},
        'files': out_files,
    }
    # summary
    kinds = {}
    for f in out_files.values():
        for r in f['remove']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    nkeep = sum(len(f['keep']) for f in out_files.values())
    print('%d files, %d remove (%s), %d keep, %d source cases left out' % (
        len(out_files), sum(kinds.values()), ', '.join('%s %d' % kv for kv in sorted(kinds.items())), nkeep,
        len(SKIPPED)))
    if a.check_only:
        return 0
    for name in os.listdir(a.out):
        if name.endswith('.txt') and name.split('-')[0] in ('recognizers', 'datafog', 'scrubadub', 'pyap'):
            os.remove(os.path.join(a.out, name))
    for name, f in files.items():
        with open(os.path.join(a.out, name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(f['text'])
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    with open(os.path.join(a.out, 'skipped.json'), 'w', encoding='utf-8') as fh:
        json.dump([{'source': s, 'path': p, 'case': r, 'reason': why} for s, p, r, why in SKIPPED], fh, indent=1,
                  ensure_ascii=False)
        fh.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
