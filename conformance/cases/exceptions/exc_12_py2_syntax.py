# id: exc_12_py2_syntax
# source: 2.7 Python/ceval.c do_raise (RAISE_VARARGS 1-3: nested tuples give their first item, a class is instantiated with the value as PyErr_NormalizeException does, an instance takes no separate value, a third argument must be a traceback and is continued: WHY_RERAISE), 2.7 Grammar/Grammar except_clause ('except' test [('as' | ',') test]); 3.x: both forms are syntax errors (refused before the run)
# property: 2.7's `raise type, value[, traceback]` and `except type, name` under the py27 profile, in a module that only a 2.x interpreter imports (exc12_py2/forms.py); every other profile prints the version line only
from __future__ import print_function
import sys

print("major version", sys.version_info[0])
if sys.version_info[0] == 2:
    from exc12_py2 import forms
    forms.run()
