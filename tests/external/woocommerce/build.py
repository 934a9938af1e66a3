#!/usr/bin/env python3
"""Build the WooCommerce-derived redaction corpus.

Values (customer names, e-mails, phones, street lines, IPs, passwords, card numbers, gateway
keys) are taken literally from WooCommerce's own test data and docs; build.py checks that every
value it plants occurs in the source file it names.  The contexts around them (REST responses,
order screens, logs, exports, e-mails, ...) are written here, one context per corpus file.

Sources (see SOURCES.md):
  woocommerce/woocommerce                 per-file commits (read through the code index; the
                                          snapshot is larger than what can be fetched here):
                                          --core-cache DIR holds DIR/<commit>/<path>, or
                                          --core GITDIR a clone holding those commits
  woocommerce/woocommerce-blocks          --blocks GITDIR
  woocommerce/woocommerce-rest-api        --rest-api GITDIR
  woocommerce/woocommerce-rest-api-docs   --docs GITDIR
  woocommerce/woocommerce-gateway-stripe  --stripe GITDIR
Each GITDIR is read with `git show COMMIT:path` at the commit recorded below; nothing is run.

Checks (like shared/redaction-corpus): every label occurs in its file; replacing exactly the
`remove` values (longest first; values under 12 characters only as whole words) removes every
12-character probe and every short value, and keeps every `keep` value.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse

PROBE = 12

REPOS = {
    'core': ('woocommerce/woocommerce', None),
    'blocks': ('woocommerce/woocommerce-blocks', '03c7cfacb225be345ab30240ef483476c080bae8'),
    'rest': ('woocommerce/woocommerce-rest-api', '88ff745b300488d9d2145fa1ab73a2715558530a'),
    'docs': ('woocommerce/woocommerce-rest-api-docs', '13d61967911cb312a27be2dc57b12d5949f40016'),
    'stripe': ('woocommerce/woocommerce-gateway-stripe', 'ba01a9b669cff518d290d780802ee94b6ea650bd'),
}
LICENCES = {
    'woocommerce/woocommerce': 'GPL-3.0-or-later',
    'woocommerce/woocommerce-blocks': 'GPL-3.0-or-later',
    'woocommerce/woocommerce-rest-api': 'GPL-3.0-or-later',
    'woocommerce/woocommerce-rest-api-docs': 'Apache-2.0 (repository LICENSE)',
    'woocommerce/woocommerce-gateway-stripe': 'GPL-3.0 (readme.txt: GPLv3)',
}

# source id -> (repo key, path, commit or None for the repo's commit)
SRC = {
    'core_e2e_data': ('core', 'plugins/woocommerce/tests/e2e-pw/test-data/data.js',
                      '01878e65d69deac580a41f74feb7ba1501587dfe'),
    'core_api_customer': ('core', 'plugins/woocommerce/tests/api-core-tests/data/customer.js',
                          'f2145776c19717b12e50e53e990dd651d73d94c7'),
    'core_api_shared_customer': ('core', 'plugins/woocommerce/tests/api-core-tests/data/shared/customer.js',
                                 'c9fe9669434df5cefd767080dd8e2f8d183925c6'),
    'core_order_helper': ('core', 'plugins/woocommerce/tests/legacy/unit-tests/rest-api/Helpers/OrderHelper.php',
                          '063eb0a9a3292e206241bd80fb0aa5215f07f47c'),
    'rest_order_helper': ('rest', 'unit-tests/Helpers/OrderHelper.php', None),
    'rest_customer_helper': ('rest', 'unit-tests/Helpers/CustomerHelper.php', None),
    'rest_product_helper': ('rest', 'unit-tests/Helpers/ProductHelper.php', None),
    'rest_customers_v3': ('rest', 'unit-tests/Tests/Version3/customers.php', None),
    'rest_orders_v3': ('rest', 'unit-tests/Tests/Version3/orders.php', None),
    'rest_data_v4': ('rest', 'unit-tests/Tests/Version4/Data.php', None),
    'docs_orders': ('docs', 'source/includes/wp-api-v3/_orders.md', None),
    'docs_customers': ('docs', 'source/includes/wp-api-v3/_customers.md', None),
    'docs_webhooks_v2': ('docs', 'source/includes/v2/_webhooks.md', None),
    'blocks_e2e_data': ('blocks', 'tests/e2e/test-data/data/data.ts', None),
    'blocks_checkout_doc': ('blocks', 'src/StoreApi/docs/checkout.md', None),
    'blocks_order_doc': ('blocks', 'src/StoreApi/docs/order.md', None),
    'blocks_cart_doc': ('blocks', 'src/StoreApi/docs/cart.md', None),
    'blocks_cart_test': ('blocks', 'tests/php/StoreApi/Routes/Cart.php', None),
    'blocks_checkout_spec': ('blocks', 'tests/e2e/tests/checkout/checkout-block.shopper.block_theme.side_effects.spec.ts', None),
    'blocks_address_test': ('blocks', 'assets/js/base/utils/test/address.ts', None),
    'blocks_typeguards_test': ('blocks', 'assets/js/types/type-guards/test/index.ts', None),
    'blocks_shopper': ('blocks', 'tests/utils/shopper.js', None),
    'blocks_ratelimits': ('blocks', 'tests/php/StoreApi/RateLimitsTests.php', None),
    'blocks_preview_cart': ('blocks', 'assets/js/previews/cart.ts', None),
    'stripe_e2e_data': ('stripe', 'tests/e2e/test-data/default.json', None),
    'stripe_dummy_auth': ('stripe', 'tests/phpunit/dummy-data/subscription_renewal_response_authentication_required.json', None),
    'stripe_dummy_signup': ('stripe', 'tests/phpunit/dummy-data/subscription_signup_response_success.json', None),
    'stripe_upe_test': ('stripe', 'tests/phpunit/test-class-wc-stripe-upe-payment-method.php', None),
    'stripe_keys_test': ('stripe', 'tests/phpunit/test-wc-rest-stripe-account-keys-controller.php', None),
    'stripe_webhook_state_test': ('stripe', 'tests/phpunit/test-wc-stripe-webhook-state.php', None),
}

ARGS = None
_cache = {}


def git_dir(repo_key):
    return getattr(ARGS, repo_key.replace('-', '_'))


def commit_of(sid):
    repo_key, path, commit = SRC[sid]
    return commit or REPOS[repo_key][1]


def src(sid):
    """Text of a source file at its recorded commit."""
    if sid in _cache:
        return _cache[sid]
    repo_key, path, _ = SRC[sid]
    commit = commit_of(sid)
    if repo_key == 'core' and not ARGS.core:
        with open(os.path.join(ARGS.core_cache, commit, path), encoding='utf-8') as fh:
            text = fh.read()
    else:
        gd = ARGS.core if repo_key == 'core' else git_dir(repo_key)
        text = subprocess.run(['git', '--git-dir', gd, 'show', '%s:%s' % (commit, path)],
                              check=True, stdout=subprocess.PIPE).stdout.decode('utf-8')
    _cache[sid] = text
    return text


def need(sid, *values):
    t = src(sid)
    for v in values:
        if v not in t:
            raise SystemExit('value %r not found in %s (%s)' % (v, SRC[sid][1], sid))


def in_repo(repo_key, needle):
    """True when a fixed string occurs in the repository at its commit (hooks, messages)."""
    r = subprocess.run(['git', '--git-dir', git_dir(repo_key), 'grep', '-q', '-F', '-e', needle,
                        REPOS[repo_key][1]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0


def repo_has_path(repo_key, path):
    r = subprocess.run(['git', '--git-dir', git_dir(repo_key), 'cat-file', '-e',
                        '%s:%s' % (REPOS[repo_key][1], path)], stderr=subprocess.DEVNULL)
    return r.returncode == 0


# --------------------------------------------------------------------------------------------
# personas: customer records as the sources give them (every field checked against its source)

class P:
    LABELS = ('first', 'last', 'full', 'addr1', 'addr2', 'email', 'phone', 'email2', 'phone2', 'ip')

    def __init__(self, sid, no_label=(), **f):
        self.sid = sid
        self.f = f
        self.no_label = set(no_label)
        need(sid, *[v for v in f.values() if v])
        if f.get('first') and f.get('last'):
            self.f['full'] = f['first'] + ' ' + f['last']

    def __getattr__(self, k):
        try:
            return self.__dict__['f'][k]
        except KeyError:
            raise AttributeError(k)

    def labels(self):
        kinds = {'first': 'name', 'last': 'name', 'full': 'name', 'addr1': 'address', 'addr2': 'address',
                 'email': 'email', 'email2': 'email', 'phone': 'phone', 'phone2': 'phone', 'ip': 'ip'}
        for k in self.LABELS:
            v = self.f.get(k)
            if v and k not in self.no_label:
                yield kinds[k], v


def personas():
    g = {}
    g['maggie'] = P('core_e2e_data', first='Maggie', last='Simpson', addr1='123 Evergreen Terrace',
                    city='Springfield', state='OR', postcode='97403', country='US', phone='555 555-5555',
                    email='customer@example.com', email2='customer@woocommercecoree2etestsuite.com')
    g['maggie_mt'] = P('core_e2e_data', first='Maggie', last='Simpson', addr1='123 Evergreen Terrace',
                       city='Valletta', postcode='VT 1011', country='MT', phone='555 555-5555',
                       email='vt-customer@example.com')
    g['jondo'] = P('core_api_customer', no_label=('last', 'full'), first='Jon', last='Do', addr1='969 Market',
                   city='San Francisco', state='CA', postcode='94103', country='US',
                   email='john.doe@example.com', phone='(555) 555-5555', username='john.doe')
    g['john_sh'] = P('core_api_shared_customer', first='John', last='Doe', company='Automattic',
                     addr1='address1', addr2='address2', city='San Francisco', state='CA', postcode='94107',
                     country='US', phone='123456789', email='john.doe@example.com')
    g['tim'] = P('core_api_shared_customer', first='Tim', last='Clark', company='Automattic', addr1='Oxford Ave',
                 addr2='Linwood Ave', city='Buffalo', state='NY', postcode='14201', country='US', phone='123456789')
    g['einstein'] = P('core_order_helper', first='Albert', last='Einstein', company='The Olympia Academy',
                      addr1='112 Mercer Street', addr2='Princeton', city='New Jersey', postcode='08544',
                      country='US', phone='299792458', ip='1.1.1.1')
    g['jeroen'] = P('rest_order_helper', first='Jeroen', last='Sormani', company='WooCompany', addr1='WooAddress',
                    city='WooCity', state='NY', postcode='123456', country='US', email='admin@example.org',
                    phone='555-32123')
    g['justin'] = P('rest_customer_helper', first='Justin', addr1='123 South Street', addr2='Apt 1',
                    city='Philadelphia', state='PA', postcode='19123', country='US', email='test@woo.local',
                    username='testcustomer')
    g['mctest'] = P('rest_customers_v3', no_label=('first', 'full'), first='Test', last='McTestFace',
                    email='create_customer_test2@woo.local', username='create_customer_test2', state='WA')
    g['fish'] = P('rest_orders_v3', first='Fish', last='Face')
    g['john_docs'] = P('docs_orders', first='John', last='Doe', addr1='969 Market', city='San Francisco',
                       state='CA', postcode='94103', country='US', email='john.doe@example.com',
                       phone='(555) 555-5555')
    g['joao'] = P('docs_customers', first='João', last='Silva', addr1='Av. Brasil, 432', city='Rio de Janeiro',
                  state='RJ', postcode='12345-000', country='BR', email='joao.silva@example.com',
                  email2='joao.silva2@example.com', phone='(55) 5555-5555', phone2='(11) 1111-1111',
                  username='joao.silva2')
    g['john2'] = P('docs_customers', first='John', last='Doe', addr1='969 Market', city='San Francisco',
                   state='CA', postcode='94103', country='US', email='john.doe2@example.com',
                   phone='(555) 555-5555', username='john.doe2')
    g['emily'] = P('blocks_e2e_data', first='Emily', last='Johnson', addr1='456 Maple Street', city='Los Angeles',
                   country='US', state='CA', postcode='90001', phone='555 555-1234', email='emily.johnson@example.com')
    g['oliver'] = P('blocks_e2e_data', first='Oliver', last='Taylor', addr1='789 Oxford Street', city='London',
                    postcode='W1D 2HG', phone='+44 20 1234 5678', email='oliver.taylor@example.com')
    g['mohammed'] = P('blocks_e2e_data', first='Mohammed', last='Hassan', addr1='101 Kandahar Road', city='Kabul',
                      country='AF', postcode='1001', phone='+93 70 123 4567', email='mohammed.hassan@example.com')
    g['jane_smith'] = P('blocks_e2e_data', first='Jane', last='Smith', email='customer@example.com')
    g['venkman'] = P('blocks_checkout_doc', first='Peter', last='Venkman', addr1='550 Central Park West',
                     addr2='Corner Penthouse Spook Central', city='New York', state='NY', postcode='10023',
                     country='US', email='admin@example.com', phone='555-2368')
    g['jane_pd'] = P('blocks_checkout_doc', first='Jane', last='Doe', email='myemail@email.com')
    g['john_cart'] = P('blocks_cart_doc', first='John', last='Doe', addr1='Hello street', city='beverly hills',
                       state='CA', postcode='90211', country='US', email='checkout@templates.com', phone='123456778')
    g['han'] = P('blocks_cart_test', first='Han', last='Solo', addr1='Test address 1', addr2='Test address 2',
                 city='Test City', state='AL', postcode='90210', country='US')
    g['juan'] = P('blocks_checkout_spec', first='Juan', last='Perez', addr1='123 Test Street', addr2='Apartment 6',
                  country='ES', city='Madrid', postcode='08830', state='M', phone='0987654321',
                  email='juan.perez@test.com')
    g['john_e2e'] = P('blocks_checkout_spec', first='John', last='Doe', company='Automattic',
                      addr1='123 Main Road', addr2='Unit 23', city='San Francisco', postcode='SW1 1AA',
                      phone='123456789', email='john.doe@example.com')
    g['jane_e2e'] = P('blocks_checkout_spec', first='Jane', last='Doe', company='WooCommerce',
                      addr1='123 Main Avenue', addr2='Unit 42', city='Los Angeles', phone='987654321',
                      postcode='1234')
    g['jonny'] = P('blocks_address_test', first='Jonny', last='Awesome', company='WordPress',
                   addr1='123 Address Street', addr2='Address 2', city='Vienna', postcode='1120', country='AT',
                   email='jonny.awesome@email.com')
    g['john_409'] = P('blocks_address_test', first='John', last='Doe', company='Company', addr1='409 Main Street',
                      addr2='Apt 1', city='London', postcode='W1T 4JG', country='GB', email='john.doe@company',
                      phone='+1234567890')
    g['john_acme'] = P('blocks_typeguards_test', first='John', last='Doe', company='ACME', addr1='123 Main St',
                       addr2='Suite 1', city='Anytown', state='CA', postcode='12345', country='US',
                       phone='555-555-5555', email='jon@doe.com')
    g['john_easy'] = P('blocks_shopper', first='John', last='Doe', addr1='123 Easy Street', addr2='Testville',
                       city='New York', postcode='90210', email='john.doe@test.com', phone='01234567890')
    g['customerson'] = P('stripe_e2e_data', no_label=('first',), first='Customer', last='Customerson',
                         addr1='60 29th Street #343', city='San Francisco', state='CA', postcode='94110',
                         phone='2025550104', email='e2e-customer-billing@woocommerce.com')
    g['recipientson'] = P('stripe_e2e_data', no_label=('first',), first='Recipient', last='Recipientson',
                          addr1='166 Crosby Street', city='New York', state='NY', postcode='10012')
    g['jeroen_stripe'] = P('stripe_dummy_auth', first='Jeroen', last='Sormani', email='admin@example.org')
    g['john_smith'] = P('stripe_dummy_signup', first='John', last='Smith', email='example3@example.com')
    return g


# --------------------------------------------------------------------------------------------
# a corpus file under construction

class Doc:
    def __init__(self, name):
        self.name = name
        self.parts = []
        self.remove = []
        self.keep = []
        self.sids = []
        self._seen = set()

    def w(self, s):
        self.parts.append(s)

    @property
    def text(self):
        return ''.join(self.parts)

    def use(self, *sids):
        for s in sids:
            if s not in self.sids:
                self.sids.append(s)

    def R(self, cat, kind, value, sid, **extra):
        self.use(sid)
        key = ('R', value)
        if key in self._seen:
            return
        self._seen.add(key)
        lab = {'category': cat, 'kind': kind, 'value': value, 'repo': REPOS[SRC[sid][0]][0],
               'path': SRC[sid][1]}
        lab.update(extra)
        self.remove.append(lab)

    def K(self, kind, value, sid=None, **extra):
        key = ('K', value)
        if key in self._seen:
            return
        self._seen.add(key)
        lab = {'kind': kind, 'value': value}
        if sid:
            self.use(sid)
            lab['repo'] = REPOS[SRC[sid][0]][0]
            lab['path'] = SRC[sid][1]
        lab.update(extra)
        self.keep.append(lab)

    def customers(self, *ps):
        """Label every customer value of these personas that occurs in the text."""
        t = self.text
        for p in ps:
            for kind, v in p.labels():
                if v in t:
                    self.R('customer', kind, v, p.sid)

    def KS(self, kind, *values):
        """Keep values written as context (timestamps, order numbers chosen here)."""
        for v in values:
            self.K(kind, v, synthesised=True)

    def KR(self, repo_key, kind, *values):
        """Keep values checked to occur in a repository (hooks, messages, slugs)."""
        for v in values:
            if not in_repo(repo_key, v):
                raise SystemExit('%s: keep value %r not found in %s' % (self.name, v, REPOS[repo_key][0]))
            self.K(kind, v, repo=REPOS[repo_key][0])

    def KF(self, repo_key, relpath, shown, kind='file_path'):
        """Keep a file path as it shows in evidence; relpath must exist in the repository."""
        if not repo_has_path(repo_key, relpath):
            raise SystemExit('%s: %s not in %s' % (self.name, relpath, REPOS[repo_key][0]))
        if relpath.split('/')[-1] not in shown:
            raise SystemExit('%s: %r does not show %s' % (self.name, shown, relpath))
        self.K(kind, shown, repo=REPOS[repo_key][0], repo_path=relpath)


def jesc(s):
    """A string as PHP's json_encode writes it (non-ASCII as \\uXXXX, '/' as '\\/')."""
    return json.dumps(s)[1:-1].replace('/', '\\/')


