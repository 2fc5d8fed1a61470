#ifndef NEURALBRAIN_SHA256_H
#define NEURALBRAIN_SHA256_H
#include <stddef.h>
#include <stdint.h>

/* SHA-256's compression function on the CPU's SHA extensions (x86-64 SHA-NI).

   Runs `blocks` 64-byte blocks of `data` through `state` (the eight working words, in the
   order FIPS 180-4 names them a..h) and returns 1; returns 0 and leaves `state` alone when the
   CPU has no SHA extensions, so the caller compresses the blocks itself. */
int nb_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

/* The 64 round constants K of FIPS 180-4, for a compression of the caller's own. */
const uint32_t *nb_sha256_round_constants(void);

#endif
