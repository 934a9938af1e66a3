#!/usr/bin/env python3
"""Build tests/external/trufflehog: a labelled redaction corpus made from the
unit tests of TruffleHog's detectors (pkg/detectors/<name>/*_test.go, never the
*_integration_test.go files), in the format of shared/redaction-corpus.

    python3 build.py --trufflehog GITDIR [--out DIR]

GITDIR is a git directory (bare or not) holding a snapshot of
github.com/trufflesecurity/trufflehog; files are read at --commit with `git show`
and the commit is recorded.  Nothing is executed: the Go test files are read by
a small evaluator (lib_go.py) that renders each test input as the test builds
it (string literals, `+`, fmt.Sprintf, strings.Repeat ...).

A test row that expects findings (`want`, `Expected`, `expectedPairs`,
`shouldMatch`) becomes a positive case: the expected secrets are the `remove`
labels.  Rows that expect nothing are negatives; only those that are plainly
not secret become `keep` labels (see NEGATIVE_KEEP).  No value is invented:
when a detector reports a combined value (id + secret, a parsed URI, a JSON
object) the parts that occur verbatim in the input are labelled.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import lib_go  # noqa: E402
from lib_go import Opaque, funcs, read_decls, read_test_file, tokenize  # noqa: E402

PROBE = 12
MARK = '\x00'  # stands for a perfect redactor's placeholder in self-checks
REPO = 'trufflesecurity/trufflehog'
DDIR = 'pkg/detectors/'


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, name, gitdir, rev='HEAD'):
        self.name, self.gitdir = name, gitdir
        self.commit = self.git('rev-parse', rev + '^{commit}').strip()
        self.licence = None

    def git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout.decode('utf-8', 'surrogateescape')

    def show(self, path):
        return self.git('show', self.commit + ':' + path)

    def ls(self, prefix):
        return self.git('ls-tree', '-r', '--name-only', self.commit, prefix).splitlines()

    def dirs(self, prefix):
        return [p[len(prefix):] for p in self.git('ls-tree', '-d', '--name-only', self.commit, prefix).splitlines()]


# ---------------------------------------------------------------- the case model

class Case:
    """One test row: a line or small block of text plus its labels."""

    def __init__(self, text, path, rule, family, polarity, name):
        self.text = text
        self.path, self.rule, self.family, self.polarity, self.name = path, rule, family, polarity, name
        self.remove = []
        self.keep = []

    def rm(self, category, kind, value):
        if value not in self.text:
            raise ValueError('remove value %r not in case text %r' % (value, self.text[:200]))
        if any(r['value'] == value for r in self.remove):
            return
        self.remove.append({'category': category, 'kind': kind, 'value': value, 'rule': self.rule,
                            'path': self.path})

    def kp(self, kind, value):
        if value not in self.text:
            raise ValueError('keep value %r not in case text' % value)
        self.keep.append({'kind': kind, 'value': value, 'rule': self.rule, 'path': self.path})


class Stats:
    def __init__(self):
        self.skipped = {}
        self.notes = {}

    def skip(self, reason, n=1):
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def note(self, what, n=1):
        self.notes[what] = self.notes.get(what, 0) + n


STATS = Stats()


def probes(v):
    if len(v) < PROBE:
        return [v]
    return [v[i:i + PROBE] for i in range(len(v) - PROBE + 1)]


# ---------------------------------------------------------------- detector scope

AI, PAY, CLOUD, MSG, CODE, SOCIAL, SHIPMON, GENERIC, JWTKEYS = (
    'ai-providers', 'payments', 'cloud', 'messaging', 'code-hosting', 'social-oauth',
    'shipping-monitoring', 'generic', 'jwt-keys')

HEX32 = r'^[0-9a-f]{32}$'


def D(name, family, category, kind, **kw):
    d = {'name': name, 'family': family, 'category': category, 'kind': kind,
         'files': None,       # test files (relative to pkg/detectors/<name>/); None: all unit tests
         'exclude_files': (),  # unit-test files left out, with the reason in EXCLUDED_FILES
         'parts': [],          # [(regex, kind or None)]: kind of each labelled part; None: not labelled
         'split': None,        # regex splitting a reported value before matching its parts
         'json_keys': None,    # the reported value is a JSON object: label these members
         'uri': False,         # the reported value is a URI / connection string: label its password
         'segment': None,      # label only this regex group of the value (webhook URLs)
         }
    d.update(kw)
    return d


DETECTORS = [
    # ---- AI providers (provider_key)
    D('openai', AI, 'provider_key', 'openai'),
    D('openaiadmin', AI, 'provider_key', 'openai_admin'),
    D('anthropic', AI, 'provider_key', 'anthropic', parts=[(r'^sk-ant-admin', 'anthropic_admin')]),
    D('deepseek', AI, 'provider_key', 'deepseek'),
    D('elevenlabs', AI, 'provider_key', 'elevenlabs'),
    D('replicate', AI, 'provider_key', 'replicate'),
    D('groq', AI, 'provider_key', 'groq'),
    D('huggingface', AI, 'provider_key', 'huggingface'),
    D('openrouter', AI, 'provider_key', 'openrouter'),
    D('pinecone', AI, 'provider_key', 'pinecone'),
    D('googlegemini', AI, 'provider_key', 'gemini'),
    D('xai', AI, 'provider_key', 'xai'),
    D('azure_openai', AI, 'provider_key', 'azure_openai'),
    # ---- payment gateways (payment)
    D('stripe', PAY, 'payment', 'stripe'),
    D('stripepaymentintent', PAY, 'payment', 'stripe_client_secret',
      parts=[(r'^[sr]k_', 'stripe'), (r'^pk_', 'stripe_publishable_key')]),
    D('paypaloauth', PAY, 'payment', 'paypal_oauth'),
    D('square', PAY, 'payment', 'square'),
    D('squareapp', PAY, 'payment', 'square_application_id'),
    D('braintreepayments', PAY, 'payment', 'braintree'),
    D('razorpay', PAY, 'payment', 'razorpay', parts=[(r'^rzp_', 'razorpay_key_id')]),
    D('flutterwave', PAY, 'payment', 'flutterwave'),
    D('paystack', PAY, 'payment', 'paystack'),
    D('gocardless', PAY, 'payment', 'gocardless'),
    D('checkout', PAY, 'payment', 'checkout_com', parts=[(r'^cus_', None)]),
    D('paymongo', PAY, 'payment', 'paymongo'),
    D('instamojo', PAY, 'payment', 'instamojo'),
    D('pagarme', PAY, 'payment', 'pagarme'),
    D('wepay', PAY, 'payment', 'wepay'),
    D('lemonsqueezy', PAY, 'payment', 'lemonsqueezy'),
    # ---- cloud and hosting (credential)
    D('aws', CLOUD, 'credential', 'aws_secret_key',
      exclude_files=('appsync/appsync_test.go',),
      parts=[(r'^(?:AKIA|ABIA|ACCA|ASIA)[A-Z0-9]{16}$', 'aws_access_key_id'),
             (r'^.{41,}$', 'aws_session_token')]),
    D('azure_entra', CLOUD, 'credential', 'azure_client_secret',
      exclude_files=('common_test.go', 'serviceprincipal/v2/spv2_processdata_test.go'),
      json_keys=['refreshToken'],
      parts=[(r'^[01]\.A', 'azure_refresh_token')]),
    D('azure_storage', CLOUD, 'credential', 'azure_storage_key', json_keys=['accountKey']),
    D('gcp', CLOUD, 'credential', 'gcp_private_key', json_keys=['private_key']),
    D('gcpapplicationdefaultcredentials', CLOUD, 'credential', 'gcp_refresh_token',
      parts=[(r'^\d+-[a-z0-9]+$', 'google_oauth_client_id')]),
    D('digitaloceantoken', CLOUD, 'credential', 'digitalocean'),
    D('digitaloceanv2', CLOUD, 'credential', 'digitalocean'),
    D('cloudflareapitoken', CLOUD, 'credential', 'cloudflare_api_token', parts=[(HEX32, None)]),
    D('cloudflarecakey', CLOUD, 'credential', 'cloudflare_origin_ca_key'),
    D('cloudflareglobalapikey', CLOUD, 'credential', 'cloudflare_global_api_key'),
    D('heroku', CLOUD, 'credential', 'heroku'),
    D('netlify', CLOUD, 'credential', 'netlify'),
    D('vercel', CLOUD, 'credential', 'vercel'),
    D('vultrapikey', CLOUD, 'credential', 'vultr'),
    D('cloudinary', CLOUD, 'credential', 'cloudinary_api_secret',
      parts=[(r'^\d{15}$', 'cloudinary_api_key'), (r'^[a-z]{1,12}$', None)]),
    # ---- mail, SMS and chat (credential)
    D('sendgrid', MSG, 'credential', 'sendgrid'),
    D('mailgun', MSG, 'credential', 'mailgun'),
    D('mailchimp', MSG, 'credential', 'mailchimp'),
    D('sendinbluev2', MSG, 'credential', 'brevo'),
    D('postmark', MSG, 'credential', 'postmark'),
    D('mandrill', MSG, 'credential', 'mandrill'),
    D('sparkpost', MSG, 'credential', 'sparkpost'),
    D('twilio', MSG, 'credential', 'twilio_auth_token', parts=[(r'^AC[0-9a-f]{32}$', 'twilio_account_sid')]),
    D('twilioapikey', MSG, 'credential', 'twilio_api_secret', parts=[(r'^SK[0-9a-z]{32}$', 'twilio_api_key_sid')]),
    D('nexmoapikey', MSG, 'credential', 'vonage_api_secret', parts=[(r'^.{8}$', 'vonage_api_key')]),
    D('messagebird', MSG, 'credential', 'messagebird'),
    D('slack', MSG, 'credential', 'slack'),
    D('slackwebhook', MSG, 'credential', 'slack_webhook', segment=r'/services/[^/]+/[^/]+/([A-Za-z0-9]+)'),
    D('discordbottoken', MSG, 'credential', 'discord_bot_token', parts=[(r'^\d+$', None)]),
    D('discordwebhook', MSG, 'credential', 'discord_webhook', segment=r'/webhooks/\d+/([\w-]+)'),
    D('telegrambottoken', MSG, 'credential', 'telegram_bot_token'),
    D('mailjetbasicauth', MSG, 'credential', 'mailjet'),
    D('mailjetsms', MSG, 'credential', 'mailjet_sms'),
    D('elasticemail', MSG, 'credential', 'elasticemail'),
    D('mailerlite', MSG, 'credential', 'mailerlite'),
    D('klaviyo', MSG, 'credential', 'klaviyo'),
    D('omnisend', MSG, 'credential', 'omnisend'),
    D('plivo', MSG, 'credential', 'plivo_auth_token', parts=[(r'^[A-Z0-9]{20}$', 'plivo_auth_id')]),
    D('telnyx', MSG, 'credential', 'telnyx'),
    D('clicksendsms', MSG, 'credential', 'clicksend'),
    D('convertkit', MSG, 'credential', 'convertkit'),
    D('getresponse', MSG, 'credential', 'getresponse'),
    D('microsoftteamswebhook', MSG, 'credential', 'teams_webhook',
      segment=r'/IncomingWebhook/([0-9a-zA-Z]+)/|[?&]sig=([\w-]+)'),
    D('onesignal', MSG, 'credential', 'onesignal'),
    # ---- code hosting (credential)
    D('github', CODE, 'credential', 'github'),
    D('github_oauth2', CODE, 'credential', 'github_oauth_client_secret',
      parts=[(r'^[0-9A-Za-z]{20}$', 'github_oauth_client_id')]),
    D('githubapp', CODE, 'credential', 'github_app_private_key'),
    D('gitlab', CODE, 'credential', 'gitlab'),
    D('gitlaboauth2', CODE, 'credential', 'gitlab_oauth_secret',
      parts=[(r'^[0-9a-f]{64}$', 'gitlab_oauth_application_id')]),
    D('bitbucketapppassword', CODE, 'credential', 'bitbucket_app_password', split=r':',
      parts=[(r'^(?!ATBB)', None)]),
    # ---- social / OAuth (credential)
    D('facebookoauth', SOCIAL, 'credential', 'facebook_app_secret', parts=[(r'^\d{15,16}$', 'facebook_app_id')]),
    D('twitter', SOCIAL, 'credential', 'twitter_bearer_token'),
    D('twitterconsumerkey', SOCIAL, 'credential', 'twitter_consumer_secret',
      parts=[(r'^.{25}$', 'twitter_consumer_key')]),
    D('googleoauth2', SOCIAL, 'credential', 'google_oauth_access_token'),
    D('youtubeapikey', SOCIAL, 'credential', 'youtube_api_key'),
    # ---- shipping and monitoring (credential)
    D('shippo', SHIPMON, 'credential', 'shippo'),
    D('shipday', SHIPMON, 'credential', 'shipday'),
    D('sentrytoken', SHIPMON, 'credential', 'sentry'),
    D('sentryorgtoken', SHIPMON, 'credential', 'sentry_org_token'),
    D('datadogtoken', SHIPMON, 'credential', 'datadog_app_key', parts=[(r'^[\w-]{32}$', 'datadog_api_key')]),
    D('datadogapikey', SHIPMON, 'credential', 'datadog_api_key'),
    D('newreliclicensekey', SHIPMON, 'credential', 'newrelic_license_key'),
    D('newrelicpersonalapikey', SHIPMON, 'credential', 'newrelic_personal_api_key'),
    D('newrelicinsightsinsertkey', SHIPMON, 'credential', 'newrelic_insert_key'),
    D('newrelicuserkey', SHIPMON, 'credential', 'newrelic_user_key'),
    D('newrelicbrowserkey', SHIPMON, 'credential', 'newrelic_browser_key'),
    D('uptimerobot', SHIPMON, 'credential', 'uptimerobot'),
    D('bugsnag', SHIPMON, 'credential', 'bugsnag'),
    # ---- generic: URIs with passwords, databases, FTP, the generic detector
    D('uri', GENERIC, 'credential', 'uri_password', uri=True),
    D('ftp', GENERIC, 'credential', 'ftp_password', uri=True),
    D('jdbc', GENERIC, 'credential', 'jdbc_password', uri=True,
      files=['jdbc_test.go', 'mysql_test.go', 'postgres_test.go', 'sqlserver_test.go']),
    D('postgres', GENERIC, 'credential', 'postgres_password', uri=True),
    D('mongodb', GENERIC, 'credential', 'mongodb_password', uri=True),
    D('redis', GENERIC, 'credential', 'redis_password', uri=True),
    D('sqlserver', GENERIC, 'credential', 'sqlserver_password', uri=True),
    D('generic', GENERIC, 'credential', 'generic_secret'),
    # ---- JWTs and private keys
    D('jwt', JWTKEYS, 'credential', 'jwt'),
    D('privatekey', JWTKEYS, 'credential', 'private_key', exclude_files=('cracker_test.go',)),
]
BY_NAME = {d['name']: d for d in DETECTORS}

FAMILY_TITLES = {
    AI: 'AI providers', PAY: 'payment gateways', CLOUD: 'cloud and hosting', MSG: 'mail, SMS and chat',
    CODE: 'code hosting', SOCIAL: 'social / OAuth', SHIPMON: 'shipping and monitoring',
    GENERIC: 'URIs with passwords, databases, FTP, generic secrets', JWTKEYS: 'JWTs and private keys',
}

EXCLUDED_FILES = {
    'aws/appsync/appsync_test.go': 'AWS AppSync API keys: not WordPress evidence (an AppSync endpoint + key pair)',
    'azure_entra/common_test.go': 'tenant and client id matching (identifiers, not secrets)',
    'azure_entra/serviceprincipal/v2/spv2_processdata_test.go': 'verification logic (mocked HTTP), no input text',
    'privatekey/cracker_test.go': 'passphrase cracking of a key read from a fixture, no input text',
}

# Detectors considered and left out (beyond the ~750 unrelated ones), with the reason.
LEFT_OUT_DETECTORS = {
    'gemini': 'the Gemini crypto exchange, not Google Gemini (that is `googlegemini`, included)',
    'deepgram': 'speech-to-text API, not in this corpus\' AI provider list',
    'assemblyai': 'speech-to-text API, not in this corpus\' AI provider list',
    'langsmith': 'LLM tracing tool, developer tooling',
    'ldap': 'LDAP bind credentials: not WordPress evidence',
    'godaddy': 'in scope (domains/hosting), but each of its two test inputs also holds a '
               'one-character-changed copy of the key that shares 12-character runs with it, so '
               'scoring would be ambiguous',
    'algoliaadminkey': 'left out like in peers/ (not in this corpus\' provider list)',
    'hubspot_apikey': 'left out like in peers/ (not in this corpus\' provider list)',
}


# ---------------------------------------------------------------- reading a test file

INPUT_FIELDS = ('input', 'Input', 'data')
WANT_FIELDS = ('want', 'Expected', 'expected', 'expectedPairs')

# Test rows whose name says they only check de-duplication of one value found twice in the
# same line: the value and its context are those of the row before them.
DEDUP_ROW = re.compile(r'ignore duplicate|do not process duplicate', re.I)

# Tables that are not detection tests (parsers, verification, helpers) have no input field
# and are skipped automatically.  Tables below have an input field but are read specially.
ROWS_NEGATIVE_TABLES = {
    ('openaiadmin', 'TestOpenAIAdmin_DoesNotMatchRegularKeys'):
        'regular OpenAI keys (true positives of the openai detector)',
}

# Test functions without a table: (detector, file, function) -> how to read them.
#   ('tp', [variable names of the expected values])  a positive case; the input is the
#                                                     argument of FromData (or `input`)
#   ('tp_match', None)                               pattern.Match([]byte(...)) calls: positives
#   ('fp', None)                                     a negative case
#   ('skip', reason)                                 not read
SINGLE = {
    ('openai', 'openai_test.go', 'TestOpenAI_DoesNotMatchAdminKeys'):
        ('skip', 'negative for openai, but the input is an OpenAI admin key (an openaiadmin positive)'),
    ('pinecone', 'pinecone_test.go', 'TestPinecone_FromDataPreservesMetadataOnVerificationError'):
        ('skip', 'verification test on a bare key already used by a pattern test'),
    ('aws', 'access_keys/accesskey_test.go', 'TestAWS_CanaryTokenFiltering'):
        ('skip', 'canary-token test built on AWS\'s documented example secret key'),
    ('twilioapikey', 'twilioapikey_test.go', 'TestTwilioAPIKey_SecretRedacted'):
        ('skip', 'redaction-format test repeating the pattern test\'s input'),
    ('klaviyo', 'klaviyo_test.go', 'TestLegacyHexFormat'): ('tp', ['key']),
    ('klaviyo', 'klaviyo_test.go', 'TestNewPrefixedFormat'): ('tp', ['key']),
    ('klaviyo', 'klaviyo_test.go', 'TestPunctuationBodyRejected'): ('fp', None),
    ('klaviyo', 'klaviyo_test.go', 'TestUppercaseHexRejected'): ('fp', None),
    ('klaviyo', 'klaviyo_test.go', 'TestLegacyTooShortRejected'): ('fp', None),
    ('klaviyo', 'klaviyo_test.go', 'TestNewFormatTailTooLongRejected'): ('fp', None),
    ('datadogtoken', 'datadogtoken_test.go', 'TestDataDogToken_Pattern_WithValidAPIandAppKey'): ('tp', ['want']),
    ('datadogtoken', 'datadogtoken_test.go', 'TestDataDogToken_Pattern_WithAPIKeyOnly'): ('fp', None),
    ('datadogtoken', 'datadogtoken_test.go', 'TestDataDogToken_NoSecrets'): ('fp', None),
    ('datadogtoken', 'datadogtoken_test.go', 'TestDataDogToken_InvalidSecrets'): ('fp', None),
    ('datadogapikey', 'datadogapikey_test.go', 'TestDataDogApiKey_Pattern_WithValidAPIKey'): ('tp', ['apiKey']),
    ('datadogapikey', 'datadogapikey_test.go', 'TestDataDogApiKey_NoSecrets'): ('fp', None),
    ('datadogapikey', 'datadogapikey_test.go', 'TestDataDogApiKey_InvalidSecrets'): ('fp', None),
    ('privatekey', 'privatekey_test.go', 'TestPrivatekey_EncryptedKeyReported'):
        ('tp', ['encryptedUncrackablePattern']),
    ('postgres', 'postgres_test.go', 'TestPostgres_RawVsPrimarySecret'): ('tp', ['input']),
    ('postgres', 'postgres_test.go', 'TestPostgres_FromDataWithIgnorePattern'):
        ('skip', 'negative only because of a configured ignore pattern (the input is a positive)'),
    ('sqlserver', 'sqlserver_test.go', 'TestSQLServer_Pattern'): ('tp_match', None),
    ('sqlserver', 'sqlserver_test.go', 'TestSqlServer_FromDataWithIgnorePattern'):
        ('skip', 'negative only because of a configured ignore pattern (the input is a positive)'),
    ('jdbc', 'jdbc_test.go', 'TestJdbc_ExtraData_UnsupportedSubprotocol'): ('tp', ['input']),
}

# Tables whose rows run FromData on `data` and check the finding's extra data (host, user,
# database): every row expects a finding, so its URI password is a positive.
EXTRADATA_TABLES = {'TestJdbc_ExtraData', 'TestPostgres_ExtraData', 'TestMongoDB_ExtraData',
                    'TestRedis_ExtraData'}


def tidy(s):
    """Render a test input as a block: CRLF -> LF, no leading/trailing blank lines, the
    Go source's indentation removed (common leading whitespace of the lines; when only
    the first line starts at column 0, of the others)."""
    s = s.replace('\r\n', '\n')
    lines = s.split('\n')
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ''

    def dedent(ls):
        ind = [re.match(r'[ \t]*', x).group() for x in ls if x.strip()]
        pre = os.path.commonprefix(ind) if ind else ''
        return [x[len(pre):] if x.startswith(pre) else x.lstrip(' \t') for x in ls]
    first_ind = re.match(r'[ \t]*', lines[0]).group()
    if first_ind or len(lines) == 1:
        lines = dedent(lines)
    else:
        lines = [lines[0]] + dedent(lines[1:])
    return '\n'.join(x.rstrip(' \t') if not x.strip() else x for x in lines)


def as_list(w):
    if w is None:
        return []
    if isinstance(w, dict):
        return list(w)
    if isinstance(w, str):
        return [w]
    return list(w)


class RawCase:
    def __init__(self, det, path, func, name, text, wants, polarity, note=None):
        self.det, self.path, self.func, self.name = det, path, func, name
        self.text, self.wants, self.polarity, self.note = text, wants, polarity, note


def read_detector(repo, det):
    """All test rows of one detector as RawCase objects."""
    base = DDIR + det['name'] + '/'
    files = [p for p in repo.ls(base) if p.endswith('_test.go') and not p.endswith('_integration_test.go')]
    if det['files']:
        files = [p for p in files if p[len(base):] in det['files']]
    out = []
    for p in sorted(files):
        rel = p[len(base):]
        if rel in det['exclude_files']:
            STATS.skip('test file left out: %s (%s)' % (det['name'] + '/' + rel,
                                                         EXCLUDED_FILES[det['name'] + '/' + rel]))
            continue
        src = repo.show(p)
        env, tables, errors = read_test_file(src)
        for fn, var, rows in tables:
            rows = [r for r in rows if isinstance(r, dict)]
            if not any(any(k in r for k in INPUT_FIELDS) for r in rows):
                continue
            for r in rows:
                inp = next((r[k] for k in INPUT_FIELDS if k in r), None)
                name = r.get('name', '') if isinstance(r.get('name'), str) else ''
                if not isinstance(inp, str):
                    STATS.skip('row not literal (input built at run time)')
                    continue
                if r.get('skip') is True:
                    STATS.skip('row marked skip in the test')
                    continue
                if (det['name'], fn) in ROWS_NEGATIVE_TABLES:
                    out.append(RawCase(det, p, fn, name, inp, [], 'fp', ROWS_NEGATIVE_TABLES[(det['name'], fn)]))
                    continue
                if fn in EXTRADATA_TABLES:
                    out.append(RawCase(det, p, fn, name, inp, [inp], 'tp'))
                    continue
                if 'shouldMatch' in r:
                    if r['shouldMatch']:
                        out.append(RawCase(det, p, fn, name, inp, [r.get('match') or inp], 'tp'))
                    else:
                        out.append(RawCase(det, p, fn, name, inp, [], 'fp'))
                    continue
                wf = next((k for k in WANT_FIELDS if k in r), None)
                want = r.get(wf) if wf else None
                if isinstance(want, Opaque):
                    STATS.skip('row not literal (expected value built at run time)')
                    continue
                wants = [w for w in as_list(want) if isinstance(w, str) and w]
                out.append(RawCase(det, p, fn, name, inp, wants, 'tp' if wants else 'fp'))
        # test functions without a table
        lib_go.SRC['text'] = src
        toks = tokenize(src)
        table_funcs = {t[0] for t in tables if any(isinstance(r, dict) and any(k in r for k in INPUT_FIELDS)
                                                    for r in t[2])}
        for fname, lo, hi in funcs(toks):
            if not fname.startswith('Test') or fname in table_funcs:
                continue
            spec = SINGLE.get((det['name'], rel, fname))
            if spec is None:
                continue
            mode, arg = spec
            if mode == 'skip':
                STATS.skip('test function left out: %s.%s (%s)' % (det['name'], fname, arg))
                continue
            lenv = dict(env)
            errs = []
            read_decls(toks, lo, hi, lenv, errs, local=True)
            body = src[toks[lo].pos:toks[hi].pos]
            if mode == 'tp_match':
                for m in re.finditer(r'pattern\.Match\(\[\]byte\((`[^`]*`|"(?:[^"\\]|\\.)*")\)\)', body):
                    lit = m.group(1)
                    text = lit[1:-1] if lit[0] == '`' else lib_go.unquote(lit)
                    out.append(RawCase(det, p, fname, fname, text, [text], 'tp'))
                continue
            inp = lenv.get('input')
            if not isinstance(inp, str):
                m = re.search(r'FromData\([^,]+,\s*\w+,\s*\[\]byte\(', body)
                if m:
                    k = next(i for i in range(lo, hi) if toks[i].pos >= toks[lo].pos + m.end() - 1
                             and toks[i].text == '(')
                    j = lib_go.match_close(toks, k)
                    inp = lib_go.Expr(toks, k + 1, j, lenv).whole()
            if not isinstance(inp, str):
                raise RuntimeError('cannot read input of %s %s' % (p, fname))
            if mode == 'tp':
                wants = []
                for v in arg:
                    w = lenv.get(v)
                    wants += as_list(w)
                out.append(RawCase(det, p, fname, fname, inp, wants, 'tp'))
            else:
                out.append(RawCase(det, p, fname, fname, inp, [], 'fp'))
    return out


# ---------------------------------------------------------------- from a reported value to labels

PEM = re.compile(r'-----BEGIN[ A-Z0-9]*PRIVATE KEY-----(?:\\+n|\s)*(.+?)(?:\\+n|\s)*-----END[ A-Z0-9]*PRIVATE KEY-----',
                 re.S)
URL_CRED = re.compile(r'^[a-z][a-z0-9+.-]*:(?:[a-z0-9+.-]+:)?//([^/@\s]*)@', re.I)
PARAM_PW = re.compile(r'(?i)(?:^|[;?&,\s])(?:password|pwd)=([^;&,"\s]+)')
EMAIL = re.compile(r'^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$')
URL = re.compile(r'^https?://', re.I)


def segment(w, text, minlen=6):
    """Cover w with the longest pieces that occur verbatim in text."""
    pieces = []
    i = 0
    while i < len(w):
        j = len(w)
        while j > i and w[i:j] not in text:
            j -= 1
        if j - i >= minlen:
            pieces.append(w[i:j])
            i = j
        else:
            i += 1
    return pieces


def in_text(v, text):
    """v as it sits in text: verbatim, or percent-decoded, or percent-encoded."""
    for cand in (v, urllib.parse.unquote(v), urllib.parse.quote(v, safe='')):
        if cand and cand in text:
            return cand
    return None


SAME_USER = []  # URIs whose password equals the user name (left out)


def uri_password(w, text):
    m = URL_CRED.match(w)
    if m:
        userinfo = m.group(1)
        if ':' in userinfo:
            user, pw = userinfo.split(':', 1)
            if pw and pw == user:
                SAME_USER.append(w)
                return None
            return in_text(pw, text) if pw else None
    m = PARAM_PW.search(w)
    if m:
        return in_text(m.group(1), text)
    return None


def labels_for(rc, text):
    """[(kind, value)] for the values one positive test row reports."""
    det = rc.det
    out = []
    for w in rc.wants:
        w = w.strip()
        if det['json_keys'] and w.startswith('{'):
            obj = json.loads(w)
            vals = [obj[k] for k in det['json_keys'] if k in obj]
        else:
            vals = [w]
        for v in vals:
            out += value_labels(det, v, text)
    return out


def value_labels(det, v, text):
    if 'PRIVATE KEY-----' in v:
        res = []
        for m in PEM.finditer(text):
            res.append((det['kind'], m.group(1)))
        return res
    if det['uri']:
        pw = uri_password(v, text)
        return [(det['kind'], pw)] if pw else []
    if det['segment']:
        m = re.search(det['segment'], v)
        g = next(x for x in m.groups() if x)
        return [(det['kind'], g)] if g in text else []
    v = v.strip('"\'`')
    if det['split']:
        pieces = re.split(det['split'], v)
    elif v in text:
        pieces = [v]
    else:
        # a combined value (id:secret, id + secret, secret + base URL): its parts
        v = re.sub(r'https?://\S*$', '', v)
        pieces = [p for p in v.split(':') if p]
    res = []
    for piece in pieces:
        whole = piece in text
        for part in ([piece] if whole else segment(piece, text)):
            part = part.strip('"\'`')
            if URL.match(part) or EMAIL.match(part):
                continue
            if not whole and re.match(r'^[a-z.]+$', part):
                continue  # a word (host or account name) matched inside a combined value
            kind = det['kind']
            for rx, k in det['parts']:
                if re.search(rx, part):
                    kind = k
                    break
            if kind is None:
                continue
            res.append((kind, part))
    return res


def short_ambiguous(v, text, others):
    """A value shorter than the probe is caught only when it is gone from the whole output:
    it must not also occur inside a longer word of its case (`pass` in `password=`)."""
    t = mask(text, [o for o in others if v not in o])
    whole = len(re.findall(r'(?<![A-Za-z0-9_])' + re.escape(v) + r'(?![A-Za-z0-9_])', t))
    return t.count(v) > whole


# ---------------------------------------------------------------- negatives

# Negative rows kept as `keep` labels: (detector, row or function name) -> the kept text
# ('*' = the whole case).  Everything else negative is left out with a reason (below).
NEGATIVE_KEEP = {
    ('openaiadmin', 'no matches'): '*',                                   # prose
    ('cloudflareapitoken', 'invalid pattern - keyword only'): '*',         # code: a prefix check
    ('cloudflareglobalapikey', 'invalid pattern - keyword only'): '*',     # code: a prefix check
    ('shippo', 'invalid pattern - keyword only'): '*',                     # log line with the bare prefix
    ('shippo', 'invalid test key - keyword only'): '*',                    # the bare prefix
    ('datadogtoken', 'TestDataDogToken_NoSecrets'): '*',                   # API base URLs
    ('datadogapikey', 'TestDataDogApiKey_NoSecrets'): '*',                 # the same text
    ('sqlserver', 'invalid pattern'): '*',                                 # prose
    ('mongodb', 'no_password'): '*',                                       # URI without credentials
    ('mongodb', 'empty'): '*',                                             # URI with an empty password
    ('mongodb', 'invalid_userinfo'): '*',                                  # template placeholders <user>:<password>
    ('azure_entra', 'placeholder_secret'): '*',                            # template placeholders {{secret}}
    ('azure_storage', 'invalid_key_1'): '*',                               # placeholder written as words
    ('microsoftteamswebhook', 'invalid pattern - wrong domain'): '*',      # URL with words, no token
    ('jdbc', 'invalid pattern - false positives'): '*',                    # JDBC-like strings, no credentials
}

# Specific reasons for negatives that are left out: (detector, regex on the row name).
NEGATIVE_REASONS = [
    ('jwt', r'^HS\d+/', 'HMAC-signed JWT: not reported only because the detector cannot verify it '
                       'offline; still a bearer token'),
    ('jwt', r'skipUnverified is true', 'the same JWT as a positive, dropped only by a feature flag'),
    ('mongodb', r'^placeholders_x', 'placeholder credentials (xxxx) in a connection string'),
    ('azure_storage', r'^test_key', 'the public Azurite emulator account key: key-shaped'),
    ('azure_storage', r'^invalid_key_2$', 'masked value (neutral in this project)'),
    ('microsoftteamswebhook', r'missing sig', 'workflow trigger URL without its signature: identifiers, '
                                              'not plainly non-secret'),
    ('uri', r'^invalid pattern$', 'malformed URI around random strings'),
]

NEGATIVE_SKIP_DEFAULT = 'negative skipped: secret-shaped value failing only the detector\'s length/charset/format check'


def negative_reason(rc, own, others):
    if rc.note:
        return 'negative skipped: ' + rc.note
    for dname, rx, why in NEGATIVE_REASONS:
        if dname == rc.det['name'] and re.search(rx, rc.name or ''):
            return 'negative skipped: ' + why
    if any(p in rc.text for p in own):
        return 'negative skipped: holds a valid secret of the detector (keyword out of range, missing pair, ...)'
    if any(p in rc.text for p in others):
        return 'negative skipped: holds a true positive of a sibling detector'
    return NEGATIVE_SKIP_DEFAULT


# ---------------------------------------------------------------- assembly

MAX_BUCKETS = 6
MERGED = {}  # detector -> detectors whose identical input was taken instead


def mask(text, values):
    for v in sorted(values, key=len, reverse=True):
        text = text.replace(v, MARK)
    return text


def grams(text):
    return {text[i:i + PROBE] for i in range(len(text) - PROBE + 1)}


class Bucket:
    def __init__(self, name):
        self.name = name
        self.cases = []
        self.masked = []
        self.mgrams = set()
        self.values = set()
        self.short = set()
        self.vgrams = set()
        self.keeps = []
        self.paths = []

    def fits(self, c):
        """None when c can join this file; else why not.  A case joins a file when none of
        its values (or their 12-character probes) occurs in the file, no value of the file
        occurs in it, its values share no 12-character run with the file's values other than
        a common leading prefix (`shippo_live_`, `sk-ant-api03-`), and keep values do not hold
        remove values."""
        vals = [r['value'] for r in c.remove]
        cm = mask(c.text, vals)
        for k in c.keep:
            if any(v in k['value'] for v in self.values | set(vals)):
                return 'a keep value holds a remove value'
        for w in self.short:
            if w in cm:
                return 'a short value of the file occurs in this case'
        if self.vgrams & grams(cm):
            return 'a value of the file shares 12 characters with this case'
        for v in vals:
            if v in self.values:
                return 'the value is already labelled in this file'
            if len(v) >= PROBE and self.vgrams & set(probes(v)):
                pv = set(probes(v))
                for w in self.values:
                    cp = os.path.commonprefix([v, w])
                    if (pv & set(probes(w))) - set(probes(cp) if len(cp) >= PROBE else []):
                        return 'the value shares 12 characters (beyond a common prefix) with a value of this file'
            if len(v) < PROBE:
                if any(v in m for m in self.masked):
                    return 'the value occurs elsewhere in this file'
            elif self.mgrams & set(probes(v)):
                return 'the value shares 12 characters with this file'
            if any(v in k['value'] for k in self.keeps):
                return 'the value occurs in a keep value of this file'
        return None

    def add(self, c):
        vals = [r['value'] for r in c.remove]
        cm = mask(c.text, vals)
        self.cases.append(c)
        self.masked.append(cm)
        self.mgrams |= grams(cm)
        for v in vals:
            self.values.add(v)
            if len(v) < PROBE:
                self.short.add(v)
            else:
                self.vgrams |= set(probes(v))
        self.keeps += c.keep
        if c.path not in self.paths:
            self.paths.append(c.path)


def assemble(cases):
    fams = {}
    for c in cases:
        fams.setdefault(c.family, []).append(c)
    out = []
    for fam, cs in fams.items():
        buckets = []
        by_text = {}
        for c in cs:
            if c.text in by_text:
                # the same input in two tests (sibling detectors): one case, labels merged
                first = by_text[c.text]
                if first.polarity == c.polarity and {r['value'] for r in c.remove} <= {
                        x['value'] for x in first.remove} and {k['value'] for k in c.keep} <= {
                        x['value'] for x in first.keep}:
                    STATS.note('identical input in another test of the family: taken once')
                    if c.rule != first.rule:
                        MERGED.setdefault(c.rule, set()).add(first.rule)
                    continue
                STATS.skip('duplicate input with different labels within the family file')
                continue
            why = None
            for bi in range(MAX_BUCKETS):
                if bi == len(buckets):
                    buckets.append(Bucket(fam if bi == 0 else '%s-%d' % (fam, bi + 1)))
                why = buckets[bi].fits(c)
                if why is None:
                    buckets[bi].add(c)
                    by_text[c.text] = c
                    break
            else:
                STATS.skip('dropped: collides in every file of its family (%s)' % why)
        out += [b for b in buckets if b.cases]
    return out


def is_placeholder(v):
    """Positives like shippo_live_aaaa...: labelled remove as the test says, under a
    `*_placeholder` kind so that they can be read apart."""
    if len(v) < 8:
        return False
    run = max(len(m.group()) for m in re.finditer(r'(.)\1*', v))
    return run >= 8 and run >= 0.6 * len(v)


def render(bucket):
    parts = []
    for c in bucket.cases:
        t = c.text
        if '\n' in t.strip('\n'):
            parts.append('\n' + t.strip('\n') + '\n')
        else:
            parts.append(t.strip('\n'))
    text = '\n'.join(parts) + '\n'
    return re.sub(r'\n{3,}', '\n\n', text)


def verify(text, remove, keep):
    """Every label occurs in the file; replacing exactly the remove values removes every
    12-character probe and keeps every keep value."""
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
    return errs


# ---------------------------------------------------------------- main build

def build_cases(repo):
    cases = []
    raws_by = {d['name']: read_detector(repo, d) for d in DETECTORS}
    read_stats = dict(STATS.skipped)
    # secret values of every detector's positives (to explain why negatives are left out)
    pos_values = {}
    for name, raws in raws_by.items():
        vals = set()
        for rc in raws:
            if rc.polarity == 'tp':
                vals.update(v for _, v in labels_for(rc, tidy(rc.text)) if len(v) >= 8)
        pos_values[name] = vals
    STATS.skipped.clear()
    STATS.skipped.update(read_stats)  # the pass above only explains negatives; count once below
    del SAME_USER[:]
    seen_keep = set()
    for det in DETECTORS:
        raws = raws_by[det['name']]
        own = pos_values[det['name']]
        others = set().union(*(v for k, v in pos_values.items() if k != det['name']))
        for rc in raws:
            text = tidy(rc.text)
            if rc.polarity == 'tp':
                if DEDUP_ROW.search(rc.name or ''):
                    STATS.skip('positive skipped: de-duplication row (the previous row\'s value repeated in one line)')
                    continue
                n_same = len(SAME_USER)
                labs = labels_for(rc, text)
                if labs and len(SAME_USER) > n_same:
                    STATS.skip('label left out: a password equal to the user name in the same URI')
                if not labs:
                    if len(SAME_USER) > n_same:
                        STATS.skip('positive skipped: its only password equals the user name')
                    else:
                        STATS.skip('positive skipped: the reported value holds no credential (URL without password)')
                    continue
                c = Case(text, rc.path, det['name'], 'trufflehog-' + det['family'], 'tp', rc.name)
                for kind, v in labs:
                    if len(v) < PROBE and short_ambiguous(v, text, [x for _, x in labs if x != v]):
                        STATS.skip('label left out: a short value that also occurs elsewhere in its case '
                                   '(e.g. inside a key name), so scoring would be ambiguous')
                        continue
                    c.rm(det['category'], kind, v)
                if not c.remove:
                    STATS.skip('positive skipped: no unambiguous label left')
                    continue
                if verify(text, c.remove, []):
                    STATS.skip('positive skipped: the input also holds a near-copy of the secret (one character '
                               'changed) sharing 12-character runs with it, so scoring would be ambiguous')
                    continue
                cases.append(c)
            else:
                keep = NEGATIVE_KEEP.get((det['name'], rc.name))
                if keep is None:
                    STATS.skip(negative_reason(rc, own, others))
                    continue
                if (det['name'], rc.name) in seen_keep:
                    raise RuntimeError('NEGATIVE_KEEP key matches two rows: %r' % ((det['name'], rc.name),))
                seen_keep.add((det['name'], rc.name))
                c = Case(text, rc.path, det['name'], 'trufflehog-' + det['family'], 'fp', rc.name)
                for kv in ([text] if keep == '*' else keep):
                    c.kp('peer_negative', kv)
                cases.append(c)
    return cases


def licence_of(repo):
    head = repo.show('LICENSE')[:600]
    if 'GNU AFFERO GENERAL PUBLIC LICENSE' in head and 'Version 3' in head:
        return 'AGPL-3.0'
    raise RuntimeError('unexpected LICENSE of %s' % repo.name)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--trufflehog', required=True, help='git directory of trufflesecurity/trufflehog')
    ap.add_argument('--out', default=HERE)
    ap.add_argument('--commit', default='3ab759fef4bb5935d4fe9ac68b503d05346b8364',
                    help='commit to read (default: the one SOURCES.md records)')
    a = ap.parse_args(argv)
    repo = Repo(REPO, a.trufflehog, a.commit)
    repo.licence = licence_of(repo)

    cases = build_cases(repo)
    buckets = assemble(cases)
    for bk in buckets:
        for c in bk.cases:
            for r in c.remove:
                if is_placeholder(r['value']):
                    r['kind'] += '_placeholder'

    for fn in os.listdir(a.out):
        if fn.endswith('.txt') or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'trufflehog', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {repo.name: {'commit': repo.commit, 'licence': repo.licence}},
              'files': {}}
    problems = []
    contamination = 0
    for b in sorted(buckets, key=lambda b: b.name):
        name = b.name + '.txt'
        text = render(b)
        remove, keep = [], []
        for c in b.cases:
            remove += c.remove
            keep += c.keep
        problems += ['%s: %s' % (name, e) for e in verify(text, remove, keep)]
        idx = {}
        for r in remove:
            for p in set(probes(r['value'])) if len(r['value']) >= PROBE else ():
                idx.setdefault(p, set()).add(r['value'])
        contamination += len({v for s in idx.values() if len(s) > 1 for v in s})
        with open(os.path.join(a.out, name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(text)
        labels['files'][name] = {
            'source': {'repo': repo.name, 'commit': repo.commit, 'path': sorted(b.paths)},
            'bytes': len(text.encode('utf-8')),
            'remove': [dict(r) for r in remove],
            'keep': [dict(k) for k in keep],
        }
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, labels, repo, buckets)
    n_tp = sum(1 for b in buckets for c in b.cases if c.polarity == 'tp')
    n_fp = sum(1 for b in buckets for c in b.cases if c.polarity == 'fp')
    for p in problems:
        print('PROBLEM', p)
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d detectors, %d positive cases, %d negative (keep) cases' % (len(DETECTORS), n_tp, n_fp))
    print('%d files, %d remove labels, %d keep labels; %d values share a 12-char run with another value'
          % (len(labels['files']), n_rm, n_kp, contamination))
    return 1 if problems else 0


def write_sources_md(out, labels, repo, buckets):
    cats = ['provider_key', 'credential', 'payment', 'customer']
    rows = []
    tot = {c: 0 for c in cats}
    n_tp = n_fp = 0
    per_det = {d['name']: {'tp': 0, 'fp': 0, 'rm': 0, 'kinds': set(), 'paths': set()} for d in DETECTORS}
    for b in buckets:
        for c in b.cases:
            pd = per_det[c.rule]
            pd['tp' if c.polarity == 'tp' else 'fp'] += 1
            pd['rm'] += len(c.remove)
            pd['kinds'].update(r['kind'] for r in c.remove)
            pd['paths'].add(c.path)
            if c.polarity == 'tp':
                n_tp += 1
            else:
                n_fp += 1
    for name, f in sorted(labels['files'].items()):
        cc = {}
        for r in f['remove']:
            cc[r['category']] = cc.get(r['category'], 0) + 1
            tot[r['category']] += 1
        dets = sorted({r['rule'] for r in f['remove']} | {k['rule'] for k in f['keep']})
        rows.append('| `%s` | %s | %d (%s) | %d |' % (
            name, ', '.join('`%s`' % d for d in dets), len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cc.items())) or '-', len(f['keep'])))
    L = []
    L.append("""# Sources of the TruffleHog-derived corpus

