// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/survey.h"
#include "workspace/ledgerchain.h"
#include "io/coordinates.h"
#include "error.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsexception.h>
#include <qgsgeometry.h>
#include <qgspointxy.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <cmath>

namespace limes
{
  namespace
  {
    QString number( double v )
    {
      return QString::number( v, 'f', 9 );
    }

    double parsed( const QJsonObject &o, const char *key )
    {
      bool ok = false;
      const double v = o.value( QLatin1String( key ) ).toString().toDouble( &ok );
      return ok ? v : std::numeric_limits<double>::quiet_NaN();
    }

    //! What is wrong with a survey's values, one phrase; empty when nothing.
    QString problem( const PillarSurvey &s )
    {
      if ( s.pillar.trimmed().isEmpty() )
        return QStringLiteral( "a survey needs the pillar's number" );
      const QString position = io::CoordinateLimits( io::CoordinateLimits::Geographic, QStringLiteral( "WGS 84" ) ).problem( s.lon, s.lat );
      if ( !position.isEmpty() )
        return QStringLiteral( "surveyed position: %1" ).arg( position );
      if ( !std::isfinite( s.accuracy ) || s.accuracy <= 0 )
        return QStringLiteral( "the survey accuracy must be a number of metres above 0 (got %1)" ).arg( s.accuracy );
      if ( !s.date.isValid() )
        return QStringLiteral( "a survey needs its date (YYYY-MM-DD)" );
      if ( s.date > QDateTime::currentDateTimeUtc().date() )
        return QStringLiteral( "survey date %1 is in the future" ).arg( s.date.toString( Qt::ISODate ) );
      return QString();
    }
  }

  namespace survey
  {
    SurveyDeviation deviation( double lon1, double lat1, double lon2, double lat2 )
    {
      SurveyDeviation d;
      if ( !std::isfinite( lon1 ) || !std::isfinite( lat1 ) || !std::isfinite( lon2 ) || !std::isfinite( lat2 ) )
        return d;
      double s12 = 0, azi1 = 0, azi2 = 0;
      GeographicLib::Geodesic::WGS84().Inverse( lat1, lon1, lat2, lon2, s12, azi1, azi2 );
      d.metres = s12;
      d.azimuth = s12 > 0 ? std::fmod( azi1 + 360.0, 360.0 ) : 0.0;
      return d;
    }

    QgsPointXY toWgs84( double x, double y, const QgsCoordinateReferenceSystem &crs, const QgsCoordinateTransformContext &context )
    {
      if ( !crs.isValid() )
        throw Error( QStringLiteral( "the surveyed position's CRS is not valid" ) );
      const QString where = io::CoordinateLimits( crs ).problem( x, y );
      if ( !where.isEmpty() )
        throw Error( QStringLiteral( "surveyed position (%1, %2) in %3: %4" ).arg( x, 0, 'g', 12 ).arg( y, 0, 'g', 12 ).arg( crs.authid(), where ) );
      const QgsCoordinateReferenceSystem wgs84( QStringLiteral( "EPSG:4326" ) );
      QgsPointXY p;
      try
      {
        p = QgsCoordinateTransform( crs, wgs84, context ).transform( QgsPointXY( x, y ) );
      }
      catch ( const QgsCsException & )
      {
        p = QgsPointXY( std::numeric_limits<double>::quiet_NaN(), 0 );
      }
      if ( !io::CoordinateLimits( wgs84 ).problem( p.x(), p.y() ).isEmpty() )
        throw Error( QStringLiteral( "surveyed position (%1, %2) cannot be transformed from %3 to WGS 84" ).arg( x, 0, 'g', 12 ).arg( y, 0, 'g', 12 ).arg( crs.authid() ) );
      return p;
    }

    void check( const PillarSurvey &s, const QString &where )
    {
      const QString p = problem( s );
      if ( !p.isEmpty() )
        throw Error( p, where );
      if ( s.author.trimmed().isEmpty() )
        throw Error( QStringLiteral( "a ledger entry needs its author" ), where );
    }

    QJsonObject payload( const PillarSurvey &s )
    {
      return QJsonObject{ { "survey", QJsonObject{ { "pillar", s.pillar }, { "lon", number( s.lon ) }, { "lat", number( s.lat ) },
            { "accuracy_m", number( s.accuracy ) }, { "date", s.date.toString( Qt::ISODate ) },
            { "designed_lon", number( s.designedLon ) }, { "designed_lat", number( s.designedLat ) } } } };
    }

    bool isSurvey( const LedgerEntry &e )
    {
      return e.format == 2 && e.kind == QLatin1String( "pillars" ) && e.payload.value( QLatin1String( "survey" ) ).isObject();
    }

    PillarSurvey fromEntry( const LedgerEntry &e )
    {
      const QJsonObject o = e.payload.value( QLatin1String( "survey" ) ).toObject();
      PillarSurvey s;
      s.pillar = o.value( QLatin1String( "pillar" ) ).toString();
      s.lon = parsed( o, "lon" );
      s.lat = parsed( o, "lat" );
      s.accuracy = parsed( o, "accuracy_m" );
      s.date = QDate::fromString( o.value( QLatin1String( "date" ) ).toString(), Qt::ISODate );
      s.designedLon = parsed( o, "designed_lon" );
      s.designedLat = parsed( o, "designed_lat" );
      s.author = e.input.author;
      s.ledgerEntry = e.id;
      s.signerParty = e.signerParty;
      s.recordedUtc = e.recordedUtc;
      return s;
    }

    QList<PillarSurvey> surveys( const QList<LedgerEntry> &entries, const QString &number )
    {
      QList<PillarSurvey> list;
      for ( const LedgerEntry &e : entries )
        if ( isSurvey( e ) )
        {
          PillarSurvey s = fromEntry( e );
          if ( number.isNull() || s.pillar == number )
            list << s;
        }
      return list;
    }

