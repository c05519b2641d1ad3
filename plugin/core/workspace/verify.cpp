// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/verify.h"
#include "workspace/canonicaljson.h"
#include "workspace/keyring.h"
#include "error.h"

#include <QRegularExpression>

namespace limes::ledger
{
  namespace
  {
    //! Ids, links, hashes, and where unsigned entries stand; one line per problem.
    void checkChain( const QList<Row> &rows, const QList<LedgerEntry> &entries, const QList<QStringList> &stored, VerifyReport &report )
    {
      QString previous = zeroHash();
      long long expectedId = 1, firstSigned = -1;
      for ( int i = 0; i < entries.size(); ++i )
      {
        const LedgerEntry &e = entries[i];
        const QString name = label( e );
        if ( e.id != expectedId )
          report.problems << QStringLiteral( "entries %1 to %2 are missing before %3" ).arg( expectedId ).arg( e.id - 1 ).arg( name );
        expectedId = e.id + 1;
        if ( e.previousHash != previous )
          report.problems << QStringLiteral( "%1 does not follow the entry before it: the chain was changed" ).arg( name );
        if ( !stored[i].isEmpty() )
          report.problems << QStringLiteral( "%1 was changed outside Limes: %2" ).arg( name, stored[i].join( QLatin1String( "; " ) ) );
        else if ( e.format == 1 && hashOf( e ) != e.hash )
          report.problems << QStringLiteral( "%1 was changed outside Limes: its content does not match its hash" ).arg( name );
        else if ( e.format == 2 && canonicaljson::sha256( e.sealed ) != e.hash )
          report.problems << QStringLiteral( "%1 was changed outside Limes: its sealed bytes do not match its hash" ).arg( name );
        if ( e.format == 2 && firstSigned < 0 )
          firstSigned = e.id;
        if ( e.format == 2 )
          ++report.signedEntries;
        else if ( firstSigned >= 0 )
          report.problems << QStringLiteral( "%1 is unsigned but follows signed entry %2: added or rewritten outside Limes" ).arg( name ).arg( firstSigned );
        else
          report.notes << QStringLiteral( "%1 was recorded before signatures: chained, not signed" ).arg( name );
        if ( !ledger::kinds().contains( rows[i].kind.isEmpty() ? QStringLiteral( "decision" ) : rows[i].kind ) )
          report.problems << QStringLiteral( "%1 is of no kind Limes records ('%2')" ).arg( name, rows[i].kind );
        previous = e.hash;
      }
    }

    void checkAnchors( const QList<LedgerEntry> &entries, long long recordedCount, const QString &recordedHead, const VerifyOptions &options, VerifyReport &report )
    {
      const QString head = entries.isEmpty() ? zeroHash() : entries.last().hash;
      const long long count = entries.size();
      if ( recordedCount != count || recordedHead != head )
        report.problems << QStringLiteral( "the ledger should hold %1 entries ending in %2…; it holds %3: entries were removed or added outside Limes" )
                        .arg( recordedCount ).arg( recordedHead.left( 12 ) ).arg( count );
      if ( options.expectedEntries < 0 )
        return;
      if ( count < options.expectedEntries )
        report.problems << QStringLiteral( "the ledger holds %1 entries, %2 fewer than the %3 expected: entries were removed (truncated, head rewound)" )
                        .arg( count ).arg( options.expectedEntries - count ).arg( options.expectedEntries );
      else
      {
        const QString atExpected = options.expectedEntries == 0 ? zeroHash() : entries.at( options.expectedEntries - 1 ).hash;
        if ( !atExpected.startsWith( options.expectedHead ) )
          report.problems << QStringLiteral( "entry %1 is %2…, not the %3… expected: the ledger was rewritten up to there" )
                          .arg( options.expectedEntries ).arg( atExpected.left( 16 ), options.expectedHead.left( 16 ) );
        else if ( count > options.expectedEntries )
          report.notes << QStringLiteral( "%1 entries recorded since the expected head (entry %2)" ).arg( count - options.expectedEntries ).arg( options.expectedEntries );
      }
    }

