// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/snapshot.h"
#include "workspace/gpkg/gpkgstore.h"
#include "atomicoutput.h"
#include "error.h"

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <cmath>

namespace limes
{
  namespace
  {
    //! The pillars as a layer importPillars() reads with the default field names (WGS 84).
    std::unique_ptr<QgsVectorLayer> pillarLayer( const QList<Pillar> &pillars )
    {
      auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=EPSG:4326&field=number:string&field=type:string&field=segment:string&field=surveyed_x:double"
                   "&field=surveyed_y:double&field=survey_accuracy:double&field=survey_date:string" ), QStringLiteral( "pillars" ), QStringLiteral( "memory" ) );
      auto number = []( double v ) { return std::isfinite( v ) ? QVariant( v ) : QVariant(); };
      auto text = []( const QString &v ) { return v.isEmpty() ? QVariant() : QVariant( v ); };
      QgsFeatureList features;
      for ( const Pillar &p : pillars )
      {
        QgsFeature f( layer->fields() );
        f.setGeometry( QgsGeometry::fromPointXY( QgsPointXY( p.lon, p.lat ) ) );
        f.setAttributes( QgsAttributes( QVector<QVariant> { p.number, text( p.type ), text( p.segment ), number( p.surveyedLon ), number( p.surveyedLat ),
                                        number( p.surveyAccuracy ), text( p.surveyDate ) } ) );
        features << f;
      }
      layer->dataProvider()->addFeatures( features );
      layer->updateExtents();
      return layer;
    }
  }

  void exportSnapshot( const WorkspaceStore &from, const QString &gpkgPath, const QgsCoordinateTransformContext &context )
  {
    const QString where = from.describe();
    AtomicOutput out( gpkgPath );
    GpkgStore::create( out.temporaryPath(), from.parties(), from.segments() );
    {
      const auto to = GpkgStore::open( out.temporaryPath(), context );
      for ( LineVersion v : from.versions() )
      {
        const VersionLayer lines = from.versionLayer( v );
        v.rowVersion = 0;
        to->importVersion( v, lines.layer.get(), where );
      }
      const QList<Pillar> pillars = from.pillars();
      if ( !pillars.isEmpty() )
        to->importPillars( pillarLayer( pillars ).get(), where, PillarFields(), QStringLiteral( "export from %1" ).arg( where ) );
      for ( const LedgerEntry &e : from.ledger() )
        to->appendSealedEntry( e );
      for ( const AcceptedFinding &f : from.acceptedFindings() )
        to->acceptFinding( f, { f.rule } ); // accepted already: copied, not judged again
      for ( const StoredChange &c : from.storedChanges() )
        to->storeChange( c.oldVersion, c.newVersion, c.summaryJson, c.author );
      const VerifyReport check = to->verify();
      if ( !check.clean() )
        throw Error( QStringLiteral( "the ledger does not verify: %1" ).arg( check.problems.first() ), where );
    }
    out.commit();
  }
}
