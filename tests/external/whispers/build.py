#!/usr/bin/env python3
"""Build the whispers-derived redaction corpus.

    python3 tests/external/whispers/build.py [--repo GITDIR] [--out DIR]

GITDIR is a git directory holding github.com/Skyscanner/whispers (for example a
`git clone --bare`); files are read at HEAD.  Each chosen fixture of
`tests/fixtures/` is copied byte for byte to `whispers-<name>.txt` (dots and
slashes of the fixture path after `tests/fixtures/` become dashes, a leading
dot is dropped), and `labels.json` is written in the format of
`shared/redaction-corpus` plus `SOURCES.md`.

What is labelled (see SPECS below, one entry per fixture):

- `remove`: every value whispers' unit tests expect it to report for that
  fixture (`tests/unit/test_secrets.py`: `test_detection_by_value` gives a
  count per fixture and asserts that every reported value contains
  "hardcoded", is numeric or base64-decodes to "hardcoded";
  `test_detection_by_key` lists the reported keys), as the exact string in the
  file.  `findings` says how many reported key/value pairs a label stands for;
  their sum is checked against the count/key list read from the test file.
  Identical values in one file are one label.  For URIs only the password, for
  PEM keys only the body, for webhook URLs only the secret last path segment.
- `keep`: lines the fixture marks compliant that are plainly not secret
  (template/env placeholders, code, plain words, URLs without a password,
  numbers that fail Luhn), the stripped line as it is in the file.

The builder reads, it runs nothing from the repository.  It checks every file:
each label occurs in it; replacing exactly the `remove` values with `[X]`
removes every 12-character probe (a value shorter than 12 characters: the
value itself) and leaves every `keep` value; no keep value holds a remove
value; each remove value occurs as often as expected (`findings`, or `occurs`
with a stated reason); every fixture at HEAD is either built or listed as left
out with a reason.  Exit status 1 on any problem.

Python 3.8+, standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_NAME = 'Skyscanner/whispers'
DEFAULT_REPO = '/work/.mirror/Skyscanner+whispers/repo'
PROBE = 12
MARK = '[X]'
FIX = 'tests/fixtures/'
T_SECRETS = 'tests/unit/test_secrets.py'
T_UTILS = 'tests/unit/test_utils.py'
CATEGORIES = ['provider_key', 'credential', 'payment', 'customer']


# ---------------------------------------------------------------- git access

class Repo:
    def __init__(self, gitdir):
        self.gitdir = gitdir
        self.commit = self.git('rev-parse', 'HEAD').decode().strip()

    def git(self, *args):
        return subprocess.run(['git', '--git-dir', self.gitdir] + list(args), check=True,
                              capture_output=True).stdout

    def show(self, path):
        return self.git('show', 'HEAD:' + path)

    def ls(self, prefix):
        return self.git('ls-tree', '-r', '--name-only', 'HEAD', prefix).decode().splitlines()


# ---------------------------------------------------------------- label specs

def R(kind, value=None, rx=None, rule='password', findings=1, category='credential', occurs=None, note=None,
      basis='test'):
    """A remove label: `value` literally, or the first group of `rx` in the fixture."""
    return {'kind': kind, 'value': value, 'rx': rx, 'rule': rule, 'findings': findings, 'category': category,
            'occurs': occurs, 'note': note, 'basis': basis}


def K(kind, *values, lines=None):
    """Keep labels: literal stripped lines, or every stripped line matching `lines`."""
    return {'kind': kind, 'values': list(values), 'lines': lines}


HC = 'YXNkZmZmZmZm_HARDcoded'  # whispers' stock hardcoded API key value
PEM_BODY = 'QyNTUxOQAAACCtrF27B/zd9DEpd38IbVBy93wSeYXKU0AGXMyO8ePu2QAAAKBSzpYEUs6W'
PUBLIC_TWIN = 'the compliant `public` entry (a PUBLIC KEY, excluded by whispers) carries the same body'

# test: 'value' = test_detection_by_value count, 'key' = test_detection_by_key list,
# None = no assertion on values (the label basis is then the fixture's own marking).
SPECS = [
    {'fixture': '.aws/credentials', 'test': 'value', 'remove': [
        R('aws_access_key_id', 'AKIAHARDCODEDACCKEY7', rule='aws-id'),
        R('aws_secret_access_key', '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', rule='aws-secret,apikey'),
        R('aws_session_token', rx=r'aws_session_token = (hardcoded\S+)', rule='apikey'),
    ], 'keep': [K('placeholder', 'aws_secret_access_key = {{ SECRET_ACCESS_KEY }}')]},

    {'fixture': '.dockercfg', 'test': 'value', 'remove': [
        R('basic_auth', 'QVdTOmhhcmRjb2RlZAo=', rule='dockercfg',
          note='base64 of "AWS:hardcoded"'),
    ], 'keep': [K('placeholder', '"auth": "{{ AUTH_BASE64 }}",')],
     'left_out': ['`compliant4` auth `zq212MzhardcodedDoesNotDecodeToAscii`: compliant only because it does not '
                  'decode to ASCII, still secret-shaped (neutral)',
                  '`compliant5` auth `123` (neutral)',
                  'e-mail addresses `whispers@localhost.localdomain` (neutral)']},

    {'fixture': '.htpasswd', 'test': 'value', 'remove': [
        R('password_hash', '$apr1$l0cpzs5a$vQK3lmgMGvcXcRP8bhardcoded', rule='htpasswd'),
        R('password_hash', 'Sc0ZiCkjrTRbLgphardcoded', rule='htpasswd'),
    ], 'keep': []},

    {'fixture': '.npmrc', 'test': 'value', 'remove': [
        R('npm_token', '6c141bb5-5b6d-1311-98dc-hardcoded', rule='npmrc'),
        R('npm_token', 'U2t5c2Nhbm5lciB3MDAwhardcoded', rule='npmrc'),
        R('npm_token', 'eyFake1.eyJFake2.Fake3.hardcoded', rule='npmrc'),
    ], 'keep': [K('placeholder', '//registry.npmjs.org/:_authToken=$NPM_TOKEN',
                  '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
                  '//registry.npmjs.org/:_authToken={NPM_TOKEN}')]},

    {'fixture': '.pypirc', 'test': 'value', 'remove': [
        R('password', 'hardcoded', rule='pypirc'),
    ], 'keep': [K('placeholder', 'password: $${PYPI_PASSWORD}'),
                K('url', 'repository: https://pypi.example.com')]},

    {'fixture': 'Dockerfile', 'test': 'value', 'remove': [
        R('api_key', HC, rule='apikey', findings=3),
    ], 'keep': [K('placeholder', 'ENV DRONE_TOKEN "{{ DRONE_TOKEN }}"', 'ENV DRONE_TOKEN {DRONE_TOKEN}',
                  'ENV DRONE_TOKEN $DRONE_TOKEN', 'ENV DRONE_TOKEN={{ DRONE_TOKEN }}',
                  'ENV DRONE_TOKEN=$DRONE_TOKEN')]},

    {'fixture': 'apikeys.yml', 'test': 'value', 'utils': True, 'remove': [
        R('api_key', HC, rule='apikey,secret', findings=9),
        R('api_key', '1925483168813050783076', rule='apikey', note='NUMERIC_APIKEY; fails Luhn'),
    ], 'keep': [K('plain_value', 'key: test', 'api_endpoint: /apikey/'),
                K('iac_reference', '- CredstashKey: !ImportValue CredstashKey')]},
    {'fixture': 'apikeys.json', 'test': 'value', 'remove': [
        R('api_key', HC, rule='apikey,secret', findings=9),
        R('api_key', '1925483168813050783076', rule='apikey', note='NUMERIC_APIKEY; fails Luhn'),
    ], 'keep': [K('plain_value', '"key": "test",', '"api_endpoint": "/apikey/"')]},
    {'fixture': 'apikeys.xml', 'test': 'value', 'remove': [
        R('api_key', HC, rule='apikey,secret', findings=9),
        R('api_key', '1925483168813050783076', rule='apikey', note='NUMERIC_APIKEY; fails Luhn'),
    ], 'keep': [K('plain_value', '<key>test</key>', '<api_endpoint>/apikey/</api_endpoint>')]},

    {'fixture': 'aws.yml', 'test': 'key', 'remove': [
        R('aws_access_key_id', 'AKIAHI38FAKE1IWUQEEN', rule='aws-id'),
        R('aws_secret_access_key', 'PA3XsxZ8d8cPQLmnZzFAKEdzC6ND2a8vhbyXU/Dw', rule='aws-secret,apikey'),
        R('aws_session_token', rx=r'(FakeYXdz[A-Za-z0-9+/]+)', rule='aws-token,apikey'),
    ], 'keep': [K('placeholder', 'aws_id: "{{ AWS ID }}"', 'aws_key: "${AWS_KEY}"'),
                K('git_sha', 'commit_id: 912ec803b2ce49e4a541068d495ab57000000000'),
                K('arn', 'role: arn:aws:iam::123456789000:role/role-name')]},
    {'fixture': 'aws.json', 'test': 'key', 'remove': [
        R('aws_access_key_id', 'AKIAHI38FAKE1IWUQEEN', rule='aws-id'),
        R('aws_secret_access_key', 'PA3XsxZ8d8cPQLmnZzFAKEdzC6ND2a8vhbyXU/Dw', rule='aws-secret,apikey'),
        R('aws_session_token', rx=r'(FakeYXdz[A-Za-z0-9+/]+)', rule='aws-token,apikey'),
    ], 'keep': [K('placeholder', '"aws_id": "{{ AWS ID }}",', '"aws_key": "${AWS_KEY}",'),
                K('git_sha', '"commit_id": "912ec803b2ce49e4a541068d495ab57000000000",'),
                K('arn', '"role": "arn:aws:iam::123456789000:role/role-name"')]},
    {'fixture': 'aws.xml', 'test': 'key', 'remove': [
        R('aws_access_key_id', 'AKIAHI38FAKE1IWUQEEN', rule='aws-id'),
        R('aws_secret_access_key', 'PA3XsxZ8d8cPQLmnZzFAKEdzC6ND2a8vhbyXU/Dw', rule='aws-secret,apikey'),
        R('aws_session_token', rx=r'(FakeYXdz[A-Za-z0-9+/]+)', rule='aws-token,apikey'),
    ], 'keep': [K('placeholder', '<aws_id>{{ AWS ID }}</aws_id>', '<aws_key>${AWS_KEY}</aws_key>'),
                K('git_sha', '<commit_id>912ec803b2ce49e4a541068d495ab57000000000</commit_id>'),
                K('arn', '<role>arn:aws:iam::123456789000:role/role-name</role>')]},

    {'fixture': 'beans.xml', 'test': 'value', 'remove': [
        R('password', HC, rule='password,secret,apikey', findings=3,
          note='attributes password=, secret=, accesskey='),
    ], 'keep': [K('placeholder', '<ss:user name="admin" secret="${PASSWORD}" authorities="ROLE_USER" />',
                  '<ss:user name="admin" accesskey="{{ password }}" authorities="ROLE_USER" />')]},

    {'fixture': 'connection.config', 'test': None, 'paths_extra': [T_SECRETS], 'remove': [
        R('db_password', 'admin', rule='none (fixture marking)', findings=0, occurs=1, basis='fixture',
          note='in the `<incompliant>` section; whispers\' tests assert only the file name for this fixture '
               '(test_detection_by_filename), and its XML plugin does not split `k=v;k=v` strings'),
    ], 'keep': [K('connection_string', 'Database=webstore;Server=localhost;Uid=root;Password=;')]},

    {'fixture': 'creditcards.yml', 'test': 'value', 'remove': [
        R('card_number', '52830000000000007', rule='creditcards', category='payment'),
        R('card_number', '356938035643809', rule='creditcards', category='payment'),
    ], 'keep': [K('number', 'number2: 1234567890', 'number3: 111111111111111', 'number4: 534618613411236'),
                K('timestamp', 'timestamp_js: 1576692842733', 'timestamp_py: 1576692842.733')],
     'left_out_findings': 1,
     'left_out': ['`cc1: 4111111111111111` (reported by whispers, Luhn-valid): every 12-character run of it '
                  '(`111111111111`) also sits in the compliant `number3: 111111111111111` (fails Luhn), so a '
                  'redactor that rightly keeps number3 could never be scored as catching it; the value stays '
                  'in the file unlabelled (neutral)']},

    {'fixture': 'custom.yml', 'test': 'value', 'remove': [],
     'keep': [K('template', 'defaultCount: {{ desired_count }}', "app_id: <%= app['client_id'] %>",
                '{% if account != "client" %}', 'iam.amazonaws.com/role: {{ assumed_iam_role }}')]},

    {'fixture': 'falsepositive.yml', 'test': 'value', 'remove': [
        R('generic_secret', 'hardcoded1', rule='secret'),
        R('password', 'hardcoded2', rule='password'),
        R('password', 'hardcoded3', rule='password'),
        R('api_key', 'lmaoisdizareel0ne?hardcoded4', rule='apikey'),
    ], 'keep': [K('plain_value', 'passenger: "ok1"', 'passthrough: "ok3"', 'secretary: "ok5"',
                  'PasswordResetUrl: "ok7"', 'publicKey: "ok8"', 'S3_ARCHIVE_ACCESS_KEY: "Get this from elsewhere"',
                  'PolicyName: SandboxConfigurationS3BucketAccessPolicy'),
                K('placeholder', 'webhookApiSecret: ZENDESK_WEBHOOK_API_SECRET'),
                K('template', 'bucket_key: s3://{{ s3().master_bucket }}/{{ macros.s3().raw_prefix}}/sessions',
                  "write_key: 's3://{bucket}/deduped_events/schema_type={schema}/dt={date}'"),
                K('url', '- "gpgkey=https://artifacts.elastic.co/GPG-KEY-elasticsearch\\n"')],
     'left_out': ['`passwordForPassenger: "ok2"`, `passwordPassthrough: "ok4"`, `secretSecretary: "ok6"`: '
                  'compliant for whispers, but the key names a password/secret, so a redactor may fairly '
                  'treat the value as one (neutral)']},

    {'fixture': 'gitkeys.yml', 'test': 'value', 'remove': [
        R('github_token', 'ghp_fK8UXjzPM1Lzf356hwgGym4JAfnHARDcoded', rule='github'),
        R('github_token', 'gho_fK8UXjzPM1Lzf356hwgGym4JAfnHARDcoded', rule='github'),
        R('github_token', 'ghu_fK8UXjzPM1Lzf356hwgGym4JAfnHARDcoded', rule='github'),
        R('github_token', 'ghs_fK8UXjzPM1Lzf356hwgGym4JAfnHARDcoded', rule='github'),
        R('github_token', 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9HARDcoded',
          rule='github'),
    ], 'keep': [K('plain_value', 'name: GHP_THISISASTRINGTHATHASTHESAMELENASTOKE')]},

    {'fixture': 'hardcoded.yml', 'test': 'value', 'utils': True, 'remove': [
        R('password', v) for v in ('hardcoded0', 'Hardcoded1', 'hardCoded2', 'haRdcOded3', 'hardcodEd')
    ], 'keep': [K('placeholder', lines=r'^0\d_variable_password: ')]},
    {'fixture': 'hardcoded.json', 'test': 'value', 'remove': [
        R('password', v) for v in ('hardcoded0', 'Hardcoded1', 'hardCoded2', 'haRdcOded3', 'hardcodEd4')
    ], 'keep': [K('placeholder', lines=r'^"0\d_variable_password": ')]},
    {'fixture': 'hardcoded.xml', 'test': 'value', 'remove': [
        R('password', v) for v in ('hardcoded0', 'Hardcoded1', 'hardCoded2', 'haRdcOded3', 'hardcodEd')
    ], 'keep': [K('placeholder', lines=r'^<o\d_variable_password>')]},

    {'fixture': 'integration.conf', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 6)], 'keep': []},
    {'fixture': 'integration.json', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 6)], 'keep': []},
    {'fixture': 'integration.xml', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 6)], 'keep': []},
    {'fixture': 'integration.yml', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 6)], 'keep': []},

    {'fixture': 'java.properties', 'test': 'value', 'remove': [
        R('password', 'hardcoded01'),
        R('password', 'hardcoded02'),
        R('api_key', 'dGhpc2lzYWhhcmRjb2RlZHN0cmluZzpECghardcoded03', rule='apikey'),
    ], 'keep': [K('plain_value', 'baseDN=LDAP')]},

    {'fixture': 'jdbc.xml', 'test': 'value', 'remove': [
        R('url_password', 'hardcoded1', note='jdbc URL query `password=`'),
        R('url_password', 'hardcoded2', note='jdbc URL query `userpass=`'),
        R('url_password', 'hardcoded3', note='jdbc URL query `pwd=`'),
    ], 'keep': [K('url', 'connectionURL="jdbc:mysql://localhost/authority?user=dbuser&amp;password="'),
                K('placeholder', 'connectionURL="jdbc:mysql://localhost/authority?user=dbuser&amp;password=$password"',
                  'connectionURL="jdbc:mysql://localhost/authority?user=dbuser&amp;password={{pwd}}"'),
                K('plain_value', 'userTable="users" userNameCol="user_name" userCredCol="user_pass"')]},

    {'fixture': 'jenkins.xml', 'test': 'key', 'remove': [
        R('jenkins_api_token', rx=r'<noncompliantApiToken>(\{[^<]+\})</noncompliantApiToken>', rule='apikey'),
        R('password_hash', '#jbcrypt:$2a$10$fakefn2U3jfdByqbHc.fake9ejqu//fake9p8P222cdfwjdnMFdxS'),
    ], 'keep': [K('placeholder', '<compliantApiToken>{token}</compliantApiToken>',
                  '<compliantPasswordHash>{{ passwordHash }}</compliantPasswordHash>')]},

    {'fixture': 'language.go', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(9)
    ], 'keep': [K('code', lines=r'variable_password\d'),
                K('code', 'msg := "Here is a long, compliant string of text"', 'var1, var2 := justOneFunction()',
                  'var1, var2 := "mismatched key-value lengths"')]},
    {'fixture': 'language.java', 'test': 'value', 'remove': [
        R('api_key', HC, rule='apikey', note='NONCOMPLIANT_APITOKEN'),
        R('password', 'hardcoded0'),
        R('password', 'hardcoded1'),
    ], 'keep': [K('code', 'static final String COMPLIANT_APITOKEN = "{token}";',
                  lines=r'variable_password\d')]},
    {'fixture': 'language.js', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(4)
    ], 'keep': [K('code', lines=r'variable_password\d')]},
    {'fixture': 'language.php', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(4)
    ], 'keep': [K('code', lines=r'variable_password'),
                K('code', "$config['db_password'] = '';", 'define("unset_password", "", true);',
                  'define("dynamic_password", load_password());')]},
    {'fixture': 'language.py', 'test': 'value', 'remove': [
        R('password', 'hardcoded0'),
        R('password', 'hardcoded1', occurs=2, note='also the first 10 characters of `hardcoded10` (labelled too)'),
    ] + [R('password', 'hardcoded%d' % i) for i in range(2, 9)] + [
        R('password', 'prefix_{hardcoded9}', note='whispers reports the whole string of '
                                                  '`format_password = "prefix_{hardcoded9}"`'),
        R('password', 'hardcoded10'),
    ], 'keep': [K('code', 'password = secrets["password"]', 'CONFIG["secret_key"],', 'os.getenv("PASSWORD")',
                  'os.getenv("PASSWORD", "")', 'os.environ.get("pwd", "")',
                  'format_password = "prefix_{}".format(dynamic_value1)',
                  'format_password = "prefix_{0}".format(dynamic_value2)',
                  'format_password = f"prefix_{dynamic_value3}"', 'login(password="")',
                  'data = {"login": login, "password": new_password, "previousPassword": password}')],
     'left_out': ['`password = asdf` (compliant as Python, a variable; in other syntaxes it reads as a '
                  'password, neutral)']},
    {'fixture': 'language.sh', 'test': 'value', 'remove': [
        R('api_key', HC, rule='apikey,password', findings=14,
          note='export/docker -e values, curl -u/--user/--proxy-user/--tlspassword/--proxy-tlspassword, '
               'wget --password/--http-password/--proxy-password/--ftp-password, and one commented export'),
    ], 'keep': [K('placeholder', 'export DANGER_GITHUB_API_TOKEN=<DANGER_GITHUB_API_TOKEN>',
                  'export DANGER_GITHUB_API_TOKEN=$token', 'export DANGER_GITHUB_API_TOKEN="${token}"',
                  '# export COMMENTED_API_TOKEN="${token}"',
                  'docker run -it -e DRONE_TOKEN=<DRONE_TOKEN> -e DRONE_ID=<ID> image',
                  'mysqladmin create $DB_NAME --user="$DB_USER" --password="$DB_PASS"'),
                K('code', "# there's no spoon @#$%", 'curl -u admin: https://localhost',
                  'curl --user admin https://localhost', 'wget --user=admin --ask-password https://localhost')]},

    {'fixture': 'passwords.yml', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 5)
    ], 'keep': [K('iac_reference', "MasterUserPassword: !Ref 'MasterUserPassword'"),
                K('placeholder', 'db_password: "null"')],
     'left_out': ['`username: hardcoded`, `DB_USER=hardcoded` (user names, neutral)']},
    {'fixture': 'passwords.json', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 5)
    ], 'keep': [K('iac_reference', '"MasterUserPassword": "!Ref \'MasterUserPassword\'",'),
                K('placeholder', '"db_password": "null"')],
     'left_out': ['`username: hardcoded`, `DB_USER=hardcoded` (user names, neutral)']},
    {'fixture': 'passwords.xml', 'test': 'value', 'remove': [
        R('password', 'hardcoded%d' % i) for i in range(1, 5)
    ], 'keep': [K('iac_reference', "<MasterUserPassword>!Ref 'MasterUserPassword'</MasterUserPassword>"),
                K('placeholder', '<db_password>null</db_password>')],
     'left_out': ['`username: hardcoded`, `DB_USER=hardcoded` (user names, neutral)']},

    {'fixture': 'pip.conf', 'test': 'value', 'utils': True, 'remove': [
        R('url_password', 'hardcoded1', rule='pip'),
        R('url_password', 'hardcoded2', rule='pip'),
    ], 'keep': [K('url', 'index = https://pypi.example.com/pypi',
                  'index-url = https://username:@pypi.example.com/simple')]},

    {'fixture': 'placeholders.yml', 'test': 'value', 'remove': [],
     'keep': [K('placeholder', '- DB_PASSWORD=DB_PASSWORD', 'MasterUserPassword: <% PASSWORD_HERE %>',
                'TRAVEL_API_KEY: TRAVEL_API_KEY', "Symfony_DB_Key: '%env(DB_SECRET_VALUE)%'",
                "Generic_Key: '%DB_SECRET_VALUE%'")],
     'left_out': ['`password: password` (whispers: placeholder; but the literal password "password" is a real, '
                  'weak one, neutral)']},
    {'fixture': 'placeholders.json', 'test': 'value', 'remove': [],
     'keep': [K('placeholder', '"DB_PASSWORD=DB_PASSWORD"', '"MasterUserPassword": "<% PASSWORD_HERE %>",',
                '"TRAVEL_API_KEY": "TRAVEL_API_KEY",', '"Symfony_DB_Key": "\'%env(DB_SECRET_VALUE)%\'",',
                '"Generic_Key": "%DB_SECRET_VALUE%"')],
     'left_out': ['`"password": "password"` (as in placeholders.yml, neutral)']},
    {'fixture': 'placeholders.xml', 'test': 'value', 'remove': [],
     'keep': [K('placeholder', '<environment>DB_PASSWORD=DB_PASSWORD</environment>',
                '<MasterUserPassword><PASSWORD_HERE></MasterUserPassword>',
                '<TRAVEL_API_KEY>TRAVEL_API_KEY</TRAVEL_API_KEY>',
                '<Symfony_DB_Key>%env(DB_SECRET_VALUE)%</Symfony_DB_Key>',
                '<Generic_Key>%DB_SECRET_VALUE%</Generic_Key>')],
     'left_out': ['`<password>password</password>` (as in placeholders.yml, neutral)']},

    {'fixture': 'plaintext.txt', 'test': 'value', 'remove': [
        R('url_password', 'hardcoded', findings=2, note='jdbc URL `userpass=` and `https://admin:...@`'),
    ], 'keep': [K('url', 'Connect to https://localhost:8000/admin for full access')],
     'left_out': ['compliant `...&userpass=` line: it is a prefix of the noncompliant line, so as a keep value '
                  'it would test nothing']},

    {'fixture': 'privatekeys.yml', 'test': 'key', 'utils': True, 'remove': [
        R('private_key', PEM_BODY, rule='privatekey', findings=6, occurs=7, note=PUBLIC_TWIN),
    ], 'keep': []},
    {'fixture': 'privatekeys.json', 'test': 'key', 'remove': [
        R('private_key', PEM_BODY, rule='privatekey', findings=6, occurs=7, note=PUBLIC_TWIN),
    ], 'keep': []},
    {'fixture': 'privatekeys.xml', 'test': 'key', 'remove': [
        R('private_key', PEM_BODY, rule='privatekey', findings=6, occurs=7, note=PUBLIC_TWIN),
    ], 'keep': []},

    {'fixture': 'settings.cfg', 'test': 'value', 'remove': [R('password', 'hardcoded')], 'keep': []},
    {'fixture': 'settings.conf', 'test': 'value', 'remove': [R('password', 'hardcoded')], 'keep': []},
    {'fixture': 'settings.env', 'test': 'value', 'remove': [R('password', 'hardcoded')], 'keep': []},
    {'fixture': 'settings.ini', 'test': 'value', 'remove': [R('password', 'hardcoded')], 'keep': []},

    {'fixture': 'uri.yml', 'test': 'value', 'remove': [
        R('url_password', 'hardcoded', findings=2, note='jdbc URL `userpass=` and `https://admin:...@`'),
    ], 'keep': [K('url', '"s3://bucket"', '"https://this-is-not-a-password.com"',
                  '"gpgkey=https://artifacts.elastic.co/GPG-KEY-elasticsearch\\n"',
                  '"jdbc:mysql://localhost/authority?user=admin&userpass="', '"https://localhost:8000/admin"')]},

    {'fixture': 'webhooks.yml', 'test': 'value', 'remove': [
        R('webhook', 'hardcodedWebhook01', rule='slack-webhook'),
        R('webhook', 'hardcodedWebhook02', rule='hubspot-webhook'),
        R('webhook', 'hardcodedWebhook03', rule='twilio-webhook'),
    ], 'keep': [K('url', 'hubspot-webhook: https://api.hubapi.com/webhooks/v1/{appId}/',
                  'twilio-webhook: https://chat.twilio.com/v2/Services/{id}/')],
     'left_out': ['whispers reports the whole URL; only the secret last path segment is labelled (like '
                  '`peers/`): the `HARDC0D3D` team/channel/app ids and the Twilio service SID '
                  '`ISXXXXXXXXXXXXXXXXXXXXXHARDCODED` are identifiers (neutral)',
                  'compliant `https://hooks.slack.com/services/` line: a prefix of the noncompliant one, so as '
                  'a keep value it would test nothing']},
]

# fixtures at HEAD that are not built, with the reason
SKIPPED = [
    (r'beans\.xml\.(dist|template)', 'byte-identical copies of beans.xml; they test that whispers strips the '
                                     '`.dist`/`.template` suffix (file names only)'),
    (r'cloudformation\.(json|yml)', 'the only finding (test_detection_by_key: NoncompliantDBPassword) is the '
                                    '5-character default `admin`, which is also the CompliantDBUser default in '
                                    'the same file; a short value counts as caught only when it is absent from the '
                                    'whole output, so the label would demand redacting the user name too; and '
                                    'CloudFormation templates are not shop support evidence'),
    (r'cors\.py', 'tests the `cors` rule (an insecure aiohttp_cors call), no secret or customer value'),
    (r'custom\.json', 'tests `//` comment stripping; only a `"key": "value"` stub, nothing to label'),
    (r'custom\.xml', 'invalid XML ("This isn\'t really XML"), tests parsing'),
    (r'empty\.dockercfg', 'no credentials (`no-auths`), tests parsing of an empty config'),
    (r'excluded\.(json|xml|yml)', 'tests exclusion by config (exclude_keys/exclude_values)'),
    (r'folder/.*', 'tests that a directory argument yields nothing (file names only)'),
    (r'invalid\.json', 'invalid JSON, tests parsing'),
    (r'language\.html', 'the findings are HTML comments (rule `comments`, an information-leak heuristic), '
                        'not secrets or customer data'),
    (r'language\.py2', 'Python 2 source, tests that parsing fails (0 findings), nothing to label'),
    (r'paths\.yml', 'tests the INFO `path` rule (file system paths), not secrets'),
    (r'ruleslist\.yml', 'tests rule selection (`-r apikey,password`)'),
    (r'severity\.yml', 'tests severity filtering (`-s`); its values repeat apikeys/aws/privatekeys/webhooks'),
]

# fixtures of other whispers versions, not in the snapshot's HEAD tree (master)
NOT_AT_HEAD = [
    ('files/.zsh-history, files/network.ovpn, files/rsa.pem', 'only on the unmerged branch `version-2` '
                                                             '(8c6b3f5), not read'),
    ('grafanatokens.yml', 'only in a commit outside master (76b2eb7, 2022), not read'),
    ('shell.sh', 'renamed to language.sh in 2020'),
]


# ---------------------------------------------------------------- helpers

def corpus_name(fixture):
    return 'whispers-' + re.sub(r'[./]', '-', fixture).lstrip('-') + '.txt'


def probes(v):
    if len(v) < PROBE:
        return [v]
    return [v[i:i + PROBE] for i in range(len(v) - PROBE + 1)]


def grams(text):
    return {text[i:i + PROBE] for i in range(len(text) - PROBE + 1)}


def mask(text, values):
    for v in sorted(values, key=len, reverse=True):
        text = text.replace(v, MARK)
    return text


def verify(text, remove, keep):
    """The checks the reference corpus was built with."""
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
            if r['value'] in k['value']:
                errs.append('keep %r contains remove %r' % (k['value'][:40], r['value'][:40]))
    return errs


def test_expectations(repo):
    """Counts per fixture of test_detection_by_value and key lists of test_detection_by_key."""
    src = repo.show(T_SECRETS).decode()

    def block(fn):
        i = src.index('def %s(' % fn)
        j = src.rindex('@pytest.mark.parametrize', 0, i)
        return src[j:i]
    by_value = {m.group(1): int(m.group(2))
                for m in re.finditer(r'\(\s*"([^"]+)",\s*(\d+)\s*\)', block('test_detection_by_value'))}
    by_key = {m.group(1): re.findall(r'"([^"]+)"', m.group(2))
              for m in re.finditer(r'\(\s*"([^"]+)",\s*\[([^\]]*)\]\s*\)', block('test_detection_by_key'))}
    return by_value, by_key


def licence_of(repo):
    head = repo.show('LICENSE').decode()[:600]
    if 'Apache License' in head and 'Version 2.0' in head:
        return 'Apache-2.0'
    return 'unknown (see LICENSE)'


def keep_values(spec, text):
    out = []
    lines = [ln.strip() for ln in text.splitlines()]
    for k in spec['keep']:
        vals = list(k['values'])
        if k['lines']:
            vals += [ln for ln in lines if re.search(k['lines'], ln)]
        for v in vals:
            out.append((k['kind'], v))
    return out


# ---------------------------------------------------------------- build

def build(repo, out_dir):
    by_value, by_key = test_expectations(repo)
    problems, notes = [], []
    files = {}
    texts = {}
    fixtures = [p[len(FIX):] for p in repo.ls(FIX)]
    specced = {s['fixture'] for s in SPECS}
    for f in fixtures:
        skipped = any(re.fullmatch(rx, f) for rx, _ in SKIPPED)
        if (f in specced) == skipped:
            problems.append('%s: %s' % (f, 'both built and skipped' if skipped else 'neither built nor skipped'))
    for s in SPECS:
        if s['fixture'] not in fixtures:
            problems.append('%s: not in the snapshot' % s['fixture'])

    for s in SPECS:
        fx = s['fixture']
        path = FIX + fx
        raw = repo.show(path)
        text = raw.decode('utf-8')
        name = corpus_name(fx)
        # test expectation
        if s['test'] == 'value':
            if fx not in by_value:
                problems.append('%s: no test_detection_by_value count' % fx)
            expected = by_value.get(fx)
            test_ref = '%s::test_detection_by_value[%s-%s]' % (T_SECRETS, fx, expected)
        elif s['test'] == 'key':
            expected = len(by_key.get(fx, []))
            if fx not in by_key:
                problems.append('%s: no test_detection_by_key keys' % fx)
            test_ref = '%s::test_detection_by_key[%s-%s]' % (T_SECRETS, fx, ','.join(by_key.get(fx, [])))
        else:
            expected = None
            test_ref = None
        remove = []
        seen = {}
        for r in s['remove']:
            v = r['value']
            if r['rx']:
                vs = set(re.findall(r['rx'], text))
                if len(vs) != 1:
                    problems.append('%s: %r matches %d distinct values' % (name, r['rx'], len(vs)))
                    continue
                v = vs.pop()
            if v in seen:
                problems.append('%s: %r labelled twice in the spec' % (name, v[:40]))
                continue
            lab = {'category': r['category'], 'kind': r['kind'], 'value': v, 'rule': r['rule'], 'path': path,
                   'findings': r['findings']}
            if r['basis'] == 'test':
                lab['test'] = test_ref
            else:
                lab['basis'] = 'fixture section marked noncompliant; no test asserts this value'
            if r['note']:
                lab['note'] = r['note']
            n = text.count(v)
            want = r['occurs'] if r['occurs'] is not None else r['findings']
            if n != want:
                problems.append('%s: %r occurs %d times, expected %d' % (name, v[:40], n, want))
            if n != r['findings']:
                notes.append('%s: %r occurs %d times for %d finding(s): %s' % (name, v[:40], n, r['findings'],
                                                                               r['note']))
            seen[v] = lab
            remove.append(lab)
        found = sum(r['findings'] for r in s['remove'])
        found_total = found + s.get('left_out_findings', 0)  # reported values deliberately not labelled
        if expected is not None and found_total != expected:
            problems.append('%s: labels stand for %d findings, the test expects %d' % (name, found_total, expected))
        # values of different labels: nesting and shared 12-character runs
        for a in remove:
            for b in remove:
                if a is not b and a['value'] in b['value']:
                    notes.append('%s: %r is part of %r' % (name, a['value'], b['value'][:40]))
        idx = {}
        for r in remove:
            if len(r['value']) >= PROBE:
                for p in set(probes(r['value'])):
                    idx.setdefault(p, set()).add(r['value'])
        shared = sorted({v for vs in idx.values() if len(vs) > 1 for v in vs})
        if shared:
            notes.append('%s: %d values share a 12-character run with another value' % (name, len(shared)))
        keep = []
        kseen = set()
        for kind, v in keep_values(s, text):
            if v in kseen:
                continue
            kseen.add(v)
            keep.append({'kind': kind, 'value': v, 'path': path})
        errs = verify(text, remove, keep)
        problems += ['%s: %s' % (name, e) for e in errs]
        src_paths = [path]
        if s['test']:
            src_paths.append(T_SECRETS)
        if s.get('utils'):
            src_paths.append(T_UTILS)
        src_paths += s.get('paths_extra', [])
        files[name] = {'source': {'repo': REPO_NAME, 'commit': repo.commit, 'path': src_paths},
                       'bytes': len(raw), 'test': test_ref, 'test_expected': expected,
                       'remove': remove, 'keep': keep}
        texts[name] = raw
    return files, texts, problems, notes


def write(out_dir, repo, licence, files, texts, notes):
    for fn in os.listdir(out_dir):
        if (fn.startswith('whispers-') and fn.endswith('.txt')) or fn == 'labels.json':
            os.remove(os.path.join(out_dir, fn))
    for name, raw in texts.items():
        with open(os.path.join(out_dir, name), 'wb') as fh:
            fh.write(raw)
    labels = {'format': 1, 'set': 'whispers', 'probe_length': PROBE, 'categories': CATEGORIES,
              'sources': {REPO_NAME: {'commit': repo.commit, 'licence': licence}},
              'files': {n: files[n] for n in sorted(files)}}
    with open(os.path.join(out_dir, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(out_dir, repo, licence, labels, notes)


def cat_counts(f):
    c = {}
    for r in f['remove']:
        c[r['category']] = c.get(r['category'], 0) + 1
    return ', '.join('%s %d' % kv for kv in sorted(c.items())) or '-'


def write_sources_md(out_dir, repo, licence, labels, notes):
    L = ["""# Sources of the whispers-derived corpus

