#!/usr/bin/env python3
"""Build tests/external/semgrep: a labelled redaction corpus made from the test files of
semgrep-rules' hard-coded secret rules, in the format of shared/redaction-corpus.

    python3 build.py [GITDIR] [--repo GITDIR] [--commit REV] [--out DIR]

GITDIR is a git directory (bare or not) holding github.com/semgrep/semgrep-rules (default: the
local mirror); files are read with `git show` at REV (default: the commit recorded below, so a
fresh `git clone --bare` rebuilds the same corpus) and the commit is recorded.  Nothing is run.

Inputs: the test file of every rule that flags a hard-coded secret, password, API key, token or
private key (listed in FILES below, with the group = corpus file it goes to; the rules that look
related but give nothing to label are listed in LEFT_OUT with the reason).  A semgrep test file
marks its cases with comments: `ruleid: <rule>` (the next code line, or its own line for a
trailing comment, must be flagged), `ok: <rule>` (must not be flagged), `todoruleid`/`todook`.

Labels (table.py, one entry per annotated line, reviewed by hand; the build fails when a ruleid
annotation of a file has no entry, or an entry no annotation, so a newer snapshot is reviewed):
- remove: the hard-coded literal a ruleid line holds, as it sits in the file (without quotes);
  for URLs only the password, for webhooks the secret segment(s), for PEM/PGP blocks the body.
  Lines whose flagged thing is not a literal (a variable, a call, an ARG without default, nil),
  values shorter than 4 characters and non-secrets that a rule also flags (Flask TESTING/ENV/
  DEBUG, an AWS account id, `"type": "service_account"`) are listed as `skip`.
- keep: a few literals of ok lines that are plainly not secret (environment variable names and
  references, code, hashes, URLs without a password, placeholders, package names).

Checks, all automatic: each value occurs in the region of its annotation; in its test file every
occurrence of a remove value stands alone (no letter, digit, `_` or `-` glued to it: `secret`
inside `secret_const` or a rule name would make the label impossible) and no 12-character run of
it is left once the file's remove values are masked.  A test file under generic/secrets/ that
fails this is split at blank lines (then at annotations) into parts that pass, the parts going to
different corpus files; in other files the failing label is dropped.  Files are packed into one
corpus file per group (`semgrep-<group>.txt`, `-2`, `-3` ... when values would collide or the file
would pass MAX_BYTES), each test file preceded by a line `==== <path> ====`.  Every corpus file is
checked with ../labels_check.py; the build exits non-zero if anything fails.

The .txt files are not stored in the repository (see SOURCES.md, licence): run this to make them.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import labels_check  # noqa: E402
from table import TABLE  # noqa: E402

PROBE = labels_check.PROBE
REPO = 'semgrep/semgrep-rules'
DEFAULT_GITDIR = '/work/.mirror/semgrep+semgrep-rules/repo'
PINNED = '157ae4706d7f54aa33647332f234dd68f30da195'
MAX_BYTES = 60000
MAX_FILES = 12
MIN_LEN = 4

# ---------------------------------------------------------------- scope

GITLEAKS = 'generic/secrets/gitleaks/'
SECURITY = 'generic/secrets/security/'

# group -> test files (in this order); every non-rule file under generic/secrets/ is in scope
LANG_FILES = {
    'gradle': ['generic/gradle/security/build-gradle-password-hardcoded.build.gradle',
               'kotlin/gradle/security/build-gradle-password-hardcoded.build.gradle.kts'],
    'go': ['go/jwt-go/security/jwt.go'],
    'java': ['java/java-jwt/security/jwt-hardcode.java'],
    'javascript': ['javascript/express/security/audit/express-session-hardcoded-secret.ts',
                   'javascript/express/security/express-jwt-hardcoded-secret.js',
                   'javascript/jose/security/jwt-hardcode.js',
                   'javascript/jsonwebtoken/security/jwt-hardcode.js',
                   'javascript/jsonwebtoken/security/example1.js',
                   'javascript/jsonwebtoken/security/example2.js',
                   'javascript/jsonwebtoken/security/example3.js',
                   'javascript/jsonwebtoken/security/example4.js',
                   'javascript/jsonwebtoken/security/simple-examples.js',
                   'javascript/lang/security/audit/hardcoded-hmac-key.js',
                   'javascript/passport-jwt/security/passport-hardcode.js'],
    'python': ['python/boto3/security/hardcoded-token.py',
               'python/flask/security/audit/hardcoded-config.py',
               'python/jwt/security/jwt-hardcode.py',
               'python/lang/security/audit/hardcoded-password-default-argument.py'],
    'ruby': ['ruby/jwt/security/jwt-hardcode.rb',
             'ruby/lang/security/hardcoded-http-auth-in-controller.rb',
             'ruby/lang/security/hardcoded-secret-rsa-passphrase.rb',
             'ruby/rails/security/brakeman/check-rails-secret-yaml.secrets.test.yml',
             'ruby/rails/security/brakeman/check-secrets.rb',
             'ruby/rails/security/brakeman/check-rails-session-secret-handling.rb'],
    'scala': ['scala/jwt-scala/security/jwt-scala-hardcode.scala',
              'scala/scala-jwt/security/jwt-hardcode.scala'],
    'terraform': ['terraform/aws/security/aws-provider-static-credentials.tf',
                  'terraform/aws/security/aws-lambda-environment-credentials.tf',
                  'terraform/lang/security/rds-insecure-password-storage-in-source-code.tf'],
    'yaml': ['yaml/kubernetes/security/secrets-in-config-file.test.yaml'],
    'swift': ['swift/lang/storage/sensitive-storage-userdefaults.swift'],
    'dockerfile': ['dockerfile/security/secret-in-build-arg.dockerfile'],
}
GROUPS = ['generic', 'gitleaks', 'dockerfile', 'go', 'gradle', 'java', 'javascript', 'python',
          'ruby', 'scala', 'swift', 'terraform', 'yaml']

# related-looking test files that are not used, and why
LEFT_OUT = {
    GITLEAKS + 'dropbox-long-lived-api-token.go': 'no ruleid annotation (a `TODO:` marker only)',
    GITLEAKS + 'dropbox-short-lived-api-token.go': 'no ruleid annotation (a `todo:` marker and an empty string)',
    'python/django/security/hashids-with-django-secret.py': 'flags settings.SECRET_KEY used as a hashids salt: no literal',
    'python/flask/security/hashids-with-flask-secret.py': "flags app.config['SECRET_KEY'] used as a hashids salt: no literal",
    'python/jwt/security/jwt-exposed-credentials.py': 'flags passwords put into a JWT payload (variables, the number 123)',
    'ruby/jwt/security/jwt-exposed-credentials.rb': 'flags passwords put into a JWT payload (the number 12345)',
    'generic/bicep/security/secure-parameter-for-secrets.bicep': 'parameter declarations without values',
    'apex/lang/security/ncino/encryption/BadCrypto.cls': "the hard-coded AES key is sixteen '0' characters; the IVs are not secrets",
    'apex/lang/security/ncino/endpoints/NamedCredentialsConstantMatch.cls': 'credentials built from parameters: no literal',
    'apex/lang/security/ncino/endpoints/NamedCredentialsStringMatch.cls': 'credentials built from parameters: no literal',
    'terraform/azure/security/azure-scale-set-password.tf': 'flags password authentication being enabled: no value',
}

PROVIDER = {'openai-api-key': 'openai', 'huggingface-access-token': 'huggingface',
            'huggingface-organization-api-token': 'huggingface'}
PAYMENT = {'stripe-access-token': 'stripe_secret_key', 'square-access-token': 'square_access_token',
           'flutterwave-encryption-key': 'flutterwave_encryption_key',
           'flutterwave-public-key': 'flutterwave_public_key',
           'flutterwave-secret-key': 'flutterwave_secret_key', 'gocardless-api-token': 'gocardless_token',
           'detected-paypal-braintree-access-token': 'braintree_access_token',
           'detected-square-access-token': 'square_access_token',
           'detected-square-oauth-secret': 'square_secret',
           'detected-stripe-api-key': 'stripe_secret_key',
           'detected-stripe-restricted-api-key': 'stripe_restricted_key'}
# rule -> kind (credential) for the rules outside generic/secrets/gitleaks
KINDS = {
    'detected-amazon-mws-auth-token': 'amazon_mws_token', 'detected-artifactory-password': 'artifactory_password',
    'detected-artifactory-token': 'artifactory_token', 'detected-aws-access-key-id-value': 'aws_access_key_id',
    'detected-aws-account-id': 'aws_account_id', 'detected-aws-appsync-graphql-key': 'aws_appsync_api_key',
    'detected-aws-secret-access-key': 'aws_secret_access_key', 'detected-aws-session-token': 'aws_session_token',
    'detected-bcrypt-hash': 'password_hash', 'detected-codeclimate': 'codeclimate_token',
    'detected-etc-shadow': 'password_hash', 'detected-facebook-access-token': 'facebook_access_token',
    'detected-facebook-oauth': 'facebook_secret', 'detected-generic-api-key': 'api_key',
    'detected-generic-secret': 'generic_secret', 'detected-github-token': 'github_token',
    'detected-google-api-key': 'google_api_key', 'detected-google-cloud-api-key': 'google_api_key',
    'detected-google-gcm-service-account': 'gcp_service_account', 'detected-google-oauth-access-token': 'google_oauth_token',
    'detected-google-oauth-url': 'google_client_id', 'detected-heroku-api-key': 'heroku_api_key',
    'detected-hockeyapp': 'hockeyapp_key', 'detected-jwt-token': 'jwt', 'detected-kolide-api-key': 'kolide_api_key',
    'detected-mailchimp-api-key': 'mailchimp', 'detected-mailgun-api-key': 'mailgun_api_key',
    'detected-npm-registry-auth-token': 'npm_token', 'detected-onfido-live-api-token': 'onfido_api_token',
    'detected-outlook-team': 'outlook_webhook', 'detected-pgp-private-key-block': 'private_key',
    'detected-picatic-api-key': 'picatic_api_key', 'detected-private-key': 'private_key',
    'detected-sauce-token': 'sauce_token', 'detected-sendgrid-api-key': 'sendgrid',
    'detected-slack-token': 'slack_token', 'detected-slack-webhook': 'slack_webhook',
    'detected-snyk-api-key': 'snyk_token', 'detected-softlayer-api-key': 'softlayer_api_key',
    'detected-sonarqube-docs-api-key': 'sonarqube_token', 'detected-ssh-password': 'ssh_password',
    'detected-telegram-bot-api-key': 'telegram_bot_token', 'detected-twilio-api-key': 'twilio',
    'detected-username-and-password-in-uri': 'url_password', 'google-maps-apikeyleak': 'google_api_key',
    'build-gradle-password-hardcoded': 'password', 'hardcoded-jwt-key': 'jwt_secret',
    'java-jwt-hardcoded-secret': 'jwt_secret', 'express-session-hardcoded-secret': 'session_secret',
    'express-jwt-hardcoded-secret': 'jwt_secret', 'hardcoded-jwt-secret': 'jwt_secret',
    'hardcoded-hmac-key': 'hmac_key', 'hardcoded-passport-secret': 'jwt_secret',
    'hardcoded-token': 'aws_secret_access_key', 'avoid_hardcoded_config_SECRET_KEY': 'flask_secret_key',
    'avoid_hardcoded_config_TESTING': 'flask_config', 'avoid_hardcoded_config_ENV': 'flask_config',
    'avoid_hardcoded_config_DEBUG': 'flask_config', 'jwt-python-hardcoded-secret': 'jwt_secret',
    'hardcoded-password-default-argument': 'password', 'ruby-jwt-hardcoded-secret': 'jwt_secret',
    'hardcoded-http-auth-in-controller': 'password', 'hardcoded-secret-rsa-passphrase': 'key_passphrase',
    'check-rails-secret-yaml': 'rails_secret_key_base', 'check-secrets': 'password',
    'check-rails-session-secret-handling': 'rails_secret_token', 'jwt-scala-hardcode': 'jwt_secret',
    'scala-jwt-hardcoded-secret': 'jwt_secret', 'aws-provider-static-credentials': 'aws_secret_access_key',
    'aws-lambda-environment-credentials': 'aws_secret_access_key',
    'rds-insecure-password-storage-in-source-code': 'db_password', 'secrets-in-config-file': 'k8s_secret_data',
    'swift-user-defaults': 'api_key', 'secret-in-build-arg': 'build_arg_secret',
}

SKIP_REASONS = {
    'variable': 'the flagged line passes a variable, attribute or call, not a literal',
    'no-value': 'nothing to redact on the flagged line (ARG without default, nil, an empty shadow field)',
    'short': 'the literal is shorter than 4 characters',
    'not-secret': 'the rule also flags a non-secret setting (Flask TESTING/ENV/DEBUG, "type": "service_account")',
    'identifier': 'an AWS account id (an identifier, not a secret; left neutral like trivy/ does)',
    'placeholder': "placeholder key bodies ('anything', the alphabet)",
}


def category_kind(rule):
    if rule in PROVIDER:
        return 'provider_key', PROVIDER[rule]
    if rule in PAYMENT:
        return 'payment', PAYMENT[rule]
    if rule in KINDS:
        return 'credential', KINDS[rule]
    return 'credential', rule.replace('-', '_')


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, gitdir, rev):
        self.gitdir = gitdir
        self.commit = self.git('rev-parse', rev + '^{commit}').strip()

    def git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout.decode('utf-8', 'surrogateescape')

    def show(self, path):
        return self.git('show', self.commit + ':' + path)

    def ls(self, prefix):
        return self.git('ls-tree', '-r', '--name-only', self.commit, prefix).splitlines()


def licence_of(repo):
    text = repo.show('LICENSE')
    if 'Commons Clause' in text and 'LGPL 2.1' in text:
        return 'LGPL-2.1 with the Commons Clause License Condition v1.0'
    raise ValueError('LICENSE is not LGPL-2.1 + Commons Clause at this commit (semgrep-rules moved to the '
                     '"Semgrep Rules License v1.0" later): review it before using this snapshot')


# ---------------------------------------------------------------- annotations

ANN = re.compile(r'(?:#|//|<!--|/\*|--|^\s*/)\s*(ruleid|ok|todoruleid|todook|okid)\b\s*'
                 r'(?::\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*)|(?:-->)?\s*$)', re.I)


def annotations(lines):
    """[(line index of comment, kind, rules, target index)]: the target is the comment's own line
    when code precedes it, else the next line that is neither blank nor an annotation."""
    out = []
    is_ann = []
    for l in lines:
        m = ANN.search(l)
        is_ann.append(bool(m) and not l[:m.start()].strip())
    for i, l in enumerate(lines):
        m = ANN.search(l)
        if not m:
            continue
        kind = m.group(1).lower()
        kind = {'okid': 'ok'}.get(kind, kind)
        rules = [r.strip() for r in (m.group(2) or '').split(',') if r.strip()]
        if l[:m.start()].strip():
            t = i
        else:
            t = i + 1
            while t < len(lines) and (not lines[t].strip() or is_ann[t]):
                t += 1
        out.append((i, kind, rules, t))
    return out


# ---------------------------------------------------------------- bookkeeping

class Stats:
    def __init__(self):
        self.skipped = {}     # reason -> [(path, line, rule)]
        self.dropped = []     # (path, value, rule, why)
        self.split = []       # (path, parts)
        self.moved = []       # (case name, why)
        self.notes = {}

    def note(self, what, n=1):
        self.notes[what] = self.notes.get(what, 0) + n


STATS = Stats()

WORD = re.compile(r'[A-Za-z0-9_\-]')


def loose_occurrences(text, v, others=()):
    """Occurrences of v glued to a letter, digit, `_` or `-` (not counting those inside an
    occurrence of a longer value of the same file)."""
    covered = []
    for o in others:
        if len(o) > len(v) and v in o:
            start = 0
            while True:
                k = text.find(o, start)
                if k < 0:
                    break
                covered.append((k, k + len(o)))
                start = k + 1
    bad = []
    start = 0
    while True:
        k = text.find(v, start)
        if k < 0:
            break
        start = k + 1
        if any(a <= k and k + len(v) <= b for a, b in covered):
            continue
        before = text[k - 1] if k else ''
        after = text[k + len(v)] if k + len(v) < len(text) else ''
        if (before and WORD.match(before)) or (after and WORD.match(after)):
            bad.append(k)
    return bad


def internal_problems(text, remove):
    """remove values that the text makes impossible: glued to other text, or a 12-character run
    left once all remove values are masked."""
    vals = [r['value'] for r in remove]
    uniq = sorted(set(vals), key=vals.index)
    out = {}
    for v in uniq:
        if loose_occurrences(text, v, vals):
            out[v] = 'occurs glued to other text in its test file (e.g. inside an identifier, a rule name or the path)'
    masked = labels_check.mask(text, set(vals))
    g = labels_check.grams(masked)
    for v in uniq:
        if v in out:
            continue
        if (v in masked) if len(v) < PROBE else any(p in g for p in labels_check.probes(v)):
            out[v] = 'shares a 12-character run with unlabelled text of its test file (a near-duplicate ok case)'
    return out


# ---------------------------------------------------------------- cases

class Case:
    """A test file (or a part of one) with its labels."""

    def __init__(self, path, lines_ranges, body, remove, keep, header):
        self.path = path
        self.ranges = lines_ranges
        self.body = body
        self.header = header
        self.text = header + '\n' + body.rstrip('\n') + '\n'
        self.remove = remove
        self.keep = keep
        self.name = header.strip('= ')

    @property
    def rules(self):
        out = []
        for r in self.remove + self.keep:
            if r['rule'] not in out:
                out.append(r['rule'])
        return out


def read_file(repo, path):
    text = repo.show(path)
    lines = text.split('\n')
    anns = annotations(lines)
    entries = TABLE.get(path)
    if entries is None:
        raise ValueError('%s: no entry in table.py' % path)
    targets = {}
    for (ci, kind, rules, t) in anns:
        targets.setdefault(t + 1, []).append((ci, kind, rules))
    ann_lines = sorted(ci for (ci, _, _, _) in anns)

    def region(line):
        t = line - 1
        nxt = [ci for ci in ann_lines if ci > t]
        end = nxt[0] if nxt else len(lines)
        return '\n'.join(lines[t:max(end, t + 1)])

    def rule_of(line, want):
        for (ci, kind, rules) in targets.get(line, []):
            if kind in want and rules:
                return rules[0], kind
        return None, None

    covered = set()
    remove, keep = [], []
    for e in entries:
        line, act = e[0], e[1]
        if act in ('rm', 'skip'):
            rule, akind = rule_of(line, ('ruleid', 'todoruleid'))
            if rule is None:
                raise ValueError('%s:%d: %s entry but no ruleid annotation points at this line' % (path, line, act))
            covered.add(line)
            if act == 'skip':
                if e[2] not in SKIP_REASONS:
                    raise ValueError('%s:%d: unknown skip reason %r' % (path, line, e[2]))
                STATS.skipped.setdefault(e[2], []).append((path, line, rule))
                continue
            value = e[2]
            if value not in region(line):
                raise ValueError('%s:%d: value not in the region of its annotation: %r' % (path, line, value[:60]))
            cat, kind = category_kind(rule)
            if len(e) > 3:
                kind = e[3]
            if len(value) < MIN_LEN:
                STATS.skipped.setdefault('short', []).append((path, line, rule))
                continue
            lab = {'category': cat, 'kind': kind, 'value': value, 'rule': rule, 'path': path, 'line': line}
            if akind == 'todoruleid':
                lab['annotation'] = 'todoruleid'
            remove.append(lab)
        elif act == 'keep':
            rule, _ = rule_of(line, ('ok', 'todook'))
            if rule is None:
                if not any(k == 'ok' for (_, k, _) in targets.get(line, [])):
                    raise ValueError('%s:%d: keep entry but no ok annotation points at this line' % (path, line))
                rule = ''
            value = e[2]
            if value not in region(line):
                raise ValueError('%s:%d: keep value not in the region of its annotation: %r' % (path, line, value[:60]))
            keep.append({'kind': e[3], 'value': value, 'rule': rule, 'path': path, 'line': line})
        else:
            raise ValueError('%s:%d: unknown action %r' % (path, line, act))
    for (ci, kind, rules, t) in anns:
        if kind in ('ruleid', 'todoruleid') and (t + 1) not in covered:
            raise ValueError('%s:%d: ruleid annotation (%s) without a table entry' % (path, t + 1, ','.join(rules)))
    return text, lines, anns, remove, keep


def dedupe(labels):
    out, seen = [], set()
    for r in labels:
        if r['value'] in seen:
            STATS.note('value labelled on several lines of one test file (one label)')
            continue
        seen.add(r['value'])
        out.append(r)
    return out


def unit_ranges(lines, anns, how):
    """Line ranges [a, b) of the units of a file: blank-line separated blocks ('blank') or blocks
    starting at each annotation comment ('ann')."""
    n = len(lines)
    while n and not lines[n - 1].strip():
        n -= 1
    if how == 'blank':
        out, a = [], None
        for i in range(n):
            if lines[i].strip():
                if a is None:
                    a = i
            elif a is not None:
                out.append([a, i])
                a = None
        if a is not None:
            out.append([a, n])
        return out
    starts = sorted({ci for (ci, _, _, _) in anns})
    if not starts or starts[0] != 0:
        starts = [0] + starts
    return [[s, e] for s, e in zip(starts, starts[1:] + [n]) if s < n]


def labels_in(lines, rng, labels):
    body = '\n'.join(lines[rng[0]:rng[1]])
    return [r for r in labels if rng[0] < r['line'] <= rng[1] and r['value'] in body]


def fmt_ranges(ranges):
    return ', '.join('%d-%d' % (a + 1, b) if b - a > 1 else '%d' % (a + 1) for a, b in ranges)


def split_file(path, lines, anns, remove, keep):
    """Parts of a generic/secrets file whose labels all pass; labels that fail in every split
    are dropped."""
    units = []
    for rng in unit_ranges(lines, anns, 'blank'):
        sub_r = [r for r in remove if rng[0] < r['line'] <= rng[1]]
        body = '\n'.join(lines[rng[0]:rng[1]])
        if internal_problems('==== %s ====\n' % path + body, sub_r):
            for a in unit_ranges(lines[:rng[1]], [x for x in anns if rng[0] <= x[0] < rng[1]], 'ann'):
                a = [max(a[0], rng[0]), a[1]]
                if a[0] < a[1]:
                    units.append(a)
        else:
            units.append(rng)
    # a label whose value is not inside its unit joins the unit to the next ones
    merged = []
    for u in units:
        merged.append(list(u))
    i = 0
    while i < len(merged):
        u = merged[i]
        need = [r for r in remove if u[0] < r['line'] <= u[1] + 1 and r['value'] not in '\n'.join(lines[u[0]:u[1]])]
        if need and i + 1 < len(merged):
            u[1] = merged[i + 1][1]
            del merged[i + 1]
            continue
        i += 1
    parts = []   # [ranges, remove, keep]
    for u in merged:
        ur = dedupe(labels_in(lines, u, remove))
        uk = labels_in(lines, u, keep)
        for p in parts:
            rr = dedupe(p[1] + ur)
            kk = p[2] + [k for k in uk if k['value'] not in {x['value'] for x in p[2]}]
            body = '\n\n'.join('\n'.join(lines[a:b]) for a, b in p[0] + [u])
            if not internal_problems('==== %s ====\n' % path + body, rr) and \
                    not any(r['value'] in k['value'] for r in rr for k in kk):
                p[0].append(u)
                p[1], p[2] = rr, kk
                break
        else:
            parts.append([[u], ur, uk])
    return parts


def make_cases(repo, path):
    text, lines, anns, remove, keep = read_file(repo, path)
    remove = dedupe(remove)
    header = '==== %s ====' % path
    probs = internal_problems(header + '\n' + text, remove)
    if not probs:
        return [Case(path, None, text, remove, keep, header)]
    if path.startswith('generic/secrets/'):
        parts = split_file(path, lines, anns, remove, keep)
        cases = []
        for i, (ranges, rr, kk) in enumerate(parts):
            ranges.sort()
            body = '\n\n'.join('\n'.join(lines[a:b]) for a, b in ranges)
            h = '==== %s (lines %s) ====' % (path, fmt_ranges(ranges)) if len(parts) > 1 else header
            pr = internal_problems(h + '\n' + body, rr)
            for v, why in pr.items():
                r = [x for x in rr if x['value'] == v][0]
                STATS.dropped.append((path, v, r['rule'], why))
            rr = [x for x in rr if x['value'] not in pr]
            cases.append(Case(path, ranges, body, rr, kk, h))
        if len(parts) > 1:
            STATS.split.append((path, [fmt_ranges(c.ranges) for c in cases]))
        return cases
    for v, why in probs.items():
        r = [x for x in remove if x['value'] == v][0]
        STATS.dropped.append((path, v, r['rule'], why))
    remove = [x for x in remove if x['value'] not in probs]
    return [Case(path, None, text, remove, keep, header)]


# ---------------------------------------------------------------- corpus files

def shares_run(a, b):
    if len(a) < PROBE or len(b) < PROBE:
        return False
    return bool(set(labels_check.probes(a)) & set(labels_check.probes(b)))


class Bucket:
    def __init__(self, name):
        self.name, self.cases = name, []
        self.values = {}     # remove value -> category
        self.masked = []
        self.mgrams = set()
        self.keeps = set()
        self.size = 0

    def fits(self, c):
        """None when c can join this file, else why not (the rules of trivy/build.py: an
        identical value already labelled here is one label; otherwise no value of the case may
        occur in the file's other text or share a 12-character run with it or with a value of
        the file, no value of the file may occur in the case's other text, no keep value may hold
        a remove value), and the file stays under MAX_BYTES."""
        if self.cases and self.size + len(c.text.encode('utf-8', 'surrogateescape')) + 1 > MAX_BYTES:
            return 'the file would pass %d bytes' % MAX_BYTES
        vals = {r['value']: r['category'] for r in c.remove}
        cm = labels_check.mask(c.text, vals)
        cgrams = labels_check.grams(cm)
        for v, cat in vals.items():
            if v in self.values:
                if self.values[v] != cat:
                    return 'the value is labelled under another category in this file'
                continue
            for w in self.values:
                if v in w or w in v:
                    return 'a value is part of another value of this file'
                if shares_run(v, w):
                    return 'a value shares 12 characters with a value of this file'
            if len(v) < PROBE:
                if any(v in m for m in self.masked):
                    return 'a value occurs elsewhere in this file'
            elif self.mgrams & set(labels_check.probes(v)):
                return 'a value shares 12 characters with the text of this file'
        for w in self.values:
            if w in vals:
                continue
            if (w in cm) if len(w) < PROBE else (cgrams & set(labels_check.probes(w))):
                return 'a value of the file occurs in (or shares 12 characters with) this test file'
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
            self.values.setdefault(r['value'], r['category'])
        for k in c.keep:
            self.keeps.add(k['value'])
        self.size += len(c.text.encode('utf-8', 'surrogateescape')) + 1

    def labels(self):
        remove, keep, seen_r, seen_k = [], [], {}, set()
        for c in self.cases:
            for r in c.remove:
                if r['value'] in seen_r:
                    first = seen_r[r['value']]
                    if (r['rule'], r['path']) != (first['rule'], first['path']):
                        first.setdefault('also', []).append({'rule': r['rule'], 'path': r['path'], 'kind': r['kind']})
                        STATS.note('value of several test files in one corpus file (one label, `also` lists the others)')
                    continue
                d = dict(r)
                seen_r[r['value']] = d
                remove.append(d)
            for k in c.keep:
                if k['value'] not in seen_k:
                    seen_k.add(k['value'])
                    keep.append(dict(k))
        return remove, keep

    def render(self):
        return '\n'.join(c.text for c in self.cases)


def assemble(cases_by_group):
    out = []
    for g in GROUPS:
        buckets = []
        for c in cases_by_group.get(g, []):
            why_first = None
            for bi in range(MAX_FILES):
                if bi == len(buckets):
                    buckets.append(Bucket('semgrep-%s' % g if bi == 0 else 'semgrep-%s-%d' % (g, bi + 1)))
                why = buckets[bi].fits(c)
                if why is None:
                    buckets[bi].add(c)
                    if bi:
                        STATS.moved.append((c.name, buckets[bi].name, why_first))
                    break
                why_first = why_first or why
            else:
                raise ValueError('no file fits %s' % c.name)
        out += [b for b in buckets if b.cases]
    return out


def shared_runs(remove):
    out = set()
    for i, a in enumerate(remove):
        for b in remove[i + 1:]:
            if a['value'] != b['value'] and (shares_run(a['value'], b['value']) or a['value'] in b['value']
                                             or b['value'] in a['value']):
                out.add(a['value'])
                out.add(b['value'])
    return out


# ---------------------------------------------------------------- main

def scope(repo):
    groups = {}
    for p in repo.ls('generic/secrets'):
        if p.endswith('.yaml') or p.endswith('.yml'):
            continue
        if p in LEFT_OUT:
            continue
        g = 'gitleaks' if p.startswith(GITLEAKS) else 'generic'
        groups.setdefault(g, []).append(p)
    for g, ps in LANG_FILES.items():
        groups.setdefault(g, []).extend(ps)
    for p in LEFT_OUT:
        repo.show(p)    # fails when the file is gone: review the scope
    extra = set(TABLE) - {p for ps in groups.values() for p in ps}
    if extra:
        raise ValueError('table.py has files out of scope: %s' % sorted(extra))
    return groups


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('gitdir', nargs='?', help='git directory of semgrep/semgrep-rules (same as --repo)')
    ap.add_argument('--repo', default=None, help='git directory of semgrep/semgrep-rules')
    ap.add_argument('--commit', default=PINNED, help='revision to read (default: the recorded commit)')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args(argv)
    gitdir = a.gitdir or a.repo or DEFAULT_GITDIR

    repo = Repo(gitdir, a.commit)
    repo.licence = licence_of(repo)
    groups = scope(repo)
    cases_by_group, no_label = {}, []
    for g in GROUPS:
        for p in groups.get(g, []):
            cs = make_cases(repo, p)
            if not any(c.remove or c.keep for c in cs):
                no_label.append(p)
                continue
            cases_by_group.setdefault(g, []).extend(c for c in cs if c.remove or c.keep)
    buckets = assemble(cases_by_group)

    for fn in os.listdir(a.out):
        if fn.endswith('.txt') or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'semgrep', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {REPO: {'commit': repo.commit, 'licence': repo.licence}},
              'files': {}}
    problems, shared, file_cases = [], 0, {}
    total = 0
    for b in sorted(buckets, key=lambda b: b.name):
        name = b.name + '.txt'
        text = b.render()
        remove, keep = b.labels()
        problems += ['%s: %s' % (name, e) for e in labels_check.verify(text, remove, keep)]
        shared += len(shared_runs(remove))
        data = text.encode('utf-8', 'surrogateescape')
        total += len(data)
        with open(os.path.join(a.out, name), 'wb') as fh:
            fh.write(data)
        paths = []
        for c in b.cases:
            if c.path not in paths:
                paths.append(c.path)
        labels['files'][name] = {
            'source': {'repo': REPO, 'commit': repo.commit, 'path': paths},
            'bytes': len(data),
            'remove': remove,
            'keep': keep,
        }
        file_cases[name] = b.cases
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, repo, labels, file_cases, no_label, shared)

    for p in problems:
        print('PROBLEM', p)
    for name, f in labels['files'].items():
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        print('%-28s %6d bytes %3d test files  remove %3d (%s)  keep %3d' % (
            name, f['bytes'], len(file_cases[name]), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))
    for reason, items in sorted(STATS.skipped.items()):
        print('ruleid lines without a label (%d): %s' % (len(items), reason))
    print('labels dropped by the checks: %d' % len(STATS.dropped))
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d bytes, %d remove labels, %d keep labels; %d values share text with another value '
          'of their file; checks: %s' % (len(labels['files']), total, n_rm, n_kp, shared,
                                          'FAILED (%d problems)' % len(problems) if problems else 'all pass'))
    return 1 if problems else 0


def write_sources_md(out, repo, labels, file_cases, no_label, shared):
    L = []
    L.append("""# Sources of the semgrep-derived corpus

