/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOCKET_EXPORT_ERROR (docket_export_error_quark ())

/**
 * DocketExportError:
 * @DOCKET_EXPORT_ERROR_FAILED: anything else (a libxml2 failure)
 * @DOCKET_EXPORT_ERROR_IO: the output file could not be written; an
 *   existing file at that path was left as it was
 * @DOCKET_EXPORT_ERROR_SCHEMA: a schema is missing or could not be compiled
 * @DOCKET_EXPORT_ERROR_INVALID: the document is not well-formed or does not
 *   validate against a schema
 *
 * The export layer's errors. Messages are one translated paragraph that
 * names the file, the schema or the record.
 */
typedef enum
{
  DOCKET_EXPORT_ERROR_FAILED,
  DOCKET_EXPORT_ERROR_IO,
  DOCKET_EXPORT_ERROR_SCHEMA,
  DOCKET_EXPORT_ERROR_INVALID,
} DocketExportError;

GQuark docket_export_error_quark (void);

G_END_DECLS
