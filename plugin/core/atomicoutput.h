// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ATOMICOUTPUT_H
#define LIMES_ATOMICOUTPUT_H

#include <QByteArray>
#include <QString>

namespace limes
{
  /**
   * An output file written under a temporary name beside its target and renamed over it
   * only by commit(): a failure or a kill leaves either the old file or nothing, never half
   * an annex. Destruction without commit() removes the temporary file.
   */
  class AtomicOutput
  {
    public:
      explicit AtomicOutput( const QString &target );
      ~AtomicOutput();
      AtomicOutput( const AtomicOutput & ) = delete;
      AtomicOutput &operator=( const AtomicOutput & ) = delete;

      QString target() const { return mTarget; }
      //! Where to write; has the target's suffix so that drivers pick the right format.
      QString temporaryPath() const { return mTemporary; }
      //! Writes the whole content to the temporary file (for outputs that are not written by a driver).
      void write( const QByteArray &content );
      void commit();

    private:
      QString mTarget;
      QString mTemporary;
      bool mCommitted = false;
  };
}

#endif
