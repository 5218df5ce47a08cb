# id: mod_22_thread_rlock
# source: python/cpython:Modules/_threadmodule.c (rlockobject, rlock_new, rlock_acquire, rlock_release, rlock_is_owned, rlock_release_save, rlock_acquire_restore, rlock_repr, rlock_type_spec)
# property: _thread.RLock: sys.getsizeof 64 and GC-tracked, weak-referenceable, constructor ignoring its arguments; the owner
#   re-enters (count in the repr), release down to unowned, "cannot release un-acquired lock", _is_owned, _release_save's
#   (count, owner) and _acquire_restore's "(kk)" errors, `with` nesting
import _thread, sys, gc, weakref
ident = _thread.get_ident()
def show(r):
    return repr(r).split(' at ')[0].replace('owner=%d ' % ident, 'owner=ME ')
r = _thread.RLock()
print(sys.getsizeof(r), gc.is_tracked(r), type(r), type(_thread.RLock(1, x=2)).__name__, weakref.ref(r)() is r)
print(show(r), r._is_owned())
print(r.acquire(), r.acquire(False), r.acquire(True, 0.5), show(r), r._is_owned())
count, owner = r._release_save()
print(count, owner == ident, show(r), r._is_owned())
print(r._acquire_restore((count, owner)), show(r))
print(r.release(), r.release(), show(r), r.release(), show(r), r._is_owned())
for f in (r.release, r._release_save, lambda: r._is_owned(1), lambda: r.release(1),
          lambda: r._acquire_restore(3), lambda: r._acquire_restore((1,)), lambda: r._acquire_restore((1, 'a')),
          lambda: r._acquire_restore(), lambda: r.acquire(timeout=-3)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
with r:
    with r:
        print('nested', show(r))
    print('outer', show(r))
print(show(r), r.__enter__(), r.__exit__(1, 2, 3), show(r))