def qenc(s):
    return urllib.parse.quote_plus(s)


# --------------------------------------------------------------------------------------------
# the corpus files

def f_rest_order_pretty(g):
    d = Doc('01-rest-api-order-727.txt')
    p = g['john_docs']
    S = 'docs_orders'
    need(S, '"id": 727', 'wc_order_58d2d042d1d', '2017-03-22T16:28:02', 'Woo Single #1', 'Bar3',
         'US-CA-STATE TAX', '"total": "29.35"', 'Direct Bank Transfer', 'https://example.com/wp-json/wc/v3/orders/727')
    d.w('''Ticket #4471 - order 727 shows "processing" but the customer says it was never shipped.
Merchant pasted the REST response below (WooCommerce > Settings > Advanced > REST API key, read access).

$ curl https://example.com/wp-json/wc/v3/orders/727 -u "$WC_KEY:$WC_SECRET" | python -m json.tool
{
  "id": 727,
  "parent_id": 0,
  "number": "727",
  "order_key": "wc_order_58d2d042d1d",
  "created_via": "rest-api",
  "version": "3.0.0",
  "status": "processing",
  "currency": "USD",
  "date_created": "2017-03-22T16:28:02",
  "date_created_gmt": "2017-03-22T19:28:02",
  "date_modified": "2017-03-22T16:28:08",
  "discount_total": "0.00",
  "shipping_total": "10.00",
  "cart_tax": "1.35",
  "total": "29.35",
  "total_tax": "1.35",
  "prices_include_tax": false,
  "customer_id": 0,
  "customer_ip_address": "%(ip)s",
  "customer_user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15",
  "customer_note": "",
  "billing": {
    "first_name": "%(first)s",
    "last_name": "%(last)s",
    "company": "",
    "address_1": "%(addr1)s",
    "address_2": "",
    "city": "%(city)s",
    "state": "%(state)s",
    "postcode": "%(postcode)s",
    "country": "US",
    "email": "%(email)s",
    "phone": "%(phone)s"
  },
  "shipping": {
    "first_name": "%(first)s",
    "last_name": "%(last)s",
    "company": "",
    "address_1": "%(addr1)s",
    "address_2": "",
    "city": "%(city)s",
    "state": "%(state)s",
    "postcode": "%(postcode)s",
    "country": "US"
  },
  "payment_method": "bacs",
  "payment_method_title": "Direct Bank Transfer",
  "transaction_id": "",
  "date_paid": "2017-03-22T16:28:08",
  "line_items": [
    {"id": 315, "name": "Woo Single #1", "product_id": 93, "quantity": 2, "subtotal": "6.00", "total": "6.00", "sku": "", "price": 3},
    {"id": 316, "name": "Ship Your Idea &ndash; Color: Black, Size: M Test", "product_id": 22, "variation_id": 23, "quantity": 1, "total": "12.00", "sku": "Bar3", "price": 12}
  ],
  "tax_lines": [{"id": 318, "rate_code": "US-CA-STATE TAX", "rate_id": 75, "label": "State Tax", "tax_total": "1.35"}],
  "shipping_lines": [{"id": 317, "method_title": "Flat Rate", "method_id": "flat_rate", "total": "10.00"}],
  "_links": {"self": [{"href": "https://example.com/wp-json/wc/v3/orders/727"}]}
}

Tracking plugin log for the same order (wc-logs/shipment-tracking-2024-05-14.log):
2024-05-14T09:12:44+00:00 INFO Order #727: label request for %(full)s, %(addr1)s, %(city)s %(state)s %(postcode)s
2024-05-14T09:12:45+00:00 ERROR Order #727: carrier rejected address (code ADDR_UNVERIFIED), contact %(phone)s
''' % dict(p.f, ip=g['einstein'].ip))
    d.customers(p, g['einstein'])
    d.K('order_number', '727', S)
    d.K('timestamp', '2017-03-22T16:28:02', S)
    d.K('product_name', 'Woo Single #1', S)
    d.K('sku', 'Bar3', S)
    d.K('price', '29.35', S)
    d.K('tax_rate_code', 'US-CA-STATE TAX', S)
    d.K('payment_method', 'Direct Bank Transfer', S)
    d.K('domain', 'https://example.com/wp-json/wc/v3/orders/727', S)
    d.KS('timestamp', '2024-05-14T09:12:44+00:00')
    d.KS('error_code', 'ADDR_UNVERIFIED')
    return d


def f_rest_orders_compact(g):
    d = Doc('02-rest-api-orders-compact.json.txt')
    j, e, m = g['jeroen'], g['einstein'], g['maggie_mt']
    need('core_order_helper', "set_transaction_id( 'mock1' )", "set_customer_note( 'Please be careful' )",
         "set_currency( 'INR' )", "set_created_via( 'unit_tests' )")
    o1 = {"id": 1803, "parent_id": 0, "status": "completed", "currency": "INR", "version": "0.0.2",
          "prices_include_tax": True, "date_created": "2024-11-02T10:41:07", "discount_total": "0.00",
          "shipping_total": "10.00", "total": "50.00", "customer_id": 14,
          "order_key": "wc_order_kq2VJ3m8fHhQe", "billing": {
              "first_name": j.first, "last_name": j.last, "company": j.company, "address_1": j.addr1,
              "address_2": "", "city": j.city, "state": j.state, "postcode": j.postcode, "country": "US",
              "email": j.email, "phone": j.phone},
          "shipping": {"first_name": e.first, "last_name": e.last, "company": e.company, "address_1": e.addr1,
                       "address_2": e.addr2, "city": e.city, "state": "", "postcode": e.postcode, "country": "US",
                       "phone": e.phone},
          "payment_method": "mock", "payment_method_title": "Mock Gateway", "transaction_id": "mock1",
          "customer_ip_address": e.ip, "customer_user_agent": "wc_unit_tests",
          "created_via": "unit_tests", "customer_note": "Please be careful", "date_completed": "2024-11-02T10:41:09",
          "cart_hash": "1234", "line_items": [{"id": 51, "name": "Dummy Product", "product_id": 40, "quantity": 4,
                                              "subtotal": "40.00", "total": "40.00", "sku": "DUMMY SKU", "price": 10}],
          "shipping_lines": [{"id": 52, "method_title": "Flat rate shipping", "method_id": "flat_rate", "total": "10.00"}],
          "_links": {"self": [{"href": "https://local.wordpress.test/wp-json/wc/v3/orders/1803"}]}}
    o2 = {"id": 1804, "parent_id": 0, "status": "on-hold", "currency": "EUR", "version": "8.8.0",
          "date_created": "2024-11-02T11:03:55", "total": "18.00", "customer_id": 0,
          "billing": {"first_name": m.first, "last_name": m.last, "company": "", "address_1": m.addr1,
                      "address_2": "", "city": m.city, "state": "", "postcode": m.postcode, "country": "MT",
                      "email": m.email, "phone": m.phone},
          "shipping": {"first_name": m.first, "last_name": m.last, "company": "", "address_1": m.addr1,
                       "address_2": "", "city": m.city, "state": "", "postcode": m.postcode, "country": "MT",
                       "phone": ""},
          "payment_method": "bacs", "payment_method_title": "Direct bank transfer", "transaction_id": "",
          "customer_ip_address": g['ips_download'][2], "customer_note": "",
          "line_items": [{"id": 53, "name": "Beanie", "product_id": 15, "quantity": 1, "total": "18.00",
                          "sku": "woo-beanie", "price": 18}],
          "_links": {"self": [{"href": "https://local.wordpress.test/wp-json/wc/v3/orders/1804"}]}}
    body = json.dumps([o1, o2], ensure_ascii=True, separators=(',', ':')).replace('/', '\\/')
    d.w('Support chat, 2024-11-02: "orders 1803 and 1804 don\'t show in the ERP sync". Output of\n'
        '  curl -s "https://local.wordpress.test/wp-json/wc/v3/orders?include=1803,1804" -u "$CK:$CS"\n\n')
    d.w(body + '\n\nHTTP/1.1 200 OK\nX-WP-Total: 2\nX-WP-TotalPages: 1\n')
    d.customers(j, e, m)
    d.R('customer', 'ip', g['ips_download'][2], 'rest_data_v4')
    d.K('order_number', '1803', 'stripe_dummy_signup')
    d.KS('order_number', '1804')
    d.K('txn_id', 'mock1', 'core_order_helper')
    d.K('customer_note', 'Please be careful', 'core_order_helper')
    d.K('sku', 'DUMMY SKU', 'rest_product_helper')
    d.K('product_name', 'Dummy Product', 'rest_product_helper')
    d.K('sku', 'woo-beanie', 'blocks_preview_cart')
    d.K('status', 'on-hold', 'blocks_checkout_doc')
    d.KS('timestamp', '2024-11-02T10:41:07')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    d.KS('http_status', 'HTTP/1.1 200 OK')
    return d


