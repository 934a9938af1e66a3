#!/usr/bin/env python3
"""Build tests/external/shops: a labelled redaction corpus made from the
customer and address fixtures of three open-source e-commerce platforms other
than WooCommerce (Magento 2, Sylius, Saleor), in the format of
shared/redaction-corpus.

    python3 build.py [--magento PATH] [--sylius GITDIR] [--saleor GITDIR] [--out DIR]

GITDIR is a git directory (bare or not) holding a snapshot of the repository;
files are read with `git show COMMIT:PATH` at the commits pinned below (so a
newer snapshot gives the same corpus), nothing is executed.

Magento 2 (github.com/magento/magento2) is too large for a local snapshot here,
so its three files were read one by one from a stored copy of the repository,
each at its own commit (pinned below with the git blob id of the text used).
PATH is either a git directory of magento/magento2 (files are read at the
pinned commits and their blob ids must match) or a plain folder holding the
three files under their repository paths (their blob ids must match too).

Each corpus file is one source file, whole, or named top-level blocks of it
(Python functions and assignments, cut at the blank lines black leaves between
them), the text unchanged.  Labels (category `customer`):

  - remove: the values of the person fields of each record, as they sit
    (JSON-escaped, YAML-folded over two lines, HTML-escaped): first, last,
    middle and full names (kind `name`), e-mail addresses (`email`),
    telephone/fax/mobile numbers (`phone`), street lines and the second
    address line when it is a street, building or apartment detail
    (`street`).  Found by field patterns per syntax (MFTF XML `<data key=..>`
    and `<array key="street">`, PHP arrays, setters and constants, YAML, JSON,
    Python keywords and dict keys, Avalara request/response bodies); in the
    Gherkin files the quoted values are listed by hand.  Every value the
    patterns find is either labelled or left out with a reason (SKIP below).
  - left unlabelled (neutral): companies, cities, regions, postcodes, country
    names and codes, first names under 3 characters, bare house numbers on a
    line of their own, templated values (`<current()>`), and the shops' own
    addresses, e-mails and phones (admin/staff accounts, warehouses, the
    ship-from address).
  - keep: up to five values per file that support needs (fixture/entity names,
    order tokens, cities, dates, request ids, country codes in their field).

Every file must pass labels_check.verify, and (check of this builder) every
occurrence of a remove value shorter than 12 characters must stand as a word
of its own or inside another remove value, so that a redactor that removes the
labelled values is not charged for the same letters inside a neutral word.
The build exits non-zero otherwise.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import labels_check  # noqa: E402

PROBE = labels_check.PROBE

REPOS = {
    'magento': {
        'repo': 'magento/magento2', 'licence': 'OSL-3.0',
        'licence_note': 'COPYING.txt: "Each Magento source file included in this distribution is licensed '
                        'under OSL 3.0 or the Magento Enterprise Edition (MEE) license"; the files carry '
                        '"Copyright © Magento, Inc." / "Copyright 2019 Adobe" / "Copyright © 2016 Magento" '
                        'notices, kept as they are in the corpus files',
        'default': '/work/.mirror/magento+magento2/repo',
    },
    'sylius': {
        'repo': 'Sylius/Sylius', 'licence': 'MIT', 'commit': '3466cbab1098367b7107e756714f9390bf5e4bf6',
        'licence_note': 'LICENSE: MIT, "Copyright (c) 2011-present Sylius Sp. z o.o."',
        'default': '/work/.mirror/Sylius+Sylius/repo',
    },
    'saleor': {
        'repo': 'saleor/saleor', 'licence': 'BSD-3-Clause', 'commit': '723cd4eba87dfc72822ade45dc08a3caa548428d',
        'licence_note': 'LICENSE: BSD 3-Clause, "Copyright (c) 2020-2023, Saleor Commerce", '
                        '"Copyright (c) 2010-2020, Mirumee Software"; redistribution keeps that notice '
                        '(reproduced in SOURCES.md)',
        'default': '/work/.mirror/saleor+saleor/repo',
    },
}

# Magento files: path -> (commit, git blob id of the text used)
MAGENTO_FILES = {
    'app/code/Magento/Customer/Test/Mftf/Data/AddressData.xml':
        ('4059eb6548ba2ab78c967de088d0fb0e52ddd3bc', '1746a683ab0e63c1ee02ac1a563b4bd95f4c5795'),
    'dev/tests/integration/testsuite/Magento/Customer/_files/import_export/customers_for_address_import.php':
        ('1ec3818bd195c74461d0bf7395eb28d7e4174754', 'b3916ca2006219292c47d45f400c75da428f4c05'),
    'dev/tests/integration/testsuite/Magento/Customer/_files/customer_with_uk_address.php':
        ('32a1e9d27b20ff2fcc6e9eb41bcf958b30689303', '732d0a770763bb1a68e0b17b6d6ad87f89bf0fd7'),
}

# ---------------------------------------------------------------- field patterns

NAME_FIELDS = {'firstname', 'lastname', 'middlename', 'fullname', 'first_name', 'last_name',
               'external_reference'}
STREET_FIELDS = {'street', 'item', 'street_address_1', 'street_address_2', 'streetaddress1',
                 'streetaddress2', 'line1', 'line2'}
PHONE_FIELDS = {'telephone', 'fax', 'phone', 'phonenumber'}
EMAIL_FIELDS = {'email', 'emailcanonical', 'username', 'usernamecanonical'}


def kind_of(field):
    f = field.lower()
    if f in NAME_FIELDS:
        return 'name'
    if f in STREET_FIELDS:
        return 'street'
    if f in PHONE_FIELDS:
        return 'phone'
    if f in EMAIL_FIELDS:
        return 'email'
    raise ValueError('no kind for field %r' % field)


def _rx(pattern, flags=0):
    r = re.compile(pattern, flags)
    return lambda text: [(m.group(1), m.group(2), m.start(2)) for m in r.finditer(text)]


def _mftf(text):
    out = _rx(r'<data key="(firstname|lastname|middlename|fullname|telephone|fax|email)"[^>]*>([^<]*)</data>')(text)
    for m in re.finditer(r'<array key="street">(.*?)</array>', text, re.S):
        for i in re.finditer(r'<item>([^<]*)</item>', m.group(1)):
            out.append(('item', i.group(1), m.start(1) + i.start(1)))
    return out


EXTRACT = {
    'mftf': _mftf,
    'php_array': _rx(r"'(firstname|lastname|street|telephone|email|firstName|lastName|phoneNumber)'\s*=>\s*'([^']*)'"),
    'php_setter': _rx(r"->set(Email|Firstname|Lastname|Middlename|Telephone|Street)\(\s*'([^']*)'\s*\)"),
    'php_const': _rx(r"AddressInterface::(STREET|LASTNAME|FIRSTNAME|MIDDLENAME|TELEPHONE)\s*=>\s*'?([^',\n]*?)'?,"),
    'yaml': _rx(r'^[ \t]*(firstName|lastName|street|phoneNumber|email|emailCanonical|username|usernameCanonical):'
                r'[ \t]*"?([^"\n]*?)"?[ \t]*$', re.M),
    'json': _rx(r'"(firstName|lastName|fullName|street|phoneNumber|email|emailCanonical)":\s*"((?:[^"\\]|\\.)*)"'),
    'py_kw': _rx(r'\b(first_name|last_name|street_address_1|street_address_2|phone|email|external_reference)'
                 r'="([^"]*)"'),
    'py_dict': _rx(r'"(first_name|last_name|street_address_1|street_address_2|phone|email|firstName|lastName|'
                   r'streetAddress1|streetAddress2)":\s*"([^"]*)"'),
    'avatax': _rx(r'"(line1|line2|email)":\s*"((?:[^"\\]|\\.)*)"'),
    'email_any': lambda text: [('email', m.group(0), m.start())
                               for m in re.finditer(r'(?<![\w.\\-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+',
                                                    text)],
}

TEMPLATED = re.compile(r"<current\(\)>|^<|@(?:integer|string|date)@")

# ---------------------------------------------------------------- the corpus

# Each file: name, repo key, source path, take ('whole' or a list of top-level block names),
# what (one line), extract (pattern sets), skip {value: reason}, extra [(kind, value, field)],
# keep [(kind, value)].
SHOP_ADMIN = 'the shop\'s own account (admin / staff), not a customer'
FILES = [
    dict(name='magento-mftf-address-data.xml.txt', repo='magento',
         path='app/code/Magento/Customer/Test/Mftf/Data/AddressData.xml', take='whole',
         what='MFTF test data: 27 customer address entities (US, GB, FR, CN, PL, DE, BE) as `<data key=...>` '
              'and `<array key="street"><item>`',
         extract=['mftf'],
         skip={'string': 'placeholder middle name `string`',
               'Hunan Fenmian': 'second street line that repeats the company name',
               'Mag': 'name that also sits inside the company `Magento` (a short value probed as a substring)',
               'Ento': 'name that also sits inside the company `Magento`'},
         keep=[('config_key', 'updateCustomerChinaAddress'), ('config_key', 'DE_Address_Berlin_Not_Default_Address'),
               ('city', 'Bielsko-Biała'), ('city', 'Quintin'), ('country_code', '<data key="country_id">BE</data>')]),
    dict(name='magento-customer-import-fixture.php.txt', repo='magento',
         path='dev/tests/integration/testsuite/Magento/Customer/_files/import_export/customers_for_address_import.php',
         take='whole',
         what='integration fixture: a customer built with chained setters, two addresses as PHP arrays (US)',
         extract=['php_array', 'php_setter', 'email_any'],
         keep=[('city', 'Philadelphia'), ('city', 'Fayetteville'),
               ('class', "Magento\\Customer\\Model\\Address"), ('id', "'region_id' => '51'")]),
    dict(name='magento-customer-uk-address.php.txt', repo='magento',
         path='dev/tests/integration/testsuite/Magento/Customer/_files/customer_with_uk_address.php', take='whole',
         what='integration fixture: customer via fluent setters, GB address keyed by AddressInterface constants, '
              'unquoted telephone',
         extract=['php_setter', 'php_const', 'email_any'],
         keep=[('postcode_field', "AddressInterface::POSTCODE => 'EC1A 1AA'"), ('city', 'London'),
               ('class', 'AddressRepositoryInterface')]),

    dict(name='sylius-order-fixtures.yaml.txt', repo='sylius',
         path='tests/Api/DataFixtures/ORM/order/new.yaml', take='whole',
         what='Alice ORM fixtures: orders with billing/shipping addresses (PL)',
         extract=['yaml'],
         keep=[('order_token', 'firstToken'), ('order_token', 'secondToken'), ('city', 'Pabianice'),
               ('country_code', 'countryCode: "PL"'), ('state', 'checkoutState: "completed"')]),
    dict(name='sylius-customer-fixtures.yaml.txt', repo='sylius',
         path='tests/Api/DataFixtures/ORM/customer.yaml', take='whole',
         what='Alice ORM fixtures: an address (US), shop users and customers with templated e-mails',
         extract=['yaml'],
         keep=[('city', 'New York'), ('config_key', 'group_premium'), ('country_code', 'countryCode: "US"')]),
    dict(name='sylius-resources-order.yml.txt', repo='sylius',
         path='tests/DataFixtures/ORM/resources/order.yml', take='whole',
         what='Alice ORM fixtures: an order, channel and its customer with e-mail',
         extract=['yaml', 'email_any'],
         keep=[('config_key', 'order_001'), ('domain', 'hostname: "localhost"'), ('currency', 'code: USD')]),
    dict(name='sylius-api-admin-orders.json.txt', repo='sylius',
         path='tests/Api/Responses/admin/order/get_orders_filtered_by_pln_and_usd_currency_codes.json', take='whole',
         what='expected admin API response (JSON-LD, escaped slashes): four orders with addresses',
         extract=['json', 'email_any'],
         keep=[('order_token', 'polishCurrencyFirstToken'), ('url_path', '\\/api\\/v2\\/admin\\/orders'),
               ('city', 'Pabianice'), ('currency', '"currencyCode": "PLN"')]),
    dict(name='sylius-api-admin-customers.json.txt', repo='sylius',
         path='tests/Api/Responses/admin/customer/get_customers_response.json', take='whole',
         what='expected admin API response: customer collection with e-mails, names, full names',
         extract=['json', 'email_any'],
         keep=[('url_path', '\\/api\\/v2\\/admin\\/customer-groups\\/premium'), ('type', '"@type": "ShopUser"')]),
    dict(name='sylius-api-admin-address-put.json.txt', repo='sylius',
         path='tests/Api/Responses/admin/address/put_address.json', take='whole',
         what='expected admin API response: an updated address (GB, national phone format)',
         extract=['json'],
         keep=[('city', 'Neath'), ('region', 'West Glamorgan'), ('country_code', '"countryCode": "GB"')]),
    dict(name='sylius-api-admin-addresses-test.php.txt', repo='sylius',
         path='tests/Api/Admin/AddressesTest.php', take='whole',
         what='API test: PUT bodies built with json_encode([...]) (GB address)',
         extract=['php_array', 'email_any'],
         skip={'api@example.com': SHOP_ADMIN},
         keep=[('url_path', '/api/v2/admin/addresses/%d'), ('error_message', 'This value is not a valid country.'),
               ('city', 'Neath')]),
    dict(name='sylius-behat-customer-details.feature.txt', repo='sylius',
         path='features/admin/user/managing_customers/seeing_customer_details.feature', take='whole',
         what='Behat feature (Gherkin): customer with e-mail, name, phone and a default address (NZ)',
         extract=['email_any'],
         extra=[('name', 'Frodo Baggins', 'step'), ('name', 'Frodo', 'step'), ('name', 'Baggins', 'step'),
                ('phone', '666777888', 'step'), ('street', 'Bag End', 'step'), ('name', 'Legolas Sindar', 'step')],
         keep=[('timestamp', '2011-01-10 21:00:00'), ('city', 'Hobbiton'), ('tag', '@managing_customers')]),
    dict(name='sylius-behat-address-book.feature.txt', repo='sylius',
         path='features/shop/checkout/addressing_order/choosing_billing_and_shipping_address_from_address_book.feature',
         take='whole',
         what='Behat feature (Gherkin): address-book entries as quoted step arguments (US, AU)',
         extract=[],
         extra=[('name', 'Lucifer Morningstar', 'step'), ('street', 'Seaside Fwy', 'step'),
                ('name', 'Fletcher Ren', 'step'), ('street', 'Upper Barkly Street', 'step')],
         keep=[('city', 'Los Angeles'), ('region_code', 'AU-VIC'), ('product_name', 'PHP T-Shirt'), ('price', '$19.99')]),

    dict(name='saleor-fixtures-addresses.py.txt', repo='saleor', path='saleor/tests/fixtures.py',
         take=['address', 'address_with_areas', 'address_other_country', 'address_usa', 'graphql_address_data'],
         what='pytest fixtures: Address.objects.create(...) keywords and a GraphQL input dict (PL, IS, US)',
         extract=['py_kw', 'py_dict'],
         keep=[('config_key', 'address_other_country'), ('city', 'BENNETTMOUTH'), ('city', 'WROCŁAW'),
               ('country_code', 'country="IS"')]),
    dict(name='saleor-account-user-fixtures.py.txt', repo='saleor', path='saleor/account/tests/fixtures/user.py',
         take=['customer_user', 'customer_user2', 'customer_users'],
         what='pytest fixtures: customers created with a positional e-mail, names and an external reference',
         extract=['py_kw', 'email_any'],
         keep=[('config_key', 'customer_users'), ('metadata', '{"secret_key": "secret_value"}')]),
    dict(name='saleor-e2e-addresses.py.txt', repo='saleor', path='saleor/tests/e2e/__init__.py', take='whole',
         what='e2e test constants: default customer address (US), warehouse address, German address',
         extract=['py_dict'],
         skip={'Saleor': 'warehouse contact (the shop\'s own address)',
               'Mirumee': 'warehouse contact (the shop\'s own address)',
               '2137 Cantebury Drive': 'warehouse street (the shop\'s own address)',
               '+19179920814': 'warehouse phone (the shop\'s own address)'},
         keep=[('config_key', 'DEFAULT_WAREHOUSE_ADDRESS'), ('city', 'Pollenfeld'), ('city', 'Hawthorne'),
               ('country_code', '"country": "DE"')]),
    dict(name='saleor-e2e-draft-order-customer.py.txt', repo='saleor',
         path='saleor/tests/e2e/orders/test_complete_draft_order_for_existing_customer.py',
         take='whole',
         what='e2e test: customer input and address dict for a draft order (US, 11-digit phone without +)',
         extract=['py_dict', 'email_any'],
         keep=[('city', 'Fort Wayne'), ('note', 'Important customer'), ('status', 'UNFULFILLED'),
               ('test_id', 'test_complete_draft_order_for_existing_customer_CORE_0237')]),
    dict(name='saleor-e2e-checkout-cz.py.txt', repo='saleor',
         path='saleor/tests/e2e/checkout/taxes/test_checkout_calculate_simple_taxes_based_on_shipping_country.py',
         take='whole',
         what='e2e test: checkout with a guest e-mail and a Czech shipping address (+420 phone)',
         extract=['py_dict', 'py_kw', 'email_any'],
         keep=[('city', 'Melc'), ('country_code', '"country": "CZ"'), ('config', 'shipping_country_tax_rate = 21'),
               ('test_id', 'test_checkout_calculate_simple_tax_based_on_shipping_country_CORE_2001')]),
    dict(name='saleor-checkout-kosovo.py.txt', repo='saleor',
         path='saleor/graphql/checkout/tests/mutations/test_checkout_shipping_address_update.py',
         take=['test_checkout_shipping_address_update_with_kosovo_address'],
         what='GraphQL mutation test: shipping address in Kosovo (XK), Albanian street name',
         extract=['py_dict'],
         keep=[('city', 'Pristina'), ('country_code', '"country": "XK"')]),
    dict(name='saleor-account-address-forms.py.txt', repo='saleor', path='saleor/account/tests/test_account.py',
         take=['test_address_form_Japanese_city_is_excluded_from_normalization', 'test_substitute_invalid_values',
               'test_validate_address_switzerland_preserves_country_area_when_flag_enabled'],
         what='address-form tests: data dicts for Japan, Ireland and Switzerland',
         extract=['py_dict'],
         keep=[('city', 'Fukaya-Shi'), ('postcode_field', '"postal_code": "D02 FK84"'), ('city', 'Zurich'),
               ('country_code', '"country": "JP"')]),
    dict(name='saleor-customers-search.py.txt', repo='saleor',
         path='saleor/graphql/account/tests/queries/test_customers_filtering.py',
         take=['test_query_customer_members_with_filter_search',
               'test_customers_search_sorted_by_rank_exact_match_prioritized'],
         what='customer search tests: users created with names and e-mails, search strings built from them',
         extract=['py_kw', 'email_any'],
         extra=[('name', 'alice Kowalski', 'search'), ('name', 'kowalski alice', 'search'),
                ('name', 'John doe', 'search'), ('name', 'Alice Doe', 'search'), ('name', 'aaron', 'search'),
                ('phone', '+48713988102', 'search')],
         keep=[('city', 'WROCŁAW'), ('country_code', '{"search": "PL"}'), ('domain', '{"search": "mirumee.com"}')]),
    dict(name='saleor-avatax-cassette-ship-to.yaml.txt', repo='saleor',
         path='saleor/plugins/avatax/tests/cassettes/test_avatax/test_calculate_checkout_line_total_gift_promotion_line.yaml',
         take='whole',
         what='VCR cassette of an Avalara AvaTax call: JSON request/response bodies folded in YAML, '
              'customer ship-to street with \\u escapes and split over two lines, customer e-mail',
         extract=['avatax'],
         skip={'Teczowa 7': 'ship-from street: the shop\'s warehouse address',
               'Teczowa\n        7': 'ship-from street: the shop\'s warehouse address'},
         keep=[('request_id', '3c1019f2-d49e-4b0c-bba8-24ebf9002349'), ('date', '2024-09-04'),
               ('url', 'https://sandbox-rest.avatax.com/api/v2/transactions/createoradjust'),
               ('request_id', 'd243a3b5-ac83-4a80-880e-e05dbe45475f'), ('city', 'Wroclaw')]),
    dict(name='saleor-avatax-cassette-single-location.yaml.txt', repo='saleor',
         path='saleor/plugins/avatax/tests/cassettes/test_avatax/test_get_order_tax_data_with_single_location.yaml',
         take='whole',
         what='VCR cassette of an Avalara AvaTax call: the order\'s single location (the customer\'s address) '
              'folded over two lines in request and response, customer e-mail',
         extract=['avatax'],
         keep=[('request_id', 'e487b074-259f-4131-ab9b-b1ad5b7a07a1'), ('date', '2024-09-04'),
               ('city', 'BENNETTMOUTH'), ('id', '85065282001363')]),
]

# kinds for the README / SOURCES tables
KINDS = ['name', 'email', 'phone', 'street', 'ip']


# ---------------------------------------------------------------- reading sources

def git(gitdir, *args):
    return subprocess.run(['git', '--git-dir', gitdir] + list(args), check=True,
                          capture_output=True).stdout


def blob_id(data):
    return hashlib.sha1(b'blob %d\0' % len(data) + data).hexdigest()


def is_gitdir(p):
    return subprocess.run(['git', '--git-dir', p, 'rev-parse', '--git-dir'], capture_output=True).returncode == 0 \
        and not os.path.isdir(os.path.join(p, 'app'))


class Source:
    def __init__(self, key, path):
        self.key = key
        self.path = path
        self.plain = key == 'magento' and not is_gitdir(path)
        if key != 'magento':
            c = REPOS[key]['commit']
            have = git(path, 'rev-parse', '--verify', c + '^{commit}').decode().strip()
            if have != c:
                raise ValueError('%s: commit %s not in %s' % (key, c, path))

    def commit_of(self, relpath):
        if self.key == 'magento':
            return MAGENTO_FILES[relpath][0]
        return REPOS[self.key]['commit']

    def read(self, relpath):
        if self.key == 'magento':
            commit, blob = MAGENTO_FILES[relpath]
            if self.plain:
                with open(os.path.join(self.path, relpath), 'rb') as fh:
                    data = fh.read()
            else:
                data = git(self.path, 'show', '%s:%s' % (commit, relpath))
            if blob_id(data) != blob:
                raise ValueError('magento %s: blob %s, expected %s' % (relpath, blob_id(data), blob))
        else:
            data = git(self.path, 'show', '%s:%s' % (self.commit_of(relpath), relpath))
        return data.decode('utf-8')


# ---------------------------------------------------------------- excerpts

TOP = re.compile(r'^(?:async\s+)?(?:def|class)\s+(\w+)|^(\w+)\s*(?::[^=]*)?=')


def py_blocks(text, names):
    """The named top-level blocks of a black-formatted Python file (with their decorators),
    in file order, joined by the two blank lines that separate them in the file."""
    lines = text.split('\n')
    starts = {}
    for i, ln in enumerate(lines):
        m = TOP.match(ln)
        if m:
            starts.setdefault(m.group(1) or m.group(2), i)
    out = []
    for name in sorted(names, key=lambda n: starts.get(n, -1)):
        if name not in starts:
            raise ValueError('block %s not found' % name)
        i = starts[name]
        b = i
        while b > 0 and lines[b - 1].strip() != '':
            b -= 1
        e = i + 1
        while e < len(lines):
            ln = lines[e]
            if ln and not ln[0].isspace() and ln[0] not in ')]}' and lines[e - 1].strip() == '':
                break
            e += 1
        while e > i and lines[e - 1].strip() == '':
            e -= 1
        out.append('\n'.join(lines[b:e]))
    return '\n\n\n'.join(out) + '\n'


# ---------------------------------------------------------------- labels

def word_bounded(text, start, end):
    before = text[start - 1] if start > 0 else ' '
    after = text[end] if end < len(text) else ' '
    return not (before.isalnum() or before == '_') and not (after.isalnum() or after == '_')


def label_file(spec, text):
    """-> (remove, keep, skipped) for one corpus file."""
    cands = []
    for ex in spec['extract']:
        for field, value, pos in EXTRACT[ex](text):
            cands.append((kind_of(field), value, field))
    for kind, value, field in spec.get('extra', []):
        cands.append((kind, value, field))
    skip = dict(spec.get('skip', {}))
    remove, seen, skipped = [], set(), {}
    for kind, value, field in cands:
        why = None
        if not value.strip():
            continue
        if TEMPLATED.search(value):
            why = 'templated value (`<current()>`, `@string@`), not a literal'
        elif value in skip:
            why = skip[value]
        elif kind == 'name' and len(value) < 3:
            why = 'name shorter than 3 characters'
        elif kind == 'street' and re.fullmatch(r'\d{1,4}', value):
            why = 'bare house number on a line of its own'
        if why:
            skipped.setdefault(value, why)
            continue
        if value in seen:
            continue
        seen.add(value)
        remove.append({'category': 'customer', 'kind': kind, 'value': value, 'field': field})
    for v in skip:
        if v not in skipped:
            raise ValueError('%s: skip %r matched nothing' % (spec['name'], v))
    keep = [{'kind': k, 'value': v} for k, v in spec.get('keep', [])]
    return remove, keep, skipped


def own_checks(text, remove):
    """Short remove values must stand as words of their own or inside another remove value."""
    errs = []
    spans = []
    for r in remove:
        v = r['value']
        for m in re.finditer(re.escape(v), text):
            spans.append((m.start(), m.end(), v))
    for r in remove:
        v = r['value']
        if len(v) >= PROBE:
            continue
        for m in re.finditer(re.escape(v), text):
            s, e = m.start(), m.end()
            if word_bounded(text, s, e):
                continue
            if any(a <= s and e <= b and w != v for a, b, w in spans):
                continue
            ctx = text[max(0, s - 20):e + 20].replace('\n', '\\n')
            errs.append('short value %r inside a neutral word: ...%s...' % (v, ctx))
    return errs


def shared_runs(remove):
    """Pairs of remove values that share a 12-character run (missing one counts against both)."""
    out = []
    vals = [r['value'] for r in remove if len(r['value']) >= PROBE]
    for i, a in enumerate(vals):
        pa = set(labels_check.probes(a))
        for b in vals[i + 1:]:
            if a not in b and b not in a and pa & set(labels_check.probes(b)):
                out.append((a, b))
    return out


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    for k in REPOS:
        ap.add_argument('--' + k, default=REPOS[k]['default'],
                        help='%s snapshot (default %s)' % (REPOS[k]['repo'], REPOS[k]['default']))
    ap.add_argument('--out', default=HERE)
    a = ap.parse_args()
    srcs = {k: Source(k, getattr(a, k)) for k in REPOS}

    labels = {'format': 1, 'set': 'shops', 'probe_length': PROBE,
              'categories': ['provider_key', 'credential', 'payment', 'customer'],
              'sources': {}, 'files': {}}
    for k, info in REPOS.items():
        if k == 'magento':
            labels['sources'][info['repo']] = {'licence': info['licence'],
                                               'commits': {p: c for p, (c, _) in MAGENTO_FILES.items()}}
        else:
            labels['sources'][info['repo']] = {'commit': info['commit'], 'licence': info['licence']}

    problems, texts, report = [], {}, []
    for spec in FILES:
        src = srcs[spec['repo']]
        raw = src.read(spec['path'])
        text = raw if spec['take'] == 'whole' else py_blocks(raw, spec['take'])
        if not text.endswith('\n'):
            text += '\n'
        remove, keep, skipped = label_file(spec, text)
        errs = labels_check.verify(text, remove, keep) + own_checks(text, remove)
        if len(keep) > 5:
            errs.append('more than 5 keep values')
        for e in errs:
            problems.append('%s: %s' % (spec['name'], e))
        texts[spec['name']] = text
        labels['files'][spec['name']] = {
            'source': {'repo': REPOS[spec['repo']]['repo'], 'commit': src.commit_of(spec['path']),
                       'path': [spec['path']],
                       'excerpt': 'whole file' if spec['take'] == 'whole' else 'blocks: ' + ', '.join(spec['take'])},
            'bytes': len(text.encode('utf-8')),
            'remove': remove, 'keep': keep,
            'skipped': [{'value': v, 'why': w} for v, w in skipped.items()],
        }
        report.append((spec, remove, keep, skipped, shared_runs(remove)))

    total = sum(len(t.encode('utf-8')) for t in texts.values())
    big = [n for n, t in texts.items() if len(t.encode('utf-8')) > 40000]
    if big:
        problems.append('files over 40 KB: %s' % ', '.join(big))
    if total > 600000:
        problems.append('corpus over 600 KB: %d bytes' % total)

    os.makedirs(a.out, exist_ok=True)
    for fn in os.listdir(a.out):
        if fn.endswith('.txt') and fn.split('-', 1)[0] in REPOS:
            os.remove(os.path.join(a.out, fn))
    for name, text in texts.items():
        with open(os.path.join(a.out, name), 'w', encoding='utf-8', newline='') as fh:
            fh.write(text)
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    write_sources_md(a.out, labels, report, total)

    kinds = {}
    for f in labels['files'].values():
        for r in f['remove']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    for spec, remove, keep, skipped, shared in report:
        print('%-48s %6d B  remove %3d  keep %d  skipped %d' % (
            spec['name'], labels['files'][spec['name']]['bytes'], len(remove), len(keep), len(skipped)))
    print('%d files, %d bytes, %d remove labels (%s), %d keep labels; checks: %s' % (
        len(texts), total, sum(kinds.values()), ', '.join('%s %d' % kv for kv in sorted(kinds.items())),
        sum(len(f['keep']) for f in labels['files'].values()),
        'FAILED' if problems else 'all pass'))
    for p in problems:
        print('  ' + p)
    return 1 if problems else 0


def write_sources_md(out, labels, report, total):
    L = []
    L.append("""# Sources of the shops corpus

