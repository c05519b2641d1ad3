// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_WORKINGCRSCHOICE_H
#define LIMES_CHANGE_WORKINGCRSCHOICE_H

#include "change/changerequest.h"

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransformcontext.h>

// Stage "working CRS": one metric CRS for everything, chosen from the versions alone, so that
// adding a resource layer never moves the numbers.
namespace limes::change
{
  //! The WGS 84 / UTM zone of the centre of both versions' joint extent (workingCrsFor()).
  QgsCoordinateReferenceSystem chooseWorkingCrs( const InputLayer &oldVersion, const InputLayer &newVersion, const QgsCoordinateTransformContext &context );
}

#endif