Every file here is built by `build.py` from the unit tests of
[TruffleHog](https://github.com/%s)'s detectors (`pkg/detectors/<detector>/**/*_test.go`; the
`*_integration_test.go` files, which call live services, are never read).  Nothing in this folder
comes from this project's own code.  Each case is a test input as the test builds it (string
literals, `+`, `fmt.Sprintf`, ... rendered by `lib_go.py`), with the Go source's indentation
removed, on its own line or as a small block between blank lines.

This corpus is **held out**: it is used to measure recall, and the project is not tuned on it.

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s |

The test inputs are excerpts of TruffleHog's AGPL-3.0 test code (the `LICENSE` file at that
commit); they are kept here unmodified apart from the indentation, for testing only.

## Cases

| positive cases | negative cases (keep) | remove labels: provider_key | credential | payment | customer | keep labels |
| --- | --- | --- | --- | --- | --- | --- |
| %d | %d | %d | %d | %d | %d | %d |

%d detectors are read (%d unit-test files).
""" % (repo.name, repo.name, repo.name, repo.commit, repo.licence, n_tp, n_fp, tot['provider_key'],
       tot['credential'], tot['payment'], tot['customer'],
       sum(len(f['keep']) for f in labels['files'].values()), len(DETECTORS),
       len({p for d in per_det.values() for p in d['paths']})))
    L.append("""## Files