def f_rest_customers_batch(g):
    d = Doc('03-rest-api-customers-batch.txt')
    jo, j2 = g['joao'], g['john2']
    need('docs_customers', 'customers/batch', '"id": 26', '"phone": "(11) 1111-1111"')
    req = {"create": [
        {"email": j2.email, "first_name": j2.first, "last_name": j2.last, "username": j2.username,
         "billing": {"first_name": j2.first, "last_name": j2.last, "company": "", "address_1": j2.addr1,
                     "address_2": "", "city": j2.city, "state": j2.state, "postcode": j2.postcode, "country": "US",
                     "email": j2.email, "phone": j2.phone}},
        {"email": jo.email2, "first_name": jo.first, "last_name": jo.last, "username": jo.username,
         "billing": {"first_name": jo.first, "last_name": jo.last, "company": "", "address_1": jo.addr1,
                     "address_2": "", "city": jo.city, "state": jo.state, "postcode": jo.postcode, "country": "BR",
                     "email": jo.email, "phone": jo.phone},
         "shipping": {"first_name": jo.first, "last_name": jo.last, "company": "", "address_1": jo.addr1,
                      "address_2": "", "city": jo.city, "state": jo.state, "postcode": jo.postcode, "country": "BR"}}],
        "update": [{"id": 26, "billing": {"phone": jo.phone2}}], "delete": [25]}
    d.w('ERP connector debug log (wp-content/uploads/wc-logs/erp-sync-2024-09-30.log)\n\n')
    d.w('2024-09-30T14:02:11+00:00 DEBUG POST https://example.com/wp-json/wc/v3/customers/batch\n')
    d.w('2024-09-30T14:02:11+00:00 DEBUG request body: ' + json.dumps(req, ensure_ascii=False) + '\n')
    resp = {"create": [
        {"id": 27, "date_created": "2024-09-30T14:02:12", "email": j2.email, "first_name": j2.first,
         "last_name": j2.last, "role": "customer", "username": j2.username,
         "billing": req['create'][0]['billing'], "is_paying_customer": False},
        {"id": 28, "date_created": "2024-09-30T14:02:12", "email": jo.email2, "first_name": jo.first,
         "last_name": jo.last, "role": "customer", "username": jo.username,
         "billing": req['create'][1]['billing'], "is_paying_customer": False}],
        "update": [{"id": 26, "code": "woocommerce_rest_invalid_id", "message": "Invalid resource ID.",
                    "data": {"status": 400}}],
        "delete": [{"id": 25, "error": {"code": "woocommerce_rest_invalid_id", "message": "Invalid resource ID.",
                                        "data": {"status": 404}}}]}
    d.w('2024-09-30T14:02:12+00:00 DEBUG response 200: ' + json.dumps(resp, separators=(',', ':')).replace('/', '\\/') + '\n')
    d.w('2024-09-30T14:02:12+00:00 WARNING customer 26 not updated (woocommerce_rest_invalid_id), phone %s kept in ERP\n' % jo.phone2)
    d.customers(jo, j2)
    d.R('customer', 'name', jesc(jo.first), 'docs_customers', variant='json \\u escape')
    d.R('customer', 'name', jesc(jo.full), 'docs_customers', variant='json \\u escape') if jesc(jo.full) in d.text else None
    d.KR('rest', 'error_code', 'woocommerce_rest_invalid_id')
    d.KR('rest', 'error_message', 'Invalid resource ID.')
    d.KS('timestamp', '2024-09-30T14:02:11+00:00')
    d.K('domain', 'example.com', 'docs_customers')
    d.K('country_code', 'BR', 'docs_customers')
    return d


def f_rest_customer_create(g):
    d = Doc('04-rest-api-customer-create-request.txt')
    mc = g['mctest']
    jd = g['jondo']
    need('rest_customers_v3', "'password' => 'test123'", "'email'    => 'create_customer_test@woo.local'")
    addr = {"first_name": jd.first, "last_name": jd.last, "company": "", "address_1": jd.addr1, "address_2": "",
            "city": jd.city, "state": jd.state, "postcode": jd.postcode, "country": jd.country}
    jondo_body = {"email": jd.email, "first_name": jd.first, "last_name": jd.last, "username": jd.username,
                  "billing": dict(addr, email=jd.email, phone=jd.phone), "shipping": addr}
    d.w('''Query Monitor > HTTP API / REST request log, copied by the merchant (site: local.wordpress.test)

POST /wp-json/wc/v3/customers HTTP/1.1
Host: local.wordpress.test
Authorization: Basic <removed by merchant>
Content-Type: application/x-www-form-urlencoded

email=create_customer_test%%40woo.local&password=test123

HTTP/1.1 201 Created
{"id":31,"date_created":"2024-06-03T08:15:40","email":"create_customer_test@woo.local","first_name":"","last_name":"","role":"customer","billing":{"first_name":"","last_name":"","company":"","address_1":"","address_2":"","city":"","state":"","postcode":"","country":"","email":"","phone":""},"is_paying_customer":false}

POST /wp-json/wc/v3/customers HTTP/1.1
Content-Type: application/json

{"password":"test123","email":"%(email)s","first_name":"Test","last_name":"%(last)s","billing":{"country":"US","state":"WA"},"shipping":{"state":"CA","country":"US"}}

HTTP/1.1 400 Bad Request
{"code":"registration-error-email-exists","message":"An account is already registered with your email address.","data":{"status":400}}

POST /wp-json/wc/v3/customers HTTP/1.1   (api-core-tests payload, sent by the merchant's CI against production)
Content-Type: application/json

%(jondo_json)s

HTTP/1.1 400 Bad Request
{"code":"registration-error-username-exists","message":"An account is already registered with that username. Please choose another.","data":{"status":400}}

PHP Notice (debug.log):
[03-Jun-2024 08:15:41 UTC] WC_REST_Customers_Controller::create_item: wc_create_new_customer( '%(email)s', '', 'test123' ) returned registration-error-email-exists
''' % dict(mc.f, jondo_json=json.dumps(jondo_body, indent=2, ensure_ascii=False)))
    d.customers(mc, jd)
    d.R('customer', 'email', 'create_customer_test%40woo.local', 'rest_customers_v3', variant='url-encoded')
    d.R('customer', 'email', 'create_customer_test@woo.local', 'rest_customers_v3')
    d.R('credential', 'customer_password', 'test123', 'rest_customers_v3')
    d.KS('http_status', 'HTTP/1.1 201 Created', 'HTTP/1.1 400 Bad Request')
    d.K('error_code', 'registration-error-email-exists', None, synthesised=True)
    d.KS('timestamp', '03-Jun-2024 08:15:41 UTC')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    return d


def f_order_edit_screen(g):
    d = Doc('05-order-edit-screen.txt')
    j, e = g['jeroen'], g['einstein']
    d.w('''Copied from WooCommerce > Orders > Edit order (HPOS), order #1803, 2 Nov 2024 @ 10:41

Order #1803 details
Payment via Mock Gateway (mock1). Paid on 2 November 2024 @ 10:41. Customer IP: %(ip)s

General
Date created: 2024-11-02 @ 10 : 41
Status: Completed
Customer: %(jfull)s (#14 - %(jemail)s)

Billing
%(jfull)s
%(jcompany)s
%(jaddr1)s
%(jcity)s, %(jstate)s %(jpostcode)s
Email address:
%(jemail)s
Phone:
%(jphone)s

Shipping
%(efull)s
%(ecompany)s
%(eaddr1)s
%(eaddr2)s
%(ecity)s %(epostcode)s
Phone:
%(ephone)s
Customer provided note:
Please be careful

Item                 Cost     Qty    Total
Dummy Product        ₹10.00   x 4    ₹40.00
SKU: DUMMY SKU
Flat rate shipping                   ₹10.00
Order Total:                         ₹50.00

Order notes
Order status changed from Pending payment to Completed. - 2 November 2024 at 10:41 am
Stock levels reduced: Dummy Product (DUMMY SKU) 10→6 - 2 November 2024 at 10:41 am
''' % dict(ip=e.ip, **{'j' + k: v for k, v in j.f.items()}, **{'e' + k: v for k, v in e.f.items()}))
    d.customers(j, e)
    d.KS('order_number', 'Order #1803')
    d.K('txn_id', 'mock1', 'core_order_helper')
    d.K('sku', 'DUMMY SKU', 'rest_product_helper')
    d.K('status', 'Completed', None, synthesised=True)
    d.KS('price', '₹50.00')
    d.KS('timestamp', '2 November 2024 at 10:41 am')
    return d


def f_print_r_order(g):
    d = Doc('06-debug-print-r-order.log')
    m = g['maggie']
    rows = []
    for k, v in (('first_name', m.first), ('last_name', m.last), ('company', ''), ('address_1', m.addr1),
                 ('address_2', ''), ('city', m.city), ('state', m.state), ('postcode', m.postcode),
                 ('country', m.country), ('email', m.email), ('phone', m.phone)):
        rows.append('            [%s] => %s' % (k, v))
    billing = '\n'.join(rows)
    ship = '\n'.join(r for r in rows if '[email]' not in r).replace('[phone] => ' + m.phone, '[phone] => ')
    d.w('''[12-Mar-2025 16:20:03 UTC] PHP Warning:  Undefined array key "tracking_number" in /var/www/html/wp-content/plugins/acme-shipping/includes/class-acme-label.php on line 88
[12-Mar-2025 16:20:03 UTC] acme-shipping: order data before label request: Array
(
    [id] => 2241
    [parent_id] => 0
    [status] => processing
    [currency] => USD
    [version] => 8.6.1
    [prices_include_tax] =>
    [date_created] => WC_DateTime Object
        (
            [utc_offset:protected] => 0
            [date] => 2025-03-12 16:19:58.000000
            [timezone_type] => 1
            [timezone] => +00:00
        )

    [discount_total] => 0
    [shipping_total] => 5
    [total] => 25.00
    [customer_id] => 2
    [order_key] => wc_order_Xb7Q2LmN1pRt4
    [billing] => Array
        (
%(billing)s
        )

    [shipping] => Array
        (
%(ship)s
        )

    [payment_method] => cod
    [payment_method_title] => Cash on delivery
    [customer_ip_address] => %(ip)s
    [customer_user_agent] => Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0
    [created_via] => checkout
    [customer_note] =>
    [number] => 2241
    [meta_data] => Array
        (
        )

    [line_items] => Array
        (
            [1187] => WC_Order_Item_Product Object ( [name] => Hoodie with Logo [sku] => woo-hoodie-with-logo [total] => 45 )
        )

)

[12-Mar-2025 16:20:04 UTC] PHP Fatal error:  Uncaught TypeError: Acme_Label::format_address(): Argument #2 ($state) must be of type string, null given, called in /var/www/html/wp-content/plugins/acme-shipping/includes/class-acme-label.php on line 91
''' % dict(billing=billing, ship=ship, ip=g['ips_rate'][0]))
    d.customers(m)
    d.R('customer', 'ip', g['ips_rate'][0], 'blocks_ratelimits')
    d.KS('order_number', '2241')
    d.K('sku', 'woo-hoodie-with-logo', 'blocks_preview_cart')
    d.K('product_name', 'Hoodie with Logo', 'blocks_preview_cart')
    d.KS('file_path', '/var/www/html/wp-content/plugins/acme-shipping/includes/class-acme-label.php')
    d.KS('timestamp', '12-Mar-2025 16:20:03 UTC')
    d.KS('error_message', 'Argument #2 ($state) must be of type string, null given')
    d.KS('version', '8.6.1')
    return d


def f_var_dump_customer(g):
    d = Doc('07-debug-var-dump-customer.log')
    ju = g['justin']
    need('rest_customer_helper', "$password = 'hunter2'", "$username = 'testcustomer'")

    def s(v):
        return 'string(%d) "%s"' % (len(v.encode('utf-8')), v)
    d.w('''[2024-08-19 07:31:22] var_dump( WC()->customer ) from a theme's functions.php (mini-cart shows wrong tax):
object(WC_Customer)#2875 (13) {
  ["data":protected]=>
  array(30) {
    ["date_created"]=>
    NULL
    ["email"]=>
    %(email)s
    ["first_name"]=>
    %(first)s
    ["last_name"]=>
    string(0) ""
    ["display_name"]=>
    %(user)s
    ["role"]=>
    string(8) "customer"
    ["username"]=>
    %(user)s
    ["billing"]=>
    array(11) {
      ["first_name"]=>
      string(0) ""
      ["address_1"]=>
      %(addr1)s
      ["address_2"]=>
      %(addr2)s
      ["city"]=>
      %(city)s
      ["postcode"]=>
      %(postcode)s
      ["country"]=>
      string(2) "US"
      ["state"]=>
      string(2) "PA"
      ["email"]=>
      %(email)s
      ["phone"]=>
      string(0) ""
    }
    ["shipping"]=>
    array(10) {
      ["address_1"]=>
      %(addr1)s
      ["address_2"]=>
      %(addr2)s
      ["city"]=>
      %(city)s
      ["postcode"]=>
      %(postcode)s
      ["country"]=>
      string(2) "US"
      ["state"]=>
      string(2) "PA"
    }
    ["is_paying_customer"]=>
    bool(false)
  }
  ["password":protected]=>
  %(pw)s
  ["calculated_shipping":protected]=>
  bool(false)
  ["is_vat_exempt":protected]=>
  bool(false)
}
[2024-08-19 07:31:22] WC_Tax::get_rates() for US/PA/19123: array(0) {}
''' % dict(email=s(ju.email), first=s(ju.first), user=s(ju.username), addr1=s(ju.addr1), addr2=s(ju.addr2),
           city=s(ju.city), postcode=s(ju.postcode), pw=s('hunter2')))
    d.customers(ju)
    d.R('credential', 'customer_password', 'hunter2', 'rest_customer_helper')
    d.KS('timestamp', '2024-08-19 07:31:22')
    d.K('country_code', 'US/PA/19123', None, synthesised=True)
    return d


