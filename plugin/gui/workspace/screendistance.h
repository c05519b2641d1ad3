// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SCREENDISTANCE_H
#define LIMES_SCREENDISTANCE_H

#include <QPoint>

#include <qgscoordinatetransform.h>
#include <qgspointxy.h>

class QgsMapCanvas;

namespace limes
{
  /**
   * How far, in screen pixels, a workspace position (WGS 84) is drawn from a click on the
   * canvas: what the map tools pick pillars and vertices by. Infinite for a position the
   * canvas's CRS cannot show.
   */
  class ScreenDistance
  {
    public:
      ScreenDistance( QgsMapCanvas *canvas, const QPoint &pixel );
      double operator()( const QgsPointXY &wgs84 ) const;

    private:
      QgsMapCanvas *mCanvas; // its map-to-pixel transform is a non-const getter
      QPoint mPixel;
      QgsCoordinateTransform mToMap;
  };
}

#endif
