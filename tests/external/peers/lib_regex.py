"""Regex helpers for build.py: translate Go/Rust regex syntax to Python `re`,
and generate random strings matching a regex (like gitleaks' secrets.NewSecret,
which wraps github.com/lucasjones/reggen)."""
import re
import string

try:  # Python 3.11+
    import re._parser as sre_parse
    import re._constants as sre_c
except ImportError:  # pragma: no cover
    import sre_parse
    import sre_constants as sre_c

PRINTABLE = [chr(c) for c in range(0x21, 0x7f)]
ALNUM = string.ascii_letters + string.digits

POSIX = {
    'alnum': 'a-zA-Z0-9', 'alpha': 'a-zA-Z', 'digit': '0-9', 'xdigit': '0-9A-Fa-f',
    'upper': 'A-Z', 'lower': 'a-z', 'space': r'\s', 'word': r'\w', 'blank': r' \t',
    'punct': r'!-/:-@\[-`{-~', 'print': r'\x20-\x7e', 'graph': r'\x21-\x7e', 'cntrl': r'\x00-\x1f\x7f',
}


def _find_group_end(p, i):
    """Index of the ')' closing the group that contains position i (or len(p))."""
    depth = 0
    in_class = False
    j = i
    while j < len(p):
        c = p[j]
        if c == '\\':
            j += 2
            continue
        if in_class:
            if c == ']':
                in_class = False
        elif c == '[':
            in_class = True
            if p[j + 1:j + 2] == '^':
                j += 1
            if p[j + 1:j + 2] == ']':
                j += 1
        elif c == '(':
            depth += 1
        elif c == ')':
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return len(p)


def _split_top_alternatives(s):
    parts, depth, in_class, start, j = [], 0, False, 0, 0
    while j < len(s):
        c = s[j]
        if c == '\\':
            j += 2
            continue
        if in_class:
            if c == ']':
                in_class = False
        elif c == '[':
            in_class = True
            if s[j + 1:j + 2] == '^':
                j += 1
            if s[j + 1:j + 2] == ']':
                j += 1
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        elif c == '|' and depth == 0:
            parts.append(s[start:j])
            start = j + 1
        j += 1
    parts.append(s[start:])
    return parts


FLAG_RE = re.compile(r'\(\?([imsxU]+)\)')


def go2py(p):
    """Translate a Go (RE2) / Rust regex to Python `re` syntax (best effort)."""
    p = p.replace(r'\z', r'\Z')
    p = re.sub(r'\(\?#[^)]*\)', '', p)  # (?# comment )
    # POSIX classes inside brackets
    p = re.sub(r'\[:(\^?)(\w+):\]', lambda m: POSIX[m.group(2)], p)
    p = re.sub(r'\\x\{([0-9A-Fa-f]+)\}', lambda m: '\\U%08x' % int(m.group(1), 16), p)
    p = p.replace(r'\pL', r'[^\W\d_]').replace(r'\p{L}', r'[^\W\d_]')
    # Rust's (?x) ignores whitespace inside classes too; Python does not. Rare, ignored.
    lead = ''
    # hoist leading global flags (possibly several, separated by whitespace)
    while True:
        m = re.match(r'\s*\(\?([imsxU]+)\)', p)
        if not m:
            break
        lead += m.group(1).replace('U', '')
        p = p[m.end():]
    verbose = 'x' in lead
    # scoped translation of any remaining inline global flag groups
    out = ''
    i = 0
    while i < len(p):
        c = p[i]
        if c == '\\':
            out += p[i:i + 2]
            i += 2
            continue
        if c == '[':
            # copy the whole class
            j = i + 1
            if p[j:j + 1] == '^':
                j += 1
            if p[j:j + 1] == ']':
                j += 1
            while j < len(p) and p[j] != ']':
                if p[j] == '\\':
                    j += 1
                j += 1
            out += p[i:j + 1]
            i = j + 1
            continue
        if verbose and c == '#':
            j = p.find('\n', i)
            j = len(p) if j < 0 else j
            i = j
            continue
        m = FLAG_RE.match(p, i)
        if m:
            flags = m.group(1).replace('U', '')
            end = _find_group_end(p, m.end())
            rest = go2py_inner(p[m.end():end], flags)
            out += rest
            i = end
            continue
        out += c
        i += 1
    return ('(?%s)' % lead if lead else '') + out


def go2py_inner(rest, flags):
    rest = go2py(rest) if FLAG_RE.search(rest) else rest
    if not flags:
        return rest
    return '|'.join('(?%s:%s)' % (flags, a) for a in _split_top_alternatives(rest))


def compile_go(p):
    return re.compile(go2py(p))


# ---------------------------------------------------------------- generation

def _class_chars(items):
    neg = False
    chars = set()
    for op, av in items:
        if op == sre_c.NEGATE:
            neg = True
        elif op == sre_c.LITERAL:
            chars.add(chr(av))
        elif op == sre_c.RANGE:
            lo, hi = av
            for c in range(lo, min(hi, 0x7e) + 1):
                chars.add(chr(c))
        elif op == sre_c.CATEGORY:
            chars |= set(_category(av))
        else:
            raise ValueError('class item %r' % (op,))
    if neg:
        chars = set(PRINTABLE) - chars
    if len(chars) > 1:
        chars.discard('\\')  # never generate backslashes: they turn into escapes in JSON/strings
    return sorted(chars)


def _category(cat):
    name = str(cat)
    if name.endswith('NOT_DIGIT'):
        return [c for c in PRINTABLE if not c.isdigit()]
    if name.endswith('DIGIT'):
        return list(string.digits)
    if name.endswith('NOT_WORD'):
        return [c for c in PRINTABLE if not (c.isalnum() or c == '_')]
    if name.endswith('WORD'):
        return list(ALNUM + '_')
    if name.endswith('NOT_SPACE'):
        return PRINTABLE
    if name.endswith('SPACE'):
        return [' ']
    raise ValueError(name)


def _gen(seq, rng, cap):
    out = []
    for op, av in seq:
        if op == sre_c.LITERAL:
            out.append(chr(av))
        elif op == sre_c.NOT_LITERAL:
            out.append(rng.choice([c for c in ALNUM if ord(c) != av]))
        elif op == sre_c.ANY:
            out.append(rng.choice(ALNUM))
        elif op == sre_c.IN:
            out.append(rng.choice(_class_chars(av)))
        elif op == sre_c.CATEGORY:
            out.append(rng.choice(_category(av)))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) or str(op) == 'POSSESSIVE_REPEAT':
            lo, hi, sub = av
            if hi == sre_c.MAXREPEAT:
                hi = lo + cap
            for _ in range(rng.randint(lo, hi)):
                out.append(_gen(sub, rng, cap))
        elif op == sre_c.SUBPATTERN:
            out.append(_gen(av[-1], rng, cap))
        elif str(op) == 'ATOMIC_GROUP':
            out.append(_gen(av, rng, cap))
        elif op == sre_c.BRANCH:
            out.append(_gen(rng.choice(av[1]), rng, cap))
        elif op == sre_c.AT:
            pass
        else:
            raise ValueError('unsupported regex op %r' % (op,))
    return ''.join(out)


def gen_regex(pattern, rng, cap=6):
    """A random string matching `pattern` (Go syntax, anchors ignored)."""
    p = go2py(pattern)
    p = re.sub(r'^\(\?[a-zA-Z]+\)', '', p)  # global flags: generate as written
    return _gen(sre_parse.parse(p), rng, cap)
