// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATIONOUTPUT_H
#define LIMES_VALIDATIONOUTPUT_H

#include "validation/validation.h"

#include <QByteArray>
#include <QJsonObject>

#include <qgsfeature.h>
#include <qgsfields.h>

namespace limes
{
  //! {"errors": [...], "counts": {...}, ...}: deterministic, like the change summary.
  QJsonObject validationSummary( const ValidationResult &result );
  QByteArray validationSummaryJson( const ValidationResult &result );

  QgsFields findingFields();
  QgsFeature findingFeature( const Finding &finding, const QgsFields &fields );

  //! Layer `errors` (points and lines at the findings, in the line's CRS) in a new GeoPackage.
  void writeValidationGeoPackage( const ValidationResult &result, const QString &path );
}

#endif
