/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-ead-problem.h"
#include "docket-ead-writer.h"

G_BEGIN_DECLS

/**
 * docket_ead_validate:
 * @format: the format @xml claims to be
 * @xml: the document
 * @schemas_dir: the schemas folder (with `ead3/` and `ead2002/`), e.g. from
 *   docket_ead_find_schemas_dir()
 * @error: return location for a #DOCKET_EXPORT_ERROR
 *
 * Validates @xml in process against every official schema of @format: EAD3
 * against `ead3/ead3.xsd` and `ead3/ead3.rng`; EAD 2002 against
 * `ead2002/ead.xsd`, `ead2002/ead-200804.xsd` and `ead2002/ead.rng`. The
 * RELAX NG schemas see the document without `xsi:schemaLocation`, which
 * they do not declare. Nothing is fetched from the network: schema imports
 * of loc.gov addresses resolve to the files in @schemas_dir.
 *
 * Schemas are compiled once and kept; this may be called from any thread.
 *
 * Returns: %TRUE when valid; otherwise %FALSE with an error listing the
 *   problems with their line numbers and the `c` id of the record they
 *   are in (%DOCKET_EXPORT_ERROR_INVALID), or saying which schema could not
 *   be loaded (%DOCKET_EXPORT_ERROR_SCHEMA)
 */
gboolean    docket_ead_validate         (DocketEadFormat   format,
                                         GBytes           *xml,
                                         const char       *schemas_dir,
                                         GError          **error);

/**
 * docket_ead_validate_with_problems:
 * @out_problems: (out) (optional) (element-type DocketEadProblem): the
 *   problems found (empty when valid), each traced to the record and the
 *   field it comes from; at most a couple of hundred
 *
 * Like docket_ead_validate(), with the same result and error, and the
 * problems one by one, for a window to show them by record and field.
 */
gboolean    docket_ead_validate_with_problems (DocketEadFormat   format,
                                               GBytes           *xml,
                                               const char       *schemas_dir,
                                               GPtrArray       **out_problems,
                                               GError          **error);

/**
 * docket_ead_find_schemas_dir:
 *
 * The folder of the official schemas: $DOCKET_SCHEMAS_DIR, else
 * $DOCKET_SHARED_DIR/schemas, else the shared folder the build was
 * configured with, else the installed copy; the first that holds the
 * schemas.
 *
 * Returns: (nullable): the folder, or %NULL when none is found
 */
const char *docket_ead_find_schemas_dir (void);

G_END_DECLS
