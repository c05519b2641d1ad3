// SPDX-License-Identifier: GPL-2.0-or-later
// limes-bench-change: the change engine on a generated full border (970 km) at growing sizes,
// against the same job in PostGIS and in QGIS's native Processing algorithms, in one run.
// Prints a table: wall time and peak memory per tool and size.
#include "benchsupport.h"
#include "qgiscompat.h"
#include "boundarygenerator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <qgsapplication.h>
#include <qgsproject.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <libpq-fe.h>

#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace limes::test;

using namespace limes::bench;

namespace
{
  QgsGeometry line( const std::vector<QgsPointXY> &pts )
  {
    return QgsGeometry::fromPolylineXY( QgsPolylineXY( pts.begin(), pts.end() ) );
  }

  //! Springs and intakes (points), canals (lines) and reservoirs (polygons) within 3 km of the line.
  void writeResources( const QString &path, const LinePair &p, int count )
  {
    std::mt19937 rng( 7 );
    std::uniform_real_distribution<double> u( 0, 1 );
    QVector<QgsGeometry> points, lines, polygons;
    for ( int i = 0; i < count; ++i )
    {
      const QgsPointXY &at = p.oldLine[static_cast<size_t>( u( rng ) * ( p.oldLine.size() - 1 ) )];
      const double x = at.x(), y = at.y() + ( u( rng ) - 0.5 ) * 6000;
      if ( i % 10 < 6 )
        points << QgsGeometry::fromPointXY( QgsPointXY( x, y ) );
      else if ( i % 10 < 9 )
        lines << QgsGeometry::fromPolylineXY( { QgsPointXY( x, y - 400 ), QgsPointXY( x + 150, y ), QgsPointXY( x + 50, y + 400 ) } );
      else
        polygons << QgsGeometry::fromRect( QgsRectangle( x - 60, y - 60, x + 60, y + 60 ) );
    }
    writeLayer( path, "springs", limes::WkbType::Point, points, false );
    writeLayer( path, "canals", limes::WkbType::LineString, lines, false );
    writeLayer( path, "reservoirs", limes::WkbType::Polygon, polygons, false );
  }

  QString hexWkb( const QgsGeometry &g )
  {
    return QString::fromLatin1( g.asWkb().toHex() );
  }

  bool exec( PGconn *c, const QString &sql, QString *error = nullptr )
  {
    PGresult *r = PQexec( c, sql.toUtf8().constData() );
    const bool ok = PQresultStatus( r ) == PGRES_COMMAND_OK || PQresultStatus( r ) == PGRES_TUPLES_OK;
    if ( !ok && error )
      *error = QString::fromUtf8( PQerrorMessage( c ) ).simplified();
    PQclear( r );
    return ok;
  }

  double backendPeakMb( PGconn *c )
  {
    PGresult *r = PQexec( c, "SELECT pg_backend_pid()" );
    const QString pid = QString::fromLatin1( PQgetvalue( r, 0, 0 ) );
    PQclear( r );
    QFile status( QStringLiteral( "/proc/%1/status" ).arg( pid ) );
    if ( !status.open( QIODevice::ReadOnly ) )
      return -1;
    for ( const QByteArray &l : status.readAll().split( '\n' ) )
      if ( l.startsWith( "VmHWM:" ) )
        return l.mid( 6 ).trimmed().split( ' ' ).value( 0 ).toDouble() / 1024.0;
    return -1;
  }

