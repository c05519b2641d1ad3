// SPDX-License-Identifier: GPL-2.0-or-later
#include "io/gpkgwriter.h"
#include "error.h"

#include <QFile>

#include <qgsogrutils.h>
#include <qgsvectorfilewriter.h>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <type_traits>
#include <vector>

namespace limes
{
  namespace
  {
    QString gdalMessage()
    {
      const QString message = QString::fromUtf8( CPLGetLastErrorMsg() ).simplified();
      return message.isEmpty() ? QStringLiteral( "GDAL gave no reason" ) : message;
    }

    //! QgsField::type() is a QVariant::Type up to 3.36, a QMetaType::Type after; their numbers agree
    OGRFieldType ogrType( int type )
    {
      switch ( type )
      {
        case QMetaType::Int:
        case QMetaType::Bool:
          return OFTInteger;
        case QMetaType::LongLong:
          return OFTInteger64;
        case QMetaType::Double:
          return OFTReal;
        default:
          return OFTString;
      }
    }

    struct FeatureDeleter
    {
      void operator()( OGRFeatureH f ) const { OGR_F_Destroy( f ); }
    };

    void setAttribute( OGRFeatureH feature, int index, const QVariant &value, OGRFieldType type )
    {
      if ( value.isNull() )
      {
        OGR_F_SetFieldNull( feature, index );
        return;
      }
      switch ( type )
      {
        case OFTInteger:
          OGR_F_SetFieldInteger( feature, index, value.toInt() );
          break;
        case OFTInteger64:
          OGR_F_SetFieldInteger64( feature, index, value.toLongLong() );
          break;
        case OFTReal:
          OGR_F_SetFieldDouble( feature, index, value.toDouble() );
          break;
        default:
          OGR_F_SetFieldString( feature, index, value.toString().toUtf8().constData() );
          break;
      }
    }
  }

  GeoPackageWriter::GeoPackageWriter( const QString &path )
    : mPath( path )
  {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName( "GPKG" );
    if ( !driver )
      throw Error( QStringLiteral( "this GDAL has no GeoPackage driver" ), path );
    CPLErrorReset();
    mDataset = GDALCreate( driver, QFile::encodeName( path ).constData(), 0, 0, 0, GDT_Unknown, nullptr );
    if ( !mDataset )
      throw Error( QStringLiteral( "cannot create the GeoPackage: %1" ).arg( gdalMessage() ), path );
  }

  GeoPackageWriter::~GeoPackageWriter()
  {
    if ( mDataset )
      GDALClose( mDataset );
  }

  void GeoPackageWriter::writeLayer( const QString &name, limes::WkbType type, const QgsCoordinateReferenceSystem &crs, const QgsFields &fields, const QVector<QgsFeature> &features,
                                     const QStringList &options )
  {
    auto fail = [&]( const QString &what ) {
      throw Error( QStringLiteral( "cannot %1 layer %2: %3" ).arg( what, name, gdalMessage() ), mPath );
    };
    CPLErrorReset();
    OGRSpatialReferenceH srs = crs.isValid() ? QgsOgrUtils::crsToOGRSpatialReference( crs ) : nullptr;
    char **creationOptions = nullptr;
    for ( const QString &option : options )
      creationOptions = CSLAddString( creationOptions, option.toUtf8().constData() );
    OGRLayerH layer = GDALDatasetCreateLayer( mDataset, name.toUtf8().constData(), srs, QgsVectorFileWriter::ogrTypeFromWkbType( type ), creationOptions );
    CSLDestroy( creationOptions );
    if ( srs )
      OSRRelease( srs );
    if ( !layer )
      fail( QStringLiteral( "create" ) );
    std::vector<OGRFieldType> types;
    for ( const QgsField &f : fields )
    {
      types.push_back( ogrType( static_cast<int>( f.type() ) ) );
      OGRFieldDefnH definition = OGR_Fld_Create( f.name().toUtf8().constData(), types.back() );
      const OGRErr err = OGR_L_CreateField( layer, definition, TRUE );
      OGR_Fld_Destroy( definition );
      if ( err != OGRERR_NONE )
        fail( QStringLiteral( "add field %1 to" ).arg( f.name() ) );
    }
    if ( OGR_L_StartTransaction( layer ) != OGRERR_NONE )
      fail( QStringLiteral( "start writing" ) );
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn( layer );
    for ( const QgsFeature &f : features )
    {
      const std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter> feature( OGR_F_Create( definition ) );
      const QgsAttributes attributes = f.attributes();
      for ( int i = 0; i < static_cast<int>( types.size() ) && i < attributes.size(); ++i )
        setAttribute( feature.get(), i, attributes.at( i ), types[static_cast<size_t>( i )] );
      if ( f.hasGeometry() )
      {
        const QByteArray wkb = f.geometry().asWkb();
        OGRGeometryH geometry = nullptr;
        if ( OGR_G_CreateFromWkb( wkb.constData(), nullptr, &geometry, static_cast<int>( wkb.size() ) ) != OGRERR_NONE )
          fail( QStringLiteral( "convert a geometry for" ) );
        OGR_F_SetGeometryDirectly( feature.get(), geometry );
      }
      if ( OGR_L_CreateFeature( layer, feature.get() ) != OGRERR_NONE )
        fail( QStringLiteral( "write to" ) );
    }
    if ( OGR_L_CommitTransaction( layer ) != OGRERR_NONE )
      fail( QStringLiteral( "write to" ) );
    // GDAL creates an empty layer's table only when the file closes: the layers are listed in the order they were written
    if ( OGR_L_SyncToDisk( layer ) != OGRERR_NONE )
      fail( QStringLiteral( "write" ) );
  }

  void GeoPackageWriter::close()
  {
    if ( !mDataset )
      return;
    CPLErrorReset();
    GDALClose( mDataset );
    mDataset = nullptr;
    if ( CPLGetLastErrorType() >= CE_Failure )
      throw Error( QStringLiteral( "cannot finish the GeoPackage: %1" ).arg( gdalMessage() ), mPath );
  }
}
