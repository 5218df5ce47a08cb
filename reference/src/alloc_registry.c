/* alloc_registry.c — finding allocators by name: the built-ins, user plug-ins loaded from a path, their
 * availability, destruction, and the stats JSON every report uses.
 *
 * Owns: struct plugin_ctx — the decorator around a plug-in's own table that keeps the dlopen handle, so
 * that destroying the allocator also unloads the plug-in (after the plug-in's destroy ran).
 * Invariants:
 *  - a table returned by rh_allocator_create passed the ABI checks: abi_version ==
 *    RH_ALLOCATOR_ABI_VERSION, struct_size >= sizeof(rh_allocator), a name, and all four of malloc,
 *    calloc, realloc and free; a plug-in that fails any check is unloaded again and the error names the
 *    check;
 *  - rh_allocator_destroy calls destroy(ctx) exactly once and clears the table, so a second destroy of the
 *    same struct is a no-op;
 *  - a plug-in stays loaded exactly as long as its table lives (the wrapper's destroy dlcloses it).
 * Built-ins live in alloc_<name>.c; see alloc_impl.h for the three functions each one offers.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_impl.h"
#include "refheap/profile.h"

extern char **environ;

/* ---------------------------------------------------------------- shared helpers (alloc_impl.h) */

int rh__alloc_fail(char *err, size_t errlen, const char *fmt, ...) {
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void rh__stats_unknown(rh_allocator_stats *s) {
    size_t keep = s->struct_size;
    memset(s, 0xff, sizeof *s);
    s->struct_size = keep;
    s->nsize_classes = 0;
    memset(s->classes, 0, sizeof s->classes);
}

static void json_string(FILE *out, const char *s) {
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') fprintf(out, "\\%c", ch);
        else if (ch < 0x20) fprintf(out, "\\u%04x", ch);
        else fputc(ch, out);
    }
    fputc('"', out);
}

void rh__json_str_member(FILE *out, const char *key, const char *value) {
    fprintf(out, ",\"%s\":", key);
    json_string(out, value ? value : "");
}

void rh__json_u64_member(FILE *out, const char *key, uint64_t value) {
    if (value != RH_STAT_UNKNOWN) fprintf(out, ",\"%s\":%llu", key, (unsigned long long)value);
}

void rh__json_env_options(FILE *out, const char *const *prefixes) {
    fputs(",\"options\":{", out);
    int first = 1;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        for (const char *const *p = prefixes; *p; p++) {
            if (strncmp(*e, *p, strlen(*p)) != 0) continue;
            fprintf(out, "%s\"%.*s\":", first ? "" : ",", (int)(eq - *e), *e);
            json_string(out, eq + 1);
            first = 0;
            break;
        }
    }
    fputc('}', out);
}

/* ---------------------------------------------------------------- user plug-ins */

typedef struct plugin_ctx {
    rh_allocator inner; /* the plug-in's own table, as it filled it */
    void *dl;
    char path[];        /* for reports */
} plugin_ctx;

static void *pg_malloc(void *ctx, size_t n) {
    plugin_ctx *c = ctx;
    return c->inner.malloc(c->inner.ctx, n);
}
static void *pg_calloc(void *ctx, size_t nelem, size_t elsize) {
    plugin_ctx *c = ctx;
    return c->inner.calloc(c->inner.ctx, nelem, elsize);
}
static void *pg_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    plugin_ctx *c = ctx;
    return c->inner.realloc(c->inner.ctx, p, old_size, new_size);
}
static void pg_free(void *ctx, void *p, size_t size) {
    plugin_ctx *c = ctx;
    c->inner.free(c->inner.ctx, p, size);
}
static int pg_trim(void *ctx) {
    plugin_ctx *c = ctx;
    return c->inner.trim(c->inner.ctx);
}
static int pg_stats(void *ctx, rh_allocator_stats *out) {
    plugin_ctx *c = ctx;
    return c->inner.stats(c->inner.ctx, out);
}
static void pg_destroy(void *ctx) {
    plugin_ctx *c = ctx;
    if (c->inner.destroy) c->inner.destroy(c->inner.ctx);
    dlclose(c->dl); /* after destroy: the plug-in's code must still be mapped while it runs */
    free(c);
}

