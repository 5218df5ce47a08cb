/* import.c — modules written in Python: finding them, loading them before the program runs, executing each
 * at its first import.
 *
 * What CPython's import system does for a plain `.py` module (Lib/importlib/_bootstrap.py _find_and_load,
 * _load_unlocked; _bootstrap_external.py PathFinder and SourceFileLoader), reduced to what a program needs:
 *  - the search path is sys.path's user part: the directory of the main program, then each PYTHONPATH
 *    entry; a built-in (native) module of the same name wins, as sys.builtin_module_names are found first;
 *  - every module a program can import is found, read and parsed before anything runs (hx_imports_load
 *    walks the import statements of the program and of each module it finds), so a missing module or a
 *    syntax error in one is a `file:line:col: message` and exit 2, never a failure half-way through;
 *  - the first `import name` makes the module object, enters it in sys.modules *before* executing its body
 *    (so an import cycle sees the partly initialised module, as in CPython), runs the body with the module's
 *    dict as globals, and takes it out of sys.modules again if the body fails (_load_unlocked);
 *  - at exit, modules go as finalize_modules has it: removed from sys.modules, a collection, then the
 *    dicts of those still alive wiped (_PyModule_ClearDict) in reverse order of import.
 * Invariants: a hx_modfile owns its path, source and syntax tree; its module object is owned by
 * I->sys_modules (the entry) — mf->module is a borrowed pointer, valid while that entry is the module.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interp.h"

char *hx_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) abort();
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        cap *= 2;
        buf = realloc(buf, cap + 1);
        if (!buf) abort();
    }
    int err = ferror(f);
    fclose(f);
    if (err) { free(buf); return NULL; }
    buf[n] = 0;
    *len = n;
    return buf;
}

static char *dupstr(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) abort();
    memcpy(d, s, n);
    return d;
}

/* ---------------------------------------------------------------- the search path */

/* The directory part of path ("." when it has none). New string. */
static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return dupstr(".");
    size_t n = (size_t)(slash - path);
    char *d = malloc(n + 2);
    if (!d) abort();
    memcpy(d, path, n ? n : 1);
    d[n ? n : 1] = 0;
    return d;
}

void hx_imports_init(hx_imports *R, const char *main_file) {
    memset(R, 0, sizeof *R);
    R->tail = &R->files;
    R->dirs[R->ndirs++] = dir_of(main_file);
    const char *pp = getenv("PYTHONPATH");
    while (pp && *pp && R->ndirs < HX_IMPORT_DIRS_MAX) {
        const char *end = strchr(pp, ':');
        size_t n = end ? (size_t)(end - pp) : strlen(pp);
        if (n) {
            char *d = malloc(n + 1);
            if (!d) abort();
            memcpy(d, pp, n);
            d[n] = 0;
            R->dirs[R->ndirs++] = d;
        }
        pp = end ? end + 1 : NULL;
    }
}

/* The first <dir>/<name>.py on the path that can be read, or NULL. New string. */
static char *find_source(const hx_imports *R, const char *name) {
    for (int i = 0; i < R->ndirs; i++) {
        size_t n = strlen(R->dirs[i]) + strlen(name) + 5;
        char *p = malloc(n);
        if (!p) abort();
        snprintf(p, n, "%s/%s.py", R->dirs[i], name);
        if (access(p, R_OK) == 0) return p;
        free(p);
    }
    return NULL;
}

hx_modfile *hx_imports_find(const hx_imports *R, const char *name) {
    for (hx_modfile *m = R->files; m; m = m->next)
        if (!strcmp(m->name, name)) return m;
    return NULL;
}

/* ---------------------------------------------------------------- loading before the run */

static int load_tree(hx_imports *R, hx_code *unit, hx_cerr *err, const char **errfile);
static int load_node(hx_imports *R, const hx_node *n, hx_cerr *err, const char **errfile);

/* One imported name: native, already loaded, or found, read, parsed and its own imports loaded. */
static int load_name(hx_imports *R, const hx_node *at, const char *name, hx_cerr *err, const char **errfile) {
    if (hx_native_module_exists(name) || hx_imports_find(R, name)) return 0;
    char *path = find_source(R, name);
    if (!path) {
        char natives[128];
        hx_native_module_names(natives, sizeof natives);
        hx_cerr_set(err, at->line, at->col,
                    "ModuleNotFoundError: No module named '%s' (refheap has the native modules %s and finds "
                    "module.py files in the program's directory and PYTHONPATH)", name, natives);
        return -1;
    }
    hx_modfile *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->name = dupstr(name);
    m->path = path;
    m->abspath = realpath(path, NULL);
    *R->tail = m;
    R->tail = &m->next;
    if (!(m->src = hx_read_file(path, &m->len))) {
        hx_cerr_set(err, 1, 1, "cannot read the module: %s", strerror(errno));
        *errfile = m->path;
        return -1;
    }
    int ntok = 0;
    hx_tok *toks = hx_lex(m->src, m->len, &ntok, err);
    m->code = toks ? hx_parse(toks, ntok, err) : NULL;
    hx_toks_free(toks, ntok);
    if (!m->code) { *errfile = m->path; return -1; }
    return load_tree(R, m->code, err, errfile);
}

