// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_QGISCOMPAT_H
#define LIMES_QGISCOMPAT_H

// The one place where Limes meets the differences between the QGIS releases it builds
// against (3.22, 3.40 LTR, 3.44). Code elsewhere uses these names and never tests
// _QGIS_VERSION_INT itself. The newest API is the model: each name below is what QGIS 3.44
// calls the thing, mapped down to what 3.22 called it.

#include <QList>
#include <QMetaType>
#include <QString>

#include <initializer_list>
#include <memory>

#include <qgis.h>
#include <qgsconfig.h>
#include <qgsfeaturerequest.h>
#include <qgsfield.h>
#include <qgsprocessing.h>
#include <qgsscalebarsettings.h>  // the scale bar's enums lived in QgsScaleBarSettings
#if _QGIS_VERSION_INT < 32600
#include <qgspallabeling.h>   // the placement enum lived in QgsPalLayerSettings
#endif
#if _QGIS_VERSION_INT >= 33400
#include <QThreadPool>
#include <qgsapplication.h>
#include <qgstaskmanager.h>
#endif
#if _QGIS_VERSION_INT < 33400
#include <qgsmaplayerproxymodel.h>   // the layer filters lived in QgsMapLayerProxyModel
#endif
#include <qgsrectangle.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingparameters.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>
#include <qgsunittypes.h>
#include <qgswkbtypes.h>

class QgsAuthManager;
class QgsLineSymbol;
class QgsMarkerSymbol;
class QgsFillSymbol;
class QgsLayoutItemLabel;
class QColor;
class QFont;

namespace limes
{
#if _QGIS_VERSION_INT >= 33000
  using WkbType = Qgis::WkbType;
  using GeometryType = Qgis::GeometryType;
  using LayerType = Qgis::LayerType;
#else
  using WkbType = QgsWkbTypes::Type;
  using GeometryType = QgsWkbTypes::GeometryType;
  using LayerType = QgsMapLayerType;
#endif

  //! Geometry types by their 3.30+ names (Qgis::GeometryType::Point …).
  namespace geometrytype
  {
#if _QGIS_VERSION_INT >= 33000
    inline constexpr GeometryType Point = Qgis::GeometryType::Point;
    inline constexpr GeometryType Line = Qgis::GeometryType::Line;
    inline constexpr GeometryType Polygon = Qgis::GeometryType::Polygon;
    inline constexpr GeometryType Unknown = Qgis::GeometryType::Unknown;
#else
    inline constexpr GeometryType Point = QgsWkbTypes::PointGeometry;
    inline constexpr GeometryType Line = QgsWkbTypes::LineGeometry;
    inline constexpr GeometryType Polygon = QgsWkbTypes::PolygonGeometry;
    inline constexpr GeometryType Unknown = QgsWkbTypes::UnknownGeometry;
#endif
  } // namespace geometrytype

  namespace compat
  {
#if _QGIS_VERSION_INT >= 33000
    inline constexpr LayerType VectorLayer = Qgis::LayerType::Vector;
    inline constexpr Qgis::DistanceUnit Meters = Qgis::DistanceUnit::Meters;
    inline constexpr Qgis::DistanceUnit Kilometers = Qgis::DistanceUnit::Kilometers;
    inline constexpr Qgis::RenderUnit RenderPoints = Qgis::RenderUnit::Points;
    inline constexpr Qgis::ScaleBarSegmentSizeMode ScaleBarFitWidth = Qgis::ScaleBarSegmentSizeMode::FitWidth;
#else
    inline constexpr LayerType VectorLayer = QgsMapLayerType::VectorLayer;
    inline constexpr QgsUnitTypes::DistanceUnit Meters = QgsUnitTypes::DistanceMeters;
    inline constexpr QgsUnitTypes::DistanceUnit Kilometers = QgsUnitTypes::DistanceKilometers;
    inline constexpr QgsUnitTypes::RenderUnit RenderPoints = QgsUnitTypes::RenderPoints;
    inline constexpr QgsScaleBarSettings::SegmentSizeMode ScaleBarFitWidth = QgsScaleBarSettings::SegmentSizeFitWidth;
#endif

