// SPDX-License-Identifier: GPL-2.0-or-later
#include "guard.h"
#include "error.h"
#include "io/coordinates.h"

#include <QObject>
#include <QRegularExpression>

#include <qgsdatasourceuri.h>
#include <qgsexception.h>
#include <qgsprocessingcontext.h>

namespace limes::processing
{
  QVariantMap guarded( const std::function<QVariantMap()> &body )
  {
    try
    {
      return body();
    }
    catch ( const QgsProcessingException & )
    {
      throw;
    }
    catch ( const Error &e )
    {
      throw QgsProcessingException( e.message().simplified() );
    }
    catch ( const io::TransformFailure &failure )
    {
      throw QgsProcessingException( io::describe( failure ) );
    }
    catch ( const QgsCsException &e )
    {
      throw QgsProcessingException( QObject::tr( "cannot transform coordinates: %1" ).arg( e.what().simplified() ) );
    }
    catch ( const QgsException &e )
    {
      throw QgsProcessingException( e.what().simplified() );
    }
    catch ( const std::exception &e )
    {
      throw QgsProcessingException( QObject::tr( "internal error: %1" ).arg( QString::fromLocal8Bit( e.what() ).simplified() ) );
    }
  }

  QString destinationFile( const QString &destination, QString *layer )
  {
    static const QRegularExpression provider( QStringLiteral( "^([a-z]+):(?![/\\\\])" ) );
    const QRegularExpressionMatch m = provider.match( destination );
    QString path, name;
    if ( m.hasMatch() )
    {
      const QString key = m.captured( 1 );
      if ( key != QLatin1String( "ogr" ) && key != QLatin1String( "spatialite" ) )
        return QString(); // memory:, postgres:...: no file
      const QgsDataSourceUri uri( destination.mid( m.capturedLength() ) );
      path = uri.database();
      name = uri.table();
    }
    else
    {
      path = destination.section( QLatin1Char( '|' ), 0, 0 );
      const QRegularExpressionMatch n = QRegularExpression( QStringLiteral( "\\|layername=([^|]*)" ) ).match( destination );
      name = n.hasMatch() ? n.captured( 1 ) : QString();
    }
    if ( layer )
      *layer = name;
    return path;
  }

  TransformFailuresStop::TransformFailuresStop( QgsProcessingContext &context )
    : mContext( context )
    , mPrevious( context.transformErrorCallback() )
  {
    mContext.setTransformErrorCallback( io::throwTransformFailure() );
  }

  TransformFailuresStop::~TransformFailuresStop()
  {
    mContext.setTransformErrorCallback( mPrevious );
  }
}
