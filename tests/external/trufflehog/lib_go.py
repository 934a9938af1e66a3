"""Read the table-driven unit tests of TruffleHog detectors
(pkg/detectors/<name>/<name>_test.go) without running Go.

The tests build their inputs from package-level `var`/`const` strings, string
literals, `+`, fmt.Sprintf, strings.Repeat/Join/ToUpper/ToLower and []byte(...)
conversions.  This module tokenises a test file, evaluates those expressions,
finds every `[]struct{...}{...}` / `map[string]struct{...}{...}` table in the
test functions and returns its rows as dicts {field: value}.  Fields that use
anything else (function literals, detector Result structs) evaluate to
`Unsupported` markers and are reported, never guessed.
"""
import re

TOKEN = re.compile(r'''
 (?P<ws>\s+)
|(?P<comment>//[^\n]*|/\*.*?\*/)
|(?P<raw>`[^`]*`)
|(?P<str>"(?:[^"\\\n]|\\.)*")
|(?P<rune>'(?:[^'\\\n]|\\.)*')
|(?P<num>0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?)
|(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
|(?P<op>\.\.\.|:=|==|!=|<=|>=|&&|\|\||\+\+|--|\+=|<-|[-+*/%=(){}\[\],.:;<>!&|^#~?@$\\])
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


class Opaque:
    """A value this reader does not evaluate (a detector Result, a func literal...)."""

    def __init__(self, what):
        self.what = what

    def __repr__(self):
        return 'Opaque(%s)' % self.what


OPEN = {'(': ')', '[': ']', '{': '}'}


def match_close(toks, i):
    """Index of the bracket closing toks[i]."""
    depth = 0
    for k in range(i, len(toks)):
        t = toks[k].text
        if t in OPEN:
            depth += 1
        elif t in (')', ']', '}'):
            depth -= 1
            if depth == 0:
                return k
    raise SyntaxError('unbalanced bracket at %d' % toks[i].pos)


def split_top(toks, lo, hi, sep=','):
    """Split toks[lo:hi] at top-level separators; returns (start, end) pairs."""
    parts = []
    depth = 0
    start = lo
    for k in range(lo, hi):
        t = toks[k].text
        if t in OPEN:
            depth += 1
        elif t in (')', ']', '}'):
            depth -= 1
        elif t == sep and depth == 0:
            parts.append((start, k))
            start = k + 1
    if start < hi:
        parts.append((start, hi))
    return [p for p in parts if p[0] < p[1]]


class Expr:
    """Recursive-descent parser + evaluator over a token slice."""

    def __init__(self, toks, lo, hi, env):
        self.t, self.i, self.hi, self.env = toks, lo, hi, env

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < self.hi else Tok('eof', '', -1)

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def at(self, text):
        return self.peek().text == text

    def expect(self, text):
        tok = self.next()
        if tok.text != text:
            raise Unsupported('expected %r got %r' % (text, tok.text))

    def whole(self):
        v = self.expr()
        if self.i != self.hi:
            raise Unsupported('trailing tokens at %r' % self.peek().text)
        return v

    def expr(self):
        v = self.unary()
        while self.at('+'):
            self.next()
            w = self.unary()
            if isinstance(v, (Opaque,)) or isinstance(w, Opaque):
                v = Opaque('add')
            else:
                v = v + w
        return v

    def unary(self):
        v = self.primary()
        # selectors / indexing / slicing after a primary
        while True:
            if self.at('['):
                j = match_close(self.t, self.i)
                inner = split_top(self.t, self.i + 1, j, ':')
                if len(inner) == 1 and not any(self.t[k].text == ':' for k in range(self.i + 1, j)):
                    idx = Expr(self.t, self.i + 1, j, self.env).whole()
                    v = v[idx]
                else:
                    # slice a[x:y]
                    colon = next(k for k in range(self.i + 1, j) if self.t[k].text == ':')
                    a = Expr(self.t, self.i + 1, colon, self.env).whole() if colon > self.i + 1 else None
                    b = Expr(self.t, colon + 1, j, self.env).whole() if j > colon + 1 else None
                    v = v[a:b]
                self.i = j + 1
                continue
            break
        return v

    def skip_type(self):
        while True:
            tok = self.peek()
            if tok.text in ('[',):
                j = match_close(self.t, self.i)
                self.i = j + 1
                continue
            if tok.text == '*':
                self.next()
                continue
            if tok.text == 'map':
                self.next()
                j = match_close(self.t, self.i)
                self.i = j + 1
                continue
            if tok.text in ('struct', 'interface'):
                self.next()
                j = match_close(self.t, self.i)
                self.i = j + 1
                return
            if tok.kind == 'ident':
                self.next()
                while self.at('.'):
                    self.next()
                    self.next()
                return
            return

    def composite(self, typ):
        """At '{': evaluate a composite literal of the given type text."""
        j = match_close(self.t, self.i)
        lo = self.i + 1
        self.i = j + 1
        parts = split_top(self.t, lo, j)
        if typ.startswith('[]') and typ[2:] in ('string', 'byte'):
            return [Expr(self.t, a, b, self.env).whole() for a, b in parts]
        if typ.startswith('[]'):
            return [self.elem(a, b) for a, b in parts]
        if typ.startswith('map['):
            out = {}
            for a, b in parts:
                colon = self.top_colon(a, b)
                k = Expr(self.t, a, colon, self.env).whole()
                out[k] = self.elem(colon + 1, b)
            return out
        return Opaque('composite ' + typ)

    def top_colon(self, a, b):
        depth = 0
        for k in range(a, b):
            t = self.t[k].text
            if t in OPEN:
                depth += 1
            elif t in (')', ']', '}'):
                depth -= 1
            elif t == ':' and depth == 0:
                return k
        return None

    def elem(self, a, b):
        """An element of a slice/map: `{field: expr, ...}` rows, or an expression."""
        if self.t[a].text == '{':
            j = match_close(self.t, a)
            row = {}
            for x, y in split_top(self.t, a + 1, j):
                colon = self.top_colon(x, y)
                if colon is None:
                    row.setdefault('_pos', []).append(self.safe(x, y))
                    continue
                key = self.t[x].text if colon == x + 1 else ''.join(t.text for t in self.t[x:colon])
                row[key] = self.safe(colon + 1, y)
            return row
        return self.safe(a, b)

    def safe(self, a, b):
        try:
            return Expr(self.t, a, b, self.env).whole()
        except (Unsupported, KeyError, IndexError, TypeError, ValueError, SyntaxError, StopIteration) as e:
            return Opaque(str(e)[:80])

    def type_text(self, start):
        return ''.join(t.text for t in self.t[start:self.i])

    def primary(self):
        tok = self.peek()
        if tok.kind == 'raw':
            self.next()
            return tok.text[1:-1].replace('\r', '')
        if tok.kind == 'str':
            self.next()
            return unquote(tok.text)
        if tok.kind == 'rune':
            self.next()
            return unquote(tok.text)
        if tok.kind == 'num':
            self.next()
            return int(tok.text, 0) if '.' not in tok.text else float(tok.text)
        if tok.text == '&':
            self.next()
            return self.primary()
        if tok.text == '(':
            self.next()
            v = self.expr()
            self.expect(')')
            return v
        if tok.text in ('[', 'map'):
            start = self.i
            self.skip_type()
            typ = self.type_text(start)
            if self.at('('):
                self.next()
                v = self.expr()
                self.expect(')')
                if typ == '[]byte' and isinstance(v, str):
                    return v
                return v
            if self.at('{'):
                return self.composite(typ)
            raise Unsupported('type without value')
        if tok.text == 'func':
            self.next()
            # func literal: skip signature and body
            while not self.at('{'):
                if self.peek().kind == 'eof':
                    raise Unsupported('func')
                if self.peek().text in OPEN:
                    self.i = match_close(self.t, self.i) + 1
                else:
                    self.next()
            self.i = match_close(self.t, self.i) + 1
            return Opaque('func literal')
        if tok.kind == 'ident':
            self.next()
            name = tok.text
            while self.at('.') and self.peek(1).kind == 'ident':
                self.next()
                name += '.' + self.next().text
            if self.at('('):
                j = match_close(self.t, self.i)
                args = []
                spread = False
                for a, b in split_top(self.t, self.i + 1, j):
                    if self.t[b - 1].text == '...':
                        spread = True
                        b -= 1
                    args.append(Expr(self.t, a, b, self.env).whole())
                self.i = j + 1
                return self.call(name, args, spread)
            if self.at('{') and (name[:1].isupper() or '.' in name):
                j = match_close(self.t, self.i)
                self.i = j + 1
                return Opaque('composite ' + name)
            if name in self.env:
                return self.env[name]
            if name == 'nil':
                return None
            if name in ('true', 'false'):
                return name == 'true'
            raise Unsupported('unknown identifier %s' % name)
        raise Unsupported('unexpected %r' % tok.text)

    def call(self, name, a, spread):
        if any(isinstance(x, Opaque) for x in a):
            return Opaque('call %s' % name)
        if name == 'fmt.Sprintf':
            return sprintf(a[0], a[1:])
        if name == 'fmt.Sprint':
            return ''.join(str(x) for x in a)
        if name in ('string', 'strings.TrimSpace'):
            return a[0].strip() if name == 'strings.TrimSpace' else a[0]
        if name == 'strings.Repeat':
            return a[0] * a[1]
        if name == 'strings.Join':
            return a[1].join(a[0])
        if name == 'strings.ToUpper':
            return a[0].upper()
        if name == 'strings.ToLower':
            return a[0].lower()
        if name == 'strings.ReplaceAll':
            return a[0].replace(a[1], a[2])
        if name == 'append':
            base = list(a[0] or [])
            if spread:
                base.extend(a[1:-1])
                base.extend(a[-1])
            else:
                base.extend(a[1:])
            return base
        if name == 'len':
            return len(a[0])
        raise Unsupported('call %s' % name)


def sprintf(fmt, vals):
    vals = list(vals)

    def rep(m):
        verb = m.group(1)
        if verb == '%':
            return '%'
        v = vals.pop(0)
        if verb == 'q':
            return '"' + str(v).replace('\\', '\\\\').replace('"', '\\"') + '"'
        return str(v)
    return re.sub(r'%(?:[-+# 0]*\d*(?:\.\d+)?)([sdvq%])', rep, fmt)


def read_decls(toks, lo, hi, env, errors, local=False):
    """Evaluate `var`/`const` declarations and (when local) `x := expr` between lo and hi,
    in order, into env.  Failures are recorded, never fatal."""
    i = lo
    while i < hi:
        t = toks[i]
        if t.text in ('var', 'const'):
            if toks[i + 1].text == '(':
                j = match_close(toks, i + 1)
                for a, b in specs(toks, i + 2, j):
                    bind_spec(toks, a, b, env, errors)
                i = j + 1
                continue
            # single spec: runs to end of line (next token on a later line is a new statement)
            b = stmt_end(toks, i + 1, hi)
            bind_spec(toks, i + 1, b, env, errors)
            i = b
            continue
        if local and t.kind == 'ident' and i + 1 < hi and toks[i + 1].text in (':=', '='):
            b = stmt_end(toks, i + 2, hi)
            try:
                env[t.text] = Expr(toks, i + 2, b, env).whole()
            except (Unsupported, KeyError, IndexError, TypeError, ValueError, SyntaxError, StopIteration) as e:
                errors.append('%s: %s' % (t.text, e))
            i = b
            continue
        i += 1


def specs(toks, lo, hi):
    """ValueSpecs inside `var ( ... )`: one per line."""
    out = []
    i = lo
    while i < hi:
        b = stmt_end(toks, i, hi)
        out.append((i, b))
        i = b
    return out


def stmt_end(toks, lo, hi):
    """End (exclusive) of the statement starting at lo: the first top-level token on a
    later line whose previous token cannot continue an expression."""
    depth = 0
    k = lo
    while k < hi:
        t = toks[k].text
        if depth == 0 and k > lo:
            prev = toks[k - 1].text
            if t == ';':
                return k + 1
            if line_break_between(toks[k - 1], toks[k]) and prev not in ('+', ',', '(', '=', ':=', '.') \
                    and t not in ('.', '+'):
                return k
        if t in OPEN:
            depth += 1
        elif t in (')', ']', '}'):
            depth -= 1
            if depth < 0:
                return k
        k += 1
    return hi


SRC = {'text': ''}


def line_break_between(a, b):
    return '\n' in SRC['text'][a.pos:b.pos]


def bind_spec(toks, a, b, env, errors):
    # names [type] = expr
    eq = next((k for k in range(a, b) if toks[k].text == '='), None)
    if eq is None:
        return
    names = [toks[k].text for k in range(a, eq) if toks[k].kind == 'ident']
    names = names[:1] if len(names) > 1 and toks[a + 1].text != ',' else names
    vals = split_top(toks, eq + 1, b)
    for n, (x, y) in zip(names, vals):
        try:
            env[n] = Expr(toks, x, y, env).whole()
        except (Unsupported, KeyError, IndexError, TypeError, ValueError, SyntaxError, StopIteration) as e:
            errors.append('%s: %s' % (n, e))


def funcs(toks):
    """[(name, body_lo, body_hi)] of top-level functions."""
    out = []
    i = 0
    while i < len(toks):
        if toks[i].text == 'func' and (toks[i + 1].kind == 'ident' or toks[i + 1].text == '('):
            j = i + 1
            if toks[j].text == '(':  # method receiver
                j = match_close(toks, j) + 1
            name = toks[j].text
            j += 1
            while toks[j].text != '{':
                j = match_close(toks, j) + 1 if toks[j].text in ('(', '[') else j + 1
            k = match_close(toks, j)
            out.append((name, j + 1, k))
            i = k + 1
            continue
        i += 1
    return out


def read_test_file(src):
    """-> (package env, [(func name, table var, [row dicts])], errors)"""
    SRC['text'] = src
    toks = tokenize(src)
    env = {}
    errors = []
    fs = funcs(toks)
    # package-level declarations (everything outside function bodies), in source order
    pos = 0
    for _, lo, hi in sorted(fs, key=lambda f: f[1]):
        read_decls(toks, pos, lo, env, errors)
        pos = hi
    read_decls(toks, pos, len(toks), env, errors)
    tables = []
    struct_types = {toks[k + 1].text for k in range(len(toks) - 2)
                    if toks[k].text == 'type' and toks[k + 2].text == 'struct'}
    for name, lo, hi in fs:
        if not name.startswith('Test'):
            continue
        lenv = dict(env)
        # find tables: <ident> := []struct{...}{ or map[string]struct{...}{
        k = lo
        while k < hi:
            t = toks[k]
            if t.kind == 'ident' and toks[k + 1].text in (':=', '=') and toks[k + 2].text in ('[', 'map'):
                e = Expr(toks, k + 2, hi, lenv)
                start = e.i
                try:
                    e.skip_type()
                except SyntaxError:
                    k += 1
                    continue
                typ = e.type_text(start)
                elem = re.sub(r'^(?:\[\]|map\[[^\]]*\])\*?', '', typ)
                if ('struct' in typ or elem in struct_types) and e.at('{'):
                    # locals declared before the table
                    read_decls(toks, lo, k, lenv, errors, local=True)
                    try:
                        rows = e.composite(typ)
                    except (Unsupported, SyntaxError) as ex:
                        errors.append('table %s.%s: %s' % (name, t.text, ex))
                        rows = []
                    if isinstance(rows, dict):
                        rows = [dict(r, name=r.get('name', n)) if isinstance(r, dict) else r
                                for n, r in rows.items()]
                    tables.append((name, t.text, rows))
                    k = e.i
                    continue
            k += 1
    return env, tables, errors
