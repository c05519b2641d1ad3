// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_IO_PATHGUARD_H
#define LIMES_IO_PATHGUARD_H

#include <QList>
#include <QString>

namespace limes::io
{
  /**
   * Refuses an output that names an input or another output: writing it would destroy data
   * the run reads, or one output would overwrite the other. Files are compared as the file
   * system sees them: an existing file by device and inode (so symlinks, hard links, `./` and
   * `..` are all seen through), a file still to be written by its directory's real path and
   * its name. The CLI commands and the Processing algorithms all check through this class.
   */
  class PathGuard
  {
    public:
      //! An input file; `what` names it in messages ("--old", "OLD"). Empty paths are ignored.
      void addInput( const QString &what, const QString &path );
      //! An input source as users write it, "path|layername=NAME|subset=SQL": its file.
      void addSource( const QString &what, const QString &spec );
      /**
       * A file the run writes (or replaces); with `layer`, one layer the run adds to the file,
       * which may then hold other outputs' layers, never an input. Empty paths are ignored.
       */
      void addOutput( const QString &what, const QString &path, const QString &layer = QString() );

      //! limes::Error, naming the output's path, for the first output that is an input or another output.
      void check() const;

    private:
      struct Entry
      {
        QString what;
        QString path;
        bool output = false;
        QString layer;
      };
      QList<Entry> mEntries;
  };

  /**
   * What makes two paths the same file: "inode:DEV:INO" for an existing file, else
   * "path:" and the real path of its directory joined with its name.
   */
  QString fileIdentity( const QString &path );
}

#endif
