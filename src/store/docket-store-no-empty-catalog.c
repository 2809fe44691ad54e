/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* No empty catalog to copy: new catalogs are made by SQLite. Linked into
 * docket-make-empty-catalog, which makes the empty catalog that way, and
 * into a cross build that cannot run it. */

#include "docket-store-empty-catalog.h"

const guint8 _docket_store_empty_catalog[1] = { 0 };
const gsize  _docket_store_empty_catalog_size = 0;