def f_analytics_export(g):
    d = Doc('08-analytics-customers-export.csv')
    rows = [
        ('emily', 'emilyj', 'Los Angeles', 'CA', '90001', 'US'),
        ('oliver', 'otaylor', 'London', '', 'W1D 2HG', 'GB'),
        ('mohammed', 'mhassan', 'Kabul', '', '1001', 'AF'),
        ('jonny', 'jonnya', 'Vienna', '', '1120', 'AT'),
        ('juan', 'jperez', 'Madrid', 'M', '08830', 'ES'),
        ('joao', 'joao.silva2', 'Rio de Janeiro', 'RJ', '12345-000', 'BR'),
    ]
    d.w('"Name","Username","Last active","Date registered","Email","Orders","Total spend","AOV","Country / Region","City","Region","Postal code"\n')
    for i, (key, user, city, region, pc, cc) in enumerate(rows):
        p = g[key]
        email = p.email
        d.w('"%s","%s","2025-01-%02d","2024-0%d-11","%s","%d","$%d.00","$%d.00","%s","%s","%s","%s"\n' % (
            p.full, user, 10 + i, 1 + i, email, 2 + i, 40 + 15 * i, 20 + i, cc, city, region, pc))
    d.w('\n# exported from Analytics > Customers, 2025-01-17, filter "Orders > 1"; merchant asks why Mohammed\'s AOV is wrong\n')
    d.customers(*[g[r[0]] for r in rows])
    for cc in ('GB', 'AF', 'AT', 'ES'):
        d.K('country_code', '"%s"' % cc, None, synthesised=True)
    d.KS('timestamp', '2025-01-17')
    return d


def f_order_export_csv(g):
    d = Doc('09-order-export.csv')
    d.w('order_id,order_number,order_date,status,billing_first_name,billing_last_name,billing_company,billing_address_1,billing_address_2,billing_city,billing_state,billing_postcode,billing_country,billing_email,billing_phone,shipping_first_name,shipping_last_name,shipping_address_1,shipping_address_2,shipping_city,shipping_state,shipping_postcode,shipping_country,line_items,order_total\n')
    need('blocks_preview_cart', "sku: 'woo-cap'", "sku: 'woo-polo'", "sku: 'woo-long-sleeve-tee'",
         "sku: 'woo-hoodie-with-zipper'")
    data = [
        (3101, 'han', None, 'processing', 'woo-cap|Cap|1|18.00', '28.00'),
        (3102, 'john_acme', 'john_acme', 'completed', 'woo-polo|Polo|2|40.00', '45.00'),
        (3103, 'john_easy', 'john_easy', 'on-hold', 'woo-long-sleeve-tee|Long Sleeve Tee|1|25.00', '30.00'),
        (3104, 'john_sh', 'tim', 'processing', 'woo-hoodie-with-zipper|Hoodie with Zipper|1|45.00', '55.00'),
        (3105, 'juan', 'juan', 'failed', 'woo-beanie|Beanie|3|54.00', '59.00'),
    ]
    for oid, b, s, status, items, total in data:
        B = g[b]
        S = g[s] if s else B

        def q(v):
            v = v or ''
            return '"%s"' % v if (',' in v or ' ' in v) else v
        d.w(','.join(str(x) for x in [
            oid, oid, '2024-12-0%d 1%d:2%d:00' % (oid - 3100, oid - 3100, oid - 3100), status,
            q(B.first), q(B.last), q(B.f.get('company')), q(B.addr1), q(B.f.get('addr2')), q(B.city),
            q(B.f.get('state')), q(B.postcode), B.f.get('country') or 'US', q(B.f.get('email')), q(B.f.get('phone')),
            q(S.first), q(S.last), q(S.addr1), q(S.f.get('addr2')), q(S.city), q(S.f.get('state')), q(S.postcode),
            S.f.get('country') or 'US', q(items), total]) + '\n')
    d.customers(*[g[k] for k in ('han', 'john_acme', 'john_easy', 'john_sh', 'tim', 'juan')])
    d.K('sku', 'woo-cap', 'blocks_preview_cart')
    d.K('sku', 'woo-long-sleeve-tee', 'blocks_preview_cart')
    d.K('product_name', 'Hoodie with Zipper', 'blocks_preview_cart')
    d.KS('order_number', '3104')
    d.K('status', 'failed', None, synthesised=True)
    d.KS('timestamp', '2024-12-04 14:24:00')
    return d


def f_php_fixture(g):
    d = Doc('10-php-test-fixture-order-helper.txt')
    t = src('rest_order_helper')
    a = t.index('\t\t// Set billing address')
    b = t.index('\t\t// Add shipping costs')
    part1 = t[a:b]
    t2 = src('core_order_helper')
    a2 = t2.index("\t\t$order->set_customer_ip_address( '1.1.1.1' );")
    b2 = t2.index("\t\t$order->set_created_via( 'unit_tests' );")
    part2 = t2[a2:b2]
    t3 = src('rest_customer_helper')
    a3 = t3.index('\tpublic static function create_customer(')
    b3 = t3.index('\t\treturn $customer;', a3)
    part3 = t3[a3:b3]
    d.w('Developer reproduces the "shipping phone missing from packing slip" bug with WooCommerce\'s own\n'
        'test helpers; the helper code below is pasted as is from the test suite.\n\n')
    d.w('--- unit-tests/Helpers/OrderHelper.php (woocommerce-rest-api), create_order() ---\n')
    d.w(part1)
    d.w('--- plugins/woocommerce/tests/legacy/unit-tests/rest-api/Helpers/OrderHelper.php, create_complex_wp_post_order() ---\n')
    d.w(part2)
    d.w('--- unit-tests/Helpers/CustomerHelper.php ---\n')
    d.w(part3 + '\t\treturn $customer;\n\t}\n\n')
    d.w('$ vendor/bin/phpunit --filter test_packing_slip_shipping_phone\n'
        'There was 1 failure:\n1) WC_Tests_Packing_Slip::test_packing_slip_shipping_phone\n'
        "Failed asserting that '' matches expected '299792458'.\n")
    d.use('rest_order_helper', 'core_order_helper', 'rest_customer_helper')
    d.customers(g['jeroen'], g['einstein'], g['justin'])
    d.R('credential', 'customer_password', 'hunter2', 'rest_customer_helper')
    d.R('customer', 'email', 'test@woo.local', 'rest_customer_helper')
    d.KR('rest', 'hook', 'set_billing_phone')
    d.K('test_name', 'test_packing_slip_shipping_phone', None, synthesised=True)
    return d


def f_js_fixtures(g):
    d = Doc('11-e2e-test-data-fixtures.txt')
    t = src('core_e2e_data')
    a = t.index('const customer = {')
    b = t.index('const storeDetails')
    t2 = src('core_api_shared_customer')
    a2 = t2.index('const customerBilling = {')
    b2 = t2.index('const customerBillingSearchTest')
    a3 = t2.index('const customerShipping = {')
    b3 = t2.index('const customerShippingSearchTest')
    t4 = src('blocks_e2e_data')
    a4 = t4.index('export const customer = {')
    b4 = t4.index('export const storeDetails')
    d.w('CI run 8841 on the merchant\'s staging site fails at "checkout > place order as guest".\n'
        'They attached their copies of the WooCommerce e2e test data (unchanged):\n\n')
    d.w('// tests/e2e-pw/test-data/data.js\n' + t[a:b])
    d.w('// tests/api-core-tests/data/shared/customer.js\n' + t2[a2:b2] + t2[a3:b3])
    d.w('// woocommerce-blocks tests/e2e/test-data/data/data.ts\n' + t4[a4:b4])
    d.w('''Playwright output:
  1) [chromium] > checkout.spec.ts:88:2 > guest can place order
    Error: expect(received).toContainText(expected)
    Expected substring: "%s"
    Received string:    "Billing address\\n%s\\n%s\\nSpringfield, OR 97403"
      at /home/runner/work/shop/tests/e2e-pw/tests/shopper/checkout.spec.ts:131:45
''' % (g['maggie'].phone, g['maggie'].full, g['maggie'].addr1))
    d.customers(g['maggie'], g['maggie_mt'], g['john_sh'], g['tim'], g['jane_smith'], g['emily'], g['oliver'],
                g['mohammed'])
    d.R('customer', 'email', 'customer@woocommercecoree2etestsuite.com', 'core_e2e_data')
    d.K('file_path', '/home/runner/work/shop/tests/e2e-pw/tests/shopper/checkout.spec.ts:131:45', synthesised=True)
    d.K('test_name', 'guest can place order', None, synthesised=True)
    return d


def f_fatal_errors(g):
    d = Doc('12-fatal-errors-2025-02-07.log')
    mo = g['mohammed']
    posted = {"terms": 1, "createaccount": 0, "payment_method": "cod", "shipping_method": ["flat_rate:1"],
              "ship_to_different_address": False, "woocommerce_checkout_update_totals": False,
              "billing_first_name": mo.first, "billing_last_name": mo.last, "billing_company": "",
              "billing_country": "AF", "billing_address_1": mo.addr1, "billing_address_2": "",
              "billing_city": mo.city, "billing_state": "", "billing_postcode": mo.postcode,
              "billing_phone": mo.phone, "billing_email": mo.email, "order_comments": ""}
    ctx = {"error": {"type": 1, "file": "/var/www/html/wp-content/plugins/af-address-validator/af-address-validator.php",
                     "line": 57},
           "remote-logging": True, "backtrace": ["#0 /var/www/html/wp-includes/class-wp-hook.php(324): AF_Validator->check()"],
           "posted_data": posted}
    cj = json.dumps(ctx, ensure_ascii=False).replace('/', '\\/')
    d.w('2025-02-07T03:14:09+00:00 CRITICAL Uncaught Error: Call to undefined function geoip_detect2_get_info_from_ip() in '
        '/var/www/html/wp-content/plugins/af-address-validator/af-address-validator.php:57 CONTEXT: ' + cj + '\n')
    d.w('2025-02-07T03:14:09+00:00 CRITICAL Uncaught Error: Call to undefined function geoip_detect2_get_info_from_ip() '
        'CONTEXT: {"source":"fatal-errors","ip":"%s","order":null}\n' % g['ips_rate'][4])
    d.w('2025-02-07T03:20:51+00:00 ERROR woocommerce_checkout_order_processed callback failed for order #4410 (%s, %s)\n'
        % (mo.full, mo.email))
    d.customers(mo)
    d.R('customer', 'ip', g['ips_rate'][4], 'blocks_ratelimits')
    d.KS('file_path', '\\/var\\/www\\/html\\/wp-content\\/plugins\\/af-address-validator\\/af-address-validator.php')
    d.KS('timestamp', '2025-02-07T03:14:09+00:00')
    d.KS('order_number', '#4410')
    d.K('hook', 'woocommerce_checkout_order_processed', None, synthesised=True)
    d.K('country_code', '"billing_country": "AF"', None, synthesised=True)
    return d


def f_email_plain(g):
    d = Doc('13-email-new-order-plain.txt')
    o = g['oliver']
    d.w('''From: "Sample Store" <wordpress@local.wordpress.test>
To: shop-owner@local.wordpress.test
Subject: [Sample Store]: New order #5120
Date: Tue, 21 Jan 2025 09:44:10 +0000
X-Mailer: WP Mail SMTP

= New order: #5120 =

You've received the following order from %(full)s:

[Order #5120] (21 January 2025)

Beanie with Logo (#Woo-beanie-logo) × 1 = £18.00
Cap (#woo-cap) × 2 = £32.00

Subtotal: £50.00
Shipping: £4.99 via Royal Mail 1st Class
Payment method: Direct bank transfer
Total: £54.99

==========

Billing address
%(full)s
%(addr1)s
%(city)s
%(postcode)s
United Kingdom (UK)
%(phone)s
%(email)s

Shipping address
%(full)s
%(addr1)s
%(city)s
%(postcode)s
United Kingdom (UK)

----------------------------------------
Congratulations on the sale.
''' % o.f)
    d.customers(o)
    d.KS('order_number', '#5120')
    d.KS('sku', 'Woo-beanie-logo')
    d.K('sku', 'woo-cap', 'blocks_preview_cart')
    d.KS('price', '£54.99')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    return d


def f_email_html(g):
    d = Doc('14-email-processing-order.html.txt')
    v = g['venkman']
    need('blocks_order_doc', '"name": "Beanie"', '"sku": "woo-beanie"', '"id": 147')
    d.w('''<!-- customer-processing-order.php rendered by WooCommerce 8.5.2, saved from Email Log plugin -->
<p>Hi %(first)s,</p>
<p>Just to let you know &mdash; we've received your order #147, and it is now being processed:</p>
<h2>[Order #147] (<time datetime="2024-03-08T13:37:02+00:00">8 March 2024</time>)</h2>
<table class="td" cellspacing="0" cellpadding="6" border="1">
<tr class="order_item"><td class="td">Beanie <small>(#woo-beanie)</small></td><td class="td">1</td><td class="td"><span class="woocommerce-Price-amount amount">&pound;10.00</span></td></tr>
</table>
<table id="addresses" cellspacing="0" cellpadding="0" border="0">
<tr>
<td class="address-container"><h2>Billing address</h2>
<address class="address">%(full)s<br/>%(addr1)s<br/>%(addr2)s<br/>%(city)s, %(state)s %(postcode)s<br/><a href="tel:%(phone)s" style="color:#7f54b3">%(phone)s</a><br/><a href="mailto:%(email)s">%(email)s</a></address>
</td>
<td class="shipping-address-container"><h2>Shipping address</h2>
<address class="address">%(full)s<br/>%(addr1)s<br/>%(addr2)s<br/>%(city)s, %(state)s %(postcode)s<br/>%(phone)s</address>
</td>
</tr>
</table>
<p>Thanks for using local.wordpress.test!</p>
''' % v.f)
    d.customers(v)
    d.K('order_number', 'order #147', 'blocks_order_doc')
    d.K('sku', 'woo-beanie', 'blocks_order_doc')
    d.KS('timestamp', '2024-03-08T13:37:02+00:00')
    d.KS('version', '8.5.2')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    return d


