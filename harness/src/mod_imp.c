/* mod_imp.c — the native modules importlib stands on (3.x): `_imp` (Python/import.c's _imp functions),
 * `_warnings` and `marshal`, so that Lib's importlib package runs its own bootstrap
 * (importlib/__init__.py: `_bootstrap._setup(sys, _imp)` when there is no `_frozen_importlib`) and the
 * modules that import it (inspect, dataclasses, pkgutil...) import.
 *
 * refheap's imports do not go through importlib (import.c finds and runs modules itself), so these are what
 * importlib asks of the interpreter when a program uses it:
 * - `_imp`: the native modules are the built-in ones (is_builtin, create_builtin returns the module refheap
 *   made, exec_builtin has nothing left to do); nothing is frozen (3.11's frozen stdlib modules are read
 *   from Lib as any other); C extensions cannot be loaded (create_dynamic raises ImportError naming the
 *   module); the import lock is a count (refheap runs one thread).
 * - `_warnings`: warn and warn_explicit hand over to Lib's warnings module. It has no `filters`, so
 *   warnings.py keeps its pure-Python filters (its `from _warnings import ...` fails and falls back), and
 *   there is one set of filters, as in CPython.
 * - `marshal`: the format version only; dumps/loads raise refheap.Unsupported (refheap never reads .pyc).
 * The differences are in docs/conformance.md.
 */
#include <stdio.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

/* n positional arguments and no keywords, with Argument Clinic's messages */
static int exact_args(hx_interp *I, const char *fn, int n, int want, int nkw) {
    if (nkw) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn);
    else if (n != want && want == 0) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n);
    else if (n != want && want == 1) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
    else if (n != want) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d arguments, got %d", fn, want, n);
    return nkw || n != want ? -1 : 0;
}

/* The str argument a[0] as UTF-8 (borrowed), or NULL with TypeError */
static const char *str_arg(hx_interp *I, const char *fn, rh_object *o) {
    if (rh_kind_of(o) == RH_K_STR) return rh_str_utf8(I->rt, o, NULL);
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument must be str, not %s", fn, hx_tname(o));
    return NULL;
}

/* spec.name as UTF-8 into buf, or -1 with the error */
static int spec_name(hx_interp *I, rh_object *spec, char *buf, size_t cap) {
    rh_object *nm = hx_name(I, "name"), *v = nm ? hx_getattr_obj(I, spec, nm) : NULL;
    if (!v) return -1;
    int ok = rh_kind_of(v) == RH_K_STR;
    if (ok) snprintf(buf, cap, "%s", rh_str_utf8(I->rt, v, NULL));
    else rh_err_set(I->rt, RH_EXC_TYPE, "spec.name must be a str, not %s", hx_tname(v));
    rh_decref(I->rt, v);
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- _imp */

/* _imp.is_builtin(name): 1 for a native module, -1 for sys and builtins (they cannot be initialized again),
 * 0 otherwise (_imp_is_builtin_impl) */
FN(imp_is_builtin) {
    UNUSED_ARGS;
    if (exact_args(I, "is_builtin", n, 1, nkw)) return NULL;
    const char *s = str_arg(I, "is_builtin", a[0]);
    if (!s) return NULL;
    int v = !hx_native_module_is_builtin(s) ? 0 : !strcmp(s, "sys") || !strcmp(s, "builtins") ? -1 : 1;
    return rh_int_from_i64(I->rt, v);
}

/* _imp.create_builtin(spec): the native module of that name, made at its first import as refheap's own
 * imports make it; ImportError for any other name (create_builtin: "no built-in module named") */
FN(imp_create_builtin) {
    UNUSED_ARGS;
    if (exact_args(I, "create_builtin", n, 1, nkw)) return NULL;
    char name[256];
    if (spec_name(I, a[0], name, sizeof name)) return NULL;
    if (!hx_native_module_is_builtin(name)) {
        rh_err_set(I->rt, RH_EXC_IMPORT, "no built-in module named %s", name);
        return NULL;
    }
    return hx_import_module(I, name);
}

/* _imp.exec_builtin(mod) / exec_dynamic(mod): a native module is complete when made: 0 */
FN(imp_exec_builtin) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "exec_builtin", n, 1, nkw)) return NULL;
    return rh_int_from_i64(I->rt, 0);
}