All files come from `%s` at commit `%s` (%s).  `path` in labels.json lists the test
files a corpus file draws from; every label also carries its `rule` (the detector directory) and
`path` (the test file).  `-2`, `-3`, ... files hold cases whose values would collide with a label
of the main file of the family (the same key used by several tests, or a 12-character run shared
with another value).

| corpus file | detectors | remove labels | keep labels |
| --- | --- | --- | --- |""" % (repo.name, repo.commit[:12], repo.licence))
    L += rows
    L.append("""
## Detectors read

| family | detector (`pkg/detectors/...`) | category | kinds | positive cases | keep cases | remove labels |
| --- | --- | --- | --- | --- | --- | --- |""")
    for d in DETECTORS:
        pd = per_det[d['name']]
        kinds = ', '.join('`%s`' % k for k in sorted(pd['kinds'])) or '-'
        if d['name'] in MERGED:
            kinds += ' (its tests\' inputs are identical to those of %s: taken once, under that rule)' % (
                ', '.join('`%s`' % x for x in sorted(MERGED[d['name']])))
        L.append('| %s | `%s` | %s | %s | %d | %d | %d |' % (
            FAMILY_TITLES[d['family']], d['name'], d['category'], kinds, pd['tp'], pd['fp'], pd['rm']))
    L.append("""