    // Processing (moved to Qgis:: enums in 3.36)
#if _QGIS_VERSION_INT >= 33600
    using ProcessingSourceType = Qgis::ProcessingSourceType;
    inline constexpr ProcessingSourceType VectorAnyGeometry = Qgis::ProcessingSourceType::VectorAnyGeometry;
    inline constexpr ProcessingSourceType VectorPoint = Qgis::ProcessingSourceType::VectorPoint;
    inline constexpr ProcessingSourceType VectorLine = Qgis::ProcessingSourceType::VectorLine;
    inline constexpr ProcessingSourceType VectorPolygon = Qgis::ProcessingSourceType::VectorPolygon;
    inline constexpr Qgis::ProcessingNumberParameterType NumberDouble = Qgis::ProcessingNumberParameterType::Double;
    inline constexpr Qgis::ProcessingFieldParameterDataType FieldAny = Qgis::ProcessingFieldParameterDataType::Any;
    inline constexpr Qgis::ProcessingFileParameterBehavior FileBehaviorFile = Qgis::ProcessingFileParameterBehavior::File;
    inline constexpr Qgis::InvalidGeometryCheck NoGeometryCheck = Qgis::InvalidGeometryCheck::NoCheck;
    using ProcessingAlgorithmFlags = Qgis::ProcessingAlgorithmFlags;
    inline constexpr Qgis::ProcessingAlgorithmFlag NoThreading = Qgis::ProcessingAlgorithmFlag::NoThreading;
#else
    using ProcessingSourceType = QgsProcessing::SourceType;
    inline constexpr ProcessingSourceType VectorAnyGeometry = QgsProcessing::TypeVectorAnyGeometry;
    inline constexpr ProcessingSourceType VectorPoint = QgsProcessing::TypeVectorPoint;
    inline constexpr ProcessingSourceType VectorLine = QgsProcessing::TypeVectorLine;
    inline constexpr ProcessingSourceType VectorPolygon = QgsProcessing::TypeVectorPolygon;
    inline constexpr QgsProcessingParameterNumber::Type NumberDouble = QgsProcessingParameterNumber::Double;
    inline constexpr QgsProcessingParameterField::DataType FieldAny = QgsProcessingParameterField::Any;
    inline constexpr QgsProcessingParameterFile::Behavior FileBehaviorFile = QgsProcessingParameterFile::File;
    using ProcessingAlgorithmFlags = QgsProcessingAlgorithm::Flags;
    inline constexpr QgsProcessingAlgorithm::Flag NoThreading = QgsProcessingAlgorithm::FlagNoThreading;
    inline constexpr QgsFeatureRequest::InvalidGeometryCheck NoGeometryCheck = QgsFeatureRequest::GeometryNoCheck;
#endif

    //! Feature-source parameters take their accepted types as a list of ints.
    inline QList<int> sourceTypes( std::initializer_list<ProcessingSourceType> types )
    {
      QList<int> list;
      for ( ProcessingSourceType t : types )
        list << static_cast<int>( t );
      return list;
    }

    //! Symbol-layer data-defined properties (scoped enum from 3.30).
#if _QGIS_VERSION_INT >= 33000
    inline constexpr QgsSymbolLayer::Property PropertyStrokeColor = QgsSymbolLayer::Property::StrokeColor;
#else
    inline constexpr QgsSymbolLayer::Property PropertyStrokeColor = QgsSymbolLayer::PropertyStrokeColor;
#endif

    //! Label placements (Qgis::LabelPlacement from 3.26, QgsPalLayerSettings::Placement before).
#if _QGIS_VERSION_INT >= 32600
    inline constexpr Qgis::LabelPlacement LabelPlacementLine = Qgis::LabelPlacement::Line;
    inline constexpr Qgis::LabelPlacement LabelPlacementOverPoint = Qgis::LabelPlacement::OverPoint;
#else
    inline constexpr QgsPalLayerSettings::Placement LabelPlacementLine = QgsPalLayerSettings::Line;
    inline constexpr QgsPalLayerSettings::Placement LabelPlacementOverPoint = QgsPalLayerSettings::OverPoint;
#endif

