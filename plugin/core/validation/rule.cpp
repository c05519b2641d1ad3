// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rule.h"

#include <QStringList>

namespace limes::validation
{
  QString severityName( Severity severity )
  {
    return severity == Severity::Warning ? QStringLiteral( "warning" ) : QStringLiteral( "error" );
  }

  QString familyName( Family family )
  {
    switch ( family )
    {
      case Family::Geometry:
        return QStringLiteral( "geometry" );
      case Family::Segments:
        return QStringLiteral( "segments" );
      case Family::Pillars:
        return QStringLiteral( "pillars" );
      case Family::Territories:
        return QStringLiteral( "territories" );
      case Family::Ends:
        return QStringLiteral( "ends" );
    }
    return QString();
  }

  QString inputName( Input input )
  {
    switch ( input )
    {
      case Line:
        return QStringLiteral( "line" );
      case Segments:
        return QStringLiteral( "segments" );
      case Pillars:
        return QStringLiteral( "pillars" );
      case Territories:
        return QStringLiteral( "territories" );
      case Tripoints:
        return QStringLiteral( "tripoints" );
    }
    return QString();
  }

  QString inputNames( Inputs inputs )
  {
    QStringList names;
    for ( Input input : { Line, Segments, Pillars, Territories, Tripoints } )
      if ( inputs & input )
        names << inputName( input );
    return names.join( QLatin1String( ", " ) );
  }

  std::vector<Family> families()
  {
    return { Family::Geometry, Family::Segments, Family::Pillars, Family::Territories, Family::Ends };
  }

  QString Check::unavailable( const RunContext & ) const
  {
    return QString();
  }

  bool Check::applies( RunContext & ) const
  {
    return true;
  }
}
