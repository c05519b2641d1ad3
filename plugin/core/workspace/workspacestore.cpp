// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/workspacestore.h"
#include "workspace/canonicaljson.h"
#include "workspace/checks.h"
#include "workspace/coverage.h"
#include "workspace/importsource.h"
#include "workspace/keyring.h"
#include "workspace/ledgerchain.h"
#include "workspace/ledger.h"
#include "workspace/snapshot.h"
#include "workspace/styles.h"
#include "workspace/verify.h"
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/postgis/pgstore.h"
#include "crypto/signing.h"
#include "error.h"

#include <QDateTime>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace limes
{
  WorkspaceStore::WorkspaceStore( const QgsCoordinateTransformContext &context )
    : mContext( context )
  {}

  WorkspaceStore::~WorkspaceStore() = default;

  QStringList WorkspaceStore::partyCodes() const
  {
    QStringList codes;
    for ( const Party &p : parties() )
      codes << p.code;
    return codes;
  }

  void WorkspaceStore::addParty( const Party &party )
  {
    checks::checkParty( party, partyCodes(), describe() );
    if ( party.code == ledger::secretariat() )
      throw Error( QStringLiteral( "%1 is the secretariat's code for its keys, not a party" ).arg( party.code ), describe() );
    transaction( [&] { insertParty( party ); } );
  }

  QString WorkspaceStore::partyRole( const QString & ) const
  {
    return QString();
  }

  QString WorkspaceStore::loginParty() const
  {
    return QString();
  }

  QStringList WorkspaceStore::segmentCodes() const
  {
    QStringList codes;
    for ( const Segment &s : segments() )
      codes << s.code;
    return codes;
  }

  void WorkspaceStore::addSegments( const QList<Segment> &list )
  {
    checks::checkSegments( list, segmentCodes(), describe() );
    transaction( [&] {
      for ( const Segment &s : list )
        insertSegment( s );
    } );
  }

  QMap<QString, QString> WorkspaceStore::segmentStatus() const
  {
    return ledger::statusOf( currentSegmentCodes(), partyCodes(), ledger() );
  }

  LineVersion WorkspaceStore::version( const QString &name ) const
  {
    QStringList names;
    for ( const LineVersion &v : versions() )
    {
      if ( v.name == name )
        return v;
      names << v.name;
    }
    throw Error( QStringLiteral( "no version named '%1' (versions: %2)" ).arg( name, names.isEmpty() ? QStringLiteral( "none" ) : names.join( QLatin1String( ", " ) ) ), describe() );
  }

  QList<LedgerEntry> WorkspaceStore::readEntries() const
  {
    QList<LedgerEntry> entries;
    for ( const ledger::Row &r : ledgerRows() )
      entries << ledger::fromRow( r );
    return entries;
  }

  WorkspaceStore::Chain WorkspaceStore::lockChain( const crypto::SigningKey &key, bool newKey ) const
  {
    Chain chain( partyCodes() );
    const LedgerHead head = ledgerHead( true );
    chain.entries = readEntries();
    chain.nextId = head.nextId;
    chain.head = chain.entries.isEmpty() ? ledger::zeroHash() : chain.entries.last().hash;
    chain.analysis = ledger::analyse( chain.entries, partyCodes() );
    if ( newKey )
      return chain;
    const QString fingerprint = key.fingerprint();
    chain.signerParty = chain.analysis.keyring.activeParty( fingerprint );
    if ( chain.signerParty.isEmpty() )
    {
      const RegisteredKey *known = chain.analysis.keyring.key( fingerprint );
      if ( known )
        throw Error( QStringLiteral( "key %1 of %2 was revoked in entry %3: it signs nothing more" ).arg( fingerprint, known->party ).arg( known->revokedIn ), describe() );
      throw Error( QStringLiteral( "key %1 is not registered in this workspace: register it with `limes workspace register-key %2 --party PARTY --key FILE`" )
                   .arg( fingerprint, describe() ), describe() );
    }
    return chain;
  }

  LedgerEntry WorkspaceStore::append( const Chain &chain, LedgerEntry entry, const QString &signerParty, const crypto::SigningKey &key )
  {
    ledger::seal( entry, chain.nextId, chain.head, signerParty, key );
    insertLedgerRow( ledger::toRow( entry ) );
    return entry;
  }

  LineVersion WorkspaceStore::importVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName, const crypto::SigningKey &key )
  {
    checks::checkVersion( v, source, sourceName, partyCodes(), mContext, describe() );
    LineVersion stored = v;
    transaction( [&] {
      checks::checkNewVersionName( v.name, versions(), describe() );
      const Chain chain = lockChain( key, false );
      stored.ledgerEntry = chain.nextId;
      stored.id = insertVersion( stored );
      stored.parts = readVersionLines( source, sourceName, mContext, [&]( const VersionLine &line ) { insertVersionLine( stored.id, line ); } );
      // the hashes of what the storage holds now, read back inside the transaction
      LedgerEntry e;
      e.kind = QStringLiteral( "version" );
      e.input.author = v.author;
      e.payload = coverage::versionPayload( version( v.name ), versionLines( stored.id ) );
      append( chain, e, chain.signerParty, key );
    } );
    return stored;
  }

  int WorkspaceStore::setVersionNotes( const QString &, const QString &, int )
  {
    throw Error( QStringLiteral( "this workspace keeps no row versions: set-notes works on a shared PostgreSQL workspace" ), describe() );
  }

  long long WorkspaceStore::importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QString &author,
      const crypto::SigningKey &key )
  {
    checks::checkPillarLayer( source, sourceName, fields.number, mContext );
    const QStringList known = segmentCodes();
    long long imported = 0;
    transaction( [&] {
      QSet<QString> numbers;
      for ( const Pillar &p : pillarRows() )
        numbers.insert( p.number );
      const Chain chain = lockChain( key, false );
      imported = readPillars( source, sourceName, fields, known, numbers, author, mContext, [&]( Pillar p ) {
        p.ledgerEntry = chain.nextId;
        insertPillar( p );
      } );
      QList<Pillar> written;
      for ( const Pillar &p : pillarRows() )
        if ( p.ledgerEntry == chain.nextId )
          written << p;
      LedgerEntry e;
      e.kind = QStringLiteral( "pillars" );
      e.input.author = author;
      e.payload = coverage::pillarsPayload( written );
      append( chain, e, chain.signerParty, key );
    } );
    return imported;
  }

  LedgerEntry WorkspaceStore::addLedgerEntry( const LedgerEntryInput &input, const crypto::SigningKey &key,
      const std::function<void( const QList<LedgerEntry> &entries )> &precondition )
  {
    // a segment a split retired takes no more decisions: its new segments do
    LedgerEntry e = ledger::prepare( input, currentSegmentCodes(), partyCodes(), describe() );
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      if ( precondition )
        precondition( chain.entries );
      QString supersededSegment;
      for ( const LedgerEntry &x : chain.entries )
      {
        if ( x.id != input.supersedes )
          continue;
        if ( x.kind != QLatin1String( "decision" ) )
          throw Error( QStringLiteral( "entry %1 records no decision (%2): only a decision is superseded" ).arg( x.id ).arg( x.kind ), describe() );
        supersededSegment = x.input.segment;
      }
      ledger::checkSupersedes( input, supersededSegment, describe() );
      if ( !input.agreedVersion.isEmpty() )
      {
        // the agreement holds the version's content, whenever it was imported
        const LineVersion agreed = version( input.agreedVersion );
        e.agreedVersionSha256 = coverage::versionPayload( agreed, versionLines( agreed.id ) ).value( QLatin1String( "content_sha256" ) ).toString();
      }
      e = append( chain, e, chain.signerParty, key );
    } );
    return e;
  }

  namespace
  {
    [[noreturn]] void unsigned_( const QString &where )
    {
      throw Error( QStringLiteral( "recording needs a signing key, and this front end holds none: record with `limes ... --key FILE` (limes key generate makes one)" ), where );
    }
  }

  LedgerEntry WorkspaceStore::addLedgerEntry( const LedgerEntryInput & )
  {
    unsigned_( describe() );
  }

  void WorkspaceStore::acceptFinding( const AcceptedFinding &, const QStringList & )
  {
    unsigned_( describe() );
  }

  StoredChange WorkspaceStore::storeChange( const QString &, const QString &, const QByteArray &, const QString & )
  {
    unsigned_( describe() );
  }

  LedgerEntry WorkspaceStore::countersign( long long entry, const QString &author, const crypto::SigningKey &key )
  {
    if ( author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs its author" ), describe() );
    LedgerEntry e;
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      auto target = std::find_if( chain.entries.cbegin(), chain.entries.cend(), [&]( const LedgerEntry &x ) { return x.id == entry; } );
      if ( target == chain.entries.cend() || target->kind != QLatin1String( "decision" ) )
        throw Error( QStringLiteral( "entry %1 is no decision of this ledger" ).arg( entry ), describe() );
      if ( target->format != 2 )
        throw Error( QStringLiteral( "entry %1 was recorded before signatures: there is nothing to countersign" ).arg( entry ), describe() );
      if ( chain.signerParty == ledger::secretariat() )
        throw Error( QStringLiteral( "the secretariat's signature counts for no party: countersign with a delegation's key" ), describe() );
      if ( chain.analysis.signedBy.value( entry ).contains( chain.signerParty ) )
        throw Error( QStringLiteral( "%1 has signed entry %2 already%3" ).arg( chain.signerParty ).arg( entry )
                     .arg( target->signerParty == chain.signerParty ? QStringLiteral( " (it recorded it)" ) : QString() ), describe() );
      e.kind = QStringLiteral( "countersign" );
      e.input.author = author;
      e.payload = QJsonObject{ { "entry", static_cast<qint64>( entry ) }, { "entry_hash", target->hash } };
      e = append( chain, e, chain.signerParty, key );
    } );
    return e;
  }

  LedgerEntry WorkspaceStore::registerKey( const QString &party, const QString &holder, const QString &author, const crypto::SigningKey &key,
      const crypto::SigningKey *endorser )
  {
    if ( party != ledger::secretariat() && !partyCodes().contains( party ) )
      throw Error( QStringLiteral( "unknown party '%1' (parties: %2, and %3 for the secretariat)" ).arg( party, partyCodes().join( QLatin1String( ", " ) ), ledger::secretariat() ), describe() );
    if ( author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs its author" ), describe() );
    const QString fingerprint = key.fingerprint();
    LedgerEntry e;
    transaction( [&] {
      const Chain chain = lockChain( key, true );
      if ( const RegisteredKey *known = chain.analysis.keyring.key( fingerprint ) )
        throw Error( QStringLiteral( "key %1 is registered already, for %2 (entry %3)" ).arg( fingerprint, known->party ).arg( known->registeredIn ), describe() );
      QJsonValue endorsement = QJsonValue::Null;
      const QList<RegisteredKey> current = chain.analysis.keyring.active( party );
      if ( !current.isEmpty() )
      {
        if ( !endorser )
          throw Error( QStringLiteral( "%1 has an active key (%2): a new key of %1 needs its endorsement (give --endorse-key FILE)" ).arg( party, current.first().fingerprint ), describe() );
        if ( chain.analysis.keyring.activeParty( endorser->fingerprint() ) != party )
          throw Error( QStringLiteral( "the endorsing key %1 is not an active key of %2" ).arg( endorser->fingerprint(), party ), describe() );
        endorsement = QJsonObject{ { "key", endorser->fingerprint() },
          { "signature", QString::fromLatin1( endorser->sign( ledger::endorsementMessage( party, fingerprint, chain.head ) ).toHex() ) } };
      }
      e.kind = QStringLiteral( "key" );
      e.input.author = author;
      e.payload = QJsonObject{ { "party", party }, { "public_key", QString::fromLatin1( key.publicKey().toHex() ) }, { "fingerprint", fingerprint },
        { "holder", holder }, { "endorsement", endorsement } };
      e = append( chain, e, party, key );
    } );
    return e;
  }

  LedgerEntry WorkspaceStore::revokeKey( const QString &fingerprint, const QString &reason, const QString &author, const crypto::SigningKey &key )
  {
    if ( reason.trimmed().isEmpty() || author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a revocation needs a reason and an author" ), describe() );
    LedgerEntry e;
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      const RegisteredKey *target = chain.analysis.keyring.key( fingerprint );
      if ( !target )
        throw Error( QStringLiteral( "no key %1 is registered in this workspace" ).arg( fingerprint ), describe() );
      if ( target->revokedIn >= 0 )
        throw Error( QStringLiteral( "key %1 was revoked already (entry %2)" ).arg( fingerprint ).arg( target->revokedIn ), describe() );
      if ( chain.signerParty != target->party && chain.signerParty != ledger::secretariat() )
        throw Error( QStringLiteral( "a key of %1 is revoked with a key of %1 or of the secretariat, not of %2" ).arg( target->party, chain.signerParty ), describe() );
      e.kind = QStringLiteral( "key_revoke" );
      e.input.author = author;
      e.payload = QJsonObject{ { "fingerprint", fingerprint }, { "party", target->party }, { "reason", reason } };
      e = append( chain, e, chain.signerParty, key );
    } );
    return e;
  }

  QList<LedgerEntry> WorkspaceStore::ledger( const QString &segment ) const
  {
    return segment.isEmpty() ? readEntries() : splits::history( segment, readEntries() );
  }

  QList<RegisteredKey> WorkspaceStore::keys() const
  {
    return ledger::analyse( readEntries(), partyCodes() ).keyring.keys();
  }

  LedgerHead WorkspaceStore::head() const
  {
    const QList<LedgerEntry> entries = readEntries();
    LedgerHead h;
    h.entries = entries.size();
    h.nextId = entries.isEmpty() ? 1 : entries.last().id + 1;
    h.hash = entries.isEmpty() ? ledger::zeroHash() : entries.last().hash;
    return h;
  }

  VerifyReport WorkspaceStore::verify( const VerifyOptions &options ) const
  {
    // a damaged file can hold an intact-looking ledger beside garbage: said first, and the
    // chain checked as far as it can still be read
    const QStringList damage = storageProblems();
    // a writer appending between reading the head and the entries would look like tampering
    VerifyReport report;
    try
    {
      readSnapshot( [&] {
        const LedgerHead recorded = ledgerHead( false );
        const QList<LedgerEntry> entries = ledger::verifyRows( ledgerRows(), recorded.entries, recorded.hash, partyCodes(), options, report );
        coverage::Stored content;
        content.versions = versions();
        for ( const LineVersion &v : content.versions )
          content.lines.insert( v.id, versionLines( v.id ) );
        content.pillars = pillarRows(); // as imported: surveys are entries of their own (survey.cpp)
        content.findings = acceptedFindings();
        content.changes = storedChanges();
        content.legacyIds = legacyIds();
        coverage::verify( entries, content, report );
        splits::verify( entries, segments(), report );
        survey::verify( entries, content.pillars, report );
      } );
    }
    catch ( const Error & )
    {
      if ( damage.isEmpty() )
        throw;
    }
    report.problems = damage + report.problems;
    return report;
  }

  QStringList WorkspaceStore::storageProblems() const
  {
    return QStringList();
  }

  void WorkspaceStore::acceptFinding( const AcceptedFinding &finding, const QStringList &knownRules, const crypto::SigningKey &key )
  {
    checks::checkAcceptedFinding( finding, knownRules, describe() );
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      AcceptedFinding x = finding;
      x.ledgerEntry = chain.nextId;
      insertFinding( x );
      for ( const AcceptedFinding &stored : acceptedFindings() )
        if ( stored.ledgerEntry == chain.nextId )
          x = stored;
      LedgerEntry e;
      e.kind = QStringLiteral( "finding" );
      e.input.author = finding.author;
      e.payload = coverage::findingPayload( x );
      append( chain, e, chain.signerParty, key );
    } );
  }

  StoredChange WorkspaceStore::storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author,
      const crypto::SigningKey &key )
  {
    StoredChange change{ -1, version( oldVersion ).name, version( newVersion ).name, QString(), author, summaryJson };
    StoredChange stored;
    transaction( [&] {
      const Chain chain = lockChain( key, false );
      change.ledgerEntry = chain.nextId;
      stored = insertChange( change );
      for ( const StoredChange &c : storedChanges() )
        if ( c.ledgerEntry == chain.nextId )
          stored.summaryJson = c.summaryJson; // the bytes as stored are what is hashed
      LedgerEntry e;
      e.kind = QStringLiteral( "change" );
      e.input.author = author;
      e.payload = coverage::changePayload( stored );
      append( chain, e, chain.signerParty, key );
    } );
    return stored;
  }

  QString WorkspaceStore::layerStyle( const QString &table ) const
  {
    return defaultLayerStyle( table );
  }

  void WorkspaceStore::exportTo( const QString &gpkgPath ) const
  {
    exportSnapshot( *this, gpkgPath, mContext );
  }

  WorkspaceInfo WorkspaceStore::info() const
  {
    WorkspaceInfo info;
    readSnapshot( [&] {
      info.title = title();
      info.parties = parties();
      const QList<LedgerEntry> entries = readEntries();
      info.segments.clear();
      for ( const Segment &s : splits::current( segments(), splits::fromEntries( entries ) ) )
        info.segments << s.code;
      info.status = ledger::statusOf( info.segments, partyCodes(), entries );
      info.keys = ledger::analyse( entries, partyCodes() ).keyring.keys();
      info.versions = versions();
      info.pillars = pillarCount();
      info.changes = storedChanges();
      info.ledgerEntries = entries.size();
      info.acceptedFindings = acceptedFindings().size();
    } );
    return info;
  }

  bool isWorkspaceConnection( const QString &target )
  {
    return PgStore::isConnection( target );
  }

  QString workspaceTargetForWorker( const QString &target )
  {
    return isWorkspaceConnection( target ) ? pg::withCredentials( target ) : target;
  }

  std::unique_ptr<WorkspaceStore> openWorkspace( const QString &target, const QgsCoordinateTransformContext &context )
  {
    if ( isWorkspaceConnection( target ) )
      return PgStore::open( target, context );
    return GpkgStore::open( target, context );
  }

  std::unique_ptr<WorkspaceStore> createWorkspace( const QString &target, const QList<Party> &parties, const QList<Segment> &segments,
      const QgsCoordinateTransformContext &context )
  {
    // the same checks as adding them later, before anything exists
    const bool connection = isWorkspaceConnection( target );
    const QString where = connection ? PgStore::describeConnection( target ) : target; // never a password
    QStringList codes;
    for ( const Party &p : parties )
    {
      checks::checkParty( p, codes, where );
      if ( p.code == ledger::secretariat() )
        throw Error( QStringLiteral( "%1 is the secretariat's code for its keys, not a party" ).arg( p.code ), where );
      codes << p.code;
    }
    checks::checkSegments( segments, {}, where );
    if ( connection )
    {
      PgStore::create( target, parties, segments );
      return PgStore::open( target, context );
    }
    GpkgStore::create( target, parties, segments );
    return GpkgStore::open( target, context );
  }

  namespace
  {
    volatile std::sig_atomic_t sResumeInit = 0;
  }

  void pauseInitForTest()
  {
    if ( qEnvironmentVariable( "LIMES_TEST_PAUSE_INIT" ) != QLatin1String( "1" ) )
      return;
    std::signal( SIGUSR1, []( int ) { sResumeInit = 1; } );
    std::fprintf( stderr, "limes: test pause: workspace written, not yet in place\n" );
    std::fflush( stderr );
    for ( int i = 0; i < 3000 && !sResumeInit; ++i ) // the test kills or resumes us long before
      QThread::msleep( 100 );
  }
}