/* The statements among v (an import is a statement, so expressions need no visit). */
static int load_nodes(hx_imports *R, hx_node *const *v, int n, hx_cerr *err, const char **errfile) {
    for (int i = 0; v && i < n; i++) /* (S_GLOBAL counts its names in n2 with no items2) */
        if (v[i] && v[i]->kind < E_NAME && load_node(R, v[i], err, errfile)) return -1;
    return 0;
}

/* Every import statement anywhere in the tree: nested blocks, handlers, function and class bodies. */
static int load_node(hx_imports *R, const hx_node *n, hx_cerr *err, const char **errfile) {
    if (n->kind == S_IMPORT) {
        if (n->sval) return load_name(R, n, n->sval, err, errfile);   /* from M import ... */
        for (int i = 0; i < n->n; i++)
            if (load_name(R, n->items[i], n->items[i]->sval, err, errfile)) return -1;
        return 0;
    }
    hx_node *const kids[] = {n->a, n->b, n->c};
    if (load_nodes(R, kids, 3, err, errfile) || load_nodes(R, n->items, n->n, err, errfile) ||
        load_nodes(R, n->items2, n->n2, err, errfile))
        return -1;
    return (n->kind == S_DEF || n->kind == S_CLASS) && n->code ? load_tree(R, n->code, err, errfile) : 0;
}

static int load_tree(hx_imports *R, hx_code *unit, hx_cerr *err, const char **errfile) {
    return load_nodes(R, unit->body, unit->nbody, err, errfile);
}

int hx_imports_load(hx_imports *R, hx_code *main_module, hx_cerr *err, const char **errfile) {
    *errfile = NULL;
    return load_tree(R, main_module, err, errfile);
}

int hx_imports_compile(hx_interp *I, hx_cerr *err, const char **errfile) {
    for (hx_modfile *m = I->imports->files; m; m = m->next) {
        if (hx_prepare(I, m->code, err) != 0 || hx_compile(I, m->code, err) != 0) {
            *errfile = m->path;
            return -1;
        }
    }
    return 0;
}

void hx_imports_free(hx_imports *R) {
    for (hx_modfile *m = R->files, *next; m; m = next) {
        next = m->next;
        if (m->code) hx_code_free(m->code);
        free(m->src);
        free(m->path);
        free(m->abspath);
        free(m->name);
        free(m);
    }
    for (int i = 0; i < R->ndirs; i++) free(R->dirs[i]);
    memset(R, 0, sizeof *R);
}

/* ---------------------------------------------------------------- executing at first import */

/* module_init_dict and _init_module_attrs: the names a source module's dict starts with. */
static int init_module_dict(hx_interp *I, rh_object *d, const hx_modfile *mf) {
    rh_runtime *rt = I->rt;
    int py2 = rh_runtime_profile(rt)->python2;
    static const char *const names3[] = {"__doc__", "__package__", "__loader__", "__spec__", "__file__",
                                         "__cached__", "__builtins__", NULL};
    static const char *const names2[] = {"__doc__", "__package__", "__file__", "__builtins__", NULL};
    int rc = 0;
    for (const char *const *n = py2 ? names2 : names3; *n && rc == 0; n++) {
        rh_object *v;
        if (!strcmp(*n, "__file__")) v = rh_str_from_utf8(rt, mf->path, strlen(mf->path));
        else if (!strcmp(*n, "__package__")) v = rh_str_from_utf8(rt, "", 0);
        else if (!strcmp(*n, "__builtins__")) { v = I->builtins; rh_incref(v); }
        else { v = rh_none(rt); rh_incref(v); }
        rc = v ? rh_dict_set_cstr(rt, d, *n, v) : -1;
        rh_xdecref(rt, v);
    }
    return rc;
}

static int sys_modules_ready(hx_interp *I) {
    if (!I->sys_modules && !(I->sys_modules = rh_dict_new(I->rt))) return -1;
    return 0;
}

