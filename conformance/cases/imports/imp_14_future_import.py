# id: imp_14_future_import
# source: CPython Python/compile.c (compiler_from_import: `from __future__ import x` is an import like any
# other once the compiler has read its flags: IMPORT_NAME __future__, IMPORT_FROM x, STORE_NAME x);
# Lib/__future__.py (the _Feature instances and all_feature_names)
# property: `from __future__ import ...` imports the standard library's __future__ module (sys.modules
# has it) and binds each feature name in the module's namespace to its _Feature; the features' releases
# and compiler flags are the interpreter's own
from __future__ import print_function
from __future__ import division, absolute_import
import sys

print('__future__' in sys.modules, sorted(k for k in globals() if not k.startswith('__')))
print(print_function.getOptionalRelease(), division.getMandatoryRelease()[:2])
print(type(print_function).__name__, print_function.compiler_flag == division.compiler_flag)
import __future__
print(__future__.print_function is print_function, 'print_function' in __future__.all_feature_names)
print(3 / 2, 7 // 2)