Every file here is built by `build.py` from the customer and address fixtures of three open-source
e-commerce platforms other than WooCommerce: their test data, API test responses, Behat features and
recorded tax-service calls.  Each corpus file is one source file, whole, or named top-level blocks of
it (Python functions), **the text unchanged**: the point is shapes written by others.  Nothing in this
folder comes from this project's own code, and no value is invented or varied.

This corpus is **held out**: it is used to measure recall and over-redaction, and the project is
not tuned on it (see `../README.md`).

| repository | commit | licence |
| --- | --- | --- |""")
    for k, info in REPOS.items():
        if k == 'magento':
            commits = ', '.join('`%s` (%s)' % (c[:12], p.rsplit('/', 1)[1]) for p, (c, _) in MAGENTO_FILES.items())
            L.append('| [%s](https://github.com/%s) | per file: %s | %s |' % (info['repo'], info['repo'], commits,
                                                                          info['licence']))
        else:
            L.append('| [%s](https://github.com/%s) | `%s` | %s |' % (info['repo'], info['repo'], info['commit'],
                                                                    info['licence']))
    L.append('')
    L.append('Licences:')
    L.append('')
    for k, info in REPOS.items():
        L.append('- **%s** (%s): %s.' % (info['repo'], info['licence'], info['licence_note']))
    L.append("""
