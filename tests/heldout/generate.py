#!/usr/bin/env python3
"""Held-out labelled corpus for `runbook redact` (Python 3 stdlib only, deterministic).

    python3 tests/heldout/generate.py --out /tmp/heldout-corpus
    python3 /work/shared/redaction-corpus/score.py --corpus /tmp/heldout-corpus \
        --cmd "./target/release/runbook redact" --jobs 2

Writes ~60 evidence files (2-20 KB) plus labels.json in the format of the shared
sample corpus (../shared/redaction-corpus/README.md), but built from other
layouts, phrasings and national formats: support e-mails, chat transcripts,
Slack threads, multilingual CRM notes, YAML, .env (Bedrock), docker-compose,
nginx/Apache error logs, var_dump/var_export, serialized PHP in SQL dumps,
minified and pretty JSON, SOAP/XML, CSV exports, raw HTTP captures, curl -v,
wp-cli, MariaDB general logs, Stripe/PayPal webhooks, Markdown tickets, systemd
journal, Python/Node/Java/Go/PHP traces, wp-config.php variants, NDJSON AI
request logs, Square/Braintree logs, SMTP transcripts, CI logs, HAR, Sentry
events, Caddy JSON access logs, wp-admin order copy-paste.

All secrets are random strings of the right shape (never real keys); cards
pass Luhn, IBANs pass mod-97.  Every file is validated before it is written:
each label is present, no keep value contains a remove value or vice versa,
every occurrence of a remove value is a planted one, no 12-char piece of one
remove value sits inside a value of another kind, and replacing exactly the
labelled values yields recall=1.000 keep=1.000.
"""
import argparse
import base64
import csv
import io
import json
import os
import random
import string
import sys
import unicodedata
import urllib.parse
from datetime import datetime, timedelta, timezone


# ============================================================================
# core
# ============================================================================
PROBE = 12
CATS = ['provider_key', 'credential', 'payment', 'customer']

UP = string.ascii_uppercase
LO = string.ascii_lowercase
LET = string.ascii_letters
DIG = string.digits
ALNUM = LET + DIG
HEX = '0123456789abcdef'
B64URL = ALNUM + '-_'
B64 = ALNUM + '+/'


def rs(rng, chars, n):
    return ''.join(rng.choice(chars) for _ in range(n))


def b64(s):
    return base64.b64encode(s.encode()).decode()


def b64u(obj):
    raw = json.dumps(obj, separators=(',', ':')).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip('=')


def jesc(s, slashes=False, ascii_only=True):
    """JSON string body (no quotes); PHP json_encode style with slashes=True."""
    out = json.dumps(s, ensure_ascii=ascii_only)[1:-1]
    if slashes:
        out = out.replace('/', '\\/')
    return out


def urlq(s):
    return urllib.parse.quote(s, safe='')


def formq(s):
    return urllib.parse.quote_plus(s, safe='')


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).replace('ß', 'ss')


# ---------------------------------------------------------------- secrets

def uuid4(rng):
    h = rs(rng, HEX, 32)
    return '%s-%s-4%s-%s%s-%s' % (h[:8], h[8:12], h[13:16], rng.choice('89ab'), h[17:20], h[20:32])


def k_openai(rng, style=None):
    style = style or rng.choice(['proj', 'proj', 'legacy', 'svcacct'])
    if style == 'proj':
        return 'sk-proj-' + rs(rng, B64URL, 74) + 'T3BlbkFJ' + rs(rng, B64URL, 74)
    if style == 'svcacct':
        return 'sk-svcacct-' + rs(rng, B64URL, 74) + 'T3BlbkFJ' + rs(rng, B64URL, 74)
    return 'sk-' + rs(rng, ALNUM, 20) + 'T3BlbkFJ' + rs(rng, ALNUM, 20)


def k_anthropic(rng):
    return 'sk-ant-api03-' + rs(rng, B64URL, 93) + 'AA'


def k_gemini(rng):
    return 'AIza' + rs(rng, B64URL, 35)


def k_groq(rng):
    return 'gsk_' + rs(rng, ALNUM, 52)


def k_openrouter(rng):
    return 'sk-or-v1-' + rs(rng, HEX, 64)


def k_xai(rng):
    return 'xai-' + rs(rng, ALNUM, 80)


def k_pplx(rng):
    return 'pplx-' + rs(rng, ALNUM, 48)


def k_hf(rng):
    return 'hf_' + rs(rng, LET, 34)


def k_replicate(rng):
    return 'r8_' + rs(rng, ALNUM, 37)


def k_eleven(rng, legacy=False):
    return rs(rng, HEX, 32) if legacy else 'sk_' + rs(rng, HEX, 48)


def k_pinecone(rng, legacy=False):
    return uuid4(rng) if legacy else 'pcsk_' + rs(rng, ALNUM, 6) + '_' + rs(rng, ALNUM, 63)


def k_deepseek(rng):
    return 'sk-' + rs(rng, HEX, 32)


def k_mistral(rng):
    return rs(rng, ALNUM, 32)


def k_cohere(rng):
    return rs(rng, ALNUM, 40)


def stripe_key(rng, pfx, long=None):
    long = rng.random() < 0.6 if long is None else long
    return pfx + ('51' + rs(rng, ALNUM, 97) if long else rs(rng, ALNUM, 24))


def whsec(rng):
    return 'whsec_' + rs(rng, ALNUM, 32)


def pp_token(rng):
    return 'A21AA' + rs(rng, B64URL, 92)


def pp_client_id(rng):
    return 'A' + rng.choice('TUVWXYZ') + rs(rng, B64URL, 78)


def pp_secret(rng):
    return 'E' + rng.choice(LET) + rs(rng, B64URL, 78)


def square_token(rng):
    return 'EAAA' + rs(rng, B64URL, 60)


def square_secret(rng):
    return 'sq0csp-' + rs(rng, B64URL, 43)


def braintree_token(rng):
    return 'access_token$production$' + rs(rng, LO + DIG, 16) + '$' + rs(rng, HEX, 32)


def aws_id(rng, temp=False):
    return ('ASIA' if temp else 'AKIA') + rs(rng, UP + '234567', 16)


def aws_secret(rng):
    return rs(rng, ALNUM + '/+', 40)


def aws_session(rng):
    return 'IQoJb3JpZ2luX2Vj' + rs(rng, B64, 300) + '='


def gh_pat(rng, kind='ghp'):
    if kind == 'fine':
        return 'github_pat_11' + rs(rng, UP + DIG, 20) + '_' + rs(rng, ALNUM, 59)
    return kind + '_' + rs(rng, ALNUM, 36)


def slack_bot(rng):
    return 'xoxb-%s-%s-%s' % (rs(rng, DIG, 12), rs(rng, DIG, 13), rs(rng, ALNUM, 24))


def slack_hook(rng):
    """(full url, secret part)"""
    sec = rs(rng, ALNUM, 24)
    return 'https://hooks.slack.com/services/T%s/B%s/%s' % (rs(rng, UP + DIG, 8), rs(rng, UP + DIG, 10), sec), sec


def sendgrid(rng):
    return 'SG.' + rs(rng, B64URL, 22) + '.' + rs(rng, B64URL, 43)


def mailgun(rng):
    return 'key-' + rs(rng, HEX, 32)


def wc_ck(rng):
    return 'ck_' + rs(rng, HEX, 40)


def wc_cs(rng):
    return 'cs_' + rs(rng, HEX, 40)


def wc_order_key(rng):
    return 'wc_order_' + rs(rng, ALNUM, 13)


def app_password(rng):
    return ' '.join(rs(rng, ALNUM, 4) for _ in range(6))


def phpass(rng):
    return '$P$B' + rs(rng, './' + ALNUM, 30)


def bcrypt(rng, wp=False):
    return ('$wp' if wp else '') + '$2y$10$' + rs(rng, './' + ALNUM, 53)


def argon(rng):
    return '$argon2id$v=19$m=65536,t=4,p=1$' + rs(rng, B64.replace('+', ''), 22) + '$' + rs(rng, B64.replace('+', ''), 43)


SALT_CHARS = ''.join(c for c in string.punctuation if c not in '\'"\\$`') + ALNUM + ' '


def salt(rng):
    s = rs(rng, SALT_CHARS, 64)
    # no leading/trailing space, never a comment marker at start
    return rng.choice(ALNUM) + s[1:-1] + rng.choice(ALNUM)


PW_WORDS = ['Tundra', 'Marsh', 'Copper', 'Nimbus', 'Orchid', 'Falcon', 'Harbor', 'Quartz', 'Willow', 'Ember',
            'Saffron', 'Glacier', 'Pebble', 'Lantern', 'Thistle', 'Cobalt', 'Juniper', 'Meadow', 'Basalt', 'Kestrel']


def password(rng, style=None):
    style = style or rng.choice(['sym', 'sym', 'phrase', 'season', 'alnum', 'hex'])
    if style == 'sym':
        chars = ALNUM + '!#%&*+-=?@^_~.'
        while True:
            p = rs(rng, chars, rng.randint(14, 22))
            if sum(c in '!#%&*+-=?@^_~.' for c in p) >= 2 and p[0] not in '-.':
                return p
    if style == 'phrase':
        return '-'.join(rng.sample(PW_WORDS, 3)) + str(rng.randint(10, 99))
    if style == 'season':
        return rng.choice(['Sommer', 'Winter', 'Verano', 'Outono', 'Autumn', 'Spring']) + str(rng.randint(2019, 2025)) + rng.choice(['!', '#', '!!', '$', '*'])
    if style == 'alnum':
        return rs(rng, ALNUM, 24)
    return rs(rng, HEX, 32)


def jwt(rng, payload):
    alg = rng.choice(['HS256', 'RS256', 'ES256'])
    hdr = {'alg': alg, 'typ': 'JWT'}
    if alg != 'HS256':
        hdr['kid'] = rs(rng, LO + DIG, 12)
    sig = rs(rng, B64URL, {'HS256': 43, 'RS256': 342, 'ES256': 86}[alg])
    return b64u(hdr) + '.' + b64u(payload) + '.' + sig


def pem(rng, kind):
    """(header, body, footer) -- body lines joined by \n."""
    if kind == 'rsa':
        raw = 'MIIEpAIBAAKCAQEA' + rs(rng, B64, 64 * 25 - 16 + 20)
        lines = [raw[i:i + 64] for i in range(0, len(raw), 64)]
        return '-----BEGIN RSA PRIVATE KEY-----', '\n'.join(lines), '-----END RSA PRIVATE KEY-----'
    if kind == 'pkcs8':
        raw = 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ' + rs(rng, B64, 64 * 25 - 50 + 8)
        lines = [raw[i:i + 64] for i in range(0, len(raw), 64)]
        return '-----BEGIN PRIVATE KEY-----', '\n'.join(lines), '-----END PRIVATE KEY-----'
    if kind == 'ec':
        raw = 'MHcCAQEEI' + rs(rng, B64, 64 * 3 - 9 - 16 + 4) + 'oUQDQgAE' + rs(rng, B64, 4) + '=='
        lines = [raw[i:i + 64] for i in range(0, len(raw), 64)]
        return '-----BEGIN EC PRIVATE KEY-----', '\n'.join(lines), '-----END EC PRIVATE KEY-----'
    raw = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW' + rs(rng, B64, 70 * 6 - 70 + 30)
    lines = [raw[i:i + 70] for i in range(0, len(raw), 70)]
    return '-----BEGIN OPENSSH PRIVATE KEY-----', '\n'.join(lines), '-----END OPENSSH PRIVATE KEY-----'


# ---------------------------------------------------------------- payment

