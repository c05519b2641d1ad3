// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspacesession.h"
#include "crypto/signing.h"
#include "error.h"
#include "validation/validation.h"
#include "workspace/keyring.h"
#include "workspace/workspacestore.h"

#include <QRegularExpression>
#include <QSet>

#include <qgsapplication.h>
#include <qgsdistancearea.h>
#include <qgssettings.h>

namespace limes
{
  QStringList WorkspaceData::partyCodes() const
  {
    QStringList codes;
    for ( const Party &p : parties )
      codes << p.code;
    return codes;
  }

  QString WorkspaceData::partyColour( const QString &code ) const
  {
    for ( const Party &p : parties )
      if ( p.code == code )
        return p.colour;
    return QString();
  }

  namespace
  {
    bool isDecision( const LedgerEntry &e )
    {
      return e.kind == QLatin1String( "decision" );
    }
  }

  QList<LedgerEntry> WorkspaceData::entries( const QString &segment ) const
  {
    QList<LedgerEntry> list;
    // a segment made by a split carries its parent's decisions up to the split
    for ( const LedgerEntry &e : splits::history( segment, ledger ) )
      if ( isDecision( e ) )
        list << e;
    std::sort( list.begin(), list.end(), []( const LedgerEntry &a, const LedgerEntry &b ) { return a.id < b.id; } );
    return list;
  }

  const LedgerEntry *WorkspaceData::lastEntry( const QString &segment ) const
  {
    QSet<long long> ids;
    for ( const LedgerEntry &e : splits::history( segment, ledger ) )
      ids.insert( e.id );
    const LedgerEntry *last = nullptr;
    for ( const LedgerEntry &e : ledger )
      if ( isDecision( e ) && ids.contains( e.id ) && ( !last || e.id > last->id ) )
        last = &e;
    return last;
  }

  QStringList WorkspaceData::awaiting( const LedgerEntry &decision ) const
  {
    QStringList parties;
    if ( decision.format < 2 || decision.input.decision != QLatin1String( "agreed" ) )
      return parties; // recorded before signatures: agreed as it stands
    for ( auto it = decision.input.signatories.cbegin(); it != decision.input.signatories.cend(); ++it )
      if ( !it.value().isEmpty() && !signedBy.value( decision.id ).contains( it.key() ) )
        parties << it.key();
    return parties;
  }

  QSet<long long> WorkspaceData::superseded() const
  {
    QSet<long long> ids;
    for ( const LedgerEntry &e : ledger )
      if ( isDecision( e ) && e.input.supersedes >= 1 )
        ids.insert( e.input.supersedes );
    return ids;
  }

  const LineVersion *WorkspaceData::version( const QString &name ) const
  {
    for ( const LineVersion &v : versions )
      if ( v.name == name )
        return &v;
    return nullptr;
  }

  QString WorkspaceData::claimParty( const LineVersion &v ) const
  {
    if ( !v.ownerParty.isEmpty() )
      return v.ownerParty;
    const QStringList codes = partyCodes();
    for ( const QString &token : v.name.split( QRegularExpression( QStringLiteral( "\\W+" ) ), Qt::SkipEmptyParts ) )
      if ( codes.contains( token ) )
        return token;
    return QString();
  }

  const AcceptedFinding *WorkspaceData::acceptedFinding( const QString &rule, const QString &layer, long long fid ) const
  {
    for ( const AcceptedFinding &a : accepted )
      if ( a.rule == rule && a.layer == layer && a.fid == fid )
        return &a;
    return nullptr;
  }

  WorkspaceSession::WorkspaceSession( std::unique_ptr<WorkspaceStore> store, const QString &target, const QString &name, const QgsCoordinateTransformContext &context )
    : mStore( std::move( store ) )
    , mTarget( target )
    , mName( name )
    , mContext( context )
  {}

  WorkspaceSession::~WorkspaceSession() = default;

  std::unique_ptr<WorkspaceSession> WorkspaceSession::open( const QString &target, const QString &name, const QgsCoordinateTransformContext &context )
  {
    std::unique_ptr<WorkspaceSession> session( new WorkspaceSession( openWorkspace( target, context ), target, name, context ) );
    session->reload();
    return session;
  }

  std::unique_ptr<WorkspaceSession> WorkspaceSession::create( const QString &target, const QString &name, const QList<Party> &parties,
      const QList<Segment> &segments, const QgsCoordinateTransformContext &context )
  {
    std::unique_ptr<WorkspaceSession> session( new WorkspaceSession( createWorkspace( target, parties, segments, context ), target, name, context ) );
    session->reload();
    return session;
  }

  QString WorkspaceSession::describe() const
  {
    return mStore->describe();
  }

