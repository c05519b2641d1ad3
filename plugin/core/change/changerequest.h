// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGEREQUEST_H
#define LIMES_CHANGEREQUEST_H

#include "geometry/edges.h"

#include <QString>
#include <QStringList>

#include <vector>

#include <qgscoordinatetransformcontext.h>

class QgsFeatureSource;

namespace limes
{
  //! A layer handed to the engine, and how the user named it (for messages and provenance).
  struct InputLayer
  {
    QgsFeatureSource *source = nullptr; //!< not owned
    QString name;                       //!< reported name: layername or the file's base name
    QString spec;                       //!< as given, e.g. path|layername=NAME
    QString path;                       //!< file to fingerprint; empty for memory layers
  };

  struct ChangeRequest
  {
    InputLayer oldVersion;
    InputLayer newVersion;
    QString leftParty;                  //!< line versions: party left of the digitized direction
    QString rightParty;
    QString partyField;                 //!< territory versions: attribute with the party code
    QStringList knownParties;           //!< when set, any other code is refused
    std::vector<InputLayer> resources;
    InputLayer segments;                //!< optional
    QString segmentCodeField = QStringLiteral( "code" );
    double gridM = 0.001;
    double minAreaM2 = 0;
    double maxEndGapM = 1000;
    QString ellipsoid = QStringLiteral( "EPSG:7030" );
    //! What the versions' edges are between their vertices; long edges are densified along it.
    EdgeInterpretation edges;
    //! When the versions come from a commission workspace: which, and its ledger head
    //! ("COUNT:HASH", as `limes workspace head` prints it), so the summary says what record it saw.
    QString workspace;
    QString ledgerHead;
    /**
     * Datum transformations for reprojecting the inputs and measuring on the ellipsoid, chosen
     * by the front end (Processing: its context's; the CLI: its own default). The engine never
     * asks the project, so it runs alike in a worker thread, a test or the CLI.
     */
    QgsCoordinateTransformContext transformContext;
  };
}

#endif
