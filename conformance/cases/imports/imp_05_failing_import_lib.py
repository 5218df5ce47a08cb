# id: imp_05_failing_import_lib
# source: Python/traceback.c (tb_displayline: each frame names its code's co_filename); Lib/importlib/_bootstrap.py (_load_unlocked: a module whose body raises leaves sys.modules)
# property: run as a program it raises at module level (exit 1); imported last by imp_03, the failed import's
# KeyError ends that program too (exit 1) after its output, and printing its traceback, whose frames belong to
# a module sys.modules no longer holds, neither crashes nor reads freed memory (the ASan run)
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
def boom():
    return {}["missing"]


boom()
