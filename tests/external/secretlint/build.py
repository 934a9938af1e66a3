#!/usr/bin/env python3
"""Build tests/external/secretlint: a labelled redaction corpus made from the
snapshot test fixtures of secretlint's rules, in the format of
shared/redaction-corpus.

    python3 build.py [--repo GITDIR] [--out DIR]

GITDIR is a git directory (bare or not) holding a snapshot of
github.com/secretlint/secretlint (default: the local mirror); files are read at
HEAD with `git show` and the commit is recorded.  Nothing is executed.

Each fixture is packages/@secretlint/secretlint-rule-<rule>/test/snapshots/<case>/
with an input file (`input*`, or the file named by the case's options.ts) and
output.json, the messages secretlint is expected to report: `range` [start, end]
(JavaScript string offsets into the input), `data` (the matched credential) and
`ruleId`/`messageId`.  A case whose output.json lists messages is a positive:
the secret part of each message becomes a `remove` label (derived from `data`
and `range`, then checked against the input; never invented or varied).  A case
without messages is a negative: only values that are plainly not secret, listed
by hand in KEEP below, become `keep` labels.

Inputs are copied as they are (their own syntax: .env, JSON, YAML, code,
markdown), one after the other, separated by a blank line, one file per family.
A case whose values would collide with a label of a file goes to the next file
of its family (`-2`, `-3`, ...).  Every file is checked: each label occurs in
it; replacing exactly the remove values with `[X]` removes every 12-character
probe of each remove value and leaves every keep value.
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from labels_check import MARK, PROBE, grams, mask, probes, verify  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GITDIR = '/work/.mirror/secretlint+secretlint/repo'
REPO = 'secretlint/secretlint'
PKG = 'packages/@secretlint/'
MAX_FILES = 8

# ---------------------------------------------------------------- scope

# rule folder (secretlint-rule-<name>) -> corpus family, in the order files are filled
FAMILIES = [
    ('ai-providers', ['openai', 'anthropic', 'groq', 'huggingface']),
    ('cloud', ['aws', 'gcp', 'azure', 'cloudflare', 'vercel', 'databricks', 'hashicorp-vault']),
    ('code-hosting', ['github', 'gitlab', 'npm']),
    ('messaging', ['slack', 'sendgrid', 'notion', 'linear', 'figma', '1password', 'grafana', 'tailscale',
                   'shopify', 'docker']),
    ('payments', ['stripe']),
    ('generic', ['basicauth', 'database-connection-string']),
    ('keys', ['privatekey', 'secp256k1-privatekey']),
]
FAMILY_OF = {r: f for f, rules in FAMILIES for r in rules}

EXCLUDED_RULES = {
    'example': 'the rule template of the project (an example rule, not a secret family)',
    'pattern': 'user-defined regex patterns: the fixtures test the pattern engine, not a secret family',
    'filter-comments': 'tests `secretlint-disable` comment directives, not secret values',
    'no-homedir': 'flags home-directory paths, not secret values',
    'no-dotenv': 'flags the presence of a `.env` file (by name), not values',
    'no-k8s-kind-secret': 'flags a Kubernetes `kind: Secret` structure, not values',
    'preset-recommend': 'preset: its fixtures duplicate the per-rule fixtures',
    'preset-canary': 'preset: its fixtures duplicate the per-rule fixtures',
    'internal-test-cjs': 'internal loader test, no snapshot fixtures',
    'internal-test-esm': 'internal loader test, no snapshot fixtures',
}

# messageId -> (category, kind, how the secret part is taken from the message)
#   'data'  : the data value itself (token/key as matched)
#   'uri'   : the password of the URI in data (userinfo after the first ':'; up to the last '@')
#   'pem'   : the PEM body of the key in data (between the BEGIN and END lines)
#   'pemrange': the PEM body of the private_key inside input[range] (data holds only the file name)
MESSAGES = {
    'OPENAI_TOKEN': ('provider_key', 'openai', 'data'),
    'ANTHROPIC_API_KEY': ('provider_key', 'anthropic', 'data'),
    'GROQ_API_KEY': ('provider_key', 'groq', 'data'),
    'HUGGINGFACE_USER_ACCESS_TOKEN': ('provider_key', 'huggingface', 'data'),
    'AWSAccessKeyID': ('credential', 'aws_access_key_id', 'data'),
    'AWSSecretAccessKey': ('credential', 'aws_secret_access_key', 'data'),
    'AzureClientSecret': ('credential', 'azure_client_secret', 'data'),
    'AzureClientId': ('credential', 'azure_client_id', 'data'),
    'PrivateKeyJSON': ('credential', 'gcp_private_key', 'pemrange'),
    'CLOUDFLARE_ACCOUNT_API_TOKEN': ('credential', 'cloudflare_api_token', 'data'),
    'CLOUDFLARE_USER_API_TOKEN': ('credential', 'cloudflare_api_token', 'data'),
    'CLOUDFLARE_GLOBAL_API_KEY': ('credential', 'cloudflare_global_api_key', 'data'),
    'VERCEL_PERSONAL_ACCESS_TOKEN': ('credential', 'vercel_token', 'data'),
    'VERCEL_INTEGRATION_TOKEN': ('credential', 'vercel_token', 'data'),
    'VERCEL_APP_ACCESS_TOKEN': ('credential', 'vercel_token', 'data'),
    'VERCEL_APP_REFRESH_TOKEN': ('credential', 'vercel_token', 'data'),
    'VERCEL_AI_GATEWAY_API_KEY': ('credential', 'vercel_token', 'data'),
    'DATABRICKS_PERSONAL_ACCESS_TOKEN': ('credential', 'databricks_token', 'data'),
    'HASHICORP_VAULT_SERVICE_TOKEN': ('credential', 'vault_token', 'data'),
    'HASHICORP_VAULT_BATCH_TOKEN': ('credential', 'vault_token', 'data'),
    'HASHICORP_VAULT_RECOVERY_TOKEN': ('credential', 'vault_token', 'data'),
    'GITHUB_TOKEN': ('credential', 'github_token', 'data'),
    'GITLAB_PERSONAL_ACCESS_TOKEN': ('credential', 'gitlab_token', 'data'),
    'NPM_ACCESS_TOKEN': ('credential', 'npm_token', 'data'),
    'Npmrc_authToken': ('credential', 'npm_token', 'data'),
    'PackageJSON_xOauthToken': ('credential', 'git_url_oauth_token', 'data'),
    'SLACK_TOKEN': ('credential', 'slack_token', 'data'),
    'IncomingWebhook': ('credential', 'slack_webhook', 'webhook'),
    'SENDGRID_KEY': ('credential', 'sendgrid', 'data'),
    'NOTION_INTEGRATION_TOKEN': ('credential', 'notion_token', 'data'),
    'LINEAR_API_TOKEN': ('credential', 'linear_api_key', 'data'),
    'FIGMA_PERSONAL_ACCESS_TOKEN': ('credential', 'figma_token', 'data'),
    'OPS_TOKEN': ('credential', 'onepassword_service_account_token', 'data'),
    'GRAFANA_CLOUD_API_TOKEN': ('credential', 'grafana_token', 'data'),
    'GRAFANA_SERVICE_ACCOUNT_TOKEN': ('credential', 'grafana_token', 'data'),
    'TAILSCALE_API_KEY': ('credential', 'tailscale_key', 'data'),
    'TAILSCALE_AUTH_KEY': ('credential', 'tailscale_key', 'data'),
    'TAILSCALE_CLIENT_KEY': ('credential', 'tailscale_key', 'data'),
    'TAILSCALE_SCIM_KEY': ('credential', 'tailscale_key', 'data'),
    'TAILSCALE_WEBHOOK_KEY': ('credential', 'tailscale_key', 'data'),
    'TAILSCALE_KEY': ('credential', 'tailscale_key', 'data'),
    'SHOPIFY_KEY': ('credential', 'shopify_token', 'data'),
    'DOCKER_PERSONAL_ACCESS_TOKEN': ('credential', 'docker_pat', 'data'),
    'STRIPE_SECRET_KEY_LIVE': ('payment', 'stripe_secret_key', 'data'),
    'STRIPE_SECRET_KEY_TEST': ('payment', 'stripe_secret_key', 'data'),
    'STRIPE_RESTRICTED_KEY_LIVE': ('payment', 'stripe_restricted_key', 'data'),
    'STRIPE_RESTRICTED_KEY_TEST': ('payment', 'stripe_restricted_key', 'data'),
    'BasicAuth': ('credential', 'basic_auth_password', 'uri'),
    'MongoDBConnection': ('credential', 'dsn_password', 'uri'),
    'MySQLConnection': ('credential', 'dsn_password', 'uri'),
    'PostgreSQLConnection': ('credential', 'dsn_password', 'uri'),
    'PrivateKey': ('credential', 'private_key', 'pem'),
    'secp256k1Priv': ('credential', 'secp256k1_private_key', 'data'),
}

# messages that are not labelled (the whole case is left out: nothing else in it is a finding)
MESSAGES_LEFT_OUT = {
    'AWSAccountID': 'AWS account id: an identifier, not a credential (and here a `0000-0000-0000` placeholder)',
    'AzureTenantId': 'Azure tenant id: an identifier, not a credential (the same UUID is the client id of '
                     '`ng.azure_client_id`, labelled there)',
    'PrivateKeyP12': 'binary PKCS#12 file: not text evidence',
}

# Positive cases left out as a whole, with the reason (checked: the build fails if the
# reason no longer applies, e.g. the fixture changed).
CASES_LEFT_OUT = {
    ('sendgrid', 'ng.apikey'): 'the input also holds an unflagged truncated copy of the flagged keys '
                               '(`notSG.APhb3z…332313_L55`), so replacing the flagged values leaves '
                               '12-character runs of them; the case cannot be scored',
}

# Negative cases: the values kept verbatim (whole lines or quoted values of the input),
# or a string saying why the case gives no keep value and is left out.  Values that still
# look like a secret (key-shaped strings failing only a length, prefix or boundary test,
# one-character-changed copies of the positives, placeholders shaped like a provider token
# or sitting in a secret field, masked keys, public keys) are never listed: they stay
# unlabelled (neutral) in the copied input.
NO_PLAIN = 'every value is key-shaped (fails only a length, prefix, boundary or checksum test)'
OPTION = 'negative only because of a rule option (allow-list or a disabled check): the input is a positive'
KEEP = {
    ('1password', 'ok.ops_prefix_but_is_not_jwt'): NO_PLAIN,
    ('1password', 'ok.valid'): ['THIS IS OK'],
    ('anthropic', 'ok.valid'): [
        '# These should NOT be detected as API keys',
        'export const EXAMPLE_URL = "https://api.anthropic.com";',
        'export const EXAMPLE_MODEL = "claude-3-opus-20240229";',
        "# Fat-fingered secret (should not be detected due to double 's')",
        '# OpenAI key (different format)',
        '# Incomplete Anthropic key',
        '# Wrong API version',
    ],
    ('aws', 'ok.AWS Access Key ID--enableIDScanRule-false'): OPTION,
    ('aws', 'options.allows'): OPTION,
    ('aws', 'ok.AWS Secret Access Key'): ['# THIS IS NOT AWS SECRET', '# This is encrypted'],
    ('basicauth', 'ok.database-urls-not-detected'): [
        '# Database connection strings should NOT be detected by basic-auth rule',
        '# MongoDB connections',
        '# MySQL connections',
        '# PostgreSQL connections',
        '# These should be properly handled by database-connection-string rule instead',
    ],
    ('basicauth', 'ok.false-positives-prevented'): [
        '# Test false positive prevention for basic auth rule',
        '# Variable patterns should NOT be detected',
        'const API_URL = "https://${username}:${password}@api.example.com/v1";',
        'const CONFIG_URL = "https://{{user}}:{{pass}}@config.example.com";',
        'const TEMPLATE_URL = "https://{USER}:{PASS}@template.example.com";',
        '# Common placeholders should NOT be detected',
        '# Placeholder documentation URLs should NOT be detected',
        'const DOC_URL = "https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com";',
        'const GUIDE_URL2 = "https://username:REPLACE_WITH_PASSWORD@example.org";',
        '# Short or low-entropy passwords should NOT be detected',
    ],
    ('basicauth', 'ok.valid-url'): ['https://example.com is good'],
    ('cloudflare', 'ok.valid'): [
        '# These should NOT be detected as Cloudflare API tokens',
        '# Too short (fewer than 48 chars after prefix)',
        '# Wrong prefix',
        '# Too long (extra char after checksum, trailing boundary check)',
        '# Valid Cloudflare URL (not a token)',
        'https://api.cloudflare.com/client/v4/zones',
    ],
    ('database-connection-string', 'ok.valid'): [
        '# Valid database connection strings that should NOT be detected (false positives)',
        '# Template/placeholder patterns',
        'const MYSQL_TEMPLATE = "mysql://user:${PASSWORD}@example.com:3306/db";',
        'const PG_TEMPLATE = "postgresql://{username}:{password}@{{host}}:5432/{database}";',
        '# Connection strings without credentials',
        'const MONGO_NO_AUTH = "mongodb://localhost:27017/database";',
        'const MYSQL_NO_AUTH = "mysql://db.example.com:3306/app";',
        'const PG_NO_AUTH = "postgresql://db.server.com:5432/production";',
        '# Connection strings with obvious placeholders',
        'const CONFIG_EXAMPLE = "mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.mongodb.net/test";',
        'const DOC_EXAMPLE = "mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/database";',
        '# Bash default value pattern (${VAR:-default})',
        'postgres="postgres://postgres@${POSTGRES_HOST:-localhost}:${POSTGRES_PORT:-5432}/$dbname?sslmode=disable"',
        '# Makefile variable patterns ($(VAR))',
        'DB_URL = postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)',
        'MYSQL_URL = mysql://$(DB_USER):$(DB_PASS)@$(DB_HOST):$(DB_PORT)/$(DB_NAME)',
        'MONGO_URI = mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@$(MONGO_HOST):$(MONGO_PORT)/$(MONGO_DB)',
    ],
    ('databricks', 'ok.valid'): [
        '# These should NOT be detected as Databricks tokens',
        '# Too short (only 4 hex chars after dapi)',
        '# Too long (body exceeds the expected 32 hex chars after dapi)',
        '# Mid-word / variable name (letter boundary)',
        '# Unrelated prefix',
        '# Databricks docs URL (not a token)',
        'https://docs.databricks.com/aws/en/dev-tools/auth/pat',
    ],
    ('docker', 'ok.valid'): ['DOCKER_TOKEN=not_a_real_token'],
    ('figma', 'ok.allows'): OPTION,
    ('figma', 'ok.valid'): ['THIS IS OK'],
    ('gcp', 'ok.valid-json'): 'only `"DUMMY"` placeholders sitting in the private-key fields',
    ('gcp', 'ok.invalid-p12-empty'): 'binary PKCS#12 fixture (empty file)',
    ('gcp', 'ok.invalid-p12-huge-iter'): 'binary PKCS#12 fixture',
    ('gcp', 'ok.invalid-p12-no-mac'): 'binary PKCS#12 fixture',
    ('gcp', 'ok.invalid-p12-random'): 'binary PKCS#12 fixture',
    ('gcp', 'ok.invalid-p12-truncated'): 'binary PKCS#12 fixture',
    ('gcp', 'ok.secure-privatekey-p12'): 'binary PKCS#12 fixture',
    ('github', 'ok.valid'): ['gXX is not GitHub Token prefix'],
    ('gitlab', 'ok.too_short'): NO_PLAIN,
    ('gitlab', 'ok.valid'): ['THIS IS OK'],
    ('grafana', 'ok.valid'): ['THIS IS OK'],
    ('groq', 'ok.allows'): OPTION,
    ('groq', 'ok.valid'): [
        '# These should NOT be detected as Groq API keys',
        'export const EXAMPLE_URL = "https://api.groq.com";',
        '# Too short (less than 52 chars after prefix)',
        '# Prefix inside another word (should not match due to negative lookbehind)',
        '# Too long (more than 52 chars after prefix, should not match due to negative lookahead)',
        '# Wrong prefix',
        '# Contains invalid character (dash)',
    ],
    ('hashicorp-vault', 'ok.valid'): [
        '# These should NOT be detected as HashiCorp Vault tokens',
        'export const VAULT_ADDR = "https://vault.example.com";',
        'export const VAULT_NAMESPACE = "admin";',
        '# Placeholder/short tokens (too short)',
        '# Glued to a preceding letter (not a real token)',
        '# Wrong prefix characters',
        '# Example/documentation strings with explicit note',
    ],
    ('huggingface', 'ok.valid'): [
        '# These should NOT be detected as Hugging Face tokens',
        '# Too short',
        '# Contains digits in body',
        '# Body is 33 alphabetic characters (one short)',
        '# Body is 35 alphabetic characters (one too many)',
        '# Preceded by another letter (boundary check)',
        '# Hugging Face URL, not a token',
        'https://huggingface.co/models',
    ],
    ('linear', 'ok.valid'): ['THIS IS OK'],
    ('notion', 'ok.valid'): [
        '# These should NOT be detected as Notion integration tokens',
        '# Too short',
        '# Legacy secret_ prefix is intentionally excluded',
        '# Only 10 digits after prefix (one short)',
        '# 34 alphanumerics after digits (one short)',
        '# 36 alphanumerics after digits (one extra; trailing lookahead fails)',
        '# Uppercase prefix is not the documented format',
        '# Preceded by letters (not a standalone token)',
        '# Notion API URL (not a token)',
        'https://api.notion.com/v1/databases',
    ],
    ('npm', 'ok._authToken_env'): [
        '//npm.pkg.github.com/:_authToken=${NPM_TOKEN}',
        '@example:registry="https://npm.pkg.github.com"',
    ],
    ('openai', 'ok.valid'): NO_PLAIN + ' (one-block-changed copies of the positives)',
    ('privatekey', 'placeholder-dots'): [
        '"type":"service_account"',
        '"project_id":"your-project"',
        '"auth_uri":"https://accounts.google.com/o/oauth2/auth"',
        '"token_uri":"https://oauth2.googleapis.com/token"',
        '"auth_provider_x509_cert_url":"https://www.googleapis.com/oauth2/v1/certs"',
    ],
    ('privatekey', 'placeholder-short-base64'): 'a PEM block with a short base64 body: secret-shaped',
    ('privatekey', 'placeholder-stars'): 'a masked PEM block (`***`): neutral, like masked keys in the reference corpus',
    ('privatekey', 'placeholder-xxx'): 'a masked PEM block (`xxx`): neutral, like masked keys in the reference corpus',
    ('secp256k1-privatekey', 'ok.dotenvx_public_key'): [
        '#/-------------------[DOTENV_PUBLIC_KEY]--------------------/',
        '#/            public-key encryption for .env files          /',
        '#/       [how it works](https://dotenvx.com/encryption)     /',
        '#/----------------------------------------------------------/',
        'HELLO="encrypted:BLAH"',
    ],
    ('secp256k1-privatekey', 'ok.packagemanager_sha512'): [
        '"name": "example",',
        '"packageManager": "pnpm@10.4.1+sha512.0a31fc7ee2cca8f25aacafb0fae1c5d27e8c4d3ecbf3eea76e9c4be73f6d4f3b27c00fc99e83c8cae0a6e7e4ce6c2a8b9e5b7d6e5d62e35f50e3a85a8b3d4d4"',
    ],
    ('secp256k1-privatekey', 'ok.valid'): ['THIS IS OK'],
    ('sendgrid', 'ok.valid'): [
        'All goood here iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, '
        'eaque ipsa quae ab illo inventore veritatis et q',
        'ae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugit, '
        'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi',
        'nesciunt. Neque porro q',
    ],
    ('shopify', 'ok.valid'): 'a single token-shaped placeholder (`shpssSSSSS_SSSS_sssss`)',
    ('slack', 'ok.valid'): ['THIS IS OK https: https://api.slack.com/web.'],
    ('stripe', 'ok.valid'): [
        '# These should NOT be detected as Stripe API keys',
        '# Publishable keys (pk_) are not secrets',
        '# Too short (fewer than 24 chars after prefix)',
        '# Wrong prefix / mid-word boundary',
        '# Different product names that share the prefix',
        'SKILLS_inventory',
        'RKLIST_value',
        '# Stripe documentation URL (not a key)',
        'https://docs.stripe.com/keys',
    ],
    ('tailscale', 'ok.allows'): OPTION,
    ('tailscale', 'ok.boundary-letter'): 'the positive key glued to a letter (`xtskey-api-…`): still the secret',
    ('tailscale', 'ok.valid'): [
        'This is just regular text without any Tailscale keys.',
        'A short string like tskey-foo is not a key.',
        'Random tokens like abc-def-ghi should not match.',
    ],
    ('vercel', 'ok.valid'): ['THIS IS OK'],
}


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, name, gitdir, rev='HEAD'):
        self.name, self.gitdir = name, gitdir
        self.commit = self.git('rev-parse', rev + '^{commit}').strip()
        self.licence = None

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


# ---------------------------------------------------------------- bookkeeping

class Stats:
    def __init__(self):
        self.skipped = {}  # reason -> count
        self.notes = {}

    def skip(self, reason, n=1):
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def note(self, what, n=1):
        self.notes[what] = self.notes.get(what, 0) + n


STATS = Stats()


class Case:
    """One fixture: its input text plus its labels."""

    def __init__(self, rule, name, path, text, polarity):
        self.rule, self.name, self.path, self.text, self.polarity = rule, name, path, text, polarity
        self.family = FAMILY_OF[rule]
        self.remove = []
        self.keep = []
        self.spans = {}  # remove value -> labelled [start, end) spans in text

    def rm(self, category, kind, value, span, message):
        if self.text[span[0]:span[1]] != value:
            raise ValueError('%s/%s: span %r does not hold %r' % (self.rule, self.name, span, value[:40]))
        self.spans.setdefault(value, set()).add(tuple(span))
        for r in self.remove:
            if r['value'] == value:
                if r['kind'] != kind:
                    raise ValueError('%s/%s: %r under two kinds' % (self.rule, self.name, value[:40]))
                return
        self.remove.append({'category': category, 'kind': kind, 'value': value,
                            'rule': 'secretlint-rule-' + self.rule, 'message': message, 'path': self.path})

    def kp(self, value):
        if value not in self.text:
            raise ValueError('%s/%s: keep value not in input: %r' % (self.rule, self.name, value[:60]))
        if any(k['value'] == value for k in self.keep):
            return
        self.keep.append({'kind': 'peer_negative', 'value': value,
                          'rule': 'secretlint-rule-' + self.rule, 'path': self.path})


# ---------------------------------------------------------------- helpers

def utf16_index(text):
    """JavaScript string offsets (UTF-16 code units) -> Python indices."""
    if all(ord(ch) < 0x10000 for ch in text):
        return lambda i: i
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) >= 0x10000:
            table.append(i)
    table.append(len(text))
    return lambda i: table[min(i, len(table) - 1)]


def locate(text, value, s, e):
    """The occurrence of value in text that the message's range points at: the range
    itself when it holds the value, else the occurrence overlapping or nearest to it."""
    if text[s:e] == value:
        STATS.note('value found at the message range')
        return s
    starts = [m.start() for m in re.finditer(re.escape(value), text)]
    if not starts:
        return None
    STATS.note('value found next to the message range (range points at the key name or is offset)')
    return min(starts, key=lambda p: (0 if p < e and p + len(value) > s else 1, abs(p - s)))


def uri_password(uri):
    """(offset, password) of the userinfo password of a URI as the rule matched it
    (data may carry trailing quote/semicolon characters)."""
    m = re.match(r'[a-z][a-z0-9+.:-]*://', uri)
    if not m:
        return None
    rest = uri[m.end():]
    # the authority ends at the first '/', '?' or '#' after the last '@' of the userinfo
    at = -1
    for i, ch in enumerate(rest):
        if ch == '@':
            at = i
        elif ch in '/?#' and at >= 0:
            break
    if at < 0:
        return None
    userinfo = rest[:at]
    if ':' not in userinfo:
        return None
    user, pw = userinfo.split(':', 1)
    if not pw:
        return None
    return m.end() + len(user) + 1, pw


PEM_BODY = re.compile(r'-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n)(.+?)(?:\\r\\n|\\n|\r?\n)-----END ',
                      re.S)


def pem_body(s):
    m = PEM_BODY.search(s)
    return (m.start(1), m.group(1)) if m else None


def is_placeholder(v):
    """Positives like sk_live_AAAA..., hf_xxxx..., tskey-api-AAAA...-BBBB...: labelled remove as
    the rule reports them, under a `*_placeholder` kind so that they can be read apart."""
    m = re.match(r'(?:[A-Za-z0-9]{1,7}[_.\-~]){1,4}', v)
    body = v[m.end():] if m and len(v) - m.end() >= 8 else v
    alnum = [ch for ch in body if ch.isalnum()]
    return len(alnum) >= 8 and len(set(alnum)) <= 2


def standalone(text, p, n):
    before = text[p - 1] if p > 0 else ' '
    after = text[p + n] if p + n < len(text) else ' '
    return not (before.isalnum() or after.isalnum())


# ---------------------------------------------------------------- reading the fixtures

def snapshot_cases(repo):
    """{(rule, case): [file names]} for every rule folder with snapshot fixtures."""
    out = {}
    for p in repo.ls(PKG):
        parts = p.split('/')
        if len(parts) < 7 or parts[3] != 'test' or parts[4] != 'snapshots':
            continue
        if not parts[2].startswith('secretlint-rule-'):
            continue
        rule = parts[2][len('secretlint-rule-'):]
        out.setdefault((rule, parts[5]), []).append('/'.join(parts[6:]))
    return out


def input_name(repo, base, names):
    """The file the tester lints: options.{js,json,ts} `inputFilePath`, else the first
    file whose name starts with `input` (directory order: sorted)."""
    for opt in ('options.js', 'options.json', 'options.ts'):
        if opt in names:
            m = re.search(r'inputFilePath["\']?\s*:\s*["\']([^"\']+)["\']', repo.show(base + opt))
            if m:
                return m.group(1)
    inputs = sorted(n for n in names if n.startswith('input') and '/' not in n)
    return inputs[0] if inputs else None


def read_case(repo, rule, name, names):
    base = '%ssecretlint-rule-%s/test/snapshots/%s/' % (PKG, rule, name)
    inp = input_name(repo, base, names)
    if inp is None:
        raise ValueError('no input in %s' % base)
    raw = repo.show_bytes(base + inp)
    out = json.loads(repo.show(base + 'output.json'))
    msgs = out.get('messages') or []
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        text = None
    if text is not None and '\x00' in text:
        text = None
    return base + inp, text, msgs, ('.secretlintrc.json' in names)


def build_positive(c, msgs):
    """Remove labels of one positive case; returns None when it is left out."""
    conv = utf16_index(c.text)
    for m in msgs:
        mid = m.get('messageId')
        if mid in MESSAGES_LEFT_OUT:
            STATS.skip('positive left out: %s' % MESSAGES_LEFT_OUT[mid])
            return None
        if mid not in MESSAGES:
            raise ValueError('unknown messageId %r in %s/%s' % (mid, c.rule, c.name))
    for m in msgs:
        mid = m['messageId']
        cat, kind, how = MESSAGES[mid]
        s, e = conv(m['range'][0]), conv(m['range'][1])
        data = {k: v for k, v in (m.get('data') or {}).items() if k not in ('typeName', 'FILE_NAME')}
        if how == 'pemrange':
            got = pem_body(c.text[s:e])
            if not got:
                raise ValueError('%s/%s: no PEM body in the message range' % (c.rule, c.name))
            off, value = got
            pos = s + off
            STATS.note('PEM body taken from the message range (data holds only the file name)')
        else:
            if len(data) != 1:
                raise ValueError('%s/%s: unexpected data %r' % (c.rule, c.name, data))
            matched = next(iter(data.values()))
            p = locate(c.text, matched, s, e)
            if p is None:
                raise ValueError('%s/%s: data value not in input: %r' % (c.rule, c.name, matched[:60]))
            if how == 'data':
                pos, value = p, matched
            elif how == 'uri':
                got = uri_password(matched)
                if not got:
                    raise ValueError('%s/%s: no password in %r' % (c.rule, c.name, matched))
                off, value = got
                pos = p + off
            elif how == 'pem':
                got = pem_body(matched)
                if not got:
                    raise ValueError('%s/%s: no PEM body in data' % (c.rule, c.name))
                off, value = got
                pos = p + off
            elif how == 'webhook':
                # https://hooks.slack.com/services/T.../B.../<secret>: the secret last segment
                value = matched.rstrip('/').rsplit('/', 1)[1]
                pos = p + matched.rstrip('/').rindex('/') + 1
            else:
                raise AssertionError(how)
        if c.text[pos:pos + len(value)] != value:
            raise ValueError('%s/%s: derived value not at its place: %r' % (c.rule, c.name, value[:40]))
        k = kind + '_placeholder' if is_placeholder(value) else kind
        c.rm(cat, k, value, (pos, pos + len(value)), mid)
    # a short value must stand for itself wherever it occurs in the case (else scoring is ambiguous)
    for r in list(c.remove):
        v = r['value']
        if len(v) >= PROBE:
            continue
        spans = c.spans[v]
        for mm in re.finditer(re.escape(v), c.text):
            if (mm.start(), mm.end()) in spans:
                continue
            if not standalone(c.text, mm.start(), len(v)):
                raise ValueError('%s/%s: short value %r also occurs inside other text' % (c.rule, c.name, v))
            STATS.note('short value repeated in its case as a standalone token (labelled once, '
                       'e.g. `PG_PASSWORD=m42ploz2wd`)')
    return c


def build_cases(repo):
    snaps = snapshot_cases(repo)
    rules_seen = sorted({r for r, _ in snaps})
    for r in rules_seen:
        if r not in FAMILY_OF and r not in EXCLUDED_RULES:
            raise ValueError('rule folder not classified: %s' % r)
    cases = []
    counts = {}  # rule -> {'pos': n, 'neg': n, 'pos_in': n, 'neg_in': n}
    used_keep = set()
    for fam, rules in FAMILIES:
        for rule in rules:
            cnt = counts.setdefault(rule, {'pos': 0, 'neg': 0, 'pos_in': 0, 'neg_in': 0})
            names = sorted(n for r, n in snaps if r == rule)
            for name in names:
                path, text, msgs, has_rc = read_case(repo, rule, name, snaps[(rule, name)])
                polarity = 'tp' if msgs else 'fp'
                cnt['pos' if msgs else 'neg'] += 1
                if name.startswith('ng.') and not msgs:
                    STATS.skip('`ng.` case without any expected message at this commit (`%s/%s`)' % (rule, name))
                    continue
                if (rule, name) in CASES_LEFT_OUT:
                    STATS.skip('positive left out: %s' % CASES_LEFT_OUT[(rule, name)])
                    continue
                if text is None:
                    if msgs:
                        STATS.skip('positive left out: binary input (%s)' % path.rsplit('/', 1)[1])
                    else:
                        used_keep.add((rule, name))
                        STATS.skip('negative left out: %s' % KEEP.get((rule, name), 'binary input'))
                    continue
                c = Case(rule, name, path, text, polarity)
                if msgs:
                    if build_positive(c, msgs) is None:
                        continue
                    cnt['pos_in'] += 1
                    cases.append(c)
                    continue
                if (rule, name) not in KEEP:
                    raise ValueError('negative case not reviewed (add it to KEEP): %s/%s' % (rule, name))
                used_keep.add((rule, name))
                spec = KEEP[(rule, name)]
                if isinstance(spec, str):
                    STATS.skip('negative left out: %s' % spec)
                    continue
                for v in spec:
                    c.kp(v)
                cnt['neg_in'] += 1
                cases.append(c)
    stale = set(KEEP) - used_keep
    if stale:
        raise ValueError('KEEP entries without a negative case: %r' % sorted(stale))
    for k in CASES_LEFT_OUT:
        if k not in snaps:
            raise ValueError('CASES_LEFT_OUT entry without a case: %r' % (k,))
    return cases, counts


# ---------------------------------------------------------------- files

class Bucket:
    def __init__(self, name):
        self.name = name
        self.cases = []
        self.masked = []
        self.mgrams = set()
        self.values = {}  # value -> kind
        self.short = set()
        self.vgrams = set()
        self.keeps = set()
        self.paths = []

    def fits(self, c):
        """None when c can join this file; else why not.  A value already labelled in the
        file (same kind) is shared: it is one label (deduplicated).  Otherwise a case joins
        a file when none of its values (or their 12-character probes) occurs unlabelled in
        the file, no value of the file occurs unlabelled in it, its values share no
        12-character run with the file's values other than a common leading prefix, and
        keep values hold no remove value."""
        vals = [r['value'] for r in c.remove]
        kinds = {r['value']: r['kind'] for r in c.remove}
        for v in vals:
            if v in self.values and self.values[v] != kinds[v]:
                return 'the value is labelled under another kind in this file'
        allv = set(self.values) | set(vals)
        cm = mask(c.text, vals)
        for k in c.keep:
            if any(v in k['value'] for v in allv):
                return 'a keep value holds a remove value'
        for w in self.short:
            if w in cm:
                return 'a short value of the file occurs in this case'
        if self.vgrams & grams(cm):
            return 'a value of the file shares 12 characters with this case'
        for v in vals:
            if v in self.values:
                continue
            for w in self.values:
                if v in w or w in v:
                    return 'the value is part of another value of this file'
            if len(v) >= PROBE and self.vgrams & set(probes(v)):
                pv = set(probes(v))
                for w in self.values:
                    cp = os.path.commonprefix([v, w])
                    if (pv & set(probes(w))) - (set(probes(cp)) if len(cp) >= PROBE else set()):
                        return 'the value shares 12 characters (beyond a common prefix) with a value of this file'
            if len(v) < PROBE:
                if any(v in m for m in self.masked):
                    return 'the value occurs elsewhere in this file'
            elif self.mgrams & set(probes(v)):
                return 'the value shares 12 characters with this file'
            if any(v in k for k in self.keeps):
                return 'the value occurs in a keep value of this file'
        return None

    def add(self, c):
        vals = [r['value'] for r in c.remove]
        cm = mask(c.text, vals)
        self.cases.append(c)
        self.masked.append(cm)
        self.mgrams |= grams(cm)
        for r in c.remove:
            v = r['value']
            if v in self.values:
                STATS.note('value already labelled in its file (another case): one label')
                continue
            self.values[v] = r['kind']
            if len(v) < PROBE:
                self.short.add(v)
            else:
                self.vgrams |= set(probes(v))
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
    fams = {}
    for c in cases:
        fams.setdefault(c.family, []).append(c)
    out = []
    moved = []
    for fam, _ in FAMILIES:
        buckets = []
        for c in fams.get(fam, []):
            why_first = None
            for bi in range(MAX_FILES):
                if bi == len(buckets):
                    buckets.append(Bucket('secretlint-%s' % fam if bi == 0 else 'secretlint-%s-%d' % (fam, bi + 1)))
                why = buckets[bi].fits(c)
                if why is None:
                    buckets[bi].add(c)
                    if bi:
                        moved.append((c, why_first))
                    break
                why_first = why_first or why
            else:
                raise ValueError('no file fits %s/%s' % (c.rule, c.name))
        out += [b for b in buckets if b.cases]
    return out, moved


def shared_runs(remove):
    """Values sharing a 12-character run with another value of the file beyond a common
    prefix (only possible within one fixture: the files are filled so that cases never do)."""
    out = set()
    for i, a in enumerate(remove):
        for b in remove[i + 1:]:
            va, vb = a['value'], b['value']
            if len(va) < PROBE or len(vb) < PROBE:
                continue
            cp = os.path.commonprefix([va, vb])
            common = (set(probes(va)) & set(probes(vb))) - (set(probes(cp)) if len(cp) >= PROBE else set())
            if common:
                out.add(va)
                out.add(vb)
    return out


def licence_of(repo):
    text = repo.show('LICENSE')
    if 'Permission is hereby granted, free of charge' in text:
        lic = 'MIT'
    else:
        raise ValueError('LICENSE is not the MIT licence text any more: check it')
    holder = text.strip().splitlines()[0].strip() if text.strip() else ''
    bad = []
    for fam, rules in FAMILIES:
        for rule in rules:
            pj = json.loads(repo.show('%ssecretlint-rule-%s/package.json' % (PKG, rule)))
            if pj.get('license') != 'MIT':
                bad.append(rule)
    if bad:
        raise ValueError('rule packages not MIT: %r' % bad)
    return lic, holder


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--repo', default=DEFAULT_GITDIR, help='git directory of secretlint/secretlint')
    ap.add_argument('--commit', default='HEAD')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args(argv)

    repo = Repo(REPO, a.repo, a.commit)
    repo.licence, holder = licence_of(repo)
    cases, counts = build_cases(repo)
    buckets, moved = assemble(cases)

    for fn in os.listdir(a.out):
        if fn.endswith('.txt') or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'secretlint', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {REPO: {'commit': repo.commit, 'licence': repo.licence}},
              'files': {}}
    problems = []
    shared = 0
    file_cases = {}
    for b in sorted(buckets, key=lambda b: b.name):
        name = b.name + '.txt'
        text = b.render()
        remove, keep = b.labels()
        problems += ['%s: %s' % (name, e) for e in verify(text, remove, keep)]
        shared += len(shared_runs(remove))
        with open(os.path.join(a.out, name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(text)
        labels['files'][name] = {
            'source': {'repo': REPO, 'commit': repo.commit, 'path': sorted(b.paths)},
            'bytes': len(text.encode('utf-8')),
            'remove': remove,
            'keep': keep,
        }
        file_cases[name] = b.cases
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, repo, holder, labels, file_cases, counts, moved, shared)

    for p in problems:
        print('PROBLEM', p)
    for name, f in labels['files'].items():
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        print('%-34s %3d cases  remove %3d (%s)  keep %3d' % (
            name, len(file_cases[name]), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))
    for reason, n in sorted(STATS.skipped.items(), key=lambda x: (-x[1], x[0])):
        print('left out (%d): %s' % (n, reason))
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d remove labels, %d keep labels; %d values share a 12-char run with another value '
          'of their fixture; checks: %s' % (len(labels['files']), n_rm, n_kp, shared,
                                            'FAILED (%d problems)' % len(problems) if problems else 'all pass'))
    return 1 if problems else 0


def write_sources_md(out, repo, holder, labels, file_cases, counts, moved, shared):
    L = []
    L.append("""# Sources of the secretlint-derived corpus

