# id: re_05_engine_versions
# source: python/cpython:Lib/re/_parser.py (_parse: possessive repeats `*+ ++ ?+ {m,n}+` and atomic groups `(?>...)`, 3.11); Lib/sre_parse.py (3.10 _parse: "multiple repeat", "unknown extension ?>"); Modules/_sre/sre.c (_validate_outer, _validate_inner, _validate_charset; 3.10 Modules/_sre.c); Modules/_sre/sre_constants.h and 3.10 Lib/sre_constants.py (SRE_MAGIC, the OPCODES numbering); Modules/_sre/sre.h (SRE_MAXGROUPS)
# property: the engine version is visible to programs: _sre's MAGIC and MAXGROUPS; possessive quantifiers and
#   atomic groups compile and match from 3.11 and are re.error in 3.10; _sre.compile validates the code list it
#   is given in its own version's numbering (opcode 17 is MARK in 3.11, LITERAL in 3.10; 16 LITERAL / JUMP),
#   RuntimeError "invalid SRE code" otherwise; ordinary patterns match alike in every version
import re, _sre
print(_sre.MAGIC, _sre.MAXGROUPS, _sre.CODESIZE, _sre.MAXREPEAT, _sre.getcodesize())
for pat, s in [('a*+a', 'aaa'), ('a++b', 'aab'), ('x?+x', 'x'), ('x{1,2}+x', 'xxx'), ('(?:ab)++c', 'ababc'),
               ('(?>a+)b', 'aab'), ('(?>ab|a)c', 'ac'), ('(?>x*)x', 'xx'), ('a{2}+', 'aa')]:
    try:
        p = re.compile(pat)
        m = p.match(s)
        print(repr(pat), m.span() if m else None)
    except re.error as e:
        print(repr(pat), "re.error:", e, "|", e.pos)
for pat, s in [(r'(\w+)@(\w+)\.com', 'mail joe@example.com'), (r'(?i)straße', 'STRASSE straße'), (r'(a|b)*?c', 'abac'),
               (r'(?<=a)b', 'cab'), (r'(a)?(?(1)b|c)', 'zc'), (r'[^\W\d]+', 'héllo1'), (r'(?P<x>a|b)\1', 'xbb')]:
    m = re.search(pat, s)
    print(repr(pat), m.span(), m.groups())
def load(code, groups=0):
    try:
        p = _sre.compile('x', 0, code, groups, {}, (None,) * (groups + 1))
    except RuntimeError as e:
        return "RuntimeError: %s" % e
    m = p.match('a')
    return "ok %s" % (m.span() if m else None,)
for code in ([], [0], [2], [1], [17, 97, 1], [16, 97, 1], [17, 0, 17, 1, 1], [99, 1], [14, 4, 0, 1, 1, 1],
             [15, 4, 0, 1, 1, 1], [7, 5, 17, 97, 16, 2, 0, 1], [7, 5, 16, 97, 15, 2, 0, 1]):
    print(code, load(code), load(code, 1))
