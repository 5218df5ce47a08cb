# _ast — the node classes of Python's abstract syntax tree, as CPython makes them at start-up
# (Python/Python-ast.c, generated from Parser/Python.asdl: init_types, make_type, add_attributes,
# ast_type_init, ast_type_reduce). refheap runs this source as the native module `_ast` (mod_ast.c), so
# Lib's ast.py, and inspect and dataclasses over it, import as they are.
#
# The grammar below is Parser/Python.asdl of CPython 3.13; a constructor or field marked @X.Y is in the
# grammar from version X.Y on, and the running profile's version selects the rest. Each class is made as
# make_type makes it: type(name, (base,), {_fields, __match_args__, __module__: 'ast', __doc__}); a sum or
# product type also gets _attributes; an optional field or attribute ('?') is None on the class.
# Where this differs from CPython's C types (3.13's field defaults and _field_types; AST.__init__ is a
# Python function here): docs/conformance.md.

import sys as _sys

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
if _sys.version_info >= (3, 13):
    PyCF_OPTIMIZED_AST = 33792

_GRAMMAR = """
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params@3.12)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params@3.12)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list, type_param* type_params@3.12)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | TypeAlias@3.12(expr name, type_param* type_params, expr value)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar@3.11(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
        | MatchSingleton(constant value)
        | MatchSequence(pattern* patterns)
        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
        | MatchStar(identifier? name)
        | MatchAs(pattern? pattern, identifier? name)
        | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)

type_param@3.12 = TypeVar(identifier name, expr? bound, expr? default_value@3.13)
        | ParamSpec(identifier name, expr? default_value@3.13)
        | TypeVarTuple(identifier name, expr? default_value@3.13)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)
"""


def _ast_class(decls_of, new_init):
    def warn(message):
        import warnings
        warnings.warn(message, DeprecationWarning, stacklevel=3)

    class AST:
        # ast_type_init's layout: a __dict__ and no weak references (the sum and product types add those)
        __slots__ = ('__dict__',)
        _fields = ()
        _attributes = ()
        __match_args__ = ()

        def __init__(self, *args, **kwargs):
            # ast_type_init: positional arguments fill _fields in order, then each keyword is set
            cls = type(self)
            fields = getattr(cls, '_fields', ())
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} constructor takes at most "
                                f"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}")
            for name, value in zip(fields, args):
                setattr(self, name, value)
            for name, value in kwargs.items():
                if name not in fields and name not in cls._attributes and cls in decls_of and new_init:
                    warn(f"{cls.__name__}.__init__ got an unexpected keyword argument '{name}'. Support for "
                          f"arbitrary keyword arguments is deprecated and will be removed in Python 3.15.")
                setattr(self, name, value)
            if not new_init or cls not in decls_of:
                return
            # 3.13: a field not given is an empty list (seq), None (optional, from the class), Load() (an
            # expr_context), or missing with a DeprecationWarning
            for decl in decls_of[cls][len(args):]:
                kind, name = decl.split()
                if name in kwargs:
                    continue
                if kind.endswith('*'):
                    setattr(self, name, [])
                elif kind == 'expr_context':
                    setattr(self, name, Load())
                elif not kind.endswith('?'):
                    warn(f"{cls.__name__}.__init__ missing 1 required positional argument: '{name}'. "
                          f"This will become an error in Python 3.15.")

        def __reduce__(self):
            # ast_type_reduce: the class, no arguments (3.13: None for each field), the instance dict
            cls = type(self)
            return cls, (None,) * len(cls._fields) if new_init and cls in decls_of else (), self.__dict__

    return AST


_DECLS = {}
AST = _ast_class(_DECLS, _sys.version_info >= (3, 13))
AST.__qualname__ = 'AST'
for _name in ('__firstlineno__', '__static_attributes__'):  # 3.13's class-body attributes: not C's
    if _name in AST.__dict__:
        delattr(AST, _name)
AST.__module__ = 'ast'


def _present(item):
    # 'name@X.Y' is in the running version's grammar from X.Y on: (name, present)
    name, _, since = item.partition('@')
    if not since:
        return name, True
    major, minor = since.split('.')
    return name, _sys.version_info >= (int(major), int(minor))


def _fields_of(text):
    # '(type* a, type? b@3.12)' -> the present fields' declarations, as 'type* a'
    out = []
    for decl in text.strip('()').split(','):
        decl, ok = _present(decl.strip())
        if decl and ok:
            out.append(decl)
    return out


def _make(name, base, decls, doc):
    fields = tuple(d.split()[1] for d in decls)
    cls = type(name, (base,), {'_fields': fields, '__match_args__': fields, '__module__': 'ast', '__doc__': doc})
    _DECLS[cls] = decls
    for d in decls:
        if d.split()[0].endswith('?'):
            setattr(cls, d.split()[1], None)
    globals()[name] = cls
    return cls


def _signature(name, decls):
    return f"{name}({', '.join(decls)})" if decls else name


def _attributes(cls, text):
    decls = _fields_of(text) if text else []
    cls._attributes = tuple(d.split()[1] for d in decls)
    for d in decls:
        if d.split()[0].endswith('?'):
            setattr(cls, d.split()[1], None)


def _define(rule):
    head, _, body = rule.partition('=')
    tname, ok = _present(head.strip())
    if not ok:
        return
    body, _, attrs = body.partition('attributes')
    body = body.strip()
    if body.startswith('('):  # a product type: one class with fields and attributes
        decls = _fields_of(body)
        _attributes(_make(tname, AST, decls, _signature(tname, decls)), attrs.strip())
        return
    ctors = []
    for alt in body.split('|'):
        alt = alt.strip()
        cname, _, args = alt.partition('(')
        cname, ok = _present(cname.strip())
        if ok:
            ctors.append((cname, _fields_of('(' + args) if args else []))
    sigs = [_signature(c, d) for c, d in ctors]
    simple = all(not d for c, d in ctors)
    sep = ' | ' if simple else '\n' + ' ' * (len(tname) + 1) + '| '
    base = _make(tname, AST, [], f"{tname} = {sep.join(sigs)}")
    _attributes(base, attrs.strip())
    for cname, decls in ctors:
        _make(cname, base, decls, _signature(cname, decls))


for _rule in _GRAMMAR.strip().split('\n\n'):
    _define(' '.join(_rule.split()))
del _rule, _name, _ast_class, _DECLS, _GRAMMAR, _present, _fields_of, _make, _signature, _attributes, _define, _sys
