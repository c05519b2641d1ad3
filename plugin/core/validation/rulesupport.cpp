// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rulesupport.h"

#include <QList>
#include <QRegularExpression>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace limes::validation
{
  namespace
  {
    QList<QVariant> naturalKey( const QString &text )
    {
      QList<QVariant> key;
      static const QRegularExpression parts( QStringLiteral( "(\\d+)|(\\D+)" ) );
      auto it = parts.globalMatch( text );
      while ( it.hasNext() )
      {
        const QRegularExpressionMatch m = it.next();
        if ( !m.captured( 1 ).isEmpty() )
          key << m.captured( 1 ).toLongLong();
        else
          key << m.captured( 2 );
      }
      return key;
    }
  }

  QString metres( double m )
  {
    return std::fabs( m ) >= 1000 ? QStringLiteral( "%1 km" ).arg( m / 1000, 0, 'f', 3 ) : QStringLiteral( "%1 m" ).arg( m, 0, 'f', 2 );
  }

  bool naturalLess( const QString &a, const QString &b )
  {
    const QList<QVariant> ka = naturalKey( a ), kb = naturalKey( b );
    for ( int i = 0; i < std::min( ka.size(), kb.size() ); ++i )
    {
      if ( ka[i].userType() != kb[i].userType() )
        return ka[i].userType() == QMetaType::LongLong; // digits before letters
      if ( ka[i] != kb[i] )
        return ka[i].userType() == QMetaType::LongLong ? ka[i].toLongLong() < kb[i].toLongLong() : ka[i].toString() < kb[i].toString();
    }
    return ka.size() < kb.size();
  }

  double angleAt( const QgsPointXY &prev, const QgsPointXY &at, const QgsPointXY &next )
  {
    const double ax = prev.x() - at.x(), ay = prev.y() - at.y(), bx = next.x() - at.x(), by = next.y() - at.y();
    return std::atan2( std::fabs( ax * by - ay * bx ), ax * bx + ay * by ) * 180.0 / M_PI;
  }
}
