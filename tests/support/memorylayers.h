// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_MEMORYLAYERS_H
#define LIMES_MEMORYLAYERS_H

#include "change/changeengine.h"

#include <memory>
#include <vector>

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace limes::test
{
  //! A memory layer from WKT geometries and (optional) one string attribute per feature.
  inline std::unique_ptr<QgsVectorLayer> memoryLayer( const QString &type, const QString &crs, const QStringList &wkts,
      const QString &field = QString(), const QStringList &values = QStringList() )
  {
    QString uri = QStringLiteral( "%1?crs=%2" ).arg( type, crs );
    if ( !field.isEmpty() )
      uri += QStringLiteral( "&field=%1:string" ).arg( field );
    auto layer = std::make_unique<QgsVectorLayer>( uri, QStringLiteral( "memory" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( int i = 0; i < wkts.size(); ++i )
    {
      QgsFeature f( layer->fields() );
      f.setGeometry( QgsGeometry::fromWkt( wkts.at( i ) ) );
      if ( !field.isEmpty() )
        f.setAttribute( 0, values.value( i ) );
      features << f;
    }
    layer->dataProvider()->addFeatures( features );
    layer->updateExtents();
    return layer;
  }

  inline InputLayer input( QgsVectorLayer *layer, const QString &name )
  {
    return InputLayer{ layer, name, name, QString() };
  }

  //! Line versions with KG on the left and TJ on the right, as in the sample data.
  inline ChangeRequest lineRequest( QgsVectorLayer *oldVersion, QgsVectorLayer *newVersion, double maxEndGapM = 1000 )
  {
    ChangeRequest r;
    r.oldVersion = input( oldVersion, oldVersion->name() );
    r.newVersion = input( newVersion, newVersion->name() );
    r.leftParty = QStringLiteral( "KG" );
    r.rightParty = QStringLiteral( "TJ" );
    r.maxEndGapM = maxEndGapM;
    return r;
  }

  //! Area moving in each direction, from a result.
  inline double transferred( const ChangeResult &r, const QString &from, const QString &to )
  {
    double a = 0;
    for ( const Transfer &t : r.transfers )
      if ( t.from == from && t.to == to )
        a += t.areaM2;
    return a;
  }
}

#endif
