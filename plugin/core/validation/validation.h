// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_H
#define LIMES_VALIDATION_H

#include "change/changeengine.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsgeometry.h>

class QgsFeedback;

namespace limes
{
  //! One thing wrong with the geometry: where, which rule, what was measured against what.
  struct Finding
  {
    QString rule;
    QString severity;       //!< error, warning
    QString layer;          //!< name of the input layer
    long long fid = -1;     //!< feature id, -1 for the layer as a whole
    QString message;        //!< what a cartographer acts on, with values and units
    double value = 0;       //!< what was measured (m, m², degrees or a count)
    double tolerance = 0;   //!< what it was measured against, same unit
    QgsGeometry geometry;   //!< point or line at the finding, in the line layer's CRS
    QString exception;      //!< reason, when the commission accepted this finding
  };

  //! A finding the commission has accepted, matched by rule, layer and feature id.
  struct AcceptedException
  {
    QString rule;
    QString layer;
    long long fid = -1;
    QString reason;
  };

  struct ValidationRequest
  {
    InputLayer line;                    //!< required: the boundary line
    InputLayer segments;                //!< optional, with a code field
    QString segmentCodeField = QStringLiteral( "code" );
    InputLayer pillars;                 //!< optional, with a number field
    QString pillarField = QStringLiteral( "number" );
    InputLayer territories;             //!< optional, with a party field
    QString partyField;
    InputLayer tripoints;               //!< optional points where the line must end
    QStringList rules;                  //!< empty: every rule the inputs allow
    double tolerance = 0.5;             //!< metres, on the ellipsoid
    double spikeAngle = 1.0;            //!< degrees: a vertex turning back sharper is a spike
    double turningAngle = 20.0;         //!< degrees: a vertex turning more is a turning point
    double minPillarSpacing = 1.0;      //!< metres
    double maxPillarSpacing = 5000.0;   //!< metres
    QString surveyXField = QStringLiteral( "surveyed_x" );
    QString surveyYField = QStringLiteral( "surveyed_y" );
    QString surveyAccuracyField = QStringLiteral( "survey_accuracy" );
    QList<AcceptedException> exceptions;
    //! Datum transformations between the inputs' CRSs; default-constructed: QGIS's defaults.
    QgsCoordinateTransformContext transformContext;
  };

  struct ValidationResult
  {
    QList<Finding> findings;            //!< in rule order, then layer, fid, position
    QStringList rulesRun;
    QMap<QString, QString> rulesSkipped; //!< rule -> why (missing input or field)
    QgsCoordinateReferenceSystem crs;   //!< of the findings: the line layer's
    double tolerance = 0;
    QList<InputProvenance> inputs;
    int errorCount() const;             //!< error-severity findings not accepted as exceptions
  };

  /**
   * Validation of delimitation and demarcation geometry. Rules have stable ids; distances
   * are measured on the ellipsoid; every finding carries its place and numbers.
   * Bad input (not the findings) throws limes::Error. The rules themselves live in the
   * registry (validation/registry.h); these are the entry points the front ends call.
   */
  class Validator
  {
    public:
      //! Every rule id, in report order (from the registry).
      static QStringList allRules();
      //! "error" or "warning" (from the registry; "error" for an unknown id).
      static QString severityOf( const QString &rule );
      static ValidationResult run( const ValidationRequest &request, QgsFeedback *feedback = nullptr );
  };
}

#endif
