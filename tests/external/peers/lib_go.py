"""A tiny evaluator for the subset of Go used by gitleaks' rule generators
(cmd/generate/config/rules/*.go): string literals, `+`, []string{...},
map literals, append(...), fmt.Sprintf, base64, and the utils/secrets helpers.

It does not run Go code: it reads the source text and interprets the few
expressions that build each rule's `tps` / `fps` lists.  Random parts
(secrets.NewSecret(regex)) are re-synthesised here from the same regex.
"""
import base64
import re

from lib_regex import gen_regex

TOKEN = re.compile(r'''
 (?P<ws>\s+)
|(?P<comment>//[^\n]*|/\*.*?\*/)
|(?P<raw>`[^`]*`)
|(?P<str>"(?:[^"\\\n]|\\.)*")
|(?P<rune>'(?:[^'\\\n]|\\.)*')
|(?P<num>\d+(?:\.\d+)?)
|(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
|(?P<op>\.\.\.|:=|==|!=|&&|\|\||[-+*/%=(){}\[\],.:;<>!&|^#~?@$\\])
''', re.S | re.X)

ESC = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', "'": "'", 'a': '\a', 'b': '\b',
       'f': '\f', 'v': '\v'}


def unquote(s):
    body = s[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n in ESC:
            out.append(ESC[n])
            i += 2
        elif n == 'x':
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == 'u':
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n == 'U':
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        elif n in '01234567':
            out.append(chr(int(body[i + 1:i + 4], 8)))
            i += 4
        else:
            raise ValueError('bad escape %r' % body[i:i + 2])
    return ''.join(out)


class Tok:
    __slots__ = ('kind', 'text', 'pos')

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return '%s:%r' % (self.kind, self.text)


def tokenize(src):
    toks = []
    pos = 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError('cannot tokenize at %r' % src[pos:pos + 40])
        kind = m.lastgroup
        if kind not in ('ws', 'comment'):
            toks.append(Tok(kind, m.group(), pos))
        pos = m.end()
    return toks


class Unsupported(Exception):
    pass


class Parser:
    def __init__(self, toks):
        self.t = toks
        self.i = 0

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else Tok('eof', '', -1)

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, text):
        tok = self.next()
        if tok.text != text:
            raise SyntaxError('expected %r got %r at %d' % (text, tok.text, tok.pos))
        return tok

    def at(self, text):
        return self.peek().text == text

    # expression := unary ('+' unary)*
    def expr(self):
        node = self.primary()
        while self.at('+'):
            self.next()
            node = ('add', node, self.primary())
        return node

    def type_(self):
        """Skip a type expression; returns its text."""
        parts = []
        while True:
            tok = self.peek()
            if tok.text == '[':
                self.next()
                parts.append('[')
                if not self.at(']'):
                    parts.append(self.type_())
                self.expect(']')
                parts.append(']')
                continue
            if tok.text in ('*',):
                self.next()
                parts.append('*')
                continue
            if tok.text == 'map':
                self.next()
                self.expect('[')
                k = self.type_()
                self.expect(']')
                parts.append('map[%s]' % k)
                continue
            if tok.kind == 'ident':
                self.next()
                name = tok.text
                while self.at('.'):
                    self.next()
                    name += '.' + self.next().text
                parts.append(name)
            break
        return ''.join(parts)

    def composite_body(self):
        """After '{': elements `key: expr` or `expr` or `{...}` up to '}'."""
        elems = []
        while not self.at('}'):
            if self.at('{'):
                self.next()
                val = ('composite', '', self.composite_body())
            else:
                val = self.expr()
            if self.at(':'):
                self.next()
                if self.at('{'):
                    self.next()
                    v2 = ('composite', '', self.composite_body())
                else:
                    v2 = self.expr()
                elems.append(('kv', val, v2))
            else:
                elems.append(('el', val))
            if self.at(','):
                self.next()
        self.expect('}')
        return elems

    def primary(self):
        tok = self.peek()
        if tok.kind == 'raw':
            self.next()
            return ('str', tok.text[1:-1].replace('\r', ''))
        if tok.kind == 'str':
            self.next()
            return ('str', unquote(tok.text))
        if tok.kind == 'rune':
            self.next()
            return ('str', unquote(tok.text))
        if tok.kind == 'num':
            self.next()
            return ('num', float(tok.text) if '.' in tok.text else int(tok.text))
        if tok.text == '&':
            self.next()
            return self.primary()
        if tok.text == '(':
            self.next()
            e = self.expr()
            self.expect(')')
            return e
        if tok.text == '[' or tok.text == 'map':
            typ = self.type_()
            if self.at('('):  # conversion like []byte(x)
                self.next()
                e = self.expr()
                self.expect(')')
                return ('conv', typ, e)
            self.expect('{')
            return ('composite', typ, self.composite_body())
        if tok.kind == 'ident':
            self.next()
            name = tok.text
            while self.at('.') and self.peek(1).kind == 'ident':
                self.next()
                name += '.' + self.next().text
            if self.at('('):
                self.next()
                args = []
                spread = False
                while not self.at(')'):
                    args.append(self.expr())
                    if self.at('...'):
                        self.next()
                        spread = True
                    if self.at(','):
                        self.next()
                self.expect(')')
                return ('call', name, args, spread)
            if self.at('{') and name[:1].isupper() or (self.at('{') and '.' in name):
                self.next()
                return ('composite', name, self.composite_body())
            if self.at('['):  # indexing, e.g. x[0]
                self.next()
                idx = self.expr()
                self.expect(']')
                return ('index', ('ident', name), idx)
            return ('ident', name)
        raise SyntaxError('unexpected %r at %d' % (tok.text, tok.pos))

    def statements(self, end_index):
        """Parse statements until token index end_index."""
        stmts = []
        while self.i < end_index:
            tok = self.peek()
            if tok.text == 'var':
                self.next()
                if self.at('('):
                    self.next()
                    while not self.at(')'):
                        name = self.next().text
                        if not self.at('='):
                            self.type_()
                        self.expect('=')
                        stmts.append(('assign', [name], self.expr()))
                    self.expect(')')
                else:
                    name = self.next().text
                    if not self.at('='):
                        self.type_()
                    self.expect('=')
                    stmts.append(('assign', [name], self.expr()))
                continue
            if tok.text == 'return':
                self.next()
                stmts.append(('return', self.expr()))
                continue
            if tok.text in ('for', 'if', 'switch', 'go', 'defer'):
                raise Unsupported('statement %r' % tok.text)
            if tok.kind == 'ident' and self.peek(1).text in (':=', '=', ','):
                names = [self.next().text]
                while self.at(','):
                    self.next()
                    names.append(self.next().text)
                self.next()  # := or =
                stmts.append(('assign', names, self.expr()))
                continue
            stmts.append(('expr', self.expr()))
        return stmts