Saleor's notice, as its licence asks to keep it with redistributed source:

> BSD 3-Clause License. Copyright (c) 2020-2023, Saleor Commerce. Copyright (c) 2010-2020, Mirumee
> Software. All rights reserved. Redistribution and use in source and binary forms, with or without
> modification, are permitted provided that the following conditions are met: redistributions of
> source code must retain the above copyright notice, this list of conditions and the following
> disclaimer; [...] neither the name of the copyright holder nor the names of its contributors may be
> used to endorse or promote products derived from this software without specific prior written
> permission.  THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
> EXPRESS OR IMPLIED WARRANTIES [...] ARE DISCLAIMED.

(the full text is `LICENSE` of saleor/saleor at the commit above).  The Magento excerpts are OSL-3.0
files redistributed unmodified with their own copyright headers; the Sylius files are MIT
("Copyright (c) 2011-present Sylius Sp. z o.o.").

**Magento 2 provenance.** The magento/magento2 repository is too large for a local snapshot here,
so its three files were read one by one from a stored copy of the repository, each at the commit
given below; `build.py` pins each file's commit and the git blob id of the text used, and refuses a
file whose blob id differs (so a rebuild from a real clone checks that the text here is the
repository's).  They are not all from one commit: each is the version the stored copy
holds at that commit (the copyright lines of the PHP fixtures say 2016 and 2019).
""")
    kinds, nk, nfiles = {}, 0, 0
    for f in labels['files'].values():
        nfiles += 1
        nk += len(f['keep'])
        for r in f['remove']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    L.append("""## Files

%d files, %d bytes; %d remove labels (all `customer`: %s), %d keep labels.  No `ip` label: none of
these fixtures holds a customer IP address.

| corpus file | source (repository, path, commit) | what | remove | keep |
| --- | --- | --- | --- | --- |""" % (nfiles, total, sum(kinds.values()),
                             ', '.join('%s %d' % (k, kinds.get(k, 0)) for k in KINDS), nk))
    for spec, remove, keep, skipped, shared in report:
        f = labels['files'][spec['name']]
        kk = {}
        for r in remove:
            kk[r['kind']] = kk.get(r['kind'], 0) + 1
        L.append('| `%s` | %s `%s` @ `%s`%s | %s | %d (%s) | %d |' % (
            spec['name'], REPOS[spec['repo']]['repo'], spec['path'], f['source']['commit'][:12],
            '' if spec['take'] == 'whole' else ', blocks ' + ', '.join('`%s`' % t for t in spec['take']),
            spec['what'], len(remove), ', '.join('%s %d' % kv for kv in sorted(kk.items())) or '-', len(keep)))
    L.append("""
## Labels

- **remove** (category `customer`), each value exactly as it sits in the file: JSON-escaped
  (`Moniuszki 16\\/20`, `O\\u0142awska 10`), folded over two lines by YAML in the Avalara cassettes
  (`Olawska` + line break + indentation + `10` is one value), HTML as written.  Kinds: `name` (first,
  last, middle and full names, a name written as one token such as `LeslieWade`, names typed as
  search strings), `email`, `phone` (telephone, fax, mobile; also the unquoted integer
  `AddressInterface::TELEPHONE => 3468676`), `street` (the street line with its number, and the
  second line when it is a building or apartment detail: `Bld D`, `Apt. 113`).  The kind list of
  the brief is `name`, `email`, `phone`, `street`, `ip`; the sibling corpora call the street kind
  `address`.
- Found by field patterns per syntax (see `EXTRACT` in `build.py`): MFTF `<data key="firstname|
  lastname|middlename|fullname|telephone|fax|email">` and the `<item>`s of `<array key="street">`;
  PHP `'firstname' => '...'`, `->setEmail('...')`, `AddressInterface::STREET => '...'`; YAML and
  JSON `firstName`, `lastName`, `fullName`, `street`, `phoneNumber`, `email`, `emailCanonical`;
  Python `first_name="..."` and `"streetAddress1": "..."`; the Avalara bodies' `line1`, `line2`,
  `email`; any e-mail address where the file asks for it.  In the two Gherkin files and the
  search-string test the quoted person values are listed by hand (`extra` in `build.py`).
- **Left unlabelled (neutral)**: companies (`Polmotors office`, `Mirumee Software`), cities,
  regions, postcodes, country names and codes; templated values (`firstName: "<current()>"`,
  `"<current()>\\\\@doe.com"`); first names under 3 characters (`Fn`, `Ln`, `Mn`, `A`); a bare house
  number on a street line of its own (`113`, `318`); and what belongs to the shop, not a customer:
  the admin API user `api@example.com`, the e2e warehouse address (`2137 Cantebury Drive`, its
  contact and phone), the Avalara ship-from address (`Teczowa 7`, the shop's warehouse).  Values
  left out in a file are listed under `skipped` in labels.json, with the reason.
- **keep**: at most five per file, values support needs that must survive: fixture and entity names
  (`updateCustomerChinaAddress`, `address_other_country`), order tokens, cities (`Quintin`,
  `Hobbiton`, `Fort Wayne` - some of them look like names), request ids and dates of the Avalara
  calls, error messages, country codes in their field (`"country": "XK"`).
- **Checks** (build.py exits non-zero if one fails): `labels_check.verify` on every file; every
  occurrence of a remove value shorter than 12 characters stands as a word of its own or inside
  another remove value (so `Mag`/`Ento` inside `Magento` are left out); at most five keep values a
  file; every file under 40 KB, the set under 600 KB.
""")
    shared_all = [(spec['name'], a, b) for spec, _, _, _, sh in report for a, b in sh]
    if shared_all:
        L.append('Remove values of one file that share a 12-character run (missing one can also count '
                 'against the other):\n')
        for n, x, y in shared_all:
            L.append('- `%s`: %r / %r' % (n, x, y))
        L.append('')
    L.append("""## Scope decisions

- Platforms: of the candidates (PrestaShop, Sylius, Magento 2, Shopware, Saleor) these three give the
  most shapes and countries: Magento's MFTF XML (US, GB, FR, CN, PL, DE, BE, with national phone
  forms such as `0477-58-77867`, `+86 851 8410 4337`, `44 20 7123 1234`) and PHP fixtures; Sylius'
  Alice YAML, JSON-LD API responses with escaped slashes, PHP `json_encode` bodies and Gherkin
  steps (PL, US, GB, NZ, AU); Saleor's Python fixtures and dicts, and Avalara HTTP recordings
  (PL, US, IS, DE, CZ, XK, JP, IE, CH).  PrestaShop's install fixtures hold a single customer
  (John DOE, Paris/Miami) and its snapshot, like Magento's, is over the local size limit; Shopware's
  fixtures are mostly German (`Max Mustermann`, `Ebbinghoff 10`) plus one semicolon CSV import
  file, a shape (CSV) the brief did not ask for: both left for another round.
- No SQL dump: none of these repositories keeps customer rows in SQL.
- Excerpts: Python test modules are cut to the blocks that hold the records (named in the table);
  the other files are whole.  Repeated records (the four identical Sylius orders, `John Doe` in
  most Magento entities) are kept as they are: a value is labelled once per file and is caught only
  when every occurrence is gone.

## Rebuilding

```sh
python3 tests/external/shops/build.py --magento PATH --sylius GITDIR --saleor GITDIR
```

GITDIR: git directories holding Sylius/Sylius and saleor/saleor (for example `git clone --bare`);
PATH: a git directory of magento/magento2 (full history, the per-file commits above) or a folder
holding the three Magento files under their repository paths.  Files are read at the pinned commits
with `git show`, nothing is executed.  Needs Python 3.8+, standard library only, and
`../labels_check.py`.  The output is deterministic.

The three Magento corpus files are their source files byte for byte (the blob ids pinned in
`build.py`), so without a magento2 clone a folder for PATH can be made from them:
`magento-mftf-address-data.xml.txt` -> `app/code/Magento/Customer/Test/Mftf/Data/AddressData.xml`,
`magento-customer-import-fixture.php.txt` ->
`dev/tests/integration/testsuite/Magento/Customer/_files/import_export/customers_for_address_import.php`,
`magento-customer-uk-address.php.txt` ->
`dev/tests/integration/testsuite/Magento/Customer/_files/customer_with_uk_address.php`.
""")
    with open(os.path.join(out, 'SOURCES.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))


if __name__ == '__main__':
    sys.exit(main())
