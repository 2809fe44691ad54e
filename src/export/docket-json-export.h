/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <json-glib/json-glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/* The record as the JSON object `docket-cli show --json` prints: every
 * field under its key (dotted keys nest: "date.from" is date → from),
 * the lists, and the version. */
JsonNode *docket_json_export_record      (DocketRecord *record);
char     *docket_json_export_record_text (DocketRecord *record,
                                          gboolean      pretty);

G_END_DECLS
