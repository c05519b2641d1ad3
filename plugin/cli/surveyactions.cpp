// SPDX-License-Identifier: GPL-2.0-or-later
#include "surveyactions.h"
#include "error.h"
#include "terminal.h"
#include "workspaceoptions.h"
#include "workspace/survey.h"
#include "geometry/workingcrs.h"

#include <QDate>

#include <qgscoordinatereferencesystem.h>
#include <qgspointxy.h>

#include <cmath>

namespace limes::cli
{
  namespace
  {
    QString degrees( double lon, double lat )
    {
      return QStringLiteral( "%1 %2" ).arg( lon, 0, 'f', 9 ).arg( lat, 0, 'f', 9 );
    }

    QString deviationText( const SurveyDeviation &d )
    {
      return QStringLiteral( "%1 m at %2°" ).arg( d.metres, 0, 'f', 3 ).arg( d.azimuth, 0, 'f', 1 );
    }

    //! --at X,Y in --crs (default WGS 84) as WGS 84 degrees.
    QgsPointXY position( const QCommandLineParser &parser )
    {
      const QString at = required( parser, "at" );
      const QStringList xy = at.split( QLatin1Char( ',' ) );
      bool okX = false, okY = false;
      const double x = xy.size() == 2 ? xy[0].trimmed().toDouble( &okX ) : 0;
      const double y = xy.size() == 2 ? xy[1].trimmed().toDouble( &okY ) : 0;
      if ( !okX || !okY )
        throw Error( QStringLiteral( "--at takes X,Y, two numbers in --crs (got '%1')" ).arg( at ) );
      const QString authid = parser.isSet( QStringLiteral( "crs" ) ) ? parser.value( QStringLiteral( "crs" ) ).trimmed() : QStringLiteral( "EPSG:4326" );
      if ( !knownToProj( authid ) )
        throw Error( QStringLiteral( "--crs: not a CRS QGIS knows: '%1' (e.g. EPSG:32642)" ).arg( authid ) );
      const QgsCoordinateReferenceSystem crs( authid );
      if ( !crs.isValid() )
        throw Error( QStringLiteral( "--crs: not a CRS QGIS knows: '%1' (e.g. EPSG:32642)" ).arg( authid ) );
      return survey::toWgs84( x, y, crs, transformContext() );
    }

    int history( const WorkspaceStore &ws, const QString &number, QTextStream &out )
    {
      const QList<Pillar> rows = ws.pillarRows();
      auto it = std::find_if( rows.cbegin(), rows.cend(), [&]( const Pillar &p ) { return p.number == number; } );
      if ( it == rows.cend() )
        throw Error( QStringLiteral( "unknown pillar '%1'" ).arg( number ), ws.describe() );
      const Pillar &p = *it;
      out << QStringLiteral( "Pillar %1 (%2segment %3): designed %4 (WGS 84)\n" ).arg( terminalSafe( p.number ), p.type.isEmpty() ? QString() : terminalSafe( p.type ) + QStringLiteral( ", " ),
          p.segment.isEmpty() ? QStringLiteral( "none" ) : terminalSafe( p.segment ), degrees( p.lon, p.lat ) );
      if ( std::isfinite( p.surveyedLon ) )
        out << QStringLiteral( "  imported: %1 ±%2 m on %3: %4\n" ).arg( degrees( p.surveyedLon, p.surveyedLat ) )
            .arg( std::isfinite( p.surveyAccuracy ) ? QString::number( p.surveyAccuracy, 'f', 3 ) : QStringLiteral( "?" ) )
            .arg( p.surveyDate.isEmpty() ? QStringLiteral( "an unknown date" ) : p.surveyDate, deviationText( survey::deviation( p ) ) );
      const QList<PillarSurvey> surveys = ws.pillarSurveys( number );
      for ( const PillarSurvey &s : surveys )
        out << QStringLiteral( "  entry %1: %2 ±%3 m on %4: %5 (recorded %6 by %7, %8)\n" ).arg( s.ledgerEntry ).arg( degrees( s.lon, s.lat ) ).arg( s.accuracy, 0, 'f', 3 )
            .arg( s.date.toString( Qt::ISODate ), deviationText( survey::deviation( s.designedLon, s.designedLat, s.lon, s.lat ) ), s.recordedUtc, terminalSafe( s.author ), s.signerParty );
      if ( surveys.isEmpty() && !std::isfinite( p.surveyedLon ) )
        out << "  not surveyed\n";
      return 0;
    }
  }

