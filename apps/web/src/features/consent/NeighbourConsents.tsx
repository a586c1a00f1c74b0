import { useState } from 'react';
import {
  consentStatus,
  consentSubject,
  invitationCovers,
  type ConsentInvitation,
  type ConsentLapseReason,
  type Footprint,
  type MeasureType,
  type Site,
} from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Message } from '../../i18n/i18n';
import { consentApi } from './consentApi';

/** The drawing as the wizard holds it. */
export interface Drawing {
  measure: MeasureType | undefined;
  footprints: Footprint[];
  ridgeHeightM: number | undefined;
}

/** Where one neighbour's consent stands against the drawing as it is now. */
export type ConsentState =
  | { kind: 'none' }
  | { kind: 'pending'; invitation: ConsentInvitation }
  | { kind: 'covered'; invitation: ConsentInvitation }
  | { kind: 'lapsed'; invitation: ConsentInvitation; reasons: ConsentLapseReason[] };

export function consentStateOf(
  neighbourId: string,
  invitations: readonly ConsentInvitation[],
  drawing: Drawing,
  site: Site | null,
): ConsentState {
  const invitation = invitations.find((i) => i.neighbourPropertyId === neighbourId);
  if (!invitation) return { kind: 'none' };
  const boundary = site?.neighbours.find((n) => n.id === neighbourId)?.boundary;
  if (!boundary || !drawing.measure || drawing.footprints.length === 0) return { kind: 'pending', invitation };
  const current = consentSubject({
    measure: drawing.measure,
    footprints: drawing.footprints.map((f) => f.geometry),
    ridgeHeightM: drawing.ridgeHeightM,
    neighbourBoundary: boundary,
  });
  if (invitationCovers(invitation, current)) return { kind: 'covered', invitation };
  const reasons = [
    ...new Set(
      invitation.owners.flatMap((o) => {
        const s = o.subject && consentStatus(o.subject, current);
        return s && s.status === 'lapsed' ? s.reasons : [];
      }),
    ),
  ];
  return reasons.length ? { kind: 'lapsed', invitation, reasons } : { kind: 'pending', invitation };
}

/** "byggnaden har flyttats och byggnaden ligger närmare gränsen". */
function useReasons() {
  const { t, lang } = useI18n();
  return (reasons: ConsentLapseReason[]) =>
    new Intl.ListFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { type: 'conjunction' }).format(
      reasons.map((r) => t(`consent.lapse.${r}`)),
    );
}

/** The verdict's word on the neighbours' consents: permit-free with their consent, or a consent that lapsed. */
export function ConsentVerdictNote(props: {
  consentFrom: { id: string; designation: string }[];
  invitations: readonly ConsentInvitation[];
  drawing: Drawing;
  site: Site | null;
}) {
  const { t } = useI18n();
  const reasonText = useReasons();
  if (props.consentFrom.length === 0) return null;
  const states = props.consentFrom.map((n) => ({
    n,
    state: consentStateOf(n.id, props.invitations, props.drawing, props.site),
  }));
  const lapsed = states.filter((s) => s.state.kind === 'lapsed');
  return (
    <>
      {states.every((s) => s.state.kind === 'covered') && (
        <p className="verdict__consent">
          <strong>
            {t('consent.covered', { designation: props.consentFrom.map((n) => n.designation).join(', ') })}
          </strong>
        </p>
      )}
      {lapsed.map(({ n, state }) => (
        <div key={n.id} className="status status--warning" role="status">
          {t('consent.lapsedNotice', {
            designation: n.designation,
            reasons: reasonText(state.kind === 'lapsed' ? state.reasons : []),
          })}
        </div>
      ))}
    </>
  );
}

/** The letter to print: the link and the code, for a neighbour who would rather have paper. */
function Letter(props: { created: Created; applicant: string; site: string; neighbour: string }) {
  const { t, lang } = useI18n();
  const url = `${window.location.origin}${props.created.path}`;
  return (
    <div className="consent-letter">
      <h2>{t('consent.letter.title')}</h2>
      <p>{t('consent.letter.body', { applicant: props.applicant, site: props.site, neighbour: props.neighbour })}</p>
      <p>
        {t('consent.ask.link')}: {url}
      </p>
      <p>
        {t('consent.ask.code')}: <strong>{props.created.code}</strong>
      </p>
      <p>{t('consent.letter.valid', { date: formatDate(props.created.expiresAt, lang) })}</p>
    </div>
  );
}

