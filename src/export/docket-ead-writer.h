/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-model.h"
#include "docket-export-error.h"

G_BEGIN_DECLS

typedef enum
{
  DOCKET_EAD_FORMAT_EAD3,
  DOCKET_EAD_FORMAT_EAD2002,
} DocketEadFormat;

/**
 * DocketEadOptions:
 * @agency_name: (nullable): the maintenance agency (the catalog setting
 *   "agency.name"); %NULL: the collection's repository, else "Unidentified agency"
 * @agency_code: (nullable): its ISIL ("US-DNA", or "DNA" with a country);
 *   written only when it is a valid ISIL
 * @country_code: (nullable): ISO 3166-1 alpha-2 ("US"); written only when
 *   it is in the ISO list
 * @schema_location: write `xsi:schemaLocation` on `ead` (the RELAX NG
 *   schemas reject it; the `xml-model` processing instruction is always
 *   written)
 * @warnings: (element-type utf8) (nullable): gets a translated message,
 *   naming the record, for each element kept from an EAD import that had to
 *   be left out or changed to keep the output valid
 *
 * Zero-initialized options are valid. Future options (an export gate for
 * the review status) are added at the end.
 */
typedef struct
{
  const char *agency_name;
  const char *agency_code;
  const char *country_code;
  gboolean    schema_location;
  GPtrArray  *warnings;
} DocketEadOptions;

const char *docket_ead_format_to_string   (DocketEadFormat          format);
gboolean    docket_ead_format_from_string (const char              *str,
                                           DocketEadFormat         *out_format);

/**
 * docket_ead_write_bytes:
 * @format: EAD3 or EAD 2002
 * @collection: (nullable): the collection the finding aid describes; %NULL
 *   describes a default collection
 * @records: (element-type DocketRecord): the records, in catalog order; each
 *   becomes one `c level="item"`
 * @options: (nullable): agency and schema options
 * @error: return location for a #DOCKET_EXPORT_ERROR
 *
 * Writes one finding aid as UTF-8 XML. The output is valid against the
 * official schemas whatever the field contents: characters XML 1.0 forbids
 * are dropped, ids are unique NCNames, every `@target` resolves, attribute
 * values a schema would reject are left out.
 *
 * Elements kept from an EAD import (docket_record_get_extra_xml(),
 * #DocketCollection.extra_xml) are written back when they are in the
 * namespace of @format (EAD 2002 without a namespace is converted to the
 * namespaced form); each serialized element should carry its own namespace
 * declarations.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GBytes     *docket_ead_write_bytes        (DocketEadFormat          format,
                                           const DocketCollection  *collection,
                                           GPtrArray               *records,
                                           const DocketEadOptions  *options,
                                           GError                 **error);

/**
 * docket_ead_write_file:
 * @path: the output file
 *
 * Like docket_ead_write_bytes(), streaming to a temporary file in the
 * folder of @path that is synced and renamed over @path only when it is
 * complete: a failure or a crash leaves an existing file whole.
 *
 * Returns: %TRUE on success
 */
gboolean    docket_ead_write_file         (DocketEadFormat          format,
                                           const DocketCollection  *collection,
                                           GPtrArray               *records,
                                           const DocketEadOptions  *options,
                                           const char              *path,
                                           GError                 **error);
gboolean    docket_ead_save_bytes         (GBytes                  *xml,
                                           const char              *path,
                                           GError                 **error);

G_END_DECLS
