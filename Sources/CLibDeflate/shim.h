#ifndef NEURALBRAIN_CLIBDEFLATE_SHIM_H
#define NEURALBRAIN_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