## How values were obtained

- **Inputs**: `lib_go.py` tokenises each test file and evaluates the package-level `var`/`const`
  strings and the test table rows (`[]struct{...}{...}`, `map[string]testCase{...}`): string and
  raw literals, `+`, `fmt.Sprintf`, `strings.Repeat/Join/ToUpper/ToLower`, `[]byte(...)`.  A few
  tests without a table are read by name (`SINGLE` in build.py): the argument of `FromData`, or
  the literals passed to `pattern.Match`.  Nothing is executed.
- **Positives**: a row whose expected result is non-empty (`want`, `Expected`, `expectedPairs`,
  `shouldMatch: true`; rows of the `*_ExtraData` tables, which all expect a finding).  Each
  expected value becomes `remove` labels as it sits in the input: verbatim when it occurs there;
  when the detector reports a combined value, its parts that occur in the input (AWS
  `id:secret:session`, Twilio `SID` + token, client id + secret, JSON objects such as the Azure
  storage and GCP service-account results: only their secret members).  Connection strings and
  URIs: only the password (percent-encoded or not, as it sits in the input).  Private keys: the
  PEM body between the BEGIN and END lines.  Slack, Discord and Teams webhooks: the secret path
  segment or `sig` parameter.  Not labelled: host names, e-mail addresses, account names and ids
  that are not credentials (Cloudflare account ids, Cloudinary cloud names, Checkout customer
  ids, Discord bot ids).  Client ids, application ids and API key ids that the detector reports
  together with their secret are labelled with their own kinds (`*_client_id`, `*_key_id`,
  `*_application_id`, `aws_access_key_id`, ...), like peers/.  Positives that are plainly
  placeholders (`shippo_live_aaaa...`) keep their remove label under a `*_placeholder` kind.
  No value is invented or varied: a value used by several tests goes to a `-N` file instead.