Every `whispers-*.txt` file here is a byte-for-byte copy of one test fixture of
[Skyscanner/whispers](https://github.com/Skyscanner/whispers), a secrets scanner for structured text,
written by `build.py`.  Nothing in this folder comes from this project's own code.

| repository | commit | licence |
| --- | --- | --- |
| [%s](https://github.com/%s) | `%s` | %s (repository `LICENSE`; no NOTICE file) |

The commit is HEAD of the snapshot read (branch `master`, 2021-10-18).  The fixtures are
redistributed unmodified under Apache-2.0; the labels are ours.
""" % (REPO_NAME, REPO_NAME, repo.commit, licence)]
    tot = {}
    nk = 0
    for f in labels['files'].values():
        for r in f['remove']:
            tot[r['category']] = tot.get(r['category'], 0) + 1
        nk += len(f['keep'])
    L.append('%d files, %d remove labels (%s), %d keep labels.\n' % (
        len(labels['files']), sum(tot.values()), ', '.join('%s %d' % kv for kv in sorted(tot.items())), nk))
    L.append("""## Files

`whispers findings` is what the test states for the fixture (`test_detection_by_value` count, or the
number of keys `test_detection_by_key` lists); `remove` labels are fewer when one value is reported
several times (identical values in a file are one label, its `findings` field says how many reports
it stands for).

| corpus file | fixture | whispers findings (test) | remove labels by category | keep labels |
| --- | --- | --- | --- | --- |""")
    for name, f in labels['files'].items():
        t = f['test_expected']
        how = '-' if t is None else ('%d (by key)' % t if 'by_key' in (f['test'] or '') else '%d' % t)
        L.append('| `%s` | `%s` | %s | %d (%s) | %d |' % (name, f['source']['path'][0], how, len(f['remove']),
                                                          cat_counts(f), len(f['keep'])))
    L.append("""
## How values were obtained

- **Which values whispers reports.**  `tests/unit/test_secrets.py::test_detection_by_value` runs
  whispers on each fixture and asserts that every reported value contains `hardcoded` (any case), is
  numeric, or base64-decodes to `hardcoded`; its parameter list also gives a count per fixture.  The
  count itself is not asserted; for every built fixture it equals the number of key/value pairs that
  whispers' plugins (`whispers/plugins/*.py`) yield and its rules (`whispers/rules/*.yml`) flag, as
  counted by reading that code (whispers was not run; a pair flagged by two rules, e.g. `aws-secret`
  and `apikey`, counts once).  `build.py` reads the counts from the test file and checks that the
  labels' `findings` add up to them.
  `test_detection_by_key` lists the reported keys for `aws.*`, `privatekeys.*`, `jenkins.xml`
  (values are the fixture's values under those keys).  `tests/unit/test_utils.py` names
  `YXNkZmZmZmZm_HARDcoded` (apikeys.yml), `hardcoded1` (pip.conf) and the lines of the hardcoded.yml and
  privatekeys.yml findings.  The fixtures mark the same split with `# Compliant` / `# Noncompliant`
  sections.
- **What is labelled** (`remove`): the value as whispers reports it and as it sits in the file, except
  that for a URI only the password (`https://username:hardcoded1@...`, jdbc `password=`/`userpass=`/
  `pwd=` query values) is labelled, for PEM keys only the body between the BEGIN and END lines, and for
  webhook URLs only the secret last path segment.  Jenkins values keep their `{...}` and `#jbcrypt:`
  wrappers (a redactor that keeps the wrapper and masks the rest still leaves no 12-character run).
  Category `credential`, except the card numbers of creditcards.yml (`payment`); no fixture holds an
  AI provider key.  `kind` says what the value is, `rule` the whispers rule id(s) that report it
  (`apikey`, `password`, `secret`, `aws-id`, `aws-secret`, `aws-token`, `privatekey`, `github`,
  `npmrc`, `pypirc`, `pip`, `dockercfg`, `htpasswd`, `creditcards`, `*-webhook`), `path` the fixture,
  `test` the asserting test, `findings` how many reports it stands for.  One label has `basis`
  instead of `test`: `admin` in connection.config, marked only by the fixture's `<incompliant>`
  section (no test asserts values there, and whispers' XML plugin does not report it).  No value was
  invented or varied.
- **Keep values**: lines the fixture marks compliant that are plainly not secret, stripped of
  surrounding white space: template and environment placeholders (`{{ x }}`, `${x}`, `$x`, `<x>`,
  `%x%`, `<% x %>`), code that only names a secret (`os.getenv("PASSWORD")`, `System.getProperty(...)`),
  IaC references (`!Ref`, `!ImportValue`), plain words and prose, URLs without a password, a git SHA,
  an ARN, and digit runs that fail Luhn or are too short for a card (timestamps).  Compliant values
  that still look like a secret, user names, e-mail addresses and empty values are not labelled
  (neutral).
- **Checks** (`build.py`, exit 1 on failure): each label occurs in its file; replacing exactly the
  remove values with `[X]` removes every 12-character probe (a shorter value: the value itself) and
  keeps every keep value; no keep value holds a remove value; each remove value occurs exactly as
  often as its findings (or a stated count, see notes); every fixture at HEAD is built or listed below.
""")
    L.append('## Left out\n\nFixtures (whole files):\n')
    for rx, why in SKIPPED:
        L.append('- `%s`: %s' % (rx.replace('\\', ''), why))
    L.append('\nFixtures of other whispers versions, not in the HEAD tree (not read):\n')
    for f, why in NOT_AT_HEAD:
        L.append('- `%s`: %s' % (f, why))
    L.append('\nValues inside built fixtures:\n')
    for s in SPECS:
        for lo in s.get('left_out', []):
            L.append('- `%s`: %s' % (s['fixture'], lo))
    L.append("""
## Notes for reading scores

- Short values: most whispers values are `hardcoded`, `hardcoded0`...`hardcoded10` (9-11
  characters).  Under the scoring rule they count as caught only when the whole value is gone from
  the output; the builder checks each occurs only where whispers reports it.
- The four `gh[opsu]_` tokens of gitkeys.yml share a 33-character body, so missing one also counts
  against the others.
- Values of different labels that share text cannot be moved to a `-2` file here, because a
  corpus file is the whole fixture as it is (a second copy would hold the same text): the builder
  lists them below instead (nested values, shared 12-character runs, a value that also sits in
  unlabelled text).  The webhook segments `hardcodedWebhook01/02/03` share `hardcodedWebhook0`, so
  the three stand or fall together.
- Identical values repeated over many lines (`YXNkZmZmZmZm_HARDcoded` 14 times in language.sh, 9 in
  apikeys.*) are one label: all occurrences must go for it to count as caught.
""")
    L.append('Builder notes (`build.py` prints them too):\n')
    for n in notes:
        L.append('- %s' % n)
    L.append("""
## Rebuilding

```sh
python3 tests/external/whispers/build.py --repo GITDIR
```

GITDIR is a git directory holding github.com/Skyscanner/whispers (e.g. `git clone --bare`); files are
read at HEAD (commit above).  Python 3.8+, standard library only; the output is deterministic.
""")
    with open(os.path.join(out_dir, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--repo', default=DEFAULT_REPO, help='git directory of Skyscanner/whispers (default: %(default)s)')
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args(argv)
    repo = Repo(a.repo)
    licence = licence_of(repo)
    files, texts, problems, notes = build(repo, a.out)
    for p in problems:
        print('PROBLEM', p)
    if problems:
        print('%d problems; nothing written' % len(problems))
        return 1
    write(a.out, repo, licence, files, texts, notes)
    for name, f in sorted(files.items()):
        print('%-40s remove %2d (%s)  keep %2d' % (name, len(f['remove']), cat_counts(f), len(f['keep'])))
    for n in notes:
        print('note:', n)
    tot_r = sum(len(f['remove']) for f in files.values())
    tot_k = sum(len(f['keep']) for f in files.values())
    print('%s @ %s (%s): %d files, %d remove labels, %d keep labels; all checks passed'
          % (REPO_NAME, repo.commit[:12], licence, len(files), tot_r, tot_k))
    return 0


if __name__ == '__main__':
    sys.exit(main())
