import type { ReactNode } from 'react';
import { formatOrganisationsnummer, type CaseParties, type CaseParty } from '@lovisa/domain';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';

/**
 * Who must sign a case's submission and who has: the same list for the applicant, a co-owner and the officer.
 * A protected identity is never named. Only the officer's face says why a name is missing: to the applicant and
 * the co-owners an unnamed party is their role alone (a name can be missing for other reasons, and the protection
 * itself must not show). `action` adds what the viewer may do for a party still to sign.
 */
export function PartyList({
  parties,
  viewerRole,
  action,
  officer = false,
}: {
  parties: CaseParties;
  officer?: boolean;
  viewerRole?: CaseParty['role'] | null;
  action?: (party: CaseParty) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const org = parties.organisation;
  return (
    <>
      {org && (
        <p className="party-list__organisation">
          {t('parties.org.applicant', { name: org.name, orgnr: formatOrganisationsnummer(org.orgnr) })}
        </p>
      )}
      <Status tone={parties.complete ? 'success' : undefined}>
        {parties.complete
          ? t(org ? 'parties.org.complete' : 'parties.complete')
          : t(org ? 'parties.org.incomplete' : 'parties.incomplete', {
              signed: parties.signed,
              needed: parties.needed,
            })}
      </Status>
      <ul className="party-list">
        {parties.parties.map((p) => (
          <li key={p.id} className="party-list__item">
            <p>
              {p.name || officer ? (
                <>
                  <strong>{p.name ?? t('parties.protected')}</strong> · {t(`parties.role.${p.role}`)}
                </>
              ) : (
                <strong>{t(`parties.role.${p.role}`)}</strong>
              )}
              {viewerRole && p.role === viewerRole && viewerRole !== 'coOwner' ? ` ${t('parties.you')}` : ''}
            </p>
            <p
              className={p.state === 'invited' ? 'hint' : undefined}
              hidden={p.role === 'agent' && p.state === 'invited'}
            >
              {p.state === 'signed'
                ? t('parties.state.signed', { date: p.signedAt ? formatDate(p.signedAt, lang) : '' })
                : p.state === 'paper'
                  ? t('parties.state.paper', { name: p.paperRecordedBy ?? '' })
                  : t('parties.state.invited')}
            </p>
            {p.power && <PowerLine power={p.power} />}
            {p.state === 'invited' && p.role !== 'agent' && action?.(p)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('parties.hash', { hash: parties.submissionHash.slice(0, 16) })}</p>
    </>
  );
}

/** Who an agent acts for, on which power of attorney, until when; and whether it was revoked or ran out. */
function PowerLine({ power }: { power: NonNullable<CaseParty['power']> }) {
  const { t, lang } = useI18n();
  return (
    <p className={`party-power party-power--${power.state}`}>
      {t('parties.power', {
        name: power.principalName ?? t('parties.powerOwner'),
        date: formatDate(power.validUntil, lang),
      })}
      {power.revokedAt && <> {t('parties.powerRevoked', { date: formatDate(power.revokedAt, lang) })}</>}
      {power.state === 'expired' && <> {t('parties.powerExpired')}</>}
    </p>
  );
}
