/* ucase.h — simple Unicode case mappings of the characters refheap's str model knows.
 *
 * One table for every caller: str.lower/upper/casefold (builtins_str.c) and _sre's IGNORECASE
 * matching (sre_engine.c, mod_sre.c). Each maps one code point to one code point, as the simple
 * mappings of UnicodeData.txt (CPython: Objects/unicodectype.c _PyUnicode_ToLowercase /
 * _PyUnicode_ToUppercase); the full mappings of SpecialCasing.txt stay with str's case_full. */
#ifndef HX_UCASE_H
#define HX_UCASE_H

#include <stdint.h>

/* Latin-1, Greek and Cyrillic; every other code point maps to itself. */
uint32_t hx_ucase_lower(uint32_t c);
uint32_t hx_ucase_upper(uint32_t c);

#endif