  //! The same job in PostGIS: node, polygonize, keep faces on different sides, intersect resources.
  Measure runPostgis( const QString &conninfo, const LinePair &p, const QString &gpkg, int timeoutSeconds )
  {
    Measure m;
    PGconn *c = PQconnectdb( conninfo.toUtf8().constData() );
    if ( PQstatus( c ) != CONNECTION_OK )
    {
      m.note = QStringLiteral( "no connection" );
      return m;
    }
    exec( c, "SET client_min_messages = warning; DROP TABLE IF EXISTS v, springs, canals, reservoirs, faces, moved" );
    exec( c, "CREATE TABLE v (name text, g geometry(LineString, 32642))" );
    exec( c, QStringLiteral( "INSERT INTO v VALUES ('old', ST_GeomFromWKB(decode('%1', 'hex'), 32642)), ('new', ST_GeomFromWKB(decode('%2', 'hex'), 32642))" )
          .arg( hexWkb( line( p.oldLine ) ), hexWkb( line( p.newLine ) ) ) );
    // resources: loaded from the same GeoPackage through the bench's own reader, not timed
    for ( const QString &layer : { QStringLiteral( "springs" ), QStringLiteral( "canals" ), QStringLiteral( "reservoirs" ) } )
    {
      QgsVectorLayer l( gpkg + "|layername=" + layer, layer, "ogr" );
      exec( c, QStringLiteral( "CREATE TABLE %1 (id bigint, g geometry(Geometry, 32642))" ).arg( layer ) );
      QString sql;
      QgsFeature f;
      QgsFeatureIterator it = l.getFeatures();
      int n = 0;
      exec( c, "BEGIN" );
      while ( it.nextFeature( f ) )
      {
        sql += QStringLiteral( "%1(%2, ST_GeomFromWKB(decode('%3', 'hex'), 32642))" ).arg( sql.isEmpty() ? QString() : QStringLiteral( "," ) ).arg( f.id() ).arg( hexWkb( f.geometry() ) );
        if ( ++n % 5000 == 0 )
        {
          exec( c, QStringLiteral( "INSERT INTO %1 VALUES %2" ).arg( layer, sql ) );
          sql.clear();
        }
      }
      if ( !sql.isEmpty() )
        exec( c, QStringLiteral( "INSERT INTO %1 VALUES %2" ).arg( layer, sql ) );
      exec( c, "COMMIT" );
      exec( c, QStringLiteral( "CREATE INDEX ON %1 USING gist(g); ANALYZE %1" ).arg( layer ) );
    }
    exec( c, QStringLiteral( "SET statement_timeout = %1" ).arg( timeoutSeconds * 1000 ) );
    const QString side = QStringLiteral(
                           "(SELECT SIGN((ST_X(b) - ST_X(a)) * (ST_Y(q) - ST_Y(a)) - (ST_Y(b) - ST_Y(a)) * (ST_X(q) - ST_X(a))) FROM "
                           " (SELECT q, ST_LineInterpolatePoint(l, GREATEST(t - 1e-9, 0)) a, ST_LineInterpolatePoint(l, LEAST(t + 1e-9, 1)) b FROM "
                           "  (SELECT p q, %1 l, ST_LineLocatePoint(%1, p) t) x) y)" );
    QElapsedTimer timer;
    timer.start();
    QString error;
    const bool ok =
      exec( c, "CREATE TABLE faces AS SELECT (ST_Dump(ST_Polygonize(e))).geom f FROM (SELECT ST_Node(ST_Collect(g)) e FROM "
            "(SELECT g FROM v UNION ALL SELECT ST_MakeLine(ST_StartPoint(a.g), ST_StartPoint(b.g)) FROM v a, v b WHERE a.name = 'old' AND b.name = 'new' "
            " UNION ALL SELECT ST_MakeLine(ST_EndPoint(a.g), ST_EndPoint(b.g)) FROM v a, v b WHERE a.name = 'old' AND b.name = 'new') s) x", &error )
      && exec( c, QStringLiteral( "CREATE TABLE moved AS SELECT f, ST_Area(ST_Transform(f, 4326)::geography) area, so, sn FROM "
                                  "(SELECT f, %1 so, %2 sn FROM (SELECT f, ST_PointOnSurface(f) p FROM faces) fp, "
                                  " (SELECT g FROM v WHERE name = 'old') o(go), (SELECT g FROM v WHERE name = 'new') n(gn)) s WHERE so <> sn" )
               .arg( side.arg( "go" ), side.arg( "gn" ) ), &error )
      && exec( c, "CREATE INDEX ON moved USING gist(f)", &error )
      && exec( c, "SELECT count(*) FROM (SELECT s.id FROM springs s JOIN moved m ON ST_Intersects(s.g, m.f) "
               "UNION ALL SELECT ST_Length(ST_Transform(ST_Intersection(c.g, m.f), 4326)::geography) FROM canals c JOIN moved m ON ST_Intersects(c.g, m.f) "
               "UNION ALL SELECT ST_Area(ST_Transform(ST_Intersection(r.g, m.f), 4326)::geography) FROM reservoirs r JOIN moved m ON ST_Intersects(r.g, m.f)) x", &error );
    m.seconds = timer.elapsed() / 1000.0;
    m.peakMb = backendPeakMb( c );
    if ( ok )
    {
      PGresult *r = PQexec( c, "SELECT COALESCE(SUM(area), 0) / 1e6 FROM moved" );
      m.moved = QString::number( QString::fromLatin1( PQgetvalue( r, 0, 0 ) ).toDouble(), 'f', 4 );
      PQclear( r );
    }
    if ( !ok )
      m.note = error.contains( QLatin1String( "statement timeout" ) ) ? QStringLiteral( "timed out" ) : error.left( 80 );
    PQfinish( c );
    return m;
  }

  //! Each version's left (north) territory: the line closed by a path 50 km to its north.
  QgsGeometry leftTerritory( const std::vector<QgsPointXY> &l, double yMax )
  {
    QgsPolylineXY ring( l.begin(), l.end() );
    ring << QgsPointXY( l.back().x(), yMax + 50000 ) << QgsPointXY( l.front().x(), yMax + 50000 ) << l.front();
    return QgsGeometry::fromPolygonXY( { ring } );
  }

