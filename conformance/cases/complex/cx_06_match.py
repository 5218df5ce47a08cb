# id: cx_06_match
# source: python/cpython:Grammar/python.gram (complex_number, signed_real_number, imaginary_number, literal_pattern); python/cpython:Python/ast_opt.c (astfold_pattern: the BinOp folded to one constant); python/cpython:Python/compile.c (compiler_pattern_value: ==)
# property: complex literal patterns (real + imag, real - imag, with a signed real part) and imaginary
#   literal patterns match by ==, so 1+0j matches case 1 and 1.0, and -1j matches complex(-0.0, -1)
def classify(v):
    match v:
        case 1 + 2j:
            return 'one-plus-two-j'
        case -1 - 2j:
            return 'minus-one-minus-two-j'
        case -1j:
            return 'minus-j'
        case 0j:
            return 'zero'
        case 2.5 - 0.5j:
            return 'float-parts'
        case 1:
            return 'one'
        case [3j, -3j]:
            return 'seq'
        case {1j: 'x'}:
            return 'map'
        case _:
            return 'other'
for v in [1 + 2j, complex(1, 2), -1 - 2j, -1j, complex(-0.0, -1), 0j, 0, 0.0, False, 2.5 - 0.5j, 1 + 0j, 1.0, True, [3j, -3j], (3j, -3j), {1j: 'x'}, 2j, 'x']:
    print(repr(v), classify(v))
