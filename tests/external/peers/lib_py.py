"""Read pytest parametrize tables from Python test files without running them.

Only literals and a few harmless expressions are evaluated: string
concatenation and %, str.format, slicing, textwrap.dedent, module-level
constants, tuples/lists.  Anything else raises NotLiteral.
"""
import ast
import textwrap


class NotLiteral(Exception):
    pass


class SafeEval:
    def __init__(self, module_src):
        self.tree = ast.parse(module_src)
        self.consts = {}
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    self.consts[node.targets[0].id] = self.ev(node.value)
                except NotLiteral:
                    if isinstance(node.value, ast.List):  # keep the literal rows of a case table
                        rows = []
                        for e in node.value.elts:
                            try:
                                rows.append(self.ev(e))
                            except NotLiteral:
                                pass
                        self.consts[node.targets[0].id] = rows

    def ev(self, n):
        if isinstance(n, ast.Constant):
            return n.value
        if isinstance(n, (ast.Tuple, ast.List)):
            out = []
            for e in n.elts:
                if isinstance(e, ast.Starred):
                    out.extend(self.ev(e.value))
                else:
                    out.append(self.ev(e))
            return tuple(out) if isinstance(n, ast.Tuple) else out
        if isinstance(n, ast.Name):
            if n.id in self.consts:
                return self.consts[n.id]
            if n.id in ('True', 'False', 'None'):
                return {'True': True, 'False': False, 'None': None}[n.id]
            raise NotLiteral('name %s' % n.id)
        if isinstance(n, ast.BinOp):
            a, b = self.ev(n.left), self.ev(n.right)
            if isinstance(n.op, ast.Add):
                return a + b
            if isinstance(n.op, ast.Mod) and isinstance(a, str):
                return a % b
            if isinstance(n.op, ast.Mult):
                return a * b
            raise NotLiteral('binop')
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return -self.ev(n.operand)
        if isinstance(n, ast.Subscript):
            base = self.ev(n.value)
            sl = n.slice
            if isinstance(sl, ast.Slice):
                lo = self.ev(sl.lower) if sl.lower else None
                hi = self.ev(sl.upper) if sl.upper else None
                return base[lo:hi]
            return base[self.ev(sl)]
        if isinstance(n, ast.Call):
            f = n.func
            if isinstance(f, ast.Attribute) and f.attr == 'format':
                base = self.ev(f.value)
                return base.format(*[self.ev(a) for a in n.args], **{k.arg: self.ev(k.value) for k in n.keywords})
            if isinstance(f, ast.Attribute) and f.attr == 'dedent' and isinstance(f.value, ast.Name) and f.value.id == 'textwrap':
                return textwrap.dedent(self.ev(n.args[0]))
            if isinstance(f, ast.Attribute) and f.attr in ('upper', 'lower', 'strip'):
                return getattr(self.ev(f.value), f.attr)()
            raise NotLiteral('call %s' % ast.dump(f)[:80])
        if isinstance(n, ast.JoinedStr):
            raise NotLiteral('f-string')
        raise NotLiteral(type(n).__name__)

    def parametrize_tables(self):
        """Yield (function name, argnames, [row tuples], [row comments]) for each
        @pytest.mark.parametrize whose values are literal."""
        src_lines = None
        for node in ast.walk(self.tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for dec in node.decorator_list:
                if not (isinstance(dec, ast.Call) and isinstance(dec.func, ast.Attribute)
                        and dec.func.attr == 'parametrize'):
                    continue
                try:
                    names = self.ev(dec.args[0])
                except NotLiteral:
                    continue
                names = [x.strip() for x in (names.split(',') if isinstance(names, str) else names)]
                valnode = dec.args[1]
                rows = []
                elts = valnode.elts if isinstance(valnode, (ast.List, ast.Tuple)) else None
                if elts is None:
                    # e.g. parse_test_cases([...]) helper calls: evaluated by the caller
                    yield node.name, names, None, valnode
                    continue
                for e in elts:
                    try:
                        v = self.ev(e)
                    except NotLiteral as ex:
                        rows.append(NotLiteral(str(ex)))
                        continue
                    if len(names) == 1 and not (isinstance(v, tuple) and len(v) == 1):
                        v = (v,)
                    rows.append((v, e.lineno))
                yield node.name, names, rows, valnode
