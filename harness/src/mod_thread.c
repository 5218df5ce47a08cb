/* mod_thread.c — _thread (CPython 3.11 Modules/_threadmodule.c) as a single-threaded program observes it.
 *
 * Owns the _thread module (allocate_lock/allocate, LockType, RLock, get_ident, get_native_id, _count,
 * stack_size, TIMEOUT_MAX, error, daemon_threads_allowed (3.12+), start_new_thread/start_new, exit/exit_thread, _set_sentinel,
 * _excepthook and _ExceptHookArgs, a struct sequence: t_structseq.c) and the
 * methods of _thread.lock and _thread.RLock (their objects: reference/src/t_thread.c). Lib's threading,
 * reprlib and functools import it as in CPython.
 *
 * refheap runs one thread (docs/conformance.md):
 *  - start_new_thread checks its arguments as CPython's thread_PyThread_start_new_thread, then fails as
 *    CPython does when the OS cannot make a thread: RuntimeError "can't start new thread".
 *  - acquiring a held lock: with blocking=False or a timeout, CPython's answer (False) at once, without
 *    waiting out the timeout; blocking with no timeout would wait forever in CPython (no other thread can
 *    release it), so refheap raises RuntimeError instead of hanging.
 *  - no _local (threading falls back to Lib's _threading_local).
 *  - _excepthook writes on the C stderr, as refheap's own tracebacks do (CPython: sys.stderr, or the
 *    thread's _stderr when sys.stderr is None).
 * Invariants: argument errors are PyArg_ParseTupleAndKeywords' ("|iO:acquire") and _PyTime's; a lock's
 * `locked` and an RLock's owner/count change only when the call succeeds.
 */
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "interp.h"
#include "refheap/exc.h"
#include "refheap/modtypes.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#include <stdio.h>

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }
static rh_thread_lock *LK(rh_object *o) { return (rh_thread_lock *)(void *)o; }
static rh_thread_rlock *RL(rh_object *o) { return (rh_thread_rlock *)(void *)o; }

/* PyThread_get_thread_ident: pthread_self() as an unsigned long */
static unsigned long thread_ident(void) { return (unsigned long)pthread_self(); }

/* the profile's version (0x030B: 3.11): the argument parsing and messages changed in 3.12 and 3.13 */
static uint32_t version(hx_interp *I) { return rh_runtime_profile(I->rt)->version_hex; }

/* METH_NOARGS's check (fn qualified as _PyObject_FunctionStr: "lock.locked", "_thread.get_ident"): 0, or -1
 * with TypeError */
static int no_args(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}
/* the qualified name of method `name` of self's type ("lock.release", "RLock.release") */
static const char *qual(rh_object *self, const char *name, char *buf, size_t n) {
    snprintf(buf, n, "%s.%s", rh_kind_of(self) == RH_K_THREAD_LOCK ? "lock" : "RLock", name);
    return buf;
}
#define NOARGS(self, name) no_args(I, qual(self, name, (char[64]){0}, 64), n, nkw)

/* ---------------------------------------------------------------- acquire's arguments */

#define NS_PER_SEC 1000000000LL
#define UNSET_TIMEOUT (-NS_PER_SEC) /* _PyTime_FromSeconds(-1) */

/* _PyTime_FromSecondsObject(obj, _PyTime_ROUND_TIMEOUT): float seconds rounded away from zero to ns, an
 * int (through __index__) times 10^9; OverflowError past the int64 range of nanoseconds */
static int time_from_object(hx_interp *I, rh_object *o, int64_t *ns) {
    if (rh_kind_of(o) == RH_K_FLOAT) {
        double d = rh_float_value(o);
        if (isnan(d)) { rh_err_set(I->rt, RH_EXC_VALUE, "Invalid value NaN (not a number)"); return -1; }
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) goto overflow;
        *ns = (int64_t)d;
        return 0;
    }
    int64_t secs;
    if (rh_index_value(I->rt, o, &secs)) {
        if (rh_err_occurred(I->rt) == RH_EXC_OVERFLOW) goto overflow;
        return -1;
    }
    if (secs > INT64_MAX / NS_PER_SEC || secs < INT64_MIN / NS_PER_SEC) goto overflow;
    *ns = secs * NS_PER_SEC;
    return 0;
overflow:
    /* 3.13 renamed the C type in the message (PyTime_t) */
    rh_err_set(I->rt, RH_EXC_OVERFLOW, "timestamp too large to convert to C %s", version(I) >= 0x030D ? "PyTime_t" : "_PyTime_t");
    return -1;
}

