#!/usr/bin/env python3
"""Build tests/external/peers: a labelled redaction corpus made from the test
cases of public secret/PII detectors (gitleaks, Kingfisher, Nosey Parker,
detect-secrets, Presidio), in the format of shared/redaction-corpus.

    python3 build.py --gitleaks GITDIR --kingfisher GITDIR --noseyparker GITDIR \
        --detect-secrets GITDIR --presidio GITDIR [--out DIR]

Each GITDIR is a git directory (bare or not) holding a snapshot of the peer
repository; files are read at HEAD with `git show` and the commit is recorded.
Nothing from the peers is executed: Go rule generators are read by a small
interpreter (lib_go.py), YAML with PyYAML, Python tests with `ast`.

Random samples (gitleaks' secrets.NewSecret) are re-synthesised from the same
regex with a fixed seed, so the output is reproducible.  Requires PyYAML.
"""
import argparse
import base64
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lib_go import Evaluator, Parser, TP, Unsupported, find_funcs, sample_templates  # noqa: E402
from lib_regex import compile_go  # noqa: E402

PROBE = 12
MARK = '\x00'  # stands for a perfect redactor's placeholder in self-checks


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, name, gitdir, licence):
        self.name, self.gitdir, self.licence = name, gitdir, licence
        self.commit = self.git('rev-parse', 'HEAD').strip()

    def git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout.decode('utf-8', 'surrogateescape')

    def show(self, path):
        return self.git('show', 'HEAD:' + path)

    def ls(self, prefix):
        return [p for p in self.git('ls-tree', '-r', '--name-only', 'HEAD', prefix).splitlines()]


# ---------------------------------------------------------------- the case model

class Case:
    """One test case: a line or small block of text plus its labels."""

    def __init__(self, text, repo, path, rule, family, polarity):
        self.text = text
        self.repo, self.path, self.rule, self.family, self.polarity = repo, path, rule, family, polarity
        self.remove = []
        self.keep = []

    def rm(self, category, kind, value, synthesised=False):
        if value not in self.text:
            raise ValueError('remove value %r not in case text %r' % (value, self.text[:200]))
        for r in self.remove:
            if r['value'] == value:
                return
        d = {'category': category, 'kind': kind, 'value': value, 'rule': self.rule, 'path': self.path}
        if synthesised:
            d['synthesised'] = True
        self.remove.append(d)

    def kp(self, kind, value):
        if value not in self.text:
            raise ValueError('keep value %r not in case text' % value)
        self.keep.append({'kind': kind, 'value': value, 'rule': self.rule, 'path': self.path})


class Stats:
    def __init__(self):
        self.skipped = {}  # (source, reason) -> count
        self.notes = {}  # (source, what) -> count: merges and relabellings, not losses

    def skip(self, source, reason, n=1):
        key = (source, reason)
        self.skipped[key] = self.skipped.get(key, 0) + n

    def note(self, source, what, n=1):
        key = (source, what)
        self.notes[key] = self.notes.get(key, 0) + n


STATS = Stats()
IPV4 = re.compile(r'(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])')
EMAIL = re.compile(r'[\w.+-]+@[\w-]+\.[\w.-]+')


def pii_in(text):
    """Negatives holding emails or IPv4 addresses are left out: whether such a
    line must survive verbatim depends on this project's PII policy."""
    return bool(EMAIL.search(text) or IPV4.search(text))


def probes(v):
    if len(v) < PROBE:
        return [v]
    return [v[i:i + PROBE] for i in range(len(v) - PROBE + 1)]


def refine(category, kind, value):
    """Give well-known token shapes found by generic rules their provider kind."""
    if re.match(r'sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ', value):
        return 'provider_key', 'openai'
    if value.startswith('sk-ant-'):
        return 'provider_key', 'anthropic'
    if re.match(r'eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.', value):
        return 'credential', 'jwt'
    return category, kind


# ================================================================ gitleaks

GL_DIR = 'cmd/generate/config/rules/'

# rule id -> (corpus family, category, kind); None = rule left out (see SCOPE)
GL_RULES = {
    'anthropic-api-key': ('ai-providers', 'provider_key', 'anthropic'),
    'anthropic-admin-api-key': ('ai-providers', 'provider_key', 'anthropic'),
    'openai-api-key': ('ai-providers', 'provider_key', 'openai'),
    'cohere-api-token': ('ai-providers', 'provider_key', 'cohere'),
    'huggingface-access-token': ('ai-providers', 'provider_key', 'huggingface'),
    'huggingface-organization-api-token': ('ai-providers', 'provider_key', 'huggingface'),
    'perplexity-api-key': ('ai-providers', 'provider_key', 'perplexity'),
    'aws-amazon-bedrock-api-key-long-lived': ('ai-providers', 'provider_key', 'bedrock'),
    'aws-amazon-bedrock-api-key-short-lived': None,
    'stripe-access-token': ('payments', 'payment', 'stripe_secret_key'),
    'square-access-token': ('payments', 'payment', 'square_access_token'),
    'square-secret': ('payments', 'payment', 'square_secret'),
    'flutterwave-public-key': ('payments', 'payment', 'flutterwave_public_key'),
    'flutterwave-secret-key': ('payments', 'payment', 'flutterwave_secret_key'),
    'flutterwave-encryption-key': ('payments', 'payment', 'flutterwave_encryption_key'),
    'gocardless-api-token': ('payments', 'payment', 'gocardless_token'),
    'freemius-secret-key': ('generic', 'credential', 'freemius_secret_key'),
    'aws-access-token': ('cloud', 'credential', 'aws_access_key_id'),
    'gcp-service-account': None,
    'gcp-api-key': ('cloud', 'credential', 'google_api_key'),
    'azure-ad-client-secret': ('cloud', 'credential', 'azure_client_secret'),
    'digitalocean-pat': ('cloud', 'credential', 'digitalocean_token'),
    'digitalocean-access-token': ('cloud', 'credential', 'digitalocean_token'),
    'digitalocean-refresh-token': ('cloud', 'credential', 'digitalocean_token'),
    'cloudflare-global-api-key': ('cloud', 'credential', 'cloudflare_global_api_key'),
    'cloudflare-api-key': ('cloud', 'credential', 'cloudflare_api_key'),
    'cloudflare-origin-ca-key': ('cloud', 'credential', 'cloudflare_origin_ca_key'),
    'heroku-api-key': ('cloud', 'credential', 'heroku_api_key'),
    'heroku-api-key-v2': ('cloud', 'credential', 'heroku_api_key'),
    'netlify-access-token': ('cloud', 'credential', 'netlify_token'),
    'sendgrid-api-token': ('messaging', 'credential', 'sendgrid'),
    'mailgun-private-api-token': ('messaging', 'credential', 'mailgun_api_key'),
    'mailgun-pub-key': ('messaging', 'credential', 'mailgun_public_key'),
    'mailgun-signing-key': ('messaging', 'credential', 'mailgun_signing_key'),
    'mailchimp-api-key': ('messaging', 'credential', 'mailchimp'),
    'sendinblue-api-token': ('messaging', 'credential', 'brevo'),
    'twilio-api-key': ('messaging', 'credential', 'twilio'),
    'messagebird-api-token': ('messaging', 'credential', 'messagebird'),
    'messagebird-client-id': ('messaging', 'credential', 'messagebird_client_id'),
    'slack-bot-token': ('messaging', 'credential', 'slack_token'),
    'slack-user-token': ('messaging', 'credential', 'slack_token'),
    'slack-app-token': ('messaging', 'credential', 'slack_token'),
    'slack-config-access-token': ('messaging', 'credential', 'slack_token'),
    'slack-config-refresh-token': ('messaging', 'credential', 'slack_token'),
    'slack-legacy-bot-token': ('messaging', 'credential', 'slack_token'),
    'slack-legacy-workspace-token': ('messaging', 'credential', 'slack_token'),
    'slack-legacy-token': ('messaging', 'credential', 'slack_token'),
    'slack-webhook-url': ('messaging', 'credential', 'slack_webhook'),
    'discord-api-token': ('messaging', 'credential', 'discord_token'),
    'discord-client-id': ('messaging', 'credential', 'discord_client_id'),
    'discord-client-secret': ('messaging', 'credential', 'discord_client_secret'),
    'telegram-bot-api-token': ('messaging', 'credential', 'telegram_bot_token'),
    'github-pat': ('code-hosting', 'credential', 'github_token'),
    'github-fine-grained-pat': ('code-hosting', 'credential', 'github_token'),
    'github-oauth': ('code-hosting', 'credential', 'github_token'),
    'github-app-token': ('code-hosting', 'credential', 'github_token'),
    'github-refresh-token': ('code-hosting', 'credential', 'github_token'),
    'gitlab-cicd-job-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-deploy-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-feature-flag-client-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-feed-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-incoming-mail-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-kubernetes-agent-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-oauth-app-secret': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-pat': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-pat-routable': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-ptt': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-rrt': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-runner-authentication-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-runner-authentication-token-routable': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-scim-token': ('code-hosting', 'credential', 'gitlab_token'),
    'gitlab-session-cookie': ('code-hosting', 'credential', 'gitlab_session_cookie'),
    'bitbucket-client-id': ('code-hosting', 'credential', 'bitbucket_client_id'),
    'bitbucket-client-secret': ('code-hosting', 'credential', 'bitbucket_client_secret'),
    'facebook-secret': ('social-oauth', 'credential', 'facebook_secret'),
    'facebook-access-token': ('social-oauth', 'credential', 'facebook_access_token'),
    'facebook-page-access-token': ('social-oauth', 'credential', 'facebook_access_token'),
    'twitter-api-key': ('social-oauth', 'credential', 'twitter_api_key'),
    'twitter-api-secret': ('social-oauth', 'credential', 'twitter_api_secret'),
    'twitter-bearer-token': ('social-oauth', 'credential', 'twitter_bearer_token'),
    'twitter-access-token': ('social-oauth', 'credential', 'twitter_access_token'),
    'twitter-access-secret': ('social-oauth', 'credential', 'twitter_access_secret'),
    'linkedin-client-id': ('social-oauth', 'credential', 'linkedin_client_id'),
    'linkedin-client-secret': ('social-oauth', 'credential', 'linkedin_client_secret'),
    'easypost-api-token': ('shipping-monitoring', 'credential', 'easypost_api_key'),
    'easypost-test-api-token': ('shipping-monitoring', 'credential', 'easypost_api_key'),
    'shippo-api-token': ('shipping-monitoring', 'credential', 'shippo_api_key'),
    'sentry-access-token': ('shipping-monitoring', 'credential', 'sentry_token'),
    'sentry-org-token': ('shipping-monitoring', 'credential', 'sentry_token'),
    'sentry-user-token': ('shipping-monitoring', 'credential', 'sentry_token'),
    'new-relic-user-api-key': ('shipping-monitoring', 'credential', 'newrelic_key'),
    'new-relic-user-api-id': ('shipping-monitoring', 'credential', 'newrelic_key'),
    'new-relic-browser-api-token': ('shipping-monitoring', 'credential', 'newrelic_key'),
    'new-relic-insert-key': ('shipping-monitoring', 'credential', 'newrelic_key'),
    'datadog-access-token': ('shipping-monitoring', 'credential', 'datadog_key'),
    'generic-api-key': ('generic', 'credential', 'generic_secret'),
    'curl-auth-user': ('generic', 'credential', 'basic_auth_password'),
    'curl-auth-header': ('generic', 'credential', 'auth_header_token'),
    'jwt': ('jwt-keys', 'credential', 'jwt'),
    'jwt-base64': ('jwt-keys', 'credential', 'jwt_base64'),
    'private-key': ('jwt-keys', 'credential', 'private_key'),
    'pkcs12-file': None,
}

GL_FILES_IN = sorted({
    'anthropic', 'openai', 'cohere', 'huggingface', 'perplexity', 'stripe', 'square', 'flutterwave',
    'gocardless', 'freemius', 'aws', 'gcp', 'azure', 'digitalocean', 'cloudflare', 'heroku', 'netlify',
    'sendgrid', 'mailgun', 'mailchimp', 'sendinblue', 'twilio', 'messagebird', 'slack', 'discord', 'telegram',
    'github', 'gitlab', 'bitbucket', 'facebook', 'twitter', 'linkedin', 'easypost', 'shippo', 'sentry',
    'newrelic', 'datadog', 'generic', 'curl', 'jwt', 'privatekey'})

GL_SKIP_RULE_REASON = {
    'aws-amazon-bedrock-api-key-short-lived': 'its samples are only the constant prefix of the token',
    'gcp-service-account': 'its sample is the constant `"type": "service_account"`, no secret',
    'pkcs12-file': 'path-only rule, no text samples',
}

# curl-auth-user: the rule captures `user:pass`; we label the password (and an
# e-mail user name as customer data).  Index = position in the rule's tps list.
GL_CURL_USER = {
    0: [('credential', 'basic_auth_password', 'P@ssw0rd$1')],
    1: [('credential', 'basic_auth_password', 'yqDVtkqPECriaLRi')],
    2: [('credential', 'basic_auth_password', 'd2LkV78zLx!t')],
    3: [('credential', 'basic_auth_password', 'd2LkV78zLx!t')],
    4: [('credential', 'basic_auth_password', 'h0pk1ns~21s')],
    5: [('credential', 'basic_auth_password', 'pQ9wTxu4Fg'), ('customer', 'email', 'roger23@gmail.com')],
    6: [('credential', 'basic_auth_password', 'd2LkV78zLx!t')],
    7: [('credential', 'basic_auth_password', 'dB2yF6@qL9vZm1P#4J')],
    8: [('credential', 'basic_auth_password', 'ZqL5kVrX1n8tA2')],
    9: [('credential', 'basic_auth_password', 'pRf7vG2h1L8nQkW9')],
    10: [('credential', 'basic_auth_password', 'qgsnai0xokrw4j1')],
}

