// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_IO_DATUM_H
#define LIMES_IO_DATUM_H

#include <QString>

class QgsCoordinateReferenceSystem;
class QgsCoordinateTransformContext;

namespace limes::io
{
  /**
   * An input reprojected from `from` to `to` must take one well-defined way: where PROJ offers
   * several datum transformations (Pulkovo 1942 to WGS 84: metres apart), which one applies is
   * the commission's call, not PROJ's. limes::Error at `where` unless the CRSs are the same,
   * PROJ knows one way, or the transform context names the one to take.
   */
  void checkUnambiguousTransform( const QgsCoordinateReferenceSystem &from, const QgsCoordinateReferenceSystem &to,
                                  const QgsCoordinateTransformContext &context, const QString &where );
}

#endif
