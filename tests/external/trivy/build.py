#!/usr/bin/env python3
"""Build tests/external/trivy: a labelled redaction corpus made from the test data
of trivy's secret scanner, in the format of shared/redaction-corpus.

    python3 build.py [--repo GITDIR] [--commit REV] [--out DIR]

GITDIR is a git directory (bare or not) holding a snapshot of
github.com/aquasecurity/trivy (default: the local mirror); files are read with
`git show` at REV (default HEAD) and the commit is recorded.  Nothing is executed.

The inputs are pkg/fanal/secret/testdata/*; the expectations are the
`types.SecretFinding` values of TestSecretScanner in
pkg/fanal/secret/scanner_test.go, read with a small evaluator for the Go literals
the test uses (strings, `+`, `strings.Repeat`, `filepath.Join`, composite
literals, variables and one helper function literal).  Each expected finding
gives RuleID, StartLine/EndLine, Offset (byte offset of the secret in the input)
and the masked lines (`Match` and the `Code` lines, the secret replaced by `*`).
The secret is the part of the input that the masked lines hide: each masked line
is aligned with the input line, and the run of masked characters that starts at
Offset is the value (spanning the newlines of a multi-line finding).  For private
keys the label is the PEM body only.  No value is invented or varied.

Only tests that scan with trivy's builtin rules are used: the config
`skip-test.yaml` (it only disables the builtin allow rule for test paths, which
would otherwise skip every file under testdata/) and `config.yaml` when none of
the test's expected findings comes from its custom rule.  Every test is
classified below; the build fails on a test, input, rule or config it does not
know, so a newer snapshot is reviewed before it is used.

Inputs are copied as they are, one family file after the other, separated by a
blank line.  An input whose values would collide with a label of a file goes to
the next file of its family (`-2`, `-3`, ...).  Every file is checked with
labels_check.verify (each label occurs in it; replacing exactly the remove values
removes every 12-character probe and keeps every keep value; no keep value holds
a remove value; no value is labelled twice); the build exits non-zero otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import labels_check  # noqa: E402

PROBE = labels_check.PROBE
DEFAULT_GITDIR = '/work/.mirror/aquasecurity+trivy/repo'
REPO = 'aquasecurity/trivy'
BASE = 'pkg/fanal/secret/'
TESTDATA = BASE + 'testdata/'
TEST_FILE = BASE + 'scanner_test.go'
RULES_FILE = BASE + 'builtin-rules.go'
MAX_FILES = 10

# ---------------------------------------------------------------- scope

FAMILIES = ['ai-providers', 'cloud', 'code-hosting', 'payments', 'keys', 'generic', 'mixed']

# builtin rule id -> (family, category, kind)
RULES = {
    'openai-project-api-key': ('ai-providers', 'provider_key', 'openai'),
    'openai-service-account-key': ('ai-providers', 'provider_key', 'openai'),
    'openai-admin-api-key': ('ai-providers', 'provider_key', 'openai'),
    'openai-legacy-api-key': ('ai-providers', 'provider_key', 'openai'),
    'openai-service-api-key': ('ai-providers', 'provider_key', 'openai'),
    'openai-realtime-client-secret': ('ai-providers', 'provider_key', 'openai_client_secret'),
    'hugging-face-access-token': ('ai-providers', 'provider_key', 'huggingface'),
    'azure-ai-services-key': ('ai-providers', 'provider_key', 'azure_ai_services'),
    'aws-access-key-id': ('cloud', 'credential', 'aws_access_key_id'),
    'aws-secret-access-key': ('cloud', 'credential', 'aws_secret_access_key'),
    'alibaba-access-key-id': ('cloud', 'credential', 'alibaba_access_key_id'),
    'azure-storage-account-key': ('cloud', 'credential', 'azure_storage_account_key'),
    'azure-sas-token': ('cloud', 'credential', 'azure_sas_signature'),
    'azure-devops-pat': ('cloud', 'credential', 'azure_devops_pat'),
    'azure-entra-client-secret': ('cloud', 'credential', 'azure_client_secret'),
    'azure-container-registry-credential': ('cloud', 'credential', 'azure_container_registry_key'),
    'azure-container-registry-password': ('cloud', 'credential', 'azure_container_registry_password'),
    'azure-app-config-connection-string': ('cloud', 'credential', 'azure_app_config_secret'),
    'dockerconfig-secret': ('cloud', 'credential', 'docker_config_auth'),
    'grafana-api-token': ('cloud', 'credential', 'grafana_token'),
    'github-pat': ('code-hosting', 'credential', 'github_token'),
    'github-fine-grained-pat': ('code-hosting', 'credential', 'github_token'),
    'github-app-token': ('code-hosting', 'credential', 'github_token'),
    'private-packagist-token': ('code-hosting', 'credential', 'private_packagist_token'),
    'stripe-publishable-token': ('payments', 'payment', 'stripe_publishable_key'),
    'private-key': ('keys', 'credential', 'private_key'),
    'jwt-token': ('generic', 'credential', 'jwt'),
    'symfony-default-secret': ('generic', 'credential', 'symfony_default_secret'),
    'maven-settings-password': ('generic', 'credential', 'maven_password'),
    'maven-settings-passphrase': ('generic', 'credential', 'maven_passphrase'),
    'maven-settings-security-master': ('generic', 'credential', 'maven_master_password'),
}

# The configs a used test may pass, with their reviewed text (checked at build time).
CONFIGS_USED = {
    'skip-test.yaml': ('disable-allow-rules:\n  - tests\n',
                       'builtin rules; only the builtin allow rule for test paths is disabled'),
    'config.yaml': (None, 'builtin rules plus the custom rule `rule1`; used only when no expected finding '
                          'comes from `rule1`'),
}
CUSTOM_RULES = {'rule1', 'multi-line-secret'}

# Configs whose tests are left out as a whole (custom rules, allow rules, disabled rules, keywords,
# severities, exclude blocks): the expectation depends on the config, not on the builtin rules.
CONFIGS_LEFT_OUT = {
    'allow-path.yaml': 'custom allow rule (path)',
    'allow-regex.yaml': 'custom allow rule (regex)',
    'allow-regex-outside-group.yaml': 'custom allow rule (regex)',
    'config-disable-allow-rule-md.yaml': 'disables a builtin allow rule (markdown) for a custom rule',
    'config-disable-ghp.yaml': 'disables a builtin rule',
    'config-disable-rule1.yaml': 'disables the custom rule',
    'config-enable-ghp.yaml': 'enables a subset of builtin rules only',
    'config-happy-keywords.yaml': 'custom rule keywords',
    'config-sad-keywords.yaml': 'custom rule keywords',
    'config-with-incorrect-severity.yaml': 'custom rule severity',
    'config-with-non-uppercase-severity.yaml': 'custom rule severity',
    'config-without-severity.yaml': 'custom rule severity',
    'exclude-block.yaml': 'custom exclude block',
    'global-allow-path.yaml': 'global custom allow rule (path)',
    'global-allow-regex.yaml': 'global custom allow rule (regex)',
    'global-exclude-block.yaml': 'global custom exclude block',
    'multi-line-off.yaml': 'custom multi-line rule',
    'multi-line-on.yaml': 'custom multi-line rule',
    'multiple-secret-groups.yaml': 'custom rule with several secret groups',
}

# Inputs whose tests are left out even under a used config.
INPUTS_LEFT_OUT = {
    'secret.txt': 'findings come only from the custom rule `rule1` of the test configs',
    'multi-line.txt': 'findings come only from a custom multi-line rule',
    'secret.md': 'negative only because of the builtin allow rule for markdown files (a path rule): '
                 'the text holds the custom rule\'s values',
    'example-secret.txt': 'negative only because of the builtin allow rule for example paths: the text is '
                          'the AWS secret of aws-secrets.txt',
    'openai-invalid.txt': 'negative whose values are all key-shaped (cross-vendor `sk-` prefixes, too-short '
                          'segments, a missing watermark): no plainly non-secret value to keep',
}

# Positive inputs that cannot be scored (checked: the build fails if the reason no longer applies).
UNSCORABLE = {
    'invalid-utf8.txt': 'its unreported second token (`ghp_1234567890abcdef1234567890ABCDEF` broken by invalid '
                        'UTF-8 bytes) shares 16 characters (`1234567890ABCDEF`) with the reported token, so '
                        'replacing the reported value leaves 12-character runs of it; the input cannot be scored',
}

# Negative inputs used (no finding expected under the builtin rules): family and keep values.
NEGATIVES = {
    'invalid-aws-secrets.txt': 'cloud',
    'wrapped-secrets.txt': 'mixed',
    'settings-encrypted.xml': 'generic',
}

# Keep values per input, listed by hand: only values that are plainly not secret (prose
# and comment lines, code identifiers, template placeholders, a version string, an asset
# URL, an error message, an i18n id).  Key-shaped strings, identifiers wrapping a token
# prefix, encrypted values, account ids, host names and AWS's documented example key stay
# unlabelled (neutral).
KEEP = {
    'crlf-line-endings.txt': ['This is a test file with CRLF line endings.', 'This line has no secrets.',
                              'End of file.'],
    'hugging-face-secret.txt': ['_call_hf_processorz1DeepseekOCRMultiModalProcessor._call_hf_processor'],
    'asymmetric-private-key.txt': ['## Theoretically Asymmetric Private Key of minimum length (RSA 128 bits)'],
    'azure-sas-token.txt': ['sv=2023-11-03'],
    'obfuscated.js': ['https://fonts.googleapis.com/css?family=Open+Sans:400,400i,600,600i&display=swap',
                      'admin.billing.subscription.stateprovince', 'Unable to load PDF preview: '],
    'invalid-aws-secrets.txt': ['web.config file in windows containers:', 'length is too long:'],
    'wrapped-secrets.txt': ['DISPID_ICANVASRENDERINGCONTEXT2D_CANVAS DISPID_CANVASRENDERCONTEXT2D'],
    'settings-encrypted.xml': ['${env.MAVEN_REPO_PASS}', '${gpg.passphrase}'],
}

# testdata files that no test of TestSecretScanner reads as input (configs are listed above)
NOT_INPUTS = set(CONFIGS_LEFT_OUT) | set(CONFIGS_USED)


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, name, gitdir, rev='HEAD'):
        self.name, self.gitdir = name, gitdir
        self.commit = self.git('rev-parse', rev + '^{commit}').strip()

    def git_bytes(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout

    def git(self, *args):
        return self.git_bytes(*args).decode('utf-8', 'surrogateescape')

    def show_bytes(self, path):
        return self.git_bytes('show', self.commit + ':' + path)

    def show(self, path):
        return self.show_bytes(path).decode('utf-8', 'surrogateescape')

    def ls(self, prefix):
        return self.git('ls-tree', '-r', '--name-only', self.commit, prefix).splitlines()


# ---------------------------------------------------------------- a small Go literal evaluator

TOKEN = re.compile(r'''
    (?P<ws>\s+) | (?P<lcom>//[^\n]*) | (?P<bcom>/\*.*?\*/)
  | (?P<raw>`[^`]*`) | (?P<str>"(?:\\.|[^"\\\n])*") | (?P<rune>'(?:\\.|[^'\\\n])+')
  | (?P<num>\d+) | (?P<id>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>:=|==|!=|&&|\|\||<-|\.\.\.|[{}()\[\],:;.+\-*/&|!<>=%^])
''', re.S | re.X)


def go_unquote(s):
    i, body = 0, s[1:-1]
    simple = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', "'": "'", 'a': '\a', 'b': '\b',
              'f': '\f', 'v': '\v'}
    raw = bytearray()
    while i < len(body):
        ch = body[i]
        if ch != '\\':
            raw += ch.encode('utf-8', 'surrogateescape')
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            raw += simple[e].encode()
            i += 2
        elif e == 'x':
            raw.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e in 'uU':
            n = 4 if e == 'u' else 8
            raw += chr(int(body[i + 2:i + 2 + n], 16)).encode('utf-8')
            i += 2 + n
        elif e in '01234567':
            raw.append(int(body[i + 1:i + 4], 8))
            i += 4
        else:
            raise ValueError('unknown Go escape in %r' % s[:40])
    return raw.decode('utf-8', 'surrogateescape')


def tokenize(src):
    toks, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise ValueError('Go tokenizer stuck at %r' % src[pos:pos + 40])
        pos = m.end()
        kind = m.lastgroup
        if kind in ('ws', 'lcom', 'bcom'):
            continue
        v = m.group()
        if kind == 'raw':
            toks.append(('str', v[1:-1]))
        elif kind == 'str':
            toks.append(('str', go_unquote(v)))
        elif kind == 'num':
            toks.append(('num', int(v)))
        else:
            toks.append((kind, v))
    return toks


class Sym(str):
    """A Go name the evaluator does not resolve (e.g. `secret.CategoryAWS`)."""


class Func:
    def __init__(self, params, body):
        self.params, self.body = params, body


class GoEval:
    def __init__(self, toks):
        self.t, self.i, self.env = toks, 0, {}

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else (None, None)

    def take(self, want=None):
        tok = self.t[self.i]
        if want is not None and tok[1] != want:
            raise ValueError('expected %r, got %r at token %d' % (want, tok, self.i))
        self.i += 1
        return tok

    def skip_balanced(self, open_, close):
        depth = 0
        while True:
            _, v = self.take()
            if v == open_:
                depth += 1
            elif v == close:
                depth -= 1
                if depth == 0:
                    return

    def type_name(self):
        if self.peek()[1] == '*':
            self.take()
        if self.peek()[1] == '[':
            self.take('[')
            self.take(']')
            return '[]' + self.type_name()
        if self.peek()[1] == 'struct':
            self.take()
            self.skip_balanced('{', '}')
            return 'struct'
        name = self.take()[1]
        while self.peek()[1] == '.':
            self.take()
            name += '.' + self.take()[1]
        return name

    def expr(self):
        v = self.primary()
        while self.peek()[1] == '+':
            self.take()
            w = self.primary()
            v = v + w
        return v

    def primary(self):
        kind, v = self.peek()
        if kind in ('str', 'num'):
            self.take()
            return v
        if v == '[':
            tn = self.type_name()
            return self.composite(tn)
        if v == '{':
            return self.composite(None)
        if v == 'func':
            return self.func_lit()
        if v == '&':
            self.take()
            return self.primary()
        if kind == 'id':
            name = self.take()[1]
            while self.peek()[1] == '.' and self.peek(1)[0] == 'id':
                self.take()
                name += '.' + self.take()[1]
            if self.peek()[1] == '{' and name not in self.env:
                return self.composite(name)
            if self.peek()[1] == '(':
                self.take('(')
                args = []
                while self.peek()[1] != ')':
                    args.append(self.expr())
                    if self.peek()[1] == ',':
                        self.take()
                self.take(')')
                return self.call(name, args)
            if name in self.env:
                return self.env[name]
            if name in ('true', 'false'):
                return name == 'true'
            if name == 'nil':
                return None
            return Sym(name)
        raise ValueError('unexpected token %r at %d' % ((kind, v), self.i))

    def call(self, name, args):
        if name == 'filepath.Join':
            return '/'.join(args)
        if name == 'strings.Repeat':
            return args[0] * args[1]
        f = self.env.get(name)
        if isinstance(f, Func):
            saved_env, saved_i = self.env, self.i
            self.env = dict(saved_env)
            self.env.update(zip(f.params, args))
            self.i = f.body
            try:
                self.take('{')
                while True:
                    if self.peek()[1] == 'return':
                        self.take()
                        return self.expr()
                    self.statement()
            finally:
                self.env, self.i = saved_env, saved_i
        raise ValueError('cannot evaluate call %s(...)' % name)

    def func_lit(self):
        self.take('func')
        self.take('(')
        params, group = [], []
        while True:
            kind, v = self.take()
            if v in (',', ')'):
                if group:
                    params.append(group[0])
                group = []
                if v == ')':
                    break
            else:
                group.append(v)
        if self.peek()[1] != '{':
            self.type_name()
        body = self.i
        self.skip_balanced('{', '}')
        return Func(params, body)

    def composite(self, tn):
        self.take('{')
        keyed, items = {}, []
        while self.peek()[1] != '}':
            if self.peek()[0] == 'id' and self.peek(1)[1] == ':':
                k = self.take()[1]
                self.take(':')
                keyed[k] = self.expr()
            else:
                items.append(self.expr())
            if self.peek()[1] == ',':
                self.take()
        self.take('}')
        if keyed and items:
            raise ValueError('mixed composite literal')
        if keyed or (tn and not tn.startswith('[]')):
            keyed['_type'] = tn
            return keyed
        return items

    def statement(self):
        kind, v = self.peek()
        if kind == 'id' and self.peek(1)[1] == ':=':
            self.take()
            self.take(':=')
            self.env[v] = self.expr()
            return v
        raise ValueError('unsupported statement at %r' % ((kind, v),))


def read_tests(src):
    """The variables and the `tests` table of TestSecretScanner."""
    toks = tokenize(src)
    ev = GoEval(toks)
    for j in range(len(toks) - 1):
        if toks[j] == ('id', 'func') and toks[j + 1] == ('id', 'TestSecretScanner'):
            break
    else:
        raise ValueError('TestSecretScanner not found')
    ev.i = j + 2
    ev.skip_balanced('(', ')')
    ev.take('{')
    while ev.peek()[1] != 'for':
        ev.statement()
    return ev.env['tests']


# ---------------------------------------------------------------- deriving the secret of a finding

def align(masked, line):
    """Offsets o at which masked (a line or a window of it, secrets as '*') fits line."""
    out = []
    for o in range(len(line) - len(masked) + 1):
        if all(m == '*' or m == line[o + k] for k, m in enumerate(masked)):
            out.append(o)
    return out


def derive(text, raw, f, where):
    """The value a finding masks: the run of masked characters starting at its Offset."""
    lines = text.split('\n')
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    start = len(raw[:f['Offset']].decode('utf-8', 'surrogateescape'))
    sl, el = f['StartLine'], f['EndLine']
    cause = {}
    code = (f.get('Code') or {}).get('Lines') or []
    for ln in code:
        if ln.get('IsCause'):
            cause[ln['Number']] = ln['Content']
    if sl == el:
        if cause and cause.get(sl) != f['Match']:
            raise ValueError('%s: Match differs from the cause line' % where)
        cause = {sl: f['Match']}
    if sorted(cause) != list(range(sl, el + 1)):
        raise ValueError('%s: cause lines %r, expected %d..%d' % (where, sorted(cause), sl, el))
    masked = set()
    for n in range(sl, el + 1):
        line, m = lines[n - 1], cause[n]
        offs = align(m, line)
        good = []
        for o in offs:
            pos = {starts[n - 1] + o + k for k, ch in enumerate(m) if ch == '*' and line[o + k] != '*'}
            if n == sl and start not in pos:
                continue
            good.append((o, pos))
        if len({frozenset(p) for _, p in good}) != 1:
            raise ValueError('%s: line %d: %d alignments of the masked line' % (where, n, len(good)))
        o, pos = good[0]
        masked |= pos
        if n < el:
            masked.add(starts[n - 1] + len(line))  # the newline inside a multi-line secret
        win_end = starts[n - 1] + o + len(m)
        if win_end < starts[n - 1] + len(line) and (win_end - 1) in pos:
            raise ValueError('%s: the masked window cuts the secret' % where)
    if start - 1 in masked:
        raise ValueError('%s: masked run does not start at Offset' % where)
    end = start
    while end in masked:
        end += 1
    if end == start:
        raise ValueError('%s: nothing masked at Offset' % where)
    return start, end


def pem_body(text, s, e):
    """The PEM body inside [s, e): without the escaped or real newlines at its ends."""
    v = text[s:e]
    lead = re.match(r'(?:\\r\\n|\\n|\s)*', v).end()
    trail = re.search(r'(?:\\r\\n|\\n|\s)*$', v).start()
    return s + lead, s + trail


def is_placeholder(v):
    """Positives that are plainly placeholders: after a short prefix, a body made of at most
    two distinct characters (letters compared case-insensitively) or of a unit of at most four
    characters repeated (`KEYKEYKEY...`, `xXX1xXXXx1...`)."""
    m = re.match(r'(?:[A-Za-z0-9]{1,7}[_.\-~]){1,4}', v)
    body = v[m.end():] if m and len(v) - m.end() >= 8 else v
    alnum = [ch.lower() for ch in body if ch.isalnum()]
    if len(alnum) >= 8 and len(set(alnum)) <= 2:
        return True
    for u in range(1, 5):
        if len(body) >= 3 * u and all(body[k] == body[k % u] for k in range(len(body))):
            return True
    return False


# ---------------------------------------------------------------- bookkeeping

class Stats:
    def __init__(self):
        self.skipped = {}
        self.notes = {}

    def skip(self, reason, n=1):
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def note(self, what, n=1):
        self.notes[what] = self.notes.get(what, 0) + n


STATS = Stats()


class Case:
    """One testdata input with the labels of one test."""

    def __init__(self, name, path, text, raw, test, family, polarity):
        self.name, self.path, self.text, self.raw = name, path, text, raw
        self.test, self.family, self.polarity = test, family, polarity
        self.remove, self.keep, self.spans, self.rules = [], [], {}, []

    def rm(self, category, kind, s, e, rule):
        value = self.text[s:e]
        self.spans.setdefault(value, set()).add((s, e))
        if rule not in self.rules:
            self.rules.append(rule)
        for r in self.remove:
            if r['value'] == value:
                if r['kind'] != kind:
                    raise ValueError('%s: %r under two kinds' % (self.name, value[:40]))
                STATS.note('value reported twice in one input (one label)')
                return
        self.remove.append({'category': category, 'kind': kind, 'value': value, 'rule': rule,
                            'path': self.path, 'test': self.test})

    def kp(self, value):
        if value not in self.text:
            raise ValueError('%s: keep value not in input: %r' % (self.name, value[:60]))
        self.keep.append({'kind': 'peer_negative', 'value': value, 'path': self.path, 'test': self.test})


# ---------------------------------------------------------------- reading the tests

def base(p):
    return p.rsplit('/', 1)[-1] if p else p


def build_cases(repo):
    tests = read_tests(repo.show(TEST_FILE))
    rules_src = repo.show(RULES_FILE)
    for rid in RULES:
        if not re.search(r'ID:\s*"%s"' % re.escape(rid), rules_src):
            raise ValueError('rule %s is not a builtin rule at this commit' % rid)
    files = [base(p) for p in repo.ls(TESTDATA)]
    for cfg, (want, _) in CONFIGS_USED.items():
        text = repo.show(TESTDATA + cfg)
        if want is not None and text != want:
            raise ValueError('%s changed: review it' % cfg)
    cfg_text = repo.show(TESTDATA + 'config.yaml')
    if set(re.findall(r'- id: (\S+)', cfg_text)) != {'rule1'} or 'disable-allow-rules:\n  - tests' not in cfg_text:
        raise ValueError('config.yaml changed: review it')
    cases, seen_inputs, used_tests = [], set(), []
    per_input = {}
    for t in tests:
        cfg, inp = base(t['configPath']), base(t['inputFilePath'])
        where = '%s (%s, %s)' % (t['name'], cfg, inp)
        if cfg in CONFIGS_LEFT_OUT:
            STATS.skip('test left out, config `%s`: %s' % (cfg, CONFIGS_LEFT_OUT[cfg]))
            seen_inputs.add(inp)
            continue
        if cfg not in CONFIGS_USED:
            raise ValueError('config not reviewed: %s' % where)
        seen_inputs.add(inp)
        findings = (t.get('want') or {}).get('Findings') or []
        if inp in INPUTS_LEFT_OUT:
            STATS.skip('test left out (`%s`): %s' % (inp, INPUTS_LEFT_OUT[inp]))
            continue
        custom = [f['RuleID'] for f in findings if f['RuleID'] in CUSTOM_RULES]
        if custom:
            raise ValueError('test expects custom-rule findings but its input is not left out: %s' % where)
        unknown = [f['RuleID'] for f in findings if f['RuleID'] not in RULES]
        if unknown:
            raise ValueError('rule not classified %r in %s' % (unknown, where))
        if inp in per_input:
            raise ValueError('input used by two tests: %s' % where)
        per_input[inp] = (t, cfg, findings)
    for inp, (t, cfg, findings) in per_input.items():
        path = TESTDATA + inp
        raw = repo.show_bytes(path)
        if b'\r' in raw:
            raise ValueError('%s holds CR characters: offsets would need mapping' % inp)
        text = raw.decode('utf-8', 'surrogateescape')
        if findings:
            fams = {RULES[f['RuleID']][0] for f in findings}
            family = fams.pop() if len(fams) == 1 else 'mixed'
            c = Case(inp, path, text, raw, t['name'], family, 'tp')
            for k, f in enumerate(findings):
                fam, cat, kind = RULES[f['RuleID']]
                s, e = derive(text, raw, f, '%s finding %d' % (inp, k))
                if f['RuleID'] == 'private-key':
                    s, e = pem_body(text, s, e)
                    STATS.note('private key: PEM body taken (escaped or real newlines at its ends dropped)')
                elif e - s > 2 and text[s] == text[e - 1] and text[s] in '"\'':
                    s, e = s + 1, e - 1
                    STATS.note('masked run includes the quotes around the value: quotes dropped')
                if is_placeholder(text[s:e]):
                    kind += '_placeholder'
                c.rm(cat, kind, s, e, f['RuleID'])
        else:
            if inp not in NEGATIVES:
                raise ValueError('negative input not reviewed (add it to NEGATIVES or INPUTS_LEFT_OUT): %s' % inp)
            c = Case(inp, path, text, raw, t['name'], NEGATIVES[inp], 'fp')
        for v in KEEP.get(inp, []):
            c.kp(v)
        errs = labels_check.verify(c.text, c.remove, c.keep)
        if inp in UNSCORABLE:
            if not errs:
                raise ValueError('%s: listed in UNSCORABLE but its labels verify: review it' % inp)
            STATS.skip('test left out (`%s`): %s' % (inp, UNSCORABLE[inp]))
            continue
        if errs:
            raise ValueError('%s: %s' % (inp, '; '.join(errs)))
        if c.polarity == 'fp' and not c.keep:
            raise ValueError('negative input without keep values: %s' % inp)
        # a short value must stand for itself wherever it occurs in the input
        for r in c.remove:
            v = r['value']
            if len(v) >= PROBE:
                continue
            for mm in re.finditer(re.escape(v), text):
                if (mm.start(), mm.end()) not in c.spans[v]:
                    raise ValueError('%s: short value %r also occurs elsewhere' % (inp, v))
        cases.append(c)
        used_tests.append((t['name'], cfg, inp, len(findings)))
    for inp in list(KEEP) + list(NEGATIVES) + list(INPUTS_LEFT_OUT) + list(UNSCORABLE):
        if inp not in seen_inputs:
            raise ValueError('review entry without a test: %s' % inp)
    unread = sorted(set(files) - seen_inputs - NOT_INPUTS)
    if unread:
        raise ValueError('testdata files not reviewed: %r' % unread)
    for c in CONFIGS_LEFT_OUT:
        if c not in files:
            raise ValueError('left-out config not in testdata: %s' % c)
    order = {f: i for i, f in enumerate(FAMILIES)}
    tindex = {t['name'] + '|' + base(t['inputFilePath']): i for i, t in enumerate(tests)}
    cases.sort(key=lambda c: (order[c.family], tindex[c.test + '|' + c.name]))
    return cases, used_tests, tests


# ---------------------------------------------------------------- files

def shares_run(a, b):
    if len(a) < PROBE or len(b) < PROBE:
        return False
    return bool(set(labels_check.probes(a)) & set(labels_check.probes(b)))


class Bucket:
    def __init__(self, name):
        self.name, self.cases, self.paths = name, [], []
        self.values = {}      # remove value -> kind
        self.masked = []      # inputs with their remove values masked
        self.mgrams = set()
        self.keeps = set()

    def fits(self, c):
        """None when c can join this file, else why not.  A value already labelled in the
        file under the same kind is one label; otherwise no value of the case may occur in the
        file's other text (or share a 12-character run with it or with a value of the file),
        no value of the file may occur in the case's other text, and no keep value may hold a
        remove value."""
        vals = {r['value']: r['kind'] for r in c.remove}
        cm = labels_check.mask(c.text, vals)
        cgrams = labels_check.grams(cm)
        for v, kind in vals.items():
            if v in self.values:
                if self.values[v] != kind:
                    return 'the value is labelled under another kind in this file'
                continue
            for w in self.values:
                if v in w or w in v:
                    return 'the value is part of another value of this file'
                if shares_run(v, w):
                    return 'the value shares 12 characters with a value of this file'
            if len(v) < PROBE:
                if any(v in m for m in self.masked):
                    return 'the value occurs elsewhere in this file'
            elif self.mgrams & set(labels_check.probes(v)):
                return 'the value shares 12 characters with the text of this file'
        for w in self.values:
            if w in vals:
                continue
            if (w in cm) if len(w) < PROBE else (cgrams & set(labels_check.probes(w))):
                return 'a value of the file occurs in (or shares 12 characters with) this input'
        allv = set(self.values) | set(vals)
        for k in list(self.keeps) + [k['value'] for k in c.keep]:
            if any(v in k for v in allv):
                return 'a keep value holds a remove value'
        return None

    def add(self, c):
        vals = [r['value'] for r in c.remove]
        cm = labels_check.mask(c.text, vals)
        self.cases.append(c)
        self.masked.append(cm)
        self.mgrams |= labels_check.grams(cm)
        for r in c.remove:
            if r['value'] in self.values:
                STATS.note('value already labelled in its file (another input): one label')
                continue
            self.values[r['value']] = r['kind']
        for k in c.keep:
            self.keeps.add(k['value'])
        if c.path not in self.paths:
            self.paths.append(c.path)

    def labels(self):
        remove, keep, seen_r, seen_k = [], [], set(), set()
        for c in self.cases:
            for r in c.remove:
                if r['value'] not in seen_r:
                    seen_r.add(r['value'])
                    remove.append(dict(r))
            for k in c.keep:
                if k['value'] not in seen_k:
                    seen_k.add(k['value'])
                    keep.append(dict(k))
        return remove, keep

    def render(self):
        return '\n\n'.join(c.text.strip('\n') for c in self.cases) + '\n'


def assemble(cases):
    out, moved = [], []
    for fam in FAMILIES:
        buckets = []
        for c in [c for c in cases if c.family == fam]:
            why_first = None
            for bi in range(MAX_FILES):
                if bi == len(buckets):
                    buckets.append(Bucket('trivy-%s' % fam if bi == 0 else 'trivy-%s-%d' % (fam, bi + 1)))
                why = buckets[bi].fits(c)
                if why is None:
                    buckets[bi].add(c)
                    if bi:
                        moved.append((c, why_first))
                    break
                why_first = why_first or why
            else:
                raise ValueError('no file fits %s' % c.name)
        out += [b for b in buckets if b.cases]
    return out, moved


def shared_runs(remove):
    """Values of a file sharing a 12-character run with another value of it (only possible
    within one input: inputs that would share one go to different files)."""
    out = set()
    for i, a in enumerate(remove):
        for b in remove[i + 1:]:
            if shares_run(a['value'], b['value']):
                out.add(a['value'])
                out.add(b['value'])
    return out


def licence_of(repo):
    text = repo.show('LICENSE')
    if 'Apache License' not in text or 'Version 2.0, January 2004' not in text:
        raise ValueError('LICENSE is not the Apache-2.0 text any more: check it')
    return 'Apache-2.0'


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--repo', default=DEFAULT_GITDIR, help='git directory of aquasecurity/trivy')
    ap.add_argument('--commit', default='HEAD')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args(argv)

    repo = Repo(REPO, a.repo, a.commit)
    repo.licence = licence_of(repo)
    cases, used_tests, tests = build_cases(repo)
    buckets, moved = assemble(cases)

    for fn in os.listdir(a.out):
        if fn.endswith('.txt') or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'trivy', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {REPO: {'commit': repo.commit, 'licence': repo.licence}},
              'files': {}}
    problems, shared, file_cases = [], 0, {}
    for b in sorted(buckets, key=lambda b: b.name):
        name = b.name + '.txt'
        text = b.render()
        remove, keep = b.labels()
        problems += ['%s: %s' % (name, e) for e in labels_check.verify(text, remove, keep)]
        shared += len(shared_runs(remove))
        data = text.encode('utf-8', 'surrogateescape')
        with open(os.path.join(a.out, name), 'wb') as fh:
            fh.write(data)
        labels['files'][name] = {
            'source': {'repo': REPO, 'commit': repo.commit, 'path': sorted(b.paths)},
            'bytes': len(data),
            'remove': remove,
            'keep': keep,
        }
        file_cases[name] = b.cases
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, repo, labels, file_cases, used_tests, tests, moved, shared)

    for p in problems:
        print('PROBLEM', p)
    for name, f in labels['files'].items():
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        print('%-30s %2d inputs  remove %3d (%s)  keep %3d' % (
            name, len(file_cases[name]), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))
    for reason, n in sorted(STATS.skipped.items(), key=lambda x: (-x[1], x[0])):
        print('left out (%d): %s' % (n, reason))
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d remove labels, %d keep labels; %d values share a 12-char run with another value '
          'of their input; checks: %s' % (len(labels['files']), n_rm, n_kp, shared,
                                          'FAILED (%d problems)' % len(problems) if problems else 'all pass'))
    return 1 if problems else 0


def write_sources_md(out, repo, labels, file_cases, used_tests, tests, moved, shared):
    L = []
    L.append("""# Sources of the trivy-derived corpus

