/* mod_errno.c — the errno module (CPython 3.11 Modules/errnomodule.c, errno_exec / add_errcode).
 *
 * Owns the module: one int attribute per errno name the C library's <errno.h> defines (the values are
 * this platform's, as CPython's are), and `errorcode`, the dict from each number to its name.
 * Invariants: names are added in errno_exec's order, each also entered in errorcode as add_errcode does
 * (module dict and errorcode together), so where two names share a number (EWOULDBLOCK/EAGAIN,
 * EDEADLOCK/EDEADLK, ENOTSUP/EOPNOTSUPP) the later name is errorcode's and the key keeps the place of the
 * first. Names 2.7's errnomodule.c lacks (ECANCELED, the EKEY* names, ...) are absent in the py27 profile.
 */
#include <errno.h>
#include <string.h>

#include "interp.h"

/* X(name, since3): since3 = 1 for the names CPython 2.7's errnomodule.c does not define. Order: errno_exec's. */
#define HX_ERRNO_NAMES(X) \
    X(ENODEV, 0) X(ENOCSI, 0) X(EHOSTUNREACH, 0) X(ENOMSG, 0) X(EUCLEAN, 0) X(EL2NSYNC, 0) X(EL2HLT, 0) \
    X(ENODATA, 0) X(ENOTBLK, 0) X(ENOSYS, 0) X(EPIPE, 0) X(EINVAL, 0) X(EOVERFLOW, 0) X(EADV, 0) X(EINTR, 0) \
    X(EUSERS, 0) X(ENOTEMPTY, 0) X(ENOBUFS, 0) X(EPROTO, 0) X(EREMOTE, 0) X(ENAVAIL, 0) X(ECHILD, 0) \
    X(ELOOP, 0) X(EXDEV, 0) X(E2BIG, 0) X(ESRCH, 0) X(EMSGSIZE, 0) X(EAFNOSUPPORT, 0) X(EBADR, 0) \
    X(EHOSTDOWN, 0) X(EPFNOSUPPORT, 0) X(ENOPROTOOPT, 0) X(EBUSY, 0) X(EWOULDBLOCK, 0) X(EBADFD, 0) \
    X(EDOTDOT, 0) X(EISCONN, 0) X(ENOANO, 0) X(ESHUTDOWN, 0) X(ECHRNG, 0) X(ELIBBAD, 0) X(ENONET, 0) \
    X(EBADE, 0) X(EBADF, 0) X(EMULTIHOP, 0) X(EIO, 0) X(EUNATCH, 0) X(EPROTOTYPE, 0) X(ENOSPC, 0) \
    X(ENOEXEC, 0) X(EALREADY, 0) X(ENETDOWN, 0) X(ENOTNAM, 0) X(EACCES, 0) X(ELNRNG, 0) X(EILSEQ, 0) \
    X(ENOTDIR, 0) X(ENOTUNIQ, 0) X(EPERM, 0) X(EDOM, 0) X(EXFULL, 0) X(ECONNREFUSED, 0) X(EISDIR, 0) \
    X(EPROTONOSUPPORT, 0) X(EROFS, 0) X(EADDRNOTAVAIL, 0) X(EIDRM, 0) X(ECOMM, 0) X(ESRMNT, 0) X(EREMOTEIO, 0) \
    X(EL3RST, 0) X(EBADMSG, 0) X(ENFILE, 0) X(ELIBMAX, 0) X(ESPIPE, 0) X(ENOLINK, 0) X(ENETRESET, 0) \
    X(ETIMEDOUT, 0) X(ENOENT, 0) X(EEXIST, 0) X(EDQUOT, 0) X(ENOSTR, 0) X(EBADSLT, 0) X(EBADRQC, 0) \
    X(ELIBACC, 0) X(EFAULT, 0) X(EFBIG, 0) X(EDEADLK, 0) X(ENOTCONN, 0) X(EDESTADDRREQ, 0) X(ELIBSCN, 0) \
    X(ENOLCK, 0) X(EISNAM, 0) X(ECONNABORTED, 0) X(ENETUNREACH, 0) X(ESTALE, 0) X(ENOSR, 0) X(ENOMEM, 0) \
    X(ENOTSOCK, 0) X(ESTRPIPE, 0) X(EMLINK, 0) X(ERANGE, 0) X(ELIBEXEC, 0) X(EL3HLT, 0) X(ECONNRESET, 0) \
    X(EADDRINUSE, 0) X(EOPNOTSUPP, 0) X(EREMCHG, 0) X(EAGAIN, 0) X(ENAMETOOLONG, 0) X(ENOTTY, 0) \
    X(ERESTART, 0) X(ESOCKTNOSUPPORT, 0) X(ETIME, 0) X(EBFONT, 0) X(EDEADLOCK, 0) X(ETOOMANYREFS, 0) \
    X(EMFILE, 0) X(ETXTBSY, 0) X(EINPROGRESS, 0) X(ENXIO, 0) X(ENOPKG, 0) X(ENOMEDIUM, 1) X(EMEDIUMTYPE, 1) \
    X(ECANCELED, 1) X(ENOKEY, 1) X(EKEYEXPIRED, 1) X(EKEYREVOKED, 1) X(EKEYREJECTED, 1) X(EOWNERDEAD, 1) \
    X(ENOTRECOVERABLE, 1) X(ERFKILL, 1) X(ENOTSUP, 0)

