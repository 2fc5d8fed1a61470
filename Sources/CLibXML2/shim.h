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

/* Parses a document without building its tree, for a well-formedness check: every callback
   that would build nodes is removed, so only the tokenizer and the parser's own checks run.
   Errors go to the thread's structured error handler, as for a parse that builds the tree.
   Returns 0, or -1 when libxml2 could not allocate a parser. */
static inline void nb_drop_tree_callbacks(xmlSAXHandler *sax) {
  sax->internalSubset = NULL;
  sax->externalSubset = NULL;
  sax->startDocument = NULL;
  sax->endDocument = NULL;
  sax->startElement = NULL;
  sax->endElement = NULL;
  sax->startElementNs = NULL;
  sax->endElementNs = NULL;
  sax->characters = NULL;
  sax->ignorableWhitespace = NULL;
  sax->cdataBlock = NULL;
  sax->comment = NULL;
  sax->processingInstruction = NULL;
  sax->reference = NULL;
}

static inline int nb_check_html(const char *buffer, int size, const char *name, int options) {
  htmlParserCtxtPtr context = htmlNewParserCtxt();
  if (context == NULL || context->sax == NULL) return -1;
  nb_drop_tree_callbacks(context->sax);
  htmlDocPtr document = htmlCtxtReadMemory(context, buffer, size, name, "UTF-8", options);
  if (document != NULL) xmlFreeDoc(document);
  htmlFreeParserCtxt(context);
  return 0;
}

static inline int nb_check_xml(const char *buffer, int size, const char *name, int options) {
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  if (context == NULL || context->sax == NULL) return -1;
  nb_drop_tree_callbacks(context->sax);
  xmlDocPtr document = xmlCtxtReadMemory(context, buffer, size, name, "UTF-8", options);
  if (document != NULL) xmlFreeDoc(document);
  xmlFreeParserCtxt(context);
  return 0;
}
#endif