Every file here is built by `build.py` from the test data of
[trivy](https://github.com/%s)'s secret scanner (`%s*`, the inputs) and the findings
`TestSecretScanner` expects for them (`%s`).  Nothing in this folder comes from this project's
own code.  Each input is copied as it is (its own syntax: `.env` and `KEY=value` lines, YAML, JSON,
XML, PEM blocks, a minified JavaScript bundle, a connection string, a SAS query string), the inputs
of a file separated by a blank line.

This corpus is **held out**: it is used to measure recall and over-redaction, and the project is
not tuned on it (see `../README.md`).

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s |

The licence is the `LICENSE` file at that commit (Apache License 2.0); the inputs are kept here
unmodified, under that licence.  `obfuscated.js` is a minified web-app bundle (its chunk name is
`webpackChunkmattermost_webapp`) that trivy stores as test data; it is copied like the others.
""" % (REPO, TESTDATA, TEST_FILE, REPO, REPO, repo.commit, repo.licence))

    tot = {'provider_key': 0, 'credential': 0, 'payment': 0, 'customer': 0}
    nk = 0
    for f in labels['files'].values():
        for r in f['remove']:
            tot[r['category']] += 1
        nk += len(f['keep'])
    npos = sum(1 for cs in file_cases.values() for c in cs if c.polarity == 'tp')
    nneg = sum(1 for cs in file_cases.values() for c in cs if c.polarity == 'fp')
    L.append("""## Cases

| positive inputs | negative inputs (keep) | remove labels: provider_key | credential | payment | customer | keep labels |
| --- | --- | --- | --- | --- | --- | --- |
| %d | %d | %d | %d | %d | %d | %d |
""" % (npos, nneg, tot['provider_key'], tot['credential'], tot['payment'], tot['customer'], nk))

    L.append("""## Files

All files come from `%s` at commit `%s` (%s).  `path` in labels.json lists the testdata inputs a
corpus file holds; every label also carries `path` (the input) and `test` (the test case's name
in `scanner_test.go`), and remove labels their `rule` (trivy's builtin rule id).  `-2`, `-3`, ...
files hold inputs whose values would collide with a label of the main file of the family (the
same alphabet body reused by several rules' inputs, one key body under several OpenAI prefixes, a
PEM body reused in JSON).

| corpus file | inputs (`testdata/…`) and rules | remove labels | keep labels |
| --- | --- | --- | --- |""" % (REPO, repo.commit[:12], repo.licence))
    for name, f in sorted(labels['files'].items()):
        cs = file_cases[name]
        desc = []
        for c in cs:
            desc.append('`%s` (%s)' % (c.name, ', '.join('`%s`' % r for r in c.rules) if c.rules else 'negative'))
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        L.append('| `%s` | %s | %d (%s) | %d |' % (
            name, ', '.join(desc), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))

    L.append("""
## Rules

| builtin rule | family | category | kind(s) | remove labels |
| --- | --- | --- | --- | --- |""")
    for rid, (fam, cat, kind) in RULES.items():
        kinds, n = [], 0
        for f in labels['files'].values():
            for r in f['remove']:
                if r['rule'] == rid:
                    n += 1
                    if r['kind'] not in kinds:
                        kinds.append(r['kind'])
        L.append('| `%s` | %s | %s | %s | %d |' % (rid, fam, cat, ', '.join('`%s`' % k for k in kinds) or
                                                     '`%s`' % kind, n))

    L.append("""
## Tests used

| test (`TestSecretScanner`) | config | input | expected findings |
| --- | --- | --- | --- |""")
    for name, cfg, inp, n in used_tests:
        L.append('| %s | `%s` | `%s` | %d |' % (name, cfg, inp, n))

    L.append("""
## How values were obtained

- **Positives**: each expected finding of a used test gives a `remove` label.  `Offset` is the
  byte offset of the secret in the input (after the test strips `\\r`); `Match` and the `Code`
  lines marked `IsCause` are the input lines with every secret replaced by `*` (sometimes a
  window of a long line).  Each masked line is aligned with the input line (the only place where
  all its unmasked characters agree, and whose masked run covers `Offset`), and the value is the
  run of masked characters that starts at `Offset`, across the newlines of a multi-line finding.
  So the label is what trivy hides, and only that: for `GitHub PAT: ghp_…xyz12` trivy's rule
  stops 2 characters before the end of the token, and the label does too.
  - Private keys: the PEM body only, without the BEGIN/END lines and without the newlines (real,
    or `\\n` escapes inside a JSON string) at its ends; a one-line key's body between its
    markers.
  - A value reported by several tests is one label per file (same kind); a value reported twice
    in one input is one label.
  - Positives that are plainly placeholders (a body of one short unit repeated, `KEYKEYKEY…`, or
    of two characters, `pk_live_xXX1xXXX…`) keep their remove label under a `*_placeholder` kind.
  - Categories: `provider_key` for AI providers (OpenAI keys and realtime client secrets,
    Hugging Face, Azure AI services keys), `payment` for Stripe, `credential` for everything else.
- **Negatives** (a used test that expects no finding): only values that are plainly not secret
  become `keep` labels (kind `peer_negative`), listed by hand in `KEEP` in build.py: prose lines,
  code identifiers (`DISPID_…`, `_call_hf_processor…`), Maven property placeholders
  (`${env.MAVEN_REPO_PASS}`).  A few plain values of positive inputs are kept the same way (prose
  lines of `crlf-line-endings.txt`, a comment of `asymmetric-private-key.txt`, the storage service
  version `sv=2023-11-03` of the SAS query string, an asset URL, an i18n id and an error message of
  the JavaScript bundle).  Everything else stays unlabelled (neutral): key-shaped strings that fail
  only a prefix, boundary, length or encoding test (`asdLTAI…`, `Sogho_ICANVAS…`, `abcdexoxb-…`,
  `token2=ghp_…` broken by invalid UTF-8), identifiers wrapping a token prefix, Maven-encrypted
  values (`{COQLCE6DU6GtcS5P=}`), an assembly public key, the AWS account id, host names, the
  empty PEM block, and AWS's documented example key `AKIAIOSFODNN7EXAMPLE`.
- **Values that occur more than once**: `alibaba-access-key-id.txt` holds its key six times, once
  reported and five times glued to other letters (`asdLTAI…`, `…G123asd`): the label is the key,
  so every copy must go for it to count as caught.
- **Files**: scoring looks for a value anywhere in a file, so an input joins a family file only
  when its values do not collide with that file's: an identical value already labelled there
  (same kind) is one label; otherwise a value that occurs unlabelled in the file, a value of the
  file that occurs unlabelled in the input, any 12-character run shared with a value of the file,
  or a keep value holding a remove value sends the input to the next file of its family (`-2`,
  `-3`, ...).  Inputs with findings of several families go to `trivy-mixed*.txt`.
- **Checks** (run by build.py on every file with `labels_check.verify`; the build exits non-zero if
  one fails): every label occurs in its file, replacing exactly the `remove` values with `%s`
  removes every 12-character probe of each of them while every `keep` value survives, no keep
  value holds a remove value, and values are not repeated within a file.  A short value (under
  12 characters) must occur in its input only where it is reported.
- Values of one input that share a 12-character run: %d (an input is never split, so missing one
  such value would also count against its neighbour; inputs that would share one with another
  input's value go to different files).
""" % (labels_check.MARK, shared))

    L.append("""## Scope decisions

Tests read: `TestSecretScanner` only, and of it only the tests that scan with trivy's builtin
rules: config `skip-test.yaml` (it disables the builtin allow rule for test paths and nothing
else; every input sits under `testdata/`, so without it nothing would be scanned), and
`config.yaml` (the same plus a custom rule `rule1`) when no expected finding comes from `rule1`
(AWS, Hugging Face, Grafana, JWT, Symfony and Private Packagist inputs).
`TestSecretScannerWithStreaming` is not read: its inputs are Go strings built in the test
(chunk-boundary padding of `x`/`y`/`z` runs), not test data, and repeat values of the testdata
inputs.  `TestParseConfig` and `TestIsSkippedSlashConversion` test config parsing only.

Every builtin rule that a used test exercises is in scope (a WordPress/WooCommerce site, its server
or its support evidence can hold them):
""")
    for fam in FAMILIES:
        rids = [r for r, v in RULES.items() if v[0] == fam]
        if rids:
            L.append('- %s: %s' % (fam, ', '.join('`%s`' % r for r in rids)))
    L.append("""
Judgement calls kept in: Alibaba Cloud keys (WordPress offload plugins for Alibaba OSS), Azure
DevOps, Container Registry and App Configuration secrets and Docker config auth blobs (hosting and
deploy tooling, CI secrets), Grafana tokens (monitoring), Private Packagist tokens (Composer
`auth.json` of Bedrock-style WordPress installs), Maven settings passwords (a generic password in
XML config; Java tooling is rare on a PHP host, but the syntax is the same as other XML configs),
the Symfony default secret `ThisTokenIsNotSoSecretChangeIt` (a PHP framework's published default
that trivy reports because an app still uses it; kind `symfony_default_secret`), and the Azure AI
services key as `provider_key` (the key of Azure OpenAI, which AI plugins support).  The Stripe
publishable key is public by design (it sits in checkout page JavaScript) but is labelled
`payment` like the reference corpus labels `pk_live_` keys; here it is a placeholder
(`pk_live_xXX1xXXX…`, kind `stripe_publishable_key_placeholder`).

Left out:
""")
    for reason, n in sorted(STATS.skipped.items(), key=lambda x: (-x[1], x[0])):
        L.append('- %s: %d test(s)' % (reason, n))
    if moved:
        L.append('\nInputs placed in a `-N` file, and why they could not join the first file of their '
                 'family:\n')
        for c, why in moved:
            L.append('- `%s`: %s' % (c.name, why))
    L.append('\nOther counts:\n')
    for what, n in sorted(STATS.notes.items()):
        L.append('- %s: %d' % (what, n))
    L.append("""
## Rebuilding

```sh
python3 tests/external/trivy/build.py --repo GITDIR
```

GITDIR is a git directory holding aquasecurity/trivy (for example a
`git clone --bare https://github.com/aquasecurity/trivy`); files are read at HEAD (`--commit` to
pin the commit above).  Needs Python 3.8+, standard library only, and `../labels_check.py`.  The
output is deterministic for a given commit.  The build fails on anything it does not know (a new
test, config, testdata file or rule id, an input used by two tests, a negative input not reviewed,
a finding whose masked lines do not align with its input), so a newer snapshot is reviewed before
it is used.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
