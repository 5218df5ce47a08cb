/* ucase.c — simple case mappings (see ucase.h) */
#include "ucase.h"

uint32_t hx_ucase_lower(uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20; /* Greek capitals, no final sigma */
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                 /* Cyrillic А..Я */
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;                 /* Cyrillic Ѐ..Џ */
    return c;
}

uint32_t hx_ucase_upper(uint32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
    if (c == 0xB5) return 0x39C; /* micro sign → Greek capital mu */
    if (c == 0xFF) return 0x178; /* ÿ → Ÿ */
    if (c == 0x3C2) return 0x3A3; /* final sigma → capital sigma */
    if (c >= 0x3B1 && c <= 0x3C9) return c - 0x20;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}
