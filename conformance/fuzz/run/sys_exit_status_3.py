# fuzz finding (fuzz_run, campaign of 2026-12-02): the seed exc_03_sys_exit ends with sys.exit(3); the fuzz
# target took any status but 0, 1 and 2 for a bug and aborted. A program's sys.exit status is its own.
# id: exc_03_sys_exit
# source: CPython 3.11 Python/sysmodule.c (sys_exit_impl), Python/pythonrun.c (handle_system_exit);
# Lib/test/test_sys.py:SysModuleTest.test_exit
# property: sys.exit raises SystemExit with its code (catchable like any exception, `finally` blocks run);
# an uncaught SystemExit ends the program with its code as the exit status and no traceback
from __future__ import print_function
import sys

try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, e.args, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print("no code:", e.code, e.args)


def leave():
    try:
        sys.exit(3)
    finally:
        print("finally before exit")


leave()
print("not reached")