rh_object *hx_import_file(hx_interp *I, const char *name) {
    rh_runtime *rt = I->rt;
    hx_modfile *mf = I->imports ? hx_imports_find(I->imports, name) : NULL;
    if (!mf) {
        rh_err_set(rt, RH_EXC_MODULENOTFOUND, "No module named '%s'", name);
        return NULL;
    }
    if (sys_modules_ready(I) != 0) return NULL;
    rh_object *key = rh_str_from_utf8(rt, name, strlen(name));
    if (!key) return NULL;
    rh_object *m = rh_dict_get(rt, I->sys_modules, key);
    if (m) {
        rh_decref(rt, key);
        rh_incref(m);
        return m;
    }
    if (rh_err_occurred(rt)) { rh_decref(rt, key); return NULL; }
    m = rh_module_new(rt, key);
    if (!m || init_module_dict(I, rh_module_dict(m), mf) != 0 || rh_dict_set(rt, I->sys_modules, key, m) != 0) {
        rh_xdecref(rt, m);
        rh_decref(rt, key);
        return NULL;
    }
    mf->module = m;
    mf->last_dict = rh_module_dict(m);
    if (!mf->imported) {
        mf->imported = 1;
        mf->order = ++I->imports->nimported;
    }
    if (hx_run_module(I, mf->code, rh_module_dict(m)) != 0) {
        rh_err_state saved;
        rh_err_save(rt, &saved);
        if (rh_dict_del(rt, I->sys_modules, key) != 0) rh_err_clear(rt);
        rh_err_restore_state(rt, &saved);
        mf->module = NULL;
        rh_decref(rt, m);
        rh_decref(rt, key);
        return NULL;
    }
    rh_decref(rt, key);
    return m;
}

/* IMPORT_FROM (import_from in Python/ceval.c): the attribute, else ImportError naming module and file. */
rh_object *hx_import_from(hx_interp *I, rh_object *module, const char *attr) {
    rh_runtime *rt = I->rt;
    rh_object *name = rh_str_intern_utf8(rt, attr, strlen(attr));
    if (!name) return NULL;
    rh_object *v = hx_getattr_obj(I, module, name);
    rh_decref(rt, name);
    if (v || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return v;
    rh_err_clear(rt);
    const char *mname = "?", *where = "unknown location";
    if (rh_kind_of(module) == RH_K_MODULE) {
        mname = hx_cstr(I, rh_module_name(module));
        for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
            if (m->module == module) where = m->abspath ? m->abspath : m->path;
    }
    rh_err_set(rt, RH_EXC_IMPORT, "cannot import name '%s' from '%s' (%s)", attr, mname, where);
    return NULL;
}

/* The file a frame's code came from, found by its globals: a module's dict, else the program's. */
const hx_modfile *hx_imports_file_of_globals(hx_interp *I, rh_object *globals) {
    for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
        if (m->module && rh_module_dict(m->module) == globals) return m;
    /* a dict no live module owns: the frames of an import that failed (main's dict outlives every import) */
    for (hx_modfile *m = I->imports ? I->imports->files : NULL; m; m = m->next)
        if (!m->module && m->last_dict == globals) return m;
    return NULL;
}

/* finalize_remove_modules for the imported modules, after __main__ left: each leaves sys.modules in import
 * order (the dict's entries are dropped in insertion order). Returns the list of weak references to them
 * that finalize_modules keeps (new reference; NULL when there were none or on failure). */
rh_object *hx_imports_remove(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (!I->imports || !I->sys_modules) return NULL;
    rh_object *weaklist = rh_list_new(rt, 0);
    size_t pos = 0;
    rh_object *k, *v;
    while (weaklist && rh_dict_next(I->sys_modules, &pos, &k, &v)) {
        rh_object *wr = rh_weakref_new(rt, v, NULL);
        if (!wr || rh_list_append(rt, weaklist, wr) != 0) rh_err_clear(rt);
        rh_xdecref(rt, wr);
    }
    if (!weaklist) rh_err_clear(rt);
    rh_object *mods = I->sys_modules;
    I->sys_modules = NULL;
    for (hx_modfile *m = I->imports->files; m; m = m->next) m->module = NULL;
    rh_decref(rt, mods);
    return weaklist;
}

/* finalize_modules_clear_weaklist: after the collection, the dicts of the modules something still holds
 * are wiped, newest first (_PyModule_ClearDict). Consumes weaklist (may be NULL). */
void hx_imports_wipe(hx_interp *I, rh_object *weaklist) {
    rh_runtime *rt = I->rt;
    if (!weaklist) return;
    for (size_t i = rh_list_len(weaklist); i-- > 0;) {
        rh_object *mod = rh_weakref_get(rh_list_get(weaklist, i));
        if (mod == rh_none(rt) || rh_kind_of(mod) != RH_K_MODULE) continue;
        rh_incref(mod);
        hx_module_clear_dict(I, rh_module_dict(mod));
        rh_decref(rt, mod);
    }
    rh_decref(rt, weaklist);
}