def f_wp_cli(g):
    d = Doc('15-wp-cli-customer-get.txt')
    jo = g['joao']
    d.w('''$ wp wc customer get 28 --user=1
+--------------------+---------------------------------------------------------------------------+
| Field              | Value                                                                     |
+--------------------+---------------------------------------------------------------------------+
| id                 | 28                                                                        |
| date_created       | 2024-09-30T14:02:12                                                       |
| email              | %(email2)-73s |
| first_name         | %(first)-73s |
| last_name          | %(last)-73s |
| role               | customer                                                                  |
| username           | %(username)-73s |
| billing            | {"first_name":"%(first)s","last_name":"%(last)s","company":"","address_1":"%(addr1)s","address_2":"","city":"%(city)s","state":"RJ","postcode":"12345-000","country":"BR","email":"%(email)s","phone":"%(phone)s"} |
| shipping           | {"first_name":"%(first)s","last_name":"%(last)s","company":"","address_1":"%(addr1)s","address_2":"","city":"%(city)s","state":"RJ","postcode":"12345-000","country":"BR","phone":""} |
| is_paying_customer | false                                                                     |
| avatar_url         | https://secure.gravatar.com/avatar/?s=96&d=mm&r=g                          |
+--------------------+---------------------------------------------------------------------------+

$ wp wc customer update 28 --billing='{"phone":"%(phone2)s"}' --user=1
Success: Updated customer 28.

$ wp wc shop_order list --customer=28 --fields=id,status,total --user=1
+------+------------+-------+
| id   | status     | total |
+------+------------+-------+
| 5203 | processing | 21.99 |
+------+------------+-------+
''' % jo.f)
    d.customers(jo)
    d.K('price', '21.99', 'docs_orders')
    d.KS('order_number', '5203')
    d.KS('cli_output', 'Success: Updated customer 28.')
    d.K('country_code', '"country":"BR"', None, synthesised=True)
    return d


def f_store_api_checkout(g):
    d = Doc('16-store-api-checkout.txt')
    v, jp = g['venkman'], g['jane_pd']
    need('blocks_checkout_doc', 'wc_order_VPffqyvgWVqWL', '"status": "checkout-draft"', 'src_xxxxxxxxxxxxx',
         'order-received/146')
    req = {"billing_address": {k: v.f.get(kk, '') for k, kk in (
        ('first_name', 'first'), ('last_name', 'last'), ('company', 'x'), ('address_1', 'addr1'),
        ('address_2', 'addr2'), ('city', 'city'), ('state', 'state'), ('postcode', 'postcode'),
        ('country', 'country'), ('email', 'email'), ('phone', 'phone'))},
           "shipping_address": {k: v.f.get(kk, '') for k, kk in (
               ('first_name', 'first'), ('last_name', 'last'), ('company', 'x'), ('address_1', 'addr1'),
               ('address_2', 'addr2'), ('city', 'city'), ('state', 'state'), ('postcode', 'postcode'),
               ('country', 'country'), ('phone', 'phone'))},
           "customer_note": "Test notes on order.", "create_account": False, "payment_method": "stripe",
           "payment_data": [{"key": "stripe_source", "value": "src_xxxxxxxxxxxxx"},
                            {"key": "billing_email", "value": jp.email},
                            {"key": "billing_first_name", "value": jp.first},
                            {"key": "billing_last_name", "value": jp.last},
                            {"key": "paymentMethod", "value": "stripe"},
                            {"key": "paymentRequestType", "value": "cc"},
                            {"key": "wc-stripe-new-payment-method", "value": True}],
           "extensions": {}}
    d.w('Browser devtools > Network, copied as cURL + response (checkout block, Apple Pay button)\n\n')
    d.w("curl 'https://local.wordpress.test/wp-json/wc/store/v1/checkout?_locale=user' \\\n"
        "  -H 'content-type: application/json' \\\n  -H 'nonce: 1d7d8a8b4e' \\\n"
        "  --data-raw '" + json.dumps(req, separators=(',', ':')) + "'\n\n")
    resp = {"order_id": 146, "status": "failed", "order_key": "wc_order_VPffqyvgWVqWL", "customer_note": "",
            "customer_id": 1, "billing_address": req['billing_address'], "shipping_address": req['shipping_address'],
            "payment_method": "stripe", "payment_result": {
                "payment_status": "failure", "payment_details": [{"key": "message", "value": "Your card was declined."}],
                "redirect_url": "https://local.wordpress.test/block-checkout/order-received/146/?key=wc_order_VPffqyvgWVqWL"}}
    d.w('HTTP/2 402\n' + json.dumps(resp, indent='\t') + '\n')
    d.w('\nwoocommerce_store_api_checkout_order_processed did not fire; order 146 stays "failed".\n')
    d.customers(v, jp)
    d.K('order_number', '146', 'blocks_checkout_doc')
    d.KR('blocks', 'hook', 'woocommerce_store_api_checkout_order_processed')
    d.KR('stripe', 'error_message', 'Your card was declined.')
    d.K('payment_source_placeholder', 'src_xxxxxxxxxxxxx', 'blocks_checkout_doc')
    d.K('domain', 'https://local.wordpress.test/wp-json/wc/store/v1/checkout', 'blocks_checkout_doc')
    d.KS('http_status', 'HTTP/2 402')
    return d


def f_store_api_cart(g):
    d = Doc('17-store-api-cart-update-customer.txt')
    jc, ju = g['john_cart'], g['juan']
    need('blocks_cart_doc', '"shipping_address"', '"needs_payment": true')
    d.w('Store API requests captured by a logging mu-plugin (wp-content/uploads/store-api-debug.log)\n\n')
    d.w('[2024-10-08 18:02:31] GET /wp-json/wc/store/v1/cart 200 cart-token=eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.x\n')
    cart = {"coupons": [], "shipping_rates": [], "shipping_address": {
        "first_name": jc.first, "last_name": jc.last, "company": "", "address_1": jc.addr1, "address_2": "",
        "city": jc.city, "state": jc.state, "postcode": jc.postcode, "country": "US", "phone": jc.phone},
            "billing_address": {"first_name": jc.first, "last_name": jc.last, "company": "", "address_1": jc.addr1,
                                "address_2": "", "city": jc.city, "state": jc.state, "postcode": jc.postcode,
                                "country": "US", "email": jc.email, "phone": jc.phone},
            "items_count": 2, "needs_payment": True, "needs_shipping": True,
            "totals": {"currency_code": "GBP", "total_items": "4000", "total_price": "4000"}}
    d.w('[2024-10-08 18:02:31] response ' + json.dumps(cart, separators=(',', ':')) + '\n')
    upd = {"billing_address": {"first_name": ju.first, "last_name": ju.last, "company": "", "address_1": ju.addr1,
                               "address_2": ju.addr2, "city": ju.city, "state": ju.state, "postcode": ju.postcode,
                               "country": ju.country, "email": ju.email, "phone": ju.phone},
           "shipping_address": {"first_name": ju.first, "last_name": ju.last, "company": "", "address_1": ju.addr1,
                                "address_2": ju.addr2, "city": ju.city, "state": ju.state, "postcode": ju.postcode,
                                "country": ju.country, "phone": ju.phone}}
    d.w('[2024-10-08 18:03:05] POST /wp-json/wc/store/v1/cart/update-customer body=' + json.dumps(upd) + '\n')
    d.w('[2024-10-08 18:03:05] 400 {"code":"woocommerce_rest_invalid_address","message":"There was a problem with the provided shipping address: Madrid is not a valid province.","data":{"status":400}}\n')
    d.customers(jc, ju)
    d.KR('blocks', 'endpoint', '/cart/update-customer')
    d.KR('blocks', 'error_code', 'woocommerce_rest_invalid_address')
    d.KS('timestamp', '2024-10-08 18:03:05')
    d.K('country_code', '"country": "ES"', None, synthesised=True)
    return d


def f_checkout_post(g):
    d = Doc('18-debug-checkout-post.log')
    em = g['emily']
    d.w('''[05-Apr-2024 21:07:42 UTC] [checkout-field-editor] $_POST on woocommerce_checkout_process: Array
(
    [billing_first_name] => %(first)s
    [billing_last_name] => %(last)s
    [billing_company] =>
    [billing_country] => US
    [billing_address_1] => %(addr1)s
    [billing_address_2] =>
    [billing_city] => %(city)s
    [billing_state] => CA
    [billing_postcode] => 90001
    [billing_phone] => %(phone)s
    [billing_email] => %(email)s
    [createaccount] => 1
    [account_password] => test123
    [order_comments] => Leave at the back door
    [shipping_method] => Array
        (
            [0] => free_shipping:3
        )

    [payment_method] => cod
    [terms] => on
    [terms-field] => 1
    [woocommerce-process-checkout-nonce] => 5c0e8f0b2a
    [_wp_http_referer] => /?wc-ajax=update_order_review
)
[05-Apr-2024 21:07:42 UTC] PHP Warning:  Undefined array key "billing_birthdate" in /var/www/html/wp-content/plugins/checkout-field-editor/includes/class-thwcfe-public-checkout.php on line 412
[05-Apr-2024 21:07:43 UTC] WooCommerce: checkout error for %(email)s: "Billing Birth date is a required field."
''' % em.f)
    d.customers(em)
    d.R('credential', 'customer_password', 'test123', 'rest_customers_v3')
    d.KR('blocks', 'hook', 'woocommerce_checkout_process') if in_repo('blocks', 'woocommerce_checkout_process') else d.K('hook', 'woocommerce_checkout_process', synthesised=True)
    d.KS('timestamp', '05-Apr-2024 21:07:42 UTC')
    d.KS('error_message', 'Billing Birth date is a required field.')
    return d


def f_access_log(g):
    d = Doc('19-access.log')
    o, jd = g['oliver'], g['john_docs']
    ips = g['ips_rate']
    dl = g['ips_download']
    post = 'billing_first_name=%s&billing_last_name=%s&billing_address_1=%s&billing_city=%s&billing_postcode=%s&billing_phone=%s&billing_email=%s' % (
        qenc(o.first), qenc(o.last), qenc(o.addr1), qenc(o.city), qenc(o.postcode), qenc(o.phone), qenc(o.email))
    lines = [
        '%s - - [21/Jan/2025:09:41:02 +0000] "GET /product/beanie-with-logo/ HTTP/1.1" 200 51234 "https://www.google.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"' % ips[1],
        '%s - - [21/Jan/2025:09:43:17 +0000] "GET /?wc-ajax=update_order_review&%s HTTP/1.1" 200 3120 "https://local.wordpress.test/checkout/" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"' % (ips[1], post),
        '%s - - [21/Jan/2025:09:44:09 +0000] "POST /?wc-ajax=checkout HTTP/1.1" 200 188 "https://local.wordpress.test/checkout/" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"' % ips[1],
        '%s - - [21/Jan/2025:09:44:10 +0000] "GET /checkout/order-received/5120/?key=wc_order_2nQp8sLk4Xy1 HTTP/1.1" 200 40211 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"' % ips[1],
        '%s - - [21/Jan/2025:10:02:55 +0000] "GET /?download_file=93&order=wc_order_58d2d042d1d&email=%s&key=6e4d1b0a-3c15-4a4b-9c1e-1f2f0d0f7a61 HTTP/1.1" 302 0 "-" "Wget/1.21.2"' % (dl[1], qenc(jd.email)),
        '%s - - [21/Jan/2025:10:03:12 +0000] "GET /?download_file=93&order=wc_order_58d2d042d1d&email=%s&key=6e4d1b0a-3c15-4a4b-9c1e-1f2f0d0f7a61 HTTP/1.1" 403 1410 "-" "Wget/1.21.2"' % (dl[2], qenc(jd.email)),
        '%s - - [21/Jan/2025:10:05:40 +0000] "POST /wp-json/wc/store/v1/cart/add-item HTTP/1.1" 429 96 "-" "python-requests/2.31.0"' % ips[0],
        '%s - - [21/Jan/2025:10:05:41 +0000] "POST /wp-json/wc/store/v1/cart/add-item HTTP/1.1" 429 96 "-" "python-requests/2.31.0"' % ips[6],
        '203.0.113.43 - - [21/Jan/2025:10:06:00 +0000] "GET /wp-json/wc/store/v1/cart HTTP/1.1" 200 2210 "-" "HAProxy health check"',
    ]
    d.w('# nginx access.log, local.wordpress.test, 21 Jan 2025 (customer says the download link stopped working)\n')
    d.w('\n'.join(lines) + '\n')
    for kind, raw, key in (('name', o.first, 'oliver'), ('name', o.last, 'oliver'), ('address', o.addr1, 'oliver'),
                           ('phone', o.phone, 'oliver'), ('email', o.email, 'oliver'), ('email', jd.email, 'john_docs')):
        e = qenc(raw)
        if e != raw:
            d.R('customer', kind, e, g[key].sid, variant='url-encoded')
        else:
            d.R('customer', kind, e, g[key].sid)
    for ip in (ips[1], dl[1], dl[2], ips[0], ips[6]):
        d.R('customer', 'ip', ip, 'blocks_ratelimits' if ip in ips else 'rest_data_v4')
    d.KS('http_status', 'HTTP/1.1" 429')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    d.KS('timestamp', '21/Jan/2025:10:02:55 +0000')
    return d