def find_funcs(src):
    """{name: (tokens, start, end)} for every top-level `func Name(...) ... {`."""
    toks = tokenize(src)
    funcs = {}
    top_stmts = []
    i = 0
    while i < len(toks):
        if toks[i].text == 'func':
            name = toks[i + 1].text
            j = i + 2
            while toks[j].text != '{':
                j += 1
            depth = 0
            k = j
            while True:
                if toks[k].text == '{':
                    depth += 1
                elif toks[k].text == '}':
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            funcs[name] = (j + 1, k)
            i = k + 1
            continue
        if toks[i].text == 'var':
            # package-level var: parse with a Parser
            p = Parser(toks)
            p.i = i
            start = i
            p.next()
            if p.at('('):
                p.next()
                while not p.at(')'):
                    name = p.next().text
                    if not p.at('='):
                        p.type_()
                    p.expect('=')
                    top_stmts.append(('assign', [name], p.expr()))
                p.expect(')')
            else:
                name = p.next().text
                if not p.at('='):
                    p.type_()
                p.expect('=')
                top_stmts.append(('assign', [name], p.expr()))
            i = p.i
            assert i > start
            continue
        i += 1
    return toks, funcs, top_stmts


class TP(str):
    """A sample line built by GenerateSampleSecrets; remembers its secret."""
    secret = None
    context = None


class Rx:
    def __init__(self, pattern):
        self.pattern = pattern

    def __repr__(self):
        return 'Rx(%r)' % self.pattern


def sample_templates(gitleaks_src_generate_go):
    """The `samples` map of utils.GenerateSampleSecrets, in source order."""
    toks, funcs, _ = find_funcs(gitleaks_src_generate_go)
    s, e = funcs['GenerateSampleSecrets']
    p = Parser(toks)
    p.i = s
    # samples := map[string]string{...}
    while not (p.peek().text == 'samples' and p.peek(1).text == ':='):
        p.next()
    p.next()
    p.next()
    node = p.expr()
    assert node[0] == 'composite'
    out = []
    for el in node[2]:
        assert el[0] == 'kv'
        out.append((el[1][1], el[2][1]))
    return out