/* lock_acquire_parse_args: (blocking=True, timeout=-1) -> *timeout_ns (UNSET_TIMEOUT: wait forever; 0:
 * don't block); 0 or -1 with CPython's errors */
static int acquire_args(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, int64_t *timeout_ns) {
    static const char *const names[] = {"blocking", "timeout"};
    rh_object *v[2] = {NULL, NULL};
    if (n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "acquire() takes at most 2 arguments (%d given)", n + nkw); return -1; }
    for (int i = 0; i < n; i++) v[i] = a[i];
    for (int q = 0; q < nkw; q++) {
        int j = 0;
        while (j < 2 && strcmp(names[j], kwn[q])) j++;
        if (j == 2) {
            if (version(I) >= 0x030D) rh_err_set(I->rt, RH_EXC_TYPE, "acquire() got an unexpected keyword argument '%s'", kwn[q]);
            else rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for acquire()", kwn[q]);
            return -1;
        }
        if (v[j]) { rh_err_set(I->rt, RH_EXC_TYPE, "argument for acquire() given by name ('%s') and position (%d)", kwn[q], j + 1); return -1; }
        v[j] = kwv[q];
    }
    int64_t blocking = 1;
    if (v[0] && version(I) >= 0x030C) { /* 3.12+: the "p" converter (any truth value) */
        int t = rh_truthy(I->rt, v[0]);
        if (t < 0) return -1;
        blocking = t;
    } else if (v[0]) { /* 3.10, 3.11: the "i" converter */
        if (rh_kind_of(v[0]) == RH_K_FLOAT) { rh_err_set(I->rt, RH_EXC_TYPE, "'float' object cannot be interpreted as an integer"); return -1; }
        if (rh_index_value(I->rt, v[0], &blocking)) {
            if (rh_err_occurred(I->rt) == RH_EXC_OVERFLOW) rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C long");
            return -1;
        }
        if (blocking > 2147483647LL || blocking < -2147483648LL) {
            rh_err_set(I->rt, RH_EXC_OVERFLOW, blocking > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
            return -1;
        }
    }
    *timeout_ns = UNSET_TIMEOUT;
    if (v[1] && time_from_object(I, v[1], timeout_ns)) return -1;
    if (!blocking && *timeout_ns != UNSET_TIMEOUT) {
        rh_err_set(I->rt, RH_EXC_VALUE, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout_ns < 0 && *timeout_ns != UNSET_TIMEOUT) {
        rh_err_set(I->rt, RH_EXC_VALUE, version(I) >= 0x030D ? "timeout value must be a non-negative number" : "timeout value must be positive");
        return -1;
    }
    if (!blocking) *timeout_ns = 0;
    else if (*timeout_ns != UNSET_TIMEOUT) {
        int64_t us = *timeout_ns / 1000 + (*timeout_ns % 1000 != 0); /* _PyTime_AsMicroseconds, ROUND_TIMEOUT */
        if (us > INT64_MAX / 1000) { rh_err_set(I->rt, RH_EXC_OVERFLOW, "timeout value is too large"); return -1; } /* PY_TIMEOUT_MAX */
    }
    return 0;
}

/* acquire_timed on a lock this (only) thread holds: CPython gives up after the timeout (False); with no
 * timeout it would block forever, which refheap reports instead (docs/conformance.md) */
static rh_object *held_lock(hx_interp *I, int64_t timeout_ns) {
    if (timeout_ns == UNSET_TIMEOUT) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "refheap: blocking acquire() of a held lock would wait forever (refheap runs one thread)");
        return NULL;
    }
    return rh_bool(I->rt, 0);
}

/* ---------------------------------------------------------------- _thread.lock */