Every file here is built by `build.py` from the snapshot test fixtures of
[secretlint](https://github.com/secretlint/secretlint)'s rules
(`packages/@secretlint/secretlint-rule-<rule>/test/snapshots/<case>/`: an input file and
`output.json`, the messages the rule must report).  Nothing in this folder comes from this
project's own code.  Each fixture input is copied as it is (its own syntax and context: `.env`
lines, JSON, YAML, code, markdown, `.npmrc`, `package.json`, PEM blocks), the inputs of a file
separated by a blank line.

This corpus is **held out**: it is used to measure recall and over-redaction, and the project is
not tuned on it (see `../README.md`).

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s |

The licence is the `LICENSE` file at that commit (MIT, "%s"); every rule package read also
declares `"license": "MIT"` in its `package.json`.  The fixture inputs are kept here unmodified,
with that licence.
""" % (REPO, REPO, repo.commit, repo.licence, holder))

    tot = {'provider_key': 0, 'credential': 0, 'payment': 0, 'customer': 0}
    nk = 0
    for f in labels['files'].values():
        for r in f['remove']:
            tot[r['category']] += 1
        nk += len(f['keep'])
    npos = sum(1 for cs in file_cases.values() for c in cs if c.polarity == 'tp')
    nneg = sum(1 for cs in file_cases.values() for c in cs if c.polarity == 'fp')
    L.append("""## Cases

