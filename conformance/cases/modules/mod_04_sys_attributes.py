# id: mod_04_sys_attributes
# source: python/cpython:Python/sysmodule.c (_PySys_InitCore: version, hexversion, maxsize, maxunicode, byteorder, platform, builtin_module_names, executable; _PySys_UpdateConfig: argv, path; sys_getdefaultencoding_impl); Include/patchlevel.h (PY_VERSION_HEX); Modules/main.c (pymain_run_file: sys.argv[0] is the path given)
# property: the sys attributes programs read, with the mirrored interpreter's values (profiles record their own): sys.argv[0] is the program path as given and the list holds no option, sys.version starts with the version sys.hexversion encodes, maxsize is the 64-bit Py_ssize_t maximum, the native modules are in builtin_module_names, sys.path is a list whose first entry is the program's directory; nothing that depends on the machine or the path is printed
from __future__ import print_function
import sys
print(sys.argv[0].endswith("mod_04_sys_attributes.py"), len(sys.argv), type(sys.argv).__name__)
print(sys.maxsize, sys.maxsize == (1 << 62) - 1 + (1 << 62), sys.maxunicode, sys.byteorder, sys.platform)
h = sys.hexversion
print(hex(h), h >> 24, (h >> 16) & 255, (h >> 8) & 255)
major, minor, micro = sys.version.split()[0].split(".")
print(sys.version.split()[0], int(major) == h >> 24, int(minor) == (h >> 16) & 255, int(micro) == (h >> 8) & 255)
print(sys.getdefaultencoding())
names = sys.builtin_module_names
print(type(names).__name__, "sys" in names, "gc" in names, list(names) == sorted(names))
print(type(sys.path).__name__, len(sys.path) >= 1, sys.path[0].endswith("modules"), type(sys.executable).__name__)