- **Negatives**: rows expecting no result.  Only those that are plainly not secret become `keep`
  labels (kind `peer_negative`, the whole case): prose, code that only mentions a key prefix, API
  base URLs, URIs without or with an empty password, template placeholders (`<password>`,
  `{{secret}}`), a placeholder written as words (`storageaccountkeybase64encoded`), JDBC-like
  strings without credentials.  Negatives that still hold a secret or a secret-shaped value are
  left out (counted below).
- **Checks** (run by build.py on every file): every label occurs in its file, and replacing
  exactly the `remove` values removes every 12-character probe while every `keep` value
  survives.  Cases where that cannot hold (the input also holds a one-character-changed copy of
  the secret; a short password that also occurs inside a key name) are left out.

## Scope decisions

Included: the detectors whose secrets a WordPress/WooCommerce site or its support evidence
really holds:
""")
    fams = {}
    for d in DETECTORS:
        fams.setdefault(d['family'], []).append(d['name'])
    for fam in [AI, PAY, CLOUD, MSG, CODE, SOCIAL, SHIPMON, GENERIC, JWTKEYS]:
        L.append('- %s: %s' % (FAMILY_TITLES[fam], ', '.join('`%s`' % n for n in fams[fam])))
    all_dirs = sorted(set(repo.dirs(DDIR)) - set(BY_NAME))
    L.append("""
