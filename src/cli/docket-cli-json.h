/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the commands' --json output shares. */

/* Adds member @name to the object @builder is in: @value, or null when it
 * is %NULL. */
void docket_cli_json_add_string (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value);
/* Prints the value @builder has built on stdout, indented, and a line break. */
void docket_cli_json_print      (JsonBuilder *builder);

G_END_DECLS
