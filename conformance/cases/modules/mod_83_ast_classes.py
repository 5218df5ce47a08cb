# id: mod_83_ast_classes
# source: python/cpython:Python/Python-ast.c (init_types, make_type, add_attributes, ast_type_init, ast_type_reduce; generated from Parser/Python.asdl by Parser/asdl_c.py), Lib/ast.py (dump, NodeVisitor, literal_eval's node checks), Lib/test/test_ast.py (test_field_attr_existence, test_arguments, test_pickling)
# property: `_ast` has every node class of the version's grammar with CPython's base, _fields, _attributes,
#   __match_args__, __doc__ and the None class attributes of optional fields; nodes take positional and
#   keyword arguments with CPython's errors and reduce to (class, args, __dict__); Lib's ast.py imports over it
import _ast
import ast

for name in sorted(n for n in dir(_ast) if not n.startswith('__')):
    v = getattr(_ast, name)
    if not isinstance(v, type):
        print(name, v)
        continue
    nones = sorted(k for k, x in v.__dict__.items() if x is None and k != '__doc__')
    print(name, v.__bases__[0].__name__, v._fields, v._attributes, v.__match_args__, v.__module__, nones)
    print('   ', repr(v.__doc__))

m = _ast.Module([1])
print(type(m).__mro__, m.body, m.__reduce__()[0], m.__reduce__()[2]['body'])
print(_ast.AST().__reduce__(), _ast.Load() is _ast.Load(), type(_ast.Load()).__name__)
for bad in (lambda: _ast.Load(1), lambda: _ast.Name(1, 2, 3), lambda: _ast.keyword(1, 2, 3), lambda: _ast.Pass(None)):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
n = _ast.Name('x', lineno=1)
print(n.id, n.lineno, n.end_lineno, sorted(vars(n)))


class Sub(_ast.expr):
    _fields = ('a', 'b')


s = Sub(1, b=2)
print(s.a, s.b, isinstance(s, ast.AST), isinstance(s, ast.expr), Sub.__match_args__)

tree = ast.Expression(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load())))
print(ast.dump(tree))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append(node.id)


v = Names()
v.visit(ast.Module([ast.Expr(ast.Call(ast.Name('f', ast.Load()), [ast.Name('a', ast.Load())], []))], []))
print(v.seen, list(ast.iter_fields(ast.Constant(3, None))))
print(issubclass(ast.Constant, ast.expr), ast.Add.__doc__, ast.AST is _ast.AST)
