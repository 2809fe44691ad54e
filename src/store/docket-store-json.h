/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <json-glib/json-glib.h>

#include "docket-model.h"

G_BEGIN_DECLS

/**
 * DocketJsonStyle:
 * @DOCKET_JSON_STYLE_REVISION: the text the revision history keeps and
 *   reads back: every member of every item, absent values as null, an
 *   agent's role inside the agent, a link's span as span_start and span_end
 *   (-1 when absent).
 * @DOCKET_JSON_STYLE_EXPORT: what `docket-cli show --json` prints: an agent
 *   without its role (the caller groups agents by role) and without the
 *   authority members it lacks, a link's span as a [start, end] pair only
 *   when it has one.
 *
 * How the record's lists are written as JSON. Access points and body
 * blocks are written the same in both styles.
 */
typedef enum
{
  DOCKET_JSON_STYLE_REVISION,
  DOCKET_JSON_STYLE_EXPORT,
} DocketJsonStyle;

/* Each adds one JSON array value, one object per item, to @builder, which
 * must be where a value is expected (after a member name, or in an array). */
void docket_store_json_add_agents        (JsonBuilder     *builder,
                                          GPtrArray       *agents,
                                          DocketJsonStyle  style);
void docket_store_json_add_access_points (JsonBuilder     *builder,
                                          GPtrArray       *points);
void docket_store_json_add_body          (JsonBuilder     *builder,
                                          GPtrArray       *body);
void docket_store_json_add_footnotes     (JsonBuilder     *builder,
                                          GPtrArray       *footnotes,
                                          DocketJsonStyle  style);

G_END_DECLS