/* lock_PyThread_acquire_lock: True (now locked), False (was locked; not blocking or timed out) */
FN(lock_acquire) {
    int64_t timeout;
    if (acquire_args(I, a, n, kwn, kwv, nkw, &timeout)) return NULL;
    if (LK(self)->locked) return held_lock(I, timeout);
    LK(self)->locked = 1;
    return rh_bool(I->rt, 1);
}
/* lock_PyThread_release_lock (also __exit__, METH_VARARGS: any positional arguments) */
static rh_object *lock_release_impl(hx_interp *I, rh_object *self) {
    if (!LK(self)->locked) { rh_err_set(I->rt, RH_EXC_RUNTIME, "release unlocked lock"); return NULL; }
    LK(self)->locked = 0;
    return none(I);
}
FN(lock_release) { (void)kwn; (void)kwv; return NOARGS(self, "release") ? NULL : lock_release_impl(I, self); }
FN(lock_release_lock) { (void)kwn; (void)kwv; return NOARGS(self, "release_lock") ? NULL : lock_release_impl(I, self); }
FN(lock_exit) {
    (void)a; (void)n; (void)kwn; (void)kwv;
    if (nkw) { /* 3.12+: qualified as _PyObject_FunctionStr */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s__exit__() takes no keyword arguments", version(I) >= 0x030C ? qual(self, "", (char[64]){0}, 64) : "");
        return NULL;
    }
    return lock_release_impl(I, self);
}
FN(lock_locked) { (void)a; (void)kwn; (void)kwv; return NOARGS(self, "locked") ? NULL : rh_bool(I->rt, LK(self)->locked); }
FN(lock_locked_lock) { (void)a; (void)kwn; (void)kwv; return NOARGS(self, "locked_lock") ? NULL : rh_bool(I->rt, LK(self)->locked); }
/* lock__at_fork_reinit: a fresh, unlocked lock */
FN(lock_at_fork_reinit) {
    (void)a; (void)kwn; (void)kwv;
    if (NOARGS(self, "_at_fork_reinit")) return NULL;
    LK(self)->locked = 0;
    return none(I);
}

/* ---------------------------------------------------------------- _thread.RLock */

