#ifndef NEURALBRAIN_CZLIB_SHIM_H
#define NEURALBRAIN_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros. windowBits -15 reads a raw deflate stream
   (no zlib or gzip wrapper), as libdeflate_deflate_compress writes it. */
static inline int nb_inflate_init_raw(z_streamp stream) {
  return inflateInit2(stream, -15);
}
#endif
