"""Render CPython's AST of a file in the format of lang.Dump.

Usage: python3 pydump.py FILE...

The dumps of the files follow one another; a file CPython cannot parse is
shown as the single line `File "NAME" SyntaxError`.

The golden .ast files are written by `go test ./lang -run TestGolden -update`;
TestGoldenMatchesCPython runs this script to check them against CPython 3.11.
Nodes that CPython gives no position (comprehension clauses, parameter
lists, with items) are printed without one; the test drops ours there.
Top-level await is accepted as in asyncgen (PyCF_ALLOW_TOP_LEVEL_AWAIT).
"""
import ast
import sys

# The dumper recurses once or twice per tree level; trees may be 3,000 deep.
sys.setrecursionlimit(20000)

OPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
    ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.UAdd: "+",
    ast.USub: "-", ast.Invert: "~", ast.Not: "not", ast.And: "and", ast.Or: "or",
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
    ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
    ast.NotIn: "not in",
}


def gostr(s):
    """Quote s as Go's %q does (for the characters tests use)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\a":
            out.append("\\a")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\v":
            out.append("\\v")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    out.append('"')
    return "".join(out)


def golist(items):
    return "[" + " ".join(gostr(s) for s in items) + "]"


def const(v):
    if v is None:
        return "None"
    if v is True:
        return "True"
    if v is False:
        return "False"
    if v is Ellipsis:
        return "Ellipsis"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        r = repr(v)
        return r
    if isinstance(v, str):
        return gostr(v)
    raise ValueError(v)


class Dumper:
    def __init__(self, src):
        self.lines = src.split("\n")
        self.out = []

    def pos(self, n):
        if not hasattr(n, "lineno"):
            return ""
        line = self.lines[n.lineno - 1].encode()
        col = len(line[: n.col_offset].decode(errors="replace")) + 1
        return " @%d:%d" % (n.lineno, col)

    def node(self, depth, label, typ, n, scalars=(), children=()):
        text = "  " * depth + "%s: %s%s" % (label, typ, self.pos(n) if n is not None else "")
        for k, v in scalars:
            if v is None or v == "" or v is False or v == []:
                continue
            text += " %s=%s" % (k, v)
        self.out.append(text)
        for k, v in children:
            if isinstance(v, list):
                for i, x in enumerate(v):
                    self.any(depth + 1, "%s[%d]" % (k, i), x)
            elif v is not None:
                self.any(depth + 1, k, v)

    def any(self, depth, label, n):
        if n is None:
            self.out.append("  " * depth + label + ": nil")
            return
        getattr(self, "d_" + type(n).__name__)(depth, label, n)

    # statements
    def d_Expr(self, d, l, n): self.node(d, l, "ExprStmt", n, (), [("X", n.value)])
    def d_Assign(self, d, l, n): self.node(d, l, "Assign", n, (), [("Targets", n.targets), ("Value", n.value)])
    def d_AugAssign(self, d, l, n): self.node(d, l, "AugAssign", n, [("Op", gostr(OPS[type(n.op)]))], [("Target", n.target), ("Value", n.value)])
    def d_AnnAssign(self, d, l, n): self.node(d, l, "AnnAssign", n, (), [("Target", n.target), ("Annotation", n.annotation), ("Value", n.value)])
    def d_If(self, d, l, n): self.node(d, l, "If", n, (), [("Cond", n.test), ("Body", n.body), ("Else", n.orelse)])
    def d_While(self, d, l, n): self.node(d, l, "While", n, (), [("Cond", n.test), ("Body", n.body), ("Else", n.orelse)])
    def d_For(self, d, l, n, a=False): self.node(d, l, "For", n, [("Async", "true" if a else None)], [("Target", n.target), ("Iter", n.iter), ("Body", n.body), ("Else", n.orelse)])
    def d_AsyncFor(self, d, l, n): self.d_For(d, l, n, True)
    def d_Break(self, d, l, n): self.node(d, l, "Break", n)
    def d_Continue(self, d, l, n): self.node(d, l, "Continue", n)
    def d_Pass(self, d, l, n): self.node(d, l, "Pass", n)
    def d_Return(self, d, l, n): self.node(d, l, "Return", n, (), [("Value", n.value)])
    def d_Global(self, d, l, n): self.node(d, l, "Global", n, [("Names", golist(n.names))])
    def d_Nonlocal(self, d, l, n): self.node(d, l, "Nonlocal", n, [("Names", golist(n.names))])

    def d_FunctionDef(self, d, l, n, a=False):
        self.node(d, l, "FuncDef", n, [("Async", "true" if a else None), ("Name", gostr(n.name))], [])
        self.params(d + 1, n.args, True)
        for k, v in [("Returns", n.returns), ("Body", n.body), ("Decorators", n.decorator_list)]:
            if isinstance(v, list):
                for i, x in enumerate(v):
                    self.any(d + 1, "%s[%d]" % (k, i), x)
            elif v is not None:
                self.any(d + 1, k, v)

    def d_AsyncFunctionDef(self, d, l, n): self.d_FunctionDef(d, l, n, True)

    def params(self, d, a, show_empty):
        self.out.append("  " * d + "Params: Params")
        pos = a.posonlyargs + a.args
        defaults = [None] * (len(pos) - len(a.defaults)) + a.defaults
        groups = [("PosOnly", a.posonlyargs, defaults[: len(a.posonlyargs)]),
                  ("Params", a.args, defaults[len(a.posonlyargs):])]
        for name, args, dfl in groups:
            for i, (p, df) in enumerate(zip(args, dfl)):
                self.param(d + 1, "%s[%d]" % (name, i), p, df)
        if a.vararg:
            self.param(d + 1, "Vararg", a.vararg, None)
        for i, (p, df) in enumerate(zip(a.kwonlyargs, a.kw_defaults)):
            self.param(d + 1, "KwOnly[%d]" % i, p, df)
        if a.kwarg:
            self.param(d + 1, "Kwarg", a.kwarg, None)

    def param(self, d, l, p, df):
        self.node(d, l, "Param", p, [("Name", gostr(p.arg))], [("Default", df), ("Annotation", p.annotation)])

    def d_ClassDef(self, d, l, n): self.node(d, l, "ClassDef", n, [("Name", gostr(n.name))], [("Bases", n.bases), ("Keywords", n.keywords), ("Body", n.body), ("Decorators", n.decorator_list)])
    def d_Try(self, d, l, n): self.node(d, l, "Try", n, (), [("Body", n.body), ("Handlers", n.handlers), ("Else", n.orelse), ("Finally", n.finalbody)])
    def d_ExceptHandler(self, d, l, n): self.node(d, l, "ExceptHandler", n, [("Name", gostr(n.name) if n.name else None)], [("Type", n.type), ("Body", n.body)])
    def d_Raise(self, d, l, n): self.node(d, l, "Raise", n, (), [("Exc", n.exc), ("Cause", n.cause)])
    def d_Assert(self, d, l, n): self.node(d, l, "Assert", n, (), [("Test", n.test), ("Msg", n.msg)])
    def d_Delete(self, d, l, n): self.node(d, l, "Del", n, (), [("Targets", n.targets)])

    def d_With(self, d, l, n, a=False):
        self.node(d, l, "With", n, [("Async", "true" if a else None)], [])
        for i, it in enumerate(n.items):
            self.out.append("  " * (d + 1) + "Items[%d]: WithItem" % i)
            self.any(d + 2, "Context", it.context_expr)
            if it.optional_vars is not None:
                self.any(d + 2, "Target", it.optional_vars)
        for i, x in enumerate(n.body):
            self.any(d + 1, "Body[%d]" % i, x)

    def d_AsyncWith(self, d, l, n): self.d_With(d, l, n, True)
    def d_Import(self, d, l, n): self.node(d, l, "Import", n, (), [("Names", n.names)])
    def d_ImportFrom(self, d, l, n): self.node(d, l, "ImportFrom", n, [("Module", gostr("." * n.level + (n.module or "")))], [("Names", n.names)])
    def d_alias(self, d, l, n): self.node(d, l, "Alias", n, [("Name", gostr(n.name)), ("AsName", gostr(n.asname) if n.asname else None)])

    # expressions
    def d_Name(self, d, l, n): self.node(d, l, "Name", n, [("ID", gostr(n.id))])
    def d_Constant(self, d, l, n):
        self.out.append("  " * d + "%s: Constant%s Value=%s" % (l, self.pos(n), const(n.value)))
    def d_JoinedStr(self, d, l, n): self.node(d, l, "JoinedStr", n, (), [("Values", n.values)])
    def d_FormattedValue(self, d, l, n):
        conv = "'%s'" % chr(n.conversion) if n.conversion != -1 else None
        self.node(d, l, "FormattedValue", n, [("Conversion", conv)], [("Value", n.value), ("Spec", n.format_spec)])
    def d_BinOp(self, d, l, n): self.node(d, l, "BinOp", n, [("Op", gostr(OPS[type(n.op)]))], [("X", n.left), ("Y", n.right)])
    def d_UnaryOp(self, d, l, n): self.node(d, l, "UnaryOp", n, [("Op", gostr(OPS[type(n.op)]))], [("X", n.operand)])
    def d_BoolOp(self, d, l, n): self.node(d, l, "BoolOp", n, [("Op", gostr(OPS[type(n.op)]))], [("Values", n.values)])
    def d_Compare(self, d, l, n): self.node(d, l, "Compare", n, [("Ops", golist(OPS[type(o)] for o in n.ops))], [("Left", n.left), ("Comparators", n.comparators)])
    def d_Call(self, d, l, n): self.node(d, l, "Call", n, (), [("Func", n.func), ("Args", n.args), ("Keywords", n.keywords)])
    def d_keyword(self, d, l, n): self.node(d, l, "Keyword", n, [("Name", gostr(n.arg) if n.arg else None)], [("Value", n.value)])
    def d_Attribute(self, d, l, n): self.node(d, l, "Attribute", n, [("Name", gostr(n.attr))], [("X", n.value)])
    def d_Subscript(self, d, l, n): self.node(d, l, "Subscript", n, (), [("X", n.value), ("Index", n.slice)])
    def d_Slice(self, d, l, n): self.node(d, l, "Slice", n, (), [("Lo", n.lower), ("Hi", n.upper), ("Step", n.step)])
    def d_Starred(self, d, l, n): self.node(d, l, "Starred", n, (), [("X", n.value)])
    def d_IfExp(self, d, l, n): self.node(d, l, "IfExp", n, (), [("Cond", n.test), ("Then", n.body), ("Else", n.orelse)])
    def d_Lambda(self, d, l, n):
        self.node(d, l, "Lambda", n)
        self.params(d + 1, n.args, True)
        self.any(d + 1, "Body", n.body)
    def d_List(self, d, l, n): self.node(d, l, "List", n, (), [("Elts", n.elts)])
    def d_Tuple(self, d, l, n): self.node(d, l, "Tuple", n, (), [("Elts", n.elts)])
    def d_Set(self, d, l, n): self.node(d, l, "Set", n, (), [("Elts", n.elts)])
    def d_Dict(self, d, l, n): self.node(d, l, "Dict", n, (), [("Keys", n.keys), ("Values", n.values)])
    def d_comprehension(self, d, l, n): self.node(d, l, "Comprehension", n, [("Async", "true" if n.is_async else None)], [("Target", n.target), ("Iter", n.iter), ("Ifs", n.ifs)])
    def d_ListComp(self, d, l, n): self.node(d, l, "ListComp", n, (), [("Elt", n.elt), ("Gens", n.generators)])
    def d_SetComp(self, d, l, n): self.node(d, l, "SetComp", n, (), [("Elt", n.elt), ("Gens", n.generators)])
    def d_GeneratorExp(self, d, l, n): self.node(d, l, "GeneratorExp", n, (), [("Elt", n.elt), ("Gens", n.generators)])
    def d_DictComp(self, d, l, n): self.node(d, l, "DictComp", n, (), [("Key", n.key), ("Value", n.value), ("Gens", n.generators)])
    def d_Await(self, d, l, n): self.node(d, l, "Await", n, (), [("X", n.value)])
    def d_Yield(self, d, l, n): self.node(d, l, "Yield", n, (), [("X", n.value)])
    def d_YieldFrom(self, d, l, n): self.node(d, l, "YieldFrom", n, (), [("X", n.value)])


def main():
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8") as f:
            src = f.read()
        try:
            tree = compile(src, name, "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        except SyntaxError:
            sys.stdout.write("File %s SyntaxError\n" % gostr(name))
            continue
        d = Dumper(src)
        d.out.append("File %s" % gostr(name))
        for i, s in enumerate(tree.body):
            d.any(1, "Body[%d]" % i, s)
        sys.stdout.write("\n".join(d.out) + "\n")


main()
