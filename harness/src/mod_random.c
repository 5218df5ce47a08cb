/* mod_random.c — the random module: _random's Mersenne Twister (Modules/_randommodule.c) and the
 * methods of Lib/random.py's Random that programs call, on the module's one generator, so a seeded
 * program prints CPython 3.11's numbers.
 *
 * Owns the generator state (hx_interp.random_state, freed at finalization) and the module's functions.
 * The sequence is CPython's by construction: MT19937 (init_genrand, init_by_array, genrand_uint32);
 * seed(int) feeds the 32-bit words of abs(n), least significant first (random_seed); seed(None) and
 * import feed 624 words of /dev/urandom; seed(float) the hash of the float; random() is 53 bits from two
 * outputs (random_random); getrandbits(k) fills 32-bit words from the least significant end. The
 * Python layer follows Lib/random.py 3.11 step by step: _randbelow_with_getrandbits (k = n.bit_length(),
 * rejection), randrange, randint, choice, shuffle, sample, choices, uniform, gauss, normalvariate,
 * expovariate. Ranges are held in 64-bit integers; beyond that the functions raise refheap.Unsupported.
 * A str or bytes seed (hashed with SHA-512 by random.py) is refused the same way.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)0

enum { MT_N = 624, MT_M = 397 };

typedef struct {
    uint32_t mt[MT_N];
    int index;
    int has_gauss;
    double gauss_next;
} mt_state;

/* ---------------------------------------------------------------- MT19937 */

static void init_genrand(mt_state *s, uint32_t seed) {
    s->mt[0] = seed;
    for (int i = 1; i < MT_N; i++) s->mt[i] = 1812433253u * (s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) + (uint32_t)i;
    s->index = MT_N;
}