# fps that are left out, as (rule id, substring of the fp or '*', reason).
# Everything else in a rule's fps becomes a `keep` line.
GL_FP_SKIP = [
    ('anthropic-api-key', '*', 'key-shaped (too short / wrong suffix / other key type): still redact-worthy'),
    ('anthropic-admin-api-key', '*', 'key-shaped (too short / wrong suffix / other key type): still redact-worthy'),
    ('huggingface-access-token', 'y{}x|~|}', 'binary junk with control characters'),
    ('stripe-access-token', 'task_test_', 'random 30-char value assigned to a *Token variable'),
    ('freemius-secret-key', '*', 'holds an sk_ secret value (rule misses it only for syntax/path reasons)'),
    ('aws-amazon-bedrock-api-key-short-lived', '*', 'rule left out'),
    ('gcp-api-key', 'GWw4hjABFzZCGiRpmlDyDdo87', 'random 112-char blob'),
    ('gcp-api-key', 'AIzaTesb6Tscfcni8vIpWZ', 'AIza key shape (too long)'),
    ('gcp-api-key', 'AIZASYCO2CXRMC9', 'random-looking 39-char token'),
    ('gcp-api-key', 'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A', 'real-format Google API key (public Firebase SDK example)'),
    ('gcp-api-key', 'AIzaSy', 'real-format Google API keys (public Firebase SDK examples) - we redact AIza keys'),
    ('azure-ad-client-secret', '965f1453~47~', 'long hex blob (signature)'),
    ('azure-ad-client-secret', 'CloudFront-Signature', 'CloudFront URL signature = credential'),
    ('azure-ad-client-secret', 'USK@u2vn3Lh6Kte2', 'random key material'),
    ('cloudflare-global-api-key', '*', 'true positives of the sibling Cloudflare rules'),
    ('cloudflare-api-key', '*', 'true positives of the sibling Cloudflare rules'),
    ('cloudflare-origin-ca-key', '*', 'true positives of the sibling Cloudflare rules'),
    ('slack-user-token', '"token3"', 'random 32-hex tail'),
    ('slack-user-token', '"token4"', 'masked token (neutral in this project)'),
    ('telegram-bot-api-token', 'telegram_api_token = "telegram_api_token', 'token-shaped value (prefix/suffix variant)'),
    ('telegram-bot-api-token', 'telegram_api_token = "4', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "1', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "2', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "3', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "5', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "6', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "7', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "8', 'token-shaped value (bot id length)'),
    ('telegram-bot-api-token', 'telegram_api_token = "9', 'token-shaped value (bot id length)'),
    ('easypost-api-token', '*', 'random base64 blob'),
    ('easypost-test-api-token', '*', 'random base64 blob'),
    ('sentry-org-token', '*', 'token-shaped (malformed) Sentry tokens'),
    ('sentry-user-token', 'sntryu_', 'token-shaped (wrong length or low entropy)'),
    ('generic-api-key', '"accessor":"rA1wk0Y45YCufyfq"', 'random 16-char id in a secret-ish field'),
    ('generic-api-key', '"credentialId": "B9mTcFSck2LzJO2S3ols63"', 'random id in a credential field'),
    ('generic-api-key', 'public_key = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"', 'random 43-char key value'),
    ('generic-api-key', 'publicToken = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"', 'random 43-char token value'),
    ('generic-api-key', 'primaryKey=', 'random 30-char value'),
    ('generic-api-key', 'foreignKey=', 'random 30-char value'),
    ('generic-api-key', 'key_down_event=', 'random 30-char value'),
    ('generic-api-key', 'issuerKeyHash=', 'random 30-char value'),
    ('generic-api-key', ',apiKey:"6fe4476ee5a1832882e326b506d14126",', 'an apiKey assignment (public key of a site, still key-shaped)'),
    ('generic-api-key', 'csrf-token=', 'CSRF token = session-bound secret'),
    ('curl-auth-header', 'Authorization: Basic eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'carries a JWT'),
    ('mailchimp-api-key', 'MailchimpSDK.initialize', 'commented "False Negative" in the source: used as a true positive instead'),
    # placeholder values in a secret field or shaped like a provider token: redacting them is legitimate
    ('cohere-api-token', 'CO_API_KEY=xxxx', 'placeholder in a key assignment'),
    ('huggingface-access-token', 'hf_xxxx', 'token-shaped placeholder'),
    ('huggingface-organization-api-token', 'api_org_XXXX', 'token-shaped placeholder'),
    ('huggingface-organization-api-token', 'api_org_xxxx', 'token-shaped placeholder'),
    ('perplexity-api-key', 'pplx-xxxx', 'token-shaped placeholder'),
    ('aws-access-token', 'AKIAXXXXXXXXXXXXXXXX', 'key-shaped placeholder'),
    ('aws-access-token', 'AKIAIOSFODNN7EXAMPLE', "AWS's documented example key in a key assignment"),
    ('aws-amazon-bedrock-api-key-long-lived', 'EXAMPLE', 'key-shaped placeholder'),
    ('gcp-api-key', 'AIzaaaaa', 'key-shaped placeholder'),
    ('azure-ad-client-secret', 'bP88Q~xxxx', 'placeholder in a secret assignment'),
    ('slack-bot-token', 'xoxb-', 'token-shaped placeholder'),
    ('slack-legacy-bot-token', 'xoxb-', 'token-shaped placeholder'),
    ('slack-user-token', '"xoxp-', 'token-shaped placeholder in a token field'),
    ('slack-config-access-token', 'xoxe.xoxp-1-', 'token-shaped placeholder'),
    ('slack-config-refresh-token', 'xoxe-1-xxx', 'token-shaped placeholder'),
    ('discord-client-id', 'discord=0000', 'placeholder in a key assignment'),
    ('discord-client-secret', 'discord=0000', 'placeholder in a key assignment'),
    ('telegram-bot-api-token', 'telegram_api_token = "', 'a value in a token assignment'),
    ('github-pat', '*', 'token-shaped placeholder'), ('github-fine-grained-pat', '*', 'token-shaped placeholder'),
    ('github-oauth', '*', 'token-shaped placeholder'), ('github-app-token', '*', 'token-shaped placeholder'),
    ('github-refresh-token', '*', 'token-shaped placeholder'),
    ('gitlab-pat', '*', 'token-shaped placeholder'), ('gitlab-pat-routable', '*', 'token-shaped placeholder'),
    ('gitlab-ptt', '*', 'token-shaped placeholder'), ('gitlab-rrt', '*', 'token-shaped placeholder'),
    ('gitlab-runner-authentication-token-routable', '*', 'token-shaped placeholder'),
    ('sentry-user-token', 'sntryu_aaaa', 'token-shaped placeholder'),
    ('curl-auth-user', "'test:test'", 'placeholder credentials'),
    ('curl-auth-user', 'username:token', 'placeholder credentials'),
    ('curl-auth-user', '"xxx:yyy"', 'placeholder credentials'),
    ('curl-auth-user', '"username:password"', 'placeholder credentials'),
    ('curl-auth-header', 'Bearer XXXXXXXXXXXX', 'placeholder in an auth header'),
    ('curl-auth-header', 'Token **********', 'masked value (neutral in this project)'),
    ('private-key', 'anything', 'placeholder key body'),
    ('generic-api-key', 'clientId = "73082700', 'an OAuth client id: other peers count client ids as findings'),
]
GL_FP_AS_TP = {('mailchimp-api-key', 'MailchimpSDK.initialize')}


def gl_fp_skip(rule, text):
    for rid, sub, reason in GL_FP_SKIP:
        if rid == rule and (sub == '*' or sub in text):
            return reason
    return None


def gl_jwt_base64_samples():
    """A sample of gitleaks' jwt.go generateTestValues(): base64 of JWTs with
    various JOSE headers (the Go loop is ported here; 8 headers, StdEncoding)."""
    suffix = ('.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ'
              '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    headers = [('alg', '"HS256"'), ('alg', '"RS256"'), ('alg', '"ES256"'), ('typ', '"JWT"'),
               ('kid', '"my_key_id"'), ('iss', '"http://localhost:8087/realms/grafana"'), ('enc', '"A256GCM"'),
               ('cty', '"json"')]
    out = []
    for k, v in headers:
        header = '{"%s":%s}' % (k, v)
        jwt = base64.urlsafe_b64encode(header.encode()).decode().rstrip('=') + suffix
        out.append(base64.b64encode(jwt.encode()).decode())
    return out


def slack_hook_secret(v):
    """The secret part of a Slack webhook: the path after /services/ etc.; for the
    usual T.../B.../<secret> layout only the last segment (team and channel ids
    are not secret)."""
    path = re.sub(r'^(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/', '', v)
    return path.rsplit('/', 1)[-1] if '/' in path else path


def b64url(data):
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip('=')


def gen_jwt(rng):
    """A JWT-shaped sample (header.payload.signature) for gitleaks' `jwt` rule,
    whose own generator only draws `ey` + random characters.  The header never
    holds '-' or '_' in base64url (the rule's first segment forbids them)."""
    header = rng.choice(['{"alg":"HS256","typ":"JWT"}', '{"alg":"RS256","typ":"JWT"}', '{"typ":"JWT","alg":"HS512"}'])
    claims = '{"sub":"%d","name":"%s","iat":%d,"exp":%d}' % (
        rng.randint(1000, 99999999), rng.choice(['admin', 'shop-manager', 'api-client', 'editor']),
        rng.randint(1600000000, 1750000000), rng.randint(1750000000, 1900000000))
    sig = ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') for _ in range(43))
    return '%s.%s.%s' % (b64url(header), b64url(claims), sig)


GL_SPECIAL = [(lambda rx: rx.startswith('ey[a-zA-Z0-9]{17,}'), gen_jwt)]


def gl_secret_values(rule, rx, text, tp):
    """Values to label in one true-positive text."""
    vals = []
    if rx is not None:
        group = rule.get('SecretGroup') or 0
        for m in rx.finditer(text):
            if group:
                v = m.group(group)
            else:
                v = next((g for g in m.groups() if g), m.group())
            if v:
                vals.append(v)
    if not vals and isinstance(tp, TP) and tp.secret and tp.secret in text:
        vals.append(tp.secret)
    return vals


def gl_postprocess(rid, v, text=''):
    if rid == 'private-key':
        lines = v.split('\n')
        body = '\n'.join(lines[1:-1])
        return body if body.strip() else None
    if rid == 'slack-webhook-url':
        return slack_hook_secret(widen(text, v, TOKCHARS | set('/')))
    if rid == 'gitlab-session-cookie':
        return v.split('=', 1)[1]
    if rid.startswith('slack-') and rid != 'slack-webhook-url':
        return widen(text, v, TOKCHARS)
    return v.rstrip('"\'`')


def build_gitleaks(repo, rng):
    cases = []
    templates = sample_templates(repo.show('cmd/generate/config/utils/generate.go'))
    synth = set()
    for fname in GL_FILES_IN:
        path = GL_DIR + fname + '.go'
        src = repo.show(path)
        toks, funcs, top = find_funcs(src)
        base = Evaluator(rng, templates, synth)
        base.run(top)
        for fn, (s, e) in funcs.items():
            body = src[toks[s].pos:toks[e].pos]
            if 'config.Rule{' not in body:
                continue
            ev = Evaluator(rng, templates, synth)
            ev.special = GL_SPECIAL
            ev.env, ev.ast_env = dict(base.env), dict(base.ast_env)
            p = Parser(toks)
            p.i = s
            stmts = p.statements(e)
            rid = None
            try:
                # evaluate the rule first so that generated samples can be validated
                for st in stmts:
                    if st[0] == 'assign' and st[1] == ['r']:
                        rule = ev.ev(st[2])
                        ev.env['r'] = rule
                        rid = rule.get('RuleID')
                        if GL_RULES.get(rid, 1) is None:
                            break
                        if 'Regex' in rule:
                            try:
                                rx0 = compile_go(rule['Regex'].pattern)
                                ev.validator = lambda s, rx0=rx0: bool(rx0.search(s))
                            except re.error:
                                pass
                if GL_RULES.get(rid, 1) is None:
                    STATS.skip('gitleaks', 'rule left out: %s (%s)' % (rid, GL_SKIP_RULE_REASON[rid]))
                    continue
                res = ev.run(stmts)
                _, rule, tps, fps = res
            except Unsupported as ex:
                if rid == 'jwt-base64':
                    rule = ev.env['r']
                    tps, fps = gl_jwt_base64_samples(), []
                else:
                    raise RuntimeError('%s %s: %s' % (path, fn, ex))
            rid = rule['RuleID']
            if rid not in GL_RULES:
                raise RuntimeError('gitleaks rule %s (%s) has no scope decision' % (rid, path))
            meta = GL_RULES[rid]
            tps = list(tps.values()) if isinstance(tps, dict) else list(tps or [])
            fps = list(fps.values()) if isinstance(fps, dict) else list(fps or [])
            family, category, kind = meta
            try:
                rx = compile_go(rule['Regex'].pattern) if 'Regex' in rule else None
            except re.error:
                rx = None
            for fp in fps:
                if (rid, 'MailchimpSDK.initialize') in GL_FP_AS_TP and 'MailchimpSDK.initialize' in fp:
                    tps.append(fp)
            for i, tp in enumerate(tps):
                text = str(tp)
                c = Case(text, repo, path, rid, 'gitleaks-' + family, 'tp')
                if rid == 'curl-auth-user':
                    for cat, k, v in GL_CURL_USER[i]:
                        c.rm(cat, k, v)
                    cases.append(c)
                    continue
                vals = gl_secret_values(rule, rx, text, tp)
                if 'MailchimpSDK.initialize' in text:
                    vals = ['3012a5754bbd716926f99c028f7ea428-us18']  # the fp commented "False Negative"
                if not vals:
                    raise RuntimeError('no secret found in %s tp %r' % (rid, text[:120]))
                if rid == 'jwt-base64':
                    vals = [m.group() for m in rx.finditer(text)]
                for v in vals:
                    v = gl_postprocess(rid, v, text)
                    if not v:
                        continue
                    cat, k = refine(category, kind, v) if family in ('generic', 'jwt-keys') else (category, kind)
                    is_synth = any(x in v for x in synth if len(x) >= 4)
                    c.rm(cat, k, v, synthesised=is_synth)
                if c.remove:
                    cases.append(c)
            for fp in fps:
                text = str(fp)
                if not text.strip():
                    continue
                reason = gl_fp_skip(rid, text)
                if reason is None and pii_in(text):
                    reason = 'negative holds an e-mail address or IP (PII policy decides)'
                if reason:
                    STATS.skip('gitleaks', 'fp skipped: ' + reason)
                    continue
                c = Case(text, repo, path, rid, 'gitleaks-' + family, 'fp')
                c.kp('peer_negative', text)
                cases.append(c)
    return cases


# ================================================================ Kingfisher / Nosey Parker (YAML rules)

KF_DIR = 'data/rules/'
NP_DIR = 'crates/noseyparker/data/default/builtin/rules/'

KF_FILES_IN = ['openai', 'anthropic', 'groq', 'huggingface', 'replicate', 'xai', 'elevenlabs', 'azureopenai',
               'stripe', 'paypal', 'square', 'squareup', 'paystack', 'gocardless', 'aws', 'gcp', 'google',
               'googleoauth2', 'azure', 'azurestorage', 'digitalocean', 'cloudflare', 'heroku', 'netlify', 'vercel',
               'vultrapikey', 'sendgrid', 'mailgun', 'mailchimp', 'mandrill', 'sendinblue', 'postmark', 'twilio',
               'messagebird', 'slack', 'discord', 'telegrambottoken', 'github', 'gitlab', 'bitbucket', 'facebook',
               'twitter', 'twitter_v1', 'twitter_v2', 'linkedin', 'easypost', 'shippo', 'sentrytoken', 'raven',
               'newrelic', 'datadog', 'generic', 'credentials', 'uri', 'jwt', 'pem', 'privkey', 'hashes', 'mysql',
               'postgres', 'mongodb', 'ftp', 'odbc']
NP_FILES_IN = ['anthropic', 'aws', 'azure', 'bitbucket', 'digitalocean', 'facebook', 'generic', 'github', 'gitlab',
               'google', 'groq', 'hashes', 'heroku', 'http', 'huggingface', 'jwt', 'linkedin', 'mailchimp', 'mailgun',
               'mongo', 'newrelic', 'odbc', 'openai', 'pem', 'phpmailer', 'postgres', 'postmark', 'sendgrid',
               'slack', 'square', 'stripe', 'telegram', 'twilio', 'twitter']

AI, PAY, CLOUD, MSG, CODE, SOCIAL, SHIP, GEN, KEYS = ('ai-providers', 'payments', 'cloud', 'messaging',
                                                     'code-hosting', 'social-oauth', 'shipping-monitoring',
                                                     'generic', 'jwt-keys')
F = 'first'  # first non-empty capture group (gitleaks/NP convention)

# rule id -> (family, [(group, category, kind)]) or a string = reason the rule is left out
YAML_RULES = {
    # ---- Kingfisher
    'kingfisher.openai.1': (AI, [(F, 'provider_key', 'openai')]),
    'kingfisher.anthropic.1': (AI, [(F, 'provider_key', 'anthropic')]),
    'kingfisher.groq.1': (AI, [(F, 'provider_key', 'groq')]),
    'kingfisher.huggingface.1': (AI, [(F, 'provider_key', 'huggingface')]),
    'kingfisher.replicate.1': (AI, [(F, 'provider_key', 'replicate')]),
    'kingfisher.xai.1': (AI, [(F, 'provider_key', 'xai')]),
    'kingfisher.elevenlabs.1': (AI, [(F, 'provider_key', 'elevenlabs')]),
    'kingfisher.azureopenai.1': (AI, [(F, 'provider_key', 'azure_openai')]),
    'kingfisher.azureopenai.host.1': 'host names, not secrets',
    'kingfisher.stripe.1': (PAY, [(F, 'payment', 'stripe_secret_key')]),
    'kingfisher.stripe.2': (PAY, [(F, 'payment', 'stripe_secret_key')]),
    'kingfisher.paypal.1': (PAY, [(F, 'payment', 'paypal_client_id')]),
    'kingfisher.paypal.2': (PAY, [(F, 'payment', 'paypal_secret')]),
    'kingfisher.square.1': (PAY, [(F, 'payment', 'square_access_token')]),
    'kingfisher.square.2': (PAY, [(F, 'payment', 'square_access_token')]),
    'kingfisher.square.3': (PAY, [(F, 'payment', 'square_secret')]),
    'kingfisher.squareup.1': (PAY, [(F, 'payment', 'square_application_id')]),
    'kingfisher.paystack.1': (PAY, [(F, 'payment', 'paystack_secret_key')]),
    'kingfisher.gocardless.1': (PAY, [(F, 'payment', 'gocardless_token')]),
    'kingfisher.aws.1': (CLOUD, [(F, 'credential', 'aws_access_key_id')]),
    'kingfisher.aws.2': (CLOUD, [(F, 'credential', 'aws_secret_access_key')]),
    'kingfisher.aws.4': (CLOUD, [(F, 'credential', 'aws_session_token')]),
    'kingfisher.gcp.1': 'matches service-account JSON structure; the examples hold no secret value',
    'kingfisher.gcp.3': (CLOUD, [(F, 'credential', 'gcp_private_key_id')]),
    'kingfisher.google.1': (SOCIAL, [(F, 'credential', 'google_client_id')]),
    'kingfisher.google.2': (SOCIAL, [(F, 'credential', 'google_client_secret')]),
    'kingfisher.google.3': (SOCIAL, [(F, 'credential', 'google_client_secret')]),
    'kingfisher.google.4': (SOCIAL, [(F, 'credential', 'google_oauth_token')]),
    'kingfisher.google.6': (SOCIAL, [(1, 'credential', 'google_client_id'), (2, 'credential', 'google_client_secret'),
                                     (3, 'credential', 'google_client_secret')]),
    'kingfisher.google.oauth2.1': (SOCIAL, [(F, 'credential', 'google_oauth_token')]),
    'kingfisher.azure.1': (CLOUD, [(2, 'credential', 'azure_storage_key')]),
    'kingfisher.azure.2': (CLOUD, [(2, 'credential', 'azure_appconfig_id'), (3, 'credential', 'azure_appconfig_secret')]),
    'kingfisher.azure.3': (CODE, [(F, 'credential', 'azure_devops_pat')]),
    'kingfisher.azurestorage.name.1': 'storage account names, not secrets',
    'kingfisher.azurestorage.key.1': (CLOUD, [(F, 'credential', 'azure_storage_key')]),
    'kingfisher.digitalocean.1': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'kingfisher.digitalocean.2': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'kingfisher.digitalocean.3': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'kingfisher.cloudflare.1': (CLOUD, [(F, 'credential', 'cloudflare_api_key')]),
    'kingfisher.cloudflare.2': (CLOUD, [(F, 'credential', 'cloudflare_origin_ca_key')]),
    'kingfisher.heroku.1': (CLOUD, [(F, 'credential', 'heroku_api_key')]),
    'kingfisher.netlify.1': (CLOUD, [(F, 'credential', 'netlify_token')]),
    'kingfisher.netlify.2': (CLOUD, [(F, 'credential', 'netlify_token')]),
    'kingfisher.vercel.1': (CLOUD, [(F, 'credential', 'vercel_token')]),
    'kingfisher.vultr.1': (CLOUD, [(F, 'credential', 'vultr_api_key')]),
    'kingfisher.sendgrid.1': (MSG, [(F, 'credential', 'sendgrid')]),
    'kingfisher.mailgun.1': (MSG, [(F, 'credential', 'mailgun_api_key')]),
    'kingfisher.mailgun.2': (MSG, [(F, 'credential', 'mailgun_api_key')]),
    'kingfisher.mailchimp.1': (MSG, [(F, 'credential', 'mailchimp')]),
    'kingfisher.mandrill.1': (MSG, [(F, 'credential', 'mandrill')]),
    'kingfisher.sendinblue.1': (MSG, [(F, 'credential', 'brevo')]),
    'kingfisher.postmark.1': (MSG, [(F, 'credential', 'postmark')]),
    'kingfisher.twilio.1': (MSG, [(F, 'credential', 'twilio')]),
    'kingfisher.twilio.2': (MSG, [(F, 'credential', 'twilio')]),
    'kingfisher.messagebird.1': (MSG, [(F, 'credential', 'messagebird')]),
    'kingfisher.slack.1': (MSG, [(F, 'credential', 'slack_token')]),
    'kingfisher.slack.2': (MSG, [(F, 'credential', 'slack_token')]),
    'kingfisher.slack.4': (MSG, [(F, 'credential', 'slack_webhook')]),
    'kingfisher.discord.1': (MSG, [(2, 'credential', 'discord_webhook')]),
    'kingfisher.discord.2': (MSG, [(F, 'credential', 'discord_token')]),
    'kingfisher.discord.3': (MSG, [(F, 'credential', 'discord_client_id')]),
    'kingfisher.telegram.1': (MSG, [(F, 'credential', 'telegram_bot_token')]),
    'kingfisher.github.1': (CODE, [(F, 'credential', 'github_token')]),
    'kingfisher.github.2': (CODE, [(F, 'credential', 'github_token')]),
    'kingfisher.github.3': (CODE, [(F, 'credential', 'github_token')]),
    'kingfisher.github.4': (CODE, [(F, 'credential', 'github_token')]),
    'kingfisher.github.5': (CODE, [(F, 'credential', 'github_client_id')]),
    'kingfisher.github.6': (CODE, [(F, 'credential', 'github_client_secret')]),
    'kingfisher.github.7': (CODE, [(F, 'credential', 'github_token')]),
    'kingfisher.gitlab.1': (CODE, [(F, 'credential', 'gitlab_token')]),
    'kingfisher.gitlab.2': (CODE, [(F, 'credential', 'gitlab_token')]),
    'kingfisher.gitlab.3': (CODE, [(F, 'credential', 'gitlab_token')]),
    'kingfisher.bitbucket.1': (CODE, [(F, 'credential', 'bitbucket_client_id')]),
    'kingfisher.bitbucket.3': (CODE, [(F, 'credential', 'bitbucket_client_secret')]),
    'kingfisher.facebook.1': (SOCIAL, [(F, 'credential', 'facebook_app_id')]),
    'kingfisher.facebook.2': (SOCIAL, [(F, 'credential', 'facebook_secret')]),
    'kingfisher.facebook.3': (SOCIAL, [(F, 'credential', 'facebook_access_token')]),
    'kingfisher.twitter.1': (SOCIAL, [(F, 'credential', 'twitter_api_key')]),
    'kingfisher.twitter.2': (SOCIAL, [(F, 'credential', 'twitter_api_secret')]),
    'kingfisher.twitter.v1.1': (SOCIAL, [(F, 'credential', 'twitter_bearer_token')]),
    'kingfisher.twitter.v2.1': (SOCIAL, [(1, 'credential', 'twitter_bearer_token')]),
    'kingfisher.linkedin.1': (SOCIAL, [(F, 'credential', 'linkedin_client_id')]),
    'kingfisher.linkedin.2': (SOCIAL, [(F, 'credential', 'linkedin_client_secret')]),
    'kingfisher.easypost.1': (SHIP, [(F, 'credential', 'easypost_api_key')]),
    'kingfisher.shippo.1': (SHIP, [(0, 'credential', 'shippo_api_key')]),
    'kingfisher.sentry.1': (SHIP, [(F, 'credential', 'sentry_token')]),
    'kingfisher.raven.1': 'synthetic examples ("ravenXYZSECRETXYZK ABCD1234-EFGH5678") with no real key format',
    'kingfisher.newrelic.1': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'kingfisher.datadog.1': (SHIP, [(F, 'credential', 'datadog_key')]),
    'kingfisher.datadog.2': (SHIP, [(F, 'credential', 'datadog_key')]),
    'kingfisher.generic.1': (GEN, [(F, 'credential', 'generic_secret')]),
    'kingfisher.generic.2': (GEN, [(F, 'credential', 'generic_secret')]),
    'kingfisher.generic.3': (GEN, [(F, 'credential', 'password')]),
    'kingfisher.generic.4': (GEN, [(F, 'credential', 'password')]),
    'kingfisher.generic.5': (GEN, [(F, 'credential', 'password')]),
    'kingfisher.weak_password.1': 'bare words (password123, letmein42) with no context: no redactor can tell them from text',
    'kingfisher.generic.8': (GEN, [(2, 'credential', 'password')]),
    'kingfisher.credentials.1': (GEN, [(2, 'credential', 'url_password')]),
    'kingfisher.uri.1': (GEN, [(None, 'credential', 'url_password')]),
    'kingfisher.jwt.1': (KEYS, [(F, 'credential', 'jwt')]),
    'kingfisher.pem.1': (KEYS, [(F, 'credential', 'private_key')]),
    'kingfisher.pem.2': (KEYS, [(F, 'credential', 'private_key_base64')]),
    'kingfisher.privkey.1': (KEYS, [(None, 'credential', 'private_key')]),
    'kingfisher.privkey.2': (KEYS, [(None, 'credential', 'private_key')]),
    'kingfisher.pwhash.1': (GEN, [(F, 'credential', 'password_hash')]),
    'kingfisher.pwhash.2': (GEN, [(F, 'credential', 'password_hash')]),
    'kingfisher.pwhash.3': (GEN, [(F, 'credential', 'password_hash')]),
    'kingfisher.pwhash.4': (GEN, [(F, 'credential', 'password_hash')]),
    'kingfisher.pwhash.5': (GEN, [(F, 'credential', 'password_hash')]),
    'kingfisher.krb5.asrep.23.1': 'Kerberos AS-REP hashes: not WordPress evidence',
    'kingfisher.mysql.1': (GEN, [(F, 'credential', 'db_password')]),
    'kingfisher.postgres.1': (GEN, [(None, 'credential', 'db_password')]),
    'kingfisher.mongodb.1': 'MongoDB Atlas admin API keys: out of scope (hosting admin API, not a site DSN)',
    'kingfisher.mongodb.2': 'MongoDB Atlas public API key: out of scope',
    'kingfisher.mongodb.3': (GEN, [(None, 'credential', 'db_password')]),
    'kingfisher.mongodb.4': 'MongoDB Atlas service-account token: out of scope',
    'kingfisher.ftp.1': (GEN, [(F, 'credential', 'url_password')]),
    'kingfisher.odbc.1': (GEN, [(2, 'credential', 'db_password')]),
    # ---- Nosey Parker
    'np.anthropic.1': (AI, [(F, 'provider_key', 'anthropic')]),
    'np.aws.1': (CLOUD, [(F, 'credential', 'aws_access_key_id')]),
    'np.aws.2': (CLOUD, [(F, 'credential', 'aws_secret_access_key')]),
    'np.aws.3': 'AWS account ids: identifiers, not credentials',
    'np.aws.4': (CLOUD, [(F, 'credential', 'aws_session_token')]),
    'np.aws.5': (CLOUD, [(F, 'credential', 'amazon_mws_token')]),
    'np.s3.1': 'S3 bucket names: identifiers, not credentials',
    'np.s3.2': 'S3 bucket names: identifiers, not credentials',
    'np.arn.1': 'AWS ARNs: identifiers, not credentials',
    'np.appsync.1': 'AWS AppSync: not WordPress evidence',
    'np.aws.6': (CLOUD, [(1, 'credential', 'aws_access_key_id'), (2, 'credential', 'aws_secret_access_key')]),
    'np.azure.1': (CLOUD, [(2, 'credential', 'azure_storage_key')]),
    'np.azure.2': (CLOUD, [(2, 'credential', 'azure_appconfig_id'), (3, 'credential', 'azure_appconfig_secret')]),
    'np.azure.3': (CODE, [(F, 'credential', 'azure_devops_pat')]),
    'np.azure.4': (CODE, [(F, 'credential', 'azure_devops_pat')]),
    'np.bitbucket.1': (CODE, [(F, 'credential', 'bitbucket_app_password')]),
    'np.digitalocean.1': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'np.digitalocean.2': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'np.digitalocean.3': (CLOUD, [(F, 'credential', 'digitalocean_token')]),
    'np.facebook.1': (SOCIAL, [(F, 'credential', 'facebook_secret')]),
    'np.facebook.2': (SOCIAL, [(F, 'credential', 'facebook_access_token')]),
    'np.generic.1': (GEN, [(F, 'credential', 'generic_secret')]),
    'np.generic.2': (GEN, [(F, 'credential', 'generic_secret')]),
    'np.generic.3': (GEN, [(2, 'credential', 'password')]),
    'np.generic.4': (GEN, [(2, 'credential', 'password')]),
    'np.generic.5': (GEN, [(F, 'credential', 'password')]),
    'np.generic.6': (GEN, [(F, 'credential', 'password')]),
    'np.generic.7': (GEN, [(2, 'credential', 'password')]),
    'np.generic.8': (GEN, [(3, 'credential', 'password')]),
    'np.generic.9': (GEN, [(2, 'credential', 'password')]),
    'np.generic.10': (GEN, [(None, 'credential', 'db_password')]),
    'np.generic.11': (GEN, [(F, 'credential', 'password')]),
    'np.generic.12': (GEN, [(F, 'credential', 'password')]),
    'np.generic.13': (GEN, [(2, 'credential', 'password')]),
    'np.generic.14': (GEN, [(2, 'credential', 'password')]),
    'np.generic.15': (GEN, [(F, 'credential', 'password')]),
    'np.generic.16': (GEN, [(F, 'credential', 'password')]),
    'np.github.1': (CODE, [(F, 'credential', 'github_token')]),
    'np.github.2': (CODE, [(F, 'credential', 'github_token')]),
    'np.github.3': (CODE, [(F, 'credential', 'github_token')]),
    'np.github.4': (CODE, [(F, 'credential', 'github_token')]),
    'np.github.5': (CODE, [(F, 'credential', 'github_client_id')]),
    'np.github.6': (CODE, [(F, 'credential', 'github_client_secret')]),
    'np.github.7': (CODE, [(F, 'credential', 'github_token')]),
    'np.gitlab.1': (CODE, [(F, 'credential', 'gitlab_token')]),
    'np.gitlab.2': (CODE, [(F, 'credential', 'gitlab_token')]),
    'np.gitlab.3': (CODE, [(F, 'credential', 'gitlab_token')]),
    'np.google.1': (SOCIAL, [(F, 'credential', 'google_client_id')]),
    'np.google.2': (SOCIAL, [(F, 'credential', 'google_client_secret')]),
    'np.google.3': (SOCIAL, [(F, 'credential', 'google_client_secret')]),
    'np.google.4': (SOCIAL, [(F, 'credential', 'google_oauth_token')]),
    'np.google.5': (CLOUD, [(F, 'credential', 'google_api_key')]),
    'np.gcs.1': 'GCS bucket names: identifiers, not credentials',
    'np.gcs.2': 'GCS bucket names: identifiers, not credentials',
    'np.google.6': (SOCIAL, [(1, 'credential', 'google_client_id'), (2, 'credential', 'google_client_secret')]),
    'np.groq.1': (AI, [(F, 'provider_key', 'groq')]),
    'np.pwhash.1': (GEN, [(F, 'credential', 'password_hash')]),
    'np.pwhash.2': (GEN, [(F, 'credential', 'password_hash')]),
    'np.pwhash.3': (GEN, [(F, 'credential', 'password_hash')]),
    'np.pwhash.4': (GEN, [(F, 'credential', 'password_hash')]),
    'np.pwhash.5': (GEN, [(F, 'credential', 'password_hash')]),
    'np.krb5.asrep.23.1': 'Kerberos AS-REP hashes: not WordPress evidence',
    'np.heroku.1': (CLOUD, [(F, 'credential', 'heroku_api_key')]),
    'np.http.1': (GEN, [(F, 'credential', 'basic_auth')]),
    'np.http.2': (GEN, [(F, 'credential', 'bearer_token')]),
    'np.huggingface.1': (AI, [(F, 'provider_key', 'huggingface')]),
    'np.jwt.1': (KEYS, [(F, 'credential', 'jwt')]),
    'np.jwt.2': (KEYS, [(F, 'credential', 'jwt_secret')]),
    'np.jwt.3': (KEYS, [(F, 'credential', 'jwt_secret')]),
    'np.linkedin.1': (SOCIAL, [(F, 'credential', 'linkedin_client_id')]),
    'np.linkedin.2': (SOCIAL, [(F, 'credential', 'linkedin_client_secret')]),
    'np.mailchimp.1': (MSG, [(F, 'credential', 'mailchimp')]),
    'np.mailgun.1': (MSG, [(F, 'credential', 'mailgun_api_key')]),
    'np.mongodb.1': (GEN, [(2, 'credential', 'db_password')]),
    'np.newrelic.1': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.2': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.3': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.4': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.5': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.6': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.7': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.8': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.newrelic.9': (SHIP, [(F, 'credential', 'newrelic_key')]),
    'np.odbc.1': (GEN, [(2, 'credential', 'db_password')]),
    'np.openai.1': (AI, [(F, 'provider_key', 'openai')]),
    'np.pem.1': (KEYS, [(F, 'credential', 'private_key')]),
    'np.pem.2': (KEYS, [(F, 'credential', 'private_key_base64')]),
    'np.phpmailer.1': (GEN, [(3, 'credential', 'smtp_password')]),
    'np.postgres.1': (GEN, [(2, 'credential', 'db_password')]),
    'np.postmark.1': (MSG, [(F, 'credential', 'postmark')]),
    'np.sendgrid.1': (MSG, [(F, 'credential', 'sendgrid')]),
    'np.slack.2': (MSG, [(F, 'credential', 'slack_token')]),
    'np.slack.4': (MSG, [(F, 'credential', 'slack_token')]),
    'np.slack.5': (MSG, [(F, 'credential', 'slack_token')]),
    'np.slack.6': (MSG, [(F, 'credential', 'slack_token')]),
    'np.slack.3': (MSG, [(F, 'credential', 'slack_webhook')]),
    'np.square.1': (PAY, [(F, 'payment', 'square_access_token')]),
    'np.square.2': (PAY, [(F, 'payment', 'square_secret')]),
    'np.stripe.1': (PAY, [(F, 'payment', 'stripe_secret_key')]),
    'np.stripe.2': (PAY, [(F, 'payment', 'stripe_secret_key')]),
    'np.telegram.1': (MSG, [(F, 'credential', 'telegram_bot_token')]),
    'np.twilio.1': (MSG, [(F, 'credential', 'twilio')]),
    'np.twitter.1': (SOCIAL, [(F, 'credential', 'twitter_api_key')]),
    'np.twitter.2': (SOCIAL, [(F, 'credential', 'twitter_api_secret')]),
}

def rx_vals(*specs):
    """Build a per-example labeller: specs are (category, kind, regex with one group)."""
    def f(text):
        out = []
        for cat, kind, pat in specs:
            for m in re.finditer(pat, text):
                out.append((cat, kind, m.group(1)))
        return out
    return f


AWS_TRIPLE = rx_vals(('credential', 'aws_access_key_id', r'AWS_ACCESS_KEY_ID="([^"]+)"'),
                     ('credential', 'aws_secret_access_key', r'AWS_SECRET_ACCESS_KEY="([^"]+)"'),
                     ('credential', 'aws_session_token', r'AWS_SESSION_TOKEN="([^"]+)"'))
AWS_MWS = rx_vals(('credential', 'aws_access_key_id', r'Access Key:(\S+)'),
                  ('credential', 'aws_secret_access_key', r'secret key:(\S+)'),
                  ('credential', 'amazon_mws_token', r'Token:\s+(\S+)'))
TWILIO_ALL = rx_vals(('credential', 'twilio', r"'((?:AC|SK)[0-9a-f]{32})'"),
                     ('credential', 'twilio', r"(?:ApiKeySecret = |TWILIO_API_KEY', )'([A-Za-z0-9]{32})'"))
SQUARE_ALL = rx_vals(('payment', 'square_application_id', r"((?:sandbox-)?sq0idp-[\w-]+)"),
                     ('payment', 'square_access_token', r"((?:sandbox-)?sq0at[pb]-[\w-]+)"),
                     ('payment', 'square_secret', r"(sq0csp-[\w-]+)"))
GOOGLE_TOKENS = rx_vals(('credential', 'google_oauth_token', r"'(ya29\.[\w-]+)'"),
                        ('credential', 'google_oauth_token', r"'(1//[\w-]+)'"))

# Per-example decisions, as (rule id, substring of the example): a list of values
# to label (the rule's first category/kind, or (category, kind, value) tuples), a
# labeller function, or 'skip: reason'.
YAML_EXAMPLE = {
    ('np.aws.4', 'AWS_SESSION_TOKEN'): AWS_TRIPLE, ('kingfisher.aws.4', 'AWS_SESSION_TOKEN'): AWS_TRIPLE,
    ('np.aws.5', 'MWS Authorisation Token'): AWS_MWS,
    ('np.twilio.1', ''): TWILIO_ALL, ('kingfisher.twilio.1', ''): TWILIO_ALL,
    ('np.square.1', 'applicationId'): SQUARE_ALL, ('np.square.2', ''): SQUARE_ALL,
    ('np.google.4', 'refresh_token:'): GOOGLE_TOKENS, ('kingfisher.google.4', 'refresh_token:'): GOOGLE_TOKENS,
    ('kingfisher.facebook.1', 'appSecret'): [('credential', 'facebook_app_id', '294790898041575'),
                                             ('credential', 'facebook_secret', 'ce3f9f0362bbe5ab01dfc8ee565e4372')],
    ('kingfisher.aws.2', 'Whiteboard'): [('credential', 'aws_access_key_id', 'AKIAIVOURJN3SXRRLZFQ'),
                                         ('credential', 'aws_secret_access_key', '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')],
    ('kingfisher.linkedin.1', 'Email ID'): 'skip: a form label row ("LinkedIn ID Availability"), no secret',
    ('np.linkedin.1', 'Email ID'): 'skip: a form label row ("LinkedIn ID Availability"), no secret',
    ('kingfisher.generic.4', 'password=######'): 'skip: masked value',
    ('np.generic.4', 'password=######'): 'skip: masked value',
    ('np.generic.5', 'usernamePassword = "application:"'): 'skip: the match is a string literal "application:", not a secret',
    ('kingfisher.generic.5', 'usernamePassword = "application:"'): 'skip: the match is a string literal "application:", not a secret',
    ('kingfisher.odbc.1', "datastore['DBPASSWORD']"): 'skip: template placeholders, no secret',
    ('kingfisher.odbc.1', 'specialbill_user'): 'skip: the password equals the user name in the same line',
    ('np.odbc.1', 'specialbill_user'): 'skip: the password equals the user name in the same line',
    ('np.odbc.1', "datastore['DBPASSWORD']"): 'skip: template placeholders, no secret',
    ('kingfisher.gcp.3', 'gcp_secret'): ['ANzaSy0c3475372a7b10f7740dbda47abfdca42'],
    ('np.aws.2', 'FakeValues99ESPW3ALMEZ6U'): [
        ('credential', 'aws_access_key_id', 'FakeValues99ESPW3ALMEZ6U'),
        ('credential', 'aws_secret_access_key', 'FakeValues99cl9bqJFVA3iFUm+yqVe08HxhXFE/')],
    ('kingfisher.generic.3', 'client_id='): ['1qay@WXS????'],
    ('kingfisher.generic.3', "username = 'donjuandemarco@example.com'"): ['`123QWERasdf'],
    ('kingfisher.generic.3', "USERNAME = 'donjuandemarco@example.com'"): ['`123QWERasdf'],
    ('kingfisher.generic.3', "user = 'abuser'"): ['abuser123456'],
    ('kingfisher.generic.3', "user = 'Aladdin'"): ['open sesame'],
    ('kingfisher.generic.8', 'client_id='): ['1qay@WXS????'],
    ('kingfisher.generic.8', "username = 'donjuandemarco@example.com'"): ['`123QWERasdf'],
    ('kingfisher.generic.8', "USERNAME = 'donjuandemarco@example.com'"): ['`123QWERasdf'],
    ('kingfisher.generic.8', "user = 'abuser'"): ['abuser123456'],
    ('kingfisher.generic.8', "user = 'Aladdin'"): ['open sesame'],
    ('kingfisher.generic.4', '// some comment'): ['open_sesame'],
    ('kingfisher.uri.1', 'https://username:secret@'): ['secret'],
    ('kingfisher.postgres.1', 'postgres://postgres:s2Tf2k@rLMy@'): ['s2Tf2k@rLMy'],
    ('kingfisher.postgres.1', 'postgis://postgres:s2Tf2k@rLMy@'): ['s2Tf2k@rLMy'],
    ('kingfisher.postgres.1', 'nimda:vg498hwegw1udp6s@'): ['vg498hwegw1udp6s'],
    ('kingfisher.mongodb.3', 'someuser:hunter2@'): ['hunter2'],
    ('kingfisher.mongodb.3', 'user:passw0rd@'): ['passw0rd'],
    ('kingfisher.mongodb.3', 'mongoadmin:contoso@'): ['contoso'],
    ('np.mongodb.1', 'somethingrotten:Zxcvbnm@12345)@'): ['Zxcvbnm@12345)'],
    ('np.mongodb.1', 'hpapp:bria@pass135!@'): ['bria@pass135!'],
    ('np.generic.10', 'Password=#gets0m3'): ['#gets0m3'],
    ('np.newrelic.8', 'MW_PX_DEPLOY_KEY='): ['px-dep-f43ae612-dc8a-4049-9553-4af1b0e17620',
                                          'px-api-c20a3cba-d3c9-45c1-a557-8864040b8f79'],
    ('np.newrelic.9', 'MW_PX_DEPLOY_KEY='): ['px-dep-f43ae612-dc8a-4049-9553-4af1b0e17620',
                                          'px-api-c20a2cba-d3c9-45c1-a556-8864040b8f79'],
    ('kingfisher.privkey.1', 'Proc-Type: 4,ENCRYPTED'): 'pem-body',
    ('kingfisher.privkey.2', '-----BEGIN'): 'pem-body',
    ('kingfisher.shippo.1', 'shippo_test_'): ['shippo_test_b14c9D8f7B6D3604928Ada4506bE9c3C9B4cEF0b'],
    ('kingfisher.twitter.v2.1', 'twitter_token='): ['ABCDEFGHIJ1234567890%abc%def%ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890abcdefghijklmnop'],
    ('kingfisher.twitter.v2.1', 'twitter_secret='): ['KLMNOPQRST0987654321%xyz%ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890abcdefghijklmnop'],
    ('kingfisher.twitter.1', 'TWITTER_ID:'): ['DkWLqcP3ace3wHuJ7fiw'],
    ('kingfisher.twitter.1', 'TWITTER_API_KEY'): ['UZYoBAfBzNace3mBwPOGYw'],
    ('kingfisher.twitter.2', 'TWITTER_API_SECRET'): ['ngHaeaRPKA5BDQNXace3LWA1PvTA1kBGDaAJmc517E'],
    ('kingfisher.generic.5', 'DevFolkoosComPfxPassword'): ['thisismypassword'],
}

# Negative examples: (rule id or '*', substring) -> 'keep' or a reason to skip.
# Every negative must be decided here (build fails otherwise).
YAML_NEGATIVE = [
    ('*', '======================', 'keep'), ('*', '//////////////////////', 'keep'),
    ('*', '++++++++++++++++++++++', 'keep'),
    ('np.aws.1', 'A3T0ABCDEFGHI', 'key-shaped placeholder'),
    ('np.aws.2', 'AWS_SECRET_ACCESS_KEY=ded7db', 'a secret-key assignment (wrong length, still a secret)'),
    ('np.aws.2', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'placeholder value in a secret-key assignment'),
    ('np.aws.2', 'aws_secret_key: OOzkR1', 'a secret-key assignment'),
    ('*', 'InstrumentationKey=00000000-0000-0000-0000-000000000000', 'placeholder value in a key field'),
    ('np.azure.1', 'Buffer.from("accountKey"', 'keep'), ('np.azure.1', '$accountName', 'keep'),
    ('np.azure.1', '<YOUR_ACCOUNT_NAME>', 'keep'), ('np.azure.1', 'AccountName=X;AccountKey=X;', 'placeholder value in a key assignment'),
    ('np.azure.1', 'AccountName={2};AccountKey={3};', 'keep'),
    ('np.azure.1', '[Shared Access Key Name goes here]', 'keep'),
    ('*', 'Endpoint=https://contoso.azconfig.io;Id=xxx;Secret=xxx', 'placeholder values in a secret assignment'),
    ('np.azure.4', '', 'token-shaped (wrong checksum/length): still redact-worthy'),
    ('np.facebook.1', 'fbconnectkey', 'a serialized option holding a key value'),
    ('np.generic.1', "client_credential='5pX8Q~", 'an Azure client secret'),
    ('np.generic.1', 'secret_access_key = ', 'a secret assignment'),
    ('np.generic.1', 'Ldap password', 'a password'),
    ('np.generic.2', 'ws_plugin__s2member_amazon_s3_comp_files_access_key', 'keep'),
    ('np.generic.3', 'get-django-setting LOCAL_DATABASE_PASSWORD', 'keep'),
    ('np.generic.3', 'password=######', 'masked value (neutral in this project)'),
    ('np.generic.3', 'backend_pass = "XXXXXXXXXXXXX"', 'placeholder value in a password assignment'),
    ('np.generic.4', "user = 'Aladdin'\npassword = 'open_sesame'", 'a password assignment'),
    ('np.generic.4', 'env.PERKEEP_TEST_PASSWORD', 'keep'),
    ('np.generic.5', 'password = "123"', 'a (weak) password assignment'),
    ('np.generic.5', 'password = super$ecret', 'a password assignment'),
    ('np.generic.5', "password = 'super$ecret'", 'a password assignment'),
    ('np.generic.5', '"password": "$super$ecret"', 'a password assignment'),
    ('np.generic.5', 'getMasterUserPassword()', 'keep'),
    ('np.generic.5', 'new Buffer("feast")', 'holds a literal password'),
    ('np.generic.5', '$gdcapi_db_password', 'keep'), ('np.generic.5', 'wget::authfetch', 'keep'),
    ('np.generic.5', '$PRECOMPILE_PASSWORD', 'keep'), ('np.generic.5', 'creating-a-strong-password', 'keep'),
    ('np.generic.5', '&lt;YOURPASSWROD&gt;', 'keep'), ('np.generic.5', 'cms_user_password', 'keep'),
    ('np.generic.5', 'IAMUserChangePassword', 'keep'), ('np.generic.5', '#add-password', 'keep'),
    ('np.generic.6', "daemon_password", 'keep'), ('np.generic.6', 'passwordLabel:', 'keep'),
    ('np.generic.6', '#add-password', 'keep'),
    ('np.generic.9', 'Password=#gets0m3', 'a connection string with a password (true positive of np.generic.10)'),
    ('*', 'ClearTextPassword', 'holds a token value'),
    ('np.generic.10', 'FromEmailPassword', 'a password (true positive of np.generic.9)'),
    ('*', 'kolkrabbi.heroku.com/apps/', 'keep'),
    ('np.jwt.1', 'eye.eyeable.should', 'keep'),
    ('np.mongodb.1', '%2Ftmp%2Fmongodb-27017.sock', 'holds a password'),
    ('np.newrelic.1', 'license_key: xxxxxxxxxxxxxxx', 'placeholder value in a key assignment'),
    ('np.newrelic.1', 'global.licenseKey=a1b2c3d4', 'key-shaped value'),
    ('np.newrelic.2', 'license_key: 033f2f', 'a license key (true positive of np.newrelic.1)'),
    ('np.newrelic.2', 'ENV["NEW_RELIC_LICENSE_KEY"]', 'keep'),
    ('np.newrelic.8', 'px-api-a1b2c3d4', 'key-shaped value'),
    ('np.newrelic.9', 'px-dep-d4c3b2a1', 'key-shaped value'),
    ('*', "def login(self, user = ", 'keep'), ('*', 'text << "User=#{username}, "', 'keep'),
    ('*', 'pwd = (char *) (p + ulen + 2);', 'keep'),
    ('*', 'server->password = "busybox@";', 'holds a literal password'),
    ('*', 'String password = "password";', 'holds a literal (placeholder) password'),
    ('*', 'char *password = NULL;', 'keep'), ('*', '$_POST[\\"password\\"]', 'keep'), ('*', '$_POST["password"]', 'keep'),
    ('np.postgres.1', '', 'holds a password'),
    ('np.slack.2', '', 'true positive of a sibling Slack rule'),
    ('np.slack.4', '', 'true positive of a sibling Slack rule'),
    ('np.slack.6', '', 'true positive of a sibling Slack rule'),
    ('*', "Twitter(auth=OAuth('MjuHWoGbzYmJv3ZuHaBvSENfyevu00NQuBc40VM'", 'holds OAuth secrets'),
]


def yaml_negative_decision(rid, text):
    for r, sub, decision in YAML_NEGATIVE:
        if (r == '*' or r == rid) and sub in text:
            return decision
    raise RuntimeError('no decision for negative example of %s: %r' % (rid, text[:120]))


B64CHARS = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=')
TOKCHARS = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')


def pem_body(text):
    m = re.search(r'-----BEGIN[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----', text)
    if not m:
        return None
    rest = text[m.end():]
    e = rest.find('-----END')
    body = rest if e < 0 else rest[:e]
    # keep only the key material: drop header lines (Proc-Type, DEK-Info) and quoting
    lines = [ln for ln in body.split('\n') if ln.strip() and ':' not in ln]
    if not lines:
        return None
    first, last = lines[0], lines[-1]
    start = rest.index(first)
    end = rest.index(last, start) + len(last)
    body = rest[start:end].strip(' \t"+\r\n\\')
    return body.strip() or None


def widen(text, v, charset):
    """Extend a value found at its first occurrence over adjacent `charset`
    characters (regex translations sometimes stop a token early)."""
    i = text.find(v)
    if i < 0:
        return v
    j = i + len(v)
    while j < len(text) and text[j] in charset:
        j += 1
    return text[i:j]


def yaml_values(rid, spec, rx, text):
    """[(category, kind, value)] for one positive example."""
    family, groups = spec
    for (r, sub), dec in YAML_EXAMPLE.items():
        if r == rid and sub in text:
            if callable(dec):
                return dec(text)
            if isinstance(dec, list):
                return [v if isinstance(v, tuple) else (groups[0][1], groups[0][2], v) for v in dec]
            if dec == 'pem-body':
                b = pem_body(text)
                return [(groups[0][1], groups[0][2], b)] if b else []
            return dec  # skip
    out = []
    if rx is None:
        raise RuntimeError('%s: regex not usable in Python and no manual values for %r' % (rid, text[:100]))
    for m in rx.finditer(text):
        for g, cat, kind in groups:
            if g is None:
                raise RuntimeError('%s needs manual values for %r' % (rid, text[:100]))
            if g == F:
                v = next((x for x in m.groups() if x), m.group())
            else:
                v = m.group(g)
            if not v:
                continue
            v = v.strip().strip('\\"\'')
            if kind in ('private_key',):
                v = pem_body(text) or v.strip(' \t"+\r\n\\')
            elif kind in ('azure_storage_key', 'aws_secret_access_key', 'private_key_base64', 'basic_auth'):
                v = ''.join(c for c in v if c in B64CHARS) if set(v) - B64CHARS else v
                v = widen(text, v, B64CHARS)
            elif kind == 'slack_webhook':
                v = slack_hook_secret(widen(text, v, TOKCHARS | set('/')))
            elif kind in ('password', 'db_password', 'smtp_password', 'url_password', 'jwt_secret', 'password_hash',
                          'generic_secret', 'bearer_token', 'google_client_id'):
                pass
            else:
                v = widen(text, v, TOKCHARS | (set('.') if kind in ('jwt', 'google_oauth_token', 'sendgrid') else set()))
            out.append((cat, kind, v))
    return out


def build_yaml_source(repo, rdir, files_in, prefix, seen_texts):
    cases = []
    src = prefix.split('-')[0]
    for f in files_in:
        path = None
        for ext in ('.yml', '.yaml'):
            if (rdir + f + ext) in repo.ls(rdir + f + ext):
                path = rdir + f + ext
        data = yaml_load(repo.show(path))
        for rule in data.get('rules') or []:
            rid = rule['id']
            if rid not in YAML_RULES:
                raise RuntimeError('%s rule %s (%s) has no scope decision' % (src, rid, path))
            spec = YAML_RULES[rid]
            exs = rule.get('examples') or []
            negs = rule.get('negative_examples') or []
            if isinstance(spec, str):
                STATS.skip(src, 'rule left out: %s (%s)' % (rid, spec), len(exs) + len(negs))
                continue
            family = spec[0]
            try:
                rx = compile_go(rule['pattern'])
            except re.error:
                rx = None
            for ex in exs:
                text = ex.rstrip('\n')
                vals = yaml_values(rid, spec, rx, text)
                if text in seen_texts:
                    prev = seen_texts[text]
                    if prev.polarity == 'tp' and not isinstance(vals, str):
                        for cat, kind, v in vals:
                            prev.rm(cat, kind, v)
                    STATS.note(src, 'examples whose text was already taken (identical Nosey Parker example or a sibling rule): labels merged into that case')
                    continue
                if isinstance(vals, str):
                    STATS.skip(src, 'example skipped: ' + vals[5:].strip())
                    continue
                if not vals:
                    raise RuntimeError('%s: nothing labelled in %r' % (rid, text[:120]))
                c = Case(text, repo, path, rid, '%s-%s' % (prefix, family), 'tp')
                for cat, kind, v in vals:
                    c.rm(cat, kind, v)
                seen_texts[text] = c
                cases.append(c)
            for neg in negs:
                text = neg.rstrip('\n')
                if text in seen_texts:
                    STATS.skip(src, 'negative identical to a text already taken')
                    continue
                d = yaml_negative_decision(rid, text)
                if d == 'keep' and pii_in(text):
                    d = 'negative holds an e-mail address or IP (PII policy decides)'
                if d != 'keep':
                    STATS.skip(src, 'negative skipped: ' + d)
                    continue
                c = Case(text, repo, path, rid, '%s-%s' % (prefix, family), 'fp')
                c.kp('peer_negative', text)
                seen_texts[text] = c
                cases.append(c)
    return cases


def yaml_load(text):
    import yaml  # PyYAML
    return yaml.safe_load(text)


# ================================================================ detect-secrets (Python tests)

from lib_py import SafeEval  # noqa: E402

DS_DIR = 'tests/plugins/'
DS_PLUGINS = {
    # test file: (family, category, kind, value extractor regex or None for the whole payload)
    'aws_key_test.py': ('providers', 'credential', 'aws_access_key_id',
                        r'(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|(?<=")[A-Za-z0-9/+=]{40}(?=")'),
    'azure_storage_key_test.py': ('providers', 'credential', 'azure_storage_key', r'(?<=AccountKey=)[A-Za-z0-9+/=]+'),
    'basic_auth_test.py': ('providers', 'credential', 'url_password', r'(?<=://)[^:/]+:([^@]+)(?=@)'),
    'discord_test.py': ('providers', 'credential', 'discord_token', r'[A-Za-z0-9][\w-]{22,27}\.[\w-]{6}\.[\w-]{27,38}'),
    'github_token_test.py': ('providers', 'credential', 'github_token', None),
    'gitlab_token_test.py': ('providers', 'credential', 'gitlab_token', None),
    'jwt_test.py': ('providers', 'credential', 'jwt', None),
    'mailchimp_key_test.py': ('providers', 'credential', 'mailchimp', None),
    'openai_test.py': ('providers', 'provider_key', 'openai', None),
    'private_key_test.py': ('providers', 'credential', 'private_key', 'pem'),
    'sendgrid_test.py': ('providers', 'credential', 'sendgrid', None),
    'slack_test.py': ('providers', 'credential', 'slack_token', None),
    'square_oauth_test.py': ('providers', 'payment', 'square_secret', r'sq0csp-\S+'),
    'stripe_key_test.py': ('providers', 'payment', 'stripe_secret_key', None),
    'telegram_token_test.py': ('providers', 'credential', 'telegram_bot_token', None),
    'twilio_test.py': ('providers', 'credential', 'twilio', None),
    'ip_public_test.py': ('ip', 'customer', 'ip', r'\d+\.\d+\.\d+\.\d+'),
}
DS_LEFT_OUT = {
    'artifactory_test.py': 'JFrog Artifactory: not WordPress evidence',
    'cloudant_test.py': 'IBM Cloudant: not WordPress evidence',
    'ibm_cloud_iam_test.py': 'IBM Cloud IAM: not WordPress evidence',
    'ibm_cos_hmac_test.py': 'IBM COS: not WordPress evidence',
    'npm_test.py': 'npm tokens: not WordPress evidence',
    'pypi_token_test.py': 'PyPI tokens: not WordPress evidence',
    'softlayer_test.py': 'SoftLayer: not WordPress evidence',
    'high_entropy_strings_test.py': 'templated cases ({secret}/{non_secret}) built at run time',
    'base_test.py': 'framework test, no cases',
}

# negative payloads -> 'keep' or a reason to skip (every negative must be listed)
DS_NEGATIVE = {
    'akiazzzzzzzzzzzzzzzz': 'key-shaped placeholder', 'AKIAZZZ': 'key-shaped placeholder',
    'aws_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYa"': 'a secret-key assignment (wrong length)',
    'aws_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE"': 'a secret-key assignment (wrong length)',
    'http://localhost:5000/<%= @variable %>': 'keep', '"https://url:8000";@something else': 'keep',
    "'https://url:8000';@something else": 'keep', 'https://url:8000 @something else': 'keep',
    'https://url:8000/ @something else': 'keep',
    'foo_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx': 'random 36-char token', 'foo': 'keep',
    'glpat-hellOWorld380 testin': 'token-shaped', 'glpat_hellOworld380_testin': 'token-shaped',
    'gldt-seems_too000Sshorty': 'token-shaped', 'foo-hello-world80_testin': 'keep',
    'glsoat-PREfix_helloworld380_testin_pretty_long_token_long_': 'token-shaped',
    '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': 'a GitHub token',
    'GR1348941PREfix_helloworld380_testin_pretty_long_token_long_': 'token-shaped',
    'GR1348941helloWord0': 'token-shaped', 'glimt-my-tokens_are-correctAB': 'token-shaped',
    'glimt-my-tokens_are-correctAB38_280': 'token-shaped',
    'glptt-Need5_T00-be-exactly-40-chars--ELse_failing': 'token-shaped', 'glptt-hellOworld380_testin': 'token-shaped',
    'glagent-hellOworld380_testin': 'token-shaped', 'gloas-checking_Length-Is-checking_Length-Is-': 'token-shaped',
    'gloas-checking_Length-Is-_exactly_64--Xchecking_Length-Is-_longer_longer': 'token-shaped',
    '{"alg":"HS256","typ":"JWT"}.{"name":"Jon Doe"}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c':
        'holds a person name and a signature',
    'bm90X3ZhbGlkX2pzb25fYXRfYWxs.bm90X3ZhbGlkX2pzb25fYXRfYWxs.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c':
        'token-shaped (base64 segments with a signature)',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9': 'keep', 'jwt': 'keep',
    'eyJhbasdGciOiJIUaddasdasfsasdasdzI1NiIasdsInR5cCI6IkpXVCasdJasd9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c':
        'JWT-shaped with a valid payload and signature',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c':
        'JWT-shaped with a valid payload and signature',
    'eyJAAAA.eyJBBB': 'keep', 'eyJBB.eyJCC.eyJDDDD': 'keep',
    '3ea4572956e2b381923ed34c31db76aa-2': 'key-shaped (hex32)', 'aea462953eb192d38c31a433e76257db-al32': 'key-shaped (hex32)',
    '9276a43e2951aa46e2b1c33ED38357DB-us2': 'key-shaped (hex32)', '3a5633e829d3c71-us2': 'key-shaped',
    'sk-proj-Xi8tdMjHV6pmbBbwilTeT4BlbkFJ3UDnpdEwNNm6wVBpYM0o': 'key-shaped',
    'SG.ngeVfQFYQlKU0ufo8x5d1A..TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr': 'key-shaped',
    'AG.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr': 'key-shaped',
    'pk_live_j5krY8XTgIcDaHDb3YrsAfCl': 'Stripe publishable key: this project redacts those too',
    'sk_live_': 'keep',
    'bot110201543:AAHdqTcvCH1vGWJxfSe1ofSAs0K5PALDsaw': 'a bot token (as in the Bot API URL)',
    'foo:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM': 'token-shaped',
    'arn:aws:sns:aaa:111122223333:aaaaaaaaaaaaaaaaaaassssssddddddddddddd': 'keep',
    '127.0.0.1': 'loopback: not a customer IP (neutral)', '10.0.0.1': 'private IP: not a customer IP (neutral)',
    '172.16.0.1': 'private IP: not a customer IP (neutral)', '192.168.0.1': 'private IP: not a customer IP (neutral)',
    '169.254.169.254': 'link-local IP: not a customer IP (neutral)',
    '256.256.256.256': 'keep', '1.2.3': 'keep', '1.2.3.4.5.6': 'keep', '1.2.3.4.5.6.7.8': 'keep', '1.2.3.04': 'keep',
    'noreply@github.com': 'an e-mail address', 'github.com': 'keep',
    'MZ1yGvKTj0rY0cV8i47CjAa.uHQPq.Xb1Mk2nEhe-4icrGOuegj57zMC': 'token-shaped',
    'MZ1yGvKTj0rY0cV8i47CjAa.uRHQPq.Xb1Mk2nEhe-4iUcrGOuegj57zMC': 'token-shaped',
    'MZ1yGvKTjE0rY0cV8i47CjAa.uHQPq.Xb1Mk2nEhe-4iUcrGOuegj57zMC': 'token-shaped',
    'MZ1yGvKTjE0rY0cV8i47CjAa.uRHQPq.Xb1Mk2nEhe-4iUcrGOuegj57zM': 'token-shaped',
    'MZ1yGvKTjE0rY0cV8i47CjAa.uRHQPq.Xb1Mk2nEhe,4iUcrGOuegj57zMC': 'token-shaped',
    'PZ1yGvKTjE0rY0cV8i47CjAa.uRHQPq.Xb1Mk2nEhe-4iUcrGOuegj57zMC': 'token-shaped',
    'MTAyOTQ4MTN5OTU5MTDwMEcxNg0.GSwJyi.sbaw8msOR3Wi6vPUzeIWy_P0vJbB0UuRVjH8l8': 'token-shaped',
}

# keyword_test.py: lines the test marks "not flagged" for one file type only.
DS_KEYWORD_NEGATIVE = {
    'api_key = ""': 'keep', "secret: ''": 'keep', "secret := ''": 'keep', 'password => ""': 'keep',
    'password: ${link}': 'keep', 'password[] = ${link}': 'keep', 'password = ${link}': 'keep',
    'password = "somefakekey"': 'a password assignment (value says "fake")',
    'password := "somefakekey"': 'a password assignment (value says "fake")',
    'some_key = "real_secret"': 'a key assignment with a secret-looking value',
    'private_key "hopenobodyfindsthisone\';': 'a secret value (mismatched quotes)',
    'password: real_key': 'a password assignment', 'password: "real_key"': 'a password assignment',
}


def ds_value(plugin_rx, payload):
    if plugin_rx is None:
        return [payload]
    if plugin_rx == 'pem':
        b = pem_body(payload + ('' if '-----END' in payload else '\n-----END'))
        return [b] if b else []
    out = []
    for m in re.finditer(plugin_rx, payload):
        out.append(m.group(1) if m.groups() else m.group())
    return out


def build_detect_secrets(repo):
    cases = []
    seen = {}
    files = [p.split('/')[-1] for p in repo.ls(DS_DIR) if p.endswith('_test.py')]
    for fname in sorted(files):
        path = DS_DIR + fname
        if fname in DS_LEFT_OUT:
            STATS.skip('detect-secrets', 'test file left out: %s (%s)' % (fname, DS_LEFT_OUT[fname]))
            continue
        if fname == 'keyword_test.py':
            cases += ds_keyword(repo, path)
            continue
        if fname not in DS_PLUGINS:
            raise RuntimeError('detect-secrets test %s has no scope decision' % fname)
        family, cat, kind, vrx = DS_PLUGINS[fname]
        se = SafeEval(repo.show(path))
        for fn, names, rows, _ in se.parametrize_tables():
            if rows is None:
                continue
            for row in rows:
                if isinstance(row, Exception):
                    STATS.skip('detect-secrets', 'row not literal')
                    continue
                vals = dict(zip(names, row[0]))
                if 'content' in vals and 'expected_output' in vals:  # aws get_secret_access_keys
                    text, flag, explicit = vals['content'], True, list(vals['expected_output'])
                else:
                    text = vals.get('payload', vals.get('line', vals.get('file_content')))
                    flag = vals.get('should_flag', True)
                    explicit = None
                if text in seen:
                    continue
                if flag:
                    c = Case(text, repo, path, fname[:-8], 'detect-secrets-' + family, 'tp')
                    values = explicit if explicit is not None else ds_value(vrx, text)
                    if fname == 'discord_test.py':
                        values = [v.split('!')[0] for v in values]
                    if fname == 'slack_test.py' and 'hooks.slack.com' in text:
                        values = [slack_hook_secret(text)]
                        kind2 = 'slack_webhook'
                    else:
                        kind2 = kind
                    if fname == 'aws_key_test.py':
                        for v in values:
                            k = 'aws_access_key_id' if re.match(r'(?:A3T|AKIA|ASIA|ABIA|ACCA)', v) else 'aws_secret_access_key'
                            c.rm(cat, k, v)
                    else:
                        for v in values:
                            c.rm(cat, kind2, v)
                    if not c.remove:
                        raise RuntimeError('detect-secrets: nothing found in %r' % text)
                else:
                    d = DS_NEGATIVE.get(text)
                    if d is None and text.startswith('glagent-XXXXXXXX'):
                        d = 'token-shaped placeholder (too long)'
                    if d is None:
                        raise RuntimeError('detect-secrets negative without decision: %r' % text)
                    if d != 'keep':
                        STATS.skip('detect-secrets', 'negative skipped: ' + d)
                        continue
                    c = Case(text, repo, path, fname[:-8], 'detect-secrets-' + family, 'fp')
                    c.kp('peer_negative', text)
                seen[text] = c
                cases.append(c)
    return cases


def ds_keyword(repo, path):
    se = SafeEval(repo.show(path))
    secrets = {se.consts[n]: n for n in ('COMMON_SECRET', 'WHITES_SECRET', 'LETTER_SECRET')}
    lines = {}  # line -> expected secret (None = not flagged in every list)
    order = []
    for name, val in se.consts.items():
        if not name.endswith('_TEST_CASES'):
            continue
        for line, expected in val:
            if line not in lines:
                order.append(line)
                lines[line] = expected
            elif expected is not None:
                lines[line] = expected
    cases = []
    for line in order:
        expected = lines[line]
        if expected is None:
            hit = [s for s in secrets if s in line]
            if hit:
                expected = hit[0]  # negative only for one file type's quoting rules
                STATS.note('detect-secrets', 'keyword lines "not flagged" only under one file type\'s quoting rules, labelled remove')
            else:
                d = DS_KEYWORD_NEGATIVE.get(line)
                if d is None:
                    if ',.:-¨@*¿?!' in line:
                        d = 'symbols-only password assignment'
                    else:
                        raise RuntimeError('keyword negative without decision: %r' % line)
                if d != 'keep':
                    STATS.skip('detect-secrets', 'keyword negative skipped: ' + d)
                    continue
                c = Case(line, repo, path, 'keyword', 'detect-secrets-keywords', 'fp')
                c.kp('peer_negative', line)
                cases.append(c)
                continue
        c = Case(line, repo, path, 'keyword', 'detect-secrets-keywords', 'tp')
        c.rm('credential', 'password_assignment', expected)
        cases.append(c)
    return cases


# ================================================================ Presidio (Python tests)

PR_DIR = 'presidio-analyzer/tests/'
PR_FILES = {
    # test file: (family, category, kind)
    'test_email_recognizer.py': ('email', 'customer', 'email'),
    'test_phone_recognizer.py': ('phone', 'customer', 'phone'),
    'test_ph_mobile_number_recognizer.py': ('phone', 'customer', 'phone'),
    'test_tr_phone_number_recognizer.py': ('phone', 'customer', 'phone'),
    'test_credit_card_recognizer.py': ('payment', 'payment', 'card_number'),
    'test_iban_recognizer.py': ('payment', 'payment', 'iban'),
    'test_ip_recognizer.py': ('ip', 'customer', 'ip'),
    'test_spacy_recognizer.py': ('names', 'customer', 'name'),
    'test_stanza_recognizer.py': ('names', 'customer', 'name'),
    'test_transformers_recognizer.py': ('names', 'customer', 'name'),
}
PR_NEGATIVE = {
    'my email is info@presidio.': 'incomplete address: redacting it is defensible',
    'this is not an email: hello-world here': 'keep',
    'hello world': 'keep',
    '34 ABC 1234': 'a vehicle plate (personal data)',
    '1748503543012': 'keep', '36168002586008': 'keep',
    'MAC address aa:bb:cc:dd:ee:ff': 'a MAC address (device identifier)',
    'Time 12:34:56': 'keep', 'Ratio 1:2:3:4': 'keep', 'CSS color #ff00aa': 'keep', 'Version 1.2.3': 'keep',
    'Port 80:443': 'keep', 'abc:def:ghi': 'keep', '123:abc': 'keep', 'file:///path/to/file': 'keep',
    'std::cout': 'keep', 'MyClass::toString': 'keep', ':::': 'keep',
    '256.256.256.256': 'keep', '192.168.1.256': 'keep', 'gggg:hhhh::1234': 'keep', '192.168.1': 'keep',
    '300.168.1.1': 'keep', '12345:db8::1': 'keep', '2001::db8::1': 'keep', '2001::25de::cade': 'keep',
    'my ip: 192.168.0': 'keep', '684D:1111:222:3333:4444:5555:77': 'keep', '::ffff:256.0.0.1': 'keep',
    '::ffff:192.168.1': 'keep', '2001:db8::256.1.1.1': 'keep',
    'IP192.168.1.1text': 'holds an address glued to text (IP policy decides)',
    'text192.168.1.1': 'holds an address glued to text (IP policy decides)',
    'fe80::1text': 'holds an address glued to text (IP policy decides)',
    'text2001:db8::1': 'holds an address glued to text (IP policy decides)',
}


def pr_negative_decision(fname, text):
    if text in PR_NEGATIVE:
        return PR_NEGATIVE[text]
    if fname == 'test_iban_recognizer.py':
        return 'IBAN look-alike (bad checksum/format): in support evidence most likely a mistyped IBAN'
    is_phone_test = 'phone' in fname or 'mobile' in fname
    if is_phone_test and (re.fullmatch(r'[\d ()+-]+', text) or text.startswith('Numero')):
        return 'digit run: a phone number elsewhere or an order number (ambiguous)'
    if fname == 'test_credit_card_recognizer.py':
        return 'card-formatted or described as a card number: a mistyped card is still card data'
    raise RuntimeError('presidio negative without decision (%s): %r' % (fname, text))


def ip_left_out(v):
    import ipaddress
    base = v.split('%')[0].split('/')[0]
    if '/' in v:
        return 'network prefix (CIDR), not a host address'
    try:
        ip = ipaddress.ip_address(base)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and base.lower().startswith('::') and '.' in base:
        ip = ipaddress.ip_address(base.split(':')[-1])
    if ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip.is_multicast:
        return 'loopback/unspecified/link-local/multicast: not a customer address (neutral)'
    if isinstance(ip, ipaddress.IPv4Address):
        if ip in ipaddress.ip_network('10.0.0.0/8') or ip in ipaddress.ip_network('172.16.0.0/12') or \
                ip in ipaddress.ip_network('192.168.0.0/16') or str(ip) == '255.255.255.255':
            return 'private/broadcast IPv4: server-side, not a customer address (neutral)'
    return None


def build_presidio(repo):
    per_text = {}  # (family, text) -> [fname, kind info, set of spans, expected_len]
    order = []
    for fname, (family, cat, kind) in PR_FILES.items():
        path = PR_DIR + fname
        se = SafeEval(repo.show(path))
        for fn, names, rows, _ in se.parametrize_tables():
            if rows is None or not ({'text', 'iban'} & set(names)):
                continue
            for row in rows:
                if isinstance(row, Exception):
                    STATS.skip('presidio', 'row not literal (f-string)')
                    continue
                v = dict(zip(names, row[0]))
                if v.get('entity_num', 0) != 0:
                    continue  # DATE_TIME rows of the NER tests
                text = v.get('text', v.get('iban'))
                n = v.get('expected_len', 0)
                pos = v.get('expected_positions', v.get('expected_res')) or ()
                key = (family, text)
                if key not in per_text:
                    per_text[key] = [fname, path, (cat, kind), set(), 0]
                    order.append(key)
                ent = per_text[key]
                ent[3].update(tuple(p) for p in pos)
                ent[4] = max(ent[4], n)
    cases = []
    for key in order:
        family, text = key
        fname, path, (cat, kind), spans, n = per_text[key]
        fam = 'presidio-' + family
        if n == 0:
            d = pr_negative_decision(fname, text)
            if d != 'keep':
                STATS.skip('presidio', 'negative skipped: ' + d)
                continue
            c = Case(text, repo, path, fname[5:-3], fam, 'fp')
            c.kp('peer_negative', text)
            cases.append(c)
            continue
        if not spans:
            if len(text.split()) == 1:
                spans = {(0, len(text))}
            else:
                STATS.skip('presidio', 'positive without positions in a sentence')
                continue
        c = Case(text, repo, path, fname[5:-3], fam, 'tp')
        for s, e in sorted(spans):
            val = text[s:e]
            if kind == 'ip':
                why = ip_left_out(val + ('/' if text[e:e + 1] == '/' else ''))
                if why:
                    STATS.skip('presidio', 'IP left out: ' + why)
                    continue
            if kind == 'phone' and re.fullmatch(r'\d+', val) and text.strip() == val:
                STATS.skip('presidio', 'bare digit run without context: indistinguishable from an order number')
                continue
            c.rm(cat, kind, val)
        if c.remove:
            cases.append(c)
    return cases


# ================================================================ assembly

VARIANTABLE = ('credential', 'provider_key')
MAX_BUCKETS = 4


def is_variantable(r):
    return r['category'] in VARIANTABLE or (r['category'] == 'payment' and r['kind'] not in ('card_number', 'iban'))


def mask(text, values):
    for v in sorted(values, key=len, reverse=True):
        text = text.replace(v, MARK)
    return text


def grams(text):
    return {text[i:i + PROBE] for i in range(len(text) - PROBE + 1)}


def make_variant(v, rng, avoid):
    """Same shape as v: letters stay letters (hex stays hex), digits stay digits,
    punctuation, %XX escapes and a short provider prefix are kept."""
    keep = 0
    if len(v) >= 16:
        # a provider prefix made of short segments (sk_live_, glpat-, xoxe.xoxp-1-, sk-ant-api03-)
        m = re.match(r'(?:[A-Za-z0-9]{1,7}[_.\-~]){1,4}', v)
        if m:
            # up to the last separator within the first 14 characters
            keep = max(i + 1 for i in range(min(m.end(), 14)) if v[i] in '_.-~')
        else:
            m = re.match(r'(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9]|AIza|EAA[A-Z]|ya29|GOCSPX|EZAK|EZTK|ABSK)', v)
            keep = m.end() if m else 0
    tail = v[keep:]
    low = 'abcdef' if all(c in 'abcdef' for c in tail if 'a' <= c <= 'z') else 'abcdefghijklmnopqrstuvwxyz'
    up = 'ABCDEF' if all(c in 'ABCDEF' for c in tail if 'A' <= c <= 'Z') else 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    for _ in range(200):
        out = list(v[:keep])
        i = keep
        while i < len(v):
            c = v[i]
            if c == '%' and re.match(r'%[0-9A-Fa-f]{2}', v[i:i + 3]):
                out.append(v[i:i + 3])
                i += 3
                continue
            nxt = v[i + 1] if i + 1 < len(v) else ''
            if nxt == '~':
                out.append(c)  # Azure client secrets: "\dQ~"
            elif c.isdigit() and c.isascii():
                out.append(rng.choice('0123456789'))
            elif 'a' <= c <= 'z':
                out.append(rng.choice(low))
            elif 'A' <= c <= 'Z':
                out.append(rng.choice(up))
            else:
                out.append(c)
            i += 1
        nv = ''.join(out)
        if nv != v and nv not in avoid:
            return nv
    return None


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

    def shared(self, c):
        """Customer/card values already labelled in this file: the later case
        shares that label instead of repeating it."""
        return {r['value'] for r in c.remove if r['value'] in self.values and not is_variantable(r)}

    def check(self, c):
        """(fixable remove dicts of c, unfixable reason or None)"""
        shared = self.shared(c)
        vals = [r['value'] for r in c.remove if r['value'] not in shared]
        cm = mask(c.text, vals + sorted(shared))
        for k in c.keep:
            if any(v in k['value'] for v in self.values):
                return [], 'a keep line holds a value labelled elsewhere in the file'
            if any(v in k['value'] for v in vals):
                return [], 'a keep line holds its own remove value'
        for w in self.short:
            if w in cm:
                return [], 'a short value of the file occurs in this case'
        if self.vgrams & grams(cm):
            return [], 'a value of the file shares 12 characters with this case'
        bad = []
        for r in c.remove:
            v = r['value']
            if v in shared:
                continue
            hit = v in self.values
            if len(v) < PROBE:
                hit = hit or any(v in m for m in self.masked)
            else:
                hit = hit or bool(self.mgrams & set(probes(v)))
            hit = hit or any(v in k['value'] for k in self.keeps)
            if hit:
                bad.append(r)
        return bad, None

    def add(self, c):
        shared = self.shared(c)
        c.remove = [r for r in c.remove if r['value'] not in shared]
        vals = [r['value'] for r in c.remove]
        cm = mask(c.text, vals + sorted(shared))
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


def apply_variant(c, r, rng, avoid):
    old = r['value']
    nv = make_variant(old, rng, avoid)
    if nv is None:
        return False
    c.text = c.text.replace(old, nv)
    for rr in c.remove:
        if rr['value'] == old:
            rr['value'] = nv
            rr['synthesised'] = True
            rr.setdefault('variant_of', old)
        elif old in rr['value']:
            rr['value'] = rr['value'].replace(old, nv)
    for k in c.keep:
        k['value'] = k['value'].replace(old, nv)
    return True


def assemble(cases, rng):
    fams = {}
    for c in cases:
        fams.setdefault(c.family, []).append(c)
    out = []
    log = []
    for fam, cs in fams.items():
        buckets = []
        seen_text = set()
        for c in cs:
            if c.text in seen_text:
                STATS.skip(c.repo.name.split('/')[-1], 'duplicate line within the family file')
                continue
            placed = False
            for bi in range(MAX_BUCKETS):
                if bi == len(buckets):
                    buckets.append(Bucket(fam if bi == 0 else '%s-%d' % (fam, bi + 1)))
                b = buckets[bi]
                for _ in range(6):
                    bad, why = b.check(c)
                    if why or not bad:
                        break
                    if not all(is_variantable(r) for r in bad):
                        why = 'customer/card data collides (no variant possible)'
                        break
                    avoid = b.values | {r['value'] for r in c.remove}
                    if not all(apply_variant(c, r, rng, avoid) for r in bad):
                        why = 'no variant found'
                        break
                else:
                    why = 'variants kept colliding'
                if not why and not bad:
                    b.add(c)
                    placed = True
                    seen_text.add(c.text)
                    break
            if not placed:
                STATS.skip(c.repo.name.split('/')[-1], 'dropped: collides in every file of its family (%s)' % why)
                log.append('dropped %s %s %r' % (fam, c.rule, c.text[:80]))
        out += [b for b in buckets if b.cases]
    return out, log


def is_placeholder(v):
    """Peer positives like AKIAZZZZZZZZZZZZZZZZ or SKxxxx...: labelled remove as the peer
    says, under a `*_placeholder` kind so that they can be read apart."""
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
    return '\n'.join(parts) + '\n'


def verify(text, remove, keep):
    """The checks the reference corpus was built with: replacing exactly the
    labelled values removes every probe and keeps every keep value; and every
    label occurs in the file."""
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


# ================================================================ scope notes, SOURCES.md, main

SCOPE_NOTES = {
    'gitleaks': """Rule files read: `cmd/generate/config/rules/{%s}.go`.

Included because a WordPress/WooCommerce site or its support evidence holds them: AI providers
(OpenAI, Anthropic, Cohere, Hugging Face, Perplexity, Amazon Bedrock long-lived keys), payment
gateways (Stripe, Square, Flutterwave, GoCardless - GoCardless has an official WooCommerce
extension), cloud/hosting (AWS access keys, Google API keys, Azure AD client secrets,
DigitalOcean, Cloudflare incl. origin CA keys, Heroku, Netlify), mail/SMS/chat (SendGrid, Mailgun,
Mailchimp, Brevo/Sendinblue, Twilio, MessageBird, Slack, Discord, Telegram), code hosting (GitHub,
GitLab, Bitbucket), social/OAuth (Facebook, Twitter/X, LinkedIn), shipping and monitoring (EasyPost,
Shippo, Sentry, New Relic, Datadog), generic secrets (generic-api-key, curl `-u`/`-H` auth, the
Freemius SDK secret key - Freemius is the WordPress plugin licensing SDK), JWTs and private keys.

Left out: every other rule file ({excluded}):
developer tooling, infrastructure internals or SaaS that WordPress support evidence rarely holds.
Borderline ones left out on purpose: HubSpot, Algolia, Intercom, Mapbox and Zendesk have WordPress
plugins but are not in this corpus' provider list; Shopify and Coinbase are other shop platforms.
Within included files: `gcp-service-account` (its sample is the constant `"type": "service_account"`),
`aws-amazon-bedrock-api-key-short-lived` (its samples are only the constant token prefix) and
`pkcs12-file` (path-only rule) are left out.""",
    'kingfisher': """Rule files read: `data/rules/{%s}`.

Included: the same provider families as above, plus Groq, Replicate, xAI, ElevenLabs, Azure OpenAI,
PayPal, Paystack, Square application ids, Vercel, Vultr, Mandrill (Mailchimp transactional),
Postmark, Azure storage/app-configuration/DevOps keys, password hashes, DB URLs (MySQL, Postgres,
MongoDB URIs), FTP URLs, ODBC/.NET connection strings, credentials in URLs.
Left out inside included files: Azure OpenAI host names and storage account names (not secrets),
`gcp.1` (matches service-account JSON structure, the examples hold no secret value), `raven.1`
(synthetic examples with no real key format), `weak_password.1` (bare words without context),
Kerberos AS-REP hashes, MongoDB Atlas admin API keys/tokens.
All other rule files ({excluded_n}: niche SaaS APIs such as weather, crypto, CRM, scraping
services, plus developer tooling) are left out as not WordPress evidence.  Examples whose text is identical to a Nosey Parker example
(Kingfisher forked many Nosey Parker rules) are taken once, from Nosey Parker.""",
    'noseyparker': """Rule files read: `crates/noseyparker/data/default/builtin/rules/{%s}.yml`.

Included: AI keys (OpenAI, Anthropic, Groq, Hugging Face), payment (Stripe, Square), AWS keys and
session tokens (incl. Amazon MWS tokens used by Amazon marketplace plugins), Azure, DigitalOcean,
Heroku, Google OAuth/API keys, GitHub/GitLab/Bitbucket/Azure DevOps, Facebook, Twitter, LinkedIn,
Slack, Telegram, Twilio, Mailchimp, Mailgun, SendGrid, Postmark, New Relic, generic passwords and
secrets in many syntaxes, HTTP Basic/Bearer auth, JWTs and JWT secrets, PEM keys, password hashes,
Postgres/MongoDB/ODBC connection strings, PHPMailer SMTP credentials (WordPress sends mail through
PHPMailer).  Left out inside included files: AWS account ids, S3/GCS bucket names, ARNs, AppSync,
Kerberos hashes.  Other rule files ({excluded}) are developer/infrastructure tooling or services
WordPress evidence rarely holds (auth0, okta, shopify, mapbox, tavily were considered and left out:
not in this corpus' provider list).""",
    'detect-secrets': """Test files read: `tests/plugins/{%s}`.

`keyword_test.py` gives password/secret assignments in config, Go, C/C#/Objective-C, C++ and
quote-requiring syntaxes (Java, Python, JS, Swift, Terraform): the expected secret is labelled.
Lines the test marks "not flagged" only because one file type needs other quoting still hold the
test's designated secret, so they are labelled remove too.  Left out: artifactory, cloudant, IBM
Cloud IAM / COS, npm, PyPI, SoftLayer (not WordPress evidence) and high_entropy_strings (cases are
templates filled at run time).""",
    'presidio': """Test files read: `presidio-analyzer/tests/{%s}`.

E-mail, phone (generic, Philippine mobile, Turkish), credit card, IBAN, IP and PERSON (spaCy,
Stanza, Transformers NER tests, PERSON rows only; the DATE_TIME rows are not personal data here).
Positions given by the tests are labelled; rows repeated across tests with different leniency
are merged (union of positions).  Judgement calls: bare phone digit runs with no context
(`5321234567`) are left out - nothing tells them from an order number; private, loopback,
link-local, multicast, broadcast and CIDR network addresses are left out as not customer
addresses (public and documentation-range addresses are kept as customer IPs); IBAN
negatives (bad checksum/format) are left out because in support evidence they are most likely
mistyped IBANs; card negatives are kept only as plain digit runs (like the reference corpus'
Luhn-failing transaction ids).""",
}

LICENCES = {'gitleaks/gitleaks': 'MIT', 'mongodb/kingfisher': 'Apache-2.0',
            'praetorian-inc/noseyparker': 'Apache-2.0', 'Yelp/detect-secrets': 'Apache-2.0',
            'microsoft/presidio': 'MIT'}


def licence_of(repo):
    try:
        head = repo.show('LICENSE')[:400]
    except subprocess.CalledProcessError:
        return LICENCES[repo.name]
    if 'MIT License' in head or 'Permission is hereby granted' in repo.show('LICENSE'):
        return 'MIT'
    if 'Apache License' in head:
        return 'Apache-2.0'
    return LICENCES[repo.name]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gitleaks', required=True)
    ap.add_argument('--kingfisher', required=True)
    ap.add_argument('--noseyparker', required=True)
    ap.add_argument('--detect-secrets', required=True, dest='detect_secrets')
    ap.add_argument('--presidio', required=True)
    ap.add_argument('--out', default=HERE)
    ap.add_argument('--seed', type=int, default=20250101)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)

    gl = Repo('gitleaks/gitleaks', a.gitleaks, None)
    kf = Repo('mongodb/kingfisher', a.kingfisher, None)
    np_ = Repo('praetorian-inc/noseyparker', a.noseyparker, None)
    ds = Repo('Yelp/detect-secrets', a.detect_secrets, None)
    pr = Repo('microsoft/presidio', a.presidio, None)
    repos = [gl, kf, np_, ds, pr]
    for r in repos:
        r.licence = licence_of(r)

    cases = build_gitleaks(gl, rng)
    seen = {}
    cases += build_yaml_source(np_, NP_DIR, NP_FILES_IN, 'noseyparker', seen)
    cases += build_yaml_source(kf, KF_DIR, KF_FILES_IN, 'kingfisher', seen)
    cases += build_detect_secrets(ds)
    cases += build_presidio(pr)

    buckets, log = assemble(cases, rng)
    for bk in buckets:
        for c in bk.cases:
            for r in c.remove:
                if is_variantable(r) and is_placeholder(r['value']):
                    r['kind'] += '_placeholder'

    # write
    for fn in os.listdir(a.out):
        if fn.endswith('.txt') or fn == 'labels.json':
            os.remove(os.path.join(a.out, fn))
    labels = {'format': 1, 'set': 'peers', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {r.name: {'commit': r.commit, 'licence': r.licence} for r in repos},
              'files': {}}
    problems = []
    contamination = 0
    for b in sorted(buckets, key=lambda b: b.name):
        name = b.name + '.txt'
        text = render(b)
        repo = b.cases[0].repo
        remove, keep = [], []
        for c in b.cases:
            remove += c.remove
            keep += c.keep
        errs = verify(text, remove, keep)
        problems += ['%s: %s' % (name, e) for e in errs]
        # values that share a 12-character run with another value (fine for a perfect
        # redactor; a miss of one can then also count against the other)
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
    case_counts = {}
    for bk in buckets:
        for c in bk.cases:
            d = case_counts.setdefault(c.repo.name, {'tp': 0, 'fp': 0})
            d[c.polarity] += 1
    write_sources_md(a.out, labels, repos, case_counts)
    for name, d in case_counts.items():
        print('%-28s %5d positive cases, %4d negative (keep) cases' % (name, d['tp'], d['fp']))
    for p in problems:
        print('PROBLEM', p)
    for line in log:
        print(line)
    n_rm = sum(len(f['remove']) for f in labels['files'].values())
    n_kp = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d remove labels, %d keep labels; %d values share a 12-char run with another value'
          % (len(labels['files']), n_rm, n_kp, contamination))
    return 1 if problems else 0