def f_download_log(g):
    d = Doc('20-download-log-query.txt')
    dl = g['ips_download']
    jd, js = g['john_docs'], g['justin']
    need('rest_data_v4', 'download-ips', "'match' => '54'")
    d.w('''mysql> SELECT l.download_log_id, l.timestamp, l.permission_id, l.user_id, l.user_ip_address, p.user_email, p.order_key, p.download_count
    -> FROM wp_wc_download_log l JOIN wp_woocommerce_downloadable_product_permissions p ON p.permission_id = l.permission_id
    -> WHERE p.product_id = 93 ORDER BY l.timestamp;
+-----------------+---------------------+---------------+---------+-----------------+-----------------------+---------------------+----------------+
| download_log_id | timestamp           | permission_id | user_id | user_ip_address | user_email            | order_key           | download_count |
+-----------------+---------------------+---------------+---------+-----------------+-----------------------+---------------------+----------------+
|             118 | 2025-01-20 22:14:09 |            41 |       0 | %-15s | %-21s | wc_order_58d2d042d1d |              1 |
|             119 | 2025-01-21 10:02:55 |            41 |       0 | %-15s | %-21s | wc_order_58d2d042d1d |              2 |
|             120 | 2025-01-21 10:02:58 |            41 |       0 | %-15s | %-21s | wc_order_58d2d042d1d |              3 |
|             121 | 2025-01-21 10:03:12 |            41 |       0 | %-15s | %-21s | wc_order_58d2d042d1d |              4 |
|             122 | 2025-01-22 07:40:31 |            52 |       9 | %-15s | %-21s | wc_order_Fq1nT0xZ3aPe |              1 |
+-----------------+---------------------+---------------+---------+-----------------+-----------------------+---------------------+----------------+
5 rows in set (0.00 sec)

GET /wp-json/wc/v3/data/download-ips?match=54
[{"user_ip_address":"%s","_links":{"collection":[{"href":"https:\\/\\/example.com\\/wp-json\\/wc\\/v3\\/data\\/download-ips"}]}},{"user_ip_address":"%s","_links":{"collection":[{"href":"https:\\/\\/example.com\\/wp-json\\/wc\\/v3\\/data\\/download-ips"}]}}]

Download limit is 3 per order; log entries 119-121 came from the same IP in under 20 seconds.
''' % (dl[0], jd.email, dl[1], jd.email, dl[1], jd.email, dl[2], jd.email, g['einstein'].ip, js.email, dl[1], dl[2]))
    d.customers(jd, js)
    for ip in dl:
        d.R('customer', 'ip', ip, 'rest_data_v4')
    d.R('customer', 'ip', g['einstein'].ip, 'core_order_helper')
    d.K('endpoint', '/wp-json/wc/v3/data/download-ips?match=54', 'rest_data_v4')
    d.KS('timestamp', '2025-01-21 10:02:55')
    d.K('table', 'wp_wc_download_log', None, synthesised=True)
    return d


def f_rate_limit(g):
    d = Doc('21-store-api-rate-limit-debug.log')
    ips = g['ips_rate']
    need('blocks_ratelimits', "'REMOTE_ADDR'          => '76.45.67.100'",
         "'HTTP_FORWARDED'       => 'for=\"[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:4711\";proto=http;by=203.0.113.43,for=192.0.2.60;proto=https;by=203.0.113.43'")
    d.w('''Store API rate limiting enabled with proxy support (woocommerce_store_api_rate_limit_options: enabled, proxy_support, limit 25 / 10 s).
A customer behind a corporate proxy is blocked; debug output from a mu-plugin hooked on woocommerce_store_api_rate_limit_exceeded:

[2024-12-11 12:00:04] woocommerce_store_api_rate_limit_exceeded ip=%(ip1)s route=/wc/store/v1/cart/add-item
[2024-12-11 12:00:04] $_SERVER subset: Array
(
    [REMOTE_ADDR] => %(ip0)s
    [HTTP_X_REAL_IP] => %(ip1)s
    [HTTP_CLIENT_IP] => %(ip2)s
    [HTTP_X_FORWARDED_FOR] => %(ip3)s,%(ip4)s,%(ip5)s
    [HTTP_FORWARDED] => for="[%(ip7)s]:4711";proto=http;by=203.0.113.43,for=%(ip8)s;proto=https;by=203.0.113.43
    [REQUEST_URI] => /wp-json/wc/store/v1/cart/add-item
)
[2024-12-11 12:00:04] RateLimits::get_ip_address(true) = %(ip1)s ; without proxy support = %(ip0)s
[2024-12-11 12:00:09] woocommerce_store_api_rate_limit_exceeded ip=%(ip6)s route=/wc/store/v1/checkout
[2024-12-11 12:00:09] Retry-After: 10, X-RateLimit-Limit: 25, X-RateLimit-Remaining: 0
''' % {'ip%d' % i: ip for i, ip in enumerate(ips)})
    for ip in ips:
        d.R('customer', 'ip', ip, 'blocks_ratelimits')
    d.KR('blocks', 'hook', 'woocommerce_store_api_rate_limit_exceeded', 'woocommerce_store_api_rate_limit_options')
    d.KS('timestamp', '2024-12-11 12:00:04')
    d.KS('route', '/wc/store/v1/cart/add-item')
    return d


def f_webhook(g):
    d = Doc('22-webhooks-delivery.txt')
    ju = g['juan']
    need('docs_webhooks_v2', '"secret": "my-super-secret-private-key"', 'X-WC-Webhook-Signature',
         'WooCommerce/2.3.0 Hookshot (WordPress/4.1)')
    d.w('''Webhook "Order created -> ERP" keeps failing. Merchant created it with:

curl -X POST https://example.com/wp-json/wc/v3/webhooks \\
    -u consumer_key:consumer_secret \\
    -H "Content-Type: application/json" \\
    -d '{"name": "Order created -> ERP", "topic": "order.created", "secret": "my-super-secret-private-key", "delivery_url": "https://erp.example.net/hooks/woo"}'

wc-logs/webhooks-delivery-2024-07-01-5d1f0c.log:
2024-07-01T08:30:12+00:00 INFO Webhook 535 delivery 378 => POST https://erp.example.net/hooks/woo
2024-07-01T08:30:12+00:00 INFO request headers: {"User-Agent":"WooCommerce/8.9.3 Hookshot (WordPress/6.5.5)","Content-Type":"application/json","X-WC-Webhook-Source":"https://example.com/","X-WC-Webhook-Topic":"order.created","X-WC-Webhook-Resource":"order","X-WC-Webhook-Event":"created","X-WC-Webhook-Signature":"geC1akFhCtsO7fbXz5XiGUsMsRa4Mt0IJsZ96nTaHjI=","X-WC-Webhook-ID":535,"X-WC-Webhook-Delivery-ID":378}
''')
    body = {"id": 3105, "status": "failed", "currency": "EUR", "total": "59.00",
            "billing": {"first_name": ju.first, "last_name": ju.last, "company": "", "address_1": ju.addr1,
                        "address_2": ju.addr2, "city": ju.city, "state": ju.state, "postcode": ju.postcode,
                        "country": ju.country, "email": ju.email, "phone": ju.phone},
            "shipping": {"first_name": ju.first, "last_name": ju.last, "company": "", "address_1": ju.addr1,
                         "address_2": ju.addr2, "city": ju.city, "state": ju.state, "postcode": ju.postcode,
                         "country": ju.country, "phone": ""},
            "customer_ip_address": g['ips_rate'][5], "payment_method": "stripe",
            "line_items": [{"name": "Beanie", "sku": "woo-beanie", "quantity": 3, "total": "54.00"}]}
    d.w('2024-07-01T08:30:12+00:00 INFO request body: ' + json.dumps(body, separators=(',', ':')).replace('/', '\\/') + '\n')
    d.w('2024-07-01T08:30:13+00:00 ERROR response 500 Internal Server Error: {"error":"customer %s already exists"} (0.90226 s)\n' % ju.email)
    d.w('2024-07-01T08:30:13+00:00 WARNING Webhook 535 failure count 5, disabling (woocommerce_max_webhook_delivery_failures)\n\n')
    d.w('print_r( wc_get_webhook( 535 ) ) excerpt:\n    [data:protected] => Array ( [status] => disabled [name] => Order created -> ERP [topic] => order.created [secret] => my-super-secret-private-key [api_version] => 3 [failure_count] => 5 )\n')
    d.customers(ju)
    d.R('customer', 'ip', g['ips_rate'][5], 'blocks_ratelimits')
    d.R('credential', 'wc_webhook_secret', 'my-super-secret-private-key', 'docs_webhooks_v2')
    d.KS('timestamp', '2024-07-01T08:30:12+00:00')
    d.K('hook', 'order.created', 'docs_webhooks_v2') if 'order.created' in src('docs_webhooks_v2') else d.KS('hook', 'order.created')
    d.KS('version', 'WooCommerce/8.9.3 Hookshot (WordPress/6.5.5)')
    return d


def f_stripe_log(g):
    d = Doc('23-woocommerce-gateway-stripe-2024-10-25.log')
    cu = g['customerson']
    js = g['jeroen_stripe']
    need('stripe_dummy_auth', 'authentication_required', 'Your card was declined. This transaction requires authentication.',
         'cus_123abc', 'pi_123abc', '3155')
    need('stripe_dummy_signup', 'cus_EgskS2dN4FzgmE', 'src_1EvP9PIDdSUSdcIrdTMMVT8t', 'Playground - Order 1803')
    sec = 'UaNshLU9SSaLJLtVD6W1V7ndF'
    need('stripe_dummy_signup', sec)
    jsm = g['john_smith']
    d.w('''10-25-2024 @ 10:08:23 - ====Stripe Version: 8.8.0====
10-25-2024 @ 10:08:23 - ====Stripe Plugin API Version: 2024-06-20====
10-25-2024 @ 10:08:23 - ====Start Log====
stripe customer request: Array
(
    [email] => %(email)s
    [description] => Name: %(full)s, Guest
    [name] => %(full)s
    [phone] => %(phone)s
    [address] => Array
        (
            [line1] => %(addr1)s
            [line2] =>
            [postal_code] => 94110
            [city] => San Francisco
            [state] => CA
            [country] => US
        )

    [metadata] => Array
        (
            [name] => %(full)s
            [username] =>
        )

)
====End Log====

10-25-2024 @ 10:08:24 - ====Start Log====
customers request: Array
(
)
====End Log====
''' % cu.f)
    auth = json.loads(src('stripe_dummy_auth'))
    err = auth['error']
    ch = err['payment_intent']['charges']['data'][0]
    small = {"error": {"charge": err['charge'], "code": err['code'], "decline_code": err['decline_code'],
                       "message": err['message'], "payment_intent": {"id": "pi_123abc", "object": "payment_intent",
                       "amount": 2000, "charges": {"data": [{"id": ch['id'], "billing_details": ch['billing_details'],
                       "customer": ch['customer'], "metadata": ch['metadata'],
                       "outcome": ch['outcome'], "payment_method_details": ch['payment_method_details']}]}},
                       "type": "card_error"}}
    d.w('\n10-25-2024 @ 10:09:02 - ====Start Log====\nError: ' + json.dumps(small, indent=2) + '\n====End Log====\n')
    sig = json.loads(src('stripe_dummy_signup'))
    sig_small = {k: sig[k] for k in ('id', 'object', 'amount', 'client_secret', 'currency', 'customer', 'description',
                                     'metadata', 'source', 'status')}
    d.w('\n10-25-2024 @ 10:11:40 - ====Start Log====\nProcessing response: ' + json.dumps(sig_small, indent=2) +
        '\n====End Log====\n')
    d.customers(cu, js, jsm)
    d.R('payment', 'stripe_client_secret', sec, 'stripe_dummy_signup')
    d.K('gateway_id', 'pi_123abc', 'stripe_dummy_auth')
    d.K('gateway_id', 'ch_123abc', 'stripe_dummy_auth')
    d.K('gateway_id', 'cus_EgskS2dN4FzgmE', 'stripe_dummy_signup')
    d.K('gateway_id', 'src_1EvP9PIDdSUSdcIrdTMMVT8t', 'stripe_dummy_signup')
    d.K('error_code', 'authentication_required', 'stripe_dummy_auth')
    d.K('error_message', 'Your card was declined. This transaction requires authentication.', 'stripe_dummy_auth')
    d.K('version', '====Stripe Version: 8.8.0====', None, repo=REPOS['stripe'][0], note='plugin header Version: 8.8.0')
    d.KS('timestamp', '10-25-2024 @ 10:08:23')
    d.K('order_number', 'Playground - Order 1803', 'stripe_dummy_signup')
    return d