typedef struct { const char *name; int value; int since3; } errno_def;

static const errno_def errno_defs[] = {
#define HX_ERRNO_DEF(n, s3) {#n, n, s3},
    HX_ERRNO_NAMES(HX_ERRNO_DEF)
#undef HX_ERRNO_DEF
    {NULL, 0, 0}};

static const char errno_doc[] =
    "This module makes available standard errno system symbols.\n\n"
    "The value of each symbol is the corresponding integer value,\n"
    "e.g., on most systems, errno.ENOENT equals the integer 2.\n\n"
    "The dictionary errno.errorcode maps numeric codes to symbol names,\n"
    "e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\n"
    "Symbols that are not relevant to the underlying system are not defined.\n\n"
    "To map error codes to error messages, use the function os.strerror(),\n"
    "e.g. os.strerror(2) could return 'No such file or directory'.";

/* add_errcode: module.name = value and errorcode[value] = name; 0, or -1 with the error set */
static int add_errcode(hx_interp *I, rh_object *d, rh_object *codes, const errno_def *e) {
    rh_object *name = rh_str_intern_utf8(I->rt, e->name, strlen(e->name));
    rh_object *num = name ? rh_int_from_i64(I->rt, e->value) : NULL;
    int rc = !num || rh_dict_set(I->rt, codes, num, name) || rh_dict_set(I->rt, d, name, num) ? -1 : 0;
    rh_xdecref(I->rt, num);
    rh_xdecref(I->rt, name);
    return rc;
}

/* errno: a new module (__doc__, errorcode, then the names), or NULL */
rh_object *hx_module_errno(hx_interp *I) {
    static const rh_builtin_def no_defs[] = {{NULL, NULL, 0}};
    rh_runtime *rt = I->rt;
    rh_object *m = hx_make_module(I, "errno", no_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m), *doc = rh_str_from_cstr(rt, errno_doc), *codes = doc ? rh_dict_new(rt) : NULL;
    int rc = !codes || rh_dict_set_cstr(rt, d, "__doc__", doc) || rh_dict_set_cstr(rt, d, "errorcode", codes);
    int py2 = rh_runtime_profile(rt)->python2;
    for (const errno_def *e = errno_defs; !rc && e->name; e++)
        if (!(py2 && e->since3)) rc = add_errcode(I, d, codes, e);
    rh_xdecref(rt, codes);
    rh_xdecref(rt, doc);
    if (rc) rh_setref(rt, &m, NULL);
    return m;
}
