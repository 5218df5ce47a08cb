# id: mod_68_thread_excepthook
# source: python/cpython:Modules/_threadmodule.c (thread_excepthook, thread_excepthook_file, ExceptHookArgs_desc, ExceptHookArgs_fields); Objects/structseq.c (structseq_new_impl); Python/sysmodule.c (sys_excepthook_impl); Lib/threading.py (the `from _thread import _excepthook` path)
# property: _thread._ExceptHookArgs is a 4-field struct sequence (exc_type, exc_value, exc_traceback, thread)
#   built from any 4-item iterable, with structseq's argument errors; _thread._excepthook checks its
#   argument's type, is silent for SystemExit and returns None; threading takes the native hook
#   (threading.excepthook is _thread._excepthook) and sys.excepthook is sys.__excepthook__
import _thread
import sys

A = _thread._ExceptHookArgs
print(A, A.__name__, _thread._excepthook)
try:
    raise ValueError("boom")
except ValueError:
    args = A([*sys.exc_info(), None])
print(type(args).__name__, len(args), args.exc_type, repr(args.exc_value), args.thread)
print(args.exc_traceback is args[2], type(args.exc_traceback).__name__)
print(sys.getsizeof(args), sys.getrefcount(args), isinstance(args, tuple))
print(args[:2] == (ValueError, args.exc_value), type(args[:2]).__name__, args == tuple(args))
print(A(iter(range(4))), A(sequence="abcd"))
for bad in [(1, 2, 3), (1, 2, 3, 4, 5), 5]:
    try:
        A(bad)
    except TypeError as e:
        print("TypeError:", e)
for call in [lambda: A(), lambda: A((1, 2, 3, 4), None, 3), lambda: A((1, 2, 3, 4), x=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    _thread._excepthook((1, 2, 3, 4))
except TypeError as e:
    print("TypeError:", e)
print(_thread._excepthook(A((SystemExit, SystemExit(2), None, None))))


class T:
    name = "worker-1"


print(_thread._excepthook(A((args.exc_type, args.exc_value, None, T()))))  # the report goes to stderr
import threading

print(threading.excepthook is _thread._excepthook, threading.ExceptHookArgs is A)
print(threading.current_thread().name, threading.active_count(), threading.main_thread() is threading.current_thread())
print(sys.excepthook is sys.__excepthook__, sys.excepthook)
