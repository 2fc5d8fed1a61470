#ifndef NEURALBRAIN_CLIBXML2_SHIM_H
#define NEURALBRAIN_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its <unicode/*.h> would clash with Foundation's own ICU
   module. We use no encoding-handler internals, so hide the ICU part of the headers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* xmlFree is a global function pointer; Swift 6 rejects reading a mutable global. */
static inline void nb_xml_free(void *pointer) { xmlFree(pointer); }
#endif