Every file here is built by `build.py` from the test files of the hard-coded secret rules of
[semgrep-rules](https://github.com/%s) (each rule `<rule>.yaml` has a test file `<rule>.<ext>`
next to it whose comments `ruleid:` / `ok:` mark the lines the rule must / must not flag).
Nothing in this folder comes from this project's own code.  Each test file is copied as it is
(Go, Java, JavaScript/TypeScript, Python, Ruby, Scala, Swift, Terraform, Gradle (Groovy and
Kotlin), YAML, Dockerfile, PHP, JSX, `.npmrc` and plain text), preceded by a line
`==== <path> ====`.

This corpus is **held out**: it is used to measure recall and over-redaction, and the project is
not tuned on it (see `../README.md`).

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s |

**Licence and what is stored.**  At this commit `LICENSE` is the GNU LGPL 2.1 with the Commons
Clause License Condition v1.0 (no right to "Sell": to offer a product or service whose value
derives substantially from the software); later commits of semgrep-rules are under the more
restrictive "Semgrep Rules License v1.0" (the rules may be used for internal business purposes
only), so rebuild from this commit.  LGPL 2.1 lets a modified work be distributed only as
a library under the LGPL, the Commons Clause adds a use restriction this project cannot pass on,
and many of the test files are themselves excerpts of third-party code (`cf. https://gist...`).
So, as for `../trufflehog/`, the test files are not redistributed here: only `build.py`,
`table.py` (the reviewed labelling decisions), `labels.json` and this file are kept, and the
`semgrep-*.txt` files are written next to them on demand (ignored by git).  The labels hold only
the short literal values (fake keys, example passwords, placeholders) and, for keep labels, short
non-secret strings.
""" % (REPO, REPO, REPO, repo.commit, repo.licence))

    tot = {'provider_key': 0, 'credential': 0, 'payment': 0, 'customer': 0}
    nk = 0
    for f in labels['files'].values():
        for r in f['remove']:
            tot[r['category']] += 1
        nk += len(f['keep'])
    ntf = len({c.path for cs in file_cases.values() for c in cs})
    L.append("""## Counts