class Evaluator:
    def __init__(self, rng, templates, synth_log):
        self.rng = rng
        self.templates = templates
        self.synth = synth_log  # set of synthesised strings
        self.env = {}
        self.ast_env = {}  # variables bound to random expressions are re-evaluated on each use
        self.validator = None  # set by the caller once the rule's regex is known

    def variant(self, lit, attempt):
        """Same shape as `lit`: keeps a prefix and punctuation, redraws letters/digits."""
        keep = 4 + 4 * (attempt // 50)
        out = list(lit[:keep])
        low = 'abcdef' if all(c in 'abcdef' for c in lit[keep:] if c.islower()) else 'abcdefghijklmnopqrstuvwxyz'
        up = 'ABCDEF' if all(c in 'ABCDEF' for c in lit[keep:] if c.isupper()) else 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
        for c in lit[keep:]:
            if c.isdigit():
                out.append(self.rng.choice('0123456789'))
            elif c.islower():
                out.append(self.rng.choice(low))
            elif c.isupper():
                out.append(self.rng.choice(up))
            else:
                out.append(c)
        v = ''.join(out)
        self.synth.add(v)
        return v

    special = []  # (predicate on the regex, generator(rng)) pairs, set by the caller

    def new_secret(self, regex):
        for pred, gen in self.special:
            if pred(regex):
                s = gen(self.rng)
                self.synth.add(s)
                return s
        s = gen_regex(regex, self.rng)
        self.synth.add(s)
        return s

    def ev(self, node):
        kind = node[0]
        if kind in ('str', 'num'):
            return node[1]
        if kind == 'add':
            a, b = self.ev(node[1]), self.ev(node[2])
            return a + b
        if kind == 'ident':
            name = node[1]
            if name in self.ast_env:
                return self.ev(self.ast_env[name])
            if name in self.env:
                return self.env[name]
            if name in ('true', 'false'):
                return name == 'true'
            if name == 'nil':
                return None
            return ('sym', name)
        if kind == 'index':
            return self.ev(node[1])[self.ev(node[2])]
        if kind == 'conv':
            return self.ev(node[2])
        if kind == 'composite':
            typ = node[1]
            elems = node[2]
            if typ.startswith('map['):
                return {self.ev(e[1]): self.ev(e[2]) for e in elems}
            if typ.startswith('[]'):
                return [self.ev(e[1]) for e in elems]
            if typ == 'config.Rule':
                rule = {}
                for e in elems:
                    if e[0] == 'kv' and e[1][0] == 'ident' and e[1][1] in ('RuleID', 'Regex', 'SecretGroup', 'Path'):
                        rule[e[1][1]] = self.ev(e[2])
                return rule
            return ('composite', typ)
        if kind == 'call':
            return self.call(node[1], node[2], node[3])
        raise Unsupported(kind)

    def call(self, name, args, spread):
        if name == 'utils.GenerateSampleSecrets':
            ident = self.ev(args[0])
            out = []
            literal = None
            for n, (ctx, tmpl) in enumerate(self.templates):
                for attempt in range(200):
                    before = len(self.synth)
                    secret = self.ev(args[1])  # re-evaluated: a fresh random secret per context
                    is_random = len(self.synth) != before
                    if not is_random:
                        # a literal sample: the first context keeps it, the others get a
                        # shape-preserving variant so that every line carries its own value
                        literal = secret
                        if n > 0:
                            secret = self.variant(literal, attempt)
                    s = tmpl.replace('{i}', ident).replace('{I}', ident.upper()).replace('{s}', secret)
                    if self.validator is None or self.validator(s) or (n == 0 and not is_random):
                        break
                else:
                    secret = literal  # no valid variant: repeat the literal (a duplicate)
                    s = tmpl.replace('{i}', ident).replace('{I}', ident.upper()).replace('{s}', secret)
                t = TP(s)
                t.secret = secret
                t.context = ctx
                t.synthesised = is_random or n > 0
                t.literal = literal if (not is_random and n > 0) else None
                out.append(t)
            return out
        a = [self.ev(x) for x in args]
        if name == 'utils.GenerateSampleSecret':
            t = TP('%s_api_token = "%s"' % (a[0], a[1]))
            t.secret = a[1]
            t.context = 'GenerateSampleSecret'
            return t
        if name == 'secrets.NewSecret':
            return self.new_secret(a[0])
        if name == 'newPlausibleSecret':
            while True:
                s = self.new_secret(a[0])
                if re.search('[1-9]', s):
                    return s
        if name == 'append':
            base = list(a[0])
            if spread:
                for x in a[1:-1]:
                    base.append(x)
                base.extend(a[-1])
            else:
                base.extend(a[1:])
            return base
        if name == 'fmt.Sprintf':
            fmt = a[0]
            vals = list(a[1:])
            return re.sub(r'%[sdv]', lambda m: str(vals.pop(0)), fmt)
        if name in ('base64.StdEncoding.EncodeToString', 'b64.StdEncoding.EncodeToString'):
            return base64.b64encode(a[0].encode()).decode()
        if name in ('b64.RawStdEncoding.EncodeToString', 'base64.RawStdEncoding.EncodeToString'):
            return base64.b64encode(a[0].encode()).decode().rstrip('=')
        if name in ('b64.URLEncoding.EncodeToString', 'base64.URLEncoding.EncodeToString'):
            return base64.urlsafe_b64encode(a[0].encode()).decode()
        if name in ('b64.RawURLEncoding.EncodeToString', 'base64.RawURLEncoding.EncodeToString'):
            return base64.urlsafe_b64encode(a[0].encode()).decode().rstrip('=')
        if name == 'strings.Repeat':
            return a[0] * a[1]
        if name == 'strings.ToUpper':
            return a[0].upper()
        # regex builders (pattern strings, see cmd/generate/config/utils/generate.go)
        if name == 'utils.Numeric':
            return '[0-9]{%s}' % a[0]
        if name == 'utils.Hex':
            return '[a-f0-9]{%s}' % a[0]
        if name == 'utils.AlphaNumeric':
            return '[a-z0-9]{%s}' % a[0]
        if name == 'utils.AlphaNumericExtendedShort':
            return '[a-z0-9_-]{%s}' % a[0]
        if name == 'utils.AlphaNumericExtended':
            return r'[a-z0-9=_\-]{%s}' % a[0]
        if name == 'utils.AlphaNumericExtendedLong':
            return r'[a-z0-9\/=_\+\-]{%s}' % a[0]
        if name == 'utils.Hex8_4_4_4_12':
            return '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
        if name == 'regexp.MustCompile':
            return Rx(a[0])
        if name == 'utils.GenerateUniqueTokenRegex':
            return Rx(('(?i)' if a[1] else '') + r'\b(' + a[0] + r""")(?:[\x60'"\s;]|\\[nr]|$)""")
        if name == 'utils.GenerateSemiGenericRegex':
            ids = '|'.join(a[0])
            ident = r'[\w.-]{0,50}?(?:' + ids + r""")(?:[ \t\w.-]{0,20})[\s'"]{0,3}"""
            op = r'(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)'
            pre = ('(?i)' + ident) if a[2] else (r'[\w.-]{0,50}?(?i:' + ident + ')')
            return Rx(pre + op + r"""[\x60'"\s=]{0,5}(""" + a[1] + r""")(?:[\x60'"\s;]|\\[nr]|$)""")
        if name == 'utils.MergeRegexps':
            return Rx('|'.join(x.pattern for x in a))
        if name in ('utils.Validate', 'utils.ValidateWithPaths'):
            return ('validate', a[0], a[1], a[2])
        raise Unsupported('call %s' % name)

    def is_random(self, node):
        if not isinstance(node, tuple):
            return False
        if node[0] == 'call' and node[1] in ('secrets.NewSecret', 'newPlausibleSecret'):
            return True
        if node[0] == 'call' and node[1] in ('utils.GenerateSampleSecrets', 'append'):
            return False  # lists: evaluated once
        if node[0] == 'ident':
            return node[1] in self.ast_env
        return any(self.is_random(x) for x in node[1:] if isinstance(x, tuple)) or any(
            self.is_random(y) for x in node[1:] if isinstance(x, list) for y in x)

    def run(self, stmts):
        for st in stmts:
            if st[0] == 'assign':
                val = self.ev(st[2])
                for n in st[1]:
                    self.ast_env.pop(n, None)
                    self.env[n] = val
                    if len(st[1]) == 1 and self.is_random(st[2]):
                        self.ast_env[n] = st[2]
            elif st[0] == 'return':
                return self.ev(st[1])
            elif st[0] == 'expr':
                self.ev(st[1])
        return None
