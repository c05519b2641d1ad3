// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGEINPUTS_H
#define LIMES_CHANGEINPUTS_H

// What `limes change` and `limes report` share: the options naming the two versions and the
// layers and parameters of a comparison, and opening them, so both compute the same numbers.

#include "command.h"
#include "workspace/workspacestore.h"

#include <QCommandLineOption>

#include <memory>
#include <optional>
#include <vector>

namespace limes::io
{
  class PathGuard;
}

namespace limes::cli
{
  //! --old, --new, --left, --right, --party-field, --parties, --water, --segments, --segment-field, --grid, --min-area, --max-end-gap, --ellipsoid, --edges, --workspace.
  //! With `segmentCodes` (limes report), --segments also takes the codes of the segments to report.
  QList<QCommandLineOption> changeInputOptions( bool segmentCodes = false );

  //! Everything a comparison reads, open; the request's layers point into it.
  struct ChangeInputs
  {
    ChangeRequest request;
    OpenedLayer oldVersion;
    OpenedLayer newVersion;
    OpenedLayer segments;
    std::vector<OpenedLayer> resources;
    std::unique_ptr<WorkspaceStore> workspace;      //!< with --workspace
    std::optional<LineVersion> oldRecord;           //!< with --workspace: the versions as recorded
    std::optional<LineVersion> newRecord;
  };

  //! What --segments gave: segment lines (a layer source) and, for `limes report`, segment codes.
  struct SegmentsOption
  {
    QString source;
    QStringList codes;
  };

  /**
   * `limes change` takes --segments as the segment lines only. `limes report` (with `codes`)
   * also takes the codes of the segments to report, as `--segments CODE,…` (the issue's
   * interface); each value is one or the other: a value that names a file or a layer (an
   * existing path, a `|layername=`, a path with a folder or a file extension, a database URI)
   * is the lines, any other value a comma-separated list of codes. Two sources: limes::Error.
   */
  SegmentsOption segmentsOption( const QCommandLineParser &parser, bool codes );

  //! The inputs as the path guard knows them: no output may name one.
  void guardChangeInputs( const QCommandLineParser &parser, io::PathGuard &guard, bool segmentCodes = false );
  /**
   * Opens the versions (files, or versions of --workspace with their recorded parties and
   * edges), the segments and the resource layers, and reads the parameters: limes::Error for
   * anything missing or contradictory, before anything is computed.
   */
  ChangeInputs openChangeInputs( const QCommandLineParser &parser, bool segmentCodes = false );
}

#endif
