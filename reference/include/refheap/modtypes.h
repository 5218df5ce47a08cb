/* refheap/modtypes.h — the object types of native library modules: array.array (t_array.c, CPython 3.11
 * Modules/arraymodule.c), _io.StringIO (t_stringio.c, Modules/_io/stringio.c) and random.Random
 * (t_random.c, Modules/_randommodule.c under Lib/random.py's class).
 *
 * Ownership as everywhere in the API: object arguments borrowed, results new references or NULL / -1 with
 * the runtime error set (CPython's exception type and message).
 */
#ifndef REFHEAP_MODTYPES_H
#define REFHEAP_MODTYPES_H
#include <stddef.h>
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

/* ---- _struct.Struct (t_struct.c; CPython 3.11 Modules/_struct.c PyStructObject). The interpreter
 * (harness/src/mod_struct.c) parses the format and packs/unpacks; the object keeps what CPython's does:
 * s_size and s_len as CPython's, the format as a bytes object. CPython also keeps an array of
 * formatcodes (s_codes, one per code plus a terminator); refheap re-parses s_format instead and keeps
 * only their count in that word, which __sizeof__ needs. */
typedef struct rh_struct {
    rh_object ob;
    int64_t s_size;                                /* bytes a pack makes */
    int64_t s_len;                                 /* items a pack takes */
    size_t s_ncodes;                               /* stands in for `formatcode *s_codes`: their count */
    rh_object *s_format;                           /* bytes (owned) */
    rh_object *weakreflist;
} rh_struct;
/* new ref, GC-tracked (3.x), its format taken from `format` (bytes, borrowed), sizes as given */
rh_object *rh_struct_new(rh_runtime *rt, rh_object *format, int64_t size, int64_t len, size_t ncodes);

