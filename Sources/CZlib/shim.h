#ifndef NEURALBRAIN_CZLIB_SHIM_H
#define NEURALBRAIN_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro; Swift cannot call macros. windowBits 15 + 16 asks for a gzip
   wrapper, whose header zlib writes with mtime 0 and no file name: the same bytes every run. */
static inline int nb_deflate_init_gzip(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
}
#endif