interface Created {
  code: string;
  path: string;
  expiresAt: string;
}

function OwnerList({ state }: { state: ConsentState }) {
  const { t } = useI18n();
  const reasonText = useReasons();
  if (state.kind === 'none') return null;
  const lapsedReasons = state.kind === 'lapsed' ? state.reasons : [];
  return (
    <ul className="consent-owners">
      {state.invitation.owners.map((o, i) => (
        <li key={i}>
          <span className="consent-owners__name">{o.name ?? t('consent.protected')}</span>:{' '}
          {o.state === 'declined'
            ? t('consent.state.declined', { reason: o.reason ?? '' })
            : o.state === 'consented' && lapsedReasons.length > 0
              ? t('consent.state.lapsed', { reasons: reasonText(lapsedReasons) })
              : t(`consent.state.${o.state}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Be grannen om medgivande" for each neighbour the 4.5 m rule names: an invitation with a link and a code (and a
 * letter to print), then each owner's answer as the drawing changes.
 */
export function NeighbourConsents(props: {
  draftId: string;
  consentFrom: { id: string; designation: string }[];
  invitations: readonly ConsentInvitation[];
  drawing: Drawing;
  site: Site | null;
  applicantName: string;
  siteDesignation: string;
  onChange(invitations: ConsentInvitation[]): void;
  /** Saves the drawing first, so the invitation covers what is on the screen. */
  beforeInvite(): Promise<void>;
}) {
  const { t } = useI18n();
  const [created, setCreated] = useState<Record<string, Created>>({});
  const [error, setError] = useState<Message | undefined>();
  if (props.consentFrom.length === 0) return null;
  const refresh = async () => props.onChange(await consentApi.invitations(props.draftId));
  const invite = async (neighbourId: string) => {
    setError(undefined);
    try {
      await props.beforeInvite();
      const r = await consentApi.invite(props.draftId, neighbourId);
      setCreated((c) => ({ ...c, [neighbourId]: { code: r.code, path: r.path, expiresAt: r.invitation.expiresAt } }));
      await refresh();
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  const withdraw = async (neighbourId: string, invitationId: string) => {
    try {
      await consentApi.withdraw(props.draftId, invitationId);
      setCreated(({ [neighbourId]: _gone, ...rest }) => rest);
      await refresh();
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  const print = () => {
    document.body.classList.add('print-letter');
    window.print();
    document.body.classList.remove('print-letter');
  };
  return (
    <section className="neighbour-consents" aria-labelledby="neighbour-consents-heading">
      <h2 id="neighbour-consents-heading">{t('consent.ask.heading')}</h2>
      <p>{t('consent.ask.intro')}</p>
      {error && <Status tone="error">{error}</Status>}
      {props.consentFrom.map((n) => {
        const state = consentStateOf(n.id, props.invitations, props.drawing, props.site);
        const fresh = created[n.id];
        return (
          <div key={n.id} className="neighbour-consents__item">
            <h3>{t('consent.ask.ownersOf', { designation: n.designation })}</h3>
            <OwnerList state={state} />
            {fresh && (
              <div className="status" role="status">
                <p>{t('consent.ask.created')}</p>
                <p>
                  {t('consent.ask.link')}:{' '}
                  <a href={fresh.path} className="consent-link">{`${window.location.origin}${fresh.path}`}</a>
                </p>
                <p>
                  {t('consent.ask.code')}: <code className="consent-code">{fresh.code}</code>
                </p>
                <button type="button" className="button" onClick={print}>
                  {t('consent.ask.print')}
                </button>
                <Letter
                  created={fresh}
                  applicant={props.applicantName}
                  site={props.siteDesignation}
                  neighbour={n.designation}
                />
              </div>
            )}
            <div className="button-row">
              {state.kind !== 'covered' && (
                <button type="button" className="button button--primary" onClick={() => void invite(n.id)}>
                  {t(state.kind === 'none' ? 'consent.ask.button' : 'consent.ask.again', {
                    designation: n.designation,
                  })}
                </button>
              )}
              {state.kind !== 'none' && (
                <button type="button" className="button" onClick={() => void withdraw(n.id, state.invitation.id)}>
                  {t('consent.ask.withdraw', { designation: n.designation })}
                </button>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