  /**
   * The job as the issue states PostGIS's side: the two versions' territories already built and
   * stored (in EPSG:4326, for geography), then the two ST_Difference and their ellipsoidal areas.
   * Building, transforming and loading the polygons is not timed.
   */
  Measure runPostgisDifference( const QString &conninfo, const LinePair &p, int timeoutSeconds )
  {
    Measure m;
    PGconn *c = PQconnectdb( conninfo.toUtf8().constData() );
    if ( PQstatus( c ) != CONNECTION_OK )
    {
      m.note = QStringLiteral( "no connection" );
      return m;
    }
    exec( c, "SET client_min_messages = warning; DROP TABLE IF EXISTS t" );
    exec( c, "CREATE TABLE t (name text, g geometry(Polygon, 4326))" );
    exec( c, QStringLiteral( "INSERT INTO t VALUES ('old', ST_Transform(ST_GeomFromWKB(decode('%1', 'hex'), 32642), 4326)), "
                             "('new', ST_Transform(ST_GeomFromWKB(decode('%2', 'hex'), 32642), 4326))" )
          .arg( hexWkb( leftTerritory( p.oldLine, p.yMax ) ), hexWkb( leftTerritory( p.newLine, p.yMax ) ) ) );
    exec( c, QStringLiteral( "SET statement_timeout = %1" ).arg( timeoutSeconds * 1000 ) );
    QElapsedTimer timer;
    timer.start();
    PGresult *r = PQexec( c, "SELECT ST_Area(ST_Difference(o.g, n.g)::geography) + ST_Area(ST_Difference(n.g, o.g)::geography) "
                             "FROM t o, t n WHERE o.name = 'old' AND n.name = 'new'" );
    m.seconds = timer.elapsed() / 1000.0;
    m.peakMb = backendPeakMb( c );
    if ( PQresultStatus( r ) == PGRES_TUPLES_OK )
      m.moved = QString::number( QString::fromLatin1( PQgetvalue( r, 0, 0 ) ).toDouble() / 1e6, 'f', 4 );
    else
      m.note = QString::fromUtf8( PQerrorMessage( c ) ).simplified().left( 80 );
    PQclear( r );
    PQfinish( c );
    return m;
  }
}