  QList<QCommandLineOption> surveyOptions()
  {
    return {
      { "at", "survey: the surveyed position X,Y (in --crs).", "X,Y" },
      { "crs", "survey: the CRS of --at (default: EPSG:4326, longitude,latitude).", "CRS" },
      { "accuracy", "survey: the survey's accuracy in metres (above 0).", "METRES" },
    };
  }

  int surveyPillar( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
  {
    if ( args.size() < 3 )
      throw Error( QStringLiteral( "survey needs the pillar: limes workspace survey TARGET PILLAR --at X,Y --accuracy M --date YYYY-MM-DD" ) );
    PillarSurvey s;
    s.pillar = args[2];
    const QgsPointXY at = position( parser );
    s.lon = at.x();
    s.lat = at.y();
    const QString accuracy = required( parser, "accuracy" );
    bool ok = false;
    s.accuracy = accuracy.toDouble( &ok );
    if ( !ok )
      throw Error( QStringLiteral( "--accuracy: not a number of metres: '%1'" ).arg( accuracy ) );
    s.date = QDate::fromString( required( parser, "date" ), Qt::ISODate );
    if ( !s.date.isValid() )
      throw Error( QStringLiteral( "--date: not a date YYYY-MM-DD: '%1'" ).arg( parser.value( QStringLiteral( "date" ) ) ) );
    s.author = author( parser );
    survey::check( s, QString() ); // before a passphrase is asked for
    const crypto::SigningKey key = signingKey( parser );
    const auto ws = openStore( args[1] );
    const PillarSurvey stored = ws->surveyPillar( s, key );
    out << QStringLiteral( "Recorded survey of pillar %1 (entry %2, signed by %3): %4 ±%5 m on %6; %7 from its designed position %8\n" )
        .arg( terminalSafe( stored.pillar ) ).arg( stored.ledgerEntry ).arg( stored.signerParty, degrees( stored.lon, stored.lat ) ).arg( stored.accuracy, 0, 'f', 3 )
        .arg( stored.date.toString( Qt::ISODate ), deviationText( survey::deviation( stored.designedLon, stored.designedLat, stored.lon, stored.lat ) ),
              degrees( stored.designedLon, stored.designedLat ) );
    return 0;
  }

  int listPillars( const QCommandLineParser &, const QStringList &args, QTextStream &out )
  {
    const auto ws = openStore( args[1] );
    if ( args.size() > 2 )
      return history( *ws, args[2], out );
    const QList<Pillar> pillars = ws->pillars();
    int surveyed = 0;
    for ( const Pillar &p : pillars )
      surveyed += std::isfinite( p.surveyedLon ) ? 1 : 0;
    out << QStringLiteral( "%1 pillars, %2 surveyed (WGS 84 degrees; deviation: metres and azimuth from the designed position)\n" ).arg( pillars.size() ).arg( surveyed );
    for ( const Pillar &p : pillars )
    {
      out << QStringLiteral( "  %1 %2 designed %3" ).arg( terminalSafe( p.number ), -6 ).arg( terminalSafe( p.segment ), -8 ).arg( degrees( p.lon, p.lat ) );
      if ( std::isfinite( p.surveyedLon ) )
        out << QStringLiteral( "; surveyed %1 ±%2 m on %3 (%4): %5" ).arg( degrees( p.surveyedLon, p.surveyedLat ) )
            .arg( std::isfinite( p.surveyAccuracy ) ? QString::number( p.surveyAccuracy, 'f', 3 ) : QStringLiteral( "?" ) )
            .arg( p.surveyDate.isEmpty() ? QStringLiteral( "?" ) : p.surveyDate,
                  p.surveyEntry > 0 ? QStringLiteral( "entry %1" ).arg( p.surveyEntry ) : QStringLiteral( "imported" ), deviationText( survey::deviation( p ) ) );
      else
        out << "; not surveyed";
      out << '\n';
    }
    return 0;
  }
}