| corpus files | test files | remove labels: provider_key | credential | payment | customer | keep labels |
| --- | --- | --- | --- | --- | --- | --- |
| %d | %d | %d | %d | %d | %d | %d |
""" % (len(labels['files']), ntf, tot['provider_key'], tot['credential'], tot['payment'], tot['customer'], nk))

    L.append("""## Files

All files come from `%s` at commit `%s`.  `path` in labels.json lists the test files a corpus
file holds; every label also carries `rule` (the semgrep rule id of its annotation), `path` (the
test file) and `line` (the line the annotation points at); a remove label found in several test
files of one corpus file is one label, with `also` listing the others.

| corpus file | bytes | test files: rules (remove / keep labels) | remove labels | keep labels |
| --- | --- | --- | --- | --- |""" % (REPO, repo.commit[:12]))
    for name, f in sorted(labels['files'].items()):
        desc = []
        for c in file_cases[name]:
            per = {}
            for r in c.remove:
                per.setdefault(r['rule'], [0, 0])[0] += 1
            for k in c.keep:
                per.setdefault(k['rule'] or '(ok)', [0, 0])[1] += 1
            label = c.path + (' (lines %s)' % fmt_ranges(c.ranges) if c.ranges else '')
            desc.append('`%s`: %s' % (label, ', '.join('`%s` %d/%d' % (r, n[0], n[1]) for r, n in per.items())))
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        L.append('| `%s` | %d | %s | %d (%s) | %d |' % (
            name, f['bytes'], '<br>'.join(desc), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))

    kinds = {}
    for f in labels['files'].values():
        for r in f['remove']:
            kinds.setdefault((r['category'], r['kind']), 0)
            kinds[(r['category'], r['kind'])] += 1
    L.append('\n## Remove labels per kind\n')
    L.append('| category | kind | labels |\n| --- | --- | --- |')
    for (cat, kind), n in sorted(kinds.items()):
        L.append('| %s | `%s` | %d |' % (cat, kind, n))

    L.append("""
