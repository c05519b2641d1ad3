#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Draws docs/images/edges.png: what an edge between two turning points is under each
--edges interpretation, computed with QGIS (GeographicLib geodesics, PROJ). Run from the
repository: QT_QPA_PLATFORM=offscreen /usr/bin/python3 docs/images/make-edges-figure.py"""
import math
import os

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDistanceArea,
                       QgsFeature, QgsGeometry, QgsLineSymbol, QgsMapRendererCustomPainterJob, QgsMapSettings,
                       QgsPointXY, QgsProject, QgsRectangle, QgsSingleSymbolRenderer, QgsVectorLayer)
from qgis.PyQt.QtCore import QPointF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

app = QgsApplication([], False)
app.initQgis()
WGS84 = QgsCoordinateReferenceSystem('EPSG:4326')
UTM = QgsCoordinateReferenceSystem('EPSG:32642')   # the sample's working CRS
MERC = QgsCoordinateReferenceSystem('EPSG:3857')
ctx = QgsProject.instance().transformContext()
A, B = QgsPointXY(69.2, 41.3), QgsPointXY(73.4, 39.4)   # two turning points ~400 km apart
N = 400


def straight_in(crs):
    """The straight line between A and B on the map `crs`, as longitude/latitude points."""
    to, back = QgsCoordinateTransform(WGS84, crs, ctx), QgsCoordinateTransform(crs, WGS84, ctx)
    a, b = to.transform(A), to.transform(B)
    return [back.transform(QgsPointXY(a.x() + (b.x() - a.x()) * i / N, a.y() + (b.y() - a.y()) * i / N)) for i in range(N + 1)]


def geodesic():
    da = QgsDistanceArea()
    da.setEllipsoid('EPSG:7030')
    parts = da.geodesicLine(A, B, da.measureLine(A, B) / N)
    return [p for part in parts for p in part]


curves = [
    ('geodesic (default)', geodesic(), '#1f4e9c', 'solid'),
    ('rhumb = straight in Web Mercator', straight_in(MERC), '#c0392b', 'dash'),
    ('projected:EPSG:4326 (straight in degrees)', straight_in(WGS84), '#8e44ad', 'dot'),
    ('projected (straight in UTM 42N)', straight_in(UTM), '#27ae60', 'dash dot'),
]
da = QgsDistanceArea()
da.setEllipsoid('EPSG:7030')
da.setSourceCrs(WGS84, ctx)
geo = QgsGeometry.fromPolylineXY(curves[0][1])
layers = []
legend = []
for name, points, colour, style in curves:
    layer = QgsVectorLayer('LineString?crs=EPSG:4326', name, 'memory')
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPolylineXY(points))
    layer.dataProvider().addFeatures([f])
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
        {'line_color': colour, 'line_width': '0.7', 'line_style': style})))
    layers.append(layer)
    # how far the middle of this edge is from the geodesic's
    mid = points[N // 2]
    near = geo.nearestPoint(QgsGeometry.fromPointXY(mid)).asPoint()
    offset = da.measureLine(mid, near)
    legend.append((name, colour, offset))

settings = QgsMapSettings()
settings.setDestinationCrs(UTM)
settings.setLayers(layers[::-1])
to_utm = QgsCoordinateTransform(WGS84, UTM, ctx)
mid = to_utm.transform(curves[0][1][N // 2])
settings.setExtent(QgsRectangle(mid.x() - 9000, mid.y() - 6000, mid.x() + 9000, mid.y() + 6000))
settings.setOutputSize(QSize(1000, 560))
settings.setBackgroundColor(QColor('white'))
TOP, BOTTOM = 44, 118                     # bands for the title and the legend
image = QImage(QSize(1000, TOP + 560 + BOTTOM), QImage.Format_ARGB32)
image.fill(QColor('white'))
painter = QPainter(image)
painter.setRenderHint(QPainter.Antialiasing)
painter.setClipRect(0, TOP, 1000, 560)
painter.translate(0, TOP)
job = QgsMapRendererCustomPainterJob(settings, painter)
job.renderSynchronously()
painter.translate(0, -TOP)
painter.setClipping(False)
painter.setPen(QPen(QColor('#999999'), 1))
painter.drawRect(0, TOP, 999, 559)
font = QFont('Open Sans', 11)
painter.setFont(font)
painter.setPen(QColor('#222222'))
painter.drawText(QPointF(16, 28), 'One edge between two turning points %.0f km apart (69.2°E 41.3°N to 73.4°E 39.4°N): '
                 'its middle, 18 km across' % (da.measureLine(A, B) / 1000))
# a scale bar, 2 km, where no line passes
metres_per_pixel = settings.extent().width() / 1000
bar = 2000 / metres_per_pixel
painter.setPen(QPen(QColor('#222222'), 3))
painter.drawLine(QPointF(960 - bar, TOP + 40), QPointF(960, TOP + 40))
painter.setPen(QColor('#222222'))
painter.drawText(QPointF(960 - bar, TOP + 30), '2 km')
y = TOP + 560 + 24
for name, colour, offset in legend:
    pen = QPen(QColor(colour), 3)
    painter.setPen(pen)
    painter.drawLine(QPointF(20, y), QPointF(60, y))
    painter.setPen(QColor('#222222'))
    painter.drawText(QPointF(70, y + 5), '%s: %s' % (name, 'the reference' if offset < 0.01 else 'its middle %.0f m from the geodesic' % offset))
    y += 24
painter.end()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'edges.png')
image.save(out)
for name, colour, offset in legend:
    print('%-45s %10.1f m' % (name, offset))
print('wrote', out)
app.exitQgis()
