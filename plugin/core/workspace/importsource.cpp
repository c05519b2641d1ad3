// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/importsource.h"
#include "workspace/checks.h"
#include "error.h"

#include <QThread>

#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsgeometry.h>

#include <cmath>
#include <cstdio>

namespace limes
{
  namespace
  {
    const QgsCoordinateReferenceSystem &wgs84()
    {
      static const QgsCoordinateReferenceSystem crs( QStringLiteral( "EPSG:4326" ) );
      return crs;
    }

    //! Features in id order, in WGS 84.
    QgsFeatureIterator inWgs84( QgsFeatureSource *source, const QgsCoordinateTransformContext &context )
    {
      QgsFeatureRequest request;
      request.setDestinationCrs( wgs84(), context );
      return source->getFeatures( request.addOrderBy( QStringLiteral( "$id" ) ) );
    }
  }

  long long readVersionLines( QgsFeatureSource *source, const QString &sourceName, const QgsCoordinateTransformContext &context,
                              const std::function<void( const VersionLine & )> &write )
  {
    const int segmentField = source->fields().lookupField( QStringLiteral( "segment" ) );
    QgsFeatureIterator it = inWgs84( source, context );
    QgsFeature f;
    int part = 0;
    long long features = 0;
    while ( it.nextFeature( f ) )
    {
      const QgsGeometry g = f.geometry();
      if ( g.isNull() || g.isEmpty() )
        throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), sourceName );
      const QString segment = segmentField >= 0 ? f.attribute( segmentField ).toString() : QString();
      for ( const QgsGeometry &line : g.asGeometryCollection() )
      {
        checks::checkVersionLine( line, f.id(), sourceName );
        write( VersionLine{ segment, ++part, line.asWkb() } );
      }
      pauseImportForTest( ++features );
    }
    if ( part == 0 )
      throw Error( QStringLiteral( "layer is empty" ), sourceName );
    return part;
  }

  long long readPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &names, const QStringList &segments,
                         QSet<QString> numbers, const QString &author, const QgsCoordinateTransformContext &context,
                         const std::function<void( const Pillar & )> &write )
  {
    const QgsFields fields = source->fields();
    const int number = fields.lookupField( names.number );
    const int type = fields.lookupField( names.type ), segment = fields.lookupField( names.segment );
    const int sx = fields.lookupField( names.surveyedX ), sy = fields.lookupField( names.surveyedY );
    const int accuracy = fields.lookupField( names.accuracy ), date = fields.lookupField( names.surveyDate );
    const QgsCoordinateTransform toWgs84( source->sourceCrs(), wgs84(), context );
    QgsFeatureIterator it = inWgs84( source, context );
    QgsFeature f;
    auto has = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull(); };
    long long imported = 0;
    while ( it.nextFeature( f ) )
    {
      Pillar p;
      p.number = f.attribute( number ).toString().trimmed();
      const QString where = QStringLiteral( "%1 feature %2" ).arg( sourceName ).arg( f.id() );
      if ( p.number.isEmpty() )
        throw Error( QStringLiteral( "pillar without a number" ), where );
      if ( f.geometry().isNull() || f.geometry().isEmpty() || f.geometry().isMultipart() )
        throw Error( QStringLiteral( "pillar %1 has no single point geometry" ).arg( p.number ), where );
      const QgsPointXY point = f.geometry().asPoint();
      if ( !std::isfinite( point.x() ) || !std::isfinite( point.y() ) || std::fabs( point.y() ) > 90 )
        throw Error( QStringLiteral( "pillar %1 has an invalid position" ).arg( p.number ), where );
      if ( numbers.contains( p.number ) )
        throw Error( QStringLiteral( "pillar number %1 exists already" ).arg( p.number ), where );
      p.segment = has( segment ) ? f.attribute( segment ).toString().trimmed() : QString();
      if ( !p.segment.isEmpty() && !segments.contains( p.segment ) )
        throw Error( QStringLiteral( "pillar %1: unknown segment '%2'" ).arg( p.number, p.segment ), where );
      p.lon = point.x();
      p.lat = point.y();
      p.type = has( type ) ? f.attribute( type ).toString() : QString();
      if ( has( sx ) && has( sy ) )
      {
        try
        {
          const QgsPointXY surveyed = toWgs84.transform( QgsPointXY( f.attribute( sx ).toDouble(), f.attribute( sy ).toDouble() ) );
          p.surveyedLon = surveyed.x();
          p.surveyedLat = surveyed.y();
        }
        catch ( const QgsCsException & )
        {
          throw Error( QStringLiteral( "pillar %1: the surveyed position cannot be transformed to WGS 84" ).arg( p.number ), where );
        }
      }
      if ( has( accuracy ) )
        p.surveyAccuracy = f.attribute( accuracy ).toDouble();
      p.surveyDate = has( date ) ? f.attribute( date ).toString() : QString();
      p.author = author;
      numbers.insert( p.number );
      write( p );
      pauseImportForTest( ++imported );
    }
    return imported;
  }

  void pauseImportForTest( long long featuresWritten )
  {
    static const long long after = qEnvironmentVariableIsSet( "LIMES_TEST_PAUSE_IMPORT_AFTER" ) ? qEnvironmentVariable( "LIMES_TEST_PAUSE_IMPORT_AFTER" ).toLongLong() : 0;
    if ( after <= 0 || featuresWritten != after )
      return;
    std::fprintf( stderr, "limes: test pause: %lld features written\n", featuresWritten );
    std::fflush( stderr );
    for ( int i = 0; i < 3000; ++i ) // the test kills us long before
      QThread::msleep( 100 );
  }
}