static void init_by_array(mt_state *s, const uint32_t *key, size_t len) {
    init_genrand(s, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        s->mt[i] = (s->mt[i] ^ ((s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) { s->mt[0] = s->mt[MT_N - 1]; i = 1; }
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        s->mt[i] = (s->mt[i] ^ ((s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { s->mt[0] = s->mt[MT_N - 1]; i = 1; }
    }
    s->mt[0] = 0x80000000u;
}

static uint32_t genrand(mt_state *s) {
    static const uint32_t mag01[2] = {0, 0x9908b0dfu};
    if (s->index >= MT_N) {
        int kk;
        uint32_t y;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (s->mt[kk] & 0x80000000u) | (s->mt[kk + 1] & 0x7fffffffu);
            s->mt[kk] = s->mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (s->mt[kk] & 0x80000000u) | (s->mt[kk + 1] & 0x7fffffffu);
            s->mt[kk] = s->mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (s->mt[MT_N - 1] & 0x80000000u) | (s->mt[0] & 0x7fffffffu);
        s->mt[MT_N - 1] = s->mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        s->index = 0;
    }
    uint32_t y = s->mt[s->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static double random_double(mt_state *s) { /* random_random: 53 bits */
    uint32_t a = genrand(s) >> 5, b = genrand(s) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for k <= 64: words from the least significant end, the last one shifted */
static uint64_t bits64(mt_state *s, int k) {
    if (k <= 32) return k == 0 ? 0 : genrand(s) >> (32 - k);
    uint64_t lo = genrand(s), hi = genrand(s) >> (64 - k);
    return lo | hi << 32;
}

static int bit_length(uint64_t v) {
    int k = 0;
    while (v) { k++; v >>= 1; }
    return k;
}

/* _randbelow_with_getrandbits, n > 0 */
static uint64_t randbelow(mt_state *s, uint64_t n) {
    int k = bit_length(n);
    uint64_t r = bits64(s, k);
    while (r >= n) r = bits64(s, k);
    return r;
}

/* ---------------------------------------------------------------- state and seeding */

/* The generator a function works on: a Random object's own (a method of random.Random), else the
 * module's hidden instance (random.random() & co. are bound methods of one Random in Lib/random.py). */
static mt_state *state(hx_interp *I, rh_object *self) {
    if (self && rh_kind_of(self) == RH_K_RANDOM) return (mt_state *)rh_random_state(self);
    return (mt_state *)I->random_state;
}
_Static_assert(sizeof(mt_state) <= 624 * 4 + 16, "mt_state fits a Random object's state (t_random.c)");

static int seed_urandom(hx_interp *I, mt_state *s) {
    uint32_t key[MT_N];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(key, sizeof key[0], MT_N, f) : 0;
    if (f) fclose(f);
    if (got != MT_N) { rh_err_set(I->rt, RH_EXC_OS, "cannot read /dev/urandom"); return -1; }
    init_by_array(s, key, MT_N);
    return 0;
}

/* random_seed: the words of abs(n) for an int (big ones through >> 32 and & 0xffffffff), the hash of a
 * float; None reseeds from the system */
static int seed_with(hx_interp *I, mt_state *s, rh_object *arg) {
    s->has_gauss = 0;
    if (!arg || arg == rh_none(I->rt)) return seed_urandom(I, s);
    rh_kind k = rh_kind_of(arg);
    uint32_t *key = NULL;
    size_t used = 0;
    if (k == RH_K_FLOAT) {
        int64_t h;
        if (rh_hash(I->rt, arg, &h)) return -1;
        uint64_t u = (uint64_t)h;
        key = malloc(2 * sizeof *key);
        if (!key) abort();
        key[0] = (uint32_t)u;
        key[1] = (uint32_t)(u >> 32);
        used = key[1] ? 2 : 1;
    } else if (k == RH_K_INT || k == RH_K_BOOL) {
        rh_object *v = rh_unop(I->rt, RH_UNOP_POS, arg), *zero = rh_int_from_i64(I->rt, 0);
        if (v && k == RH_K_BOOL) { rh_decref(I->rt, v); v = rh_int_from_i64(I->rt, arg == rh_true(I->rt)); }
        if (v && zero && rh_richcompare(I->rt, RH_CMP_LT, v, zero) == 1) {
            rh_object *w = rh_unop(I->rt, RH_UNOP_NEG, v);
            rh_decref(I->rt, v);
            v = w;
        }
        rh_object *mask = rh_int_from_i64(I->rt, 0xffffffff), *sh = rh_int_from_i64(I->rt, 32);
        size_t cap = 4;
        key = malloc(cap * sizeof *key);
        if (!key) abort();
        while (v && mask && sh) {
            int nz = rh_richcompare(I->rt, RH_CMP_GT, v, zero);
            if (nz <= 0) { if (nz < 0) { rh_decref(I->rt, v); v = NULL; } break; }
            rh_object *w = rh_binop(I->rt, RH_BINOP_AND, v, mask);
            int64_t word = 0;
            if (!w || rh_int_as_i64(I->rt, w, &word)) { rh_xdecref(I->rt, w); rh_decref(I->rt, v); v = NULL; break; }
            rh_decref(I->rt, w);
            if (used == cap) { cap *= 2; key = realloc(key, cap * sizeof *key); if (!key) abort(); }
            key[used++] = (uint32_t)word;
            rh_object *r = rh_binop(I->rt, RH_BINOP_RSHIFT, v, sh);
            rh_decref(I->rt, v);
            v = r;
        }
        rh_xdecref(I->rt, mask);
        rh_xdecref(I->rt, sh);
        rh_xdecref(I->rt, zero);
        if (!v) { free(key); return -1; }
        rh_decref(I->rt, v);
        if (used == 0) key[used++] = 0;
    } else if (k == RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "random.seed() of a str (random.py hashes it with SHA-512)");
        return -1;
    } else if (rh_runtime_profile(I->rt)->version_hex < 0x030B) {
        /* 3.10: any hashable object seeds with its hash (deprecated; random_seed's PyObject_Hash) */
        int64_t h;
        if (rh_hash(I->rt, arg, &h)) return -1;
        uint64_t u = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;
        key = malloc(2 * sizeof *key);
        if (!key) abort();
        key[0] = (uint32_t)u;
        key[1] = (uint32_t)(u >> 32);
        used = key[1] ? 2 : 1;
    } else { /* 3.13 moved the line break */
        rh_err_set(I->rt, RH_EXC_TYPE, rh_runtime_profile(I->rt)->version_hex >= 0x030D
                   ? "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray."
                   : "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return -1;
    }
    init_by_array(s, key, used);
    free(key);
    return 0;
}

void hx_random_state_free(hx_interp *I) {
    free(I->random_state);
    I->random_state = NULL;
}

/* ---------------------------------------------------------------- helpers */

static rh_object *none(hx_interp *I) { rh_object *o = rh_none(I->rt); rh_incref(o); return o; }

static int no_kw(hx_interp *I, const char *fn, int nkw) {
    if (!nkw) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument", fn);
    return -1;
}

/* operator.index of a randrange argument, in 64 bits */
static int index64(hx_interp *I, rh_object *o, const char *what, int64_t *v) {
    if (rh_kind_of(o) == RH_K_FLOAT) {
        double d = rh_float_value(o);
        if (d != floor(d) || !isfinite(d)) { rh_err_set(I->rt, RH_EXC_VALUE, "non-integer %s for randrange()", what); return -1; }
        *v = (int64_t)d; /* deprecated since 3.10 (a DeprecationWarning CPython prints to stderr) */
        return 0;
    }
    if (rh_index_value(I->rt, o, v) == 0) return 0;
    if (rh_err_occurred(I->rt) == RH_EXC_OVERFLOW) {
        rh_err_clear(I->rt);
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "random: a range beyond 64-bit integers");
    }
    return -1;
}

static rh_object *rand_int(hx_interp *I, int64_t v) { return rh_int_from_i64(I->rt, v); }

static rh_object *beyond64(hx_interp *I) {
    rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "random: a range beyond 64-bit integers");
    return NULL;
}

/* randrange(start, stop=None, step=1), Lib/random.py 3.11 */
static rh_object *randrange(hx_interp *I, mt_state *s, rh_object *start, rh_object *stop, rh_object *step) {
    int64_t istart, istop, istep = 1;
    if (index64(I, start, "arg 1", &istart)) return NULL;
    if (!stop || stop == rh_none(I->rt)) {
        if (step) { rh_err_set(I->rt, RH_EXC_TYPE, "Missing a non-None stop argument"); return NULL; }
        if (istart > 0) return rand_int(I, (int64_t)randbelow(s, (uint64_t)istart));
        rh_err_set(I->rt, RH_EXC_VALUE, "empty range for randrange()");
        return NULL;
    }
    if (index64(I, stop, "stop", &istop)) return NULL;
    int64_t width;
    if (__builtin_sub_overflow(istop, istart, &width)) return beyond64(I);
    if (step && index64(I, step, "step", &istep)) return NULL;
    if (istep == 1) {
        if (width > 0) return rand_int(I, istart + (int64_t)randbelow(s, (uint64_t)width));
        if (RH_API(I, "random", "msg:randrange-in"))
            rh_err_set(I->rt, RH_EXC_VALUE, "empty range in randrange(%lld, %lld)", (long long)istart, (long long)istop);
        else
            rh_err_set(I->rt, RH_EXC_VALUE, "empty range for randrange() (%lld, %lld, %lld)", (long long)istart,
                       (long long)istop, (long long)width);
        return NULL;
    }
    if (istep > INT64_MAX / 2 || istep < INT64_MIN / 2 || width > INT64_MAX / 2 || width < INT64_MIN / 2)
        return beyond64(I);
    int64_t cnt;
    if (istep > 0) cnt = (width + istep - 1) / istep - ((width + istep - 1) % istep < 0 ? 1 : 0);
    else if (istep < 0) cnt = (width + istep + 1) / istep - ((width + istep + 1) % istep > 0 ? 1 : 0);
    else { rh_err_set(I->rt, RH_EXC_VALUE, "zero step for randrange()"); return NULL; }
    if (cnt <= 0) { rh_err_set(I->rt, RH_EXC_VALUE, "empty range for randrange()"); return NULL; }
    int64_t off, res;
    if (__builtin_mul_overflow(istep, (int64_t)randbelow(s, (uint64_t)cnt), &off) ||
        __builtin_add_overflow(istart, off, &res))
        return beyond64(I);
    return rand_int(I, res);
}

/* ---------------------------------------------------------------- the module's functions */

FN(r_seed) {
    UNUSED;
    rh_object *arg = n >= 1 ? a[0] : NULL;
    for (int k = 0; k < nkw; k++)
        if (!strcmp(kwn[k], "a")) arg = kwv[k];
        else if (strcmp(kwn[k], "version") != 0) { rh_err_set(I->rt, RH_EXC_TYPE, "seed() got an unexpected keyword argument '%s'", kwn[k]); return NULL; }
    if (n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "seed() takes from 1 to 3 positional arguments but %d were given", n + 1); return NULL; }
    return seed_with(I, state(I, self), arg) ? NULL : none(I);
}
FN(r_random) {
    UNUSED; (void)a; (void)kwn; (void)kwv;
    if (nkw || n) { rh_err_set(I->rt, RH_EXC_TYPE, "Random.random() takes no arguments (%d given)", n + nkw); return NULL; }
    return rh_float_new(I->rt, random_double(state(I, self)));
}
/* _random_Random_getrandbits_impl */
FN(r_getrandbits) {
    UNUSED; (void)kwn; (void)kwv;
    int64_t k;
    if (no_kw(I, "getrandbits", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "Random.getrandbits() takes exactly one argument (%d given)", n); return NULL; }
    if (rh_index_value(I->rt, a[0], &k)) return NULL;
    if (k < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "number of bits must be non-negative"); return NULL; }
    mt_state *s = state(I, self);
    if (k <= 32) return rh_int_from_i64(I->rt, (int64_t)bits64(s, (int)k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = malloc(words * sizeof *w);
    char *hex = malloc(words * 8 + 1);
    if (!w || !hex) abort();
    int64_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t r = genrand(s);
        if (left < 32) r >>= (32 - left);
        w[i] = r;
    }
    for (size_t i = 0; i < words; i++) snprintf(hex + 8 * i, 9, "%08x", w[words - 1 - i]);
    rh_object *r = rh_int_from_text_base(I->rt, hex, words * 8, 16);
    free(w);
    free(hex);
    return r;
}
/* Random.randbytes(n) (3.9; Lib/random.py: self.getrandbits(n * 8).to_bytes(n, 'little')): the words
 * getrandbits draws, least significant first, so each word's bytes in little-endian order */
FN(r_randbytes) {
    UNUSED; (void)kwn; (void)kwv;
    int64_t len;
    if (no_kw(I, "randbytes", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "randbytes() takes 2 positional arguments but %d were given", n + 1); return NULL; }
    if (rh_index_value(I->rt, a[0], &len)) return NULL;
    if (len < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "number of bits must be non-negative"); return NULL; }
    if (len > INT64_MAX / 8) { rh_err_nomemory(I->rt); return NULL; }
    unsigned char *buf = malloc(len ? (size_t)len : 1);
    if (!buf) { rh_err_nomemory(I->rt); return NULL; }
    mt_state *s = state(I, self);
    for (int64_t i = 0; i < len; i += 4) {
        uint32_t w = genrand(s);
        int64_t left = len - i;
        if (left < 4) w >>= 32 - 8 * left; /* getrandbits' last, partial word */
        for (int64_t j = 0; j < 4 && j < left; j++) buf[i + j] = (unsigned char)(w >> (8 * j));
    }
    rh_object *r = rh_bytes_from(I->rt, (const char *)buf, (size_t)len);
    free(buf);
    return r;
}
FN(r_randrange) {
    UNUSED;
    rh_object *v[3] = {n > 0 ? a[0] : NULL, n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL};
    static const char *const names[] = {"start", "stop", "step"};
    for (int k = 0; k < nkw; k++) {
        int j = 0;
        while (j < 3 && strcmp(names[j], kwn[k]) != 0) j++;
        if (j == 3) { rh_err_set(I->rt, RH_EXC_TYPE, "randrange() got an unexpected keyword argument '%s'", kwn[k]); return NULL; }
        v[j] = kwv[k];
    }
    if (n > 3) { rh_err_set(I->rt, RH_EXC_TYPE, "randrange() takes from 2 to 4 positional arguments but %d were given", n + 1); return NULL; }
    if (!v[0]) { rh_err_set(I->rt, RH_EXC_TYPE, "randrange() missing 1 required positional argument: 'start'"); return NULL; }
    return randrange(I, state(I, self), v[0], v[1], v[2]);
}
FN(r_randint) {
    UNUSED; (void)kwn; (void)kwv;
    if (no_kw(I, "randint", nkw)) return NULL;
    if (n != 2) {
        if (n < 2) rh_err_set(I->rt, RH_EXC_TYPE, "randint() missing %d required positional argument%s: %s", 2 - n, n == 0 ? "s" : "", n == 0 ? "'a' and 'b'" : "'b'");
        else rh_err_set(I->rt, RH_EXC_TYPE, "randint() takes 3 positional arguments but %d were given", n + 1);
        return NULL;
    }
    rh_object *one = rh_int_from_i64(I->rt, 1), *b1 = one ? rh_binop(I->rt, RH_BINOP_ADD, a[1], one) : NULL;
    rh_xdecref(I->rt, one);
    if (!b1) return NULL;
    rh_object *r = randrange(I, state(I, self), a[0], b1, NULL);
    rh_decref(I->rt, b1);
    return r;
}
static int64_t seq_len(hx_interp *I, rh_object *o) { return rh_len(I->rt, o); }
static rh_object *seq_item(hx_interp *I, rh_object *o, int64_t i) {
    rh_object *k = rh_int_from_i64(I->rt, i), *r = k ? hx_subscr(I, o, k) : NULL;
    rh_xdecref(I->rt, k);
    return r;
}
FN(r_choice) {
    UNUSED; (void)kwn; (void)kwv;
    if (no_kw(I, "choice", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "choice() takes 2 positional arguments but %d were given", n + 1); return NULL; }
    int64_t len = seq_len(I, a[0]);
    if (len < 0) return NULL;
    if (len == 0) { /* 3.10 indexes seq[_randbelow(0)] = seq[0] */
        if (RH_API(I, "random", "msg:choice-empty")) rh_err_set(I->rt, RH_EXC_INDEX, "Cannot choose from an empty sequence");
        else return seq_item(I, a[0], 0);
        return NULL;
    }
    return seq_item(I, a[0], (int64_t)randbelow(state(I, self), (uint64_t)len));
}
FN(r_shuffle) {
    UNUSED; (void)kwn; (void)kwv;
    if (no_kw(I, "shuffle", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "shuffle() takes 2 positional arguments but %d were given", n + 1); return NULL; }
    rh_object *x = a[0];
    int64_t len = seq_len(I, x);
    if (len < 0) return NULL;
    for (int64_t i = len - 1; i >= 1; i--) { /* x[i], x[j] = x[j], x[i] */
        int64_t j = (int64_t)randbelow(state(I, self), (uint64_t)(i + 1));
        rh_object *xj = seq_item(I, x, j), *xi = xj ? seq_item(I, x, i) : NULL;
        rh_object *ki = xi ? rh_int_from_i64(I->rt, i) : NULL, *kj = ki ? rh_int_from_i64(I->rt, j) : NULL;
        int rc = kj ? (hx_store_subscr(I, x, ki, xj) || hx_store_subscr(I, x, kj, xi)) : -1;
        rh_xdecref(I->rt, xj);
        rh_xdecref(I->rt, xi);
        rh_xdecref(I->rt, ki);
        rh_xdecref(I->rt, kj);
        if (rc) return NULL;
    }
    return none(I);
}
/* sample(population, k): the pool method for small populations, the set of chosen indexes otherwise */
FN(r_sample) {
    UNUSED;
    rh_object *kobj = n > 1 ? a[1] : NULL;
    for (int q = 0; q < nkw; q++) {
        if (!strcmp(kwn[q], "k")) kobj = kwv[q];
        else if (!strcmp(kwn[q], "counts")) { rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "random.sample(counts=...)"); return NULL; }
        else { rh_err_set(I->rt, RH_EXC_TYPE, "sample() got an unexpected keyword argument '%s'", kwn[q]); return NULL; }
    }
    if (n < 1 || !kobj) { rh_err_set(I->rt, RH_EXC_TYPE, "sample() missing 1 required positional argument: '%s'", n < 1 ? "population" : "k"); return NULL; }
    rh_object *pop = a[0];
    rh_kind pk = rh_kind_of(pop);
    if (pk != RH_K_LIST && pk != RH_K_TUPLE && pk != RH_K_STR && pk != RH_K_RANGE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "Population must be a sequence.  For dicts or sets, use sorted(d).");
        return NULL;
    }
    int64_t len = seq_len(I, pop), k;
    if (len < 0 || rh_index_value(I->rt, kobj, &k)) return NULL;
    if (k < 0 || k > len) { rh_err_set(I->rt, RH_EXC_VALUE, "Sample larger than population or is negative"); return NULL; }
    mt_state *s = state(I, self);
    rh_object *nonel = rh_list_new(I->rt, 1);
    if (!nonel) return NULL;
    rh_list_set_init(nonel, 0, none(I));
    rh_object *result = rh_list_repeat(I->rt, nonel, k); /* [None] * k */
    rh_decref(I->rt, nonel);
    if (!result) return NULL;
    int64_t setsize = 21;
    if (k > 5) setsize += (int64_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if (len <= setsize) {
        rh_object *pool = rh_list_from_iterable(I->rt, pop, 0);
        if (!pool) { rh_decref(I->rt, result); return NULL; }
        for (int64_t i = 0; i < k; i++) {
            int64_t j = (int64_t)randbelow(s, (uint64_t)(len - i));
            rh_object *pj = rh_list_get(pool, (size_t)j);
            if (rh_list_setitem(I->rt, result, i, pj) || rh_list_setitem(I->rt, pool, j, rh_list_get(pool, (size_t)(len - i - 1)))) {
                rh_decref(I->rt, pool);
                rh_decref(I->rt, result);
                return NULL;
            }
        }
        rh_decref(I->rt, pool);
        return result;
    }
    uint8_t *chosen = calloc((size_t)len, 1);
    if (!chosen) abort();
    for (int64_t i = 0; i < k; i++) {
        int64_t j = (int64_t)randbelow(s, (uint64_t)len);
        while (chosen[j]) j = (int64_t)randbelow(s, (uint64_t)len);
        chosen[j] = 1;
        rh_object *item = seq_item(I, pop, j);
        if (!item || rh_list_setitem(I->rt, result, i, item)) { rh_xdecref(I->rt, item); free(chosen); rh_decref(I->rt, result); return NULL; }
        rh_decref(I->rt, item);
    }
    free(chosen);
    return result;
}
static int real(hx_interp *I, rh_object *o, double *d) {
    if (rh_kind_of(o) == RH_K_FLOAT) { *d = rh_float_value(o); return 0; }
    if (rh_kind_of(o) == RH_K_INT || rh_kind_of(o) == RH_K_BOOL) return rh_int_as_double(I->rt, o, d);
    rh_err_set(I->rt, RH_EXC_TYPE, "must be real number, not %s", hx_tname(o));
    return -1;
}
/* choices(population, weights=None, *, cum_weights=None, k=1) */
FN(r_choices) {
    UNUSED;
    rh_object *weights = n > 1 ? a[1] : NULL, *cum = NULL, *kobj = NULL;
    for (int q = 0; q < nkw; q++) {
        if (!strcmp(kwn[q], "weights")) weights = kwv[q];
        else if (!strcmp(kwn[q], "cum_weights")) cum = kwv[q];
        else if (!strcmp(kwn[q], "k")) kobj = kwv[q];
        else { rh_err_set(I->rt, RH_EXC_TYPE, "choices() got an unexpected keyword argument '%s'", kwn[q]); return NULL; }
    }
    if (n < 1 || n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "choices() takes from 2 to 3 positional arguments but %d were given", n + 1); return NULL; }
    if (weights == rh_none(I->rt)) weights = NULL;
    if (cum == rh_none(I->rt)) cum = NULL;
    int64_t k = 1, len = seq_len(I, a[0]);
    if (len < 0 || (kobj && rh_index_value(I->rt, kobj, &k))) return NULL;
    mt_state *s = state(I, self);
    double *cw = NULL;
    if (weights && cum) { rh_err_set(I->rt, RH_EXC_TYPE, "Cannot specify both weights and cumulative weights"); return NULL; }
    if (weights || cum) {
        rh_object *src = hx_iter_list(I, weights ? weights : cum);
        if (!src) return NULL;
        int64_t m = (int64_t)(rh_kind_of(src) == RH_K_LIST ? rh_list_len(src) : rh_tuple_len(src));
        cw = malloc(sizeof(double) * (size_t)(m ? m : 1));
        if (!cw) abort();
        double acc = 0;
        for (int64_t i = 0; i < m; i++) {
            double w;
            rh_object *o = rh_kind_of(src) == RH_K_LIST ? rh_list_get(src, (size_t)i) : rh_tuple_get(src, (size_t)i);
            if (real(I, o, &w)) { free(cw); rh_decref(I->rt, src); return NULL; }
            cw[i] = weights ? (acc += w) : w;
        }
        rh_decref(I->rt, src);
        if (m != len) { free(cw); rh_err_set(I->rt, RH_EXC_VALUE, "The number of weights does not match the population"); return NULL; }
        double total = len ? cw[len - 1] : 0;
        if (total <= 0.0) { free(cw); rh_err_set(I->rt, RH_EXC_VALUE, "Total of weights must be greater than zero"); return NULL; }
        if (!isfinite(total)) { free(cw); rh_err_set(I->rt, RH_EXC_VALUE, "Total of weights must be finite"); return NULL; }
    }
    rh_object *out = rh_list_new(I->rt, 0);
    for (int64_t i = 0; out && i < k; i++) {
        int64_t idx;
        if (!cw) idx = (int64_t)floor(random_double(s) * (double)len);
        else { /* bisect_right(cum_weights, random() * total, 0, n - 1) */
            double x = random_double(s) * cw[len - 1];
            int64_t lo = 0, hi = len - 1;
            while (lo < hi) { int64_t mid = (lo + hi) / 2; if (x < cw[mid]) hi = mid; else lo = mid + 1; }
            idx = lo;
        }
        rh_object *item = seq_item(I, a[0], idx);
        if (!item || rh_list_append(I->rt, out, item)) { rh_xdecref(I->rt, item); rh_decref(I->rt, out); out = NULL; break; }
        rh_decref(I->rt, item);
    }
    free(cw);
    return out;
}
/* uniform(a, b) = a + (b - a) * random(), in the generic arithmetic of its arguments */
FN(r_uniform) {
    UNUSED; (void)kwn; (void)kwv;
    if (no_kw(I, "uniform", nkw)) return NULL;
    if (n != 2) { rh_err_set(I->rt, RH_EXC_TYPE, "uniform() takes 3 positional arguments but %d were given", n + 1); return NULL; }
    rh_object *d = rh_binop(I->rt, RH_BINOP_SUB, a[1], a[0]);
    rh_object *r = d ? rh_float_new(I->rt, random_double(state(I, self))) : NULL;
    rh_object *m = r ? rh_binop(I->rt, RH_BINOP_MUL, d, r) : NULL;
    rh_object *out = m ? rh_binop(I->rt, RH_BINOP_ADD, a[0], m) : NULL;
    rh_xdecref(I->rt, d);
    rh_xdecref(I->rt, r);
    rh_xdecref(I->rt, m);
    return out;
}
static int mu_sigma(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, double *mu, double *sigma) {
    *mu = 0.0;
    *sigma = 1.0;
    if (n > 0 && real(I, a[0], mu)) return -1;
    if (n > 1 && real(I, a[1], sigma)) return -1;
    for (int q = 0; q < nkw; q++) {
        if (!strcmp(kwn[q], "mu")) { if (real(I, kwv[q], mu)) return -1; }
        else if (!strcmp(kwn[q], "sigma")) { if (real(I, kwv[q], sigma)) return -1; }
        else { rh_err_set(I->rt, RH_EXC_TYPE, "got an unexpected keyword argument '%s'", kwn[q]); return -1; }
    }
    return 0;
}
FN(r_gauss) {
    UNUSED;
    double mu, sigma;
    if (mu_sigma(I, a, n, kwn, kwv, nkw, &mu, &sigma)) return NULL;
    mt_state *s = state(I, self);
    double z;
    if (s->has_gauss) {
        z = s->gauss_next;
        s->has_gauss = 0;
    } else {
        double x2pi = random_double(s) * (2 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - random_double(s)));
        z = cos(x2pi) * g2rad;
        s->gauss_next = sin(x2pi) * g2rad;
        s->has_gauss = 1;
    }
    return rh_float_new(I->rt, mu + z * sigma);
}
FN(r_normalvariate) {
    UNUSED;
    double mu, sigma, z;
    if (mu_sigma(I, a, n, kwn, kwv, nkw, &mu, &sigma)) return NULL;
    mt_state *s = state(I, self);
    const double magic = 4 * exp(-0.5) / sqrt(2.0); /* NV_MAGICCONST */
    for (;;) {
        double u1 = random_double(s), u2 = 1.0 - random_double(s);
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2)) break;
    }
    return rh_float_new(I->rt, mu + z * sigma);
}
FN(r_expovariate) {
    UNUSED; (void)kwn; (void)kwv;
    double lambd;
    if (no_kw(I, "expovariate", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "expovariate() takes 2 positional arguments but %d were given", n + 1); return NULL; }
    if (real(I, a[0], &lambd)) return NULL;
    if (lambd == 0) { rh_err_set(I->rt, RH_EXC_ZERODIVISION, "float division by zero"); return NULL; }
    return rh_float_new(I->rt, -log(1.0 - random_double(state(I, self))) / lambd);
}