No detector exists at this commit for Cohere, Mistral, Perplexity, Mollie, Adyen, Klarna, Linode,
EasyPost or WooCommerce REST keys (`ck_`/`cs_`).  Brevo is covered by `sendinbluev2` (`xkeysib-`
keys), Vonage by `nexmoapikey`, Google AI (Gemini) keys by `googlegemini`.

Considered and left out:
""")
    for n, why in sorted(LEFT_OUT_DETECTORS.items()):
        L.append('- `%s`: %s' % (n, why))
    L.append("""
Within included detectors, left out: %s.

All other %d directories under `pkg/detectors/` are left out: SaaS APIs, data feeds, developer
tooling and infrastructure whose keys WordPress support evidence rarely holds (weather, finance,
crypto, CRM, scraping, CI/CD, observability of other stacks, ...):

<details><summary>the %d directories</summary>

%s

</details>
""" % ('; '.join('`%s` (%s)' % (k, v) for k, v in sorted(EXCLUDED_FILES.items())),
       len([x for x in all_dirs if x not in LEFT_OUT_DETECTORS]), len([x for x in all_dirs if x not in LEFT_OUT_DETECTORS]),
       ', '.join(x for x in all_dirs if x not in LEFT_OUT_DETECTORS)))
    L.append('Left out while building (cases and labels):\n')
    for reason, n in sorted(STATS.skipped.items(), key=lambda x: (-x[1], x[0])):
        L.append('- %s: %d' % (reason, n))
    if STATS.notes:
        L.append('\nOther counts:\n')
        for w, n in sorted(STATS.notes.items()):
            L.append('- %s: %d' % (w, n))
    L.append("""
## Rebuilding

```sh
python3 tests/external/trufflehog/build.py --trufflehog GITDIR
```

GITDIR is a git directory holding trufflesecurity/trufflehog (for example a `git clone --bare`);
files are read at the commit SOURCES.md records (`--commit` to change).  Needs Python 3.8+, standard library only.  The output is deterministic for
a given commit.  The build exits non-zero if any check above fails.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
