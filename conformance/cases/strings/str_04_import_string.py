# id: str_04_import_string
# source: python/cpython:Lib/string.py (capwords, Template with its ChainMap of mappings, Formatter.vformat/_vformat, the constants); Lib/collections/__init__.py (ChainMap)
# property: `import string` runs Lib's string.py (which takes ChainMap from Lib's collections): the
#   constants, capwords, Template substitute/safe_substitute with keyword and mapping arguments, its
#   errors, and Formatter's format with positional, keyword, attribute, index,
#   conversion and nested specs
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable))
print(string.capwords('hello  world  again'), string.capwords('a-b-c', '-'), string.capwords(' lead and trail '))
t = string.Template('$who likes ${what}; $$ stays')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann'}, what='tea'))
print(t.safe_substitute(who='x'), t.safe_substitute({'what': 'w'}))
for bad in (lambda: t.substitute(who='x'), lambda: string.Template('$').substitute(), lambda: string.Template('${bad').substitute()):
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class P:
    name = 'pt'
    coords = [3, 4]
f = string.Formatter()
print(f.format('{0}+{x}={1:>5}|{p.name}|{p.coords[1]}|{0!r}|{y:{w}}', 'a', 2.5, x=1, p=P(), y='z', w=3))
print(list(f.parse('a{0}b{x!s:>3}c')))
print(f.vformat('{} {}', (1, 2), {}))
try:
    f.format('{0} {}', 1, 2)
except ValueError as e:
    print('ValueError', e)
