#ifndef LIMES_CHANGEENGINE_H
#define LIMES_CHANGEENGINE_H

#include "change/changeresult.h"

#include <QString>
#include <QStringList>

#include <vector>

class QgsFeatureSource;
class QgsFeedback;

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
  };

  /**
   * Land and resources that change sides between two versions of a boundary.
   * Throws limes::Error for bad input, naming the input; never returns half a result.
   */
  class ChangeEngine
  {
    public:
      static ChangeResult run( const ChangeRequest &request, QgsFeedback *feedback = nullptr );
  };
}

#endif