/* The ABI checks, in order; returns -1 with the failed check in err. */
static int plugin_check(const rh_allocator *t, const char *path, char *err, size_t errlen) {
    if (t->abi_version != RH_ALLOCATOR_ABI_VERSION)
        return rh__alloc_fail(err, errlen, "plug-in %s: its table has abi_version %u, this refheap speaks %u",
                              path, t->abi_version, RH_ALLOCATOR_ABI_VERSION);
    if (t->struct_size < sizeof(rh_allocator))
        return rh__alloc_fail(err, errlen, "plug-in %s: struct_size %u is smaller than rh_allocator (%zu)",
                              path, t->struct_size, sizeof(rh_allocator));
    if (!t->name || !*t->name) return rh__alloc_fail(err, errlen, "plug-in %s: the table has no name", path);
    if (!t->malloc || !t->calloc || !t->realloc || !t->free)
        return rh__alloc_fail(err, errlen, "plug-in %s: missing mandatory callback(s):%s%s%s%s", path,
                              t->malloc ? "" : " malloc", t->calloc ? "" : " calloc",
                              t->realloc ? "" : " realloc", t->free ? "" : " free");
    return 0;
}

/* Call the plug-in's init into a zeroed, oversized buffer (a plug-in built against a later, larger
 * rh_allocator cannot write past it), then check the table. */
static int plugin_init(void *dl, rh_allocator *t, const char *path, char *err, size_t errlen) {
    rh_allocator_plugin_init_fn init;
    *(void **)&init = dlsym(dl, RH_PLUGIN_SYMBOL);
    if (!init)
        return rh__alloc_fail(err, errlen, "plug-in %s: no symbol %s (not a refheap allocator plug-in?)",
                              path, RH_PLUGIN_SYMBOL);
    union { rh_allocator a; unsigned char room[sizeof(rh_allocator) + 256]; } buf;
    memset(&buf, 0, sizeof buf);
    int rc = init(&buf.a, RH_ALLOCATOR_ABI_VERSION);
    if (rc != 0)
        return rh__alloc_fail(err, errlen, "plug-in %s: %s refused host ABI version %u (returned %d)", path,
                              RH_PLUGIN_SYMBOL, RH_ALLOCATOR_ABI_VERSION, rc);
    if (plugin_check(&buf.a, path, err, errlen) != 0) {
        /* a table of our ABI owns a ctx: give it back. One of another ABI cannot be trusted to. */
        if (buf.a.abi_version == RH_ALLOCATOR_ABI_VERSION && buf.a.struct_size >= sizeof(rh_allocator) &&
            buf.a.destroy)
            buf.a.destroy(buf.a.ctx);
        return -1;
    }
    *t = buf.a;
    t->struct_size = sizeof(rh_allocator);
    return 0;
}

int rh__plugin_load(rh_allocator *out, const char *path, char *err, size_t errlen) {
    void *dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!dl) return rh__alloc_fail(err, errlen, "plug-in %s: cannot load: %s", path, dlerror());
    rh_allocator inner;
    if (plugin_init(dl, &inner, path, err, errlen) != 0) {
        dlclose(dl);
        return -1;
    }
    plugin_ctx *c = malloc(sizeof *c + strlen(path) + 1);
    if (!c) {
        if (inner.destroy) inner.destroy(inner.ctx);
        dlclose(dl);
        return rh__alloc_fail(err, errlen, "plug-in %s: out of memory", path);
    }
    c->inner = inner;
    c->dl = dl;
    strcpy(c->path, path);
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = inner.name,
        .ctx = c, .malloc = pg_malloc, .calloc = pg_calloc, .realloc = pg_realloc, .free = pg_free,
        .trim = inner.trim ? pg_trim : NULL, .stats = inner.stats ? pg_stats : NULL, .destroy = pg_destroy,
    };
    return 0;
}

int rh__plugin_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != pg_malloc) return 0;
    rh__json_str_member(out, "plugin", ((const plugin_ctx *)a->ctx)->path);
    return 1;
}

/* ---------------------------------------------------------------- by name */

static const char *const builtin_names[] = {"pymalloc", "malloc", "mimalloc", "cpython",
                                            "jemalloc", "tcmalloc", NULL};

const char *const *rh_allocator_names(void) { return builtin_names; }