#ifdef __cplusplus
extern "C" {
#endif

/* ---- array.array (t_array.c): arrayobject, 64 bytes + GC head (3.10+: a GC heap type; 2.7: 56, not GC);
 * items in one PyMem block of `allocated` items, grown by array_resize's rule ---- */
/* The typecodes, in CPython's order (the "bad typecode" message lists them). */
#define RH_ARRAY_TYPECODES "bBuhHiIlLqQfd"
/* array(typecode) empty: new reference; ValueError "bad typecode ..." for an unknown code. */
rh_object *rh_array_new(rh_runtime *rt, char typecode, size_t n);
char rh_array_typecode(rh_object *a);
size_t rh_array_itemsize(rh_object *a);
size_t rh_array_len(rh_object *a);
/* The address of the items (buffer_info): not an object. */
uintptr_t rh_array_address(rh_object *a);
/* a[i] for 0 <= i < len: new reference (int, float or 1-char str). */
rh_object *rh_array_get(rh_runtime *rt, rh_object *a, size_t i);
/* a[i] = v, 0 <= i < len, v converted as the typecode's setitem does (OverflowError, TypeError). */
int rh_array_set(rh_runtime *rt, rh_object *a, size_t i, rh_object *v);
/* ins1: v checked first, then the array grows by one (array_resize) and v goes to `where` (clamped as
 * list.insert). */
int rh_array_insert(rh_runtime *rt, rh_object *a, int64_t where, rh_object *v);
/* array_resize(a, n): CPython's over-allocation; new items uninitialised. */
int rh_array_resize(rh_runtime *rt, rh_object *a, size_t n);
/* a[start:stop:step] (bounds as rh_slice_indices left them): a new array. */
rh_object *rh_array_slice(rh_runtime *rt, rh_object *a, int64_t start, int64_t stop, int64_t step);
/* a[start:stop:step] = v (an array of the same typecode), or del when v is NULL (array_ass_subscr). */
int rh_array_ass_slice(rh_runtime *rt, rh_object *a, int64_t start, int64_t stop, int64_t step, rh_object *v);
/* a.extend(b) for an array b (array_do_extend): TypeError "can only extend with array of same kind". */
int rh_array_extend_array(rh_runtime *rt, rh_object *a, rh_object *b);
/* a.reverse() */
void rh_array_reverse(rh_object *a);

/* ---- _io.StringIO (t_stringio.c): stringio, 120 bytes + GC head in 3.10/3.11; a UCS-4 buffer from PyMem
 * grown by resize_buffer's rule ---- */
rh_object *rh_stringio_new(rh_runtime *rt, rh_object *initial /* str or NULL */);
int rh_stringio_write(rh_runtime *rt, rh_object *s, rh_object *str, int64_t *written);
rh_object *rh_stringio_getvalue(rh_runtime *rt, rh_object *s);
rh_object *rh_stringio_read(rh_runtime *rt, rh_object *s, int64_t size /* < 0: all */);
rh_object *rh_stringio_readline(rh_runtime *rt, rh_object *s, int64_t limit /* < 0: none */);
int rh_stringio_tell(rh_runtime *rt, rh_object *s, int64_t *pos);
int rh_stringio_seek(rh_runtime *rt, rh_object *s, int64_t pos, int whence, int64_t *out);
int rh_stringio_truncate(rh_runtime *rt, rh_object *s, int64_t size /* < 0: the position */, int64_t *out);
void rh_stringio_close(rh_runtime *rt, rh_object *s);
int rh_stringio_closed(rh_object *s);
/* ValueError "I/O operation on closed file." when closed: -1; else 0. */
int rh_stringio_check_open(rh_runtime *rt, rh_object *s);

/* ---- _io.BytesIO (t_bytesio.c): bytesio, 64 bytes + GC head; the buffer is a bytes object, shared with
 * the initial value and with getvalue()/read() results until the next change (3.x). Object arguments are
 * borrowed; rh_object* results are new references or NULL with the error set; int results 0 or -1. Every
 * operation but close raises ValueError "I/O operation on closed file." on a closed one. ---- */
rh_object *rh_bytesio_new(rh_runtime *rt, rh_object *initial /* bytes or bytearray, or NULL */);
/* write_bytes: len bytes at the position (data may be a shared bytes' own data) */
int rh_bytesio_write(rh_runtime *rt, rh_object *b, const void *data, size_t len);
rh_object *rh_bytesio_getvalue(rh_runtime *rt, rh_object *b);
rh_object *rh_bytesio_read(rh_runtime *rt, rh_object *b, int64_t size /* < 0: all */);
rh_object *rh_bytesio_readline(rh_runtime *rt, rh_object *b, int64_t limit /* < 0: none */);
rh_object *rh_bytesio_readlines(rh_runtime *rt, rh_object *b, int64_t hint /* <= 0: none */);
int rh_bytesio_readinto(rh_runtime *rt, rh_object *b, char *dst, size_t cap, int64_t *got);
int rh_bytesio_tell(rh_runtime *rt, rh_object *b, int64_t *pos);
int rh_bytesio_seek(rh_runtime *rt, rh_object *b, int64_t pos, int whence, int64_t *out);
int rh_bytesio_truncate(rh_runtime *rt, rh_object *b, int64_t size /* < 0: the position */, int64_t *out);
void rh_bytesio_close(rh_runtime *rt, rh_object *b);
int rh_bytesio_closed(rh_object *b);
int rh_bytesio_check_open(rh_runtime *rt, rh_object *b); /* the closed error: -1; else 0 */

/* ---- random.Random (t_random.c): a Mersenne Twister state per object ---- */
/* The generator state of a Random object (opaque to the library: the interpreter's random module fills
 * and steps it). */
void *rh_random_state(rh_object *r);
size_t rh_random_state_size(void);
rh_object *rh_random_new(rh_runtime *rt);

/* ---- _sre Pattern and Match (t_sre.c; CPython 3.11 Modules/_sre/sre.h PatternObject, MatchObject) ----
 * The fields are the interpreter's (harness/src/mod_sre.c fills and reads them); the library owns the
 * allocation, GC traversal and the sizes. Object fields hold owned references or NULL. */
typedef struct rh_sre_pattern {
    rh_object ob;
    intptr_t size;                                 /* ob_size: codesize */
    intptr_t groups;                               /* capturing groups, group 0 excluded */
    rh_object *groupindex, *indexgroup, *pattern;  /* dict, tuple, the source str/bytes (or None) */
    int64_t flags;
    rh_object *weaklist;
    int isbytes;
    intptr_t codesize;
    uint32_t code[];                               /* SRE_CODE words of _compiler.py's code list */
} rh_sre_pattern;
typedef struct rh_sre_match {
    rh_object ob;
    intptr_t size;                                 /* ob_size: 2 * (groups + 1) */
    rh_object *string, *regs, *pattern;            /* the subject, the lazily made regs tuple, the Pattern */
    intptr_t pos, endpos, lastindex, groups;       /* groups counts group 0 */
    intptr_t mark[];                               /* start, end per group; -1: unset */
} rh_sre_match;
rh_object *rh_sre_pattern_new(rh_runtime *rt, size_t codesize); /* new ref, fields zero, GC-tracked */
rh_object *rh_sre_match_new(rh_runtime *rt, size_t groups);     /* groups counts group 0; GC-tracked */
/* _sre.SRE_Scanner (sre.c ScannerObject: Pattern.scanner / finditer). CPython keeps a whole SRE_STATE; refheap
 * keeps what carries from one call to the next (the state is rebuilt per call from these) */
typedef struct rh_sre_scanner {
    rh_object ob;
    rh_object *pattern, *string;  /* owned */
    intptr_t pos, endpos;         /* state->pos / endpos as clamped by state_init */
    intptr_t start;               /* state->start: where the next attempt begins */
    int must_advance;             /* state->must_advance: the last match was empty there */
    int done;                     /* state->start == NULL: exhausted */
} rh_sre_scanner;
rh_object *rh_sre_scanner_new(rh_runtime *rt, rh_object *pattern, rh_object *string); /* GC-tracked */
/* _sre.SRE_Template (3.12+ sre.c TemplateObject: _sre.template(pattern, list), a compiled replacement of sub and
 * Match.expand): the first literal, then per group reference its index and the literal after it (NULL: empty) */
typedef struct rh_sre_template {
    rh_object ob;
    intptr_t size;                                 /* ob_size: group references */
    intptr_t chunks;                               /* 1 + 2 * size, less the empty literals */
    rh_object *literal;                            /* the first literal (owned) */
    struct rh_sre_template_item { intptr_t index; rh_object *literal; } items[]; /* literal owned or NULL */
} rh_sre_template;
/* A template of n group references, fields zero; GC-tracked when `track` (3.13; 3.12's _sre_template_impl
 * never tracks it). New reference or NULL. */
rh_object *rh_sre_template_new(rh_runtime *rt, size_t n, int track);

/* ---- _thread.lock and _thread.RLock (t_thread.c; CPython 3.11 Modules/_threadmodule.c lockobject,
 * rlockobject). refheap runs one thread: the lock words stay NULL and exist for the layout (the sizes);
 * the interpreter (harness/src/mod_thread.c) keeps `locked`, `owner` and `count`. */
typedef struct rh_thread_lock {
    rh_object ob;
    void *lock_lock;                               /* PyThread_type_lock: unused, always NULL */
    rh_object *weaklist;
    char locked;
} rh_thread_lock;
typedef struct rh_thread_rlock {
    rh_object ob;
    void *rlock_lock;                              /* unused, always NULL */
    unsigned long owner, count;                    /* the owning thread's ident (0: none), recursion depth */
    rh_object *weaklist;
} rh_thread_rlock;
rh_object *rh_thread_lock_new(rh_runtime *rt);  /* new ref, unlocked, GC-tracked */
rh_object *rh_thread_rlock_new(rh_runtime *rt); /* new ref, unowned, GC-tracked */

/* ---- os.scandir's iterator and entries (t_scandir.c; CPython 3.11 Modules/posixmodule.c ScandirIterator,
 * DirEntry). The interpreter (harness/src/mod_posix.c) opens the stream, reads it and fills the entries;
 * the objects keep CPython's sizes (104 / 72 bytes, neither GC-tracked nor weak-referenceable). */
typedef struct rh_scandir_iter {
    rh_object ob;
    /* path_t path (72 bytes in CPython): the parts refheap uses, and words standing in for the rest */
    rh_object *path;     /* path.object: the str or bytes scanned (owned); NULL for an fd or the default "." */
    const char *narrow;  /* path.narrow: path's characters (inside `path`), NULL: none */
    int fd;              /* path.fd: the fd given, -1 for a path */
    int is_bytes;        /* entries' names and paths are bytes (a bytes path) */
    void *path_rest[6];  /* function_name, argument_name, nullable/allow_fd, wide, length, cleanup: unused */
    void *dirp;          /* DIR *: NULL once exhausted or closed */
    int dir_fd;          /* iterator->fd: the dup of path.fd the stream reads through, -1 */
} rh_scandir_iter;
typedef struct rh_direntry {
    rh_object ob;
    rh_object *name, *path;  /* str or bytes (owned) */
    rh_object *stat, *lstat; /* os.stat_result, cached by stat() (owned), or NULL */
    unsigned char d_type;    /* the dirent's DT_* */
    uint64_t d_ino;
    int dir_fd;              /* an fd scan's fd (stat() is fstatat on it), -1 */
} rh_direntry;
rh_object *rh_scandir_iter_new(rh_runtime *rt); /* new ref, fields zero, fd and dir_fd -1 */
rh_object *rh_direntry_new(rh_runtime *rt);     /* new ref, fields zero, dir_fd -1 */
void rh_scandir_iter_close(rh_object *it);      /* close the stream if open (rewinding an fd scan's) */

#ifdef __cplusplus
}
#endif
#endif
