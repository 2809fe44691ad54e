/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An empty catalog at this build's schema, as docket_store_open() makes
 * one with SQLite, made at build time by docket-make-empty-catalog; a new
 * catalog is a copy of it. A size of 0 means there is none (in the tool
 * that makes it). */
extern const guint8 _docket_store_empty_catalog[];
extern const gsize  _docket_store_empty_catalog_size;

G_END_DECLS