/* _imp.create_dynamic(spec, file=None): C extension modules cannot be loaded (refheap runs no C code) */
FN(imp_create_dynamic) {
    UNUSED_ARGS;
    if (nkw || n < 1 || n > 2) return exact_args(I, "create_dynamic", n, 1, nkw), NULL;
    char name[256];
    if (spec_name(I, a[0], name, sizeof name)) return NULL;
    rh_err_set(I->rt, RH_EXC_IMPORT, "refheap cannot load the C extension module %s", name);
    return NULL;
}

/* _imp.is_frozen(name) / is_frozen_package(name): nothing is frozen */
FN(imp_is_frozen) {
    UNUSED_ARGS;
    if (exact_args(I, "is_frozen", n, 1, nkw) || !str_arg(I, "is_frozen", a[0])) return NULL;
    return newref(rh_false(I->rt));
}

/* _imp.find_frozen(name, *, withdata=False) (3.11+): None, not frozen */
FN(imp_find_frozen) {
    UNUSED_ARGS;
    if (n != 1 || nkw > 1 || (nkw && strcmp(kwn[0], "withdata"))) return exact_args(I, "find_frozen", n, 1, nkw), NULL;
    if (!str_arg(I, "find_frozen", a[0])) return NULL;
    return none(I);
}

/* _imp.get_frozen_object / init_frozen: ImportError, as for a name that is not frozen (3.11's message) */
FN(imp_get_frozen_object) {
    UNUSED_ARGS;
    if (n < 1 || nkw) return exact_args(I, "get_frozen_object", n, 1, nkw), NULL;
    const char *s = str_arg(I, "get_frozen_object", a[0]);
    if (s) rh_err_set(I->rt, RH_EXC_IMPORT, "No such frozen object named '%s'", s);
    return NULL;
}

/* _imp.extension_suffixes(): what this platform's CPython of the profile's version loads (Linux x86-64) */
FN(imp_extension_suffixes) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "extension_suffixes", n, 0, nkw)) return NULL;
    uint32_t h = rh_runtime_profile(I->rt)->hexversion;
    char first[64];
    snprintf(first, sizeof first, ".cpython-%u%u-x86_64-linux-gnu.so", (unsigned)(h >> 24), (unsigned)((h >> 16) & 0xFF));
    const char *v[3] = {first, ".abi3.so", ".so"};
    rh_object *l = rh_list_new(I->rt, 0);
    for (int i = 0; l && i < 3; i++) {
        rh_object *s = rh_str_from_cstr(I->rt, v[i]);
        if (!s || rh_list_append(I->rt, l, s)) rh_setref(I->rt, &l, NULL);
        rh_xdecref(I->rt, s);
    }
    return l;
}

/* The import lock: refheap runs one thread, so a count; releasing it unheld is CPython's RuntimeError */
FN(imp_acquire_lock) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "acquire_lock", n, 0, nkw)) return NULL;
    I->imp_lock_count++;
    return none(I);
}
FN(imp_release_lock) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "release_lock", n, 0, nkw)) return NULL;
    if (I->imp_lock_count == 0) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "not holding the import lock");
        return NULL;
    }
    I->imp_lock_count--;
    return none(I);
}
FN(imp_lock_held) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "lock_held", n, 0, nkw)) return NULL;
    return newref(I->imp_lock_count ? rh_true(I->rt) : rh_false(I->rt));
}

/* _imp._fix_co_filename(code, path): code objects are refheap's own and already name their file */
FN(imp_fix_co_filename) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "_fix_co_filename", n, 2, nkw)) return NULL;
    return none(I);
}

/* _imp._override_frozen_modules_for_tests(override) (3.11+): nothing is frozen either way */
FN(imp_override_frozen) {
    UNUSED_ARGS; (void)a;
    if (exact_args(I, "_override_frozen_modules_for_tests", n, 1, nkw)) return NULL;
    return none(I);
}

