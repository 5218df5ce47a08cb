# id: mod_69_sys_prefix
# source: python/cpython:Modules/getpath.py (prefix from the stdlib landmark <prefix>/<platlibdir>/pythonX.Y/os.py, exec_prefix, base_* without a venv); Python/sysmodule.c (_PySys_UpdateConfig: prefix, base_prefix, exec_prefix, base_exec_prefix, platlibdir); Lib/gettext.py:61
# property: sys.prefix, base_prefix, exec_prefix, base_exec_prefix and platlibdir are strs naming where
#   the interpreter's standard library is installed (no venv: base_* equal the others); gettext.py:61's
#   expression
import os
import sys

print(type(sys.prefix).__name__, sys.platlibdir)
print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix)
lib = os.path.join(sys.prefix, sys.platlibdir, "python%d.%d" % sys.version_info[:2])
print(os.path.dirname(os.__file__) == lib, os.path.isabs(sys.prefix))
print(sys.prefix == "/usr", sys.prefix.startswith("/"), sys.prefix.endswith("/"))
localedir = os.path.join(sys.base_prefix, "share", "locale")  # gettext.py:61
print(localedir == sys.prefix + "/share/locale", os.path.isdir(os.path.join(sys.prefix, sys.platlibdir)))
