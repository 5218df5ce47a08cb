/* source.h — a source file's bytes to the UTF-8 text the lexer reads (PEP 263; source.c) */
#ifndef HX_SOURCE_H
#define HX_SOURCE_H

#include <stddef.h>

#include "ast.h"

/* Decode the file text *src (*len bytes, NUL-terminated, malloc'd; path names it in messages) in place:
 * its coding declaration's encoding, else default_encoding ("utf-8" in 3.x, "ascii" in 2.7: the
 * profile's). 0 with *src and *len possibly replaced by a new malloc'd UTF-8 text (the old one freed); -1 with
 * err set ("syntax error: Non-UTF-8 code ...", "encoding problem: X", at the offending line) and *src
 * untouched. A UTF-8 BOM is left in place (the lexer skips it). */
int hx_source_decode(char **src, size_t *len, const char *path, const char *default_encoding, hx_cerr *err);

#endif
