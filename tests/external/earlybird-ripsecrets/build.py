#!/usr/bin/env python3
"""Build the earlybird-ripsecrets corpus from git snapshots of two secret scanners.

    python3 build.py --earlybird GITDIR --ripsecrets GITDIR [--out DIR] [--list]

GITDIR is a (bare) git directory holding the commit pinned below:

- americanexpress/earlybird (Apache-2.0): the `Example` of each rule in
  config/rules/{password-secret,content,ccnumber}.yaml and the test inputs of
  the Go unit tests (pkg/scan/falsePositives_test.go, pkg/scan/scan_test.go,
  pkg/api/api_test.go, pkg/postprocess/*_test.go);
- sirwart/ripsecrets (MIT): the files under test/ (one_per_line/*: one secret
  per line; one_per_file/*: one secret per file; none: no secret at all).

Every input found is a "case" (a test line, a rule example, a whole test file)
and must have an entry in TABLE below: the remove labels (category, kind,
value), the keep labels (kind, value) or the reason it is left out.  The build
fails on a case without an entry and on an entry that matches no case.  Values
are taken as they sit in the case text; nothing is invented or varied.

Cases are written one per line (a multi-line case between blank lines) into
one file per family (`earlybird-rules`, `earlybird-tests`, `ripsecrets`).  A
case goes to the first file of its family (`NAME.txt`, `NAME-2.txt`, ...) where
(a) none of its remove values already occurs in the file text and no remove
value of the file occurs in the case text (so each context of a value that the
sources repeat -- `foobar`, `do_not_use_this_in_production`, one key under
five key names -- is its own label), and (b) the file still passes
../labels_check.py (each label occurs; replacing exactly the remove values
removes every 12-character probe and keeps every keep value).  Remove values of
one file may share 12-character runs with each other (JWT headers, one key body
under `ghp_` and `github_pat_`): missing one can count against the other.

Runs nothing from the snapshots; standard library only; deterministic.
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

EB = 'americanexpress/earlybird'
RS = 'sirwart/ripsecrets'
COMMITS = {
    EB: '573753e6f39a02293d4a250878e66664aefa674a',
    RS: '416e9d04d6ba8941fc3106bf986b6c8aa875767e',
}
LICENCES = {EB: ('LICENSE.txt', 'Apache License', 'Apache-2.0'),
            RS: ('LICENSE', 'Permission is hereby granted, free of charge', 'MIT')}

P, C, Y = 'payment', 'credential', 'provider_key'


def rm(cat, kind, value):
    return ('rm', cat, kind, value)


def keep(kind, value):
    return ('keep', kind, value)


def skip(reason):
    return ('skip', reason)


# reasons used more than once
BARE = 'a bare value with no key, field or header around it in the test: nothing tells a reader it is a secret'
NEUTRAL = 'a negative that still holds a secret-shaped value (not plainly non-secret): left neutral, so left out'
NOSECRET = 'the scanner flags the line, but it holds no secret literal'
SCOPE_PII = 'out of scope: personal data / infrastructure rule, not a secret'
SCOPE_CODE = 'out of scope: not a secret rule (weak crypto, comments, words)'
HEADER = 'a PEM header line without key material: nothing to label'
SHORT = 'the value is under 4 characters'

# ---------------------------------------------------------------- earlybird rules
R_PS = 'config/rules/password-secret.yaml'
R_CT = 'config/rules/content.yaml'
R_CC = 'config/rules/ccnumber.yaml'
RULES = {
    (R_PS, '1002'): skip(BARE + ' (the word "password" in quotes)'),
    (R_PS, '1061'): skip(BARE),
    (R_PS, '1068'): skip(BARE),
    (R_PS, '1070'): skip(BARE),
    (R_PS, '1071'): skip(BARE),
    (R_PS, '1072'): skip(BARE),
    (R_PS, '1073'): skip(BARE),
    (R_PS, '1074#1'): skip(BARE),
    (R_PS, '1074#2'): [rm(C, 'password', 'w2e3r4t5')],
    (R_PS, '1074#3'): [rm(C, 'password', 'autumn2019')],
    (R_PS, '3001'): [rm(C, 'password', 'foobar')],
    (R_PS, '3003'): [rm(C, 'password_placeholder', 'xxxx')],
    (R_PS, '3004'): [rm(C, 'password_placeholder', 'xxxx')],
    (R_PS, '3005'): [rm(C, 'password_placeholder', 'xxxx')],
    (R_PS, '3006'): [rm(C, 'passphrase_placeholder', 'xxxx')],
    (R_PS, '3007'): [rm(C, 'password', 'foobar')],
    (R_PS, '3008'): [rm(C, 'passphrase', 'foobar')],
    (R_PS, '3021'): [rm(C, 'password', 'foobar')],
    (R_PS, '3022'): [rm(C, 'password', 'foobar')],
    (R_PS, '3026'): [rm(C, 'secret', 'foobar')],
    (R_PS, '3027'): [rm(C, 'secret_key', 'foobar')],
    (R_PS, '3029'): [rm(C, 'oauth_app_secret', 'foobar')],
    (R_PS, '3030'): [rm(C, 'aws_secret_access_key_placeholder', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKFE')],
    (R_PS, '3032'): [rm(C, 'app_secret_placeholder', 'xxxx')],
    (R_PS, '3033'): [rm(C, 'client_secret_placeholder', 'xxxx')],
    (R_PS, '3084'): [rm(C, 'basic_auth', 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==')],
    (R_PS, '5002'): [rm(C, 'jwt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJtc2ciOiJyZXNjYW5uaWcgaXMgYXV0b21hdGljIiwiaWF0IjoxNTE2MjM5MDIyfQ.wv2emR73EnK6-0mhinbuYSoUMsYMe3OKDJrAJolyeJ0')],
    (R_PS, '3034'): [rm(C, 'client_secret', 'foobar')],
    (R_PS, '3035'): [rm(C, 'auth_key_placeholder', 'xxxx')],
    (R_PS, '3036'): [rm(C, 'secret_key_placeholder', 'xxxx')],
    (R_PS, '3037'): [rm(C, 'auth_token_placeholder', 'xxx123xxx345xxx678')],
    (R_PS, '3040'): [rm(C, 'google_access_token_placeholder', 'test')],
    (R_PS, '3041'): [rm(C, 'google_oauth_access_token', 'ya29Xaz65xnSOi45O5wyRaaeONDHqenVAMXmxObLMZq-vQihlleznZAbCHHWr6Gz3J7DKuyQf')],
    (R_PS, '3042'): [rm(C, 'google_api_key_placeholder', 'test')],
    (R_PS, '3043'): [rm(C, 'google_api_key', 'AIzaSyQ4kHseoBZiO7anxQJ2IzlfzfMLjNU5ma_')],
    (R_PS, '3044'): [rm(C, 'slack_token_placeholder', 'test')],
    (R_PS, '3045'): [rm(C, 'slack_token', 'xoxa-123-123-123-012af')],
    (R_PS, '3046'): skip('the example is the product name "Mapbox Secure Key", no key'),
    (R_PS, '3047'): [rm(C, 'slack_token', 'xoxs-0260321744-0287945347-015035651542-oxtp6n0z7yibj63vndve9gsej96k5k4s')],
    (R_PS, '3048'): [rm(C, 'npm_token', '77a13b56-f6c9-0294-57b0-b635f6260064')],
    (R_PS, '3049'): [rm(C, 'password_placeholder', 'xxxx')],
    (R_PS, '3057'): [rm(C, 'password', 'foobar')],
    (R_PS, '3060'): [rm(C, 'dsn_password', 'mypassword')],
    (R_PS, '3065'): [rm(C, 'heroku_api_key_placeholder', 'A0AAA0AA-aAaa-AAAA-aaAA-Aa00AaAA0a0A')],
    (R_PS, '3066'): [rm(C, 'github_token_placeholder', 'aaaAaA0A0a00aAaA0a0aA0AAaaaAAa0Aa00')],
    (R_PS, '3067'): [rm(C, 'facebook_secret_placeholder', 'a00000aa0aaa0aa0a00aa00a00000aaa0a000a0a0aaa0a0a0a00aa00a000aaa0')],
    (R_PS, '3068'): [rm(C, 'twitter_secret_placeholder', '0aaAaA0AAAA0000a0a0A0a0aaa0AaAA0a0a')],
    (R_PS, '3075'): [rm(C, 'credential', 'foobar')],
    (R_PS, '5001'): [rm(C, 'high_entropy_secret', 'b6SxM4UwRm1dBqTG4zIVU6rcBy1QhnfQKmSZOnmR6fS7ZvuCxf1C1uQFNI9CVWzH')],
    (R_CT, '3009'): [rm(C, 'consumer_key', 'foobar')],
    (R_CT, '3010'): [rm(C, 'consumer_secret', 'foobar')],
    (R_CT, '3013'): skip(SCOPE_PII + ' (phone number)'),
    (R_CT, '3014'): skip(SCOPE_PII + ' (e-mail address)'),
    (R_CT, '3015'): skip(SCOPE_PII + ' (IPv4 address)'),
    (R_CT, '3016'): skip(SCOPE_PII + ' (IPv6 address)'),
    (R_CT, '3017'): skip(SCOPE_PII + ' (US SSN)'),
    (R_CT, '3018'): [rm(P, 'iban_placeholder', 'DE00 0000 0000 0000 0000 00')],
    (R_CT, '3019'): skip(SCOPE_PII + ' (any URL)'),
    (R_CT, '3020'): skip(SCOPE_PII + ' (MAC address)'),
    (R_CT, '3023'): skip(HEADER),
    (R_CT, '3024'): [rm(C, 'aws_access_key_id_placeholder', 'AKIAIOSFODNN7EXAMPLE')],
    (R_CT, '3025'): skip(SCOPE_CODE + ' (TODO comment)'),
    (R_CT, '3028'): skip(HEADER),
    (R_CT, '3031'): skip(HEADER),
    (R_CT, '3038'): skip(HEADER),
    (R_CT, '3039'): [rm(C, 'aws_access_key_id_placeholder', 'test')],
    (R_CT, '3050'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3051'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3052'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3053'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3054'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3055'): skip(SCOPE_PII + ' (passport number)'),
    (R_CT, '3056'): skip(SCOPE_PII + ' (passport number)'),
    (R_CT, '3058'): skip(SCOPE_CODE),
    (R_CT, '3059'): skip(SCOPE_CODE),
    (R_CT, '3061'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3062'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3063'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3064'): skip(SCOPE_PII + ' (national id)'),
    (R_CT, '3069'): skip(SCOPE_CODE),
    (R_CT, '3070'): skip(SCOPE_CODE),
    (R_CT, '3071'): skip(SCOPE_CODE),
    (R_CT, '3072'): skip(SCOPE_CODE),
    (R_CT, '3073'): skip(SCOPE_CODE),
    (R_CT, '3074'): skip(SCOPE_CODE),
    (R_CC, '2001'): [rm(P, 'card_number', '378282246310005')],
    (R_CC, '2008'): skip('a masked card number (first two digits written xx): masked values are neutral'),
}

# ---------------------------------------------------------------- earlybird tests
T_FP = 'pkg/scan/falsePositives_test.go'
T_SC = 'pkg/scan/scan_test.go'
T_API = 'pkg/api/api_test.go'
T_VP = 'pkg/postprocess/validatePassword_test.go'
T_PS = 'pkg/postprocess/passwordStrength_test.go'
T_EN = 'pkg/postprocess/entropy_test.go'
T_SK = 'pkg/postprocess/skipSameKeyValue_test.go'
T_JWT = 'pkg/postprocess/jwt_test.go'
T_BA = 'pkg/postprocess/basicAuthHeader_test.go'
T_LU = 'pkg/postprocess/luhn_test.go'
T_PEM = 'pkg/postprocess/pem_test.go'
DNU = 'do_not_use_this_in_production'
VS = 'VeryStrong857#'
JWT_H = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'

TESTS = {
    # falsePositives_test.go: wantIsFP false -> remove, true -> keep when plainly not secret
    (T_FP, 'password = "StrongFinding5813!"'): [rm(C, 'password', 'StrongFinding5813!')],
    (T_FP, 'password=None'): [keep('placeholder', 'password=None')],
    (T_FP, '<Password>password</Password>'): [keep('placeholder', '<Password>password</Password>')],
    (T_FP, '<Password>abc13</Password>'): [rm(C, 'password', 'abc13')],
    (T_FP, '<passphrase>passphrase</passphrase>'): [keep('placeholder', '<passphrase>passphrase</passphrase>')],
    (T_FP, '<passphrase>abc13</passphrase>'): [rm(C, 'passphrase', 'abc13')],
    (T_FP, 'github.com/Mermade/oas-kit?sponsor=1","scripts":{"test":"mocha"},"browserify":{"transform":[["babelify",{"presets":["es2015"]}]]},"repository":{"url":"https://github.com/Mermade/oas-kit.git","type":"git"}'):
        skip(NOSECRET + ' (a package.json fragment; the test expects the "Github key" hit)'),
    (T_FP, '      passphrase: pass,'): [keep('code', 'passphrase: pass,')],
    (T_FP, '    account_token: PropTypes.string.isRequired,'): [keep('code', 'account_token: PropTypes.string.isRequired,')],
    (T_FP, '\t\t"secret" : "secret"'): [keep('placeholder', '"secret" : "secret"')],
    (T_FP, "\t\t'secret' : 'secret'"): [keep('placeholder', "'secret' : 'secret'")],
    (T_FP, '\t\t"secret" : "%s"' % DNU): [rm(C, 'secret', DNU)],
    (T_FP, '\t\tclient-secret: %s' % DNU): [rm(C, 'client_secret', DNU)],
    (T_FP, '\t\tclientSecret: %s' % DNU): [rm(C, 'client_secret', DNU)],
    (T_FP, '\t\t"clientSecret": "%s"' % DNU): [rm(C, 'client_secret', DNU)],
    (T_FP, '\t\t"client-secret": "%s"' % DNU): [rm(C, 'client_secret', DNU)],
    (T_FP, 'client_secret: grafana-client-secret'): [keep('placeholder', 'client_secret: grafana-client-secret')],
    (T_FP, 'client_secret: some-client-secret'): [keep('placeholder', 'client_secret: some-client-secret')],
    (T_FP, '\t\tauth-key: %s' % DNU): [rm(C, 'auth_key', DNU)],
    (T_FP, '\t\t"auth-key": "%s"' % DNU): [rm(C, 'auth_key', DNU)],
    (T_FP, '\t\tsecret-key: %s' % DNU): [rm(C, 'secret_key', DNU)],
    (T_FP, '\t\t"secret-key": "%s"' % DNU): [rm(C, 'secret_key', DNU)],
    (T_FP, '\t\tcredentials: ******'): [keep('masked', 'credentials: ******')],
    (T_FP, '\t\tcredentials: %s' % DNU): [rm(C, 'credential', DNU)],
    (T_FP, '\t\t"credential": "%s"' % DNU): [rm(C, 'credential', DNU)],
    (T_FP, '\t\tcredential: %s' % DNU): [rm(C, 'credential', DNU)],
    (T_FP, 'credential: xxxxxxx'): [keep('placeholder', 'credential: xxxxxxx')],
    (T_FP, 'credentials= xxxxxxx'): [keep('placeholder', 'credentials= xxxxxxx')],
    (T_FP, "credential: 'xxxxxx'"): [keep('placeholder', "credential: 'xxxxxx'")],
    (T_FP, "credentials: 'xxxxxxx'"): [keep('placeholder', "credentials: 'xxxxxxx'")],
    (T_FP, '\t\tcredentials=include'): [keep('code', 'credentials=include')],
    (T_FP, '\t\t"credentials" : "omit"'): [keep('code', '"credentials" : "omit"')],
    (T_FP, "\t\t'credentials' : 'same-origin'"): [keep('code', "'credentials' : 'same-origin'")],
    (T_FP, 'account_token = selected_card_account_token(accounts, selected_card)'):
        [keep('code', 'account_token = selected_card_account_token(accounts, selected_card)')],
    (T_FP, '"linked_account_token": "97XKNWNOVJR3U0Z",'): [rm(C, 'account_token', '97XKNWNOVJR3U0Z')],
    (T_FP, '\t\t"INPUT_LABEL_GENERIC_PASSWORD": "xxxxxx"'): [rm(C, 'password_placeholder', 'xxxxxx')],
    (T_FP, '\t\tINPUT_LABEL_GENERIC_PASSWORD= xxxxxxxx'): [rm(C, 'password_placeholder', 'xxxxxxxx')],
    (T_FP, '\t\tINPUT_LABEL_GENERIC_PASSWORD= "xxxxxxxx"'): [rm(C, 'password_placeholder', 'xxxxxxxx')],
    (T_FP, '\t\tlet password = "%s"' % DNU): [rm(C, 'password', DNU)],
    (T_FP, '\t\tlet password: String! = "%s"' % DNU): [rm(C, 'password', DNU)],
    (T_FP, '\t\tvar txtFieldPassword: UITextField! = nil'): [keep('code', 'var txtFieldPassword: UITextField! = nil')],
    (T_FP, '\t\t"Password": "Lösenord"'): [keep('ui_text', '"Password": "Lösenord"')],
    (T_FP, '\t\t"Password"= "Lösenord"'): [keep('ui_text', '"Password"= "Lösenord"')],
    (T_FP, "client_secret: 'None'"): [keep('placeholder', "client_secret: 'None'")],
    (T_FP, "client_secret_key : 'e2.api.client.secret.key'"): [keep('property_name', "client_secret_key : 'e2.api.client.secret.key'")],
    (T_FP, "client_secret_key : 'valid_password'"): [rm(C, 'secret_key', 'valid_password')],
    (T_FP, 'db_password=password'): [keep('placeholder', 'db_password=password')],
    (T_FP, '"connectionString": "CloudConnector;USE_ZORBA2;SourceName=eloqua;tokenType=userPassword;user=@user;password=@password"'):
        [keep('template_variable', 'user=@user;password=@password')],
    (T_FP, "  USE_CREDENTIALS: 'use-credentials'"): [keep('code', "USE_CREDENTIALS: 'use-credentials'")],
    (T_FP, 'api.auth.Password: /foo/bar/Password.js'): [keep('file_path', 'api.auth.Password: /foo/bar/Password.js')],
    (T_FP, 'password=PASSWORD'): [keep('placeholder', 'password=PASSWORD')],
    (T_FP, 'client_credentials="not a valid password"'): [keep('prose', 'client_credentials="not a valid password"')],
    (T_FP, 'client_credentials="key.to.password.value"'): [keep('property_name', 'client_credentials="key.to.password.value"')],
    (T_FP, 'client_credentials="secretPassword123"'): [rm(C, 'credential', 'secretPassword123')],
    (T_FP, 'credentials = file(var.credPath)'): [keep('code', 'credentials = file(var.credPath)')],
    (T_FP, 'credentials = fileSecret1234'): [rm(C, 'credential', 'fileSecret1234')],
    (T_FP, '\t\t"\'{{\' .Data.data.privateKey | regexReplaceAll \\"-----BEGIN RSA PRIVATE KEY-----\\"'):
        [keep('template', '"\'{{\' .Data.data.privateKey | regexReplaceAll \\"-----BEGIN RSA PRIVATE KEY-----\\"')],
    (T_FP, '\t\t-----BEGIN RSA PRIVATE KEY-----'): skip(HEADER),
    (T_FP, 'password: MONGO_DB_PASSWORD'): [keep('env_var_name', 'password: MONGO_DB_PASSWORD')],
    (T_FP, 'password= COUCHBASE_DB_PASSWORD'): [keep('env_var_name', 'password= COUCHBASE_DB_PASSWORD')],
    (T_FP, "ENV_VAR_SSLPASSWORD = 'KEYFILE_PASSWORD'"): [keep('env_var_name', "ENV_VAR_SSLPASSWORD = 'KEYFILE_PASSWORD'")],
    (T_FP, '\t\tval DBpassword = appConfig.getString("db.jdbc.pwd")'): [keep('code', 'val DBpassword = appConfig.getString("db.jdbc.pwd")')],
    (T_FP, '\t\tString password = context.decrypt("%%MONGO_DB_PWD%%");'): [keep('code', 'String password = context.decrypt("%%MONGO_DB_PWD%%");')],
    (T_FP, '\t\tpassword = generatePassword(context)'): [keep('code', 'password = generatePassword(context)')],
    (T_FP, '\t\tlogger.debug("Password is : generatePassword :data :" + data);'): skip(NOSECRET + ' (a logger call)'),
    (T_FP, 'authKey: GITHUB_AUTH_KEY'): [keep('env_var_name', 'authKey: GITHUB_AUTH_KEY')],
    (T_FP, 'authKey: V3RyStr0nG@uThk3Y'): [rm(C, 'auth_key', 'V3RyStr0nG@uThk3Y')],
    (T_FP, 'Password=my_logo_i_passwd>what'): [rm(C, 'password', 'my_logo_i_passwd>what')],
    (T_FP, 'CREDENTIALS=2727'): [rm(C, 'credential', '2727')],
    (T_FP, '\t\tString password = param[0];'): [keep('code', 'String password = param[0];')],
    (T_FP, '\t\tString password = pa$$[@ee4@]'): [rm(C, 'password', 'pa$$[@ee4@]')],
    (T_FP, '\tconst val AUTHORIZATION_TOKEN = "Authorization Token",'): [keep('code', 'const val AUTHORIZATION_TOKEN = "Authorization Token",')],
    (T_FP, 'ticketmaster'): skip(SCOPE_CODE + ' (inclusive-language rule)'),
    (T_FP, 'mastercard'): skip(SCOPE_CODE + ' (inclusive-language rule)'),
    # scan_test.go / api_test.go
    (T_SC, 'password = "SecretValue1673"'): [rm(C, 'password', 'SecretValue1673')],
    (T_SC, "tomcat_password = '123'"): skip(SHORT),
    (T_SC, "password = '123'"): skip(SHORT),
    (T_SC, 'password=TrueFinding7842!'): [rm(C, 'password', 'TrueFinding7842!')],
    (T_SC, 'password = fall123'): [rm(C, 'password', 'fall123')],
    (T_SC, 'using fall in a general sentence should not error'): [keep('prose', 'using fall in a general sentence should not error')],
    (T_SC, 'twitterApiSecret:"111aAa222bBb333cCc444dDd555eEe666fFf777"'): [rm(C, 'twitter_api_secret', '111aAa222bBb333cCc444dDd555eEe666fFf777')],
    (T_SC, 'twitter="twitter";//This LineValue emulates extremely long one-liner code files that can cause false positives "111aAa222bBb333cCc444dDd555eEe666fFf777"'):
        skip(NEUTRAL),
    (T_SC, 'foobar'): skip('input of the line-splitting tests, not a secret test'),
    (T_SC, 'foo'): skip('input of the line-splitting tests, not a secret test'),
    (T_SC, 'bar'): skip('input of the line-splitting tests, not a secret test'),
    (T_SC, "password = 'aReallyBadPassword'"): [rm(C, 'password', 'aReallyBadPassword')],
    (T_API, 'password="SampleFinding678#"'): [rm(C, 'password', 'SampleFinding678#')],
    # validatePassword_test.go (wantIgnore false -> remove)
    (T_VP, 'fo'): skip(SHORT),
    (T_VP, '$variable'): [keep('variable', '$variable')],
    (T_VP, 'func()'): [keep('code', 'func()')],
    (T_VP, 'ignore me please'): [keep('prose', 'ignore me please')],
    (T_VP, 'password: ignore.me'): skip(NEUTRAL + ' (ignored for its dot)'),
    (T_VP, 'password: ignoreme==please'): skip(NEUTRAL + ' (ignored for its "==")'),
    (T_VP, VS): skip(BARE),
    (T_VP, 'my.property=propertyEqualDelimitedPassword'): [rm(C, 'password', 'propertyEqualDelimitedPassword')],
    (T_VP, 'my.property:propertyColonDelimitedPassword'): [rm(C, 'password', 'propertyColonDelimitedPassword')],
    (T_VP, 'my.property    =     propertySpacesAroundDelimited'): [rm(C, 'password', 'propertySpacesAroundDelimited')],
    (T_VP, 'my.property: sampleYmlPassword'): [rm(C, 'password', 'sampleYmlPassword')],
    (T_VP, '"my.property": "sample%3YmlPassword"'): [rm(C, 'password', 'sample%3YmlPassword')],
    (T_VP, 'password: I D の 確 認 、 パ ス ワ ー ド の 変 更'): [keep('ui_text', 'password: I D の 確 認 、 パ ス ワ ー ド の 変 更')],
    (T_VP, 'password: VeryStrong$$の確 の'): skip(NEUTRAL + ' (ignored for its non-ASCII tail)'),
    (T_VP, 'password: VeryStrong857!@$^&*#'): [rm(C, 'password', 'VeryStrong857!@$^&*#')],
    (T_VP, '"password": "VeryStrong$$你好"'): skip(NEUTRAL + ' (ignored for its non-ASCII tail)'),
    (T_VP, '"password"= "Informationsb你好世界"'): skip(NEUTRAL + ' (ignored for its non-ASCII tail)'),
    (T_VP, '"password": "L&#246;senord"'): [keep('ui_text', '"password": "L&#246;senord"')],
    (T_VP, '"secret": "&#12497;&#12473;&#12527;&#12540;&#12489"'): [keep('ui_text', '"secret": "&#12497;&#12473;&#12527;&#12540;&#12489"')],
    (T_VP, '"password": "VeryStrong$$\\u0049\\u0044"'): [rm(C, 'password', 'VeryStrong$$\\u0049\\u0044')],
    (T_VP, 'secret: ' + VS): [rm(C, 'secret', VS)],
    (T_PS, 'VeryStrong8161#'): skip(BARE),
    (T_PS, 'foo'): skip(BARE),
    (T_PS, 'test123'): skip(BARE),
    (T_EN, 'G$#G%^J&%$J52165251h6$%FTH%$H!'): skip(BARE),
    (T_EN, '0'): skip(SHORT),
    # skipSameKeyValue_test.go (lineValue; wantIgnore true -> keep)
    (T_SK, 'PASSWORD_DB : password_db'): [keep('placeholder', 'PASSWORD_DB : password_db')],
    (T_SK, 'DB_PASSWORD : db_password'): [keep('placeholder', 'DB_PASSWORD : db_password')],
    (T_SK, 'DB_PASSWORD : $db.password'): [keep('variable', 'DB_PASSWORD : $db.password')],
    (T_SK, 'APISECRET: api.Secret'): [keep('property_name', 'APISECRET: api.Secret')],
    (T_SK, '"SECRET": "SECRET"'): [keep('placeholder', '"SECRET": "SECRET"')],
    (T_SK, 'password_couchbase: ' + VS): [rm(C, 'password', VS)],
    (T_SK, 'couchbase_password: ' + VS): [rm(C, 'password', VS)],
    (T_SK, 'secret: ' + VS): skip('the same line is a case of validatePassword_test.go'),
    (T_SK, 'api.appSecret=apiAppSecret'): [keep('placeholder', 'api.appSecret=apiAppSecret')],
    # jwt_test.go (isSecret)
    (T_JWT, JWT_H + '.eyJuYW1lIjoiQW1lcmljYW4gRXhwcmVzcyIsImFkbWluIjp0cnVlLCJpYXQiOjE1MTYyMzkwMjJ9.JieTvCL1z9dCSAoFAtYWkHEKswbfEQGXCVcej2g7n80'):
        [rm(C, 'jwt', JWT_H + '.eyJuYW1lIjoiQW1lcmljYW4gRXhwcmVzcyIsImFkbWluIjp0cnVlLCJpYXQiOjE1MTYyMzkwMjJ9.JieTvCL1z9dCSAoFAtYWkHEKswbfEQGXCVcej2g7n80')],
    (T_JWT, JWT_H + '.eyJleHAiOjE1MTYyMzkwMjIsIm5hbWUiOiJBbWVyaWNhbiBFeHByZXNzIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.nTCTRxHQRCbmIplyVwZzPw8_Ohv-3wJpskH_MphhUFE'):
        skip(NEUTRAL + ' (an expired JWT)'),
    (T_JWT, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVJ9.eyJhbGciOiJIUzINiIsInR5cCI6IkpXVCJ9.eyJhbGciOiJIUzI1NiIsInR5cCI6kpXVCJ9'):
        [rm(C, 'jwt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVJ9.eyJhbGciOiJIUzINiIsInR5cCI6IkpXVCJ9.eyJhbGciOiJIUzI1NiIsInR5cCI6kpXVCJ9')],
    (T_JWT, JWT_H + '.eyJleHAiOjMxNTU4NjkxNzkzMDAwLCJuYW1lIjoiQW1lcmljYW4gRXhwcmVzcyIsImFkbWluIjp0cnVlLCJpYXQiOjE1MTYyMzkwMjJ9.wOSLG3VTKg7A2KoKu9WsuIiKIpl__PDWStw1CkmeOPs'):
        [rm(C, 'jwt', JWT_H + '.eyJleHAiOjMxNTU4NjkxNzkzMDAwLCJuYW1lIjoiQW1lcmljYW4gRXhwcmVzcyIsImFkbWluIjp0cnVlLCJpYXQiOjE1MTYyMzkwMjJ9.wOSLG3VTKg7A2KoKu9WsuIiKIpl__PDWStw1CkmeOPs')],
    # basicAuthHeader_test.go (isSecret)
    (T_BA, 'Authorization: Basic dXNlbmFtZTpwYXNzd29yZA=='): [rm(C, 'basic_auth', 'dXNlbmFtZTpwYXNzd29yZA==')],
    (T_BA, 'Authorization: Basic acdefjhikl'): skip(NEUTRAL + ' (not valid base64)'),
    (T_BA, 'Basic dXNlbmFtZTpwYXNzd29yZA=='): [rm(C, 'basic_auth', 'dXNlbmFtZTpwYXNzd29yZA==')],
    (T_BA, 'Authorization: '): skip('an empty header'),
    (T_BA, 'dXNlbmFtZTpwYXNzd29yZA=='): skip(BARE + ' (the blob of the positive cases without "Basic")'),
    # luhn_test.go (want = IsCard)
    (T_LU, '0'): skip(SHORT),
    (T_LU, '37000000000000200000000000000000000000000011'): skip('pattern-matching edge case, not a card number'),
    (T_LU, '370000ajlsdklasdj000000002'): skip('pattern-matching edge case, not a card number'),
    (T_LU, '370000000000002'): [rm(P, 'card_number', '370000000000002')],
    (T_LU, '100000000000000'): [keep('luhn_invalid_number', '100000000000000')],
    (T_LU, 'ABCDEFG'): skip('a word with no digits'),
    (T_LU, '1000-0000-0000-000'): skip('input of the digit-isolation helper, not a card test'),
    # pem_test.go (isSecret)
    (T_PEM, 'Random Binary Data'): [keep('prose', 'Random Binary Data')],
    (T_PEM, 'This is not a pem file.'): [keep('prose', 'This is not a pem file.')],
    (T_PEM, 'Non-pem File'): [keep('prose', 'Non-pem File')],
    (T_PEM, '-----BEGIN ENCRYPTED PRIVATE KEY-----\ntest password\n-----END ENCRYPTED PRIVATE KEY-----'):
        [rm(C, 'private_key_placeholder', 'test password')],
}

# ---------------------------------------------------------------- ripsecrets
def RSL(name):
    return 'test/one_per_line/' + name


SCOPE_RS = 'out of scope: not a secret a WordPress/WooCommerce site or its support evidence holds'
RS_2TM = '2Tm6cdsRVBTL9hRCmR6MRDTpMLFS4I'
RS_HEX = '9e51341f8d87894c927d0150be0a9676c7427850c11607bb2e8943292a029a91ebed6a91'
RS_GH = 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx'
RIPSECRETS = {
    ('test/none', 'sk_live_ReTllpYQYfIZu2Jnf2lAPFjD // pragma: allowlist secret'): skip(NEUTRAL + ' (allow-listed by a pragma)'),
    ('test/none', 'secret = "asdfasdfasdfasdfasdfasdfasdfasdfasdfasdfasdfasdf"'): skip(NEUTRAL + ' (low-randomness value under a secret key)'),
    ('test/none', '-----BEGIN PRIVATE KEY-----this is not a private key-----END PRIVATE KEY-----'): [keep('prose', 'this is not a private key')],
    ('test/none', 'CLIENT_SECRET = settings.GITHUB_API_SECRET'): [keep('code', 'CLIENT_SECRET = settings.GITHUB_API_SECRET')],
    ('test/none', 'ACCESS_TOKEN_URL = ASANA_TOKEN_EXCHANGE_URL'): [keep('code', 'ACCESS_TOKEN_URL = ASANA_TOKEN_EXCHANGE_URL')],
    ('test/none', 'return keyJob.start() # can look like a JWT due to containing eyJ'): [keep('code', 'return keyJob.start() # can look like a JWT due to containing eyJ')],
    ('test/none', 'WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON)'):
        [keep('code', 'WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON)')],
    ('test/none', 'req.POST = {"head_long": "v999", "url": "http://example.com", "user": "wrong@example.com"}'):
        [keep('code', 'req.POST = {"head_long": "v999", "url": "http://example.com"')],
    ('test/none', 'http://public:secret@example.com/1'): skip(NEUTRAL + ' (a URL with user:password "public:secret")'),
    ('test/none', 'project_key = PROJECT_NAME_ALIAS'): [keep('code', 'project_key = PROJECT_NAME_ALIAS')],
    ('test/none', 'postgresql://user:user@no_connection/no_db'): skip(NEUTRAL + ' (a DSN with password "user")'),
    ('test/none', 'postgresql://user:ReTllpYQYfIZu2Jnf2lAPFjD@no_connection/no_db // secret is in .secretsignore'): skip(NEUTRAL + ' (listed in .secretsignore)'),
    (RSL('age'), 'AGE-SECRET-KEY-1Y5JDPF0K03KJV5ZPVMGESWF8JQZR8AU7ZWPMRQMM2D9Y8G0QRNZSZVU0ZN'): skip(SCOPE_RS + ' (age encryption key)'),
    (RSL('age'), 'AGE-SECRET-KEY-13JCDF682MCF4V7LPYVCE85VTSNC60TPX5ZYSSNK599PGTFX9L3TQVW5JTH'): skip(SCOPE_RS + ' (age encryption key)'),
    (RSL('aws'), "secret_access_key = '1W0T1eqNpAk3imtH8mJtkSf2AQ3eNMrPqe3u3Tf6'"): [rm(C, 'aws_secret_access_key', '1W0T1eqNpAk3imtH8mJtkSf2AQ3eNMrPqe3u3Tf6')],
    (RSL('aws'), 'secretAccessKey = "wrmDCcpolP3yg9l7o9dJragXbj2wFFzWgiN5FBZN"'): [rm(C, 'aws_secret_access_key', 'wrmDCcpolP3yg9l7o9dJragXbj2wFFzWgiN5FBZN')],
    (RSL('aws'), 'SECRET_ACCESS_KEY: 2OYzBCp/+N9pUJ3a8JA5lOLYL/iKBFYVlif3pIHl'): [rm(C, 'aws_secret_access_key', '2OYzBCp/+N9pUJ3a8JA5lOLYL/iKBFYVlif3pIHl')],
    (RSL('azure'), 'AccountKey=lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ=='):
        [rm(C, 'azure_storage_account_key', 'lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ==')],
    (RSL('azure'), 'client_secret = GN.7Q~4AkLZBNEbz4Jxlm~O5G6SsyFxYg6zNR'): [rm(C, 'azure_client_secret', 'GN.7Q~4AkLZBNEbz4Jxlm~O5G6SsyFxYg6zNR')],
    (RSL('azure'), 'api_key = 2N87Q~4m2Bkq.tjC7pDkGksXPutGkChIGNqYc'): [rm(C, 'azure_client_secret', '2N87Q~4m2Bkq.tjC7pDkGksXPutGkChIGNqYc')],
    (RSL('gcp'), 'key=AIzaSyCw8XmxlGXVRySZxKiuZhFCALuXbLqqHBI'): [rm(C, 'google_api_key', 'AIzaSyCw8XmxlGXVRySZxKiuZhFCALuXbLqqHBI')],
    (RSL('gcp'), 'AIzaSyBYvIR5fRdK_ZUw4baMjUanLRTA7iopW-I'): [rm(C, 'google_api_key', 'AIzaSyBYvIR5fRdK_ZUw4baMjUanLRTA7iopW-I')],
    (RSL('gcp'), 'AIzaSyBsk5f14YtkTQr-hIbMjMOMSXIV2KdZlrU'): [rm(C, 'google_api_key', 'AIzaSyBsk5f14YtkTQr-hIbMjMOMSXIV2KdZlrU')],
    (RSL('github'), 'ghp_' + RS_GH): [rm(C, 'github_token', 'ghp_' + RS_GH)],
    (RSL('github'), 'github_pat_' + RS_GH): [rm(C, 'github_pat', 'github_pat_' + RS_GH)],
    (RSL('gitlab'), 'glpat-z_sxgtrfAxKr8q1TPY8Y'): [rm(C, 'gitlab_token', 'glpat-z_sxgtrfAxKr8q1TPY8Y')],
    (RSL('intra42'), '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'): skip(SCOPE_RS + ' (42 school intranet API)'),
    (RSL('intra42'), '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'): skip(SCOPE_RS + ' (42 school intranet API)'),
    (RSL('jwt'), JWT_H + '.KGMXt7sEYwzBpmZp42UHQpIxFjHUt8fHFwBj6WVGwzQhLxHh9e_Ey5ZnJwGkVzEHPOQBpI9oZ0OhNK0KwXHkjGONbTVJ9PhBBi7QxNjuX4EvK4NBzIg5hErZ8WR1g_RQHQiQGjO8EjF0kyNGxNaH2kI6qIF0QR_4.f9WZ2aXU8BB3zT0k.nM6yrcsTVaYYOxFxRXA9dQ.hGpXqR3_1f7ZwZ7ZgQ9JKw'):
        [rm(C, 'jwt', JWT_H + '.KGMXt7sEYwzBpmZp42UHQpIxFjHUt8fHFwBj6WVGwzQhLxHh9e_Ey5ZnJwGkVzEHPOQBpI9oZ0OhNK0KwXHkjGONbTVJ9PhBBi7QxNjuX4EvK4NBzIg5hErZ8WR1g_RQHQiQGjO8EjF0kyNGxNaH2kI6qIF0QR_4.f9WZ2aXU8BB3zT0k.nM6yrcsTVaYYOxFxRXA9dQ.hGpXqR3_1f7ZwZ7ZgQ9JKw')],
    (RSL('jwt'), JWT_H + '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'):
        [rm(C, 'jwt', JWT_H + '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')],
    (RSL('jwt'), JWT_H + '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ'):
        [rm(C, 'jwt', JWT_H + '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ')],
    (RSL('mailchimp'), '343ea45721923ed956e2b38c31db76aa-us30'): [rm(C, 'mailchimp_api_key', '343ea45721923ed956e2b38c31db76aa-us30')],
    (RSL('maven'), '<password>jjGY0Zn8kPrX2aP3PmHpcqKtJBNT4N0Ta1AOUQcxSKkzgwAL9D6zJRqx9bUCcJCH</password>'):
        [rm(C, 'password', 'jjGY0Zn8kPrX2aP3PmHpcqKtJBNT4N0Ta1AOUQcxSKkzgwAL9D6zJRqx9bUCcJCH')],
    (RSL('maven'), '<master>{vki9JTFmEYlTlCZixjz0jr5QxEXlZfWga65QZhsA9yV0uRfo2iNyfgZDnWpuYqNi\\}</master>'):
        [rm(C, 'maven_master_password', 'vki9JTFmEYlTlCZixjz0jr5QxEXlZfWga65QZhsA9yV0uRfo2iNyfgZDnWpuYqNi')],
    (RSL('npm'), '//registry.npmjs.org/:_authToken=xxxxxxxxxxxxxxxxxxxx'): [rm(C, 'npm_token_placeholder', 'xxxxxxxxxxxxxxxxxxxx')],
    (RSL('npm'), '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'): [rm(C, 'npm_token', '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')],
    (RSL('random'), 'APP_KEY = "iftkeq2y4qj0nbt"'): [rm(C, 'app_key', 'iftkeq2y4qj0nbt')],
    (RSL('random'), 'clientSecretKey := "%s"' % RS_2TM): [rm(C, 'client_secret', RS_2TM)],
    (RSL('random'), 'export secret_key=%s' % RS_2TM): [rm(C, 'secret_key', RS_2TM)],
    (RSL('random'), '"key": "%s"' % RS_2TM): [rm(C, 'key', RS_2TM)],
    (RSL('random'), '\'key\': "%s"' % RS_2TM): [rm(C, 'key', RS_2TM)],
    (RSL('random'), '[\'dict_key\'] = "%s"' % RS_2TM): [rm(C, 'key', RS_2TM)],
    (RSL('random'), 'HEX_KEY = "%s"' % RS_HEX): [rm(C, 'hex_key', RS_HEX)],
    (RSL('random'), 'Secret =  "%s"' % RS_HEX): [rm(C, 'secret', RS_HEX)],
    (RSL('random'), 'token = "47briy6QVrPNDx.atlasv1.3mN8lSunwfczCI44eDPUmUx5t9NTBjalbNpE6w0Qj1uFe0QuRC3Y2t21Wbpqyf1MXzo"'):
        [rm(C, 'terraform_cloud_token', '47briy6QVrPNDx.atlasv1.3mN8lSunwfczCI44eDPUmUx5t9NTBjalbNpE6w0Qj1uFe0QuRC3Y2t21Wbpqyf1MXzo')],
    (RSL('random'), '"password": "`-08iOR~zZik6ko^\\JPBy4r",'): [rm(C, 'password', '`-08iOR~zZik6ko^\\JPBy4r')],
    (RSL('sendgrid'), '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'):
        [rm(C, 'sendgrid_api_key', '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')],
    (RSL('slack'), 'xoxp-523423-234243-234233-e039d02840a0b9379c'): [rm(C, 'slack_token', 'xoxp-523423-234243-234233-e039d02840a0b9379c')],
    (RSL('slack'), 'https://hooks.slack.com/services/Txxxxxxxx/Bxxxxxxxx/xxxxxxxxxxxxxxxxxxxxxxxx'):
        [rm(C, 'slack_webhook_placeholder', 'xxxxxxxxxxxxxxxxxxxxxxxx')],
    (RSL('square'), 'sq0idk-KJ2M3N4k5p6q7-8s9t0v1w2x_3y'): [rm(P, 'square_application_id', 'sq0idk-KJ2M3N4k5p6q7-8s9t0v1w2x_3y')],
    (RSL('square'), 'sq0csp-KJ2M3N4k5p6q7-8s9t0v1w2x_3yKJ2M3N4k5p6q7-8s9t0v'): [rm(P, 'square_oauth_secret', 'sq0csp-KJ2M3N4k5p6q7-8s9t0v1w2x_3yKJ2M3N4k5p6q7-8s9t0v')],
    (RSL('square'), 'EAAA3bckPLm8nKzXY9vB4QjR7wF2hGtN5sVdM6pJuE1iZxW+CqH-yA4gTf=aDl0U'): [rm(P, 'square_access_token', 'EAAA3bckPLm8nKzXY9vB4QjR7wF2hGtN5sVdM6pJuE1iZxW+CqH-yA4gTf=aDl0U')],
    (RSL('stripe'), 'sk_live_ReTllpYQYfIZu2Jnf2lAPFjD'): [rm(P, 'stripe_secret_key', 'sk_live_ReTllpYQYfIZu2Jnf2lAPFjD')],
    (RSL('stripe'), 'rk_live_5TcWfjKmJgpql9hjpRnwRXbT'): [rm(P, 'stripe_restricted_key', 'rk_live_5TcWfjKmJgpql9hjpRnwRXbT')],
    (RSL('twilio'), 'AC' + 'x' * 32): [rm(C, 'twilio_account_sid_placeholder', 'AC' + 'x' * 32)],
    (RSL('twilio'), 'SK' + 'x' * 32): [rm(C, 'twilio_api_key_placeholder', 'SK' + 'x' * 32)],
    (RSL('url'), 'mysql://USERNAME:PASSWORD@example.com'): [rm(C, 'url_password_placeholder', 'PASSWORD')],
    (RSL('url'), 'https://USERNAME:PASSWORD@sub.example.com:8080/path/to/page.html?query=value&sort=desc#section'):
        [rm(C, 'url_password_placeholder', 'PASSWORD')],
    ('test/one_per_file/aws_json', None): [rm(C, 'aws_access_key_id', 'AKIAN95B87AWHT6U0699')],
    ('test/one_per_file/pem_key', None): 'PEM',
    ('test/one_per_file/private_key', None): 'PEM',
}

FAMILY_OF = {'rules': 'earlybird-rules', 'tests': 'earlybird-tests', 'ripsecrets': 'ripsecrets'}


# ---------------------------------------------------------------- reading the snapshots
def git_show(gitdir, commit, path):
    p = subprocess.run(['git', '--git-dir', gitdir, 'show', '%s:%s' % (commit, path)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode:
        sys.exit('git show %s:%s failed in %s: %s' % (commit, path, gitdir, p.stderr.decode().strip()))
    return p.stdout.decode('utf-8')


def git_ls(gitdir, commit, under):
    p = subprocess.run(['git', '--git-dir', gitdir, 'ls-tree', '-r', '--name-only', commit, under],
                       stdout=subprocess.PIPE, check=True)
    return sorted(p.stdout.decode().split())


GOLIT = r'(`[^`]*`|"(?:[^"\\\n]|\\.)*")'


def go_string(lit):
    if lit[0] == '`':
        return lit[1:-1]
    return json.loads(lit)  # the literals read here use only \" \\ \uXXXX


def yaml_scalar(s):
    s = s.strip()
    if s.startswith("'") and s.endswith("'"):
        return s[1:-1].replace("''", "'")
    if s.startswith('"') and s.endswith('"'):
        return json.loads(s)
    return s


def earlybird_rule_cases(read):
    out = []
    for path in (R_PS, R_CT, R_CC):
        seen = {}
        code = None
        for line in read(path).split('\n'):
            m = re.match(r'\s*- [Cc]ode:\s*(\d+)\s*$', line)
            if m:
                code = m.group(1)
                continue
            m = re.match(r'\s*Example"?:\s?(.*)$', line)
            if m and code:
                raw = m.group(1)
                if raw.strip() in ('|-', '|', '>'):
                    text = None  # a multi-line code example (weak-crypto rules only)
                else:
                    text = yaml_scalar(raw)
                seen[code] = seen.get(code, 0) + 1
                key = code
                if code == '1074':  # three rules share the code 1074
                    key = '1074#%d' % seen[code]
                out.append(dict(src=EB, path=path, key=(path, key), text=text, test='rule %s' % key, family='rules'))
                code = None
    return out


def earlybird_test_cases(read):
    out = []

    def add(path, text, test):
        out.append(dict(src=EB, path=path, key=(path, text), text=text, test=test, family='tests'))

    s = read(T_FP)
    pat = re.compile(r'name:\s*' + GOLIT + r',\s*hit:\s*Hit\{\s*Code:\s*(\d+),\s*Filename:\s*' + GOLIT +
                     r',\s*(?:MatchValue|LineValue):\s*' + GOLIT + r',\s*\},\s*wantIsFP:\s*(true|false)')
    n = 0
    for m in pat.finditer(s):
        n += 1
        add(T_FP, go_string(m.group(4)), '%s (code %s, %s, wantIsFP %s)' % (go_string(m.group(1)), m.group(2), go_string(m.group(3)), m.group(5)))
    if n != s.count('wantIsFP:'):
        sys.exit('%s: read %d cases of %d' % (T_FP, n, s.count('wantIsFP:')))
    for path, fields in ((T_SC, ('LineValue', 'MatchValue')), (T_VP, ('testPD', 'password')),
                         (T_PS, ('testPD',)), (T_EN, ('s',)), (T_SK, ('lineValue',))):
        s = read(path)
        for m in re.finditer(r'\b(%s):\s*' % '|'.join(fields) + GOLIT + r',?\s*$', s, re.M):
            add(path, go_string(m.group(2)), m.group(1))
    s = read(T_API)
    for m in re.finditer(r'part\.Write\(\[\]byte\(' + GOLIT + r'\)\)', s):
        add(T_API, go_string(m.group(1)), 'TestScan upload')
    for path in (T_JWT, T_BA, T_LU):
        s = read(path)
        for m in re.finditer(r'\{\s*' + GOLIT + r',\s*' + GOLIT + r',\s*(true|false),\s*\}', s):
            add(path, go_string(m.group(2)), '%s (%s)' % (go_string(m.group(1)), m.group(3)))
        if path == T_LU:
            for m in re.finditer(r'\bcc:\s*' + GOLIT, s):
                add(path, go_string(m.group(1)), 'isolateNumber')
    s = read(T_PEM)
    for m in re.finditer(r'\{\s*' + GOLIT + r',\s*\[\]byte(?:\(' + GOLIT + r'\)|\{([\d,\s]+)\}),\s*(true|false),\s*\}', s):
        if m.group(2):
            text = go_string(m.group(2))
        else:
            text = bytes(int(x) for x in m.group(3).replace(',', ' ').split()).decode()
        add(T_PEM, text, '%s (%s)' % (go_string(m.group(1)), m.group(4)))
    # identical inputs of one test file are one case
    uniq, seen = [], set()
    for c in out:
        if c['key'] not in seen:
            seen.add(c['key'])
            uniq.append(c)
    return uniq


def ripsecrets_cases(read, ls):
    out = []
    for path in ['test/none'] + ls('test/one_per_line'):
        for line in read(path).split('\n'):
            if line:
                out.append(dict(src=RS, path=path, key=(path, line), text=line,
                                test='no_false_positives' if path == 'test/none' else 'no_false_negatives (one per line)',
                                family='ripsecrets'))
    for path in ls('test/one_per_file'):
        out.append(dict(src=RS, path=path, key=(path, None), text=read(path).rstrip('\n'),
                        test='no_false_negatives (one per file)', family='ripsecrets'))
    return out


def pem_body(text):
    m = re.search(r'-----BEGIN [A-Z ]*PRIVATE KEY-----\n(.*?)\n-----END [A-Z ]*PRIVATE KEY-----', text, re.S)
    return m.group(1)


# ---------------------------------------------------------------- packing
def occurs_glued(value, text):
    for m in re.finditer(re.escape(value), text):
        a, b = m.start(), m.end()
        if (a > 0 and value[0].isalnum() and text[a - 1].isalnum()) or \
           (b < len(text) and value[-1].isalnum() and text[b].isalnum()):
            return True
    return False


def overlaps(value, text):
    return any(p in text for p in labels_check.probes(value))


class OutFile:
    def __init__(self, name):
        self.name = name
        self.cases = []

    def text(self, extra=None):
        cases = self.cases + ([extra] if extra else [])
        parts = []
        for i, c in enumerate(cases):
            if '\n' in c['text']:
                if parts and parts[-1] != '':
                    parts.append('')
                parts.append(c['text'])
                parts.append('')
            else:
                parts.append(c['text'])
        while parts and parts[-1] == '':
            parts.pop()
        return '\n'.join(parts) + '\n'

    def labels(self, extra=None):
        cases = self.cases + ([extra] if extra else [])
        return [r for c in cases for r in c['remove']], [k for c in cases for k in c['keep']]

    def fits(self, case):
        if not self.cases:
            return True
        old_text = self.text()
        old_rm, old_keep = self.labels()
        for r in case['remove']:
            if r['value'] in old_text:
                return False
        for r in old_rm:
            if r['value'] in case['text']:
                return False
        rem, kp = self.labels(case)
        return not labels_check.verify(self.text(case), rem, kp)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--earlybird', required=True, help='git directory of americanexpress/earlybird')
    ap.add_argument('--ripsecrets', required=True, help='git directory of sirwart/ripsecrets')
    ap.add_argument('--out', default=HERE)
    ap.add_argument('--list', action='store_true', help='print the cases and their decisions, write nothing')
    a = ap.parse_args()
    dirs = {EB: a.earlybird, RS: a.ripsecrets}

    for repo, (path, needle, _) in LICENCES.items():
        if needle not in git_show(dirs[repo], COMMITS[repo], path):
            sys.exit('%s: %s at %s is not the expected licence' % (repo, path, COMMITS[repo]))

    def reader(repo):
        return lambda path: git_show(dirs[repo], COMMITS[repo], path)

    cases = earlybird_rule_cases(reader(EB)) + earlybird_test_cases(reader(EB)) + \
        ripsecrets_cases(reader(RS), lambda under: git_ls(dirs[RS], COMMITS[RS], under))
    table = {}
    table.update(RULES)
    table.update(TESTS)
    table.update(RIPSECRETS)
    problems, used, skipped = [], set(), []
    for c in cases:
        d = table.get(c['key'])
        if d is None:
            problems.append('no table entry for %s: %r' % (c['path'], c['text'] if c['text'] is None else c['text'][:80]))
            continue
        used.add(c['key'])
        c['remove'], c['keep'] = [], []
        if d == 'PEM':
            d = [rm(C, 'private_key', pem_body(c['text']))]
        if isinstance(d, tuple) and d[0] == 'skip':
            c['skip'] = d[1]
            skipped.append(c)
            continue
        for e in d:
            v = e[-1]
            if c['text'] is None or v not in c['text']:
                problems.append('%s: value %r not in case %r' % (c['path'], v[:40], (c['text'] or '')[:60]))
                continue
            if e[0] == 'rm':
                if occurs_glued(v, c['text']):
                    problems.append('%s: remove value %r glued to other text' % (c['path'], v))
                c['remove'].append(dict(category=e[1], kind=e[2], value=v, repo=c['src'], path=c['path'], test=c['test']))
            else:
                c['keep'].append(dict(kind=e[1], value=v, repo=c['src'], path=c['path'], test=c['test']))
    for k in table:
        if k not in used:
            problems.append('table entry matches no case: %r' % (k,))
    if problems:
        sys.exit('\n'.join(problems))

    if a.list:
        for c in cases:
            print(json.dumps({k: c.get(k) for k in ('path', 'text', 'test', 'skip', 'remove', 'keep')}, ensure_ascii=False))
        return

    files = {}
    order = []
    for c in cases:
        if c.get('skip'):
            continue
        fam = FAMILY_OF[c['family']]
        i = 1
        while True:
            name = fam + ('' if i == 1 else '-%d' % i) + '.txt'
            if name not in files:
                files[name] = OutFile(name)
                order.append(name)
            if files[name].fits(c):
                files[name].cases.append(c)
                break
            i += 1

    labels = {'format': 1, 'set': 'earlybird-ripsecrets', 'probe_length': labels_check.PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {r: {'commit': COMMITS[r], 'licence': LICENCES[r][2]} for r in (EB, RS)},
              'files': {}}
    for f in sorted(os.listdir(a.out)):
        if f.endswith('.txt') and (f.startswith('earlybird-') or f.startswith('ripsecrets')):
            os.remove(os.path.join(a.out, f))
    bad = []
    for name in sorted(order):
        of = files[name]
        text = of.text()
        rem, kp = of.labels()
        errs = labels_check.verify(text, rem, kp)
        if errs:
            bad += ['%s: %s' % (name, e) for e in errs]
        with open(os.path.join(a.out, name), 'w', encoding='utf-8', newline='\n') as fh:
            fh.write(text)
        repos = sorted({c['src'] for c in of.cases})
        labels['files'][name] = {
            'source': [{'repo': r, 'commit': COMMITS[r], 'path': sorted({c['path'] for c in of.cases if c['src'] == r})} for r in repos],
            'bytes': len(text.encode('utf-8')),
            'remove': rem, 'keep': kp}
    if bad:
        sys.exit('\n'.join(bad))
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8', newline='\n') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    nr = sum(len(f['remove']) for f in labels['files'].values())
    nk = sum(len(f['keep']) for f in labels['files'].values())
    print('%d files, %d cases used, %d left out, %d remove, %d keep' % (
        len(order), sum(len(files[n].cases) for n in order), len(skipped), nr, nk))


if __name__ == '__main__':
    main()