    QList<Pillar> withLatestSurveys( QList<Pillar> pillars, const QList<LedgerEntry> &entries )
    {
      QHash<QString, int> index;
      for ( int i = 0; i < pillars.size(); ++i )
        index.insert( pillars[i].number, i );
      for ( const PillarSurvey &s : surveys( entries ) ) // in entry order: the latest wins
      {
        const auto it = index.constFind( s.pillar );
        if ( it == index.constEnd() || !problem( s ).isEmpty() )
          continue; // verify() names it
        Pillar &p = pillars[*it];
        p.surveyedLon = s.lon;
        p.surveyedLat = s.lat;
        p.surveyAccuracy = s.accuracy;
        p.surveyDate = s.date.toString( Qt::ISODate );
        p.surveyEntry = s.ledgerEntry;
      }
      return pillars;
    }

    std::unique_ptr<QgsVectorLayer> pillarsLayer( const QList<Pillar> &pillars, const QString &name )
    {
      auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=EPSG:4326&field=number:string&field=type:string&field=segment:string"
                   "&field=surveyed_x:double&field=surveyed_y:double&field=survey_accuracy:double&field=survey_date:string&field=author:string"
                   "&field=deviation_m:double&field=azimuth_deg:double&field=survey_entry:long" ), name, QStringLiteral( "memory" ) );
      fillPillarsLayer( *layer, pillars );
      return layer;
    }

    void fillPillarsLayer( QgsVectorLayer &layer, const QList<Pillar> &pillars )
    {
      QgsVectorDataProvider *provider = layer.dataProvider();
      provider->truncate();
      auto value = []( double v ) { return std::isfinite( v ) ? QVariant( v ) : QVariant(); };
      QgsFeatureList features;
      for ( const Pillar &p : pillars )
      {
        QgsFeature f( layer.fields() );
        const SurveyDeviation d = deviation( p );
        f.setAttributes( QgsAttributes() << p.number << p.type << ( p.segment.isEmpty() ? QVariant() : QVariant( p.segment ) )
                         << value( p.surveyedLon ) << value( p.surveyedLat ) << value( p.surveyAccuracy )
                         << ( p.surveyDate.isEmpty() ? QVariant() : QVariant( p.surveyDate ) ) << p.author << value( d.metres ) << value( d.azimuth )
                         << ( p.surveyEntry > 0 ? QVariant( p.surveyEntry ) : QVariant() ) );
        f.setGeometry( QgsGeometry::fromPointXY( QgsPointXY( p.lon, p.lat ) ) );
        features << f;
      }
      provider->addFeatures( features );
      layer.updateExtents();
    }

    void verify( const QList<LedgerEntry> &entries, const QList<Pillar> &pillars, VerifyReport &report )
    {
      QSet<QString> numbers;
      for ( const Pillar &p : pillars )
        numbers.insert( p.number );
      for ( const LedgerEntry &e : entries )
      {
        if ( !isSurvey( e ) )
          continue;
        const PillarSurvey s = fromEntry( e );
        if ( !numbers.contains( s.pillar ) )
          report.problems << QStringLiteral( "pillar %1 surveyed in entry %2 is missing" ).arg( s.pillar ).arg( e.id );
        // the date is checked as sealed, not against today's clock
        PillarSurvey asOfToday = s;
        asOfToday.date = s.date.isValid() ? std::min( s.date, QDateTime::currentDateTimeUtc().date() ) : s.date;
        if ( const QString p = problem( asOfToday ); !p.isEmpty() )
          report.problems << QStringLiteral( "entry %1 records no valid survey of pillar %2: %3" ).arg( e.id ).arg( s.pillar, p );
      }
    }
  }

  PillarSurvey WorkspaceStore::surveyPillar( const PillarSurvey &input, const crypto::SigningKey &key )
  {
    survey::check( input, describe() );
    PillarSurvey stored = input;
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      QStringList numbers;
      for ( const Pillar &p : pillarRows() )
      {
        numbers << p.number;
        if ( p.number != input.pillar )
          continue;
        // the designed position it was measured against, as stored: never changed by a survey
        stored.designedLon = p.lon;
        stored.designedLat = p.lat;
      }
      if ( !std::isfinite( stored.designedLon ) )
        throw Error( QStringLiteral( "unknown pillar '%1' (%2)" ).arg( input.pillar,
                     numbers.isEmpty() ? QStringLiteral( "the workspace has no pillars: limes workspace import-pillars" )
                     : QStringLiteral( "%1 pillars: %2%3" ).arg( numbers.size() ).arg( numbers.mid( 0, 12 ).join( QLatin1String( ", " ) ), numbers.size() > 12 ? QStringLiteral( ", …" ) : QString() ) ),
                     describe() );
      LedgerEntry e;
      e.kind = QStringLiteral( "pillars" );
      e.input.author = input.author;
      e.payload = survey::payload( stored );
      e = append( chain, e, chain.signerParty, key );
      stored.ledgerEntry = e.id;
      stored.signerParty = e.signerParty;
      stored.recordedUtc = e.recordedUtc;
    } );
    return stored;
  }

  QList<Pillar> WorkspaceStore::pillars() const
  {
    // not on one snapshot (callers may be inside a transaction): pillars are never removed, so
    // an entry appended between the two reads only names a pillar read already
    const QList<Pillar> rows = pillarRows();
    return survey::withLatestSurveys( rows, readEntries() );
  }

  QList<PillarSurvey> WorkspaceStore::pillarSurveys( const QString &number ) const
  {
    return survey::surveys( readEntries(), number );
  }
}