/* rlock_acquire: the owner re-entering counts up; otherwise as a lock */
FN(rlock_acquire) {
    int64_t timeout;
    if (acquire_args(I, a, n, kwn, kwv, nkw, &timeout)) return NULL;
    rh_thread_rlock *r = RL(self);
    unsigned long tid = thread_ident();
    if (r->count > 0 && r->owner == tid) {
        if (r->count + 1 <= r->count) { rh_err_set(I->rt, RH_EXC_OVERFLOW, "Internal lock count overflowed"); return NULL; }
        r->count++;
        return rh_bool(I->rt, 1);
    }
    if (r->count > 0) return held_lock(I, timeout); /* held by another thread: cannot happen with one thread */
    r->owner = tid;
    r->count = 1;
    return rh_bool(I->rt, 1);
}
static rh_object *rlock_release_impl(hx_interp *I, rh_object *self) {
    rh_thread_rlock *r = RL(self);
    if (r->count == 0 || r->owner != thread_ident()) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "cannot release un-acquired lock");
        return NULL;
    }
    if (--r->count == 0) r->owner = 0;
    return none(I);
}
FN(rlock_release) { (void)a; (void)kwn; (void)kwv; return NOARGS(self, "release") ? NULL : rlock_release_impl(I, self); }
FN(rlock_exit) {
    (void)a; (void)n; (void)kwn; (void)kwv;
    if (nkw) { /* 3.12+: qualified as _PyObject_FunctionStr */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s__exit__() takes no keyword arguments", version(I) >= 0x030C ? qual(self, "", (char[64]){0}, 64) : "");
        return NULL;
    }
    return rlock_release_impl(I, self);
}
/* rlock_is_owned */
FN(rlock_is_owned) {
    (void)a; (void)kwn; (void)kwv;
    if (NOARGS(self, "_is_owned")) return NULL;
    return rh_bool(I->rt, RL(self)->count > 0 && RL(self)->owner == thread_ident());
}
/* rlock_release_save: (count, owner), the lock released whoever owned it */
FN(rlock_release_save) {
    (void)a; (void)kwn; (void)kwv;
    if (NOARGS(self, "_release_save")) return NULL;
    rh_thread_rlock *r = RL(self);
    if (r->count == 0) { rh_err_set(I->rt, RH_EXC_RUNTIME, "cannot release un-acquired lock"); return NULL; }
    rh_object *c = rh_int_from_i64(I->rt, (int64_t)r->count), *o = c ? rh_int_from_i64(I->rt, (int64_t)r->owner) : NULL;
    rh_object *t = o ? rh_tuple_pack(I->rt, 2, c, o) : NULL;
    rh_xdecref(I->rt, c);
    rh_xdecref(I->rt, o);
    if (t) { r->count = 0; r->owner = 0; }
    return t;
}
/* rlock_acquire_restore((count, owner)): "(kk)"; the lock is free (one thread: nobody else holds it) */
FN(rlock_acquire_restore) {
    (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_acquire_restore() takes no keyword arguments"); return NULL; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "_acquire_restore() takes exactly 1 argument (%d given)", n); return NULL; }
    int64_t v[2];
    int64_t len = rh_kind_of(a[0]) == RH_K_TUPLE || rh_kind_of(a[0]) == RH_K_LIST ? rh_len(I->rt, a[0]) : -1;
    if (len != 2) {
        if (len < 0) rh_err_set(I->rt, RH_EXC_TYPE, "_acquire_restore() argument 1 must be 2-item sequence, not %s", hx_tname(a[0]));
        else rh_err_set(I->rt, RH_EXC_TYPE, "_acquire_restore() argument 1 must be sequence of length 2, not %lld", (long long)len);
        return NULL;
    }
    for (int i = 0; i < 2; i++) { /* the "k" converter: an int, masked to unsigned long */
        rh_object *k = rh_int_from_i64(I->rt, i), *item = k ? hx_subscr(I, a[0], k) : NULL;
        rh_xdecref(I->rt, k);
        if (!item) return NULL;
        int bad = rh_kind_of(item) != RH_K_INT && rh_kind_of(item) != RH_K_BOOL;
        if (bad) rh_err_set(I->rt, RH_EXC_TYPE, "_acquire_restore() argument 1, item %d must be int, not %s", i, hx_tname(item));
        int rc = bad ? -1 : rh_index_value(I->rt, item, &v[i]);
        rh_decref(I->rt, item);
        if (rc) return NULL;
    }
    if (RL(self)->count > 0) return held_lock(I, UNSET_TIMEOUT);
    RL(self)->count = (unsigned long)v[0];
    RL(self)->owner = (unsigned long)v[1];
    return none(I);
}
FN(rlock_at_fork_reinit) {
    (void)a; (void)kwn; (void)kwv;
    if (NOARGS(self, "_at_fork_reinit")) return NULL;
    RL(self)->count = 0;
    RL(self)->owner = 0;
    return none(I);
}

#define M(py, fn) {py, (void (*)(void))fn, 0}
#define MV(py, fn) {py, (void (*)(void))fn, HX_METH_VARARGS}
/* lock_methods and rlock_methods, CPython's order */
static const rh_builtin_def lock_methods[] = {
    MV("acquire_lock", lock_acquire), MV("acquire", lock_acquire), M("release_lock", lock_release_lock),
    M("release", lock_release), M("locked_lock", lock_locked_lock), M("locked", lock_locked),
    MV("__enter__", lock_acquire), MV("__exit__", lock_exit), M("_at_fork_reinit", lock_at_fork_reinit), {NULL, NULL, 0}};
static const rh_builtin_def rlock_methods[] = {
    MV("acquire", rlock_acquire), M("release", rlock_release), M("_is_owned", rlock_is_owned),
    MV("_acquire_restore", rlock_acquire_restore), M("_release_save", rlock_release_save),
    MV("__enter__", rlock_acquire), MV("__exit__", rlock_exit), M("_at_fork_reinit", rlock_at_fork_reinit), {NULL, NULL, 0}};

int hx_thread_method_tables(rh_kind kind, hx_mtab out[2]) {
    out[0] = (hx_mtab){NULL, kind == RH_K_THREAD_LOCK ? lock_methods : rlock_methods};
    return 1;
}

/* _thread.RLock(*args, **kwargs): rlock_new ignores its arguments (object_init lets them pass, tp_new
 * being overridden); _thread.LockType(): Py_TPFLAGS_DISALLOW_INSTANTIATION up to 3.12, a new lock in 3.13 */
FN(rlock_new) { (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw; return rh_thread_rlock_new(I->rt); }
FN(lock_new) {
    (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw;
    if (version(I) >= 0x030D) { /* 3.13: lock_new_impl, no arguments */
        if (n || nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "lock() takes no arguments"); return NULL; }
        return rh_thread_lock_new(I->rt);
    }
    rh_err_set(I->rt, RH_EXC_TYPE, "cannot create '_thread.lock' instances");
    return NULL;
}
static const rh_builtin_def rlock_ctor = MV("RLock", rlock_new);
static const rh_builtin_def lock_ctor = MV("lock", lock_new);
const rh_builtin_def *hx_thread_constructor(rh_object *type) {
    rh_kind k = ((rh_type *)type)->kind;
    return k == RH_K_THREAD_RLOCK ? &rlock_ctor : k == RH_K_THREAD_LOCK ? &lock_ctor : NULL;
}

/* ---------------------------------------------------------------- module functions */

/* thread_PyThread_allocate_lock (also allocate, _set_sentinel's lock) */
FN(t_allocate_lock) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread.allocate_lock", n, nkw)) return NULL;
    return rh_thread_lock_new(I->rt);
}
FN(t_allocate) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread.allocate", n, nkw)) return NULL;
    return rh_thread_lock_new(I->rt);
}
FN(t_set_sentinel) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread._set_sentinel", n, nkw)) return NULL;
    return rh_thread_lock_new(I->rt);
}
FN(t_get_ident) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread.get_ident", n, nkw)) return NULL;
    return rh_int_from_i64(I->rt, (int64_t)thread_ident());
}
/* thread_get_native_id: the kernel's thread id (gettid; the process id for the main thread) */
FN(t_get_native_id) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread.get_native_id", n, nkw)) return NULL;
    return rh_int_from_i64(I->rt, (int64_t)syscall(SYS_gettid));
}
/* thread__count: threads started by _thread that are still running: none ever are */
FN(t_count) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread._count", n, nkw)) return NULL;
    return rh_int_from_i64(I->rt, 0);
}