static const rh_builtin_def imp_defs[] = {
    {"is_builtin", (void (*)(void))imp_is_builtin, 0},
    {"create_builtin", (void (*)(void))imp_create_builtin, 0},
    {"exec_builtin", (void (*)(void))imp_exec_builtin, 0},
    {"create_dynamic", (void (*)(void))imp_create_dynamic, 0},
    {"exec_dynamic", (void (*)(void))imp_exec_builtin, 0},
    {"is_frozen", (void (*)(void))imp_is_frozen, 0},
    {"is_frozen_package", (void (*)(void))imp_is_frozen, 0},
    {"find_frozen", (void (*)(void))imp_find_frozen, 0},
    {"get_frozen_object", (void (*)(void))imp_get_frozen_object, 0},
    {"init_frozen", (void (*)(void))imp_get_frozen_object, 0},
    {"extension_suffixes", (void (*)(void))imp_extension_suffixes, 0},
    {"acquire_lock", (void (*)(void))imp_acquire_lock, 0},
    {"release_lock", (void (*)(void))imp_release_lock, 0},
    {"lock_held", (void (*)(void))imp_lock_held, 0},
    {"_fix_co_filename", (void (*)(void))imp_fix_co_filename, 0},
    {"_override_frozen_modules_for_tests", (void (*)(void))imp_override_frozen, 0},
    {NULL, NULL, 0}};

/* _imp, with check_hash_based_pycs as CPython's default ('default': --check-hash-based-pycs not given) */
rh_object *hx_module__imp(hx_interp *I) {
    rh_object *m = hx_make_module(I, "_imp", imp_defs);
    rh_object *v = m ? rh_str_from_cstr(I->rt, "default") : NULL;
    if (m && (!v || rh_dict_set_cstr(I->rt, rh_module_dict(m), "check_hash_based_pycs", v))) rh_setref(I->rt, &m, NULL);
    rh_xdecref(I->rt, v);
    return m;
}

/* ---------------------------------------------------------------- _warnings */

/* warn(...) / warn_explicit(...): Lib's warnings.<fn> called with the same arguments */
static rh_object *to_lib_warnings(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_object *w = hx_import_module(I, "warnings");
    if (!w) return NULL;
    rh_object *nm = hx_name(I, fn), *f = nm ? hx_getattr_obj(I, w, nm) : NULL;
    rh_decref(I->rt, w);
    if (!f) return NULL;
    for (int i = 0; i < n; i++) rh_incref(a[i]);
    for (int i = 0; i < nkw; i++) rh_incref(kwv[i]);
    rh_object *r = hx_call(I, f, a, n, kwn, kwv, nkw);
    rh_decref(I->rt, f);
    return r;
}
FN(warnings_warn) { (void)self; return to_lib_warnings(I, "warn", a, n, kwn, kwv, nkw); }
FN(warnings_warn_explicit) { (void)self; return to_lib_warnings(I, "warn_explicit", a, n, kwn, kwv, nkw); }

static const rh_builtin_def warnings_defs[] = {
    {"warn", (void (*)(void))warnings_warn, 0},
    {"warn_explicit", (void (*)(void))warnings_warn_explicit, 0},
    {NULL, NULL, 0}};

rh_object *hx_module__warnings(hx_interp *I) { return hx_make_module(I, "_warnings", warnings_defs); }

/* ---------------------------------------------------------------- marshal */

FN(marshal_unsupported) {
    UNUSED_ARGS; (void)a; (void)n; (void)nkw;
    rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "marshal: refheap does not read or write the marshal format");
    return NULL;
}

static const rh_builtin_def marshal_defs[] = {
    {"dumps", (void (*)(void))marshal_unsupported, 0}, {"loads", (void (*)(void))marshal_unsupported, 0},
    {"dump", (void (*)(void))marshal_unsupported, 0}, {"load", (void (*)(void))marshal_unsupported, 0},
    {NULL, NULL, 0}};

/* marshal: version is Py_MARSHAL_VERSION (4 since 3.4; 2 in 2.7) */
rh_object *hx_module_marshal(hx_interp *I) {
    rh_object *m = hx_make_module(I, "marshal", marshal_defs);
    rh_object *v = m ? rh_int_from_i64(I->rt, rh_runtime_profile(I->rt)->python2 ? 2 : 4) : NULL;
    if (m && (!v || rh_dict_set_cstr(I->rt, rh_module_dict(m), "version", v))) rh_setref(I->rt, &m, NULL);
    rh_xdecref(I->rt, v);
    return m;
}
