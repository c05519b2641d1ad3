// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ATOMICOUTPUT_H
#define LIMES_ATOMICOUTPUT_H

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace limes
{
  /**
   * Output files replaced together, or not at all: each is written under a temporary name
   * beside its target (".NAME.PID-XXXXXXXX.tmp.SUFFIX"); commit() flushes every temporary
   * to disk, keeps each old target aside (a hard link, ".NAME.PID-XXXXXXXX.old.SUFFIX"),
   * then renames the temporaries over the targets. The last target added is the manifest
   * (the summary): its old file is removed before the first rename and the new one renamed
   * last, so even a kill -9 between two renames never pairs new outputs with an old summary
   * (they are left without one). Should one rename fail, the targets
   * already replaced get their old files back, so a GeoPackage never goes with a summary of
   * another run. Destruction removes the temporaries and the old files kept aside; adding a
   * target removes what a killed run left of Limes' temporaries for it.
   */
  class AtomicOutputs
  {
    public:
      AtomicOutputs() = default;
      ~AtomicOutputs();
      AtomicOutputs( const AtomicOutputs & ) = delete;
      AtomicOutputs &operator=( const AtomicOutputs & ) = delete;

      /**
       * Adds a target and returns where to write it: a temporary path with the target's
       * suffix, so that drivers pick the right format. limes::Error when the target's
       * directory does not exist or the target is a directory.
       */
      QString add( const QString &target );
      //! Writes the whole content of a target added before (outputs not written by a driver).
      void write( const QString &target, const QByteArray &content );
      //! Calls `write` with the target's temporary path; its limes::Error names the target instead.
      void produce( const QString &target, const std::function<void( const QString &temporary )> &write );

      //! Replaces every target, or (limes::Error) none.
      void commit();
      //! After commit(): the old files back, and new targets removed, for a step after the outputs that failed.
      void restore();

      //! The temporary path of a target added before.
      QString temporaryPath( const QString &target ) const;

    private:
      struct File
      {
        QString target;
        QString temporary;
        QString oldName;     //!< where commit() keeps the old target aside
        bool kept = false;   //!< there was an old target, and it is at oldName
      };
      const File &file( const QString &target ) const;
      //! Puts back the first `count` targets' old files.
      void rollBack( size_t count );

      std::vector<File> mFiles;
      bool mCommitted = false;
  };

  //! One output file replaced atomically: an AtomicOutputs of one.
  class AtomicOutput
  {
    public:
      explicit AtomicOutput( const QString &target );

      QString target() const { return mTarget; }
      //! Where to write; has the target's suffix so that drivers pick the right format.
      QString temporaryPath() const { return mTemporary; }
      //! Writes the whole content to the temporary file (for outputs that are not written by a driver).
      void write( const QByteArray &content ) { mOutputs.write( mTarget, content ); }
      void commit() { mOutputs.commit(); }
      /**
       * Puts the new file in place only if the target does not exist (atomically: no file
       * that appears meanwhile is replaced either); limes::Error with `existsMessage` if it does.
       */
      void commitNew( const QString &existsMessage );

    private:
      AtomicOutputs mOutputs;
      QString mTarget;
      QString mTemporary;
  };
}

#endif