/* thread_stack_size([size]): the old size; 0 or >= 32 KiB (THREAD_STACK_MIN) accepted. One value per
 * process here (CPython: per interpreter), only remembered since no thread is ever started. */
static int64_t stack_size_setting;
FN(t_stack_size) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "stack_size() takes no keyword arguments"); return NULL; }
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "stack_size expected at most 1 argument, got %d", n); return NULL; }
    int64_t old = stack_size_setting, size = 0;
    if (n && rh_index_value(I->rt, a[0], &size)) return NULL;
    if (size < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "size must be 0 or a positive value"); return NULL; }
    if (size != 0 && size < 0x8000) { rh_err_set(I->rt, RH_EXC_VALUE, "size not valid: %lld bytes", (long long)size); return NULL; }
    stack_size_setting = size;
    return rh_int_from_i64(I->rt, old);
}

/* thread_PyThread_start_new_thread(function, args[, kwargs]): the argument checks, then what CPython
 * raises when PyThread_start_new_thread fails (refheap runs one thread) */
static rh_object *start_new(hx_interp *I, const char *fn, rh_object **a, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return NULL; }
    if (n < 2 || n > 3) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 2 ? "%s expected at least 2 arguments, got %d" : "%s expected at most 3 arguments, got %d", fn, n);
        return NULL;
    }
    if (!(rh_kind_of(a[0]) == RH_K_WEAKREF || rh_type_of(a[0])->tp_call != NULL)) /* PyCallable_Check */ { rh_err_set(I->rt, RH_EXC_TYPE, "first arg must be callable"); return NULL; }
    if (rh_kind_of(a[1]) != RH_K_TUPLE) { rh_err_set(I->rt, RH_EXC_TYPE, "2nd arg must be a tuple"); return NULL; }
    if (n == 3 && rh_kind_of(a[2]) != RH_K_DICT) { rh_err_set(I->rt, RH_EXC_TYPE, "optional 3rd arg must be a dictionary"); return NULL; }
    rh_err_set(I->rt, RH_EXC_RUNTIME, "can't start new thread");
    return NULL;
}
FN(t_start_new_thread) { (void)self; (void)kwn; (void)kwv; return start_new(I, "start_new_thread", a, n, nkw); }
FN(t_start_new) { (void)self; (void)kwn; (void)kwv; return start_new(I, "start_new", a, n, nkw); }
/* thread_PyThread_exit_thread: raise SystemExit */
FN(t_exit) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (no_args(I, "_thread.exit", n, nkw)) return NULL;
    rh_object *e = rh_exc_new(I->rt, (rh_object *)rh_exc_type(I->rt, RH_EXC_SYSTEMEXIT), NULL, 0);
    if (e) rh_err_set_object(I->rt, e);
    return NULL;
}

/* thread_excepthook(args, /): args an _ExceptHookArgs; SystemExit (the type itself) is silent; otherwise
 * "Exception in thread <str(thread.name)>:" (the thread ident when thread is None or has no name), then the
 * exception as _PyErr_Display shows it (thread_excepthook_file) */
