// SPDX-License-Identifier: GPL-2.0-or-later
// qgslayoutitemscalebar.h (QGIS 3.22) includes "scalebar/qgsscalebarrenderer.h", a path Debian's flat include directory lacks.
#include <qgsscalebarrenderer.h>