def luhn_ok(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_digit(partial):
    for c in DIG:
        if luhn_ok(partial + c):
            return c


CARD_PREFIX = {'visa': ['4'], 'mc': ['51', '52', '53', '54', '55', '2221', '2477', '2720'],
               'amex': ['34', '37'], 'discover': ['6011', '65', '644', '649']}


def card(rng, brand=None):
    brand = brand or rng.choice(['visa', 'visa', 'mc', 'mc', 'amex', 'discover'])
    n = 15 if brand == 'amex' else 16
    p = rng.choice(CARD_PREFIX[brand])
    body = p + rs(rng, DIG, n - 1 - len(p))
    return brand, body + luhn_digit(body)


def fmt_card(num, style, sep=None):
    if style == 'plain':
        return num
    sep = sep or (' ' if style == 'spaced' else '-')
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def txn16(rng):
    while True:
        n = rng.choice('4539') + rs(rng, DIG, 15)
        if not luhn_ok(n):
            return n


IBAN_SPEC = {'DE': '18n', 'GB': '4a14n', 'FR': '10n11c2n', 'ES': '20n', 'IT': '1a10n12c', 'NL': '4a10n',
             'BE': '12n', 'AT': '16n', 'CH': '5n12c', 'PL': '24n', 'PT': '21n', 'IE': '4a14n', 'SE': '20n',
             'DK': '14n', 'BR': '23n1a1c', 'FI': '14n'}


def iban(rng, cc, spaced=False):
    spec = IBAN_SPEC[cc]
    bban = ''
    num = ''
    for ch in spec:
        if ch.isdigit():
            num += ch
            continue
        cnt = int(num)
        num = ''
        pool = {'n': DIG, 'a': UP, 'c': UP + DIG}[ch]
        bban += rs(rng, pool, cnt)
    rearr = bban + cc + '00'
    numeric = ''.join(str(int(c, 36)) for c in rearr)
    check = 98 - int(numeric) % 97
    s = '%s%02d%s' % (cc, check, bban)
    assert iban_ok(s)
    if spaced:
        s = ' '.join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def iban_ok(s):
    s = s.replace(' ', '')
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1


# ---------------------------------------------------------------- keep-ish ids

def pi_id(rng):
    return 'pi_3' + rs(rng, ALNUM, 23)


def ch_id(rng):
    return 'ch_3' + rs(rng, ALNUM, 23)


def cus_id(rng):
    return 'cus_' + rs(rng, ALNUM, 14)


def pm_id(rng):
    return 'pm_1' + rs(rng, ALNUM, 23)


def evt_id(rng):
    return 'evt_3' + rs(rng, ALNUM, 23)


def req_id(rng):
    return 'req_' + rs(rng, ALNUM, 14)


def chatcmpl(rng):
    return 'chatcmpl-' + rs(rng, ALNUM, 29)


def msg_id(rng):
    return 'msg_01' + rs(rng, ALNUM, 22)


def pp_order_id(rng):
    return rs(rng, DIG, 1) + rs(rng, UP + DIG, 15) + rs(rng, UP, 1)


def git_sha(rng):
    return rs(rng, HEX, 40)


def asset_hash(rng):
    return rs(rng, HEX, 32)


def nonce(rng):
    return rs(rng, HEX, 10)


HOOKS = ['woocommerce_checkout_order_processed', 'woocommerce_payment_complete', 'woocommerce_order_status_changed',
         'sophmate_before_provider_request', 'sophmate_after_reply', 'sophmate_refresh_embeddings',
         'woocommerce_scheduled_subscription_payment', 'action_scheduler_run_queue', 'wp_mail_failed',
         'woocommerce_new_order', 'rest_api_init', 'sophmate_order_lookup', 'woocommerce_thankyou',
         'sophmate_cron_purge_transcripts', 'woocommerce_store_api_checkout_update_order_from_request']
PLUGINS = ['sophmate', 'woocommerce', 'woocommerce-gateway-stripe', 'woocommerce-paypal-payments', 'wp-mail-smtp',
           'redis-cache', 'woocommerce-square', 'woocommerce-gateway-paypal-express-checkout', 'wordfence',
           'litespeed-cache', 'wp-rocket', 'amazon-s3-and-cloudfront', 'jwt-authentication-for-wp-rest-api',
           'query-monitor', 'woocommerce-payments', 'braintree-for-woocommerce', 'action-scheduler']
ERRCODES = ['SOPH-E1042', 'SOPH-E1107', 'SOPH-E1203', 'SOPH-E1218', 'SOPH-E1301', 'SOPH-E1311', 'SOPH-E1420',
            'SOPH-E1501', 'SOPH-E1602', 'SOPH-E1733', 'SOPH-W2004', 'SOPH-W2011', 'SOPH-E1809', 'SOPH-E1915']
CLASSNAMES = ['GuzzleHttp\\Exception\\ClientException', 'SophMate\\Providers\\PerplexityProvider',
              'SophMate\\Providers\\XaiProvider', 'SophMate\\Knowledge\\PineconeIndexer',
              'Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\OrdersTableDataStore',
              'WC_Gateway_Stripe', 'WooCommerce\\PayPalCommerce\\ApiClient\\Endpoint\\OrderEndpoint',
              'SophMate\\Rest\\ChatController', 'WC_REST_Orders_Controller', 'Braintree\\Exception\\Authentication',
              'Square\\Exceptions\\ApiException', 'PHPMailer\\PHPMailer\\Exception', 'WpOrg\\Requests\\Exception\\Http\\Status401']


def version(rng, major=(1, 9)):
    return '%d.%d.%d' % (rng.randint(*major), rng.randint(0, 12), rng.randint(0, 9))


# ---------------------------------------------------------------- time

class Clock:
    def __init__(self, rng):
        self.rng = rng
        self.t = datetime(2024, 1, 3, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 640 * 86400))

    def tick(self, lo=1, hi=120):
        self.t += timedelta(seconds=self.rng.randint(lo, hi), microseconds=self.rng.randint(0, 999999))
        return self.t

    def f(self, style, t=None):
        t = t or self.t
        if style == 'wp':
            return t.strftime('%d-%b-%Y %H:%M:%S UTC')
        if style == 'iso':
            return t.strftime('%Y-%m-%dT%H:%M:%S+00:00')
        if style == 'isoz':
            return t.strftime('%Y-%m-%dT%H:%M:%S.%fZ')
        if style == 'isoms':
            return t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (t.microsecond // 1000)
        if style == 'gha':
            return t.strftime('%Y-%m-%dT%H:%M:%S.%f') + '0Z'
        if style == 'nginx':
            return t.strftime('%Y/%m/%d %H:%M:%S')
        if style == 'apache':
            return t.strftime('%a %b %d %H:%M:%S.%f %Y')
        if style == 'clf':
            return t.strftime('%d/%b/%Y:%H:%M:%S +0000')
        if style == 'syslog':
            return t.strftime('%b %d %H:%M:%S')
        if style == 'rfc2822':
            return t.strftime('%a, %d %b %Y %H:%M:%S +0000')
        if style == 'mysql':
            return t.strftime('%Y-%m-%d %H:%M:%S')
        if style == 'mysqllog':
            return t.strftime('%y%m%d %H:%M:%S')
        if style == 'epoch':
            return str(int(t.timestamp()))
        if style == 'hm':
            return t.strftime('%H:%M:%S')
        if style == 'wcadmin':
            return t.strftime('%Y-%m-%d @ %H:%M')
        if style == 'long':
            return t.strftime('%-d %B %Y at %-I:%M %p').replace('AM', 'am').replace('PM', 'pm')
        raise ValueError(style)


# ============================================================================
# people
# ============================================================================
NAMES = {
    'GB': (['Oliver', 'Amelia', 'Harriet', 'Isla', 'George', 'Poppy', 'Alfie', 'Freya', 'Rhys', 'Imogen', 'Callum', 'Niamh'],
           ['Thompson', 'Fairweather', 'Ashworth-Blake', 'Pemberton', "O'Sullivan", 'Llewellyn', 'Hargreaves',
            'Smith-Walker', 'Featherstonehaugh', 'Okonkwo-Reid', 'Braithwaite']),
    'AU': (['Lachlan', 'Matilda', 'Cooper', 'Chloe', 'Bodhi', 'Sienna', 'Jarrah', 'Talia'],
           ['Nguyen', 'Kowalczyk', 'Fitzgerald', 'McAllister', 'Papadopoulos', 'Tran-Whitlock', 'Kazantzidis']),
    'IN': (['Aarav', 'Priyanka', 'Vihaan', 'Ananya', 'Arjun', 'Lakshmi', 'Rohan', 'Divya', 'Siddharth', 'Meenakshi'],
           ['Venkataraman', 'Bhattacharya', 'Iyer', 'Chakraborty', 'Reddy', 'Subramanian', 'Deshpande', 'Krishnamurthy']),
    'BR': (['João Pedro', 'Ana Beatriz', 'Lucas', 'Maria Eduarda', 'Gabriel', 'Larissa', 'Thiago', 'Fernanda'],
           ['dos Santos Oliveira', 'Pereira da Silva', 'Carvalho', 'Rodrigues Alves', 'Nascimento', 'de Souza Lima',
            'Albuquerque Neto']),
    'JP': (['Haruto', 'Yuina', 'Sota', 'Aoi', 'Kenji', 'Sakura', 'Takumi', 'Hinata', 'Ryosuke', 'Mitsuki'],
           ['Takahashi', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Fujiwara', 'Matsumoto', 'Hayashida']),
    'DE': (['Anna-Lena', 'Lukas', 'Mia-Sophie', 'Jörg', 'Friederike', 'Maximilian', 'Hannelore', 'Björn'],
           ['Müller-Lüdenscheidt', 'Schröder', 'Weißenberger', 'von Hohenfels', 'Bäcker', 'Zimmermann', 'Große-Wilde']),
    'FR': (['Jean-Baptiste', 'Élodie', 'Marie-Claire', 'Théo', 'Anaïs', 'François', 'Gwenaëlle', 'Loïc'],
           ['Dupont', 'Lefèvre', 'de La Rochefoucauld', 'Moreau-Girard', 'Besançon', 'Chevalier']),
    'ES': (['María José', 'José Luis', 'Lucía', 'Alejandro', 'Carmen', 'Iñaki', 'Begoña'],
           ['García de la Fuente', 'Fernández-Vázquez', 'Ruiz Zafón', 'Martínez Olmedo', 'Echeverría']),
    'IT': (['Giulia', 'Alessandro', 'Francesca', 'Matteo', 'Chiara', 'Lorenzo'],
           ['De Luca', 'Esposito', 'Colombo', 'Di Stefano', 'Santangelo']),
    'NL': (['Sanne', 'Daan', 'Femke', 'Joost', 'Maartje', 'Sjoerd'],
           ['van der Berg', 'de Vries', 'Bakker', 'van Dijk-Hoekstra', 'Schimmelpenninck']),
    'US': (['Jaylen', 'Madison', 'DeShawn', 'Kayleigh', 'Brantley', 'Marisol'],
           ["O'Connor", 'Washington', 'Kowalski', 'McKenzie-Brown', 'Delacroix-Henry']),
    'IE': (['Siobhán', 'Oisín', 'Aoife', 'Caoimhe', 'Tadhg'],
           ['Ní Bhriain', 'Ó Súilleabháin', 'MacCarthy', 'Fitzpatrick']),
    'NG': (['Oluwaseun', 'Chiamaka', 'Emeka', 'Folasade', 'Chukwudi'],
           ['Adeyemi-Okafor', 'Nwachukwu', 'Balogun', 'Oyelaran']),
}

COUNTRY_NAME = {'GB': 'United Kingdom', 'AU': 'Australia', 'IN': 'India', 'BR': 'Brasil', 'JP': 'Japan',
                'DE': 'Deutschland', 'FR': 'France', 'ES': 'España', 'IT': 'Italia', 'NL': 'Nederland',
                'US': 'United States', 'IE': 'Ireland', 'NG': 'Nigeria'}

MAIL_DOMAINS = {'GB': ['btinternet.com', 'hotmail.co.uk', 'gmail.com', 'yahoo.co.uk'],
                'AU': ['bigpond.com', 'outlook.com.au', 'gmail.com', 'optusnet.com.au'],
                'IN': ['rediffmail.com', 'gmail.com', 'yahoo.co.in'],
                'BR': ['uol.com.br', 'bol.com.br', 'gmail.com', 'terra.com.br'],
                'JP': ['yahoo.co.jp', 'docomo.ne.jp', 'gmail.com', 'icloud.com'],
                'DE': ['web.de', 'gmx.net', 't-online.de', 'posteo.de'],
                'FR': ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'],
                'ES': ['telefonica.net', 'gmail.com', 'hotmail.es'],
                'IT': ['libero.it', 'virgilio.it', 'gmail.com'],
                'NL': ['ziggo.nl', 'kpnmail.nl', 'gmail.com'],
                'US': ['comcast.net', 'gmail.com', 'icloud.com', 'aol.com'],
                'IE': ['eircom.net', 'gmail.com'],
                'NG': ['yahoo.com', 'gmail.com']}


def d(rng, n):
    return rs(rng, DIG, n)


def nz(rng, n):
    return rng.choice('123456789') + rs(rng, DIG, n - 1)


def ordinal(n):
    suf = 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return '%d%s' % (n, suf)


def phone(rng, cc):
    r = rng.random
    if cc == 'GB':
        return rng.choice([lambda: '+44 7%s %s' % (d(rng, 3), d(rng, 6)), lambda: '07%s %s' % (d(rng, 3), d(rng, 6)),
                           lambda: '+44 (0)20 %s %s' % (nz(rng, 4), d(rng, 4)), lambda: '+447%s' % d(rng, 9),
                           lambda: '0161 %s %s' % (nz(rng, 3), d(rng, 4))])()
    if cc == 'AU':
        return rng.choice([lambda: '+61 4%s %s %s' % (d(rng, 2), d(rng, 3), d(rng, 3)),
                           lambda: '04%s %s %s' % (d(rng, 2), d(rng, 3), d(rng, 3)),
                           lambda: '(02) %s %s' % (nz(rng, 4), d(rng, 4)), lambda: '+61 3 %s %s' % (nz(rng, 4), d(rng, 4))])()
    if cc == 'IN':
        return rng.choice([lambda: '+91 9%s %s' % (d(rng, 4), d(rng, 5)), lambda: '+91-98%s-%s' % (d(rng, 3), d(rng, 5)),
                           lambda: '098%s%s' % (d(rng, 3), d(rng, 5)), lambda: '+91 80 %s %s' % (nz(rng, 4), d(rng, 4))])()
    if cc == 'BR':
        ddd = rng.choice(['11', '21', '31', '41', '51', '61', '71', '81'])
        return rng.choice([lambda: '+55 %s 9%s-%s' % (ddd, d(rng, 4), d(rng, 4)), lambda: '(%s) 9%s-%s' % (ddd, d(rng, 4), d(rng, 4)),
                           lambda: '+55 (%s) 9%s-%s' % (ddd, d(rng, 4), d(rng, 4)), lambda: '+55%s9%s' % (ddd, d(rng, 8))])()
    if cc == 'JP':
        return rng.choice([lambda: '+81 90-%s-%s' % (d(rng, 4), d(rng, 4)), lambda: '080-%s-%s' % (d(rng, 4), d(rng, 4)),
                           lambda: '03-%s-%s' % (nz(rng, 4), d(rng, 4)), lambda: '+81 3 %s %s' % (nz(rng, 4), d(rng, 4))])()
    if cc == 'DE':
        return rng.choice([lambda: '+49 151 %s' % d(rng, 8), lambda: '0151 %s %s' % (d(rng, 4), d(rng, 4)),
                           lambda: '030 %s' % nz(rng, 8), lambda: '+49 (0)89 %s %s' % (nz(rng, 4), d(rng, 4)),
                           lambda: '0176/%s' % d(rng, 8)])()
    if cc == 'FR':
        g = lambda: ' '.join(d(rng, 2) for _ in range(4))
        return rng.choice([lambda: '+33 6 ' + g(), lambda: '06 ' + g(), lambda: '07.' + '.'.join(d(rng, 2) for _ in range(4)),
                           lambda: '+33 (0)1 ' + g()])()
    if cc == 'ES':
        return rng.choice([lambda: '+34 6%s %s %s %s' % (d(rng, 2), d(rng, 2), d(rng, 2), d(rng, 2)),
                           lambda: '6%s %s %s' % (d(rng, 2), d(rng, 3), d(rng, 3)), lambda: '+34 91 %s %s %s' % (nz(rng, 3), d(rng, 2), d(rng, 2))])()
    if cc == 'IT':
        return rng.choice([lambda: '+39 3%s %s %s' % (d(rng, 2), d(rng, 3), d(rng, 4)), lambda: '3%s %s' % (d(rng, 2), d(rng, 7)),
                           lambda: '+39 02 %s %s' % (nz(rng, 4), d(rng, 4))])()
    if cc == 'NL':
        return rng.choice([lambda: '+31 6 %s' % d(rng, 8), lambda: '06-%s' % d(rng, 8), lambda: '020 %s %s' % (nz(rng, 3), d(rng, 4))])()
    if cc == 'US':
        a = nz(rng, 1) + d(rng, 2)
        return rng.choice([lambda: '(%s) %s-%s' % (a, nz(rng, 3), d(rng, 4)), lambda: '+1 %s-%s-%s' % (a, nz(rng, 3), d(rng, 4)),
                           lambda: '%s.%s.%s' % (a, nz(rng, 3), d(rng, 4)), lambda: '+1%s%s%s' % (a, nz(rng, 3), d(rng, 4))])()
    if cc == 'IE':
        return rng.choice([lambda: '+353 8%s %s %s' % (rng.choice('35679'), d(rng, 3), d(rng, 4)),
                           lambda: '08%s %s %s' % (rng.choice('35679'), d(rng, 3), d(rng, 4))])()
    if cc == 'NG':
        return rng.choice([lambda: '+234 80%s %s %s' % (d(rng, 1), d(rng, 3), d(rng, 4)), lambda: '0803 %s %s' % (d(rng, 3), d(rng, 4))])()
    raise ValueError(cc)


def address(rng, cc):
    """(street line, city, region, postcode)"""
    n = rng.randint(2, 240)
    m = rng.randint(1, 40)
    if cc == 'GB':
        st = rng.choice(['Kingsley Road', 'Belvedere Crescent', 'Ashgrove Mews', 'Tollgate Lane', 'Hawthorn Close',
                         'Marlborough Gardens', 'Quarry Hill', 'Nightingale Walk'])
        line = rng.choice(['%d %s' % (n, st), 'Flat %d, %d %s' % (m, n, st), '%dA %s' % (n, st)])
        city, pc = rng.choice([('London', 'SW1A'), ('Manchester', 'M14'), ('Leeds', 'LS6'), ('Edinburgh', 'EH9'),
                               ('Bristol', 'BS8'), ('Cardiff', 'CF24')])
        return line, city, '', '%s %d%s' % (pc, rng.randint(1, 9), rs(rng, 'ABDEFGHJLNPQRSTUWXYZ', 2))
    if cc == 'AU':
        st = rng.choice(['Wattle Avenue', 'Banksia Street', 'Jacaranda Parade', 'Kookaburra Court', 'Chapel Street',
                         'Bottlebrush Drive'])
        line = rng.choice(['Unit %d/%d %s' % (m, n, st), '%d %s' % (n, st), 'Level %d, %d %s' % (m % 9 + 1, n, st)])
        city, reg, pc = rng.choice([('Parramatta', 'NSW', '2150'), ('Fitzroy', 'VIC', '3065'),
                                    ('Fortitude Valley', 'QLD', '4006'), ('Fremantle', 'WA', '6160')])
        return line, city, reg, pc
    if cc == 'IN':
        line = rng.choice(['Flat %d, %s, %s Cross Road' % (100 + n, rng.choice(['Sai Krupa Apartments', 'Prestige Lakeside', 'Green Glen Layout', 'Shanti Niketan CHS']), ordinal(m % 15 + 4)),
                           'No. %d, %s Main Road, %s' % (n, ordinal(m % 9 + 1), rng.choice(['Indiranagar', 'Jayanagar', 'Koramangala', 'Malleshwaram'])),
                           'H.No. %d-%d-%d/%s, Road No. %d, %s' % (rng.randint(1, 12), rng.randint(1, 9), n, rng.choice('ABC'), m % 14 + 1, rng.choice(['Banjara Hills', 'Jubilee Hills', 'Madhapur']))])
        city, reg, pc = rng.choice([('Bengaluru', 'Karnataka', '5600%02d' % m), ('Hyderabad', 'Telangana', '5000%02d' % m),
                                    ('Pune', 'Maharashtra', '4110%02d' % m), ('Chennai', 'Tamil Nadu', '6000%02d' % m)])
        return line, city, reg, pc
    if cc == 'BR':
        line = rng.choice(['Rua das Laranjeiras, %d, apto %d' % (n, m * 10 + 2), 'Av. Paulista, %d - Bela Vista' % (n * 7),
                           'Rua Oscar Freire, %d, casa %d' % (n, m % 5 + 1), 'Travessa do Ouvidor, %d' % n])
        city, reg, pc = rng.choice([('São Paulo', 'SP', '01310-%03d' % n), ('Rio de Janeiro', 'RJ', '22240-%03d' % n),
                                    ('Belo Horizonte', 'MG', '30130-%03d' % n), ('Curitiba', 'PR', '80010-%03d' % n)])
        return line, city, reg, pc
    if cc == 'JP':
        line = rng.choice(['%d-%d-%d Jingumae' % (m % 6 + 1, n % 30 + 1, m), 'Minami-Aoyama %d-%d-%d, Apt %d' % (m % 7 + 1, n % 20 + 1, m, 100 + n),
                           '%d-chome-%d-%d Nishi-Shinjuku' % (m % 8 + 1, n % 25 + 1, m % 12 + 1)])
        city, reg, pc = rng.choice([('Shibuya-ku', 'Tokyo', '150-0001'), ('Minato-ku', 'Tokyo', '107-0062'),
                                    ('Shinjuku-ku', 'Tokyo', '160-0023')])
        return line, city, reg, pc
    if cc == 'DE':
        st = rng.choice(['Hauptstraße', 'Kastanienallee', 'Lindenstraße', 'Am Rosengarten', 'Schillerplatz',
                         'Weißenseer Weg', 'Bergmannstraße', 'Zur alten Mühle'])
        line = '%s %d%s' % (st, n % 120 + 1, rng.choice(['', '', 'a', 'b']))
        city, pc = rng.choice([('Berlin', '10115'), ('München', '80331'), ('Köln', '50667'), ('Leipzig', '04109')])
        return line, city, '', pc
    if cc == 'FR':
        line = rng.choice(['%d rue des Lilas' % n, '%d bis avenue Jean Jaurès' % (n % 90 + 1), '%d allée des Tilleuls' % n,
                           '%d, boulevard Haussmann' % n, '%d place de la République' % (n % 40 + 1)])
        city, pc = rng.choice([('Paris', '75009'), ('Lyon', '69003'), ('Marseille', '13006'), ('Nantes', '44000')])
        return line, city, '', pc
    if cc == 'ES':
        line = rng.choice(['Calle de Alcalá %d, %dº %s' % (n, m % 8 + 1, rng.choice('ABCD')),
                           'Avda. de la Constitución %d' % n, 'C/ Mayor %d, %dº %dª' % (n, m % 6 + 1, m % 4 + 1)])
        city, pc = rng.choice([('Madrid', '28014'), ('Sevilla', '41004'), ('Bilbao', '48001'), ('Valencia', '46002')])
        return line, city, '', pc
    if cc == 'IT':
        line = rng.choice(['Via Giuseppe Garibaldi %d' % n, 'Corso Vittorio Emanuele II %d' % n, 'Piazza del Duomo %d' % (n % 30 + 1),
                           'Via dei Mille %d/%s' % (n, rng.choice('ABC'))])
        city, pc = rng.choice([('Milano', '20121'), ('Torino', '10123'), ('Bologna', '40126'), ('Napoli', '80134')])
        return line, city, '', pc
    if cc == 'NL':
        line = rng.choice(['Keizersgracht %d-%d' % (n, m % 4 + 1), 'Prinsengracht %d' % n, 'Van Baerlestraat %dA' % n,
                           'Oudegracht %d bis' % n])
        city, pc = rng.choice([('Amsterdam', '1017 EG'), ('Utrecht', '3511 AB'), ('Rotterdam', '3011 BH')])
        return line, city, '', pc
    if cc == 'US':
        line = rng.choice(['%d Maple Ridge Dr, Apt %dB' % (n * 11, m), '%d Oak Hollow Lane' % (n * 13), '%d N %s St' % (n * 7, ordinal(m % 60 + 4)),
                           '%d Magnolia Blvd Suite %d' % (n * 9, 100 + m)])
        city, reg, pc = rng.choice([('Portland', 'OR', '97209'), ('Austin', 'TX', '78704'), ('Columbus', 'OH', '43215')])
        return line, city, reg, pc
    if cc == 'IE':
        line = rng.choice(['%d Grafton Street' % n, 'Apartment %d, The Maltings, Bow Lane' % m, '%d Ardilaun Court' % n])
        return line, 'Dublin 8', '', 'D08 %s' % rs(rng, 'ACDEFHKNPRTVWXY0123456789', 4)
    if cc == 'NG':
        line = '%d %s' % (n, rng.choice(['Adeola Odeku Street, Victoria Island', 'Awolowo Road, Ikoyi', 'Admiralty Way, Lekki Phase 1', 'Allen Avenue, Ikeja']))
        return line, 'Lagos', 'LA', '101241'
    raise ValueError(cc)


def pub_ipv4(rng):
    return '%d.%d.%d.%d' % (rng.choice([31, 37, 46, 49, 62, 77, 81, 86, 88, 92, 95, 109, 110, 122, 151, 177, 181, 186, 189, 201, 213, 217]),
                            rng.randint(1, 254), rng.randint(0, 255), rng.randint(1, 254))


def pub_ipv6(rng):
    groups = [rng.choice(['2a02', '2a01', '2001', '2600', '2804', '2405', '2401']), '%x' % rng.randint(0x100, 0xffff)]
    groups += ['%x' % rng.randint(0, 0xffff) for _ in range(6)]
    s = ':'.join(groups)
    if rng.random() < 0.4:
        s = ':'.join(groups[:3]) + '::' + ':'.join(groups[5:])
    return s


class Person:
    def __init__(self, rng, cc):
        self.cc = cc
        firsts, lasts = NAMES[cc]
        self.first = rng.choice(firsts)
        self.last = rng.choice(lasts)
        self.full = '%s %s' % (self.first, self.last)
        self.full_jp = '%s %s' % (self.last, self.first)
        f = fold(self.first).lower().replace(' ', '').replace("'", '')
        l = fold(self.last).lower().replace(' ', '').replace("'", '')
        local = rng.choice(['%s.%s' % (f, l), '%s%s%d' % (f, l[:3], rng.randint(1, 99)), '%s_%s' % (f[0], l),
                            '%s.%s' % (l, f), '%s+shop' % f.replace('-', ''), '%s%s' % (f[0], l.replace('-', '')),
                            '%s.%s+orders' % (f, l[0])])
        self.email = '%s@%s' % (local, rng.choice(MAIL_DOMAINS[cc]))
        self.phone = phone(rng, cc)
        self.addr, self.city, self.region, self.postcode = address(rng, cc)
        self.country = COUNTRY_NAME[cc]
        self.ip = pub_ipv4(rng) if rng.random() < 0.75 else pub_ipv6(rng)
        self.ip4 = pub_ipv4(rng)


# ============================================================================
# doc
# ============================================================================
SITES = [
    dict(domain='hanami-teahouse.jp', name='Hanami Teahouse', cc='JP', slug='hanami', root='/home/hanami/public_html'),
    dict(domain='wattleandgum.com.au', name='Wattle & Gum', cc='AU', slug='wattle', root='/var/www/wattleandgum.com.au/htdocs'),
    dict(domain='chaiandchutney.in', name='Chai & Chutney', cc='IN', slug='chai', root='/home/customer/www/chaiandchutney.in/public_html'),
    dict(domain='lojadocafe.com.br', name='Loja do Café', cc='BR', slug='lojacafe', root='/var/www/vhosts/lojadocafe.com.br/httpdocs'),
    dict(domain='bergkaese-shop.de', name='Bergkäse Shop', cc='DE', slug='bergkaese', root='/var/www/html'),
    dict(domain='maison-lavande.fr', name='Maison Lavande', cc='FR', slug='lavande', root='/srv/http/maison-lavande.fr/current/web'),
    dict(domain='tiendaolivar.es', name='Tienda Olivar', cc='ES', slug='olivar', root='/www/olivar_482/public'),
    dict(domain='thornbury-tweed.co.uk', name='Thornbury Tweed', cc='GB', slug='thornbury', root='/home/thornbury/htdocs'),
    dict(domain='fietsenwinkel.nl', name='Fietsenwinkel', cc='NL', slug='fietsen', root='/var/www/fietsenwinkel/releases/20240911/web'),
    dict(domain='bottegaverde-shop.it', name='Bottega Verde', cc='IT', slug='bottega', root='/var/www/bottega/public_html'),
    dict(domain='cedarandsalt.com', name='Cedar & Salt', cc='US', slug='cedarsalt', root='/srv/www/cedarandsalt/htdocs'),
    dict(domain='shop.fjordknit.ie', name='Fjord Knit', cc='IE', slug='fjordknit', root='/home/fjordknit/apps/shop/public'),
]

OTHER_CC = ['GB', 'AU', 'IN', 'BR', 'JP', 'DE', 'FR', 'ES', 'IT', 'NL', 'US', 'IE', 'NG']


class Site:
    def __init__(self, rng, spec):
        self.__dict__.update(spec)
        self.dbuser = rng.choice(['wp_', 'u', 'db_', '']) + self.slug[:6] + str(rng.randint(1, 99))
        self.dbname = rng.choice(['wp_', 'wordpress_', 'prod_']) + self.slug
        self.admin = rng.choice(['admin', 'webmaster', 'shop', 'info']) + '@' + self.domain.replace('shop.', '')
        self.server_ip = '10.%d.%d.%d' % (rng.randint(0, 20), rng.randint(0, 255), rng.randint(2, 250))
        self.prefix = rng.choice(['wp_', 'wp_', 'wpx7_', 'shop_'])
        self.plugdir = self.root + '/wp-content/plugins'


class Doc:
    def __init__(self, rng, scale=1.0):
        self.rng = rng
        self.scale = scale
        self.site = Site(rng, rng.choice(SITES))
        self.clock = Clock(rng)
        self.remove = []
        self.keep = []
        self.rinfo = {}
        self.rcount = {}
        self.kinfo = {}
        self._order = rng.randint(10200, 98000)
        self._deferred = []

    # ------------------------------------------------------------ labels
    def R(self, cat, kind, v):
        assert v, (cat, kind)
        if v not in self.rinfo:
            self.rinfo[v] = (cat, kind)
            self.remove.append({'category': cat, 'kind': kind, 'value': v})
        self.rcount[v] = self.rcount.get(v, 0) + 1
        return v

    def again(self, v):
        """the same remove value planted once more"""
        self.rcount[v] += 1
        return v

    def K(self, kind, v):
        v = str(v)
        if (kind, v) not in self.kinfo:
            self.kinfo[(kind, v)] = 1
            self.keep.append({'kind': kind, 'value': v})
        return v

    def pk(self, kind, v):
        return self.R('provider_key', kind, v)

    def cr(self, kind, v):
        return self.R('credential', kind, v)

    def pay(self, kind, v):
        return self.R('payment', kind, v)

    def cu(self, kind, v):
        return self.R('customer', kind, v)

    def cvv(self, n=3):
        tok = 'ZZCVVTOKEN%dZZ' % len(self._deferred)
        self._deferred.append((tok, n))
        return self.pay('cvv', tok)

    # ------------------------------------------------------------ people
    def person(self, cc=None):
        if cc is None:
            cc = self.site.cc if self.rng.random() < 0.6 else self.rng.choice(OTHER_CC)
        return Person(self.rng, cc)

    def N(self, p, esc=None):
        return self.cu('name', esc(p.full) if esc else p.full)

    def NJ(self, p):
        return self.cu('name', p.full_jp)

    def F(self, p, esc=None):
        return self.cu('name', esc(p.first) if esc else p.first)

    def L(self, p, esc=None):
        return self.cu('name', esc(p.last) if esc else p.last)

    def E(self, p, esc=None):
        return self.cu('email', esc(p.email) if esc else p.email)

    def EU(self, p):
        return self.cu('email', urlq(p.email))

    def P(self, p, esc=None):
        return self.cu('phone', esc(p.phone) if esc else p.phone)

    def A(self, p, esc=None):
        return self.cu('address', esc(p.addr) if esc else p.addr)

    def IP(self, p, v4=False):
        return self.cu('ip', p.ip4 if v4 else p.ip)

    # ------------------------------------------------------------ keep helpers
    def T(self, style, lo=1, hi=120, keep=True):
        self.clock.tick(lo, hi)
        s = self.clock.f(style)
        return self.K('timestamp', s) if keep else s

    def now(self, style, keep=False):
        s = self.clock.f(style)
        return self.K('timestamp', s) if keep else s

    def order(self):
        self._order += self.rng.randint(1, 37)
        return self._order

    def n(self, lo, hi):
        return max(1, int(round(self.rng.randint(lo, hi) * self.scale)))

    # ------------------------------------------------------------ finish
    def finish(self, text):
        """Resolve deferred short values, sample keeps, validate. Returns (text, problems)."""
        for tok, n in self._deferred:
            for _ in range(500):
                cand = rs(self.rng, DIG, n)
                if cand[0] == '0':
                    continue
                if cand in text or any(cand in r['value'] for r in self.remove) or any(cand in k['value'] for k in self.keep):
                    continue
                break
            text = text.replace(tok, cand)
            for r in self.remove:
                if r['value'] == tok:
                    r['value'] = cand
            self.rcount[cand] = self.rcount.pop(tok)
            self.rinfo[cand] = self.rinfo.pop(tok)
        # sample keeps: at most 12 per kind
        bykind = {}
        for k in self.keep:
            bykind.setdefault(k['kind'], []).append(k)
        sampled = []
        for kind, items in bykind.items():
            if len(items) > 12:
                idx = sorted(self.rng.sample(range(len(items)), 12))
                items = [items[i] for i in idx]
            sampled.extend(items)
        allkeep = self.keep
        self.keep = sampled
        return text, validate(text, self.remove, allkeep, self.rcount)


def caught(value, out, grams):
    if len(value) < PROBE:
        return value not in out
    return not any(value[i:i + PROBE] in grams for i in range(len(value) - PROBE + 1))


def validate(text, remove, keep, rcount):
    probs = []
    rvals = [r['value'] for r in remove]
    kvals = [k['value'] for k in keep]
    for v in rvals + kvals:
        if v not in text:
            probs.append('absent: %r' % v[:60])
    for kv in kvals:
        for rv in rvals:
            if rv in kv or kv in rv:
                probs.append('overlap keep %r / remove %r' % (kv[:40], rv[:40]))
    # no 12-char piece of one remove value inside one of another kind (a leaked
    # name would also score as a missed e-mail built from it)
    kind_of = {r['value']: r['kind'] for r in remove}
    for a in rvals:
        if len(a) < PROBE:
            continue
        ga = {a[i:i + PROBE] for i in range(len(a) - PROBE + 1)}
        for b in rvals:
            if kind_of[a] == kind_of[b] or a in b or b in a:
                continue
            if any(b[i:i + PROBE] in ga for i in range(len(b) - PROBE + 1)):
                probs.append('shared 12-gram %r / %r' % (a[:40], b[:40]))
    # every occurrence of a remove value must be a planted one
    for rv in rvals:
        exp = sum(rcount[w] * w.count(rv) for w in rvals)
        got = text.count(rv)
        if got != exp:
            probs.append('count %r: %d in text, %d planted' % (rv[:40], got, exp))
    # a perfect redactor (replace exactly the labelled values) scores 1.0/1.0
    out = text
    for rv in sorted(rvals, key=len, reverse=True):
        out = out.replace(rv, '\x02')
    for kv in kvals:
        if kv not in out:
            probs.append('keep destroyed by perfect redaction: %r' % kv[:60])
    grams = {out[i:i + PROBE] for i in range(len(out) - PROBE + 1)}
    for rv in rvals:
        if not caught(rv, out, grams):
            probs.append('remove survives perfect redaction: %r' % rv[:60])
    return probs


# ============================================================================
# t1
# ============================================================================
STAFF = ['Maya', 'Kwame', 'Ingrid', 'Tomasz', 'Desmond', 'Yusra', 'Beatrix', 'Ravi']

UA = [('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36', 'Chrome/%s'),
      ('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36', 'Chrome/%s'),
      ('Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36', 'Chrome/%s')]
CHROME = ['123.0.0.0', '124.0.6367.207', '126.0.0.0', '127.0.6533.88', '129.0.0.0', '131.0.6778.85']


def ua(d, keep=True):
    tpl, tok = d.rng.choice(UA)
    v = d.rng.choice(CHROME)
    if keep:
        d.K('user_agent', tok % v)
    return tpl % v


def ppath(d, rel, line=None, style='colon'):
    """plugin file path (keep); style colon -> path:line, paren -> path(line)"""
    p = '%s/%s' % (d.site.plugdir, rel)
    if line is None:
        return d.K('file_path', p)
    if style == 'colon':
        return d.K('file_path', '%s:%d' % (p, line))
    d.K('file_path', p)
    return '%s(%d)' % (p, line)


def sv(d, name, v=None):
    """a version number kept"""
    return d.K('version', v or version(d.rng))


def code(d):
    return d.K('error_code', d.rng.choice(ERRCODES))


def hook(d):
    return d.K('hook', d.rng.choice(HOOKS))


def ordno(d, fmt='#%d', o=None):
    o = o or d.order()
    return d.K('order_number', fmt % o), o


def fmt_addr_block(d, p, indent='', esc=None):
    """multi-line postal block with the street line labelled"""
    if p.cc in ('DE', 'FR', 'ES', 'IT', 'NL'):
        city = '%s %s' % (p.postcode, p.city)
    elif p.cc in ('AU',):
        city = '%s %s %s' % (p.city, p.region, p.postcode)
    elif p.cc in ('US',):
        city = '%s, %s %s' % (p.city, p.region, p.postcode)
    elif p.cc == 'JP':
        city = '%s, %s %s' % (p.city, p.region, p.postcode)
    elif p.cc == 'BR':
        city = '%s - %s, CEP %s' % (p.city, p.region, p.postcode)
    elif p.cc == 'IN':
        city = '%s, %s %s' % (p.city, p.region, p.postcode)
    else:
        city = '%s %s' % (p.city, p.postcode)
    return '\n'.join(indent + x for x in [d.N(p), d.A(p), city, p.country])


def t_support_email(d):
    s, rng = d.site, d.rng
    p = d.person()
    q = d.person(p.cc)
    ticket = rng.randint(100000, 999999)
    onum, o = ordno(d)
    agent = rng.choice(STAFF)
    date1 = d.T('rfc2822', 3600, 90000)
    L = ['Return-Path: <%s>' % d.E(p),
         'Received: from mail-%s.outbound.protection.outlook.com (mail-%s.outbound.protection.outlook.com [40.107.%d.%d])' % (
             rs(rng, LO + DIG, 6), rs(rng, LO + DIG, 6), rng.randint(1, 250), rng.randint(1, 250)),
         '        by mx1.helpscout.net with ESMTPS id %s; %s' % (rs(rng, UP + DIG, 10), date1),
         'Date: %s' % date1,
         'From: "%s" <%s>' % (d.N(p), d.E(p)),
         'To: "%s Support" <support@%s>' % (s.name, d.K('domain', s.domain)),
         'Subject: Re: [#%d] Chat assistant gave me the wrong delivery date for order %s' % (ticket, onum),
         'Message-ID: <CAF%s@mail.gmail.com>' % rs(rng, ALNUM, 28),
         'In-Reply-To: <helpscout-%s@%s>' % (rs(rng, HEX, 24), s.domain),
         'MIME-Version: 1.0', 'Content-Type: text/plain; charset="UTF-8"', 'Content-Transfer-Encoding: 8bit', '']
    L += ['Hi %s,' % agent, '',
          'Thanks for getting back to me so quickly. I checked again this morning and the little chat bubble on your',
          'site still tells me my parcel "will arrive Tuesday", but the tracking page says it is held at the depot.',
          'The delivery address has not changed, it is still:', '',
          fmt_addr_block(d, p, '    '), '',
          'The best number to reach me is %s (WhatsApp is fine too), or my partner %s on %s if I am at work.' % (
              d.P(p), d.F(q), d.P(q)),
          'I would really like it before the weekend, it is a birthday present.', '',
          'Kind regards / Mit freundlichen Grüßen,', d.F(p), '', '--', d.N(p), d.P(p), 'Sent from my iPhone', '']
    date0 = d.T('rfc2822', -100000, -90000)
    L += ['On %s, %s Support <support@%s> wrote:' % (date0, s.name, s.domain),
          '> Hi %s,' % d.F(p), '>',
          '> Thanks for reaching out about order %s. Our assistant reads the delivery estimate from the courier' % onum,
          '> feed, so a wrong date usually means the feed is stale. Could you confirm the delivery address and a phone',
          '> number we can pass to the courier? Reference: %s' % d.K('request_id', uuid4(rng)), '>',
          '> Best,', '> %s' % agent, '>',
          '> > On %s, %s <%s> wrote:' % (d.T('rfc2822', -200000, -100000), d.N(p), d.E(p)),
          '> > Hello, your chat bot told me my order would arrive Tuesday and it did not. Order number %s, paid' % onum,
          '> > with my card ending %s. My email for the account is %s.' % (rs(rng, DIG, 4), d.E(p)), '']
    xai, pplx, r8 = d.pk('xai', k_xai(rng)), d.pk('perplexity', k_pplx(rng)), d.pk('replicate', k_replicate(rng))
    brand, num = card(rng)
    cnum = d.pay('card_number', fmt_card(num, rng.choice(['spaced', 'plain', 'dashed'])))
    L += ['-----Internal note (not visible to customer)-----',
          'Agent: %s, %s' % (agent, d.T('iso', 60, 600)),
          'Store owner forwarded the settings screen so engineering can reproduce. Copying verbatim (owner will rotate):',
          '    Primary provider: xAI (Grok)      key: %s' % xai,
          '    Fallback:         Perplexity      key: %s' % pplx,
          '    Product images:   Replicate       token: %s' % r8,
          'Site runs SophMate %s on WooCommerce %s / WordPress %s.' % (sv(d, 's', version(rng, (2, 4))), sv(d, 'w', version(rng, (8, 9))), sv(d, 'wp', '6.%d.%d' % (rng.randint(4, 7), rng.randint(0, 3)))),
          'From the owner\'s debug.log:']
    for _ in range(d.n(4, 9)):
        L.append('    [%s] SophMate [%s] Provider request failed: HTTP 401 from api.x.ai (request_id=%s, hook=%s)' % (
            d.T('wp', 5, 300), code(d), d.K('request_id', uuid4(rng)), hook(d)))
        if rng.random() < 0.5:
            L.append('    [%s] PHP Warning:  Undefined array key "usage" in %s on line %d' % (
                d.T('wp', 1, 30), ppath(d, 'sophmate/includes/providers/class-xai-provider.php'), rng.randint(40, 400)))
    L += ['    [%s] SophMate order lookup for %s matched order %s (%s)' % (d.T('wp'), d.E(p), onum, d.K('request_id', chatcmpl(rng))),
          '',
          'Customer also typed her full card into the chat widget: "%s exp %02d/%d, security code %s".' % (
              cnum, rng.randint(1, 12), rng.randint(26, 30), d.cvv(4 if brand == 'amex' else 3)),
          'Purged from the transcript table; copy left here only for the incident report. Stripe payment: %s.' % d.K('gateway_id', pi_id(rng)),
          'Customer IP on the order: %s' % d.IP(p), '']
    for _ in range(d.n(2, 5)):
        r = d.person()
        on2, _o = ordno(d)
        L += ['-----Merged ticket #%d-----' % rng.randint(100000, 999999),
              'From: %s <%s>' % (d.N(r), d.E(r)),
              'Date: %s' % d.T('rfc2822', 600, 20000),
              'Hi, same problem here with order %s. Please ring me on %s, I am at %s, %s all week.' % (
                  on2, d.P(r), d.A(r), r.city),
              'Thanks, %s' % d.F(r), '']
    return '\n'.join(L)


CHAT_LINES = {
    'en': ["hi, it's {first} again. order {order} still says processing??", "the email on it is {email}",
           "you can call me on {phone} if that's easier", "could you send it to {addr}, {city} instead? I'm staying with my mum",
           "Name on the order is {full}.", "thanks, that's brilliant"],
    'de': ["Hallo, hier ist {full}. Meine Bestellung {order} ist noch nicht angekommen.", "Lieferadresse: {addr}, {postcode} {city}",
           "Rufen Sie mich gerne unter {phone} an.", "Meine E-Mail-Adresse lautet {email}", "Vielen Dank!"],
    'es': ["Hola, soy {full}, mi pedido {order} no ha llegado todavía", "Mi dirección es {addr}, {postcode} {city}",
           "mi móvil: {phone}", "el correo es {email}", "¡Muchas gracias!"],
    'pt': ["Oi, aqui é {full}! Meu pedido {order} ainda não chegou", "Endereço: {addr}, {city} - {region}, CEP {postcode}",
           "meu WhatsApp é {phone}", "e-mail: {email}", "Obrigada!!"],
    'fr': ["Bonjour, {full} à l'appareil. Ma commande {order} n'est toujours pas arrivée.", "Mon adresse : {addr}, {postcode} {city}",
           "mon portable : {phone}", "mon courriel : {email}", "Merci beaucoup"],
    'ja': ["Konnichiwa, {full_jp} desu. Chuumon {order} no haisou ni tsuite shitsumon ga arimasu.",
           "Juusho wa {addr}, {city} desu.", "Denwa bangou: {phone}", "Meeru: {email}", "Arigatou gozaimasu!"],
}
LANG = {'DE': 'de', 'ES': 'es', 'BR': 'pt', 'FR': 'fr', 'JP': 'ja'}
CARD_TALK = {'en': 'the card was {card} exp {exp} and the cvv is {cvv}, is that safe to send here?',
             'de': 'Karte {card}, gültig bis {exp}, Prüfnummer {cvv}. Hoffe das ist ok so.',
             'es': 'la tarjeta es {card}, caduca {exp}, CVV {cvv}',
             'pt': 'o cartão é {card} validade {exp} código de segurança {cvv}',
             'fr': 'ma carte {card}, expiration {exp}, cryptogramme {cvv}',
             'ja': 'Kaado bangou wa {card}, yuukou kigen {exp}, sekyuriti koodo {cvv} desu.'}


def chat_line(d, p, lang, tpl, onum):
    vals = {}
    if '{first}' in tpl:
        vals['first'] = d.F(p)
    if '{full}' in tpl:
        vals['full'] = d.N(p)
    if '{full_jp}' in tpl:
        vals['full_jp'] = d.NJ(p)
    if '{email}' in tpl:
        vals['email'] = d.E(p)
    if '{phone}' in tpl:
        vals['phone'] = d.P(p)
    if '{addr}' in tpl:
        vals['addr'] = d.A(p)
    vals.update(order=onum, city=p.city, postcode=p.postcode, region=p.region)
    return tpl.format(**vals)


def t_chat_transcript(d):
    s, rng = d.site, d.rng
    L = ['%s — live chat transcripts export' % s.name, 'Exported by %s on %s' % (s.admin, d.T('iso')),
         'Plugin: %s %s' % (d.K('plugin_slug', 'sophmate'), sv(d, 's', version(rng, (2, 4)))), '']
    for _ in range(d.n(3, 6)):
        p = d.person()
        lang = LANG.get(p.cc, 'en')
        onum, o = ordno(d)
        agent = rng.choice(STAFF)
        L += ['=' * 72, 'Conversation %s' % d.K('request_id', uuid4(rng)),
              'Started:    %s' % d.T('iso', 3600, 40000),
              'Visitor:    %s <%s>' % (d.N(p), d.E(p)),
              'Visitor IP: %s' % d.IP(p),
              'Browser:    %s' % ua(d),
              'Page:       https://%s/my-account/orders/' % d.K('domain', s.domain), '']
        lines = CHAT_LINES[lang]
        L.append('[%s] SophMate Bot: Hi! I am the %s assistant. How can I help you today?' % (d.T('hm', 2, 20, keep=False), s.name))
        for i, tpl in enumerate(lines):
            who = d.F(p) if lang != 'ja' else d.L(p) + '-san'
            L.append('[%s] %s: %s' % (d.T('hm', 5, 60, keep=False), who, chat_line(d, p, lang, tpl, onum)))
            if i == 1:
                L.append('[%s] system: tool lookup_order(order_id=%d, email=%s) -> 200 OK in %d ms (%s)' % (
                    d.T('hm', 1, 3, keep=False), o, d.E(p), rng.randint(80, 900), d.K('request_id', req_id(rng))))
                L.append('[%s] SophMate Bot: Thanks! I found order %s. It shipped and is with the courier.' % (
                    d.T('hm', 1, 5, keep=False), onum))
        if rng.random() < 0.7:
            brand, num = card(rng)
            c = d.pay('card_number', fmt_card(num, rng.choice(['spaced', 'plain', 'dashed'])))
            L.append('[%s] %s: %s' % (d.T('hm', 5, 60, keep=False), d.F(p), CARD_TALK[lang].format(
                card=c, exp='%02d/%d' % (rng.randint(1, 12), rng.randint(26, 31)), cvv=d.cvv(4 if brand == 'amex' else 3))))
            L.append('[%s] Agent %s (human): Please never share card details in chat. I have deleted that message.' % (
                d.T('hm', 20, 90, keep=False), agent))
        L.append('[%s] Agent %s (human): All sorted, I updated the delivery address to %s. Have a nice day, %s!' % (
            d.T('hm', 20, 90, keep=False), agent, d.A(p), d.F(p)))
        L.append('Rating: %d/5   Tags: shipping, order-status   Duration: %dm%02ds' % (rng.randint(3, 5), rng.randint(2, 14), rng.randint(0, 59)))
        L.append('')
    return '\n'.join(L)


def t_slack_thread(d):
    s, rng = d.site, d.rng
    staff = rng.sample(STAFF, 5)

    def hdr(name):
        h = d.clock.tick(30, 400)
        return '%s  %s' % (name, h.strftime('%-I:%M %p'))
    sha = git_sha(rng)
    L = ['#ops-incidents', '', hdr(staff[0] + ' Solberg'),
         ':rotating_light: checkout is throwing 500s on https://%s since ~%s UTC, logs show %s and %s. Deploy `%s`?' % (
             d.K('domain', s.domain), d.clock.t.strftime('%H:%M'), code(d), code(d), sha[:7]),
         '%d replies' % rng.randint(6, 14), '', hdr(staff[1]),
         'Pulled the env from the worker box. DO NOT share outside this channel:', '```']
    env = [('GROQ_API_KEY', d.pk('groq', k_groq(rng))), ('OPENROUTER_API_KEY', d.pk('openrouter', k_openrouter(rng))),
           ('HF_TOKEN', d.pk('huggingface', k_hf(rng))), ('SLACK_BOT_TOKEN', d.cr('slack_token', slack_bot(rng))),
           ('STRIPE_API_KEY', d.pay('stripe_restricted_key', stripe_key(rng, 'rk_live_'))),
           ('DB_PASSWORD', d.cr('db_password', password(rng))), ('SOPHMATE_LOG_LEVEL', 'debug'),
           ('MAILGUN_API_KEY', d.cr('mailgun_key', mailgun(rng)))]
    rng.shuffle(env)
    L += ['%s=%s' % kv for kv in env] + ['```', '', hdr(staff[1])]
    url, sec = slack_hook(rng)
    d.cr('slack_webhook', sec)
    L += ['also the alert webhook is %s (the one posting here)' % url, '']
    for _ in range(d.n(3, 6)):
        p = d.person()
        onum, o = ordno(d)
        L += [hdr(staff[2]),
              'Another one: %s (<mailto:%s|%s>, %s) could not pay for order %s. Stripe says %s, IP on the order %s.' % (
                  d.N(p), d.E(p), d.E(p), d.P(p), onum, d.K('gateway_id', pi_id(rng)), d.IP(p)),
              'She is happy for us to call back. Ship-to is %s, %s.' % (d.A(p), p.city), '']
    ak, sk = d.cr('aws_access_key_id', aws_id(rng)), d.cr('aws_secret_access_key', aws_secret(rng))
    L += [hdr(staff[3]),
          'For the record the backup job on that box runs with `%s` / `%s` (yes I know, rotating today)' % (ak, sk), '',
          hdr(staff[4]),
          'deploy action token was `%s`, revoked it. New one is in the vault.' % d.cr('github_token', gh_pat(rng, 'fine')), '',
          hdr(staff[1]), 'made an application password for the vendor: %s (user vendor-support), expires Friday' % d.cr('wp_app_password', app_password(rng)), '',
          hdr(staff[0] + ' Solberg'),
          'Reverted to %s, errors gone. Root cause: %s threw `%s` (%s). Closing. :white_check_mark:' % (
              d.K('git_sha', sha if rng.random() < 0.5 else git_sha(rng)), d.K('class_name', rng.choice(CLASSNAMES)),
              d.K('error_message', 'cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received'),
              ppath(d, 'sophmate/includes/class-sophmate-rest.php', rng.randint(50, 700))), '',
          hdr(staff[2]),
          'Logo on the order emails is broken btw: https://%s/wp-content/uploads/%d/%02d/%s' % (
              s.domain, rng.randint(2023, 2025), rng.randint(1, 12), d.K('asset_file', rng.choice(['logo@2x.png', 'email-header@2x.png', 'brand-mark@3x.webp']))), '']
    for _ in range(d.n(2, 5)):
        L += [hdr(rng.choice(staff)), rng.choice(['+1', 'thanks!', 'on it', ':eyes:', 'confirmed fixed on staging too', 'will add a runbook entry']), '']
    return '\n'.join(L)


def t_customer_notes(d):
    s, rng = d.site, d.rng
    L = ['CRM export: customer notes (%s)' % s.name, 'Generated %s by %s' % (d.T('iso'), s.admin), '']
    for _ in range(d.n(5, 9)):
        p = d.person(rng.choice(['DE', 'ES', 'BR', 'JP', 'FR', 'IT', 'IN', 'NL', 'GB', 'AU']))
        onum, o = ordno(d, 'Nr. %d' if p.cc == 'DE' else '#%d')
        cid = rng.randint(100, 9999)
        if p.cc == 'DE':
            L += ['Kunde #%d: %s %s' % (cid, rng.choice(['Frau', 'Herr']), d.N(p)),
                  'Anschrift: %s, %s %s' % (d.A(p), p.postcode, p.city),
                  'Telefon: %s · E-Mail: %s' % (d.P(p), d.E(p)),
                  'Notiz (%s): Kundin bittet um Rückruf wegen Bestellung %s. Erstattung bitte auf IBAN %s.' % (
                      d.T('mysql'), onum, d.pay('iban', iban(rng, 'DE', spaced=rng.random() < 0.5)))]
        elif p.cc == 'ES':
            L += ['Cliente #%d: %s — Dirección: %s, %s %s — Tel.: %s — Correo: %s' % (
                cid, d.N(p), d.A(p), p.postcode, p.city, d.P(p), d.E(p)),
                'Nota (%s): reembolso del pedido %s a la cuenta %s. Contraseña del portal del transportista: %s' % (
                    d.T('mysql'), onum, d.pay('iban', iban(rng, 'ES', spaced=True)), d.cr('http_password', password(rng)))]
        elif p.cc == 'BR':
            L += ['Cliente #%d: %s · Endereço: %s · %s/%s · CEP %s' % (cid, d.N(p), d.A(p), p.city, p.region, p.postcode),
                  'Celular: %s · E-mail: %s' % (d.P(p), d.E(p)),
                  'Obs. (%s): pedido %s, cliente pediu troca. Senha do painel da transportadora: %s' % (
                      d.T('mysql'), onum, d.cr('http_password', password(rng))),
                  'Pagamento recusado no cartão %s (val. %02d/%d, CVV %s), cliente vai pagar via Pix.' % (
                      d.pay('card_number', fmt_card(card(rng, rng.choice(['visa', 'mc']))[1], rng.choice(['spaced', 'plain']))), rng.randint(1, 12), rng.randint(26, 31), d.cvv())]
        elif p.cc == 'JP':
            L += ['Okyakusama #%d: %s-sama (%s)' % (cid, d.NJ(p), d.N(p)),
                  'Juusho: 〒%s %s, %s' % (p.postcode, d.A(p), p.city),
                  'Denwa: %s   Meeru: %s' % (d.P(p), d.E(p)),
                  'Memo (%s): chuumon %s, noshi gift wrapping requested.' % (d.T('mysql'), onum)]
        elif p.cc == 'FR':
            L += ['Client #%d : %s %s, %s, %s %s, tél. %s, courriel : %s' % (
                cid, rng.choice(['M.', 'Mme']), d.N(p), d.A(p), p.postcode, p.city, d.P(p), d.E(p)),
                'Note (%s) : remboursement commande %s sur IBAN %s' % (d.T('mysql'), onum, d.pay('iban', iban(rng, 'FR', spaced=True)))]
        elif p.cc == 'IT':
            L += ['Cliente #%d: Sig.ra %s, %s, %s %s, cell. %s, e-mail %s' % (cid, d.N(p), d.A(p), p.postcode, p.city, d.P(p), d.E(p)),
                  'Nota (%s): ordine %s, rimborso su IBAN %s' % (d.T('mysql'), onum, d.pay('iban', iban(rng, 'IT', spaced=rng.random() < 0.5)))]
        elif p.cc == 'NL':
            L += ['Klant #%d: %s, %s, %s %s, tel. %s, e-mail %s' % (cid, d.N(p), d.A(p), p.postcode, p.city, d.P(p), d.E(p)),
                  'Notitie (%s): bestelling %s terugbetalen op %s' % (d.T('mysql'), onum, d.pay('iban', iban(rng, 'NL')))]
        else:
            L += ['Customer #%d: %s' % (cid, d.N(p)),
                  'Address: %s, %s %s %s' % (d.A(p), p.city, p.region, p.postcode),
                  'Phone: %s | Email: %s' % (d.P(p), d.E(p)),
                  'Note (%s): %s rang about order %s, wants a callback after 5pm. Refund to %s.' % (
                      d.T('mysql'), d.F(p), onum, d.pay('iban', iban(rng, rng.choice(['GB', 'IE']), spaced=True)))]
        L.append('Last IP: %s   Agent: %s   Status: %s' % (d.IP(p), rng.choice(STAFF), rng.choice(['open', 'pending', 'closed'])))
        L.append('')
    return '\n'.join(L)


def t_yaml_config(d):
    s, rng = d.site, d.rng
    h, body, f = pem(rng, 'openssh')
    ind = '    '
    d.cr('private_key', body.replace('\n', '\n' + ind))
    dbpw = password(rng, 'sym')
    rpw = password(rng, 'hex')
    L = ['# /etc/sophmate/sophmate.yaml -- exported %s' % d.T('iso'),
         '# SophMate worker %s, do not commit' % sv(d, 's', version(rng, (3, 4))),
         'site:', '  url: https://%s' % d.K('domain', s.domain), '  locale: %s' % rng.choice(['ja_JP', 'en_AU', 'pt_BR', 'de_DE']),
         'providers:', '  default: anthropic',
         '  openai:', '    api_key: %s' % d.pk('openai', k_openai(rng)), '    organization: org-%s' % rs(rng, ALNUM, 24),
         '    model: gpt-4o-mini',
         '  anthropic:', '    api_key: "%s"' % d.pk('anthropic', k_anthropic(rng)), '    model: claude-3-5-haiku-latest',
         '  mistral:', "    key: '%s'" % d.pk('mistral', k_mistral(rng)), '    endpoint: https://api.mistral.ai/v1',
         '  cohere:', '    token: %s' % d.pk('cohere', k_cohere(rng)), '    embed_model: embed-multilingual-v3.0',
         '  gemini: {api_key: %s, model: gemini-1.5-flash}' % d.pk('gemini', k_gemini(rng)),
         '  elevenlabs:', '    xi_api_key: %s' % d.pk('elevenlabs', k_eleven(rng, legacy=True)), '    voice_id: 21m00Tcm4TlvDq8ikWAM',
         '  pinecone:', '    api_key: %s' % d.pk('pinecone', k_pinecone(rng, legacy=True)), '    environment: us-east-1-aws',
         '    index: kb-%s' % s.slug,
         '  deepseek:', '    apiKey: %s' % d.pk('deepseek', k_deepseek(rng)),
         'database:', '  host: %s' % s.server_ip, '  name: %s' % s.dbname, '  user: %s' % s.dbuser,
         '  password: "%s"' % d.cr('db_password', dbpw),
         '  dsn: mysql://%s:%s@%s:3306/%s?charset=utf8mb4' % (s.dbuser, d.cr('dsn_password', urlq(password(rng, 'alnum'))), s.server_ip, s.dbname),
         'redis:', '  url: redis://:%s@10.0.3.20:6379/2' % d.cr('redis_password', rpw),
         'mail:', '  smtp:', '    host: smtp.eu.mailgun.org', '    port: 587', '    username: postmaster@mg.%s' % s.domain,
         '    password: %s' % d.cr('smtp_password', password(rng, 'phrase')),
         '  mailgun_api_key: %s' % d.cr('mailgun_key', mailgun(rng)),
         'payments:', '  stripe:', '    secret_key: %s' % d.pay('stripe_restricted_key', stripe_key(rng, 'rk_live_')),
         '    publishable_key: %s' % d.pay('stripe_publishable_key', stripe_key(rng, 'pk_live_')),
         '    webhook_secret: %s' % d.pay('stripe_webhook_secret', whsec(rng)),
         '    masked_display: sk_live_****%s' % rs(rng, ALNUM, 4),
         '  paypal:', '    client_id: %s' % pp_client_id(rng), '    client_secret: %s' % d.pay('paypal_client_secret', pp_secret(rng)),
         'deploy:', '  ssh_user: deploy', '  ssh_key: |', '    ' + h, '    ' + body.replace('\n', '\n    '), '    ' + f,
         'logging:', '  level: debug', '  path: /var/log/sophmate/worker.log',
         'test_customers:   # used by the nightly smoke test, real accounts!!']
    for _ in range(d.n(3, 6)):
        p = d.person()
        L += ['  - name: %s' % d.N(p), '    email: %s' % d.E(p), '    phone: "%s"' % d.P(p),
              '    address: %s' % d.A(p), '    last_order: %d' % d.order()]
    L += ['schedules:']
    for hk in rng.sample(HOOKS, 4):
        L += ['  - hook: %s' % d.K('hook', hk), '    every: %dm' % rng.choice([5, 15, 60])]
    L += ['', '# --- last run ---']
    for _ in range(d.n(8, 20)):
        L.append('# %s INFO worker: job %s done in %dms (%s)' % (d.T('isoz', 10, 200), rng.choice(HOOKS), rng.randint(10, 9000), d.K('request_id', uuid4(rng))))
    return '\n'.join(L) + '\n'


def t_bedrock_env(d):
    s, rng = d.site, d.rng
    dbpw = d.cr('db_password', password(rng, 'sym'))
    L = ["# Bedrock .env for %s (copied from /srv/www/%s/shared/.env on %s)" % (d.K('domain', s.domain), s.slug, d.T('mysql')),
         "DB_NAME='%s'" % s.dbname, "DB_USER='%s'" % s.dbuser, "DB_PASSWORD='%s'" % dbpw, '',
         '# Optionally, you can use a data source name (DSN)',
         "# When using a DSN, you can remove the DB_NAME, DB_USER, DB_PASSWORD, and DB_HOST variables",
         'DATABASE_URL="mysql://%s:%s@db.internal:3306/%s"' % (s.dbuser, d.cr('dsn_password', password(rng, 'alnum')), s.dbname),
         '', "# Optional database variables", "# DB_HOST='localhost'", "# DB_PREFIX='wp_'", '',
         "WP_ENV='production'", "WP_HOME='https://%s'" % s.domain, 'WP_SITEURL="${WP_HOME}/wp"', '',
         '# Specify optional debug.log path', "# WP_DEBUG_LOG='/path/to/debug.log'", '',
         '# Generate your keys here: https://roots.io/salts.html']
    for k in ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']:
        L.append("%s='%s'" % (k, d.cr('wp_salt', salt(rng))))
    L += ['', '# --- SophMate ---']
    prov = [('OPENAI_API_KEY', 'openai', k_openai(rng)), ('ANTHROPIC_API_KEY', 'anthropic', k_anthropic(rng)),
            ('XAI_API_KEY', 'xai', k_xai(rng)), ('PERPLEXITY_API_KEY', 'perplexity', k_pplx(rng)),
            ('REPLICATE_API_TOKEN', 'replicate', k_replicate(rng)), ('HUGGINGFACEHUB_API_TOKEN', 'huggingface', k_hf(rng)),
            ('OPENROUTER_API_KEY', 'openrouter', k_openrouter(rng)), ('DEEPSEEK_API_KEY', 'deepseek', k_deepseek(rng)),
            ('MISTRAL_API_KEY', 'mistral', k_mistral(rng)), ('CO_API_KEY', 'cohere', k_cohere(rng)),
            ('ELEVEN_API_KEY', 'elevenlabs', k_eleven(rng)), ('PINECONE_API_KEY', 'pinecone', k_pinecone(rng)),
            ('GOOGLE_API_KEY', 'gemini', k_gemini(rng)), ('GROQ_API_KEY', 'groq', k_groq(rng))]
    rng.shuffle(prov)
    for name, kind, v in prov[:d.n(9, 14)]:
        q = rng.choice(['', '"', "'", 'export '])
        if q == 'export ':
            L.append('export %s=%s' % (name, d.pk(kind, v)))
        else:
            L.append('%s=%s%s%s' % (name, q, d.pk(kind, v), q))
    L += ['SOPHMATE_DEFAULT_MODEL=gpt-4o-mini', 'SOPHMATE_ERROR_CODES_URL=https://docs.sophmate.example/errors#%s' % code(d), '',
          '# --- payments / mail / infra ---',
          'STRIPE_SECRET_KEY=%s' % d.pay('stripe_test_secret_key', stripe_key(rng, 'sk_test_')),
          'STRIPE_PUBLISHABLE_KEY=%s' % d.pay('stripe_test_publishable_key', stripe_key(rng, 'pk_test_')),
          'STRIPE_LIVE_SECRET_KEY=%s' % d.pay('stripe_secret_key', stripe_key(rng, 'sk_live_')),
          'STRIPE_WEBHOOK_SECRET="%s"' % d.pay('stripe_webhook_secret', whsec(rng)),
          'SQUARE_ACCESS_TOKEN=%s' % d.pay('square_access_token', square_token(rng)),
          'BRAINTREE_ACCESS_TOKEN=%s' % d.pay('braintree_access_token', braintree_token(rng)),
          'AWS_ACCESS_KEY_ID=%s' % d.cr('aws_access_key_id', aws_id(rng, temp=True)),
          'AWS_SECRET_ACCESS_KEY=%s' % d.cr('aws_secret_access_key', aws_secret(rng)),
          'AWS_SESSION_TOKEN=%s' % d.cr('aws_session_token', aws_session(rng)),
          'AWS_DEFAULT_REGION=eu-west-2',
          'SMTP_HOST=smtp.sendgrid.net', 'SMTP_USER=apikey', 'SMTP_PASSWORD=%s' % d.cr('sendgrid_key', sendgrid(rng)),
          'MAILGUN_SECRET=%s' % d.cr('mailgun_key', mailgun(rng)),
          'REDIS_URL=rediss://default:%s@redis-%d.c%d.eu-west-1-2.ec2.redns.redis-cloud.com:%d' % (
              d.cr('redis_password', password(rng, 'alnum')), rng.randint(10000, 19999), rng.randint(100, 300), rng.randint(10000, 19999)),
          'SENTRY_DSN=https://%s@o%d.ingest.sentry.io/%d' % (rs(rng, HEX, 32), rng.randint(100000, 999999), rng.randint(1000000, 9999999)),
          'FTP_URL=ftp://deploy:%s@ftp.%s/public_html' % (d.cr('ftp_password', password(rng, 'sym').replace('@', '!').replace('#', '%')), s.domain),
          'JWT_AUTH_SECRET_KEY="%s"' % d.cr('jwt_secret', salt(rng).replace('#', '+')),
          'ASSET_VERSION=%s' % d.K('asset_hash', asset_hash(rng)),
          'RELEASE_SHA=%s' % d.K('git_sha', git_sha(rng)), '']
    return '\n'.join(L)


def t_docker_compose(d):
    s, rng = d.site, d.rng
    root = d.cr('db_password', password(rng, 'sym').replace('$', ''))
    app = d.cr('db_password', password(rng, 'phrase'))
    redis = d.cr('redis_password', password(rng, 'alnum'))
    L = ['# docker-compose.yml from the customer (%s)' % d.K('domain', s.domain), "version: '3.9'", 'services:',
         '  db:', '    image: mariadb:%s' % sv(d, 'm', '10.11.%d' % rng.randint(2, 9)), '    restart: always', '    environment:',
         '      MYSQL_ROOT_PASSWORD: %s' % root, '      MYSQL_DATABASE: %s' % s.dbname, '      MYSQL_USER: %s' % s.dbuser,
         '      MYSQL_PASSWORD: "%s"' % app, '    volumes:', '      - db_data:/var/lib/mysql', '',
         '  wordpress:', '    image: wordpress:%s-php8.2-apache' % sv(d, 'wp', '6.%d.%d' % (rng.randint(4, 7), rng.randint(0, 3))),
         '    depends_on: [db, redis]', '    ports:', '      - "8080:80"', '    environment:',
         '      - WORDPRESS_DB_HOST=db:3306', '      - WORDPRESS_DB_USER=%s' % s.dbuser, '      - WORDPRESS_DB_PASSWORD=%s' % d.again(app),
         '      - WORDPRESS_DB_NAME=%s' % s.dbname,
         '      - WORDPRESS_AUTH_KEY=%s' % d.cr('wp_salt', salt(rng).replace('#', '').replace(' ', '_')),
         '      - WORDPRESS_SECURE_AUTH_KEY=%s' % d.cr('wp_salt', salt(rng).replace('#', '').replace(' ', '_')),
         '      - WORDPRESS_NONCE_SALT=%s' % d.cr('wp_salt', salt(rng).replace('#', '').replace(' ', '_')),
         "      - WORDPRESS_CONFIG_EXTRA=define('WP_REDIS_PASSWORD', '%s'); define('SOPHMATE_XAI_KEY', '%s');" % (redis, d.pk('xai', k_xai(rng))),
         '  worker:', '    build: ./worker', '    environment:',
         '      SOPHMATE_GROQ_KEY: %s' % d.pk('groq', k_groq(rng)), '      HF_TOKEN: "%s"' % d.pk('huggingface', k_hf(rng)),
         '      REPLICATE_API_TOKEN: %s' % d.pk('replicate', k_replicate(rng)),
         '      COHERE_API_KEY: %s' % d.pk('cohere', k_cohere(rng)),
         '      PINECONE_API_KEY: %s' % d.pk('pinecone', k_pinecone(rng, legacy=True)),
         '      DATABASE_URL: mysql://%s:%s@db:3306/%s' % (s.dbuser, d.cr('dsn_password', urlq(password(rng, 'sym'))), s.dbname),
         '  redis:', '    image: redis:7-alpine', '    command: redis-server --requirepass "%s" --appendonly yes' % d.again(redis),
         '  ftp:', '    image: stilliard/pure-ftpd', '    environment:', '      FTP_USER_NAME: deploy',
         '      FTP_USER_PASS: %s' % d.cr('ftp_password', password(rng, 'alnum')), '      FTP_USER_HOME: /home/deploy',
         'volumes:', '  db_data: {}', '', '# $ docker compose logs --tail=60']
    for _ in range(d.n(25, 45)):
        r = rng.random()
        if r < 0.45:
            p = d.person()
            L.append('wordpress-1  | 172.18.0.1 - - [%s] "GET /wp-json/sophmate/v1/chat?session=%s HTTP/1.1" %d %d "-" "%s" xff=%s' % (
                d.T('clf', 1, 40), rs(rng, HEX, 16), rng.choice([200, 200, 500, 429]), rng.randint(200, 9000), ua(d), d.IP(p)))
        elif r < 0.7:
            L.append('worker-1     | %s ERROR [%s] %s (request_id=%s)' % (d.T('isoz', 1, 30), code(d), rng.choice(
                ['provider timeout', 'rate limited by upstream', 'embedding upsert failed']), d.K('request_id', uuid4(rng))))
        elif r < 0.85:
            L.append('db-1         | %s 0 [Warning] Access denied for user \'root\'@\'172.18.0.4\' (using password: YES)' % d.T('mysql', 1, 40))
        else:
            L.append('redis-1      | 1:M %s * Background saving terminated with success' % d.clock.tick(5, 60).strftime('%d %b %Y %H:%M:%S.%f')[:-3])
    return '\n'.join(L) + '\n'


def t_nginx_error(d):
    s, rng = d.site, d.rng
    L = []
    pid = rng.randint(1000, 30000)
    conn = rng.randint(1000, 900000)
    for _ in range(d.n(22, 40)):
        p = d.person()
        conn += rng.randint(1, 400)
        pre = '%s [%s] %d#%d: *%d ' % (d.T('nginx', 1, 300), '%s', pid, pid, conn)
        tail = ', client: %s, server: %s, request: "%s", host: "%s"' % (d.IP(p), s.domain, '%s', s.domain)
        r = rng.random()
        if r < 0.22:
            msg = 'FastCGI sent in stderr: "PHP message: PHP Warning:  Undefined array key \\"billing_phone\\" in %s on line %d; PHP message: SophMate [%s] checkout blocked for %s" while reading response header from upstream' % (
                ppath(d, 'woocommerce/includes/class-wc-checkout.php'), rng.randint(100, 1300), code(d), d.E(p))
            L.append((pre % 'error') + msg + (tail % 'POST /?wc-ajax=checkout HTTP/2.0') + ', upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", referrer: "https://%s/checkout/"' % s.domain)
        elif r < 0.38:
            img = d.K('asset_file', rng.choice(['logo@2x.png', 'hero-banner@2x.jpg', 'icon-512x512@2x.png']))
            L.append((pre % 'error') + 'open() "%s/wp-content/uploads/2024/11/%s" failed (2: No such file or directory)' % (s.root, img) + (tail % ('GET /wp-content/uploads/2024/11/%s HTTP/1.1' % img)))
        elif r < 0.55:
            L.append((pre % 'error') + 'upstream timed out (110: Connection timed out) while reading response header from upstream' + (
                tail % ('GET /wp-admin/admin-ajax.php?action=sophmate_export&email=%s&_wpnonce=%s HTTP/1.1' % (d.EU(p), nonce(rng)))))
        elif r < 0.65:
            L.append((pre % 'warn') + 'a client request body is buffered to a temporary file /var/cache/nginx/client_temp/%010d' % rng.randint(1, 99999) + (
                tail % 'POST /wp-json/wc/store/v1/checkout HTTP/2.0'))
        elif r < 0.75:
            L.append((pre % 'error') + 'FastCGI sent in stderr: "PHP message: WordPress database error Duplicate entry \'%s\' for key \'user_email\' for query INSERT INTO `%susers` (`user_login`, `user_pass`, `user_email`) VALUES (\'%s\', \'%s\', \'%s\') made by wp_insert_user" while reading upstream' % (
                d.E(p), s.prefix, rs(rng, LO, 8), d.cr('password_hash', phpass(rng)), d.E(p)) + (tail % 'POST /my-account/ HTTP/2.0'))
        elif r < 0.83:
            L.append((pre % 'error') + 'access forbidden by rule' + (tail % ('GET /wp-json/wc/v3/orders?consumer_key=%s&consumer_secret=%s HTTP/1.1' % (
                d.cr('wc_consumer_key', wc_ck(rng)), d.cr('wc_consumer_secret', wc_cs(rng))))))
        elif r < 0.9:
            L.append((pre % 'error') + 'FastCGI sent in stderr: "PHP message: PHP Fatal error:  Uncaught %s: %s in %s:%d" while reading response header from upstream' % (
                d.K('class_name', rng.choice(CLASSNAMES)), d.K('error_message', 'Client error: 401 Unauthorized'), ppath(d, 'sophmate/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php'), rng.randint(50, 200)) + (tail % 'POST /wp-json/sophmate/v1/chat HTTP/2.0'))
        else:
            L.append((pre % 'error') + 'upstream sent too big header while reading response header from upstream' + (
                tail % ('GET /checkout/order-received/%d/?key=%s HTTP/2.0' % (d.order(), d.cr('wc_order_key', wc_order_key(rng))))))
    L.insert(rng.randint(0, 5), '%s [notice] %d#%d: signal process started' % (d.now('nginx'), pid, pid))
    return '\n'.join(L) + '\n'


def t_apache_error(d):
    s, rng = d.site, d.rng
    L = []
    for _ in range(d.n(18, 34)):
        p = d.person()
        pre = '[%s] [%s] [pid %d:tid %d] [client %s:%d] ' % (d.T('apache', 1, 200), '%s', rng.randint(1000, 60000), rng.randint(10 ** 14, 10 ** 15), d.IP(p, v4=True), rng.randint(1025, 65000))
        r = rng.random()
        if r < 0.25:
            pw = d.cr('db_password', password(rng, rng.choice(['sym', 'season'])).replace("'", ''))
            L.append((pre % 'proxy_fcgi:error') + "AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught mysqli_sql_exception: Access denied for user '%s'@'localhost' (using password: YES) in %s/wp-includes/class-wpdb.php:%d\\nStack trace:\\n#0 %s/wp-includes/class-wpdb.php(%d): mysqli_real_connect(Object(mysqli), 'localhost', '%s', '%s', '%s', 3306, NULL, 0)\\n#1 %s/wp-includes/load.php(%d): wpdb->db_connect()\\n#2 {main}\\n  thrown in %s/wp-includes/class-wpdb.php on line %d', referer: https://%s/checkout/" % (
                s.dbuser, s.root, 1982, s.root, 1982, s.dbuser, pw, s.dbname, s.root, 679, s.root, 1982, d.K('domain', s.domain)))
        elif r < 0.45:
            L.append((pre % 'php:warn') + 'PHP Warning:  %s in %s on line %d, referer: https://%s/my-account/edit-address/' % (
                d.K('error_message', 'Undefined property: stdClass::$billing_address_2'), ppath(d, 'sophmate/includes/class-sophmate-context.php'), rng.randint(20, 500), s.domain))
        elif r < 0.6:
            L.append((pre % 'security2:error') + 'ModSecurity: Warning. Matched phrase "base64_decode" at ARGS:billing_email. [file "/etc/modsecurity/crs/REQUEST-933-APPLICATION-ATTACK-PHP.conf"] [line "%d"] [id "933150"] [msg "PHP Injection Attack"] [data "Matched Data: %s"] [hostname "%s"] [uri "/?wc-ajax=checkout"] [unique_id "%s"]' % (
                rng.randint(100, 900), d.E(p), s.domain, rs(rng, ALNUM + '@-', 27)))
        elif r < 0.72:
            L.append((pre % 'auth_basic:error') + 'AH01618: user %s not found: /staging/wp-admin/' % rs(rng, LO, 7))
        elif r < 0.84:
            L.append((pre % 'proxy_fcgi:error') + "AH01071: Got error 'PHP message: SophMate [%s] Pinecone upsert failed: 401 (Api-Key: %s) hook=%s'" % (
                code(d), d.pk('pinecone', k_pinecone(rng, legacy=True)), hook(d)))
        elif r < 0.92:
            L.append((pre % 'core:error') + 'AH00124: Request exceeded the limit of 10 internal redirects due to probable configuration error. Use \'LimitInternalRecursion\' to increase the limit if necessary.')
        else:
            L.append((pre % 'proxy_fcgi:error') + "AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught Exception: cURL error 7: Failed to connect to api.cohere.com with key %s in %s:%d'" % (
                d.pk('cohere', k_cohere(rng)), ppath(d, 'sophmate/includes/providers/class-cohere-provider.php'), rng.randint(30, 300)))
    L.insert(0, '[%s] [mpm_event:notice] [pid 912:tid 140] AH00489: Apache/%s (Ubuntu) OpenSSL/3.0.13 configured -- resuming normal operations' % (d.now('apache'), sv(d, 'a', '2.4.%d' % rng.randint(52, 62))))
    return '\n'.join(L) + '\n'


# ============================================================================
# t2
# ============================================================================
def vd(v, ind=0):
    """PHP var_dump() of python data (dict/list/str/int/float/bool/None)."""
    pad = '  ' * ind
    if isinstance(v, dict) or isinstance(v, list):
        items = v.items() if isinstance(v, dict) else enumerate(v)
        out = 'array(%d) {\n' % len(v)
        for k, x in items:
            key = '[%d]' % k if isinstance(k, int) else '["%s"]' % k
            out += '%s  %s=>\n%s  %s\n' % (pad, key, pad, vd(x, ind + 1))
        return out + pad + '}'
    if isinstance(v, bool):
        return 'bool(%s)' % ('true' if v else 'false')
    if isinstance(v, int):
        return 'int(%d)' % v
    if isinstance(v, float):
        return 'float(%s)' % repr(v)
    if v is None:
        return 'NULL'
    return 'string(%d) "%s"' % (len(v.encode()), v)


def vx(v, ind=0):
    """PHP var_export()."""
    pad = '  ' * ind
    if isinstance(v, (dict, list)):
        items = v.items() if isinstance(v, dict) else enumerate(v)
        out = '\n%sarray (\n' % pad if ind else 'array (\n'
        for k, x in items:
            key = str(k) if isinstance(k, int) else "'%s'" % k.replace("'", "\\'")
            out += '%s  %s => %s,\n' % (pad, key, vx(x, ind + 1))
        return out + pad + ')'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, (int, float)):
        return repr(v)
    if v is None:
        return 'NULL'
    return "'%s'" % v.replace('\\', '\\\\').replace("'", "\\'")


def ser(v):
    """PHP serialize()."""
    if isinstance(v, (dict, list)):
        items = v.items() if isinstance(v, dict) else enumerate(v)
        return 'a:%d:{%s}' % (len(v), ''.join(ser(k) + ser(x) for k, x in items))
    if isinstance(v, bool):
        return 'b:%d;' % int(v)
    if isinstance(v, int):
        return 'i:%d;' % v
    if v is None:
        return 'N;'
    return 's:%d:"%s";' % (len(v.encode()), v)


def sqlq(s):
    return s.replace('\\', '\\\\').replace("'", "\\'").replace('"', '\\"')


def t_var_dump(d):
    s, rng = d.site, d.rng
    L = []
    for i in range(d.n(3, 5)):
        p = d.person()
        o = d.order()
        d.K('order_number', str(o))
        L.append('[%s] SophMate debug: order context for #%d' % (d.T('wp', 30, 900), o))
        L.append('%s:%d:' % (ppath(d, 'sophmate/includes/class-sophmate-debug.php'), rng.randint(30, 90)))
        data = {'order_id': o, 'status': rng.choice(['processing', 'on-hold', 'failed']),
                'billing': {'first_name': d.F(p), 'last_name': d.L(p), 'company': '', 'address_1': d.A(p),
                            'address_2': '', 'city': p.city, 'postcode': p.postcode, 'country': p.cc,
                            'email': d.E(p), 'phone': d.P(p)},
                'customer_ip_address': d.IP(p), 'order_key': d.cr('wc_order_key', wc_order_key(rng)),
                'transaction_id': d.K('gateway_id', pi_id(rng)), 'total': '%d.%02d' % (rng.randint(5, 400), rng.randint(0, 99)),
                'prices_include_tax': bool(rng.random() < 0.5), 'discount_total': 0.0, 'coupon': None}
        if i == 0:
            data['meta'] = {'_stripe_customer_id': d.K('gateway_id', cus_id(rng)), '_stripe_source_id': d.K('gateway_id', pm_id(rng)),
                            '_stripe_intent_client_secret': pi_id(rng) + '_secret_' + d.pay('stripe_client_secret', rs(rng, ALNUM, 25)),
                            '_wc_order_attribution_user_agent': ua(d)}
        L.append(vd(data))
        L.append('')
    # object dump with private/protected props
    kprov = rng.choice([('perplexity', k_pplx), ('xai', k_xai), ('deepseek', k_deepseek), ('openrouter', k_openrouter)])
    key = d.pk(kprov[0], kprov[1](rng))
    L += ['[%s] SophMate debug: provider object' % d.T('wp'),
          'object(SophMate\\Providers\\%sProvider)#%d (5) {' % (kprov[0].capitalize(), rng.randint(300, 999)),
          '  ["api_key":"SophMate\\Providers\\%sProvider":private]=>' % kprov[0].capitalize(),
          '  string(%d) "%s"' % (len(key), key),
          '  ["endpoint":protected]=>', '  string(%d) "https://api.%s.ai/v1/chat/completions"' % (len(kprov[0][:4]) + 36, kprov[0][:4]),
          '  ["timeout":protected]=>', '  int(30)',
          '  ["last_request_id":protected]=>', '  string(36) "%s"' % d.K('request_id', uuid4(rng)),
          '  ["headers"]=>', '  array(2) {', '    ["Authorization"]=>', '    string(%d) "Bearer %s"' % (len(key) + 7, d.again(key)),
          '    ["X-Title"]=>', '    string(%d) "%s"' % (len(s.name.encode()), s.name), '  }', '}', '']
    # xdebug-style var_dump
    for _ in range(d.n(2, 4)):
        p = d.person()
        L += ['%s:%d:' % (ppath(d, 'sophmate/includes/rest/class-chat-controller.php'), rng.randint(100, 300)),
              "array (size=6)",
              "  'customer_name' => string '%s' (length=%d)" % (d.N(p), len(p.full.encode())),
              "  'customer_email' => string '%s' (length=%d)" % (d.E(p), len(p.email)),
              "  'phone' => string '%s' (length=%d)" % (d.P(p), len(p.phone)),
              "  'shipping_address' => string '%s' (length=%d)" % (d.A(p), len(p.addr.encode())),
              "  'order' => int %d" % d.order(),
              "  'wc_session' => string '%s' (length=32)" % rs(rng, HEX, 32), '']
    return '\n'.join(L)


def t_var_export(d):
    s, rng = d.site, d.rng
    smtp = password(rng, 'sym')
    smtp_q = smtp[:5] + "'" + smtp[5:]
    p = d.person()
    data = {
        'sophmate_settings': {'provider': 'deepseek', 'model': 'deepseek-chat', 'version': sv(d, 's', version(rng, (3, 4))),
                              'api_keys': {'deepseek': d.pk('deepseek', k_deepseek(rng)), 'perplexity': d.pk('perplexity', k_pplx(rng)),
                                           'mistral': d.pk('mistral', k_mistral(rng)), 'elevenlabs': d.pk('elevenlabs', k_eleven(rng, legacy=True)),
                                           'gemini': d.pk('gemini', k_gemini(rng))},
                              'masked_preview': 'sk-...%s' % rs(rng, ALNUM, 4), 'temperature': 0.3},
        'woocommerce_stripe_settings': {'enabled': 'yes', 'testmode': 'no', 'title': 'Credit Card (Stripe)',
                                        'publishable_key': d.pay('stripe_publishable_key', stripe_key(rng, 'pk_live_')),
                                        'secret_key': d.pay('stripe_secret_key', stripe_key(rng, 'sk_live_')),
                                        'test_publishable_key': d.pay('stripe_test_publishable_key', stripe_key(rng, 'pk_test_')),
                                        'test_secret_key': d.pay('stripe_test_secret_key', stripe_key(rng, 'sk_test_')),
                                        'webhook_secret': d.pay('stripe_webhook_secret', whsec(rng)), 'capture': 'yes', 'logging': 'yes'},
        'woocommerce-ppcp-settings': {'merchant_email_production': 'payments@' + s.domain, 'client_id_production': pp_client_id(rng),
                                      'client_secret_production': d.pay('paypal_client_secret', pp_secret(rng)), 'sandbox_on': False},
        'wc_square_settings': {'production_access_token': d.pay('square_access_token', square_token(rng)),
                               'production_location_id': 'L' + rs(rng, UP + DIG, 12), 'debug_mode': 'log'},
        'woocommerce_braintree_credit_card_settings': {'environment': 'production', 'merchant_id': rs(rng, LO + DIG, 16),
                                                       'public_key': rs(rng, LO + DIG, 16),
                                                       'private_key': d.pay('braintree_private_key', rs(rng, HEX, 32))},
        'wp_mail_smtp': {'mail': {'from_email': s.admin, 'mailer': 'smtp'},
                         'smtp': {'host': 'smtp.office365.com', 'port': 587, 'user': s.admin, 'pass': smtp_q}},
        'recent_customer': {'display_name': p.full, 'user_email': p.email, 'billing_phone': p.phone, 'ip': p.ip},
    }
    d.cr('smtp_password', smtp_q.replace("'", "\\'"))
    d.N(p), d.E(p), d.P(p), d.IP(p)
    L = ['[%s] SophMate support dump (var_export):' % d.T('wp'), vx(data) + ';', '']
    for _ in range(d.n(4, 8)):
        q = d.person()
        o = d.order()
        L.append('[%s] SophMate: customer context %s' % (d.T('wp', 10, 400), vx({'order': o, 'name': q.full, 'email': q.email,
                                                                                   'address': {'line1': q.addr, 'city': q.city, 'zip': q.postcode}})))
        d.N(q), d.E(q), d.A(q)
        d.K('order_number', str(o))
    L += ['[%s] PHP Notice:  Function WC_Order::get_payment_method_title was called <strong>incorrectly</strong> in %s on line %d' % (
        d.T('wp'), ppath(d, 'woocommerce/includes/wc-deprecated-functions.php'), rng.randint(100, 600))]
    text = '\n'.join(L)
    # names with apostrophes are escaped by var_export: label the escaped form
    fix = []
    for r in d.remove:
        if r['category'] == 'customer' and "'" in r['value']:
            fix.append(r)
    for r in fix:
        esc = r['value'].replace("'", "\\'")
        d.rinfo[esc] = d.rinfo.pop(r['value'])
        d.rcount[esc] = d.rcount.pop(r['value'])
        r['value'] = esc
    return text


def t_php_serialized(d):
    s, rng = d.site, d.rng
    pre = s.prefix
    L = ['-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)' % rng.randint(30, 40), '--',
         '-- Host: localhost    Database: %s' % s.dbname, '-- ------------------------------------------------------',
         '-- Server version\t%s' % sv(d, 'm', '8.0.%d' % rng.randint(30, 40)), '',
         'LOCK TABLES `%soptions` WRITE;' % pre]
    opt = {'provider': 'openai', 'api_key': d.pk('openai', k_openai(rng)), 'fallback': 'anthropic',
           'fallback_key': d.pk('anthropic', k_anthropic(rng)), 'hf_token': d.pk('huggingface', k_hf(rng)),
           'voice_key': d.pk('elevenlabs', k_eleven(rng)), 'log_level': 'debug', 'max_tokens': 800}
    rows = ["(%d,'sophmate_settings','%s','yes')" % (rng.randint(100, 9000), sqlq(ser(opt)))]
    wc = {'enabled': 'yes', 'consumer_key': d.cr('wc_consumer_key', wc_ck(rng)), 'consumer_secret': d.cr('wc_consumer_secret', wc_cs(rng))}
    rows.append("(%d,'sophmate_wc_api','%s','no')" % (rng.randint(100, 9000), sqlq(ser(wc))))
    smtp = {'mail': {'mailer': 'mailgun', 'from_email': s.admin}, 'mailgun': {'api_key': d.cr('mailgun_key', mailgun(rng)), 'domain': 'mg.' + s.domain, 'region': 'EU'},
            'sendgrid': {'api_key': d.cr('sendgrid_key', sendgrid(rng))}}
    rows.append("(%d,'wp_mail_smtp','%s','no')" % (rng.randint(100, 9000), sqlq(ser(smtp))))
    s3 = {'provider': 'aws', 'access-key-id': d.cr('aws_access_key_id', aws_id(rng)),
          'secret-access-key': d.cr('aws_secret_access_key', aws_secret(rng).replace('/', 'x')), 'bucket': s.slug + '-media'}
    rows.append("(%d,'tantan_wordpress_s3','%s','yes')" % (rng.randint(100, 9000), sqlq(ser(s3))))
    rows.append("(%d,'sophmate_db_version','%s','yes')" % (rng.randint(100, 9000), sv(d, 'x', version(rng, (2, 4)))))
    L.append('INSERT INTO `%soptions` VALUES %s;' % (pre, ','.join(rows)))
    L += ['UNLOCK TABLES;', '', 'LOCK TABLES `%susermeta` WRITE;' % pre]
    rows = []
    uid = rng.randint(10, 500)
    for _ in range(d.n(4, 8)):
        p = d.person()
        uid += rng.randint(1, 30)
        sess = {rs(rng, HEX, 64): {'expiration': int(d.clock.t.timestamp()) + 1209600, 'ip': d.IP(p), 'ua': ua(d, keep=False),
                                   'login': int(d.clock.tick(60, 9000).timestamp())}}
        rows.append("(%d,%d,'session_tokens','%s')" % (rng.randint(1000, 99999), uid, sqlq(ser(sess))))
        rows.append("(%d,%d,'billing_first_name','%s')" % (rng.randint(1000, 99999), uid, d.F(p, sqlq)))
        rows.append("(%d,%d,'billing_last_name','%s')" % (rng.randint(1000, 99999), uid, d.L(p, sqlq)))
        rows.append("(%d,%d,'billing_address_1','%s')" % (rng.randint(1000, 99999), uid, d.A(p, sqlq)))
        rows.append("(%d,%d,'billing_phone','%s')" % (rng.randint(1000, 99999), uid, d.P(p)))
        rows.append("(%d,%d,'billing_email','%s')" % (rng.randint(1000, 99999), uid, d.E(p)))
        prof = {'name': p.full, 'email': p.email, 'notes': 'prefers %s' % rng.choice(['afternoon delivery', 'no calls', 'SMS'])}
        rows.append("(%d,%d,'sophmate_customer_profile','%s')" % (rng.randint(1000, 99999), uid, sqlq(ser(prof))))
        d.N(p, sqlq), d.E(p)
    L.append('INSERT INTO `%susermeta` VALUES %s;' % (pre, ',\n'.join(rows)))
    L += ['UNLOCK TABLES;', '', '-- wc_order stats']
    for _ in range(d.n(3, 6)):
        o = d.order()
        L.append("INSERT INTO `%spostmeta` VALUES (%d,%d,'_order_key','%s'),(%d,%d,'_transaction_id','%s'),(%d,%d,'_paid_date','%s');" % (
            pre, rng.randint(10 ** 5, 10 ** 6), o, d.cr('wc_order_key', wc_order_key(rng)), rng.randint(10 ** 5, 10 ** 6), o,
            d.K('gateway_id', ch_id(rng)), rng.randint(10 ** 5, 10 ** 6), o, d.T('mysql', 300, 90000)))
    L.append('-- Dump completed on %s' % d.T('mysql'))
    return '\n'.join(L) + '\n'


def t_json_minified(d):
    s, rng = d.site, d.rng
    esc = lambda v: jesc(v, slashes=True, ascii_only=True)  # PHP json_encode defaults
    L = []
    for _ in range(d.n(5, 9)):
        p = d.person()
        o = d.order()
        conv = {'id': d.K('request_id', uuid4(rng)), 'site': 'https://' + s.domain, 'started': d.T('iso', 60, 5000),
                'customer': {'name': p.full, 'email': p.email, 'phone': p.phone, 'ip': p.ip},
                'order': o, 'messages': [
                    {'role': 'user', 'content': 'Hi, I am %s. Where is order #%d? Ship to %s, %s please.' % (p.full, o, p.addr, p.city)},
                    {'role': 'assistant', 'content': 'Thanks %s! Order #%d is on its way.' % (p.first, o)}],
                'provider': {'name': 'openrouter', 'id': d.K('request_id', 'gen-%d-%s' % (rng.randint(1700000000, 1760000000), rs(rng, ALNUM, 20)))}}
        d.N(p, esc), d.E(p, esc), d.P(p, esc), d.cu('ip', p.ip), d.N(p, esc), d.A(p, esc), d.F(p, esc)
        d.K('order_number', '#%d' % o)
        L.append('sophmate_conversation ' + json.dumps(conv, separators=(',', ':')).replace('/', '\\/'))
    sett = {'provider': 'openrouter', 'keys': {'openrouter': d.pk('openrouter', k_openrouter(rng)), 'groq': d.pk('groq', k_groq(rng)),
                                                'cohere': d.pk('cohere', k_cohere(rng)), 'pinecone': d.pk('pinecone', k_pinecone(rng))},
            'stripe': {'secret': d.pay('stripe_secret_key', stripe_key(rng, 'sk_live_')), 'webhook': d.pay('stripe_webhook_secret', whsec(rng))},
            'slack': {'webhook': None, 'bot_token': d.cr('slack_token', slack_bot(rng))}, 'ver': sv(d, 's', version(rng, (3, 4)))}
    url, sec = slack_hook(rng)
    sett['slack']['webhook'] = url
    d.cr('slack_webhook', sec)
    L.insert(rng.randint(0, len(L)), 'sophmate_settings ' + json.dumps(sett, separators=(',', ':')).replace('/', '\\/'))
    for _ in range(d.n(3, 6)):
        L.append(json.dumps({'ts': d.T('isoz', 1, 60), 'level': 'error', 'code': code(d), 'hook': hook(d),
                             'file': ppath(d, 'sophmate/includes/class-sophmate-queue.php', rng.randint(10, 400)),
                             'msg': d.K('error_message', rng.choice(['Provider returned 429 Too Many Requests', 'Embedding dimension mismatch', 'Queue lock timeout']))},
                            separators=(',', ':')).replace('/', '\\/'))
    for k in d.keep:
        if '/' in k['value']:
            k['value'] = k['value'].replace('/', '\\/')
    return '\n'.join(L) + '\n'


def t_wc_rest_json(d):
    s, rng = d.site, d.rng
    out = []
    for _ in range(d.n(2, 3)):
        p = d.person()
        q = p if rng.random() < 0.6 else d.person()
        o = d.order()
        created = d.K('timestamp', d.T('iso', 600, 90000, keep=False)[:19])
        obj = {'id': o, 'parent_id': 0, 'status': 'processing', 'currency': 'EUR', 'version': sv(d, 'w', version(rng, (8, 9))),
               'prices_include_tax': True, 'date_created': created, 'date_modified': d.K('timestamp', d.T('iso', 60, 600, keep=False)[:19]),
               'total': '%d.%02d' % (rng.randint(5, 500), rng.randint(0, 99)), 'customer_id': rng.randint(1, 900),
               'order_key': d.cr('wc_order_key', wc_order_key(rng)),
               'billing': {'first_name': d.F(p), 'last_name': d.L(p), 'company': '', 'address_1': d.A(p), 'address_2': '',
                           'city': p.city, 'state': p.region, 'postcode': p.postcode, 'country': p.cc, 'email': d.E(p), 'phone': d.P(p)},
               'shipping': {'first_name': d.F(q), 'last_name': d.L(q), 'company': '', 'address_1': d.A(q), 'address_2': '',
                            'city': q.city, 'state': q.region, 'postcode': q.postcode, 'country': q.cc, 'phone': d.P(q)},
               'payment_method': 'stripe', 'payment_method_title': 'Credit Card (Stripe)',
               'transaction_id': d.K('gateway_id', pi_id(rng)), 'customer_ip_address': d.IP(p), 'customer_user_agent': ua(d),
               'created_via': 'checkout', 'customer_note': '', 'number': d.K('order_number', str(o)),
               'meta_data': [{'id': rng.randint(1000, 99999), 'key': '_stripe_customer_id', 'value': d.K('gateway_id', cus_id(rng))},
                             {'id': rng.randint(1000, 99999), 'key': '_stripe_charge_captured', 'value': 'yes'},
                             {'id': rng.randint(1000, 99999), 'key': '_stripe_net', 'value': '%d.%02d' % (rng.randint(5, 400), rng.randint(0, 99))},
                             {'id': rng.randint(1000, 99999), 'key': '_sophmate_conversation', 'value': d.K('request_id', uuid4(rng))}],
               'line_items': [{'id': rng.randint(100, 9999), 'name': rng.choice(['Merino Beanie', 'Sencha 100g', 'Olive Oil 500ml', 'Tweed Cap']),
                               'product_id': rng.randint(10, 999), 'quantity': rng.randint(1, 4), 'sku': 'SKU-%s' % rs(rng, UP + DIG, 6),
                               'image': {'id': rng.randint(10, 999), 'src': 'https://%s/wp-content/uploads/2024/05/%s' % (s.domain, d.K('asset_file', rng.choice(['beanie@2x.jpg', 'product-1@2x.jpg'])))}}],
               '_links': {'self': [{'href': 'https://%s/wp-json/wc/v3/orders/%d' % (d.K('domain', s.domain), o)}]}}
        if p.cc == 'JP' or rng.random() < 0.3:
            obj['customer_note'] = 'Please call %s before delivery' % d.P(p)
        out.append('GET /wp-json/wc/v3/orders/%d HTTP/1.1  ->  %s' % (o, d.K('http_status', 'HTTP/1.1 200 OK')))
        out.append('X-WP-Total: 1\nLink: <https://%s/wp-json/wc/v3/orders/%d/notes>; rel="notes"\n' % (s.domain, o))
        out.append(json.dumps(obj, indent=rng.choice([2, 4]), ensure_ascii=False))
        out.append('')
    return '\n'.join(out)


def t_soap_xml(d):
    s, rng = d.site, d.rng
    L = ['<!-- %s gateway debug, %s -->' % (s.name, d.T('iso'))]
    for _ in range(d.n(2, 3)):
        p = d.person()
        o = d.order()
        brand, num = card(rng)
        L += ['<?xml version="1.0" encoding="utf-8"?>',
              '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">',
              '  <soap:Header>', '    <wsse:Security>', '      <wsse:UsernameToken>',
              '        <wsse:Username>api_%s</wsse:Username>' % s.slug,
              '        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>' % d.cr('http_password', password(rng, 'alnum')),
              '      </wsse:UsernameToken>', '    </wsse:Security>', '  </soap:Header>', '  <soap:Body>',
              '    <createTransactionRequest xmlns="AnetApi/xml/v1/schema/AnetApiSchema.xsd">',
              '      <merchantAuthentication>', '        <name>%s</name>' % rs(rng, ALNUM, 11),
              '        <transactionKey>%s</transactionKey>' % d.pay('gateway_transaction_key', rs(rng, ALNUM, 16)),
              '      </merchantAuthentication>', '      <refId>%d</refId>' % o,
              '      <transactionRequest>', '        <transactionType>authCaptureTransaction</transactionType>',
              '        <amount>%d.%02d</amount>' % (rng.randint(5, 500), rng.randint(0, 99)),
              '        <payment>', '          <creditCard>', '            <cardNumber>%s</cardNumber>' % d.pay('card_number', num),
              '            <expirationDate>20%d-%02d</expirationDate>' % (rng.randint(26, 31), rng.randint(1, 12)),
              '            <cardCode>%s</cardCode>' % d.cvv(4 if brand == 'amex' else 3), '          </creditCard>', '        </payment>',
              '        <order><invoiceNumber>%s</invoiceNumber><description>%s order</description></order>' % (d.K('order_number', str(o)), s.name.replace('&', '&amp;')),
              '        <customer><type>individual</type><email>%s</email></customer>' % d.E(p),
              '        <billTo>', '          <firstName>%s</firstName>' % d.F(p, lambda x: x.replace("'", '&apos;')),
              '          <lastName>%s</lastName>' % d.L(p, lambda x: x.replace("'", '&apos;')),
              '          <address>%s</address>' % d.A(p), '          <city>%s</city>' % p.city,
              '          <zip>%s</zip>' % p.postcode, '          <country>%s</country>' % p.cc,
              '          <phoneNumber>%s</phoneNumber>' % d.P(p), '        </billTo>',
              '        <customerIP>%s</customerIP>' % d.IP(p),
              '      </transactionRequest>', '    </createTransactionRequest>', '  </soap:Body>', '</soap:Envelope>', '',
              '<!-- response %s -->' % d.T('iso', 1, 3),
              '<createTransactionResponse><messages><resultCode>Error</resultCode><message><code>E00027</code><text>%s</text></message></messages>' % d.K('error_message', 'The transaction was unsuccessful.'),
              '<transactionResponse><responseCode>2</responseCode><transId>%s</transId><accountNumber>XXXX%s</accountNumber><accountType>%s</accountType></transactionResponse></createTransactionResponse>' % (
                  d.K('txn_id', txn16(rng)), num[-4:], {'visa': 'Visa', 'mc': 'MasterCard', 'amex': 'AmericanExpress', 'discover': 'Discover'}[brand]), '']
    # carrier label
    p = d.person()
    L += ['<!-- carrier label request -->', '<ShipmentRequest>', '  <Shipper><CompanyName>%s</CompanyName><City>%s</City></Shipper>' % (s.name.replace('&', '&amp;'), 'Warehouse'),
          '  <Consignee>', '    <PersonName>%s</PersonName>' % d.N(p, lambda x: x.replace("'", '&apos;')),
          '    <AddressLine1>%s</AddressLine1>' % d.A(p), '    <City>%s</City>' % p.city, '    <PostalCode>%s</PostalCode>' % p.postcode,
          '    <CountryCode>%s</CountryCode>' % p.cc, '    <PhoneNumber>%s</PhoneNumber>' % d.P(p), '    <Email>%s</Email>' % d.E(p),
          '  </Consignee>', '  <Reference>%s</Reference>' % d.K('order_number', 'WC-%d' % d.order()), '</ShipmentRequest>', '']
    # xmlrpc login
    L += ['<!-- xmlrpc.php brute-force sample from access log body capture -->', '<?xml version="1.0"?>', '<methodCall><methodName>wp.getUsersBlogs</methodName><params>',
          '<param><value><string>%s</string></value></param>' % rs(rng, LO, 6),
          '<param><value><string>%s</string></value></param>' % d.cr('wp_password', password(rng, 'sym').replace('&', '').replace('<', '')),
          '</params></methodCall>']
    return '\n'.join(L) + '\n'


def t_csv_orders(d):
    s, rng = d.site, d.rng
    buf = io.StringIO()
    euro = rng.random() < 0.5
    if euro:
        w = csv.writer(buf, delimiter=';', quoting=csv.QUOTE_ALL, lineterminator='\n')
        w.writerow(['Bestellnummer', 'Datum', 'Status', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Land', 'E-Mail', 'Telefon',
                    'Zahlungsart', 'IBAN', 'Transaktions-ID', 'IP-Adresse', 'Summe'])
    else:
        w = csv.writer(buf, lineterminator='\r\n')
        w.writerow(['Order Number', 'Order Status', 'Order Date', 'First Name (Billing)', 'Last Name (Billing)', 'Address 1&2 (Billing)',
                    'City (Billing)', 'Postcode (Billing)', 'Country Code (Billing)', 'Email (Billing)', 'Phone (Billing)',
                    'Payment Method Title', 'Transaction ID', 'Customer IP Address', 'Customer Note', 'Order Total Amount'])
    for _ in range(d.n(22, 40)):
        p = d.person()
        o = d.order()
        if euro:
            pay = rng.choice(['SEPA-Lastschrift', 'Kreditkarte', 'PayPal'])
            ib = d.pay('iban', iban(rng, rng.choice(['DE', 'AT', 'NL', 'BE', 'FR', 'CH', 'PL', 'PT', 'FI', 'DK', 'SE']), spaced=rng.random() < 0.5)) if pay == 'SEPA-Lastschrift' else ''
            tx = d.K('gateway_id', pi_id(rng)) if pay == 'Kreditkarte' else (d.K('txn_id', txn16(rng)) if pay == 'SEPA-Lastschrift' else pp_order_id(rng))
            d.clock.tick(60, 9000)
            w.writerow([d.K('order_number', str(o)), d.K('timestamp', d.clock.t.strftime('%d.%m.%Y %H:%M')), 'in Bearbeitung',
                        d.F(p), d.L(p), d.A(p), p.postcode, p.city, p.cc, d.E(p), d.P(p), pay, ib, tx, d.IP(p), '%d,%02d' % (rng.randint(5, 400), rng.randint(0, 99))])
        else:
            note = ''
            if rng.random() < 0.3:
                note = rng.choice(['Leave with neighbour at no. 12', 'Gift - please no invoice in box', None])
                note = note or 'Call %s on arrival' % d.P(p)
            w.writerow([d.K('order_number', str(o)), rng.choice(['Processing', 'Completed', 'On hold']), d.T('mysql', 60, 9000),
                        d.F(p), d.L(p), d.A(p), p.city, p.postcode, p.cc, d.E(p), d.P(p),
                        rng.choice(['Credit Card (Stripe)', 'PayPal', 'Direct bank transfer']), d.K('gateway_id', ch_id(rng)),
                        d.IP(p), note, '%d.%02d' % (rng.randint(5, 400), rng.randint(0, 99))])
    return buf.getvalue()


def t_http_dump(d):
    s, rng = d.site, d.rng
    ch = rs(rng, HEX, 32)
    L = []
    for _ in range(d.n(2, 3)):
        p = d.person()
        user = rs(rng, LO, 7)
        exp = int(d.clock.t.timestamp()) + 172800
        li = d.cr('wp_cookie', '%s%%7C%d%%7C%s%%7C%s' % (user, exp, rs(rng, ALNUM, 43), rs(rng, HEX, 64)))
        sec = d.cr('wp_cookie', '%s%%7C%d%%7C%s%%7C%s' % (user, exp, rs(rng, ALNUM, 43), rs(rng, HEX, 64)))
        sess = d.cr('wp_cookie', '%d%%7C%%7C%d%%7C%%7C%d%%7C%%7C%s' % (rng.randint(1, 9000), exp, exp - 3600, rs(rng, HEX, 32)))
        php = d.cr('session_cookie', rs(rng, LO + DIG, 26))
        msg = 'Hi, my email is %s and my phone is %s, where is my order?' % (p.email, p.phone)
        body = 'action=sophmate_chat&message=%s&session=%s&_ajax_nonce=%s' % (formq(msg), rs(rng, HEX, 16), nonce(rng))
        d.cu('email', formq(p.email)), d.cu('phone', formq(p.phone))
        L += ['### captured with mitmproxy %s' % d.T('rfc2822', 60, 4000),
              'POST /wp-admin/admin-ajax.php HTTP/1.1', 'Host: %s' % d.K('domain', s.domain), 'User-Agent: %s' % ua(d),
              'Accept: application/json, text/javascript, */*; q=0.01', 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8',
              'Cookie: wordpress_sec_%s=%s; wordpress_logged_in_%s=%s; wp_woocommerce_session_%s=%s; PHPSESSID=%s; woocommerce_items_in_cart=1' % (
                  ch, sec, ch, li, ch, sess, php),
              'X-Forwarded-For: %s, %s' % (d.IP(p), s.server_ip), 'X-WP-Nonce: %s' % nonce(rng),
              'Content-Length: %d' % len(body), '', body, '',
              '%s' % d.K('http_status', 'HTTP/1.1 500 Internal Server Error'), 'Date: %s' % d.T('rfc2822', 0, 2).replace('+0000', 'GMT'),
              'Server: nginx', 'X-Request-Id: %s' % d.K('request_id', uuid4(rng)),
              'Set-Cookie: wordpress_logged_in_%s=%s; expires=%s; path=/; secure; HttpOnly' % (ch, d.cr('wp_cookie', li), d.now('rfc2822')),
              'Content-Type: application/json; charset=UTF-8', '',
              json.dumps({'success': False, 'data': {'code': code(d), 'message': d.K('error_message', 'Upstream provider rejected the API key')}}), '']
        # checkout
        o = d.order()
        fields = [('billing_first_name', p.first, 'name'), ('billing_last_name', p.last, 'name'), ('billing_address_1', p.addr, 'address'),
                  ('billing_city', p.city, None), ('billing_postcode', p.postcode, None), ('billing_phone', p.phone, 'phone'),
                  ('billing_email', p.email, 'email')]
        parts = []
        for k, v, kind in fields:
            ev = formq(v)
            if kind:
                d.cu(kind, ev)
            parts.append('%s=%s' % (k, ev))
        parts += ['payment_method=stripe', 'wc-stripe-payment-method=%s' % d.K('gateway_id', pm_id(rng)),
                  'woocommerce-process-checkout-nonce=%s' % nonce(rng), '_wp_http_referer=%2F%3Fwc-ajax%3Dupdate_order_review']
        L += ['POST /?wc-ajax=checkout HTTP/2', 'Host: %s' % s.domain, 'Cookie: wp_woocommerce_session_%s=%s' % (ch, d.cr('wp_cookie', sess)),
              'Content-Type: application/x-www-form-urlencoded', '', '&'.join(parts), '',
              d.K('http_status', 'HTTP/2 200'), 'content-type: application/json; charset=UTF-8', '',
              json.dumps({'result': 'success', 'order_id': o, 'redirect': 'https://%s/checkout/order-received/%d/?key=%s' % (
                  s.domain, o, d.cr('wc_order_key', wc_order_key(rng)))}).replace('/', '\\/'), '']
    ck, cs = wc_ck(rng), wc_cs(rng)
    blob = d.cr('http_basic_auth', b64('%s:%s' % (ck, cs)))
    app = app_password(rng)
    blob2 = d.cr('http_basic_auth', b64('%s:%s' % (rs(rng, LO, 6), app)))
    q = d.person()
    L += ['GET /wp-json/wc/v3/customers?email=%s HTTP/1.1' % d.EU(q), 'Host: %s' % s.domain, 'Authorization: Basic %s' % blob,
          'User-Agent: Zapier', '', d.K('http_status', 'HTTP/1.1 401 Unauthorized'), '', '{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}', '',
          'POST /wp-json/sophmate/v1/reindex HTTP/1.1', 'Host: %s' % s.domain, 'Authorization: Basic %s' % blob2, 'Content-Length: 0', '',
          d.K('http_status', 'HTTP/1.1 202 Accepted'), 'X-Request-Id: %s' % d.K('request_id', uuid4(rng)), '']
    now = int(d.clock.t.timestamp())
    tok = d.cr('jwt', jwt(rng, {'iss': 'https://' + s.domain, 'iat': now, 'nbf': now, 'exp': now + 604800, 'data': {'user': {'id': str(rng.randint(2, 900))}}}))
    L += ['POST /wp-json/jwt-auth/v1/token/validate HTTP/1.1', 'Host: %s' % s.domain, 'Authorization: Bearer %s' % tok, 'Content-Length: 0', '',
          d.K('http_status', 'HTTP/1.1 403 Forbidden'), '', '{"code":"jwt_auth_invalid_token","message":"Expired token","data":{"status":403}}', '',
          '# note from the owner: the app password I generated for you is %s (user %s)' % (d.cr('wp_app_password', app_password(rng)), rs(rng, LO, 6)), '']
    return '\n'.join(L)


def curl_block(d, L, cmd, host, ip, reqline, headers, status, resp_headers, body):
    rng = d.rng
    L += ['$ ' + cmd, '*   Trying %s:443...' % ip, '* Connected to %s (%s) port 443' % (host, ip),
          '* ALPN: curl offers h2,http/1.1', '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
          '* TLSv1.3 (IN), TLS handshake, Server hello (2):', '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
          '* Server certificate:', '*  subject: CN=%s' % host, '*  expire date: %s' % d.clock.t.strftime('%b %d %H:%M:%S 2026 GMT'),
          '*  SSL certificate verify ok.', '* using HTTP/2', '> ' + reqline, '> Host: %s' % host, '> User-Agent: curl/8.5.0', '> Accept: */*']
    L += ['> ' + h for h in headers]
    L += ['>', '< ' + status]
    L += ['< ' + h for h in resp_headers]
    L += ['<', body, '* Connection #0 to host %s left intact' % host, '']


def t_curl_verbose(d):
    s, rng = d.site, d.rng
    L = ['Support session notes, %s. Owner ran these from the server (SophMate %s):' % (d.T('iso'), sv(d, 's', version(rng, (3, 4)))), '']
    calls = rng.sample(['xai', 'pplx', 'replicate', 'gemini', 'anthropic', 'wc', 'paypal', 'stripe', 'square', 'eleven', 'basic'], d.n(7, 10))
    for c in calls:
        rid = d.K('request_id', uuid4(rng)) if c in ('xai', 'pplx', 'replicate') else None
        if c == 'xai':
            k = d.pk('xai', k_xai(rng))
            curl_block(d, L, 'curl -v https://api.x.ai/v1/chat/completions -H "Authorization: Bearer %s" -H "Content-Type: application/json" -d @req.json' % k,
                       'api.x.ai', '104.18.20.%d' % rng.randint(1, 250), 'POST /v1/chat/completions HTTP/2',
                       ['Authorization: Bearer %s' % d.again(k), 'Content-Type: application/json', 'Content-Length: %d' % rng.randint(100, 900)],
                       d.K('http_status', 'HTTP/2 401'), ['date: %s' % d.K('timestamp', d.T('rfc2822', 5, 90, keep=False).replace('+0000', 'GMT')), 'content-type: application/json', 'x-request-id: %s' % rid],
                       '{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***%s. You can obtain an API key from https://console.x.ai."}' % k[-4:])
        elif c == 'pplx':
            k = d.pk('perplexity', k_pplx(rng))
            curl_block(d, L, "curl -v --request POST --url https://api.perplexity.ai/chat/completions --header 'authorization: Bearer %s' --header 'content-type: application/json' --data '{\"model\":\"sonar\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}'" % k,
                       'api.perplexity.ai', '104.18.26.%d' % rng.randint(1, 250), 'POST /chat/completions HTTP/2',
                       ['authorization: Bearer %s' % d.again(k), 'content-type: application/json'], d.K('http_status', 'HTTP/2 200'),
                       ['date: %s' % d.K('timestamp', d.T('rfc2822', 5, 90, keep=False).replace('+0000', 'GMT')), 'content-type: application/json'],
                       '{"id":"%s","model":"sonar","created":%s,"usage":{"prompt_tokens":2,"completion_tokens":9}}' % (rid, d.now('epoch', keep=True)))
        elif c == 'replicate':
            k = d.pk('replicate', k_replicate(rng))
            curl_block(d, L, 'curl -s -v -X POST -H "Authorization: Token %s" -H "Content-Type: application/json" -d \'{"version":"%s","input":{"prompt":"product photo"}}\' https://api.replicate.com/v1/predictions' % (k, rs(rng, HEX, 64)),
                       'api.replicate.com', '104.18.4.%d' % rng.randint(1, 250), 'POST /v1/predictions HTTP/2',
                       ['Authorization: Token %s' % d.again(k), 'Content-Type: application/json'], d.K('http_status', 'HTTP/2 201'),
                       ['content-type: application/json', 'x-request-id: %s' % rid],
                       '{"id":"%s","status":"starting","created_at":"%s"}' % (rs(rng, LO + DIG, 26), d.T('isoz', 1, 5)))
        elif c == 'gemini':
            k = d.pk('gemini', k_gemini(rng))
            if rng.random() < 0.5:
                curl_block(d, L, 'curl -v "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=%s" -H \'Content-Type: application/json\' -X POST -d @body.json' % k,
                           'generativelanguage.googleapis.com', '142.250.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)),
                           'POST /v1beta/models/gemini-1.5-flash:generateContent?key=%s HTTP/2' % d.again(k), ['Content-Type: application/json'],
                           d.K('http_status', 'HTTP/2 400'), ['content-type: application/json; charset=UTF-8'],
                           '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}')
            else:
                curl_block(d, L, "curl -v https://generativelanguage.googleapis.com/v1beta/models -H 'x-goog-api-key: %s'" % k,
                           'generativelanguage.googleapis.com', '142.250.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)),
                           'GET /v1beta/models HTTP/2', ['x-goog-api-key: %s' % d.again(k)], d.K('http_status', 'HTTP/2 200'),
                           ['content-type: application/json; charset=UTF-8'], '{"models":[{"name":"models/gemini-1.5-flash"}]}')
        elif c == 'anthropic':
            k = d.pk('anthropic', k_anthropic(rng))
            curl_block(d, L, 'curl -v https://api.anthropic.com/v1/messages --header "x-api-key: %s" --header "anthropic-version: 2023-06-01" --header "content-type: application/json" --data @msg.json' % k,
                       'api.anthropic.com', '160.79.104.%d' % rng.randint(1, 250), 'POST /v1/messages HTTP/2',
                       ['x-api-key: %s' % d.again(k), 'anthropic-version: 2023-06-01', 'content-type: application/json'], d.K('http_status', 'HTTP/2 529'),
                       ['request-id: %s' % d.K('request_id', 'req_011C' + rs(rng, ALNUM, 20)), 'content-type: application/json'],
                       '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')
        elif c == 'wc':
            ck, cs = d.cr('wc_consumer_key', wc_ck(rng)), d.cr('wc_consumer_secret', wc_cs(rng))
            blob = d.cr('http_basic_auth', b64('%s:%s' % (ck, cs)))
            p = d.person()
            o = d.order()
            curl_block(d, L, 'curl -v https://%s/wp-json/wc/v3/orders/%d -u %s:%s' % (d.K('domain', s.domain), o, ck, cs),
                       s.domain, s.server_ip, 'GET /wp-json/wc/v3/orders/%d HTTP/2' % o, ['Authorization: Basic %s' % blob],
                       d.K('http_status', 'HTTP/2 200'), ['content-type: application/json; charset=UTF-8', 'x-wp-total: 1'],
                       json.dumps({'id': o, 'billing': {'first_name': p.first, 'last_name': p.last, 'email': p.email, 'phone': p.phone}}, ensure_ascii=False))
            L.insert(len(L) - 16, '* Server auth using Basic with user \'%s\'' % ck)
            d.again(ck)
            d.F(p), d.L(p), d.E(p), d.P(p)
        elif c == 'paypal':
            cid, sec = pp_client_id(rng), d.pay('paypal_client_secret', pp_secret(rng))
            tok = d.pay('paypal_access_token', pp_token(rng))
            blob = d.pay('paypal_basic_auth', b64('%s:%s' % (cid, sec)))
            curl_block(d, L, 'curl -v https://api-m.paypal.com/v1/oauth2/token -u "%s:%s" -d "grant_type=client_credentials"' % (cid, sec),
                       'api-m.paypal.com', '151.101.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)), 'POST /v1/oauth2/token HTTP/2',
                       ['Authorization: Basic %s' % blob, 'Content-Type: application/x-www-form-urlencoded'], d.K('http_status', 'HTTP/2 200'),
                       ['paypal-debug-id: %s' % rs(rng, HEX, 13), 'content-type: application/json'],
                       '{"scope":"https://uri.paypal.com/services/payments/payment","access_token":"%s","token_type":"Bearer","app_id":"APP-%s","expires_in":32400,"nonce":"%s%s"}' % (
                           tok, rs(rng, UP + DIG, 17), d.now('isoz')[:19] + 'Z', rs(rng, B64URL, 43)))
        elif c == 'stripe':
            k = d.pay('stripe_secret_key', stripe_key(rng, 'sk_live_'))
            pi = d.K('gateway_id', pi_id(rng))
            curl_block(d, L, 'curl -v https://api.stripe.com/v1/payment_intents/%s -u %s:' % (pi, k),
                       'api.stripe.com', '54.187.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)), 'GET /v1/payment_intents/%s HTTP/2' % pi,
                       ['Authorization: Basic %s' % d.pay('stripe_basic_auth', b64(k + ':'))], d.K('http_status', 'HTTP/2 200'),
                       ['request-id: %s' % d.K('request_id', req_id(rng)), 'stripe-version: 2024-06-20'],
                       '{"id":"%s","object":"payment_intent","client_secret":"%s_secret_%s","status":"requires_payment_method","last_payment_error":{"code":"card_declined","message":"%s"}}' % (
                           pi, pi, d.pay('stripe_client_secret', rs(rng, ALNUM, 25)), d.K('error_message', 'Your card was declined.')))
        elif c == 'square':
            k = d.pay('square_access_token', square_token(rng))
            curl_block(d, L, "curl -v https://connect.squareup.com/v2/locations -H 'Square-Version: 2024-10-17' -H 'Authorization: Bearer %s'" % k,
                       'connect.squareup.com', '74.122.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)), 'GET /v2/locations HTTP/2',
                       ['Square-Version: 2024-10-17', 'Authorization: Bearer %s' % d.again(k)], d.K('http_status', 'HTTP/2 401'), ['content-type: application/json'],
                       '{"errors":[{"category":"AUTHENTICATION_ERROR","code":"UNAUTHORIZED","detail":"This request could not be authorized."}]}')
        elif c == 'basic':
            user, pw = rs(rng, LO, 7), d.cr('http_password', password(rng, rng.choice(['phrase', 'alnum', 'season'])))
            blob = d.cr('http_basic_auth', b64('%s:%s' % (user, pw)))
            curl_block(d, L, "curl -v -u '%s:%s' https://staging.%s/wp-json/sophmate/v1/status" % (user, pw, s.domain),
                       'staging.' + s.domain, s.server_ip, 'GET /wp-json/sophmate/v1/status HTTP/2', ['Authorization: Basic %s' % blob],
                       d.K('http_status', 'HTTP/2 403'), ['content-type: application/json; charset=UTF-8'],
                       '{"code":"%s","message":"%s"}' % (code(d), d.K('error_message', 'Staging is locked')))
        else:
            k = d.pk('elevenlabs', k_eleven(rng))
            curl_block(d, L, "curl -v https://api.elevenlabs.io/v1/user -H 'xi-api-key: %s'" % k, 'api.elevenlabs.io', '34.120.%d.%d' % (rng.randint(1, 250), rng.randint(1, 250)),
                       'GET /v1/user HTTP/2', ['xi-api-key: %s' % d.again(k)], d.K('http_status', 'HTTP/2 401'), ['content-type: application/json'],
                       '{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}')
    return '\n'.join(L)


def table(rows, hdr):
    w = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    sep = '+' + '+'.join('-' * (x + 2) for x in w) + '+'
    out = [sep, '| ' + ' | '.join(str(h).ljust(w[i]) for i, h in enumerate(hdr)) + ' |', sep]
    for r in rows:
        out.append('| ' + ' | '.join(str(c).ljust(w[i]) for i, c in enumerate(r)) + ' |')
    out.append(sep)
    return out


def t_wp_cli(d):
    s, rng = d.site, d.rng
    L = ['$ wp --info', 'OS:\tLinux 5.15.0-%d-generic #%d-Ubuntu SMP x86_64' % (rng.randint(80, 130), rng.randint(80, 140)),
         'Shell:\t/bin/bash', 'PHP binary:\t/usr/bin/php8.2', 'PHP version:\t%s' % sv(d, 'php', '8.2.%d' % rng.randint(10, 26)),
         'WP-CLI version:\t%s' % sv(d, 'cli', '2.%d.0' % rng.randint(8, 11)), '',
         '$ wp config list --fields=name,value,type --path=%s' % s.root]
    rows = [('table_prefix', s.prefix, 'variable'), ('DB_NAME', s.dbname, 'constant'), ('DB_USER', s.dbuser, 'constant'),
            ('DB_PASSWORD', d.cr('db_password', password(rng, 'sym')), 'constant'), ('DB_HOST', 'localhost:/run/mysqld/mysqld.sock', 'constant')]
    for k in ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']:
        rows.append((k, d.cr('wp_salt', salt(rng)), 'constant'))
    rows += [('WP_DEBUG', '1', 'constant'), ('SOPHMATE_OPENAI_KEY', d.pk('openai', k_openai(rng, 'legacy')), 'constant'),
             ('SOPHMATE_MISTRAL_KEY', d.pk('mistral', k_mistral(rng)), 'constant'), ('WP_REDIS_PASSWORD', d.cr('redis_password', password(rng, 'alnum')), 'constant')]
    L += table(rows, ('name', 'value', 'type')) + ['']
    L += ['$ wp user list --role=customer --fields=ID,user_login,user_email,display_name,user_registered']
    rows = []
    for _ in range(d.n(6, 12)):
        p = d.person()
        rows.append((rng.randint(2, 3000), rs(rng, LO, 6) + str(rng.randint(1, 99)), d.E(p), d.N(p), d.T('mysql', 3600, 900000)))
    L += table(rows, ('ID', 'user_login', 'user_email', 'display_name', 'user_registered')) + ['']
    p = d.person()
    o = d.order()
    L += ['$ wp wc shop_order get %d --user=1 --fields=id,status,billing,customer_ip_address --format=json' % o,
          json.dumps({'id': o, 'status': 'failed', 'billing': {'first_name': d.F(p), 'last_name': d.L(p), 'address_1': d.A(p), 'city': p.city,
                                                              'email': d.E(p), 'phone': d.P(p)}, 'customer_ip_address': d.IP(p)}, ensure_ascii=False), '',
          '$ wp option get woocommerce_stripe_settings --format=yaml',
          'enabled: "yes"', 'testmode: "no"', 'publishable_key: %s' % d.pay('stripe_publishable_key', stripe_key(rng, 'pk_live_')),
          'secret_key: %s' % d.pay('stripe_secret_key', stripe_key(rng, 'sk_live_')), 'webhook_secret: %s' % d.pay('stripe_webhook_secret', whsec(rng)),
          'test_secret_key: %s' % d.pay('stripe_test_secret_key', stripe_key(rng, 'sk_test_')), 'logging: "yes"', '',
          '$ wp user application-password create 1 "runbook-support" --porcelain', d.cr('wp_app_password', app_password(rng)), '',
          '$ wp user application-password list 1 --fields=uuid,name,created',
          ]
    L += table([(d.K('request_id', uuid4(rng)), 'runbook-support', d.T('epoch', 1, 5)), (d.K('request_id', uuid4(rng)), 'zapier', d.T('epoch', -900000, -800000))], ('uuid', 'name', 'created')) + ['']
    L += ['$ wp db query "SELECT ID, user_login, user_pass FROM %susers ORDER BY ID LIMIT 4"' % s.prefix, 'ID\tuser_login\tuser_pass']
    for i in range(4):
        h = rng.choice([lambda: phpass(rng), lambda: bcrypt(rng, wp=True), lambda: bcrypt(rng), lambda: argon(rng)])()
        L.append('%d\t%s\t%s' % (i + 1, rs(rng, LO, 7), d.cr('password_hash', h)))
    L += ['', '$ wp plugin list --status=active']
    rows = [(d.K('plugin_slug', pl), 'active', rng.choice(['none', 'available']), sv(d, pl, version(rng))) for pl in rng.sample(PLUGINS, 8)]
    L += table(rows, ('name', 'status', 'update', 'version')) + ['']
    L += ['$ wp cron event list --fields=hook,next_run_gmt --format=csv', 'hook,next_run_gmt']
    for hk in rng.sample(HOOKS, 5):
        L.append('%s,%s' % (d.K('hook', hk), d.T('mysql', 60, 3600)))
    L += ['', '$ wp eval \'echo get_option("sophmate_last_error");\'',
          'SOPHMATE [%s] %s at %s' % (code(d), d.K('error_message', 'Vector store rejected credentials'), ppath(d, 'sophmate/includes/knowledge/class-pinecone.php', rng.randint(20, 300))), '']
    return '\n'.join(L)


def t_mysql_log(d):
    s, rng = d.site, d.rng
    pre = s.prefix
    L = ['/usr/sbin/mariadbd, Version: %s-MariaDB-0+deb12u1-log (Debian 12). started with:' % sv(d, 'm', '10.11.%d' % rng.randint(3, 9)),
         'Tcp port: 3306  Unix socket: /run/mysqld/mysqld.sock', 'Time\t\t    Id Command\tArgument']
    cid = rng.randint(10, 900)
    L.append('%s\t%5d Connect\t%s@localhost on %s using Socket' % (d.T('mysqllog'), cid, s.dbuser, s.dbname))
    L.append('\t\t%5d Query\tSET NAMES utf8mb4' % cid)
    for _ in range(d.n(5, 9)):
        p = d.person()
        o = d.order()
        ts = d.T('mysql', 20, 3000)
        L.append('%s\t%5d Query\tINSERT INTO `%swc_orders` (`id`, `status`, `currency`, `type`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `ip_address`, `payment_method`, `transaction_id`, `customer_note`) VALUES (%s, \'wc-processing\', \'EUR\', \'shop_order\', %d.%02d, %d, \'%s\', \'%s\', \'%s\', \'stripe\', \'%s\', \'\')' % (
            d.clock.f('mysqllog'), cid, pre, d.K('order_number', str(o)), rng.randint(5, 400), rng.randint(0, 99), rng.randint(1, 900), d.E(p), ts, d.IP(p), d.K('gateway_id', pi_id(rng))))
        L.append('\t\t%5d Query\tINSERT INTO `%swc_order_addresses` (`order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES (%d, \'billing\', \'%s\', \'%s\', \'\', \'%s\', \'\', \'%s\', \'%s\', \'%s\', \'%s\', \'%s\', \'%s\')' % (
            cid, pre, o, d.F(p, sqlq), d.L(p, sqlq), d.A(p, sqlq), sqlq(p.city), p.region, p.postcode, p.cc, d.E(p), d.P(p)))
        L.append('\t\t%5d Query\tINSERT INTO `%swc_orders_meta` (`order_id`, `meta_key`, `meta_value`) VALUES (%d, \'_order_key\', \'%s\'), (%d, \'_billing_address_index\', \'%s %s %s %s\')' % (
            cid, pre, o, d.cr('wc_order_key', wc_order_key(rng)), o, d.F(p, sqlq), d.L(p, sqlq), d.A(p, sqlq), d.E(p)))
        if rng.random() < 0.5:
            L.append('\t\t%5d Query\tUPDATE `%susers` SET `user_pass` = \'%s\', `user_activation_key` = \'\' WHERE `ID` = %d' % (
                cid, pre, d.cr('password_hash', rng.choice([phpass, lambda r: bcrypt(r, wp=True)])(rng)), rng.randint(2, 900)))
        if rng.random() < 0.3:
            L.append('\t\t%5d Query\tSELECT * FROM `%swc_orders` WHERE `billing_email` = \'%s\' ORDER BY `date_created_gmt` DESC LIMIT 5' % (cid, pre, d.E(p)))
    cid2 = cid + rng.randint(1, 20)
    L += ['%s\t%5d Connect\troot@localhost on  using Socket' % (d.T('mysqllog', 60, 600), cid2),
          '\t\t%5d Connect\tAccess denied for user \'root\'@\'localhost\' (using password: YES)' % cid2,
          '%s\t%5d Query\tCREATE USER \'reporting\'@\'%%\' IDENTIFIED BY \'%s\'' % (d.T('mysqllog', 60, 600), cid2 + 1, d.cr('db_password', password(rng, 'phrase'))),
          '\t\t%5d Query\tSET PASSWORD FOR \'%s\'@\'localhost\' = PASSWORD(\'%s\')' % (cid2 + 1, s.dbuser, d.cr('db_password', password(rng, 'season'))),
          '\t\t%5d Query\tINSERT INTO `%swoocommerce_api_keys` (`user_id`, `description`, `permissions`, `consumer_key`, `consumer_secret`, `truncated_key`) VALUES (1, \'Zapier - API (%s)\', \'read_write\', \'%s\', \'%s\', \'%s\')' % (
              cid2 + 1, pre, d.now('mysql'), rs(rng, HEX, 64), d.cr('wc_consumer_secret', wc_cs(rng)), rs(rng, HEX, 7)),
          '\t\t%5d Query\tINSERT INTO `%soptions` (`option_name`, `option_value`, `autoload`) VALUES (\'sophmate_openrouter_key\', \'%s\', \'off\') ON DUPLICATE KEY UPDATE `option_name` = VALUES(`option_name`)' % (
              cid2 + 1, pre, d.pk('openrouter', k_openrouter(rng))),
          '\t\t%5d Query\tUPDATE `%soptions` SET `option_value` = \'%s\' WHERE `option_name` = \'sophmate_cohere_key\'' % (cid2 + 1, pre, d.pk('cohere', k_cohere(rng))),
          '\t\t%5d Quit\t' % cid2, '',
          '# Time: %s' % d.T('isoz', 60, 900), '# User@Host: %s[%s] @ localhost []' % (s.dbuser, s.dbuser),
          '# Thread_id: %d  Schema: %s  QC_hit: No' % (cid, s.dbname), '# Query_time: %d.%06d  Lock_time: 0.000123  Rows_sent: 1  Rows_examined: 48211' % (rng.randint(2, 9), rng.randint(0, 999999)),
          'SET timestamp=%s;' % d.now('epoch')]
    p = d.person()
    L.append("SELECT order_id FROM %swc_order_addresses WHERE address_type = 'billing' AND CONCAT(first_name,' ',last_name) LIKE '%%%s%%';" % (pre, d.N(p, sqlq)))
    return '\n'.join(L) + '\n'


# ============================================================================
# t3
# ============================================================================
def shuffled(d, pairs):
    pairs = list(pairs)
    d.rng.shuffle(pairs)
    return dict(pairs)


def t_stripe_webhooks(d):
    s, rng = d.site, d.rng
    L = []
    wh = d.pay('stripe_webhook_secret', whsec(rng))
    L.append('Webhook endpoint https://%s/?wc-api=wc_stripe (signing secret %s), deliveries from the Stripe dashboard:' % (d.K('domain', s.domain), wh))
    L.append('')
    for _ in range(d.n(3, 5)):
        p = d.person()
        o = d.order()
        pi, chg, cus, pm = d.K('gateway_id', pi_id(rng)), d.K('gateway_id', ch_id(rng)), d.K('gateway_id', cus_id(rng)), pm_id(rng)
        created = int(d.clock.tick(600, 40000).timestamp())
        d.K('timestamp', str(created))
        addr = shuffled(d, [('city', p.city), ('country', p.cc), ('line1', p.addr), ('line2', None), ('postal_code', p.postcode), ('state', p.region or None)])
        kind = rng.choice(['pi', 'charge', 'customer'])
        if kind == 'pi':
            obj = shuffled(d, [('id', pi), ('object', 'payment_intent'), ('amount', rng.randint(500, 50000)), ('currency', 'eur'),
                               ('client_secret', '%s_secret_%s' % (pi, d.pay('stripe_client_secret', rs(rng, ALNUM, 25)))),
                               ('customer', cus), ('latest_charge', chg), ('payment_method', pm), ('receipt_email', d.E(p)),
                               ('metadata', {'order_id': str(o), 'site_url': 'https://' + s.domain, 'customer_name': d.N(p)}),
                               ('shipping', {'address': addr, 'name': d.N(p), 'phone': d.P(p)}), ('status', 'succeeded')])
            etype = 'payment_intent.succeeded'
        elif kind == 'charge':
            obj = shuffled(d, [('id', chg), ('object', 'charge'), ('amount', rng.randint(500, 50000)), ('payment_intent', pi),
                               ('billing_details', {'address': addr, 'email': d.E(p), 'name': d.N(p), 'phone': d.P(p)}),
                               ('payment_method_details', {'card': {'brand': 'visa', 'country': p.cc, 'exp_month': rng.randint(1, 12), 'exp_year': rng.randint(2026, 2031),
                                                                    'fingerprint': rs(rng, ALNUM, 16), 'last4': rs(rng, DIG, 4)}, 'type': 'card'}),
                               ('balance_transaction', 'txn_3' + rs(rng, ALNUM, 23)), ('receipt_url', 'https://pay.stripe.com/receipts/payment/' + rs(rng, B64URL, 60)),
                               ('outcome', {'network_status': 'approved_by_network', 'risk_level': 'normal', 'seller_message': 'Payment complete.'})])
            etype = 'charge.succeeded'
        else:
            obj = shuffled(d, [('id', cus), ('object', 'customer'), ('address', addr), ('email', d.E(p)), ('name', d.N(p)), ('phone', d.P(p)),
                               ('invoice_prefix', rs(rng, UP + DIG, 8)), ('metadata', {'wp_user_id': str(rng.randint(2, 900))})])
            etype = 'customer.created'
        d.A(p)
        ev = shuffled(d, [('id', d.K('gateway_id', evt_id(rng))), ('object', 'event'), ('api_version', '2024-06-20'), ('created', created),
                          ('data', {'object': obj}), ('livemode', True), ('pending_webhooks', 1),
                          ('request', {'id': d.K('request_id', req_id(rng)), 'idempotency_key': d.K('request_id', uuid4(rng))}), ('type', etype)])
        minified = rng.random() < 0.35
        L += ['--- %s  %s  %s' % (d.now('iso'), etype, d.K('http_status', 'HTTP/1.1 200 OK')),
              'Stripe-Signature: t=%d,v1=%s,v0=%s' % (created, rs(rng, HEX, 64), rs(rng, HEX, 64)),
              json.dumps(ev, separators=(',', ':'), ensure_ascii=False) if minified else json.dumps(ev, indent=2, ensure_ascii=False), '']
    L += ['WC log: %s %s' % (d.T('iso'), 'Stripe webhook secret in settings was %s, test mode secret %s' % (
        d.pay('stripe_webhook_secret', whsec(rng)), d.pay('stripe_test_secret_key', stripe_key(rng, 'sk_test_')))), '']
    return '\n'.join(L)


def t_paypal_webhooks(d):
    s, rng = d.site, d.rng
    L = ['WooCommerce PayPal Payments — webhook & API log excerpt for %s' % d.K('domain', s.domain), '']
    cid, sec = pp_client_id(rng), pp_secret(rng)
    blob = d.pay('paypal_basic_auth', b64('%s:%s' % (cid, sec)))
    tok = d.pay('paypal_access_token', pp_token(rng))
    L += ['%s DEBUG POST https://api-m.paypal.com/v1/oauth2/token' % d.T('iso'),
          'Request Headers: {"Authorization":"Basic %s","Content-Type":"application/x-www-form-urlencoded"}' % blob,
          'Response Body: {"scope":"https://uri.paypal.com/services/invoicing openid","access_token":"%s","token_type":"Bearer","app_id":"APP-%s","expires_in":31668}' % (tok, rs(rng, UP + DIG, 17)), '']
    for _ in range(d.n(3, 5)):
        p = d.person()
        o = d.order()
        oid, cap = pp_order_id(rng), pp_order_id(rng)
        hdrs = ['PAYPAL-TRANSMISSION-ID: %s' % d.K('request_id', uuid4(rng)), 'PAYPAL-TRANSMISSION-TIME: %s' % d.K('timestamp', d.T('isoz', 300, 30000, keep=False)[:19] + 'Z'),
                'PAYPAL-AUTH-ALGO: SHA256withRSA', 'PAYPAL-CERT-URL: https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-%s' % rs(rng, HEX, 8)]
        if rng.random() < 0.5:
            d.K('gateway_id', oid)
            res = {'id': oid, 'intent': 'CAPTURE', 'status': 'APPROVED',
                   'payer': shuffled(d, [('name', {'given_name': d.F(p), 'surname': d.L(p)}), ('email_address', d.E(p)),
                                         ('payer_id', rs(rng, UP + DIG, 13)), ('address', {'country_code': p.cc})]),
                   'purchase_units': [{'reference_id': 'default', 'invoice_id': 'WC-%d' % o, 'custom_id': str(o),
                                       'shipping': {'name': {'full_name': d.N(p)}, 'address': shuffled(d, [
                                           ('address_line_1', d.A(p)), ('admin_area_2', p.city), ('admin_area_1', p.region or p.cc),
                                           ('postal_code', p.postcode), ('country_code', p.cc)])}}],
                   'create_time': d.now('isoz')[:19] + 'Z'}
            etype, summ = 'CHECKOUT.ORDER.APPROVED', 'An order has been approved by buyer'
        else:
            d.K('gateway_id', cap), d.K('gateway_id', oid)
            res = {'id': cap, 'status': 'COMPLETED', 'amount': {'currency_code': 'EUR', 'value': '%d.%02d' % (rng.randint(5, 400), rng.randint(0, 99))},
                   'final_capture': True, 'invoice_id': 'WC-%d' % o, 'custom_id': str(o),
                   'supplementary_data': {'related_ids': {'order_id': oid}},
                   'payee': {'email_address': 'payments@' + s.domain, 'merchant_id': rs(rng, UP + DIG, 13)}}
            etype, summ = 'PAYMENT.CAPTURE.COMPLETED', 'Payment completed for EUR %s' % res['amount']['value']
        d.K('order_number', 'WC-%d' % o)
        ev = {'id': 'WH-%s-%s' % (rs(rng, UP + DIG, 17), rs(rng, UP + DIG, 17)), 'event_version': '1.0', 'create_time': d.now('isoz')[:19] + 'Z',
              'resource_type': 'checkout-order' if etype.startswith('CHECKOUT') else 'capture', 'resource_version': '2.0',
              'event_type': etype, 'summary': summ, 'resource': res}
        L += ['%s INFO Webhook received: %s' % (d.now('iso'), etype)] + hdrs + [json.dumps(ev, indent=rng.choice([None, 4]), ensure_ascii=False), '']
    # legacy IPN
    p = d.person('US')
    ipn = [('mc_gross', '19.95'), ('protection_eligibility', 'Eligible'), ('address_status', 'confirmed'), ('payer_id', rs(rng, UP + DIG, 13)),
           ('address_street', d.cu('address', formq(p.addr))), ('payment_date', formq(d.T('rfc2822', keep=False))), ('payment_status', 'Completed'),
           ('first_name', d.cu('name', formq(p.first))), ('last_name', d.cu('name', formq(p.last))), ('payer_email', d.cu('email', formq(p.email))),
           ('contact_phone', d.cu('phone', formq(p.phone))), ('address_city', formq(p.city)), ('residence_country', 'US'),
           ('txn_id', d.K('gateway_id', rs(rng, UP + DIG, 17))), ('invoice', 'WC-%d' % d.order()), ('verify_sign', rs(rng, B64URL, 56))]
    L += ['%s DEBUG Legacy IPN body:' % d.now('iso'), '&'.join('%s=%s' % kv for kv in ipn), '']
    L += ['%s ERROR %s' % (d.T('iso'), d.K('error_message', 'Could not capture order: ORDER_NOT_APPROVED')),
          '%s DEBUG Request: GET https://api-m.paypal.com/v2/checkout/orders/%s -- Authorization: Bearer %s' % (d.T('iso'), d.K('gateway_id', pp_order_id(rng)), d.pay('paypal_access_token', tok)), '']
    return '\n'.join(L)


def t_md_ticket(d):
    s, rng = d.site, d.rng
    p = d.person(rng.choice(['JP', 'IN', 'BR', d.site.cc]))
    o = d.order()
    gem = d.pk('gemini', k_gemini(rng))
    L = ['# [BUG] SophMate answers in the wrong language for some customers (#%d)' % rng.randint(1000, 9999), '',
         '**Reporter:** store owner · **Site:** https://%s · **Plan:** Pro · **SophMate:** %s · **WooCommerce:** %s' % (
             d.K('domain', s.domain), sv(d, 's', version(rng, (3, 4))), sv(d, 'w', version(rng, (8, 9)))), '',
         '## Steps to reproduce', '',
         '1. Log in as the test customer `%s` / `%s` (sorry, it is a real account)' % (rs(rng, LO, 8), d.cr('wp_password', password(rng, 'phrase'))),
         '2. Open the chat on any product page and ask "where is my order?"',
         '3. The bot answers in English although the customer profile says `%s`' % rng.choice(['ja', 'pt_BR', 'hi_IN']), '',
         '## Customer details', '', '| Field | Value |', '|---|---|',
         '| Name | %s |' % (d.NJ(p) if p.cc == 'JP' else d.N(p)), '| Email | %s |' % d.E(p), '| Phone | `%s` |' % d.P(p),
         '| Address | %s, %s |' % (d.A(p), p.city), '| Order | %s |' % d.K('order_number', '#%d' % o), '| IP | %s |' % d.IP(p), '',
         '## Logs', '', '```log']
    for _ in range(d.n(6, 12)):
        L.append('[%s] SophMate [%s] Language detection fell back to "en" for order #%d (hook %s, request %s)' % (
            d.T('wp', 5, 400), code(d), o, hook(d), d.K('request_id', uuid4(rng))))
        if rng.random() < 0.4:
            L.append('[%s] PHP Deprecated:  Creation of dynamic property %s::$locale is deprecated in %s on line %d' % (
                d.now('wp'), d.K('class_name', rng.choice(CLASSNAMES)), ppath(d, 'sophmate/includes/i18n/class-locale.php'), rng.randint(10, 200)))
    L += ['```', '', '## Config', '', '```php', "define( 'SOPHMATE_PROVIDER', 'gemini' );",
          "define( 'SOPHMATE_GEMINI_KEY', '%s' );" % gem, "define( 'SOPHMATE_FALLBACK_KEY', '%s' ); // groq" % d.pk('groq', k_groq(rng)), '```', '',
          '- [x] Confirmed the key works: `curl -H "x-goog-api-key: %s" https://generativelanguage.googleapis.com/v1beta/models`' % d.pk('gemini', gem),
          '- [x] Created an application password for support: `%s`' % d.cr('wp_app_password', app_password(rng)),
          '- [x] Cleared transients (`wp transient delete --all`)', '- [ ] Checked with %s disabled' % d.K('plugin_slug', rng.choice(PLUGINS)), '',
          '> Quote from the customer (%s): "%s"' % (d.T('iso'), rng.choice([
              'Watashi no namae wa %s desu. Denwa wa %s.' % (d.NJ(p), d.P(p)) if p.cc == 'JP' else
              'Meu nome é %s e meu telefone é %s.' % (d.N(p), d.P(p)) if p.cc == 'BR' else
              'My name is %s, you can call me on %s.' % (d.N(p), d.P(p))])), '',
         '## Environment', '', '- PHP %s, MySQL %s' % (sv(d, 'php', '8.%d.%d' % (rng.randint(1, 3), rng.randint(0, 20))), sv(d, 'my', '8.0.%d' % rng.randint(30, 40))),
         '- Theme: storefront %s' % sv(d, 't', version(rng, (4, 4))), '- Build `%s`' % d.K('git_sha', git_sha(rng)),
         '- Assets: `/wp-content/plugins/sophmate/assets/chat.js?ver=%s`' % d.K('asset_hash', asset_hash(rng)), '',
         '## Also affected', '']
    for _ in range(d.n(3, 6)):
        q = d.person()
        L.append('- %s (%s), order %s, %s' % (d.N(q), d.E(q), d.K('order_number', '#%d' % d.order()), d.P(q)))
    h, body, f = pem(rng, rng.choice(['rsa', 'openssh']))
    L += ['', '## SFTP access', '', 'Host `%s`, user `support`, key below:' % s.server_ip, '', '```', h, d.cr('private_key', body), f, '```']
    brand, num = card(rng, rng.choice(['amex', 'discover', 'mc']))
    L += ['', '> PS from the customer: "I paid with %s, expiry %02d/%d, CID %s — did it go through?"' % (
        d.pay('card_number', fmt_card(num, rng.choice(['spaced', 'dashed', 'plain']))), rng.randint(1, 12), rng.randint(26, 31), d.cvv(4 if brand == 'amex' else 3))]
    L += ['', '---', '_Attached: `debug.log`, `sophmate-settings.json`, `logo@2x.png`_']
    d.K('asset_file', 'logo@2x.png')
    return '\n'.join(L) + '\n'


def t_journal(d):
    s, rng = d.site, d.rng
    host = rng.choice(['web-01', 'shop-prod', 'ip-10-0-3-12', 'vps%d' % rng.randint(1000, 9999)])
    wpid = rng.randint(1000, 40000)
    L = ['-- Journal begins at %s. --' % d.now('rfc2822')]
    co, rpw = d.pk('cohere', k_cohere(rng)), d.cr('redis_password', password(rng, 'hex'))
    L += ['%s %s systemd[1]: Started sophmate-worker.service - SophMate queue worker.' % (d.T('syslog'), host),
          '%s %s sophmate-worker[%d]: Loaded config from /etc/sophmate/worker.env' % (d.T('syslog', 0, 1), host, wpid),
          '%s %s sophmate-worker[%d]: env: SOPHMATE_PROVIDER=cohere COHERE_API_KEY=%s REDIS_URL=redis://:%s@127.0.0.1:6379/0 LOG_LEVEL=debug' % (
              d.T('syslog', 0, 1), host, wpid, co, rpw)]
    for _ in range(d.n(25, 45)):
        p = d.person()
        r = rng.random()
        ts = d.T('syslog', 1, 120)
        if r < 0.2:
            L.append('%s %s php-fpm[%d]: [WARNING] [pool www] child %d said into stderr: "NOTICE: PHP message: SophMate [%s] Embedding upsert failed for index kb-%s (Api-Key: %s)"' % (
                ts, host, rng.randint(500, 999), rng.randint(1000, 40000), code(d), s.slug, d.pk('pinecone', k_pinecone(rng, legacy=True))))
        elif r < 0.38:
            L.append('%s %s postfix/smtp[%d]: %s: to=<%s>, relay=smtp.sendgrid.net[167.89.%d.%d]:587, delay=%.1f, delays=0.1/0/0.6/0.5, dsn=2.0.0, status=sent (250 Ok: queued as %s)' % (
                ts, host, rng.randint(1000, 9000), rs(rng, UP + DIG, 10), d.E(p), rng.randint(1, 250), rng.randint(1, 250), rng.random() * 3, rs(rng, B64URL, 22)))
        elif r < 0.5:
            L.append('%s %s sophmate-worker[%d]: job=%s order=#%d customer="%s" <%s> status=failed err=%s' % (
                ts, host, wpid, hook(d), d.order(), d.N(p), d.E(p), code(d)))
        elif r < 0.6:
            L.append('%s %s nginx[%d]: %s - - [%s] "POST /wp-json/sophmate/v1/chat HTTP/2.0" %d %d' % (
                ts, host, rng.randint(800, 999), d.IP(p), d.clock.f('clf'), rng.choice([200, 500, 429]), rng.randint(100, 9000)))
        elif r < 0.68:
            L.append('%s %s CRON[%d]: (www-data) CMD (wp cron event run --due-now --path=%s >/dev/null 2>&1)' % (ts, host, rng.randint(1000, 99999), s.root))
        elif r < 0.76:
            L.append('%s %s mariadbd[%d]: %s 0 [Warning] Access denied for user \'%s\'@\'localhost\' (using password: YES)' % (
                ts, host, rng.randint(500, 999), d.clock.f('mysql'), s.dbuser))
        elif r < 0.84:
            L.append('%s %s kernel: [UFW BLOCK] IN=eth0 OUT= MAC=%s SRC=%d.%d.%d.%d DST=%s LEN=44 PROTO=TCP SPT=%d DPT=22' % (
                ts, host, ':'.join(rs(rng, HEX, 2) for _ in range(14)), rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), s.server_ip, rng.randint(1024, 65000)))
        elif r < 0.92:
            L.append('%s %s sophmate-worker[%d]: sms reminder queued for %s (%s) order #%d' % (ts, host, wpid, d.F(p), d.P(p), d.order()))
        else:
            L.append('%s %s sophmate-worker[%d]: provider=cohere status=401 request_id=%s hook=%s' % (ts, host, wpid, d.K('request_id', uuid4(rng)), hook(d)))
    L.append('$ journalctl -u sophmate-worker -o json -n 2')
    for _ in range(2):
        p = d.person()
        L.append(json.dumps({'__REALTIME_TIMESTAMP': str(int(d.clock.tick(1, 60).timestamp() * 1e6)), '_HOSTNAME': host, '_PID': str(wpid),
                             'SYSLOG_IDENTIFIER': 'sophmate-worker', 'MESSAGE': 'lookup_order email=%s phone=%s ip=%s' % (p.email, p.phone, p.ip)}, ensure_ascii=False))
        d.E(p), d.P(p), d.IP(p)
    L.append('%s %s sophmate-worker[%d]: shutting down, bye' % (d.T('syslog'), host, wpid))
    return '\n'.join(L) + '\n'


def t_stack_traces(d):
    s, rng = d.site, d.rng
    L = ['Stack traces collected from the %s stack on %s' % (d.K('domain', s.domain), d.T('iso')), '']
    # Python
    pgpw = d.cr('dsn_password', password(rng, 'alnum'))
    L += ['== recommender (python) ==', 'Traceback (most recent call last):',
          '  File "/srv/recommender/app/db.py", line %d, in connect' % rng.randint(10, 90),
          '    return psycopg2.connect(dsn)',
          '           ^^^^^^^^^^^^^^^^^^^^^',
          '  File "/srv/recommender/.venv/lib/python3.11/site-packages/psycopg2/__init__.py", line 122, in connect',
          '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
          'psycopg2.OperationalError: connection to server at "10.0.4.7", port 5432 failed: FATAL:  password authentication failed for user "recommender"',
          '', 'Local variables:', "    dsn = 'postgresql://recommender:%s@10.0.4.7:5432/orders'" % pgpw,
          "    openai_key = '%s'" % d.pk('openai', k_openai(rng, 'svcacct')), '']
    h, body, f = pem(rng, 'pkcs8')
    sa_body = d.cr('private_key', body.replace('\n', '\\n'))
    tok = d.cr('jwt', jwt(rng, {'sub': 'recommender', 'scope': 'orders:read', 'iat': int(d.clock.t.timestamp())}))
    L += ["    internal_token = '%s'" % tok, '    sa_info = {"type": "service_account", "project_id": "%s-recs", "private_key_id": "%s", "private_key": "%s\\n%s\\n%s\\n", "client_email": "recs@%s-recs.iam.gserviceaccount.com"}' % (
        s.slug, rs(rng, HEX, 40), h, sa_body, f, s.slug), '']
    # Node
    mpw = d.cr('dsn_password', password(rng, 'alnum'))
    p = d.person()
    L += ['== storefront-ssr (node) ==',
          'MongoServerError: bad auth : authentication failed',
          '    at Connection.onMessage (/srv/ssr/node_modules/mongodb/lib/cmap/connection.js:%d:%d)' % (rng.randint(100, 400), rng.randint(5, 40)),
          '    at MessageStream.<anonymous> (/srv/ssr/node_modules/mongodb/lib/cmap/connection.js:%d:%d)' % (rng.randint(50, 99), rng.randint(5, 40)),
          '    at processTicksAndRejections (node:internal/process/task_queues:95:5) {',
          '  ok: 0,', "  code: 8000,", "  codeName: 'AtlasError',",
          "  connectionString: 'mongodb+srv://ssr_app:%s@cluster0.%s.mongodb.net/shop?retryWrites=true'," % (mpw, rs(rng, LO + DIG, 5)),
          '  config: {', "    sendgridKey: '%s'," % d.cr('sendgrid_key', sendgrid(rng)),
          "    lastCustomer: { name: '%s', email: '%s', phone: '%s' }" % (d.N(p, lambda x: x.replace("'", "\\'")), d.E(p), d.P(p)), '  }', '}', '']
    # Java
    jpw = password(rng, 'alnum')
    L += ['== erp-bridge (java) ==',
          '%s ERROR [main] c.s.erp.OrderSync - Sync failed for order %s' % (d.T('mysql'), d.K('order_number', '#%d' % d.order())),
          'java.sql.SQLException: Access denied for user \'erp\'@\'10.0.4.9\' (using password: YES)',
          '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)',
          '\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:%d)' % rng.randint(800, 900),
          '\tat com.sophmate.erp.OrderSync.run(OrderSync.java:%d)' % rng.randint(30, 200),
          'Caused by: com.mysql.cj.exceptions.CJException: jdbc:mysql://10.0.4.9:3306/%s?user=erp&password=%s&useSSL=true' % (s.dbname, d.cr('db_password', jpw)),
          '\t... 12 more', '']
    # PHP PDO / Laravel-ish
    ppw = d.cr('db_password', password(rng, 'sym').replace("'", ''))
    L += ['== wordpress (php) ==',
          '[%s] PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied for user \'%s\'@\'localhost\' (using password: YES) in %s:%d' % (
              d.T('wp'), s.dbuser, ppath(d, 'sophmate/includes/analytics/class-store.php'), rng.randint(20, 80)),
          'Stack trace:',
          "#0 %s(%d): PDO->__construct('mysql:host=127.0.0.1;port=3306;dbname=%s;charset=utf8mb4', '%s', '%s', Array)" % (
              ppath(d, 'sophmate/includes/analytics/class-store.php', None), rng.randint(20, 80), s.dbname, s.dbuser, ppw),
          "#1 %s(%d): SophMate\\Analytics\\Store->connect()" % (ppath(d, 'sophmate/includes/analytics/class-reporter.php'), rng.randint(20, 80)),
          "#2 %s/wp-includes/class-wp-hook.php(324): SophMate\\Analytics\\Reporter->flush('')" % s.root,
          "#3 %s/wp-includes/class-wp-hook.php(348): WP_Hook->apply_filters(NULL, Array)" % s.root,
          "#4 %s/wp-includes/plugin.php(517): WP_Hook->do_action(Array)" % s.root,
          "#5 %s/wp-cron.php(191): do_action_ref_array('%s', Array)" % (s.root, hook(d)),
          '#6 {main}', '  thrown in %s on line %d' % (ppath(d, 'sophmate/includes/analytics/class-store.php'), rng.randint(20, 80)), '']
    rpw = d.cr('redis_password', password(rng, 'phrase'))
    L += ["[%s] PHP Fatal error:  Uncaught RedisException: WRONGPASS invalid username-password pair or user is disabled. in %s/wp-content/object-cache.php:%d" % (d.T('wp'), s.root, rng.randint(700, 900)),
          'Stack trace:', "#0 %s/wp-content/object-cache.php(%d): Redis->auth(Array)" % (s.root, rng.randint(700, 900)),
          "#1 %s/wp-content/object-cache.php(%d): WP_Object_Cache->connect_using_phpredis(Array('host' => '127.0.0.1', 'port' => 6379, 'password' => Array('default', '%s'), 'database' => 0))" % (s.root, rng.randint(700, 900), rpw),
          '#2 {main}', '']
    # Go
    gtoken = d.cr('github_token', gh_pat(rng))
    L += ['== image-sync (go) ==', 'panic: GET https://api.github.com/repos/%s/theme/releases/latest: 401 Bad credentials []' % s.slug, '',
          'goroutine 1 [running]:', 'main.fetchRelease({0xc000126000, 0x28}, {0xc00012a000, 0x%x})' % rng.randint(30, 90),
          '\t/src/image-sync/main.go:%d +0x1a5' % rng.randint(30, 120), 'main.main()', '\t/src/image-sync/main.go:%d +0x85' % rng.randint(10, 30),
          'exit status 2', 'env GITHUB_TOKEN=%s AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s' % (gtoken, d.cr('aws_access_key_id', aws_id(rng)), d.cr('aws_secret_access_key', aws_secret(rng))), '']
    for _ in range(d.n(3, 8)):
        L.append('[%s] PHP Warning:  %s in %s on line %d' % (d.T('wp'), d.K('error_message', rng.choice([
            'Attempt to read property "billing_email" on null', 'Undefined array key "choices"', 'array_key_exists(): Argument #2 ($array) must be of type array, null given'])),
            ppath(d, 'sophmate/includes/providers/class-provider-base.php'), rng.randint(20, 400)))
    return '\n'.join(L) + '\n'


def t_wp_config_php(d):
    s, rng = d.site, d.rng
    dq = rng.random() < 0.5
    q = '"' if dq else "'"

    def df(name, v, sp=None):
        sp = sp if sp is not None else rng.choice(['', ' '])
        return 'define(%s%s%s%s,%s%s%s%s%s);' % (sp, q, name, q, sp or rng.choice(['', ' ']), q, v, q, sp)
    L = ['<?php', '/**', ' * The base configuration for WordPress', ' * (copied by the owner from %s/wp-config.php)' % s.root, ' */', '',
         '// ** Database settings ** //', df('DB_NAME', s.dbname), df('DB_USER', s.dbuser),
         df('DB_PASSWORD', d.cr('db_password', password(rng, 'sym'))),
         "define( 'DB_HOST', getenv( 'WORDPRESS_DB_HOST' ) ?: '127.0.0.1:3306' );", df('DB_CHARSET', 'utf8mb4'), '',
         '/**#@+', ' * Authentication unique keys and salts.', ' * Change these to different unique phrases! You can generate these using', ' * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.', ' */']
    for k in ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']:
        L.append(df(k, d.cr('wp_salt', salt(rng)), sp=rng.choice(['', ' '])))
    L += ['/**#@-*/', '', "$table_prefix = '%s';" % s.prefix, '',
          "define( 'WP_REDIS_PASSWORD', [ 'sophmate', '%s' ] );" % d.cr('redis_password', password(rng, 'alnum')),
          df('FTP_USER', 'deploy'), df('FTP_PASS', d.cr('ftp_password', password(rng, 'sym'))), df('FTP_HOST', 'ftp.' + s.domain),
          df('WPMS_ON', 'true'), df('WPMS_SMTP_PASS', d.cr('smtp_password', password(rng, 'season'))),
          df('WP_MAIL_SMTP_MAILGUN_API_KEY', d.cr('mailgun_key', mailgun(rng))),
          "define( 'AS3CF_SETTINGS', serialize( array(", "    'provider' => 'aws',",
          "    'access-key-id' => '%s'," % d.cr('aws_access_key_id', aws_id(rng)),
          "    'secret-access-key' => '%s'," % d.cr('aws_secret_access_key', aws_secret(rng)), ") ) );",
          df('JWT_AUTH_SECRET_KEY', d.cr('jwt_secret', rs(rng, ALNUM + '!@%^*()-_=+', 48))),
          df('SOPHMATE_XAI_KEY', d.pk('xai', k_xai(rng))), df('SOPHMATE_REPLICATE_TOKEN', d.pk('replicate', k_replicate(rng))),
          '$sophmate_keys = [', "    'perplexity' => '%s'," % d.pk('perplexity', k_pplx(rng)),
          "    'elevenlabs' => '%s'," % d.pk('elevenlabs', k_eleven(rng)), "    'pinecone'   => '%s'," % d.pk('pinecone', k_pinecone(rng)),
          "    'mistral'    => '%s'," % d.pk('mistral', k_mistral(rng)), "    'deepseek'   => '%s'," % d.pk('deepseek', k_deepseek(rng)), '];',
          df('SOPHMATE_BRAINTREE_TOKEN', d.pay('braintree_access_token', braintree_token(rng))),
          df('SQUARE_APPLICATION_SECRET', d.pay('square_app_secret', square_secret(rng))),
          "define( 'WP_CACHE_KEY_SALT', '%s:' );" % s.domain, df('WP_DEBUG', 'true'), df('WP_DEBUG_LOG', '/var/log/wp/%s-debug.log' % s.slug),
          "define( 'WP_ENVIRONMENT_TYPE', 'production' );", "define( 'SOPHMATE_VERSION_PIN', '%s' );" % sv(d, 's', version(rng, (3, 4))), '',
          "/* That's all, stop editing! Happy publishing. */", "if ( ! defined( 'ABSPATH' ) ) {", "\tdefine( 'ABSPATH', __DIR__ . '/' );", '}',
          "require_once ABSPATH . 'wp-settings.php';", '', '// ---- wp config shuffle-salts output pasted below by the owner ----',
          '$ wp config shuffle-salts', 'Success: Shuffled the salt keys.', '', '// ---- recent debug.log ----']
    for _ in range(d.n(12, 25)):
        L.append('[%s] PHP Notice:  Constant %s already defined in %s on line %d' % (
            d.T('wp', 10, 900), rng.choice(['WP_DEBUG', 'FTP_USER', 'SOPHMATE_XAI_KEY']), d.K('file_path', s.root + '/wp-config.php'), rng.randint(20, 120)))
        if rng.random() < 0.4:
            L.append('[%s] SophMate [%s] %s (hook %s)' % (d.now('wp'), code(d), d.K('error_message', 'Provider credentials missing for fallback chain'), hook(d)))
    return '\n'.join(L) + '\n'


def t_ai_ndjson(d):
    s, rng = d.site, d.rng
    L = []
    provs = ['xai', 'perplexity', 'replicate', 'gemini', 'anthropic', 'cohere', 'mistral', 'openrouter', 'deepseek', 'groq', 'huggingface', 'elevenlabs', 'pinecone', 'openai']
    MSG = {'ES': 'Hola, soy {full}, mi pedido {order} no ha llegado. Vivo en {addr}, {city}. Mi teléfono es {phone}',
           'BR': 'Olá! Sou {full}, pedido {order}. Endereço {addr}, {city}. Tel {phone}, e-mail {email}',
           'JP': 'Sumimasen, {full_jp} desu. Chuumon {order}. Juusho {addr}. Denwa {phone}.',
           'IN': 'Namaste, I am {full} from {city}. Order {order} not delivered to {addr}. Call {phone}',
           'DE': 'Guten Tag, {full} hier. Bestellung {order}, Adresse {addr}, {city}. Tel. {phone}',
           None: 'hi this is {full}, order {order} - can you send to {addr}, {city}? phone {phone}, email {email}'}
    for _ in range(d.n(9, 16)):
        pv = rng.choice(provs)
        p = d.person()
        o = d.order()
        tpl = MSG.get(p.cc, MSG[None])
        vals = dict(order='#%d' % o, city=p.city)
        for k, f in [('full', p.full), ('full_jp', p.full_jp), ('addr', p.addr), ('phone', p.phone), ('email', p.email)]:
            if '{%s}' % k in tpl:
                vals[k] = f
        content = tpl.format(**vals)
        for k, kind in [('full', 'name'), ('full_jp', 'name'), ('addr', 'address'), ('phone', 'phone'), ('email', 'email')]:
            if k in vals:
                d.cu(kind, jesc(vals[k], ascii_only=False))
        d.K('order_number', '#%d' % o)
        hdr, url, rid = {}, '', None
        if pv == 'xai':
            hdr = {'authorization': 'Bearer ' + d.pk('xai', k_xai(rng))}; url = 'https://api.x.ai/v1/chat/completions'; rid = chatcmpl(rng)
        elif pv == 'perplexity':
            hdr = {'Authorization': 'Bearer ' + d.pk('perplexity', k_pplx(rng))}; url = 'https://api.perplexity.ai/chat/completions'; rid = uuid4(rng)
        elif pv == 'replicate':
            hdr = {'Authorization': 'Token ' + d.pk('replicate', k_replicate(rng))}; url = 'https://api.replicate.com/v1/models/meta/meta-llama-3-70b-instruct/predictions'; rid = uuid4(rng)
        elif pv == 'gemini':
            url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent?key=' + d.pk('gemini', k_gemini(rng)); rid = uuid4(rng)
        elif pv == 'anthropic':
            hdr = {'x-api-key': d.pk('anthropic', k_anthropic(rng)), 'anthropic-version': '2023-06-01'}; url = 'https://api.anthropic.com/v1/messages'; rid = msg_id(rng)
        elif pv == 'cohere':
            hdr = {'Authorization': 'bearer ' + d.pk('cohere', k_cohere(rng))}; url = 'https://api.cohere.com/v2/chat'; rid = uuid4(rng)
        elif pv == 'mistral':
            hdr = {'Authorization': 'Bearer ' + d.pk('mistral', k_mistral(rng))}; url = 'https://api.mistral.ai/v1/chat/completions'; rid = rs(rng, HEX, 32)
        elif pv == 'openrouter':
            hdr = {'Authorization': 'Bearer ' + d.pk('openrouter', k_openrouter(rng)), 'HTTP-Referer': 'https://' + s.domain}; url = 'https://openrouter.ai/api/v1/chat/completions'; rid = 'gen-%d-%s' % (rng.randint(1700000000, 1760000000), rs(rng, ALNUM, 20))
        elif pv == 'deepseek':
            hdr = {'Authorization': 'Bearer ' + d.pk('deepseek', k_deepseek(rng))}; url = 'https://api.deepseek.com/chat/completions'; rid = uuid4(rng)
        elif pv == 'groq':
            hdr = {'Authorization': 'Bearer ' + d.pk('groq', k_groq(rng))}; url = 'https://api.groq.com/openai/v1/chat/completions'; rid = chatcmpl(rng)
        elif pv == 'huggingface':
            hdr = {'Authorization': 'Bearer ' + d.pk('huggingface', k_hf(rng))}; url = 'https://api-inference.huggingface.co/models/mistralai/Mistral-7B-Instruct-v0.3'; rid = uuid4(rng)
        elif pv == 'elevenlabs':
            hdr = {'xi-api-key': d.pk('elevenlabs', k_eleven(rng, legacy=rng.random() < 0.5))}; url = 'https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM'; rid = uuid4(rng)
        elif pv == 'pinecone':
            hdr = {'Api-Key': d.pk('pinecone', k_pinecone(rng, legacy=rng.random() < 0.5)), 'X-Pinecone-API-Version': '2024-07'}; url = 'https://kb-%s-%s.svc.aped-4627-b74a.pinecone.io/query' % (s.slug, rs(rng, LO + DIG, 7)); rid = uuid4(rng)
        else:
            hdr = {'Authorization': 'Bearer ' + d.pk('openai', k_openai(rng))}; url = 'https://api.openai.com/v1/chat/completions'; rid = chatcmpl(rng)
        hdr['content-type'] = 'application/json'
        rec = {'ts': d.T('isoms', 5, 600), 'level': 'debug', 'provider': pv, 'hook': hook(d),
               'request': {'method': 'POST', 'url': url, 'headers': hdr, 'body': {'messages': [{'role': 'user', 'content': content}]}},
               'response': {'status': rng.choice([200, 200, 401, 429, 500]), 'id': d.K('request_id', rid), 'latency_ms': rng.randint(200, 9000)}}
        L.append(json.dumps(rec, ensure_ascii=False))
    return '\n'.join(L) + '\n'


def t_square_braintree(d):
    s, rng = d.site, d.rng
    L = []
    tok = d.pay('square_access_token', square_token(rng))
    L += ['%s DEBUG Square Request' % d.T('iso'), 'Method: POST', 'URI: https://connect.squareup.com/v2/payments',
          'Headers: Array', '(', '    [Square-Version] => 2024-10-17', '    [Authorization] => Bearer %s' % tok, '    [Content-Type] => application/json', ')']
    for _ in range(d.n(3, 6)):
        p = d.person()
        o = d.order()
        body = {'idempotency_key': d.K('request_id', uuid4(rng)), 'source_id': 'cnon:CBASE' + rs(rng, ALNUM, 20),
                'amount_money': {'amount': rng.randint(500, 50000), 'currency': 'AUD'}, 'reference_id': str(o),
                'buyer_email_address': d.E(p), 'billing_address': {'address_line_1': d.A(p), 'locality': p.city, 'postal_code': p.postcode,
                                                                   'country': p.cc, 'first_name': d.F(p), 'last_name': d.L(p)}}
        d.K('order_number', str(o))
        L += ['%s DEBUG Square Request Body: %s' % (d.T('iso', 1, 600), json.dumps(body, ensure_ascii=False)),
              '%s DEBUG Square Response Code: %s' % (d.T('iso', 1, 3), d.K('http_status', '200')),
              '%s DEBUG Square Response Body: {"payment":{"id":"%s","status":"COMPLETED","card_details":{"card":{"card_brand":"VISA","last_4":"%s","exp_month":%d}},"receipt_number":"%s"}}' % (
                  d.now('iso'), rs(rng, ALNUM, 29), rs(rng, DIG, 4), rng.randint(1, 12), rs(rng, UP + DIG, 4))]
    L += ['%s DEBUG Square OAuth token refresh: {"client_id":"sq0idp-%s","client_secret":"%s","grant_type":"refresh_token","refresh_token":"%s"}' % (
        d.T('iso'), rs(rng, B64URL, 22), d.pay('square_app_secret', square_secret(rng)), d.pay('square_refresh_token', 'EQAA' + rs(rng, B64URL, 60))), '']
    bt = d.pay('braintree_access_token', braintree_token(rng))
    priv = d.pay('braintree_private_key', rs(rng, HEX, 32))
    L += ['== Braintree ==', "%s INFO Braintree\\Configuration::environment('production'); merchantId('%s'); publicKey('%s'); privateKey('%s');" % (
        d.T('iso'), rs(rng, LO + DIG, 16), rs(rng, LO + DIG, 16), priv),
          "%s INFO new Braintree\\Gateway(['accessToken' => '%s'])" % (d.T('iso'), bt)]
    for _ in range(d.n(2, 4)):
        p = d.person()
        brand, num = card(rng, rng.choice(['visa', 'mc', 'discover']))
        L += ['%s DEBUG Braintree XML response:' % d.T('iso', 60, 900), '<customer>', '  <id>%s</id>' % rs(rng, DIG, 9),
              '  <first-name>%s</first-name>' % d.F(p, lambda x: x.replace("'", '&apos;')), '  <last-name>%s</last-name>' % d.L(p, lambda x: x.replace("'", '&apos;')),
              '  <email>%s</email>' % d.E(p), '  <phone>%s</phone>' % d.P(p), '  <credit-cards type="array">', '    <credit-card>',
              '      <bin>%s</bin>' % num[:6], '      <last-4>%s</last-4>' % num[-4:], '      <card-type>%s</card-type>' % brand,
              '      <token>%s</token>' % rs(rng, LO + DIG, 7), '      <billing-address><street-address>%s</street-address><locality>%s</locality></billing-address>' % (d.A(p), p.city),
              '    </credit-card>', '  </credit-cards>', '</customer>',
              '%s ERROR Braintree\\Exception\\ServerError during sale; raw request had number=%s cvv=%s' % (d.now('iso'), d.pay('card_number', fmt_card(num, 'dashed')), d.cvv())]
    L += ['%s ERROR %s: %s (%s)' % (d.T('iso'), d.K('class_name', 'Braintree\\Exception\\Authentication'), d.K('error_message', 'Authentication failed, check your API keys'), ppath(d, 'braintree-for-woocommerce/includes/class-wc-braintree-api.php', rng.randint(50, 400)))]
    return '\n'.join(L) + '\n'


def t_smtp_debug(d):
    s, rng = d.site, d.rng
    L = []
    user = s.admin
    pw = password(rng, 'sym')
    L += ['WP Mail SMTP debug events export (%s)' % d.K('domain', s.domain), '']
    for i in range(d.n(2, 4)):
        p = d.person()
        o = d.order()
        ts = lambda: d.T('mysql', 0, 1, keep=False)
        L += ['Event #%d %s  Mailer: Other SMTP  Plugin: %s %s' % (rng.randint(100, 9999), d.T('mysql'), d.K('plugin_slug', 'wp-mail-smtp'), sv(d, 'm', version(rng, (3, 4)))),
              '%s\tSERVER -> CLIENT: 220 smtp.office365.com Microsoft ESMTP MAIL Service ready' % ts(),
              '%s\tCLIENT -> SERVER: EHLO %s' % (ts(), s.domain), '%s\tSERVER -> CLIENT: 250-AUTH LOGIN XOAUTH2' % ts()]
        if i % 2 == 0:
            L += ['%s\tCLIENT -> SERVER: AUTH LOGIN' % ts(), '%s\tSERVER -> CLIENT: 334 VXNlcm5hbWU6' % ts(),
                  '%s\tCLIENT -> SERVER: %s' % (ts(), b64(user)), '%s\tSERVER -> CLIENT: 334 UGFzc3dvcmQ6' % ts(),
                  '%s\tCLIENT -> SERVER: %s' % (ts(), d.cr('smtp_password', b64(pw)))]
        else:
            L += ['%s\tCLIENT -> SERVER: AUTH PLAIN %s' % (ts(), d.cr('smtp_password', b64('\0%s\0%s' % (user, pw))))]
        L += ['%s\tSERVER -> CLIENT: 235 2.7.0 Authentication successful' % ts(),
              '%s\tCLIENT -> SERVER: MAIL FROM:<orders@%s>' % (ts(), s.domain), '%s\tCLIENT -> SERVER: RCPT TO:<%s>' % (ts(), d.E(p)),
              '%s\tCLIENT -> SERVER: DATA' % ts(), '%s\tCLIENT -> SERVER: Date: %s' % (ts(), d.now('rfc2822')),
              '%s\tCLIENT -> SERVER: To: %s <%s>' % (ts(), d.N(p), d.E(p)),
              '%s\tCLIENT -> SERVER: Subject: Your %s order #%d has shipped' % (ts(), s.name, o),
              '%s\tCLIENT -> SERVER: Message-ID: <%s@%s>' % (ts(), rs(rng, ALNUM, 32), s.domain),
              '%s\tCLIENT -> SERVER: ' % ts(), '%s\tCLIENT -> SERVER: Hi %s,' % (ts(), d.F(p)),
              '%s\tCLIENT -> SERVER: Your order is on its way to:' % ts(), '%s\tCLIENT -> SERVER: %s' % (ts(), d.A(p)),
              '%s\tCLIENT -> SERVER: %s %s' % (ts(), p.postcode, p.city), '%s\tCLIENT -> SERVER: We will text %s when it is out for delivery.' % (ts(), d.P(p)),
              '%s\tCLIENT -> SERVER: .' % ts(), '%s\tSERVER -> CLIENT: 250 2.0.0 OK <%s@%s> [Hostname=%s.eurprd04.prod.outlook.com]' % (ts(), rs(rng, ALNUM, 32), s.domain, rs(rng, UP + DIG, 12)),
              '%s\tCLIENT -> SERVER: QUIT' % ts(), '']
    L += ['$ swaks --to test@%s --server smtp.mailgun.org:587 --auth LOGIN --auth-user postmaster@mg.%s --auth-password \'%s\' --tls' % (
        s.domain, s.domain, d.cr('smtp_password', password(rng, 'phrase'))),
          '=== Trying smtp.mailgun.org:587...', '<~  235 2.0.0 OK', '',
          'Mailer settings (from WP Mail SMTP > Tools > Export):',
          json.dumps({'mail': {'mailer': 'mailgun', 'from_email': 'orders@' + s.domain}, 'mailgun': {'api_key': d.cr('mailgun_key', mailgun(rng)), 'domain': 'mg.' + s.domain},
                      'sendgrid': {'api_key': d.cr('sendgrid_key', sendgrid(rng))}, 'smtp': {'pass': d.cr('smtp_password', password(rng, 'alnum'))}}, indent=2), '']
    for _ in range(d.n(3, 8)):
        p = d.person()
        L.append('[%s] WP Mail SMTP: Mailer: Mailgun, %s. Recipient: %s, order #%d' % (d.T('wp', 30, 3000), d.K('error_message', 'Forbidden'), d.E(p), d.order()))
    return '\n'.join(L) + '\n'


def t_ci_log(d):
    s, rng = d.site, d.rng
    sha = d.K('git_sha', git_sha(rng))
    gp, gs = d.cr('github_token', gh_pat(rng, 'fine')), d.cr('github_token', gh_pat(rng, 'ghs'))
    d.again(gp)
    ftp = d.cr('ftp_password', password(rng, 'sym').replace("'", ''))
    ssh = d.cr('http_password', password(rng, 'phrase'))
    h, body, f = pem(rng, 'ec')
    for line in body.split('\n'):
        d.cr('private_key', line)
    pk = rs(rng, HEX, 40)
    ts = lambda: d.T('gha', 0, 20, keep=False)
    L = ['%s ##[group]Run actions/checkout@v4' % d.T('gha'), '%s with:' % ts(), '%s   repository: %s/shop-theme' % (ts(), s.slug),
         '%s   ref: %s' % (ts(), sha), '%s ##[endgroup]' % ts(),
         '%s ##[group]Run composer config --global github-oauth.github.com %s' % (ts(), gp),
         '%s composer config --global github-oauth.github.com %s' % (ts(), gp),
         '%s shell: /usr/bin/bash -e {0}' % ts(), '%s env:' % ts(),
         '%s   COMPOSER_AUTH: {"github-oauth":{"github.com":"%s"},"http-basic":{"repo.packagist.com":{"username":"token","password":"%s"}}}' % (
             ts(), d.cr('github_token', gh_pat(rng)), d.cr('url_token', pk)), '%s ##[endgroup]' % ts(),
         '%s Installing dependencies from lock file (including require-dev)' % ts(),
         '%s   - Installing sophmate/sdk (%s): Extracting archive' % (ts(), sv(d, 's', version(rng, (3, 4)))),
         '%s ##[group]Run git clone https://x-access-token:%s@github.com/%s/private-plugins.git' % (ts(), gs, s.slug),
         '%s Cloning into \'private-plugins\'...' % ts(), '%s ##[endgroup]' % ts(),
         '%s ##[group]Run echo "$DEPLOY_KEY" > ~/.ssh/id_ecdsa' % ts()]
    for line in [h] + body.split('\n') + [f]:
        L.append('%s %s' % (ts(), line))
    L += ['%s ##[endgroup]' % ts(), '%s ##[group]Run lftp -u deploy,\'%s\' sftp://ftp.%s -e "mirror -R dist/ public_html/wp-content/themes/shop; bye"' % (ts(), ftp, s.domain),
          '%s mirror: Access failed: /public_html/wp-content/themes/shop/assets/logo@2x.png: No such file' % ts(),
          '%s ##[endgroup]' % ts(), '%s ##[group]Run sshpass -p \'%s\' rsync -az dist/ deploy@%s:%s/wp-content/themes/shop/' % (ts(), ssh, s.server_ip, s.root),
          '%s Warning: Permanently added \'%s\' (ED25519) to the list of known hosts.' % (ts(), s.server_ip), '%s ##[endgroup]' % ts(),
          '%s ##[group]Run aws s3 sync dist/ s3://%s-assets/ --delete' % (ts(), s.slug), '%s env:' % ts(),
          '%s   AWS_ACCESS_KEY_ID: %s' % (ts(), d.cr('aws_access_key_id', aws_id(rng))), '%s   AWS_SECRET_ACCESS_KEY: %s' % (ts(), d.cr('aws_secret_access_key', aws_secret(rng))),
          '%s   AWS_REGION: ap-southeast-2' % ts(), '%s upload: dist/assets/app.css to s3://%s-assets/assets/app.css' % (ts(), s.slug), '%s ##[endgroup]' % ts(),
          '%s ##[group]Run curl -fsS -X POST -H "Content-type: application/json" --data \'{"text":"Deployed %s"}\' %s' % (ts(), sha[:7], '%s'), ]
    url, sec = slack_hook(rng)
    d.cr('slack_webhook', sec)
    L[-1] = L[-1] % url
    L += ['%s ok' % ts(), '%s ##[endgroup]' % ts(),
          '%s ##[group]Run wp --url=https://%s sophmate selftest' % (ts(), d.K('domain', s.domain)),
          '%s Error: [%s] %s' % (ts(), code(d), d.K('error_message', 'Self-test failed: provider returned 401')),
          '%s Asset check: %s/wp-content/plugins/sophmate/assets/chat.css?ver=%s OK' % (ts(), s.domain, d.K('asset_hash', asset_hash(rng))),
          '%s ##[error]Process completed with exit code 1.' % ts(), '%s Post job cleanup.' % ts(),
          '%s [command]/usr/bin/git version' % ts(), '%s git version 2.47.1' % ts(), '%s Cleaning up orphan processes' % ts()]
    d.K('asset_file', 'logo@2x.png')
    for _ in range(d.n(10, 25)):
        L.append('%s   - Installing %s (v%s): Extracting archive' % (ts(), rng.choice(['symfony/console', 'guzzlehttp/guzzle', 'stripe/stripe-php', 'monolog/monolog', 'paypal/paypal-server-sdk']), sv(d, 'x', version(rng))))
    return '\n'.join(L) + '\n'


def t_har(d):
    s, rng = d.site, d.rng
    ch = rs(rng, HEX, 32)
    entries = []
    for _ in range(d.n(2, 4)):
        p = d.person()
        user = rs(rng, LO, 7)
        exp = int(d.clock.t.timestamp()) + 172800
        li = d.cr('wp_cookie', '%s%%7C%d%%7C%s%%7C%s' % (user, exp, rs(rng, ALNUM, 43), rs(rng, HEX, 64)))
        sess = d.cr('wp_cookie', '%d%%7C%%7C%d%%7C%%7C%d%%7C%%7C%s' % (rng.randint(1, 9000), exp, exp - 3600, rs(rng, HEX, 32)))
        fields = [('billing_first_name', p.first, 'name'), ('billing_last_name', p.last, 'name'), ('billing_address_1', p.addr, 'address'),
                  ('billing_phone', p.phone, 'phone'), ('billing_email', p.email, 'email')]
        text = '&'.join('%s=%s' % (k, formq(v)) for k, v, _ in fields) + '&woocommerce-process-checkout-nonce=' + nonce(rng)
        for k, v, kind in fields:
            d.cu(kind, formq(v))
        params = [{'name': k, 'value': v} for k, v, _ in fields]
        for k, v, kind in fields:
            d.cu(kind, jesc(v, ascii_only=False))
        entries.append({'startedDateTime': d.T('isoms', 30, 900), 'time': rng.randint(100, 9000),
                        'request': {'method': 'POST', 'url': 'https://%s/?wc-ajax=checkout' % d.K('domain', s.domain), 'httpVersion': 'h2',
                                    'headers': [{'name': 'cookie', 'value': 'wordpress_logged_in_%s=%s; wp_woocommerce_session_%s=%s' % (ch, li, ch, sess)},
                                                {'name': 'user-agent', 'value': ua(d)}],
                                    'postData': {'mimeType': 'application/x-www-form-urlencoded; charset=UTF-8', 'text': text, 'params': params}},
                        'response': {'status': 500, 'statusText': 'Internal Server Error', 'httpVersion': 'h2',
                                     'headers': [{'name': 'x-request-id', 'value': d.K('request_id', uuid4(rng))}],
                                     'content': {'mimeType': 'application/json', 'text': json.dumps({'result': 'failure', 'messages': '<ul class="woocommerce-error"><li>%s</li></ul>' % d.K('error_message', 'There was an error processing your order. Please check for any charges in your payment method.')})}},
                        'serverIPAddress': '203.0.113.%d' % rng.randint(1, 250)})
        brand, num = card(rng)
        cf = d.pay('card_number', fmt_card(num, 'spaced', sep='+'))
        pk = d.pay('stripe_publishable_key', stripe_key(rng, 'pk_live_'))
        cvc = d.cvv(4 if brand == 'amex' else 3)
        entries.append({'startedDateTime': d.T('isoms', 1, 5), 'time': rng.randint(100, 900),
                        'request': {'method': 'POST', 'url': 'https://api.stripe.com/v1/payment_methods', 'httpVersion': 'h2', 'headers': [],
                                    'postData': {'mimeType': 'application/x-www-form-urlencoded',
                                                 'text': 'type=card&card[number]=%s&card[cvc]=%s&card[exp_month]=%02d&card[exp_year]=%d&billing_details[name]=%s&key=%s' % (
                                                     cf, cvc, rng.randint(1, 12), rng.randint(26, 31), d.N(p, formq), pk)}},
                        'response': {'status': 200, 'statusText': '', 'content': {'text': json.dumps({'id': d.K('gateway_id', pm_id(rng)), 'object': 'payment_method'})}}})
    har = {'log': {'version': '1.2', 'creator': {'name': 'WebInspector', 'version': '537.36'}, 'pages': [], 'entries': entries}}
    return json.dumps(har, indent=2, ensure_ascii=False) + '\n'


def t_sentry(d):
    s, rng = d.site, d.rng
    out = []
    for _ in range(d.n(2, 3)):
        p = d.person()
        mk = d.pk('mistral', k_mistral(rng))
        ev = {'event_id': rs(rng, HEX, 32), 'timestamp': d.T('isoz', 60, 9000), 'level': 'error', 'platform': 'php', 'logger': 'sophmate',
              'release': 'sophmate@' + sv(d, 's', version(rng, (3, 4))), 'environment': 'production', 'server_name': 'web-01',
              'user': {'id': str(rng.randint(2, 900)), 'email': d.E(p), 'ip_address': d.IP(p), 'username': rs(rng, LO, 7)},
              'request': {'url': 'https://%s/wp-json/sophmate/v1/chat' % d.K('domain', s.domain), 'method': 'POST',
                          'headers': {'Authorization': 'Bearer ' + d.pk('openai', k_openai(rng)), 'X-Auth-Token': d.cr('jwt', jwt(rng, {'sub': str(rng.randint(2, 900)), 'role': 'customer', 'exp': int(d.clock.t.timestamp()) + 3600})), 'Cookie': 'PHPSESSID=' + d.cr('session_cookie', rs(rng, LO + DIG, 26)),
                                      'User-Agent': ua(d)},
                          'data': {'message': 'my number changed to %s' % d.P(p), 'name': d.N(p)}},
              'exception': {'values': [{'type': d.K('class_name', jesc('GuzzleHttp\\Exception\\ClientException')) and 'GuzzleHttp\\Exception\\ClientException',
                                        'value': 'Client error: `POST https://api.mistral.ai/v1/chat/completions` resulted in a `401 Unauthorized` response',
                                        'stacktrace': {'frames': [
                                            {'filename': 'wp-content/plugins/sophmate/includes/providers/class-mistral-provider.php', 'lineno': rng.randint(30, 200),
                                             'function': 'SophMate\\Providers\\MistralProvider::chat', 'vars': {'$apiKey': "'%s'" % mk, '$order_id': str(d.order())}},
                                            {'filename': 'wp-content/plugins/sophmate/vendor/guzzlehttp/guzzle/src/Client.php', 'lineno': 187, 'function': 'GuzzleHttp\\Client::request'}]}}]},
              'breadcrumbs': {'values': [{'timestamp': d.T('epoch', 1, 5), 'category': 'http', 'data': {'url': 'https://api.mistral.ai/v1/chat/completions', 'status_code': 401}},
                                         {'timestamp': d.T('epoch', 1, 5), 'category': 'query', 'message': "SELECT * FROM %swc_orders WHERE billing_email = '%s'" % (s.prefix, d.E(p))}]},
              'contexts': {'runtime': {'name': 'php', 'version': sv(d, 'php', '8.2.%d' % rng.randint(10, 26))}, 'trace': {'trace_id': rs(rng, HEX, 32)}},
              'tags': {'error_code': code(d), 'hook': hook(d)}}
        out.append('POST https://o%d.ingest.sentry.io/api/%d/store/  sentry_key=%s' % (rng.randint(100000, 999999), rng.randint(1000000, 9999999), rs(rng, HEX, 32)))
        out.append(json.dumps(ev, indent=2, ensure_ascii=False))
        out.append('')
    return '\n'.join(out)


def t_caddy_access(d):
    s, rng = d.site, d.rng
    L = []
    for _ in range(d.n(14, 28)):
        p = d.person()
        r = rng.random()
        ip = d.IP(p)
        if r < 0.2:
            uri = '/checkout/order-received/%d/?key=%s' % (d.order(), d.cr('wc_order_key', wc_order_key(rng)))
        elif r < 0.35:
            uri = '/wp-login.php?action=rp&key=%s&login=%s&wp_lang=en_GB' % (d.cr('url_token', rs(rng, ALNUM, 20)), d.EU(p))
        elif r < 0.47:
            uri = '/?sophmate_unsubscribe=1&email=%s&sig=%s' % (d.EU(p), rs(rng, HEX, 40))
        elif r < 0.57:
            uri = '/my-account/?token=%s' % d.cr('jwt', jwt(rng, {'sub': str(rng.randint(2, 900)), 'iat': int(d.clock.t.timestamp()), 'iss': 'https://' + s.domain}))
        elif r < 0.67:
            uri = '/wp-json/wc/v3/orders?consumer_key=%s&consumer_secret=%s&per_page=50' % (d.cr('wc_consumer_key', wc_ck(rng)), d.cr('wc_consumer_secret', wc_cs(rng)))
        elif r < 0.77:
            uri = '/wp-content/plugins/sophmate/assets/chat.js?ver=%s' % d.K('asset_hash', asset_hash(rng))
        elif r < 0.85:
            uri = '/wp-content/uploads/2024/10/%s' % d.K('asset_file', rng.choice(['logo@2x.png', 'banner-summer@2x.webp']))
        else:
            uri = '/?wc-api=wc_stripe&order_id=%d' % d.order()
        ts = float(d.T('epoch', 1, 200, keep=False)) + rng.random()
        rec = {'level': 'info', 'ts': round(ts, 6), 'logger': 'http.log.access.log0', 'msg': 'handled request',
               'request': {'remote_ip': ip, 'remote_port': str(rng.randint(1025, 65000)), 'client_ip': ip, 'proto': 'HTTP/2.0', 'method': 'GET',
                           'host': d.K('domain', s.domain), 'uri': uri,
                           'headers': {'User-Agent': [ua(d)], 'Accept-Language': [rng.choice(['ja-JP,ja;q=0.9', 'pt-BR,pt;q=0.9', 'en-GB,en;q=0.8'])]},
                           'tls': {'resumed': False, 'version': 772, 'cipher_suite': 4865, 'proto': 'h2', 'server_name': s.domain}},
               'bytes_read': 0, 'user_id': '', 'duration': round(rng.random(), 6), 'size': rng.randint(200, 90000), 'status': rng.choice([200, 200, 302, 404, 500]),
               'resp_headers': {'Server': ['Caddy'], 'X-Request-Id': [d.K('request_id', uuid4(rng))]}}
        d.cu('ip', ip)
        L.append(json.dumps(rec, separators=(',', ':')))
    return '\n'.join(L) + '\n'


def t_admin_order_copy(d):
    s, rng = d.site, d.rng
    L = ['(copied from wp-admin > WooCommerce > Orders on %s)' % d.K('domain', s.domain), '']
    for _ in range(d.n(3, 5)):
        p = d.person()
        q = p if rng.random() < 0.5 else d.person(p.cc)
        o = d.order()
        pi = d.K('gateway_id', pi_id(rng))
        d.clock.tick(600, 90000)
        L += ['Order #%d details' % o, 'Payment via Credit Card (Stripe) (%s). Paid on %s. Customer IP: %s' % (pi, d.K('timestamp', d.now('long')), d.IP(p)),
              '', 'General', 'Date created:', d.K('timestamp', d.now('wcadmin')), 'Status:', rng.choice(['Processing', 'On hold', 'Completed']),
              'Customer:', '%s (#%d – %s)' % (d.N(p), rng.randint(2, 900), d.E(p)), '',
              'Billing', fmt_addr_block(d, p), 'Email address:', d.E(p), 'Phone:', d.P(p), '',
              'Shipping', fmt_addr_block(d, q), 'Phone:', d.P(q), '',
              'Order notes',
              'Stripe charge complete (Charge ID: %s)' % d.K('gateway_id', ch_id(rng)), d.now('long'),
              'Order status changed from Pending payment to Processing.', d.now('long'),
              'Customer note: %s' % rng.choice(['Bitte beim Nachbarn abgeben.', 'Deixar na portaria.', 'Please ring twice.', 'Oitemashi de onegaishimasu (okihai OK).']),
              'SophMate: assistant confirmed delivery date to %s via chat (%s)' % (d.F(p), d.K('request_id', uuid4(rng))), '']
        if rng.random() < 0.5:
            L += ['Bank transfer reference from customer: %s, IBAN %s' % (d.N(p), d.pay('iban', iban(rng, rng.choice(['GB', 'IE', 'DE', 'NL', 'BR', 'PT', 'PL']), spaced=rng.random() < 0.5))), '']
    return '\n'.join(L)


# ============================================================================
# main
# ============================================================================
SEED = 'runbook-heldout-2025-v1'
MIN_BYTES, MAX_BYTES = 2000, 20000

TEMPLATES = [
    ('support-email', '.eml', t_support_email), ('chat-transcript', '.txt', t_chat_transcript),
    ('slack-thread', '.txt', t_slack_thread), ('customer-notes', '.txt', t_customer_notes),
    ('sophmate-config', '.yaml', t_yaml_config), ('bedrock', '.env', t_bedrock_env),
    ('docker-compose', '.yml', t_docker_compose), ('nginx-error', '.log', t_nginx_error),
    ('apache-error', '.log', t_apache_error), ('var-dump', '.txt', t_var_dump), ('var-export', '.txt', t_var_export),
    ('options-dump', '.sql', t_php_serialized), ('conversations-min', '.json', t_json_minified),
    ('wc-rest-order', '.json', t_wc_rest_json), ('gateway-soap', '.xml', t_soap_xml), ('orders-export', '.csv', t_csv_orders),
    ('http-capture', '.http', t_http_dump), ('curl-verbose', '.txt', t_curl_verbose), ('wp-cli', '.txt', t_wp_cli),
    ('mariadb-general', '.log', t_mysql_log), ('stripe-events', '.txt', t_stripe_webhooks), ('paypal-events', '.log', t_paypal_webhooks),
    ('ticket', '.md', t_md_ticket), ('journal', '.log', t_journal), ('stack-traces', '.txt', t_stack_traces),
    ('wp-config', '.php', t_wp_config_php), ('ai-requests', '.jsonl', t_ai_ndjson), ('square-braintree', '.log', t_square_braintree),
    ('smtp-debug', '.log', t_smtp_debug), ('ci-deploy', '.log', t_ci_log), ('checkout', '.har', t_har),
    ('sentry-events', '.json', t_sentry), ('caddy-access', '.log', t_caddy_access), ('admin-order-copy', '.txt', t_admin_order_copy),
]


def build_one(idx, tname, fn, verbose=False):
    scale = 1.0
    last = None
    for attempt in range(300):
        rng = random.Random('%s:%d:%d' % (SEED, idx, attempt))
        d = Doc(rng, scale)
        text = fn(d)
        text, probs = d.finish(text)
        size = len(text.encode('utf-8'))
        if size > MAX_BYTES:
            scale *= 0.85
            probs = probs + ['too big %d' % size]
        elif size < MIN_BYTES:
            scale *= 1.3
            probs = probs + ['too small %d' % size]
        if not probs:
            return d, text
        last = probs
        if verbose:
            print('  %s attempt %d: %s' % (tname, attempt, probs[:3]), file=sys.stderr)
    print('FAILED %s: %s' % (tname, last), file=sys.stderr)
    return d, text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--out', required=True, help='output directory (created)')
    ap.add_argument('--files', type=int, default=60)
    ap.add_argument('--seed', default=None,
                    help='another seed: fresh values in the same templates (the kept copy uses the default)')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args(argv)
    if a.seed is not None:
        global SEED
        SEED = a.seed
    os.makedirs(a.out, exist_ok=True)
    files = {}
    for i in range(a.files):
        tname, ext, fn = TEMPLATES[i % len(TEMPLATES)]
        d, text = build_one(i, tname, fn, a.verbose)
        name = '%03d-%s%s' % (i + 1, tname, ext)
        data = text.encode('utf-8')
        with open(os.path.join(a.out, name), 'wb') as fh:
            fh.write(data)
        files[name] = {'template': tname, 'bytes': len(data), 'remove': d.remove, 'keep': d.keep}
    labels = {'format': 1, 'probe_length': PROBE, 'categories': CATS, 'files': files}
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
    nrem = sum(len(f['remove']) for f in files.values())
    nkeep = sum(len(f['keep']) for f in files.values())
    tot = sum(f['bytes'] for f in files.values())
    print('wrote %d files (%.2f MB), %d remove labels, %d keep labels to %s' % (len(files), tot / 1e6, nrem, nkeep, a.out))


if __name__ == '__main__':
    main()