FN(t_excepthook) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_thread._excepthook() takes no keyword arguments"); return NULL; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "_thread._excepthook() takes exactly one argument (%d given)", n); return NULL; }
    if (rh_type_of(a[0]) != rh_structseq_type(I->rt, RH_SS_EXCEPTHOOK_ARGS)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "_thread.excepthook argument type must be ExceptHookArgs");
        return NULL;
    }
    rh_object *f[4]; /* exc_type, exc_value, exc_traceback, thread */
    for (size_t i = 0; i < 4; i++) f[i] = rh_tuple_get(a[0], i);
    if (f[0] == (rh_object *)rh_exc_type(I->rt, RH_EXC_SYSTEMEXIT)) return none(I);
    rh_object *name = NULL, *str = NULL;
    if (f[3] != rh_none(I->rt)) {
        rh_object *key = rh_str_from_cstr(I->rt, "name");
        name = key ? hx_getattr_obj(I, f[3], key) : NULL;
        rh_xdecref(I->rt, key);
        if (!name && rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(I->rt);
    }
    if (name) {
        str = hx_obj_str(I, name);
        rh_decref(I->rt, name);
        if (!str) return NULL;
    }
    fflush(stdout);
    if (str) fprintf(stderr, "Exception in thread %s:\n", rh_str_utf8(I->rt, str, NULL));
    else fprintf(stderr, "Exception in thread %lu:\n", thread_ident());
    rh_xdecref(I->rt, str);
    if (rh_is_exc_instance(f[1])) hx_print_exception(I, f[1], f[2] == rh_none(I->rt) ? NULL : f[2]);
    else { /* _PyErr_Display of a value that is no exception instance */
        rh_object *r = hx_obj_str(I, f[1]);
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n", hx_tname(f[1]));
        rh_xdecref(I->rt, r);
        rh_err_clear(I->rt);
        fflush(stderr);
    }
    return none(I);
}

/* daemon_threads_allowed() (3.12+ thread_daemon_threads_allowed): the interpreter's Py_RTFLAGS_DAEMON_THREADS,
 * set for the main interpreter, so True; threading.py reads it at import */
FN(t_daemon_threads_allowed) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    return no_args(I, "_thread.daemon_threads_allowed", n, nkw) ? NULL : rh_bool(I->rt, 1);
}

#define D(py, fn) {py, (void (*)(void))fn, 0}
static const rh_builtin_def thread_defs[] = {
    D("daemon_threads_allowed", t_daemon_threads_allowed), /* removed again before 3.12 (hx_module__thread) */
    D("allocate_lock", t_allocate_lock), D("allocate", t_allocate), D("get_ident", t_get_ident),
    D("get_native_id", t_get_native_id), D("_count", t_count), D("stack_size", t_stack_size),
    D("start_new_thread", t_start_new_thread), D("start_new", t_start_new), D("exit", t_exit),
    D("exit_thread", t_exit), D("_set_sentinel", t_set_sentinel), D("_excepthook", t_excepthook), {NULL, NULL, 0}};
#undef D

/* _thread: a new module, or NULL */
rh_object *hx_module__thread(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (rh_runtime_profile(rt)->python2) {
        rh_err_set(rt, RH_EXC_IMPORT, "No module named _thread (refheap models 3.x's _thread only)");
        return NULL;
    }
    rh_object *m = hx_make_module(I, "_thread", thread_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m);
    rh_object *tmax = rh_float_new(rt, 9223372036.0); /* PY_TIMEOUT_MAX / 10^6, floored to a whole second */
    int rc = !tmax || rh_dict_set_cstr(rt, d, "TIMEOUT_MAX", tmax) ||
             rh_dict_set_cstr(rt, d, "LockType", (rh_object *)rh_builtin_type(rt, RH_K_THREAD_LOCK)) ||
             rh_dict_set_cstr(rt, d, "RLock", (rh_object *)rh_builtin_type(rt, RH_K_THREAD_RLOCK)) ||
             rh_dict_set_cstr(rt, d, "error", (rh_object *)rh_exc_type(rt, RH_EXC_RUNTIME)) ||
             rh_dict_set_cstr(rt, d, "_ExceptHookArgs", (rh_object *)rh_structseq_type(rt, RH_SS_EXCEPTHOOK_ARGS));
    rh_xdecref(rt, tmax);
    if (!rc && version(I) < 0x030C) { /* daemon_threads_allowed is new in 3.12 */
        rh_object *k = rh_str_from_cstr(rt, "daemon_threads_allowed");
        rc = !k || rh_dict_del(rt, d, k);
        rh_xdecref(rt, k);
    }
    if (rc) { rh_decref(rt, m); return NULL; }
    return m;
}