    //! Layer filters of map layer combo boxes (Qgis::LayerFilter from 3.34, QgsMapLayerProxyModel::Filter before).
#if _QGIS_VERSION_INT >= 33400
    using LayerFilters = Qgis::LayerFilters;
    inline constexpr Qgis::LayerFilter PointLayerFilter = Qgis::LayerFilter::PointLayer;
    inline constexpr Qgis::LayerFilter LineLayerFilter = Qgis::LayerFilter::LineLayer;
    inline constexpr Qgis::LayerFilter PolygonLayerFilter = Qgis::LayerFilter::PolygonLayer;
    inline constexpr Qgis::LayerFilter VectorLayerFilter = Qgis::LayerFilter::VectorLayer;
#else
    using LayerFilters = QgsMapLayerProxyModel::Filters;
    inline constexpr QgsMapLayerProxyModel::Filter PointLayerFilter = QgsMapLayerProxyModel::PointLayer;
    inline constexpr QgsMapLayerProxyModel::Filter LineLayerFilter = QgsMapLayerProxyModel::LineLayer;
    inline constexpr QgsMapLayerProxyModel::Filter PolygonLayerFilter = QgsMapLayerProxyModel::PolygonLayer;
    inline constexpr QgsMapLayerProxyModel::Filter VectorLayerFilter = QgsMapLayerProxyModel::VectorLayer;
#endif

    //! QgsField of a type given as QMetaType (QVariant::Type is deprecated from 3.38).
    inline QgsField field( const QString &name, QMetaType::Type type )
    {
#if _QGIS_VERSION_INT >= 33800
      return QgsField( name, type );
#else
      // QVariant::Type and QMetaType::Type share their values for every core type
      return QgsField( name, static_cast<QVariant::Type>( type ) );
#endif
    }

    //! The type of a field as QMetaType.
    inline QMetaType::Type fieldType( const QgsField &f )
    {
#if _QGIS_VERSION_INT >= 33800
      return f.type();
#else
      return static_cast<QMetaType::Type>( f.type() );
#endif
    }

    //! An empty rectangle that any combineExtentWith() replaces (setMinimal() before 3.34).
    inline void setNull( QgsRectangle &r )
    {
#if _QGIS_VERSION_INT >= 33400
      r.setNull();
#else
      r.setMinimal();
#endif
    }

    //! Simple symbols, owned by the caller (3.44 returns unique_ptr, earlier a raw pointer).
    std::unique_ptr<QgsLineSymbol> createSimpleLine( const QVariantMap &properties );
    std::unique_ptr<QgsMarkerSymbol> createSimpleMarker( const QVariantMap &properties );
    std::unique_ptr<QgsFillSymbol> createSimpleFill( const QVariantMap &properties );

    //! A layout label's font and colour (a QgsTextFormat from 3.24, QFont and colour before).
    void setLabelFont( QgsLayoutItemLabel *label, const QFont &font, const QColor &color );

    /**
     * Lets the task manager's idle threads end now (waiting up to `msecs` for running tasks).
     * QGIS 3.34+ ends them only when it destroys the task manager, after the authentication
     * manager: a thread that read a layer with an authcfg then runs the manager's per-thread
     * clean-up on a deleted object, and QGIS crashes on quit. Called when Limes is unloaded,
     * which QGIS does before it destroys its managers (QCoreApplication::aboutToQuit is not
     * emitted when a script ends QGIS with QgsApplication::exit: seen on 3.40 under gdb).
     * 3.22 has no access to the pool (and no crash): nothing to do there.
     */
    inline void endIdleTaskThreads( int msecs )
    {
#if _QGIS_VERSION_INT >= 33400
      if ( QgsTaskManager *tasks = QgsApplication::taskManager() )
        tasks->threadPool()->waitForDone( msecs ); // Qt 5: joins the idle threads too
#else
      Q_UNUSED( msecs )
#endif
    }

    /**
     * Headless start-up without QgsApplication::initQgis: the profile, the CRS database and
     * the built-in providers (OGR, GDAL, memory), which is all a command reads with (the
     * workspace's PostgreSQL goes through libpq). initQgis also loads every dynamic provider
     * library and, on 3.22, reads every system CA certificate for the authentication
     * manager: together over a third of a small comparison's time. The authentication
     * manager is set up (3.40+, where it starts lazily) or left for authManager() (3.22).
     */
    void initHeadless();

    /**
     * QGIS's authentication manager, initialised: initQgis did that on 3.22 and earlier,
     * the headless start-up leaves it to the first use; from 3.40 it starts lazily after initHeadless sets it up.
     */
    QgsAuthManager *authManager();
  } // namespace compat
} // namespace limes

#endif // LIMES_QGISCOMPAT_H
