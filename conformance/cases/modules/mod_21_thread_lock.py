# id: mod_21_thread_lock
# source: python/cpython:Modules/_threadmodule.c (lockobject, newlockobject, lock_PyThread_acquire_lock, lock_acquire_parse_args, lock_PyThread_release_lock, lock_locked_lock, lock_repr, lock_type_spec, thread_PyThread_allocate_lock, thread_get_ident, thread__count, thread_stack_size, thread_PyThread_start_new_thread, thread_PyThread_exit_thread); Python/pytime.c (_PyTime_FromSecondsObject)
# property: _thread.lock: sys.getsizeof 56 and GC-tracked as 3.11's heap type, weak-referenceable; acquire/release/locked and the
#   acquire_lock/release_lock/locked_lock aliases, `with`, acquire's return values without blocking (held: False with blocking=False
#   or a timeout), the "|iO:acquire" and _PyTime argument errors, "release unlocked lock", METH_NOARGS messages; the module's
#   names (TIMEOUT_MAX, error is RuntimeError, LockType not instantiable, allocate), _count, stack_size, start_new_thread's checks
import _thread, sys, gc, weakref
l = _thread.allocate_lock()
print(sys.getsizeof(l), gc.is_tracked(l), type(l), type(l) is _thread.LockType, _thread.error is RuntimeError)
print(_thread.TIMEOUT_MAX, _thread.allocate is _thread.allocate_lock, type(_thread.allocate()).__name__)
print(repr(l).split(' at ')[0])
w = weakref.ref(l)
print(w() is l)
print(l.acquire(), l.locked(), repr(l).split(' at ')[0])
print(l.acquire(False), l.acquire(blocking=False), l.acquire(True, 0), l.acquire(timeout=0), l.acquire(1, 0.0))
print(l.release(), l.locked(), l.acquire(0), l.locked_lock(), l.release_lock(), l.acquire_lock(), l.release())
with l:
    print('inside', l.locked())
print('after', l.locked())
try:
    with l:
        raise KeyError('k')
except KeyError as e:
    print('raised', repr(e), l.locked())
print(l.__enter__(), l.__exit__(None, None, None), l.locked())
for args, kw in [((1.5,), {}), ((True, 'x'), {}), ((True, float('nan')), {}), ((True, 10**30), {}),
                 ((True, 9223372037), {}), ((1, 2, 3), {}), ((), {'x': 1}), ((1,), {'blocking': 1}),
                 ((None,), {}), ((True, None), {}), ((False, 1), {}), ((True, -2), {}), ((True, -1.5), {})]:
    try:
        print(l.acquire(*args, **kw), end=' ')
        l.release()
        print()
    except Exception as e:
        print(type(e).__name__, e)
print(l.acquire(2, 0), l.acquire(0, -1), l.acquire(0, -1.0))
l.release()
for f in (l.release, l.release_lock, lambda: l.__exit__(1, 2, 3), lambda: l.locked(1), lambda: l.release(x=1),
          _thread.LockType, lambda: _thread.get_ident(1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(_thread._count(), _thread.stack_size(), _thread.stack_size(0), _thread.stack_size(65536), _thread.stack_size(0))
for s in (100, -1):
    try:
        _thread.stack_size(s)
    except ValueError as e:
        print(e)
for args in ((1, ()), (print, []), (print, (), [])):
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print(e)
print(type(_thread.get_ident()).__name__, _thread.get_ident() == _thread.get_ident(), _thread.get_native_id() > 0)
try:
    _thread.exit()
except SystemExit as e:
    print('SystemExit', e.args)