def write_sources_md(out, labels, repos, case_counts):
    rows = []
    by_repo = {}
    for name, f in sorted(labels['files'].items()):
        src = f['source']
        by_repo.setdefault(src['repo'], []).append(name)
        cats = {}
        for r in f['remove']:
            cats[r['category']] = cats.get(r['category'], 0) + 1
        synth = sum(1 for r in f['remove'] if r.get('synthesised'))
        paths = ', '.join('`%s`' % p.split('/')[-1] for p in src['path'])
        rows.append('| `%s` | %s | %s | %s | `%s` | %s | %d (%s; %d synthesised) | %d |' % (
            name, src['repo'], '/'.join(src['path'][0].split('/')[:-1]) + '/', paths, src['commit'][:12],
            labels['sources'][src['repo']]['licence'], len(f['remove']),
            ', '.join('%s %d' % kv for kv in sorted(cats.items())), synth, len(f['keep'])))
    skipped = {}
    for (src, reason), n in STATS.skipped.items():
        skipped.setdefault(src, []).append((reason, n))
    lines = ["""# Sources of the peer-derived corpus

Every file here is built by `build.py` from the test cases of five public secret/PII detectors.
Nothing in this folder comes from this project's own code.  Each case is a line or small block
as it appears in the peer's test (with its context: `export X=...`, JSON, YAML, PHP, curl, ...).

| repository | commit | licence |
| --- | --- | --- |"""]
    for r in repos:
        lines.append('| [%s](https://github.com/%s) | `%s` | %s |' % (r.name, r.name, r.commit, r.licence))
    lines.append('''
## Cases per source

| repository | positive cases | negative cases (keep) | remove labels: provider_key | credential | payment | customer | of which synthesised |
| --- | --- | --- | --- | --- | --- | --- | --- |''')
    for r in repos:
        cnt = {'provider_key': 0, 'credential': 0, 'payment': 0, 'customer': 0, 'synth': 0}
        for f in labels['files'].values():
            if f['source']['repo'] != r.name:
                continue
            for x in f['remove']:
                cnt[x['category']] += 1
                cnt['synth'] += bool(x.get('synthesised'))
        cc = case_counts.get(r.name, {'tp': 0, 'fp': 0})
        lines.append('| %s | %d | %d | %d | %d | %d | %d | %d |' % (
            r.name, cc['tp'], cc['fp'], cnt['provider_key'], cnt['credential'], cnt['payment'], cnt['customer'],
            cnt['synth']))
    lines.append("""
## Files

The commit is the snapshot read (HEAD of the fetched copy). `path` lists the files of that
repository a corpus file draws from (directory, then file names); labels.json repeats this per file
as `"source": {"repo", "commit", "path": [...]}` and per label as `rule` and `path`.

| corpus file | repo | directory | source files | commit | licence | remove labels | keep labels |
| --- | --- | --- | --- | --- | --- | --- | --- |""")
    lines += rows
    lines.append("""
## How values were obtained

- **Literal values** (strings written in the peer's test) are taken as they are.
- **Synthesised from rule regex**: gitleaks builds many true positives at generation time with
  `secrets.NewSecret(regex)` / `utils.GenerateSampleSecrets(id, secret)`, i.e. random strings.
  `lib_go.py` reads the Go source, evaluates those expressions and draws a fresh random string from
  the same regex (`lib_regex.py`, seeded, reproducible) for every one of the ~26 syntax contexts that
  `GenerateSampleSecrets` produces (INI, JSON, XML, YAML, C#, Go, Java, Kotlin, PHP, Python, Makefile,
  logstash, `System.setProperty`); each sample is checked against the rule's own regex.  The `jwt`
  rule's generator only draws `ey` + random characters, so JWT samples are generated as real
  `header.payload.signature` strings that still match the rule's regex.  These labels carry
  `"synthesised": true`.
- **Variants of repeated literals**: scoring looks for a value anywhere in a file, so one value
  used in several cases of a file would tie those cases together.  When a literal repeats (the same
  literal sample in all contexts of `GenerateSampleSecrets`, `super$ecret` in many Nosey Parker
  lines, detect-secrets' `COMMON_SECRET` in ~70 keyword lines, ...), the first occurrence keeps the
  literal and later ones get a same-shape variant: letters stay letters (hex stays hex), digits stay
  digits, punctuation, `%XX` escapes and a provider prefix (`sk_live_`, `glpat-`, `AKIA`, ...) are
  kept.  Such labels carry `"synthesised": true` and `"variant_of": <the literal>`.  Customer data,
  card numbers and IBANs are never varied (checksums, names); colliding cases go to a second file
  of the family (`-2`, `-3`).
- **What is labelled**: only the secret value itself (never the key name), as it sits in the file;
  for private keys the PEM body between the BEGIN and END lines; for Slack webhooks the secret last
  path segment (`T.../B...` team and channel ids are not labelled); for `curl -u user:pass` the
  password (and the user name when it is an e-mail address); for connection strings and URLs the
  password.  Peer positives that are plainly placeholders (`AKIAZZZZZZZZZZZZZZZZ`, `SKxxxx...`,
  `aaaa...NRAL`) keep their remove label, under a `*_placeholder` kind so they can be read apart.
- **Negative examples** (`fps`, `negative_examples`, `should_flag=False`, `expected_len=0`) become
  `keep` values (kind `peer_negative`, the whole line) when they are plainly not secret: code
  identifiers, prose, URLs without credentials, template variables (`$VAR`, `${x}`, `{{ x }}`,
  `<placeholder>`), empty values, version-like and invalid IPs, hashes in non-secret fields.
  Negatives that are still secret-like are left out: key-shaped strings that fail only a length,
  checksum or entropy test, placeholder values (`xxxx`, `0000`, `EXAMPLE`) sitting in a secret
  field or shaped like a provider token, masked values, true positives of a sibling rule, and
  lines holding e-mail addresses or IPs (the project's PII policy decides those).

## Scope decisions
""")
    for r in repos:
        key = r.name.split('/')[-1]
        files = {'gitleaks': ','.join(GL_FILES_IN), 'kingfisher': ','.join(f + '.yml' for f in KF_FILES_IN),
                 'noseyparker': ','.join(NP_FILES_IN),
                 'detect-secrets': ','.join(sorted(DS_PLUGINS) + ['keyword_test.py']),
                 'presidio': ','.join(sorted(PR_FILES))}[key]
        lines.append('### %s\n' % r.name)
        rdir, inc = {'gitleaks': (GL_DIR, GL_FILES_IN), 'kingfisher': (KF_DIR, KF_FILES_IN),
                     'noseyparker': (NP_DIR, NP_FILES_IN)}.get(key, (None, None))
        excluded = []
        if rdir:
            for p in r.ls(rdir):
                stem = p[len(rdir):].rsplit('.', 1)[0]
                if '/' not in stem and p.endswith(('.go', '.yml', '.yaml')) and stem not in inc:
                    excluded.append(stem)
        note = SCOPE_NOTES[key] % files
        note = note.replace('{excluded}', ', '.join(sorted(excluded))).replace('{excluded_n}', str(len(excluded)))
        lines.append(note)
        lines.append('')
        if key in skipped:
            lines.append('Left out while building (cases):\n')
            for reason, n in sorted(skipped[key], key=lambda x: (-x[1], x[0])):
                lines.append('- %s: %d' % (reason, n))
            lines.append('')
        notes = sorted((w, n) for (s, w), n in STATS.notes.items() if s == key)
        if notes:
            lines.append('Other counts:\n')
            for w, n in notes:
                lines.append('- %s: %d' % (w, n))
            lines.append('')
    lines.append("""## Rebuilding

```sh
python3 tests/external/peers/build.py \\
    --gitleaks GITDIR --kingfisher GITDIR --noseyparker GITDIR \\
    --detect-secrets GITDIR --presidio GITDIR
```

Each GITDIR is a git directory holding the peer repository (for example a `git clone --bare`);
files are read at HEAD.  Needs Python 3.8+ and PyYAML.  The output is deterministic for given
commits (`--seed`, default 20250101).  The build checks every file like the reference corpus was
checked: each label occurs in its file, and replacing exactly the `remove` values removes every
12-character probe while every `keep` value survives.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines))


if __name__ == '__main__':
    sys.exit(main())
