// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_BENCHSUPPORT_H
#define LIMES_BENCHSUPPORT_H

// What the benchmark programs share: starting QGIS, the generated border's resources, timing
// a child process, writing generated layers.

#include "qgiscompat.h"
#include "change/changeresult.h"
#include <QElapsedTimer>
#include <QVector>
#include <QFile>
#include <QStringList>
#include <QTextStream>

#include <qgsapplication.h>
#include <qgsfeature.h>
#include <qgsfields.h>
#include <qgsproject.h>
#include <qgsvectorfilewriter.h>

#include <csignal>
#include <memory>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace limes::bench
{
  inline QTextStream out( stdout );

  //! QGIS without a display, with its providers, as every benchmark program starts.
  inline std::unique_ptr<QgsApplication> startQgis( int &argc, char **argv )
  {
    qputenv( "QT_QPA_PLATFORM", "offscreen" );
    auto app = std::make_unique<QgsApplication>( argc, argv, false );
    QgsApplication::setPrefixPath( QStringLiteral( LIMES_QGIS_PREFIX ), true );
    QgsApplication::initQgis();
    return app;
  }

  //! `count` springs (WKT points) within 300 m north or south of random vertices of `line`, drawn from `rng`.
  inline QStringList springsNear( const std::vector<QgsPointXY> &line, int count, std::mt19937 &rng )
  {
    std::uniform_real_distribution<double> u( 0, 1 );
    QStringList points;
    for ( int i = 0; i < count; ++i )
    {
      const QgsPointXY &at = line[static_cast<size_t>( u( rng ) * ( line.size() - 1 ) )];
      points << QgsGeometry::fromPointXY( QgsPointXY( at.x(), at.y() + 600 * ( u( rng ) - 0.5 ) ) ).asWkt( 3 );
    }
    return points;
  }

  //! The land a result moves, both directions together, m².
  inline double movedArea( const ChangeResult &r )
  {
    double sum = 0;
    for ( const Transfer &t : r.transfers )
      sum += t.areaM2;
    return sum;
  }

  struct Measure
  {
    double seconds = -1;
    double peakMb = -1;
    QString note;
    QString moved; //!< km² that change sides, to cross-check the tools

  };

  //! Runs a program to completion; wall time and the child's peak RSS (wait4).
  inline Measure runProgram( const QStringList &argv, int timeoutSeconds, const QString &log )
  {
    Measure m;
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if ( pid == 0 )
    {
      const QByteArray logPath = QFile::encodeName( log );
      FILE *f = fopen( logPath.constData(), "w" );
      if ( f )
      {
        dup2( fileno( f ), 1 );
        dup2( fileno( f ), 2 );
      }
      std::vector<QByteArray> args;
      for ( const QString &a : argv )
        args.push_back( a.toLocal8Bit() );
      std::vector<char *> raw;
      for ( QByteArray &a : args )
        raw.push_back( a.data() );
      raw.push_back( nullptr );
      alarm( static_cast<unsigned>( timeoutSeconds ) );
      execvp( raw[0], raw.data() );
      _exit( 127 );
    }
    int status = 0;
    struct rusage usage;
    wait4( pid, &status, 0, &usage );
    m.seconds = timer.elapsed() / 1000.0;
    m.peakMb = usage.ru_maxrss / 1024.0;
    if ( WIFSIGNALED( status ) )
      m.note = WTERMSIG( status ) == SIGALRM ? QStringLiteral( "timed out" ) : QStringLiteral( "killed" );
    else if ( WEXITSTATUS( status ) != 0 )
      m.note = QStringLiteral( "exit %1" ).arg( WEXITSTATUS( status ) );
    return m;
  }

  //! A layer of a new (first) or existing GeoPackage, in UTM 42N, with an optional text field.
  inline void writeLayer( const QString &path, const QString &name, limes::WkbType type, const QVector<QgsGeometry> &geometries, bool first,
                          const QString &field = QString(), const QStringList &values = QStringList() )
  {
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral( "GPKG" );
    options.layerName = name;
    options.actionOnExistingFile = first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
    QgsFields fields;
    if ( !field.isEmpty() )
      fields.append( limes::compat::field( field, QMetaType::QString ) );
    std::unique_ptr<QgsVectorFileWriter> w( QgsVectorFileWriter::create( path, fields, type, QgsCoordinateReferenceSystem( "EPSG:32642" ), QgsProject::instance()->transformContext(), options ) );
    for ( int i = 0; i < geometries.size(); ++i )
    {
      QgsFeature f( fields );
      f.setGeometry( geometries[i] );
      if ( !field.isEmpty() )
        f.setAttribute( 0, values.value( i ) );
      w->addFeature( f );
    }
  }

}

#endif
