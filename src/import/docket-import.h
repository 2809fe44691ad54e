/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-model.h"

G_BEGIN_DECLS

#define DOCKET_IMPORT_ERROR (docket_import_error_quark ())

/**
 * DocketImportError:
 * @DOCKET_IMPORT_ERROR_IO: the file could not be read
 * @DOCKET_IMPORT_ERROR_EMPTY: the file is empty
 * @DOCKET_IMPORT_ERROR_BINARY: the file is not text
 * @DOCKET_IMPORT_ERROR_ENCODING: the text is not UTF-8
 * @DOCKET_IMPORT_ERROR_TOO_LARGE: the file is larger than Docket imports
 * @DOCKET_IMPORT_ERROR_NOT_RECOGNIZED: neither a FRUS document nor TEI nor EAD
 * @DOCKET_IMPORT_ERROR_MALFORMED: not well-formed XML, or a broken layout
 * @DOCKET_IMPORT_ERROR_FORBIDDEN: an external entity, a DTD entity bomb, …
 * @DOCKET_IMPORT_ERROR_CANCELLED: the import was cancelled
 *
 * Every error message names the file, the line where it applies, and the
 * reason: "memo.txt:12: the text is not UTF-8".
 */
typedef enum
{
  DOCKET_IMPORT_ERROR_IO,
  DOCKET_IMPORT_ERROR_EMPTY,
  DOCKET_IMPORT_ERROR_BINARY,
  DOCKET_IMPORT_ERROR_ENCODING,
  DOCKET_IMPORT_ERROR_TOO_LARGE,
  DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
  DOCKET_IMPORT_ERROR_MALFORMED,
  DOCKET_IMPORT_ERROR_FORBIDDEN,
  DOCKET_IMPORT_ERROR_CANCELLED,
} DocketImportError;

typedef enum
{
  DOCKET_IMPORT_FORMAT_UNKNOWN,
  DOCKET_IMPORT_FORMAT_FRUS_TEXT,
  DOCKET_IMPORT_FORMAT_FRUS_TEI,
  DOCKET_IMPORT_FORMAT_EAD3,
  DOCKET_IMPORT_FORMAT_EAD2002,
} DocketImportFormat;

/* Files larger than this are refused before they are read. */
#define DOCKET_IMPORT_MAX_FILE_SIZE (64 * 1024 * 1024)

/**
 * DocketImportProgress:
 * @done: records read so far
 * @total: records in the file, or 0 when not known yet
 *
 * Called from the thread that runs the import.
 */
typedef void (*DocketImportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/**
 * DocketImportReady:
 * @result: the result being read: its persons and glossary are complete,
 *   and its collection's id is final unless the records are withdrawn (an
 *   EAD collection's description may still grow: the finished result has
 *   the whole of it)
 * @n_final: how many of @result's records are complete
 *
 * Called from the thread that reads, as records are completed, so that they
 * can be stored while the rest of the file is read. The records before
 * @n_final are the callee's from then on (it gives them their final ids,
 * collection and titles): the reader does not read or change them again,
 * and they stay in @result's records, unless the rest of the file shows
 * them wrong: the finished result then has @ready_withdrawn set and new
 * records.
 */
typedef struct _DocketImportResult DocketImportResult;
typedef void (*DocketImportReady) (DocketImportResult *result,
                                   guint               n_final,
                                   gpointer            user_data);

/**
 * DocketImportResult:
 * @format: the format the file was read as
 * @collection: (nullable): the collection the file describes (a TEI volume,
 *   an EAD finding aid), or %NULL for plain text
 * @records: (element-type DocketRecord): the records, in document order
 * @persons: (element-type DocketAgent): a volume's persons list (TEI), with
 *   @ref the person's id and @office the description of their offices
 * @glossary: (element-type DocketAccessPoint): a volume's terms list (TEI),
 *   with @authority_id the term id, @term the abbreviation and @role its expansion
 * @n_unmapped: elements that Docket keeps but does not map (EAD)
 * @warnings: (element-type utf8): things a user should know, one line each
 * @ready_withdrawn: the records told complete through #DocketImportReady
 *   were void (an EAD component said more about itself after the
 *   components inside it, say): @records, read again, replace them all
 */
struct _DocketImportResult
{
  DocketImportFormat  format;
  DocketCollection   *collection;
  GPtrArray          *records;
  GPtrArray          *persons;
  GPtrArray          *glossary;
  guint               n_unmapped;
  GPtrArray          *warnings;
  gboolean            ready_withdrawn;

  /*< private >*/
  gpointer            document;
  GDestroyNotify      document_free;
};

GQuark              docket_import_error_quark   (void);

DocketImportResult *docket_import_result_new    (DocketImportFormat    format);
void                docket_import_result_free   (DocketImportResult   *result);

DocketImportFormat  docket_import_detect_format (const char           *data,
                                                 gsize                 length);

DocketImportResult *docket_import_file          (const char           *path,
                                                 GCancellable         *cancellable,
                                                 DocketImportProgress  progress,
                                                 gpointer              user_data,
                                                 GError              **error);
DocketImportResult *docket_import_file_full     (const char           *path,
                                                 GCancellable         *cancellable,
                                                 DocketImportProgress  progress,
                                                 DocketImportReady     ready,
                                                 gpointer              user_data,
                                                 GError              **error);
DocketImportResult *docket_import_data          (const char           *display_name,
                                                 const char           *data,
                                                 gsize                 length,
                                                 GCancellable         *cancellable,
                                                 DocketImportProgress  progress,
                                                 gpointer              user_data,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketImportResult, docket_import_result_free)

G_END_DECLS
