import { useState } from 'react';
import { stockholmDate, type CaseParty } from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { useI18n, type Message } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { Panel } from '../officer/Panel';
import { PartyList } from './PartyList';
import { partiesApi } from './partiesApi';

/**
 * The officer sees who signed the submission (issue #20) and, for a co-owner who consented on paper instead,
 * records it: the owner then counts as having signed. Shown when the property has more than one owner.
 */
export function OfficerParties({ caseId }: { caseId: string }) {
  const { data, setData } = useApi(() => partiesApi.officer(caseId), [caseId], { officer: true });
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  // Shown for a co-owned property, and wherever an agent acts (ADR 0023).
  if (!data || (data.parties.length < 2 && !data.parties.some((p) => p.power))) return null;
  return (
    <Panel title={t('parties.title')} id="parties-title">
      {done && <Status tone="success">{t('parties.paper.done')}</Status>}
      <PartyList
        parties={data}
        officer
        action={(p) => (
          <PaperConsent
            caseId={caseId}
            party={p}
            onRecorded={(next) => {
              setData(next);
              setDone(true);
            }}
          />
        )}
      />
    </Panel>
  );
}

function PaperConsent(props: {
  caseId: string;
  party: CaseParty;
  onRecorded(next: Awaited<ReturnType<typeof partiesApi.officer>>): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [receivedOn, setReceivedOn] = useState(stockholmDate(new Date()));
  const [error, setError] = useState<Message | undefined>();
  const name = props.party.name ?? t('parties.protected');
  const record = async () => {
    try {
      props.onRecorded(await partiesApi.paperConsent(props.caseId, props.party.id, receivedOn));
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  return (
    <>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('parties.paper.record', { name })}
      </button>
      {open && (
        <form
          className="party-paper"
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <Field id={`paper-${props.party.id}`} label={t('parties.paper.receivedOn')} error={error}>
            <input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </Field>
          <button type="submit" className="button button--primary">
            {t('parties.paper.submit')}
          </button>
        </form>
      )}
    </>
  );
}
