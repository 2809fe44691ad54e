/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DocketCollection:
 * @id: the collection identifier ("frus1964-68v05"), an EAD record id
 * @title: the title ("Foreign Relations of the United States, 1964–1968, Volume V, Vietnam, 1967")
 * @series: the series title, or %NULL
 * @subseries: the sub-series title, or %NULL
 * @volume: the volume number or title, or %NULL
 * @editors: the editors, one per line, or %NULL
 * @date: the publication or collection date as written, or %NULL
 * @scope: scope and content of the collection, or %NULL
 * @repository: the repository holding the collection, or %NULL
 * @url: a web address for the collection, or %NULL
 * @extra_xml: unmapped `archdesc` elements kept from an EAD import, or %NULL
 *
 * One finding aid's worth of records.
 */
typedef struct
{
  char *id;
  char *title;
  char *series;
  char *subseries;
  char *volume;
  char *editors;
  char *date;
  char *scope;
  char *repository;
  char *url;
  char *extra_xml;
} DocketCollection;

#define DOCKET_TYPE_COLLECTION (docket_collection_get_type ())

GType             docket_collection_get_type (void) G_GNUC_CONST;
DocketCollection *docket_collection_new      (const char             *id,
                                              const char             *title);
DocketCollection *docket_collection_copy     (const DocketCollection *collection);
void              docket_collection_free     (DocketCollection       *collection);
gboolean          docket_collection_equal    (const DocketCollection *a,
                                              const DocketCollection *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCollection, docket_collection_free)

G_END_DECLS