int rh_allocator_create(rh_allocator *out, const char *name, const struct rh_profile *profile,
                        char *err, size_t errlen) {
    if (!name || !*name || strcmp(name, "pymalloc") == 0) {
        if (rh_allocator_pymalloc(out, profile ? profile : rh_profile_get(NULL), NULL) == 0) return 0;
        return rh__alloc_fail(err, errlen, "pymalloc: cannot create (out of memory or bad profile parameters)");
    }
    if (strchr(name, '/')) return rh__plugin_load(out, name, err, errlen);
    if (strcmp(name, "malloc") == 0) return rh__malloc_create(out, err, errlen);
    if (strcmp(name, "mimalloc") == 0) return rh__mimalloc_create(out, err, errlen);
    if (strcmp(name, "cpython") == 0) return rh__cpython_create(out, err, errlen);
    if (rh__preload_is_name(name)) return rh__preload_create(out, name, err, errlen);
    return rh__alloc_fail(err, errlen, "unknown allocator \"%s\" (built-in: pymalloc, malloc, mimalloc, "
                                       "cpython, jemalloc, tcmalloc; a plug-in is a path containing '/')", name);
}

void rh_allocator_destroy(rh_allocator *a) {
    if (!a) return;
    rh_allocator t = *a;
    memset(a, 0, sizeof *a);
    if (t.destroy) t.destroy(t.ctx);
}

int rh_allocator_available(const char *name) {
    if (!name) return 0;
    if (strchr(name, '/')) return access(name, R_OK) == 0;
    if (strcmp(name, "pymalloc") == 0 || strcmp(name, "malloc") == 0) return 1;
    if (strcmp(name, "mimalloc") == 0) return rh__mimalloc_available();
    if (strcmp(name, "cpython") == 0) return rh__cpython_available();
    if (rh__preload_is_name(name)) return rh_preload_verify(name, NULL, 0) == 0;
    return 0;
}

/* ---------------------------------------------------------------- stats JSON */

/* Every scalar of rh_allocator_stats, in declaration order; printed when known. */
#define RH_STATS_SCALARS(X)                                                                         \
    X(allocs) X(frees) X(bytes_requested) X(bytes_mapped) X(arenas_allocated_total)                 \
    X(arenas_reclaimed) X(arenas_highwater) X(arenas_current) X(arena_size) X(pool_size)            \
    X(bytes_in_allocated_blocks) X(bytes_in_available_blocks) X(unused_pools)                       \
    X(bytes_lost_pool_headers) X(bytes_lost_quantization) X(bytes_lost_arena_alignment)             \
    X(large_allocs_live)

/* Back-end specific members (version, library, options); the first describer that owns `a` writes. */
static void json_describe(const rh_allocator *a, FILE *out) {
    static int (*const describers[])(const rh_allocator *, FILE *) = {
        rh__malloc_describe, rh__mimalloc_describe, rh__cpython_describe,
        rh__preload_describe, rh__plugin_describe, rh__failinject_describe,
    };
    for (size_t i = 0; i < sizeof describers / sizeof describers[0]; i++)
        if (describers[i](a, out)) return;
}

static void json_classes(const rh_allocator_stats *s, FILE *out) {
    uint32_t n = s->nsize_classes <= RH_MAX_SIZE_CLASSES ? s->nsize_classes : 0;
    if (n == 0) return;
    fprintf(out, ",\"nsize_classes\":%u,\"classes\":[", n);
    for (uint32_t i = 0; i < n; i++) {
        const rh_size_class_stats *c = &s->classes[i];
        fprintf(out, "%s{\"size\":%u,\"num_pools\":%llu,\"blocks_in_use\":%llu,\"avail_blocks\":%llu}",
                i ? "," : "", c->size, (unsigned long long)c->num_pools,
                (unsigned long long)c->blocks_in_use, (unsigned long long)c->avail_blocks);
    }
    fputc(']', out);
}

int rh_allocator_stats_json(const rh_allocator *a, FILE *out) {
    fputs("{\"name\":", out);
    json_string(out, a->name ? a->name : "?");
    json_describe(a, out);
    rh_allocator_stats s;
    memset(&s, 0, sizeof s);
    s.struct_size = sizeof s;
    rh__stats_unknown(&s);
    int rc = a->stats ? a->stats(a->ctx, &s) : -1;
    if (rc == 0) {
#define X(f) rh__json_u64_member(out, #f, s.f);
        RH_STATS_SCALARS(X)
#undef X
        json_classes(&s, out);
    }
    fputc('}', out);
    return rc == 0 ? 0 : -1;
}