#define D(nm) {#nm, (void (*)(void))r_##nm, 0}
static const rh_builtin_def random_defs[] = {
    D(seed), D(random), D(getrandbits), D(randbytes), D(randrange), D(randint), D(choice), D(shuffle), D(sample), D(choices),
    D(uniform), D(gauss), D(normalvariate), D(expovariate), {NULL, NULL, 0}};

rh_object *hx_module_random(hx_interp *I) {
    if (!I->random_state) {
        I->random_state = calloc(1, sizeof(mt_state));
        if (!I->random_state) { rh_err_nomemory(I->rt); return NULL; }
        if (seed_urandom(I, (mt_state *)I->random_state)) return NULL; /* Random.__init__ seeds from the system at import */
    }
    rh_object *m = hx_make_module(I, "random", random_defs);
    if (m && rh_dict_set_cstr(I->rt, rh_module_dict(m), "Random", (rh_object *)rh_builtin_type(I->rt, RH_K_RANDOM))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    return m;
}

/* random.Random(x=None): _random.Random.__new__ (no keywords) then Random.__init__'s self.seed(x) */
FN(r_Random_new) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "Random() takes no keyword arguments"); return NULL; }
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "Random() expected at most 1 argument, got %d", n); return NULL; }
    rh_object *r = rh_random_new(I->rt);
    if (r && seed_with(I, (mt_state *)rh_random_state(r), n ? a[0] : NULL)) {
        rh_decref(I->rt, r);
        return NULL;
    }
    return r;
}

/* random.Random is a class (Lib/random.py): type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def random_ctor = {"Random", (void (*)(void))r_Random_new, HX_METH_VARARGS};
const rh_builtin_def *hx_random_constructor(void) { return &random_ctor; }

/* A method of a Random object: the module's functions, on the object's own state */
int hx_random_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, random_defs};
    return 1;
}
