/* t_scandir.c — os.scandir's objects (CPython 3.11 Modules/posixmodule.c: ScandirIterator and DirEntry;
 * ScandirIterator_dealloc / ScandirIterator_closedir, DirEntry_dealloc, DirEntry_repr).
 *
 * Owns the kinds RH_K_SCANDIR_ITER ("posix.ScandirIterator", 104 bytes) and RH_K_DIRENTRY
 * ("posix.DirEntry", 72 bytes): allocation, dealloc, sizes and DirEntry's repr. Reading the directory and
 * making the entries, and the methods of both, are the interpreter's (harness/src/mod_posix.c), which
 * installs the iterator's tp_iternext (until then an iterator is exhausted at once).
 * Invariants: neither is a GC type nor weak-referenceable (both specs are Py_TPFLAGS_DEFAULT |
 * Py_TPFLAGS_DISALLOW_INSTANTIATION); an iterator's directory stream is open from scandir() until it is
 * exhausted, closed or deallocated (the dealloc closes it, as the finalizer does; CPython also emits a
 * ResourceWarning there, which the default filters hide); an fd scan reads through a dup of the fd and
 * rewinds it before closing (ScandirIterator_closedir).
 */
#include <dirent.h>
#include <string.h>

#include "internal.h"
#include "scalars.h"
#include "refheap/modtypes.h"

_Static_assert(sizeof(rh_scandir_iter) == 104, "ScandirIterator is 104 bytes");
_Static_assert(sizeof(rh_direntry) == 72, "DirEntry is 72 bytes");

static rh_object *alloc_zeroed(rh_runtime *rt, rh_kind k, size_t size) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, k), size);
    if (o) memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    return o;
}

rh_object *rh_scandir_iter_new(rh_runtime *rt) {
    rh_object *o = alloc_zeroed(rt, RH_K_SCANDIR_ITER, sizeof(rh_scandir_iter));
    if (o) ((rh_scandir_iter *)(void *)o)->fd = ((rh_scandir_iter *)(void *)o)->dir_fd = -1;
    return o;
}

rh_object *rh_direntry_new(rh_runtime *rt) {
    rh_object *o = alloc_zeroed(rt, RH_K_DIRENTRY, sizeof(rh_direntry));
    if (o) ((rh_direntry *)(void *)o)->dir_fd = -1;
    return o;
}

/* ScandirIterator_closedir: rewind an fd scan's stream (the caller's fd shares its offset), close it */
void rh_scandir_iter_close(rh_object *o) {
    rh_scandir_iter *it = (rh_scandir_iter *)(void *)o;
    DIR *d = it->dirp;
    if (!d) return;
    it->dirp = NULL;
    if (it->fd != -1) rewinddir(d);
    closedir(d);
}

static void scandir_iter_dealloc(rh_runtime *rt, rh_object *o) {
    rh_scandir_iter_close(o);
    rh_xdecref(rt, ((rh_scandir_iter *)(void *)o)->path);
    rh__object_free(rt, o, sizeof(rh_scandir_iter));
}

static void direntry_dealloc(rh_runtime *rt, rh_object *o) {
    rh_direntry *e = (rh_direntry *)(void *)o;
    rh_xdecref(rt, e->name);
    rh_xdecref(rt, e->path);
    rh_xdecref(rt, e->stat);
    rh_xdecref(rt, e->lstat);
    rh__object_free(rt, o, sizeof(rh_direntry));
}

/* DirEntry_repr: <DirEntry %R> of the name */
static int direntry_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_puts(b, "<DirEntry ") || rh__repr_into(b, ((rh_direntry *)(void *)o)->name) || rh__sb_putc(b, '>');
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static rh_object *iter_exhausted(rh_runtime *rt, rh_object *o) {
    (void)rt; (void)o;
    return NULL;
}

static void init_plain(rh_type *t, const char *name, size_t size, void (*dealloc)(rh_runtime *, rh_object *)) {
    t->name = name;
    t->flags = 0;
    t->basicsize = size;
    t->dealloc = dealloc;
}

void rh__type_init_scandir_iter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    init_plain(t, "posix.ScandirIterator", sizeof(rh_scandir_iter), scandir_iter_dealloc);
    t->tp_iter = iter_self;
    t->tp_iternext = iter_exhausted;
}

void rh__type_init_direntry(rh_runtime *rt, rh_type *t) {
    (void)rt;
    init_plain(t, "posix.DirEntry", sizeof(rh_direntry), direntry_dealloc);
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = direntry_repr_into;
}
