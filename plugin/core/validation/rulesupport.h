// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULESUPPORT_H
#define LIMES_VALIDATION_RULESUPPORT_H

#include <QString>

#include <qgspointxy.h>

// Small pieces more than one rule family uses: how a distance reads in a message, the
// natural order of codes and numbers, and the angle at a vertex.
namespace limes::validation
{
  //! "2.31 m", "1.250 km": what every message says a distance with.
  QString metres( double m );

  //! "S-012" < "S-012a" < "S-013"; "99" < "123": numbers compare as numbers.
  bool naturalLess( const QString &a, const QString &b );

  //! The angle prev-at-next at `at`, in degrees: 180 straight on, 0 turning right back.
  double angleAt( const QgsPointXY &prev, const QgsPointXY &at, const QgsPointXY &next );
}

#endif
