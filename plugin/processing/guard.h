// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_PROCESSING_GUARD_H
#define LIMES_PROCESSING_GUARD_H

// What every Limes algorithm does at its edges: one error boundary, features that cannot be
// transformed stop the run, and outputs that never overwrite inputs.

#include <QString>
#include <QVariantMap>

#include <functional>

class QgsFeature;
class QgsProcessingContext;

namespace limes::processing
{
  /**
   * The one error boundary of an algorithm: runs `body`, and turns limes::Error, QGIS's own
   * exceptions (a coordinate transformation that fails) and any std::exception into a
   * QgsProcessingException of one line. Nothing may escape into QGIS: it would take the
   * desktop down.
   */
  QVariantMap guarded( const std::function<QVariantMap()> &body );

  /**
   * The file a Processing destination writes ("" for memory and database layers), and in
   * `layer` the layer it names, if any: a path, "path|layername=NAME", or
   * "ogr:dbname='path' table=\"NAME\"".
   */
  QString destinationFile( const QString &destination, QString *layer = nullptr );

  /**
   * While it lives, sources taken from the context throw io::TransformFailure for a feature
   * that cannot be transformed, where QGIS would only log it and drop the geometry; the
   * engines name the layer and the feature. The context's own callback comes back after.
   */
  class TransformFailuresStop
  {
    public:
      explicit TransformFailuresStop( QgsProcessingContext &context );
      ~TransformFailuresStop();
      TransformFailuresStop( const TransformFailuresStop & ) = delete;
      TransformFailuresStop &operator=( const TransformFailuresStop & ) = delete;

    private:
      QgsProcessingContext &mContext;
      std::function<void( const QgsFeature & )> mPrevious;
  };
}

#endif
