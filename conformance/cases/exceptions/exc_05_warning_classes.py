# id: exc_05_warning_classes
# source: python/cpython:Objects/exceptions.c (SimpleExtendsException(PyExc_Exception, Warning, ...) and its
# eleven subclasses); Lib/test/exception_hierarchy.txt; Doc/library/exceptions.rst (Warnings)
# property: the built-in warning categories exist with CPython's hierarchy (Warning under Exception, each
# category directly under Warning), can be raised and caught as exceptions with their args, and are
# plain BaseException-layout objects (the same size as Exception's instances); a static type's __base__,
# __bases__, __mro__ and __module__
import sys

names = ['Warning', 'BytesWarning', 'DeprecationWarning', 'EncodingWarning', 'FutureWarning', 'ImportWarning',
         'PendingDeprecationWarning', 'ResourceWarning', 'RuntimeWarning', 'SyntaxWarning', 'UnicodeWarning',
         'UserWarning']
for name in names:
    cls = getattr(__builtins__, name)
    print(name, cls, cls.__base__.__name__, cls.__bases__, cls.__module__, issubclass(cls, Exception))
print([c.__name__ for c in UserWarning.__mro__], bool.__mro__, object.__base__, object.__bases__, int.__module__)
try:
    raise DeprecationWarning('old', 2)
except Warning as w:
    print(type(w).__name__, w.args, str(w), repr(w), sys.getsizeof(w) == sys.getsizeof(Exception('old', 2)))
try:
    raise UserWarning
except Exception as w:
    print(repr(w), isinstance(w, Warning), isinstance(w, RuntimeWarning))