  void WorkspaceSession::reload()
  {
    WorkspaceData d;
    d.parties = mStore->parties();
    d.segments = mStore->currentSegments(); // a split's new segments in place of the old one
    d.ledger = mStore->ledger();
    d.keys = mStore->keys();
    d.signedBy = ledger::analyse( d.ledger, d.partyCodes() ).signedBy;
    d.status = mStore->segmentStatus();
    d.versions = mStore->versions();
    d.pillars = mStore->pillars();
    d.accepted = mStore->acceptedFindings();
    d.lines = segmentLines( *mStore );
    QgsDistanceArea measure;
    measure.setSourceCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), mContext );
    measure.setEllipsoid( QStringLiteral( "EPSG:7030" ) );
    for ( auto it = d.lines.cbegin(); it != d.lines.cend(); ++it )
      d.lengthKm.insert( it.key(), measure.measureLength( it->geometry ) / 1000.0 );
    d.loginParty = mStore->loginParty();
    mData = d;
    emit changed();
  }

  namespace
  {
    //! The newest entry about `segment`: a decision on it, or a countersignature of one.
    const LedgerEntry *newestAbout( const QList<LedgerEntry> &entries, const QString &segment )
    {
      QSet<long long> decisions;
      const LedgerEntry *newest = nullptr;
      for ( const LedgerEntry &e : entries )
      {
        const bool decision = isDecision( e ) && e.input.segment == segment;
        if ( decision )
          decisions.insert( e.id );
        const bool countersign = e.kind == QLatin1String( "countersign" ) && decisions.contains( e.payload.value( QLatin1String( "entry" ) ).toVariant().toLongLong() );
        if ( ( decision || countersign ) && ( !newest || e.id > newest->id ) )
          newest = &e;
      }
      return newest;
    }
  }

  LedgerEntry WorkspaceSession::recordDecision( const LedgerEntryInput &input, const crypto::SigningKey &key )
  {
    if ( !mData.loginParty.isEmpty() )
    {
      QString keyParty;
      for ( const RegisteredKey &k : mData.keys )
        if ( k.fingerprint == key.fingerprint() && k.revokedIn < 0 )
          keyParty = k.party;
      if ( keyParty != mData.loginParty )
        throw Error( tr( "Logged in as the %1 delegation, you record with %1's key; this key is %2." )
                     .arg( mData.loginParty, keyParty.isEmpty() ? tr( "not registered in this workspace" ) : tr( "registered for %1" ).arg( keyParty ) ) );
    }
    // optimistic: what the form was filled against must still be the newest about the segment
    // when the ledger is locked for the write; otherwise nothing is written and the user looks again
    const LedgerEntry *seen = newestAbout( mData.ledger, input.segment );
    const long long seenId = seen ? seen->id : 0;
    bool conflict = false;
    LedgerEntry entry;
    try
    {
      entry = mStore->addLedgerEntry( input, key, [&]( const QList<LedgerEntry> &entries ) {
        const LedgerEntry *now = newestAbout( entries, input.segment );
        if ( !now || now->id == seenId )
          return;
        conflict = true;
        const QString who = now->signerParty.isEmpty() ? now->input.author : now->signerParty;
        const QString what = isDecision( *now ) ? tr( "%1, protocol %2" ).arg( now->input.decision, now->input.protocol ) : tr( "a countersignature" );
        throw Error( tr( "Not recorded: %1 recorded entry %2 about %3 (%4) since you opened the form; your entry is kept: look at it and record again." )
                     .arg( who ).arg( now->id ).arg( input.segment, what ) );
      } );
    }
    catch ( const Error & )
    {
      if ( conflict )
        reload();
      throw;
    }
    reload();
    return entry;
  }

  LedgerEntry WorkspaceSession::countersign( long long decision, const crypto::SigningKey &key )
  {
    const LedgerEntry entry = mStore->countersign( decision, authorName(), key );
    reload();
    return entry;
  }

  void WorkspaceSession::acceptFinding( const AcceptedFinding &finding, const crypto::SigningKey &key )
  {
    mStore->acceptFinding( finding, Validator::allRules(), key );
    reload();
  }

  StoredChange WorkspaceSession::storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author,
      const crypto::SigningKey &key )
  {
    const StoredChange stored = mStore->storeChange( oldVersion, newVersion, summaryJson, author, key );
    reload();
    return stored;
  }

  QString authorName()
  {
    const QString configured = QgsSettings().value( QStringLiteral( "Limes/author" ) ).toString().trimmed();
    if ( !configured.isEmpty() )
      return configured;
    const QString env = qEnvironmentVariable( "LIMES_AUTHOR" ).trimmed();
    if ( !env.isEmpty() )
      return env;
    const QString full = QgsApplication::userFullName().trimmed();
    return full.isEmpty() ? QgsApplication::userLoginName() : full;
  }
}
