# id: fn_41_exit_quit
# source: python/cpython:Lib/_sitebuiltins.py (Quitter.__call__: SystemExit(code)), Lib/site.py (setquit);
#   python/cpython@2.7:Lib/site.py (Quitter)
# property: exit() and quit(), which site.py binds in every version, raise SystemExit with their code (None
#   by default) and refuse a second argument or another keyword with the method's messages (3.10+: the
#   qualname); an uncaught exit(5) ends the program with status 5
from __future__ import print_function


def tries():
    yield lambda: exit()
    yield lambda: quit(3)
    yield lambda: exit("bye")
    yield lambda: exit(code=4)
    yield lambda: exit(1, 2)
    yield lambda: exit(x=1)


for f in tries():
    try:
        f()
    except SystemExit as e:
        print("SystemExit", e.args, e.code)
    except TypeError as e:
        print("TypeError", e)
print(callable(exit), callable(quit))
exit(5)
print("not reached")
