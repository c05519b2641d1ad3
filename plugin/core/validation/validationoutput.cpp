// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/validationoutput.h"
#include "qgiscompat.h"
#include "error.h"
#include "rounding.h"
#include "versioninfo.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "io/gpkgwriter.h"

#include <cmath>

namespace limes
{
  namespace
  {
    QgsPointXY anchor( const Finding &f )
    {
      if ( f.geometry.isNull() || f.geometry.isEmpty() )
        return QgsPointXY( 0, 0 );
      if ( f.geometry.type() == limes::geometrytype::Point )
        return f.geometry.asPoint();
      return f.geometry.interpolate( f.geometry.length() / 2 ).asPoint();
    }
  }

  QJsonObject validationSummary( const ValidationResult &r )
  {
    QJsonArray errors, exceptions;
    QJsonObject counts;
    for ( const Finding &f : r.findings )
    {
      const QgsPointXY at = anchor( f );
      const int decimals = r.crs.isGeographic() ? 9 : 3;
      const double scale = std::pow( 10.0, decimals );
      QJsonObject o{ { "rule", f.rule }, { "severity", f.severity }, { "layer", f.layer }, { "fid", static_cast<qint64>( f.fid ) }, { "message", f.message },
        { "x", std::round( at.x() * scale ) / scale }, { "y", std::round( at.y() * scale ) / scale }, { "value", toMillimetre( f.value ) }, { "tolerance", toMillimetre( f.tolerance ) } };
      if ( !f.exception.isEmpty() )
      {
        o[QStringLiteral( "exception" )] = f.exception;
        exceptions.append( o );
      }
      errors.append( o );
      counts[f.rule] = counts[f.rule].toInt() + 1;
    }
    QJsonObject skipped;
    for ( auto it = r.rulesSkipped.cbegin(); it != r.rulesSkipped.cend(); ++it )
      skipped[it.key()] = it.value();
    QJsonArray inputs;
    for ( const InputProvenance &p : r.inputs )
      inputs.append( QJsonObject{ { "source", p.source }, { "layer", p.layer }, { "features", static_cast<qint64>( p.features ) }, { "crs", p.crs } } );
    const VersionInfo v = VersionInfo::current();
    return QJsonObject{
      { "errors", errors },
      { "counts", counts },
      { "error_count", r.errorCount() },
      { "exceptions", exceptions },
      { "rules_run", QJsonArray::fromStringList( r.rulesRun ) },
      { "rules_skipped", skipped },
      { "crs", r.crs.authid() },
      { "tolerance_m", r.tolerance },
      { "provenance", QJsonObject{ { "inputs", inputs }, { "versions", QJsonObject{ { "limes", v.limes }, { "qgis", v.qgis }, { "geos", v.geos }, { "proj", v.proj } } } } } };
  }

  QByteArray validationSummaryJson( const ValidationResult &result )
  {
    return QJsonDocument( validationSummary( result ) ).toJson( QJsonDocument::Indented );
  }

  QgsFields findingFields()
  {
    QgsFields fields;
    fields.append( compat::field( QStringLiteral( "rule" ), QMetaType::QString ) );
    fields.append( compat::field( QStringLiteral( "severity" ), QMetaType::QString ) );
    fields.append( compat::field( QStringLiteral( "layer" ), QMetaType::QString ) );
    fields.append( compat::field( QStringLiteral( "fid" ), QMetaType::LongLong ) );
    fields.append( compat::field( QStringLiteral( "message" ), QMetaType::QString ) );
    fields.append( compat::field( QStringLiteral( "value" ), QMetaType::Double ) );
    fields.append( compat::field( QStringLiteral( "tolerance" ), QMetaType::Double ) );
    fields.append( compat::field( QStringLiteral( "exception" ), QMetaType::QString ) );
    return fields;
  }

  QgsFeature findingFeature( const Finding &f, const QgsFields &fields )
  {
    QgsFeature feature( fields );
    feature.setGeometry( f.geometry );
    feature.setAttributes( QgsAttributes( QVector<QVariant>{ f.rule, f.severity, f.layer, static_cast<qint64>( f.fid ), f.message, toMillimetre( f.value ), toMillimetre( f.tolerance ),
                                                             f.exception.isEmpty() ? QVariant() : QVariant( f.exception ) } ) );
    return feature;
  }

  void writeValidationGeoPackage( const ValidationResult &r, const QString &path )
  {
    const QgsFields written = findingFields();
    QVector<QgsFeature> features;
    features.reserve( static_cast<int>( r.findings.size() ) );
    for ( const Finding &f : r.findings )
      features << findingFeature( f, written );
    GeoPackageWriter writer( path );
    // "fid" is the finding's feature id, as the summary has it: the GeoPackage key gets another name
    writer.writeLayer( QStringLiteral( "errors" ), limes::WkbType::Unknown, r.crs, written, features, { QStringLiteral( "FID=finding_id" ) } );
    writer.close();
  }
}