int main( int argc, char **argv )
{
  const auto app = startQgis( argc, argv );

  QCommandLineParser parser;
  parser.setApplicationDescription( "Benchmark of limes change against PostGIS and QGIS native Processing" );
  parser.addHelpOption();
  parser.addOptions( {
    { "sizes", "Vertices per version, comma-separated.", "N,N", "10000,100000,1000000" },
    { "resources", "Resource features (60% points, 30% lines, 10% polygons).", "N", "100000" },
    { "peers", "Peers to run: postgis (both PostGIS jobs), postgis-diff (only the two ST_Difference), qgis; empty: Limes only.", "LIST", "postgis,qgis" },
    { "timeout", "Seconds a peer may take per size.", "S", "900" },
    { "workdir", "Where to write the generated data (default: a temporary directory).", "DIR" },
  } );
  parser.process( *app );
  const int timeout = parser.value( "timeout" ).toInt();
  const QStringList peers = parser.value( "peers" ).split( ',', Qt::SkipEmptyParts );
  QTemporaryDir tmp;
  const QString work = parser.isSet( "workdir" ) ? parser.value( "workdir" ) : tmp.path();
  QDir().mkpath( work );

  QString conninfo;
  const QString pgState = work + "/postgis";
  if ( peers.contains( "postgis" ) || peers.contains( "postgis-diff" ) )
  {
    QProcess::execute( "bash", { LIMES_SOURCE_DIR "/tests/postgis/pg_start.sh", pgState } );
    QFile f( pgState + "/conninfo" );
    if ( f.open( QIODevice::ReadOnly ) )
      conninfo = QString::fromUtf8( f.readAll() ).trimmed();
  }

  out << QStringLiteral( "%1 %2 %3 %4 %5  %6\n" ).arg( "vertices", 9 ).arg( "tool", -34 ).arg( "wall s", 9 ).arg( "peak MB", 9 ).arg( "moved km²", 11 ).arg( "note" );
  out.flush();
  for ( const QString &sizeText : parser.value( "sizes" ).split( ',' ) )
  {
    const int size = sizeText.toInt();
    const LineSpec spec = fullBorder( size );
    const LinePair p = generateLines( spec );
    const QString gpkg = QStringLiteral( "%1/border-%2.gpkg" ).arg( work ).arg( size );
    writeLayer( gpkg, "old", limes::WkbType::LineString, { line( p.oldLine ) }, true );
    writeLayer( gpkg, "new", limes::WkbType::LineString, { line( p.newLine ) }, false );
    writeLayer( gpkg, "both", limes::WkbType::LineString, { line( p.oldLine ), line( p.newLine ) }, false );
    writeResources( gpkg, p, parser.value( "resources" ).toInt() );

    auto row = [&]( const QString &tool, const Measure &m, const QString &moved ) {
      out << QStringLiteral( "%1 %2 %3 %4 %5  %6\n" ).arg( size, 9 ).arg( tool, -34 ).arg( m.seconds, 9, 'f', 2 ).arg( m.peakMb, 9, 'f', 0 ).arg( moved, 11 ).arg( m.note );
      out.flush();
    };

    const QString src = gpkg + "|layername=";
    // the whole process, with or without the resources, and the km² its summary moves
    auto runLimes = [&]( const QString &name, bool water, QString &moved ) {
      const QString summary = QStringLiteral( "%1/%2-%3.json" ).arg( work, name ).arg( size );
      QStringList args { LIMES_CLI, "change", "--old", src + "old", "--new", src + "new", "--left", "KG", "--right", "TJ" };
      if ( water )
        args << "--water" << src + "springs" << "--water" << src + "canals" << "--water" << src + "reservoirs";
      args << "--output" << QStringLiteral( "%1/%2-%3.gpkg" ).arg( work, name ).arg( size ) << "--summary" << summary;
      const Measure m = runProgram( args, timeout, work + "/" + name + ".log" );
      QFile f( summary );
      if ( f.open( QIODevice::ReadOnly ) )
      {
        double total = 0;
        for ( const QJsonValue &t : QJsonDocument::fromJson( f.readAll() ).object()["transfers"].toArray() )
          total += t["area_m2"].toDouble();
        moved = QString::number( total / 1e6, 'f', 4 );
      }
      return m;
    };
    QString moved, movedLand;
    const Measure limes = runLimes( QStringLiteral( "limes" ), true, moved );
    row( "limes change", limes, moved );
    const Measure land = runLimes( QStringLiteral( "limes-land" ), false, movedLand );
    row( "limes change, land only", land, movedLand );
    if ( !conninfo.isEmpty() )
    {
      Measure diff = runPostgisDifference( conninfo, p, timeout );
      if ( diff.note.isEmpty() && land.seconds > 0 )
      {
        const double r = diff.seconds / land.seconds;
        diff.note = r >= 1 ? QStringLiteral( "limes (land only) %1x faster" ).arg( r, 0, 'f', 1 )
                           : QStringLiteral( "limes (land only) %1x slower" ).arg( 1 / r, 0, 'f', 1 );
      }
      row( "PostGIS 3.3 (2 ST_Difference + area)", diff, diff.moved );
    }

    if ( !conninfo.isEmpty() && peers.contains( "postgis" ) )
    {
      const Measure pg = runPostgis( conninfo, p, gpkg, timeout );
      row( "PostGIS 3.3 (node+polygonize+sides)", pg, pg.moved );
    }
    if ( peers.contains( "qgis" ) )
    {
      // native:polygonize nodes and polygonizes the merged versions; native:intersection
      // puts the resources into the faces. No side classification: a lower bound for QGIS.
      const QString faces = QStringLiteral( "%1/qgis-faces-%2.gpkg" ).arg( work ).arg( size );
      const Measure a = runProgram( { "qgis_process.bin", "run", "native:polygonize", "--", "INPUT=" + src + "both", "KEEP_FIELDS=false", "OUTPUT=" + faces },
                                    timeout, work + "/qgis-polygonize.log" );
      Measure total = a;
      if ( a.note.isEmpty() )
      {
        for ( const QString &layer : { QStringLiteral( "springs" ), QStringLiteral( "canals" ), QStringLiteral( "reservoirs" ) } )
        {
          const Measure b = runProgram( { "qgis_process.bin", "run", "native:intersection", "--", "INPUT=" + src + layer, "OVERLAY=" + faces,
                                          "OUTPUT=" + QStringLiteral( "%1/qgis-%2-%3.gpkg" ).arg( work, layer ).arg( size ) },
                                        timeout, work + "/qgis-intersection.log" );
          total.seconds += b.seconds;
          total.peakMb = std::max( total.peakMb, b.peakMb );
          if ( !b.note.isEmpty() )
            total.note = b.note;
        }
      }
      row( "QGIS 3.22 native:polygonize+intersection", total, QString() );
    }
  }
  if ( !conninfo.isEmpty() )
    QProcess::execute( "bash", { LIMES_SOURCE_DIR "/tests/postgis/pg_stop.sh", pgState } );
  QgsApplication::exitQgis();
  return 0;
}