def f_card_dump(g):
    d = Doc('24-ticket-card-fields-in-log.txt')
    cards = json.loads(src('stripe_e2e_data'))['cards']
    cu = g['customerson']
    b, o, a, t3 = cards['basic'], cards['3dsOTP'], cards['basic3'], cards['3ds']
    spaced = ' '.join(o['number'][i:i + 4] for i in range(0, 16, 4))
    dashed = '-'.join(t3['number'][i:i + 4] for i in range(0, 16, 4))
    d.w('''Subject: URGENT custom checkout plugin writes card data to debug.log?

Hi, our developer added a "payment debug" option to our custom gateway. Since then debug.log contains lines
like the ones below (copied from wp-content/debug.log, 3 customers today). Is this a PCI problem? Plugin is
"acme-direct-pay" 1.4.2, WooCommerce 9.3.3.

[25-Oct-2024 10:15:31 UTC] acme-direct-pay: process_payment order=6012 fields={"acme-card-number":"%(b_num)s","acme-card-expiry":"%(b_m)s \\/ %(b_y)s","acme-card-cvc":"%(b_cvc)s","billing_email":"%(email)s"}
[25-Oct-2024 10:15:32 UTC] acme-direct-pay: gateway said: {"result":"declined","reason":"The card was declined.","ref":"AD-88121"}
[25-Oct-2024 10:21:07 UTC] acme-direct-pay: process_payment order=6013 card=%(o_num)s exp=%(o_m)s/%(o_y)s cvc=%(o_cvc)s
[25-Oct-2024 10:21:09 UTC] acme-direct-pay: 3DS challenge required for order 6013 (Visa ending in 3155)
[25-Oct-2024 10:40:55 UTC] acme-direct-pay: process_payment order=6014 Array
(
    [card_number] => %(a_num)s
    [card_expiry_month] => %(a_m)s
    [card_expiry_year] => %(a_y)s
    [card_cvc] => %(a_cvc)s
    [card_holder] => %(full)s
)
[25-Oct-2024 10:41:30 UTC] acme-direct-pay: retry order=6014 card=%(t_num)s cvc=%(t_cvc)s
[25-Oct-2024 10:41:31 UTC] acme-direct-pay: gateway said: {"result":"declined","reason":"Your card's security code is incorrect.","ref":"AD-88127"}
''' % dict(b_num=b['number'], b_m=b['expires']['month'], b_y=b['expires']['year'], b_cvc=b['cvc'],
           o_num=spaced, o_m=o['expires']['month'], o_y=o['expires']['year'], o_cvc=o['cvc'],
           a_num=a['number'], a_m=a['expires']['month'], a_y=a['expires']['year'], a_cvc=a['cvc'],
           t_num=dashed, t_cvc=t3['cvc'], email=cu.email, full=cu.full))
    d.customers(cu)
    S = 'stripe_e2e_data'
    d.R('payment', 'card_number', b['number'], S)
    d.R('payment', 'card_number', spaced, S, variant='spaced')
    d.R('payment', 'card_number', a['number'], S)
    d.R('payment', 'card_number', dashed, S, variant='dashed')
    for c in (b, o, a, t3):
        d.R('payment', 'cvv', c['cvc'], S)
    d.KR('stripe', 'error_message', 'The card was declined.', "Your card's security code is incorrect.")
    d.KS('order_number', 'order=6014')
    d.KS('plugin_slug', 'acme-direct-pay')
    d.KS('request_id', 'AD-88127')
    d.KS('timestamp', '25-Oct-2024 10:40:55 UTC')
    return d


def f_sepa(g):
    d = Doc('25-sepa-order-notes.txt')
    rc = g['recipientson']
    iban = 'AT611904300234573201'
    need('stripe_upe_test', iban)
    d.w('''Order #6120 (SEPA Direct Debit via Stripe) - order notes and the payment method details the merchant copied
from the Stripe dashboard into the ticket:

Order notes:
- Stripe charge awaiting payment: ch_3Q2xYzAbCdEf0001 (Payment Intent ID: pi_3Q2xYzAbCdEf0001) - 25 October 2024 at 11:02 am
- Order status changed from Pending payment to On hold. - 25 October 2024 at 11:02 am
- Customer changed bank account; new mandate IBAN %(iban)s, account holder %(full)s - 29 October 2024 at 9:15 am

payment_method_details:
{
  "type": "sepa_debit",
  "sepa_debit": {
    "bank_code": "19043",
    "branch_code": "",
    "country": "AT",
    "fingerprint": "Jt8vZ6Q1b7yXq2pC",
    "last4": "3201",
    "mandate": "mandate_1Q2xYzAbCdEf0001"
  },
  "billing_details": {
    "name": "%(full)s",
    "address": {"line1": "%(addr1)s", "city": "New York", "postal_code": "10012", "state": "NY", "country": "US"}
  }
}
mandate.customer_acceptance.online.ip_address: %(ip)s

Customer wrote: "please debit %(iban_sp)s instead, the old account is closed" (%(full)s, %(addr1)s)
''' % dict(rc.f, iban=iban, iban_sp=' '.join(iban[i:i + 4] for i in range(0, 20, 4)), ip=g['ips_rate'][2]))
    d.customers(rc)
    d.R('customer', 'ip', g['ips_rate'][2], 'blocks_ratelimits')
    d.R('payment', 'iban', iban, 'stripe_upe_test')
    d.R('payment', 'iban', ' '.join(iban[i:i + 4] for i in range(0, 20, 4)), 'stripe_upe_test', variant='spaced')
    d.KS('order_number', 'Order #6120')
    d.KS('gateway_id', 'pi_3Q2xYzAbCdEf0001')
    d.KR('stripe', 'payment_method', 'sepa_debit')
    d.KS('timestamp', '25 October 2024 at 11:02 am')
    return d


def f_stripe_settings(g):
    d = Doc('26-stripe-settings-dump.txt')
    S = 'stripe_keys_test'
    need(S, "'pk_live-key-12345'", "'sk_live_secret-key-12345'", "'webhook-secret-12345'",
         "'pk_live_123123'", "'sk_live_123123'", "'rk_live_123123'", "'pk_test_123123'", "'sk_test_123123'")
    need('stripe_webhook_state_test', "'whsec_123'")
    d.w('''WooCommerce > Status > System status report excerpt, plus the merchant's print_r of the gateway option
(they were asked for "the Stripe settings"):

### Settings ###
API Enabled: -
Force SSL: -
Currency: EUR (€)
Connected to WooCommerce.com: -

### Stripe ###
Version: 8.8.0
Account ID: acct_1Q2xYzAbCdEf
Test mode: No

print_r( get_option( 'woocommerce_stripe_settings' ) );
Array
(
    [enabled] => yes
    [title] => Credit Card (Stripe)
    [testmode] => no
    [test_publishable_key] => pk_test_123123
    [test_secret_key] => sk_test_123123
    [publishable_key] => pk_live-key-12345
    [secret_key] => sk_live_secret-key-12345
    [webhook_secret] => webhook-secret-12345
    [test_webhook_secret] => whsec_123
    [capture] => yes
    [payment_request] => yes
    [upe_checkout_experience_enabled] => yes
    [logging] => yes
)

Old values they had tried earlier (from the admin notice "The "Live Publishable Key" should start with "pk_live", enter the correct key."):
    publishable_key: pk_live_123123
    secret_key: sk_live_123123
    restricted key for the terminal app: rk_live_123123
''')
    d.R('payment', 'stripe_publishable_key', 'pk_live-key-12345', S)
    d.R('payment', 'stripe_secret_key', 'sk_live_secret-key-12345', S)
    d.R('payment', 'stripe_webhook_secret', 'webhook-secret-12345', S)
    d.R('payment', 'stripe_webhook_secret', 'whsec_123', 'stripe_webhook_state_test')
    d.R('payment', 'stripe_secret_key', 'sk_test_123123', S, note='test-mode secret key')
    d.R('payment', 'stripe_publishable_key', 'pk_test_123123', S, note='test-mode publishable key')
    d.R('payment', 'stripe_publishable_key', 'pk_live_123123', S)
    d.R('payment', 'stripe_secret_key', 'sk_live_123123', S)
    d.R('payment', 'stripe_restricted_key', 'rk_live_123123', S)
    d.KR('stripe', 'error_message', 'The "Live Publishable Key" should start with "pk_live", enter the correct key.')
    d.KS('version', 'Version: 8.8.0')
    d.KS('gateway_id', 'acct_1Q2xYzAbCdEf')
    return d


def f_support_ticket(g):
    d = Doc('27-support-ticket.txt')
    ju, js, fi = g['juan'], g['justin'], g['fish']
    d.w('''From: Support inbox <support@local.wordpress.test>
Ticket #9931 - "Customer can't log in after password reset"

Merchant message:
Hi team, a customer, %(jfull)s (%(jemail)s, phone %(jphone)s), says the "Lost password" email never
arrives. Her shipping address is %(jaddr1)s, %(jaddr2)s, 08830 Madrid if you need to look up the order (#3105).
I also created a test account so you can reproduce: username testcustomer, password hunter2
(login at https://local.wordpress.test/my-account/). That account's address is %(saddr1)s %(saddr2)s.

Another one: order #1803 was edited via the REST API and the billing name changed to "%(fish)s" - we
think the ERP did that (PUT /wc/v3/orders/1803 with payment_method=test-update).

Agent notes:
- wp_mail() returns true, SMTP log shows 550 5.1.1 <%(jemail)s>: Recipient address rejected
- reproduced with the test account: login OK, reset email delivered
- WooCommerce 9.4.1, PHP 8.2.24, WordPress 6.6.2
''' % dict(jfull=ju.full, jemail=ju.email, jphone=ju.phone, jaddr1=ju.addr1, jaddr2=ju.addr2,
           saddr1=js.addr1, saddr2=js.addr2, fish=fi.full))
    d.customers(ju, fi)
    d.R('customer', 'address', js.addr1, js.sid)
    d.R('customer', 'address', js.addr2, js.sid)
    d.R('credential', 'customer_password', 'hunter2', 'rest_customer_helper')
    d.K('payment_method', 'test-update', 'rest_orders_v3')
    d.KS('error_message', '550 5.1.1')
    d.KS('version', 'WooCommerce 9.4.1')
    d.KS('order_number', '#3105')
    d.K('domain', 'local.wordpress.test', 'blocks_order_doc')
    return d


def f_session(g):
    d = Doc('28-wc-session-row.txt')
    m = g['maggie']

    def s(v):
        return 's:%d:"%s";' % (len(v.encode('utf-8')), v)
    fields = [('id', '0'), ('date_modified', ''), ('first_name', m.first), ('last_name', m.last),
              ('company', ''), ('phone', m.phone), ('email', m.email), ('address', m.addr1), ('address_1', m.addr1),
              ('address_2', ''), ('city', m.city), ('state', m.state), ('postcode', m.postcode), ('country', 'US'),
              ('shipping_first_name', m.first), ('shipping_last_name', m.last), ('shipping_company', ''),
              ('shipping_phone', ''), ('shipping_address', m.addr1), ('shipping_address_1', m.addr1),
              ('shipping_address_2', ''), ('shipping_city', m.city), ('shipping_state', m.state),
              ('shipping_postcode', m.postcode), ('shipping_country', 'US'), ('is_vat_exempt', ''),
              ('calculated_shipping', '1')]
    inner = 'a:%d:{%s}' % (len(fields), ''.join(s(k) + s(v) for k, v in fields))
    outer = ('a:4:{' + s('cart') + s('a:1:{s:32:"9bf31c7ff062936a96d3c8bd1f8f2ff3";a:3:{s:10:"product_id";i:15;s:8:"quantity";i:1;s:10:"line_total";d:18;}}')
             + s('customer') + s(inner) + s('chosen_shipping_methods') + s('a:1:{i:0;s:11:"flat_rate:1";}')
             + s('wc_notices') + 'N;}')
    d.w('''Cart empties at checkout for one customer; row from wp_woocommerce_sessions (phpMyAdmin "Copy to clipboard"):

session_id    | session_key                          | session_value | session_expiry
------------- | ------------------------------------ | ------------- | --------------
4187          | t_3b1f6a0c2e9d4f7a8b5c1d2e3f4a5b6c    | %s | 1741880403

PHP Warning:  unserialize(): Error at offset 1207 of 1650 bytes in /var/www/html/wp-content/plugins/woocommerce/includes/class-wc-session-handler.php on line 281
''' % outer)
    d.customers(m)
    d.KS('file_path', '/var/www/html/wp-content/plugins/woocommerce/includes/class-wc-session-handler.php')
    d.K('cart_item_key', '9bf31c7ff062936a96d3c8bd1f8f2ff3', 'blocks_order_doc')
    d.KS('error_message', 'unserialize(): Error at offset 1207 of 1650 bytes')
    return d


def f_hpos_sql(g):
    d = Doc('29-hpos-order-addresses.sql.txt')
    rows = [(7001, 'billing', 'han'), (7001, 'shipping', 'han'), (7002, 'billing', 'jonny'),
            (7003, 'billing', 'john_409'), (7003, 'shipping', 'john_409'), (7004, 'billing', 'jane_e2e'),
            (7005, 'billing', 'john_e2e')]
    d.w('-- mysqldump of the HPOS address table for the orders that fail to sync (7001-7005)\n'
        '-- Server version 8.0.36, WooCommerce 8.7.0, custom_orders_table enabled\n\n'
        'LOCK TABLES `wp_wc_order_addresses` WRITE;\n'
        'INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, '
        '`address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES\n')
    vals = []
    for i, (oid, typ, key) in enumerate(rows):
        p = g[key]

        def q(v):
            return "'%s'" % (v or '').replace("'", "\\'") if v is not None else 'NULL'
        vals.append('(%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)' % (
            301 + i, oid, q(typ), q(p.first), q(p.last), q(p.f.get('company')), q(p.addr1), q(p.f.get('addr2')),
            q(p.city), q(p.f.get('state')), q(p.postcode), q(p.f.get('country') or 'US'),
            q(p.f.get('email') if typ == 'billing' else None), q(p.f.get('phone'))))
    d.w(',\n'.join(vals) + ';\nUNLOCK TABLES;\n\n')
    d.w("INSERT INTO `wp_wc_orders` (`id`, `status`, `currency`, `total_amount`, `customer_id`, `billing_email`, `ip_address`, `payment_method`) VALUES\n"
        "(7001,'wc-processing','USD',28.00000000,0,NULL,'%s','cod'),\n"
        "(7002,'wc-failed','EUR',45.00000000,12,'%s','%s','stripe'),\n"
        "(7003,'wc-on-hold','GBP',30.00000000,0,'%s','%s','bacs');\n" % (
            g['ips_rate'][3], g['jonny'].email, g['ips_rate'][7], g['john_409'].email, g['ips_rate'][8]))
    d.w('\n-- WooCommerce > Status > Logs: 2025-03-02T06:00:01+00:00 ERROR DataSynchronizer: order 7003 differs in billing_phone\n')
    d.customers(*[g[k] for k in ('han', 'jonny', 'john_409', 'jane_e2e', 'john_e2e')])
    for ip in (g['ips_rate'][3], g['ips_rate'][7], g['ips_rate'][8]):
        d.R('customer', 'ip', ip, 'blocks_ratelimits')
    d.KS('table', 'wp_wc_order_addresses')
    d.KS('status', "'wc-on-hold'")
    d.KS('version', 'WooCommerce 8.7.0')
    d.KS('order_number', '7003')
    d.K('country_code', "'AT'", None, synthesised=True)
    return d


