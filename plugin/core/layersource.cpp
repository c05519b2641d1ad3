// SPDX-License-Identifier: GPL-2.0-or-later
#include "layersource.h"
#include "qgiscompat.h"
#include "error.h"

#include <QFileInfo>
#include <QStringList>

#include <qgsprovidermetadata.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsvectorlayer.h>

#include <algorithm>

namespace limes
{
  LayerSource::LayerSource( const QString &spec )
    : mSpec( spec )
  {
    const QStringList parts = spec.split( QLatin1Char( '|' ) );
    mPath = parts.value( 0 ).trimmed();
    for ( int i = 1; i < parts.size(); ++i )
    {
      const QString key = parts.at( i ).section( QLatin1Char( '=' ), 0, 0 ).trimmed();
      if ( key.compare( QLatin1String( "layername" ), Qt::CaseInsensitive ) == 0 )
        mLayerName = parts.at( i ).section( QLatin1Char( '=' ), 1 );
      else if ( key.compare( QLatin1String( "subset" ), Qt::CaseInsensitive ) == 0 )
        mSubset = parts.at( i ).section( QLatin1Char( '=' ), 1 );
      else
        throw Error( QStringLiteral( "unknown source option '%1' (expected path|layername=NAME|subset=SQL)" ).arg( parts.at( i ) ), spec );
    }
    if ( mPath.isEmpty() )
      throw Error( QStringLiteral( "empty path" ), spec );
  }

  QString LayerSource::displayName() const
  {
    return mLayerName.isEmpty() ? QFileInfo( mPath ).completeBaseName() : mLayerName;
  }

  void LayerSource::checkReadable() const
  {
    const QFileInfo info( mPath );
    if ( !info.exists() )
      throw Error( QStringLiteral( "no such file" ), mPath );
    if ( info.isDir() && !mPath.endsWith( QLatin1String( ".gdb" ), Qt::CaseInsensitive ) )
      throw Error( QStringLiteral( "is a directory, not a vector file" ), mPath );
    if ( !info.isReadable() )
      throw Error( QStringLiteral( "permission denied" ), mPath );
  }

  QList<LayerSource::Sublayer> LayerSource::sublayers() const
  {
    return sublayers( true );
  }

  QList<LayerSource::Sublayer> LayerSource::sublayers( bool detailed ) const
  {
    checkReadable();
    QList<Sublayer> result;
    const QList<QgsProviderSublayerDetails> details = QgsProviderRegistry::instance()->querySublayers(
          mPath, detailed ? Qgis::SublayerQueryFlags( Qgis::SublayerQueryFlag::CountFeatures ) : Qgis::SublayerQueryFlags() );
    for ( const QgsProviderSublayerDetails &d : details )
    {
      if ( d.type() != limes::compat::VectorLayer || d.providerKey() != QLatin1String( "ogr" ) )
        continue;
      Sublayer s;
      s.name = d.name();
      s.wkbType = d.wkbType();
      s.featureCount = d.featureCount();
      if ( detailed )
      {
        QgsVectorLayer::LayerOptions options( false, false );
        const QgsVectorLayer layer( d.uri(), d.name(), QStringLiteral( "ogr" ), options );
        if ( layer.isValid() )
        {
          s.crs = layer.crs().authid();
          s.extent = layer.extent();
        }
      }
      result << s;
    }
    if ( result.isEmpty() )
      throw Error( QStringLiteral( "not a vector data source GDAL can read" ), mPath );
    return result;
  }

  namespace
  {
    QString namesOf( const QList<LayerSource::Sublayer> &layers )
    {
      QStringList names;
      for ( const LayerSource::Sublayer &s : layers )
        names << s.name;
      return names.join( QLatin1String( ", " ) );
    }
  }

  std::unique_ptr<QgsVectorLayer> LayerSource::open() const
  {
    checkReadable();
    QgsVectorLayer::LayerOptions options( false, false );
    const QString subset = mSubset.isEmpty() ? QString() : QStringLiteral( "|subset=" ) + mSubset;
    std::unique_ptr<QgsVectorLayer> layer;
    if ( !mLayerName.isEmpty() )
    {
      // a named layer opens at once; the file's list of layers is read only to say why not
      layer = std::make_unique<QgsVectorLayer>( mPath + QStringLiteral( "|layername=" ) + mLayerName + subset, displayName(), QStringLiteral( "ogr" ), options );
      if ( !layer->isValid() )
      {
        const QList<Sublayer> layers = sublayers( false );
        if ( std::none_of( layers.begin(), layers.end(), [&]( const Sublayer &s ) { return s.name == mLayerName; } ) )
          throw Error( QStringLiteral( "no layer named '%1' (layers: %2)" ).arg( mLayerName, namesOf( layers ) ), mPath );
      }
    }
    else
    {
      const QList<Sublayer> layers = sublayers( false ); // names are enough here
      if ( layers.size() > 1 )
      {
        // Silently taking the first layer of a multi-layer file would compute on the wrong data.
        throw Error( QStringLiteral( "holds %1 layers (%2); name one as PATH|layername=NAME" ).arg( layers.size() ).arg( namesOf( layers ) ), mPath );
      }
      layer = std::make_unique<QgsVectorLayer>( mPath + subset, displayName(), QStringLiteral( "ogr" ), options );
    }
    if ( !layer->isValid() )
      throw Error( QStringLiteral( "cannot open as a vector layer" ), mSpec );
    // OGR accepts any filter text; a bad one shows only as an uncountable layer
    if ( !mSubset.isEmpty() && layer->featureCount() < 0 )
      throw Error( QStringLiteral( "invalid subset filter '%1'" ).arg( mSubset ), mPath );
    return layer;
  }
}
