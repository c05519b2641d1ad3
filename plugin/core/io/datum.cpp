// SPDX-License-Identifier: GPL-2.0-or-later
#include "io/datum.h"
#include "error.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsdatumtransform.h>

namespace limes::io
{
  void checkUnambiguousTransform( const QgsCoordinateReferenceSystem &from, const QgsCoordinateReferenceSystem &to,
                                  const QgsCoordinateTransformContext &context, const QString &where )
  {
    if ( from == to || context.hasTransform( from, to ) )
      return;
    int available = 0;
    for ( const QgsDatumTransform::TransformDetails &d : QgsDatumTransform::operations( from, to ) )
      available += d.isAvailable ? 1 : 0;
    if ( available > 1 )
      throw Error( QStringLiteral( "the transformation from %1 to %2 is ambiguous (%3 datum transformations); reproject the layer with the one the commission agreed" )
                   .arg( from.authid(), to.authid() ).arg( available ), where );
  }
}