    //! Every registered key against the fingerprints known out of band.
    void checkTrust( const Keyring &keyring, const VerifyOptions &options, VerifyReport &report )
    {
      if ( options.trusted.isEmpty() )
      {
        if ( !keyring.keys().isEmpty() )
          report.notes << QStringLiteral( "keys not checked against fingerprints known out of band (give --trust PARTY=FINGERPRINT)" );
        return;
      }
      QSet<QString> parties;
      for ( const RegisteredKey &k : keyring.keys() )
      {
        parties.insert( k.party );
        if ( !options.trusted.contains( k.party ) )
          continue;
        if ( !options.trusted.value( k.party ).contains( k.fingerprint ) )
          report.problems << QStringLiteral( "key %1 registered for %2 in entry %3 is not one you trust for %2 (%4)" )
                          .arg( k.fingerprint, k.party ).arg( k.registeredIn ).arg( options.trusted.value( k.party ).join( QLatin1String( ", " ) ) );
      }
      for ( const QString &party : parties )
        if ( !options.trusted.contains( party ) )
          report.notes << QStringLiteral( "keys of %1 not checked (no --trust %1=…)" ).arg( party );
      for ( auto it = options.trusted.cbegin(); it != options.trusted.cend(); ++it )
        for ( const QString &fingerprint : it.value() )
          if ( !keyring.key( fingerprint ) )
            report.notes << QStringLiteral( "trusted key %1 of %2 is not registered in this workspace" ).arg( fingerprint, it.key() );
    }
  }

  QList<LedgerEntry> verifyRows( const QList<Row> &rows, long long recordedCount, const QString &recordedHead, const QStringList &parties,
                                 const VerifyOptions &options, VerifyReport &report )
  {
    QList<LedgerEntry> entries, sealed;
    QList<QStringList> stored;
    for ( const Row &r : rows )
    {
      QStringList problems;
      entries << fromRow( r, &problems );
      // signatures and content are checked against what was signed, not against columns changed since
      sealed << ( problems.isEmpty() ? entries.last() : fromSealed( entries.last() ) );
      stored << problems;
    }
    report.entries = entries.size();
    checkChain( rows, entries, stored, report );
    const Analysis analysis = analyse( sealed, parties );
    for ( const LedgerEntry &e : sealed )
      for ( const QString &p : analysis.problems.value( e.id ) )
        report.problems << QStringLiteral( "%1 is not validly signed: %2" ).arg( label( e ), p );
    checkAnchors( entries, recordedCount, recordedHead, options, report );
    checkTrust( analysis.keyring, options, report );
    return sealed;
  }

  Comparison compare( const QList<Row> &a, const QList<Row> &b )
  {
    auto same = []( const Row &x, const Row &y ) {
      const QString *cx[] = { &x.kind, &x.segment, &x.protocol, &x.meetingDate, &x.place, &x.decision, &x.agreedVersion, &x.positions, &x.signatories, &x.attachments,
                              &x.supersedes, &x.author, &x.recordedUtc, &x.previousHash, &x.hash, &x.payload, &x.signerParty, &x.signerKey, &x.signature, &x.sealed };
      const QString *cy[] = { &y.kind, &y.segment, &y.protocol, &y.meetingDate, &y.place, &y.decision, &y.agreedVersion, &y.positions, &y.signatories, &y.attachments,
                              &y.supersedes, &y.author, &y.recordedUtc, &y.previousHash, &y.hash, &y.payload, &y.signerParty, &y.signerKey, &y.signature, &y.sealed };
      for ( int i = 0; i < 20; ++i )
        if ( *cx[i] != *cy[i] && !( cx[i]->isEmpty() && cy[i]->isEmpty() ) )
          return false;
      return x.id == y.id;
    };
    Comparison c;
    const int n = std::min( a.size(), b.size() );
    while ( c.common < n && same( a[c.common], b[c.common] ) )
      ++c.common;
    for ( int i = c.common; i < a.size(); ++i )
      c.onlyA << fromRow( a[i] );
    for ( int i = c.common; i < b.size(); ++i )
      c.onlyB << fromRow( b[i] );
    if ( c.onlyA.isEmpty() && c.onlyB.isEmpty() )
      c.relation = Comparison::Relation::Identical;
    else if ( c.onlyA.isEmpty() )
      c.relation = Comparison::Relation::APrefixOfB;
    else if ( c.onlyB.isEmpty() )
      c.relation = Comparison::Relation::BPrefixOfA;
    else
      c.relation = Comparison::Relation::Fork;
    return c;
  }

  void parseExpectedHead( const QString &text, VerifyOptions &options )
  {
    static const QRegularExpression form( QStringLiteral( "^(\\d+):([0-9a-f]{16,64})$" ) );
    const QRegularExpressionMatch m = form.match( text.trimmed() );
    if ( !m.hasMatch() )
      throw Error( QStringLiteral( "--expect-head takes COUNT:HASH as `limes workspace head` prints it (the hash or its first 16 hex digits at least; got '%1')" ).arg( text ) );
    options.expectedEntries = m.captured( 1 ).toLongLong();
    options.expectedHead = m.captured( 2 );
  }
}