| positive fixtures | negative fixtures (keep) | remove labels: provider_key | credential | payment | customer | keep labels |
| --- | --- | --- | --- | --- | --- | --- |
| %d | %d | %d | %d | %d | %d | %d |
""" % (npos, nneg, tot['provider_key'], tot['credential'], tot['payment'], tot['customer'], nk))

    L.append("""## Files

All files come from `%s` at commit `%s` (%s).  `path` in labels.json lists the fixture inputs
a corpus file holds (each beside its `output.json`); every label also carries its `rule` (the
rule package), `path` (the fixture input) and, for remove labels, the `message` (secretlint's
`messageId`).  `-2`, `-3` files hold fixtures whose values would collide with a label of the main
file of the family (a one-character-changed or truncated copy of a key in a negative fixture, a
key body reused by another rule's fixture, a short password that occurs inside other words).

| corpus file | rule folders (`secretlint-rule-…`) | fixture cases | remove labels | keep labels |
| --- | --- | --- | --- | --- |""" % (REPO, repo.commit[:12], repo.licence))
    for name, f in sorted(labels['files'].items()):
        cs = file_cases[name]
        rules = []
        for c in cs:
            if c.rule not in rules:
                rules.append(c.rule)
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        L.append('| `%s` | %s | %s | %d (%s) | %d |' % (
            name, ', '.join('`%s`' % r for r in rules),
            ', '.join('`%s/%s`' % (c.rule, c.name) for c in cs), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())) or '-', len(f['keep'])))

    L.append("""
## Rules read

| family | rule folder | fixtures (positive / negative) | taken (positive / negative) | remove labels | kinds |
| --- | --- | --- | --- | --- | --- |""")
    for fam, rules in FAMILIES:
        for rule in rules:
            cnt = counts[rule]
            n_rm, kinds = 0, []
            for f in labels['files'].values():
                for r in f['remove']:
                    if r['rule'] == 'secretlint-rule-' + rule:
                        n_rm += 1
                        if r['kind'] not in kinds:
                            kinds.append(r['kind'])
            L.append('| %s | `%s` | %d / %d | %d / %d | %d | %s |' % (
                fam, rule, cnt['pos'], cnt['neg'], cnt['pos_in'], cnt['neg_in'], n_rm,
                ', '.join('`%s`' % k for k in kinds) or '-'))

    L.append("""
## How values were obtained

- **Positives**: a fixture whose `output.json` lists messages (secretlint's `ng.*` cases, and
  the unprefixed cases of `npm` and `privatekey` that expect a message).  For each message the
  secret part is taken from its `data` (the matched credential) and located in the input with
  its `range` (JavaScript string offsets; where the range points at the key name or is offset,
  as for AWS and Azure, the occurrence nearest to the range is taken); the value is then checked
  to sit in the input at that place.  No value is invented or varied.
  - Tokens and keys (`data` is the token): the token as matched.  `slack` reports only the
    `xapp-1-…-1234576618999` head of an app-level token: that head is the label, the rest of the
    token stays unlabelled (neutral).
  - Basic-auth URLs and database connection strings (`data` is the URI, sometimes with a
    trailing `";`): the password only (the userinfo after the first `:`, up to the last `@`, so
    `myR3alP@ssw0rd` is one password); user names and hosts are not labelled.  Kinds
    `basic_auth_password` and `dsn_password` (MongoDB, MySQL and PostgreSQL alike, like the
    reference corpus' DSN passwords).
  - Private keys: the PEM body between the BEGIN and END lines, as it sits in the file (with
    real newlines in PEM files, with `\\n` escapes inside JSON strings); for the GCP
    service-account JSON (`data` holds only the file name) the body of its `private_key`.
  - AWS: the access key id (`aws_access_key_id`) and the secret access key
    (`aws_secret_access_key`) of their own fixtures; Azure: the client secret and the client id
    (`azure_client_id`, like peers/ labels client ids); Slack incoming webhooks: the secret last
    path segment (team and channel ids are not labelled).
  - Positives that are plainly placeholders (`sk_live_AAAA…`, `hf_xxxx…`, `tskey-api-AAAA…-BBBB…`,
    `111111aaaa…`, a webhook secret `XXXXXXXXXX`) keep their remove label under a
    `*_placeholder` kind, as in peers/ and trufflehog/.
  - Categories: `provider_key` for AI provider keys (OpenAI, Anthropic, Groq, Hugging Face),
    `payment` for Stripe, `credential` for everything else.
  - Credentials a fixture holds but the rule does not report (for example
    `svcaccount:myC0mpl3xP@ss@…` in `basicauth/ng.real-credentials`, `--password=strongp@55!` and
    `Pwd=myPassword` in `database-connection-string/ng.mysql`, `PGPASSWORD=strongp@ss` in
    `ng.postgresql`) are not labelled: they are neutral.
- **Negatives** (no message): only values that are plainly not secret become `keep` labels (kind
  `peer_negative`, the whole line or the quoted value as it sits in the input), listed by hand in
  `KEEP` in build.py: prose and comment lines, example URLs without a password, API base URLs,
  template placeholders (`${username}`, `{{pass}}`, `$(PGPASSWORD)`, `${NPM_TOKEN}`,
  `YOUR_PASSWORD`, `REPLACE_WITH_PASSWORD`), code identifiers (`SKILLS_inventory`), a model name,
  a `packageManager` integrity hash (a look-alike the reference corpus also keeps, like git
  SHAs).  Everything else in a negative fixture stays unlabelled (neutral): key-shaped strings
  that fail only a length, prefix, boundary or checksum test, one-character-changed copies of a
  positive, placeholders shaped like a provider token (`sk_live_short`, `hvs.example`,
  `gsk_abc123`) or sitting in a secret field (`username:password@`, `"private_key": "DUMMY"`),
  masked keys, Stripe publishable keys (the reference corpus labels `pk_live_` as payment, so they
  are not kept), a dotenvx public key, an e-mail address.  Negative fixtures without any such
  plain value are left out.
- **Files**: scoring looks for a value anywhere in a file, so a fixture joins a family file only
  when its values do not collide with that file's: an identical value already labelled there
  (same kind) is deduplicated into one label; otherwise a value that occurs unlabelled in the
  file, a value of the file that occurs unlabelled in the fixture, a 12-character run shared
  with another value beyond a common prefix, a short value inside other text, or a keep value
  holding a remove value sends the fixture to the next file of its family (`-2`, `-3`, ...).
- **Checks** (run by build.py on every file; the build exits non-zero if one fails): every label
  occurs in its file, replacing exactly the `remove` values with `[X]` removes every 12-character
  probe of each of them while every `keep` value survives, no keep value holds a remove value, and
  values are not repeated within a file.  A short value (under 12 characters) must stand for
  itself wherever it occurs in its fixture.
- Within one fixture some values share 12-character runs beyond a common prefix (OpenAI
  `sk-proj-`/`sk-svcacct-`/`sk-admin-` keys with one body, Cloudflare `cfat_`/`cfut_`/`cfk_` and
  Vercel `vcp_`/`vci_`/`vcr_`/`vck_` tokens with one body, Anthropic keys differing in a few
  characters, Slack tokens sharing their team and user numbers): %d values.  A fixture is never
  split, so missing one such value can also count against its neighbours.
""" % shared)

    L.append("""## Scope decisions

Rule folders read (those whose secrets a WordPress/WooCommerce site or its support evidence can
really hold; "if in doubt, include"):
""")
    for fam, rules in FAMILIES:
        L.append('- %s: %s' % (fam, ', '.join('`%s`' % r for r in rules)))
    L.append("""
Judgement calls kept in: Databricks, HashiCorp Vault, Grafana, Tailscale, Linear, Figma, Notion,
1Password service-account tokens and Docker Hub tokens are not WordPress services, but a shop's
hosting, deploy and support tooling (CI secrets, `.env` files, support bundles) can hold them;
secp256k1 private keys (crypto wallets) appear in crypto-payment plugin settings.  Shopify is a
competitor platform, but migration tooling and multi-channel plugins hold its tokens.

Rule folders not read:
""")
    for rule, why in sorted(EXCLUDED_RULES.items()):
        L.append('- `%s`: %s' % (rule, why))
    L.append('\nLeft out while building (fixtures):\n')
    for reason, n in sorted(STATS.skipped.items(), key=lambda x: (-x[1], x[0])):
        L.append('- %s: %d' % (reason, n))
    if moved:
        L.append('\nFixtures placed in a `-N` file, and why they could not join the first file of '
                 'their family:\n')
        for c, why in moved:
            L.append('- `%s/%s`: %s' % (c.rule, c.name, why))
    L.append('\nOther counts:\n')
    for what, n in sorted(STATS.notes.items()):
        L.append('- %s: %d' % (what, n))
    L.append("""
## Rebuilding

```sh
python3 tests/external/secretlint/build.py --repo GITDIR
```

GITDIR is a git directory holding secretlint/secretlint (for example a
`git clone --bare https://github.com/secretlint/secretlint`); files are read at HEAD (`--commit`
to pin the commit above).  Needs Python 3.8+, standard library only.  The output is deterministic
for a given commit.  The build fails on anything it does not know (a new rule folder, a new
negative fixture not reviewed in `KEEP`, a new `messageId`), so a newer snapshot is reviewed
before it is used.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
