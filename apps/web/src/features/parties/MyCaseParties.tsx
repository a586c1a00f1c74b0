import { useState } from 'react';
import type { CaseParty } from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import { Status } from '../../components/Layout';
import { useI18n, type Message } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { PartyList } from './PartyList';
import { partiesApi } from './partiesApi';

/**
 * The signatures of my case (issue #20): shown when the property has more than one owner. The applicant makes a
 * signing link for a co-owner still to sign (shown once); a co-owner sees whether they still need to sign.
 */
export function MyCaseParties({ caseId }: { caseId: string }) {
  const { data, reload } = useApi(() => partiesApi.mine(caseId), [caseId]);
  const { t } = useI18n();
  // Shown for a co-owned property or an organisation's joint signatories, and wherever an agent acts (ADR 0023).
  if (!data || (data.parties.length < 2 && !data.parties.some((p) => p.power))) return null;
  const mine = (data.me === 'coOwner' || data.me === 'signatory') && data.meToSign;
  return (
    <section className="parties" aria-labelledby="parties-title">
      <h2 id="parties-title">{t('parties.title')}</h2>
      <PartyList
        parties={data}
        viewerRole={data.me}
        action={data.mayInvite ? (p) => <MakeLink caseId={caseId} party={p} onMade={reload} /> : undefined}
      />
      {mine && <p>{t(data.me === 'signatory' ? 'parties.org.youMustSign' : 'parties.youMustSign')}</p>}
    </section>
  );
}

function MakeLink({ caseId, party, onMade }: { caseId: string; party: CaseParty; onMade(): void }) {
  const { t } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<Message | undefined>();
  const make = async () => {
    setError(undefined);
    try {
      const made = await partiesApi.link(caseId, party.id);
      setLink(`${window.location.origin}${made.path}`);
    } catch (e) {
      setError(apiErrorMessage(e));
      onMade();
    }
  };
  const name = party.name ?? t(`parties.role.${party.role}`).toLowerCase();
  return (
    <div className="party-link">
      <button type="button" className="button" onClick={() => void make()}>
        {party.name
          ? t('parties.makeLink', { name })
          : t(party.role === 'signatory' ? 'parties.org.makeLinkUnnamed' : 'parties.makeLinkUnnamed')}
      </button>
      {error && <Status tone="error">{error}</Status>}
      {link && (
        <div role="status">
          <p>{t(party.role === 'signatory' ? 'parties.org.linkIntro' : 'parties.linkIntro', { name })}</p>
          <p>
            <span className="visually-hidden">{t('parties.linkLabel')}: </span>
            <code className="party-link__url">{link}</code>
          </p>
        </div>
      )}
    </div>
  );
}