def f_wxr(g):
    d = Doc('30-wxr-order-export.xml.txt')
    jsh, tim, cu = g['john_sh'], g['tim'], g['customerson']

    def meta(k, v):
        return ('\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[%s]]></wp:meta_key>\n'
                '\t\t\t<wp:meta_value><![CDATA[%s]]></wp:meta_value>\n\t\t</wp:postmeta>\n' % (k, v))
    d.w('<?xml version="1.0" encoding="UTF-8" ?>\n<!-- generator="WordPress/6.4.3" created="2024-02-19 08:00" -->\n'
        '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        '\t<title>Sample Store</title>\n\t<link>https://local.wordpress.test</link>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n')
    for oid, b, s, status, ip in ((812, jsh, tim, 'wc-processing', g['ips_download'][0]),
                                  (813, cu, g['recipientson'], 'wc-refunded', g['ips_rate'][1])):
        d.w('\t<item>\n\t\t<title>Order &ndash; February 19, 2024 @ 07:5%d AM</title>\n' % (oid - 810))
        d.w('\t\t<wp:post_id>%d</wp:post_id>\n\t\t<wp:status>%s</wp:status>\n\t\t<wp:post_type>shop_order</wp:post_type>\n' % (oid, status))
        for k, v in (('_billing_first_name', b.first), ('_billing_last_name', b.last),
                     ('_billing_company', b.f.get('company', '')), ('_billing_address_1', b.addr1),
                     ('_billing_address_2', b.f.get('addr2', '')), ('_billing_city', b.city),
                     ('_billing_state', b.f.get('state', '')), ('_billing_postcode', b.postcode),
                     ('_billing_country', 'US'), ('_billing_email', b.f.get('email', '')),
                     ('_billing_phone', b.f.get('phone', '')), ('_shipping_first_name', s.first),
                     ('_shipping_last_name', s.last), ('_shipping_address_1', s.addr1),
                     ('_shipping_address_2', s.f.get('addr2', '')), ('_shipping_city', s.city),
                     ('_shipping_state', s.f.get('state', '')), ('_shipping_postcode', s.postcode),
                     ('_customer_ip_address', ip), ('_order_total', '55.00' if oid == 812 else '20.00'),
                     ('_order_version', '8.5.1'), ('_payment_method', 'stripe' if oid == 813 else 'bacs')):
            d.w(meta(k, v))
        d.w('\t</item>\n')
    d.w('</channel>\n</rss>\n')
    d.customers(jsh, tim, cu, g['recipientson'])
    d.R('customer', 'ip', g['ips_download'][0], 'rest_data_v4')
    d.R('customer', 'ip', g['ips_rate'][1], 'blocks_ratelimits')
    d.KS('meta_key', '_billing_address_1')
    d.KS('version', '8.5.1')
    d.KS('status', 'wc-refunded')
    d.K('domain', 'https://local.wordpress.test', 'blocks_order_doc')
    return d


def f_var_dump_order(g):
    d = Doc('31-debug-var-dump-order.log')
    mo, ol = g['mohammed'], g['oliver']

    def s(v):
        return 'string(%d) "%s"' % (len(v.encode('utf-8')), v)
    d.w('''[2025-02-07 03:25:40] af-address-validator: var_dump( $order ) for order 4410
object(Automattic\\WooCommerce\\Admin\\Overrides\\Order)#4921 (15) {
  ["refunded_line_items":protected]=>
  NULL
  ["status_transition":protected]=>
  bool(false)
  ["data":protected]=>
  array(38) {
    ["parent_id"]=>
    int(0)
    ["status"]=>
    string(7) "pending"
    ["currency"]=>
    string(3) "USD"
    ["version"]=>
    string(5) "9.6.0"
    ["customer_id"]=>
    int(0)
    ["billing"]=>
    array(11) {
      ["first_name"]=>
      %(first)s
      ["last_name"]=>
      %(last)s
      ["company"]=>
      string(0) ""
      ["address_1"]=>
      %(addr1)s
      ["address_2"]=>
      string(0) ""
      ["city"]=>
      %(city)s
      ["state"]=>
      string(0) ""
      ["postcode"]=>
      %(postcode)s
      ["country"]=>
      string(2) "AF"
      ["email"]=>
      %(email)s
      ["phone"]=>
      %(phone)s
    }
    ["shipping"]=>
    array(10) {
      ["first_name"]=>
      %(sfirst)s
      ["last_name"]=>
      %(slast)s
      ["address_1"]=>
      %(saddr1)s
      ["city"]=>
      string(6) "London"
      ["postcode"]=>
      string(7) "W1D 2HG"
      ["country"]=>
      string(2) "GB"
      ["phone"]=>
      %(sphone)s
    }
    ["payment_method"]=>
    string(3) "cod"
    ["customer_ip_address"]=>
    %(ip)s
  }
}
[2025-02-07 03:25:40] af-address-validator: shipping country GB not allowed for billing country AF (rule 12)
''' % dict(first=s(mo.first), last=s(mo.last), addr1=s(mo.addr1), city=s(mo.city), postcode=s(mo.postcode),
           email=s(mo.email), phone=s(mo.phone), sfirst=s(ol.first), slast=s(ol.last), saddr1=s(ol.addr1),
           sphone=s(ol.phone), ip=s(g['ips_rate'][5])))
    d.customers(mo, ol)
    d.R('customer', 'ip', g['ips_rate'][5], 'blocks_ratelimits')
    d.KS('order_number', 'order 4410')
    d.KS('version', 'string(5) "9.6.0"')
    d.KS('error_message', 'shipping country GB not allowed for billing country AF (rule 12)')
    return d


def f_slow_query(g):
    d = Doc('32-mysql-slow-query.log')
    em, jn = g['emily'], g['jonny']
    d.w('''# Time: 2025-01-09T16:45:03.118204Z
# User@Host: wp_shop[wp_shop] @ localhost []  Id: 88213
# Query_time: 14.902331  Lock_time: 0.000112 Rows_sent: 1  Rows_examined: 2816402
SET timestamp=1736441103;
SELECT DISTINCT p1.post_id FROM wp_postmeta p1 WHERE p1.meta_value LIKE '%%%(email)s%%' AND p1.meta_key IN ('_billing_address_index','_shipping_address_index','_billing_last_name','_billing_email');
# Time: 2025-01-09T16:45:19.530017Z
# User@Host: wp_shop[wp_shop] @ localhost []  Id: 88213
# Query_time: 12.117840  Lock_time: 0.000098 Rows_sent: 3  Rows_examined: 2816402
SET timestamp=1736441119;
SELECT DISTINCT p1.post_id FROM wp_postmeta p1 WHERE p1.meta_value LIKE '%%%(full)s%%' AND p1.meta_key IN ('_billing_address_index','_shipping_address_index','_billing_last_name','_billing_email');
# Time: 2025-01-09T16:46:02.004511Z
# Query_time: 11.551206  Lock_time: 0.000087 Rows_sent: 1  Rows_examined: 2816402
SET timestamp=1736441162;
SELECT DISTINCT p1.post_id FROM wp_postmeta p1 WHERE p1.meta_value LIKE '%%%(phone)s%%' AND p1.meta_key IN ('_billing_address_index','_shipping_address_index','_billing_last_name','_billing_email');
# Time: 2025-01-09T16:47:40.771300Z
# Query_time: 9.804112  Lock_time: 0.000101 Rows_sent: 1  Rows_examined: 1408201
SET timestamp=1736441260;
SELECT meta_value FROM wp_postmeta WHERE post_id = 6551 AND meta_key = '_billing_address_index';
-- result: '%(jfirst)s %(jlast)s %(jcompany)s %(jaddr1)s %(jaddr2)s %(jcity)s  %(jpostcode)s AT %(jemail)s '
''' % dict(em.f, jfirst=jn.first, jlast=jn.last, jcompany=jn.company, jaddr1=jn.addr1, jaddr2=jn.addr2,
           jcity=jn.city, jpostcode=jn.postcode, jemail=jn.email))
    d.customers(em, jn)
    d.KS('timestamp', '2025-01-09T16:45:03.118204Z')
    d.KS('meta_key', '_billing_address_index')
    d.KS('query_time', 'Query_time: 14.902331')
    return d


FILES = [f_rest_order_pretty, f_rest_orders_compact, f_rest_customers_batch, f_rest_customer_create,
         f_order_edit_screen, f_print_r_order, f_var_dump_customer, f_analytics_export, f_order_export_csv,
         f_php_fixture, f_js_fixtures, f_fatal_errors, f_email_plain, f_email_html, f_wp_cli, f_store_api_checkout,
         f_store_api_cart, f_checkout_post, f_access_log, f_download_log, f_rate_limit, f_webhook, f_stripe_log,
         f_card_dump, f_sepa, f_stripe_settings, f_support_ticket, f_session, f_hpos_sql, f_wxr, f_var_dump_order,
         f_slow_query]


# --------------------------------------------------------------------------------------------
# checks

def check(d):
    text = d.text
    errors = []
    for lab in d.remove + d.keep:
        if lab['value'] not in text:
            errors.append('label not in file: %r' % lab['value'])
    red = text
    for v in sorted({r['value'] for r in d.remove}, key=len, reverse=True):
        if len(v) >= PROBE:
            red = red.replace(v, '\x00')
        else:
            red = re.sub(r'(?<![0-9A-Za-z\u00c0-\u024f])' + re.escape(v) + r'(?![0-9A-Za-z\u00c0-\u024f])', '\x00', red)
    for r in d.remove:
        v = r['value']
        if len(v) < PROBE:
            if v in red:
                errors.append('short remove value %r also occurs inside other text' % v)
        else:
            for i in range(len(v) - PROBE + 1):
                if v[i:i + PROBE] in red:
                    errors.append('probe %r of %r survives' % (v[i:i + PROBE], v))
                    break
    for k in d.keep:
        if k['value'] not in red:
            errors.append('keep value %r lost by exact redaction' % k['value'])
    return errors


def main(argv=None):
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--core-cache', default='/tmp/wcx/cache/woocommerce/woocommerce')
    ap.add_argument('--core', help='a git dir of woocommerce/woocommerce holding the recorded commits')
    ap.add_argument('--blocks', default='/work/.mirror/woocommerce+woocommerce-blocks/repo')
    ap.add_argument('--rest-api', dest='rest', default='/work/.mirror/woocommerce+woocommerce-rest-api/repo')
    ap.add_argument('--docs', default='/work/.mirror/woocommerce+woocommerce-rest-api-docs/repo')
    ap.add_argument('--stripe', default='/work/.mirror/woocommerce+woocommerce-gateway-stripe/repo')
    ap.add_argument('--out', default=os.path.dirname(os.path.abspath(__file__)))
    ARGS = ap.parse_args(argv)

    g = personas()
    g['ips_download'] = ['1.2.3.4', '54.2.1.3', '54.5.1.7']
    need('rest_data_v4', *["set_user_ip_address( '%s' )" % ip for ip in g['ips_download']])
    g['ips_rate'] = ['76.45.67.100', '76.45.67.101', '76.45.67.102', '76.45.67.103',
                     '2001:db8:85a3:8d3:1319:8a2e:370:7348', '150.172.238.178', '76.45.67.179',
                     '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '192.0.2.60']
    need('blocks_ratelimits', *g['ips_rate'])

    docs = [f(g) for f in FILES]
    failed = False
    out = {'format': 1, 'set': 'woocommerce', 'probe_length': PROBE,
           'categories': ['provider_key', 'credential', 'payment', 'customer'],
           'sources': {}, 'files': {}}
    for d in docs:
        errs = check(d)
        if errs:
            failed = True
            for e in errs:
                sys.stderr.write('%s: %s\n' % (d.name, e))
        data = d.text.encode('utf-8')
        with open(os.path.join(ARGS.out, d.name), 'wb') as fh:
            fh.write(data)
        by_repo = {}
        for sid in d.sids:
            rk, path, _ = SRC[sid]
            by_repo.setdefault((REPOS[rk][0], commit_of(sid)), []).append(path)
        srcs = [{'repo': r, 'commit': c, 'path': sorted(set(p))} for (r, c), p in by_repo.items()]
        for s in srcs:
            ent = out['sources'].setdefault(s['repo'], {'licence': LICENCES[s['repo']], 'commits': []})
            if s['commit'] not in ent['commits']:
                ent['commits'].append(s['commit'])
        for lab in d.remove:
            if lab.get('variant') is None:
                lab.pop('variant', None)
        out['files'][d.name] = {'source': srcs, 'bytes': len(data), 'remove': d.remove, 'keep': d.keep}
    with open(os.path.join(ARGS.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write('\n')
    nr = sum(len(f['remove']) for f in out['files'].values())
    nk = sum(len(f['keep']) for f in out['files'].values())
    print('%d files, %d remove labels, %d keep labels%s' % (len(docs), nr, nk, ' (CHECK FAILED)' if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