## How values were obtained

- **Annotations**: `ruleid: <rule>` (and `todoruleid:`) on a line of its own points at the next
  line that is neither blank nor another annotation; after code it points at its own line.  Each
  such line has an entry in `table.py`, made once with a script and then reviewed line by line:
  `rm` with the value, or `skip` with a reason.  `ok:` lines may have `keep` entries.
- **Remove values** are the literal as it sits in the file, without its quotes: `"secret"` in
  `Algorithm.HMAC256("secret")`, the bare token after `=`/`:` in plain-text cases, the value of an
  unclosed string.  Only the secret part is labelled: the password of a URL
  (`https://user123:Password12^@...`), the last segment of Slack webhooks, the key of Outlook
  webhooks, the path after `webhookb2/` of Teams webhooks, the `access_token=` / `client_secret=`
  parameter of Facebook URLs, the Google OAuth client id without `.apps.googleusercontent.com`,
  `user:password` of a Sidekiq credential, the body of PEM and PGP private keys (without the
  armour lines).  When the literal sits a line or two below the annotation (a multi-line match),
  the value is taken from the region up to the next annotation.
- **Categories and kinds**: `provider_key` for OpenAI and Hugging Face, `payment` for Stripe,
  Square, Braintree, Flutterwave and GoCardless, `credential` otherwise; the kind comes from the
  rule (`jwt_secret`, `password`, `aws_secret_access_key`, `slack_token`, ... for the gitleaks
  rules their rule id).  Values that are plainly placeholders (x-filled, `Q`-filled or a
  repeated short unit, AWS's documented `...EXAMPLE` keys) get a `*_placeholder` kind.
  `todoruleid` lines (none at this commit) would be marked `annotation: todoruleid`.
- **Keep values** (a few per file, listed in `table.py`) come from `ok:` lines only and are plainly
  not secret: environment variable names and references (`LIBRARY_PASS_2`, `${NPM_TOKEN}`,
  `ENV['SECRET']`, `process.env.SECRET`), code (`config.secret`, `ApiKeyGenerator....`), SRI and
  go.sum hashes and image digests, URLs without a password and masked ones, template
  placeholders, package names, prose.  Ok values that still look like a secret (AWS's example
  keys, `ghp_abab...`, placeholders in key positions, the fallback literal of
  `process.env.SECRET || 'fallback-secret'`) stay unlabelled (neutral).
- **Checks** (build.py, on every test file and every corpus file): each value occurs in the
  region of its annotation; a remove value must stand alone wherever it occurs in its test file
  (no letter, digit, `_` or `-` glued to it) and no 12-character run of it may be left once the
  remove values are masked; the corpus files pass `labels_check.verify` (every label occurs,
  replacing exactly the remove values with `%s` removes every probe and keeps every keep value,
  no keep value holds a remove value, no value is labelled twice).
- Values of one file that share a 12-character run or contain one another: %d (e.g. the five
  Jenkins tokens of `generic-api-key.txt`, the JWT without signature inside the signed one):
  missing one of them can count against its neighbours.
""" % (labels_check.MARK, shared))

    L.append("""## Scope

In scope are the rules whose message or CWE (798, 321, 522) is about a hard-coded secret,
password, API key, token or private key: all of `generic/secrets/security/` (the `detected-*`
rules and `google-maps-apikeyleak`), all of `generic/secrets/gitleaks/` (semgrep's port of the
gitleaks rules; its test values are semgrep's own, not gitleaks' test cases), and the language
rules for JWT/HMAC/session/passport secrets, boto3 tokens, Flask `SECRET_KEY`, password default
arguments, Rails secrets, RSA passphrases, Gradle passwords, Terraform AWS/RDS credentials,
Kubernetes Secret data, iOS `UserDefaults` keys and Docker build-arg secrets:
""")
    for g in GROUPS:
        if g in LANG_FILES:
            L.append('- %s: %s' % (g, ', '.join('`%s`' % p for p in LANG_FILES[g])))
    L.append('\nRelated test files not used:\n')
    for p, why in LEFT_OUT.items():
        L.append('- `%s`: %s' % (p, why))
    if no_label:
        L.append('\nTest files in scope that are not in the corpus because no label is left after the checks:\n')
        for p in no_label:
            L.append('- `%s`' % p)

    L.append('\n## Ruleid lines without a label\n')
    L.append('| reason | lines | files (line) |\n| --- | --- | --- |')
    for reason, items in sorted(STATS.skipped.items()):
        per = {}
        for (p, line, rule) in items:
            per.setdefault(p, []).append(str(line))
        L.append('| %s | %d | %s |' % (SKIP_REASONS.get(reason, reason), len(items),
                                       '; '.join('`%s` (%s)' % (p.rsplit('/', 1)[-1], ', '.join(ls))
                                                 for p, ls in per.items())))
    L.append('\n## Labels dropped by the checks\n')
    if STATS.dropped:
        L.append('| test file | rule | value | why |\n| --- | --- | --- | --- |')
        for (p, v, rule, why) in STATS.dropped:
            L.append('| `%s` | `%s` | `%s` | %s |' % (p, rule, v.replace('|', '\\|')[:60], why))
    else:
        L.append('None.')
    if STATS.split:
        L.append('\n## Test files split into parts\n')
        L.append('A test file under `generic/secrets/` whose ok cases would make one of its labels impossible '
                 '(a near-duplicate of the key, the same key inside a PGP *public* block or after a key name '
                 'the rule does not accept) is split at blank lines, then at annotations, into parts that '
                 'pass; the parts go to different corpus files.\n')
        for p, parts in STATS.split:
            L.append('- `%s`: lines %s' % (p, ' | '.join(parts)))
    if STATS.moved:
        L.append('\n## Test files placed in a `-N` file\n')
        for name, b, why in STATS.moved:
            L.append('- `%s` -> `%s.txt`: %s' % (name, b, why))
    if STATS.notes:
        L.append('\nOther counts:\n')
        for what, n in sorted(STATS.notes.items()):
            L.append('- %s: %d' % (what, n))
    L.append("""
## Rebuilding

```sh
# a snapshot of github.com/semgrep/semgrep-rules holding the commit above (full history)
git clone --bare https://github.com/semgrep/semgrep-rules /tmp/semgrep-rules.git
python3 tests/external/semgrep/build.py /tmp/semgrep-rules.git
```

Files are read at the recorded commit (`--commit` to choose another; the build then fails on
any annotation `table.py` does not know, and on a licence other than the one above).  Needs
Python 3.8+, standard library only, `table.py` and `../labels_check.py`.  The output is
deterministic for a given commit.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
