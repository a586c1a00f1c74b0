import { z } from 'zod';
import {
  DetailedPlanSchema,
  OfficerSchema,
  OrganisationSchema,
  PersonSchema,
  PropertySchema,
  TeamSchema,
} from '@lovisa/domain';
import type { Registers } from '../interfaces';
import { RegisterAnswerError, RegisterUnavailableError, type RegisterName } from './errors';
import {
  AgandeSchema,
  BeteckningSchema,
  EnheterSchema,
  FastighetSchema,
  GrannarSchema,
  LagfarterSchema,
  OrganisationAgandeSchema,
  OrganisationerSchema,
  TomratterSchema,
  HandlaggareListSchema,
  HandlaggareSchema,
  PlanerSchema,
  SparPersonSchema,
  WireErrorSchema,
  fromDetaljplan,
  fromEnhet,
  fromFastighet,
  fromHandlaggare,
  fromOrganisationWire,
  fromSparPerson,
} from './wire';

export interface HttpRegistersOptions {
  /** Where the registers' API lives, e.g. `http://127.0.0.1:3001` (the simulator) or an integration gateway. */
  baseUrl: string;
  /** Default: the global fetch. Production may pass one bound to a client certificate (as for BankID). */
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 5 000. A timed-out call is not retried. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx or a network error; never after a 4xx or a timeout. Default 2. */
  retries?: number;
  /** Wait before retry n (1, 2, …) is backoffMs × 2^(n−1). Default 100. */
  backoffMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF_MS = 100;

type Call = { register: RegisterName; method: 'GET' | 'POST'; path: string; body?: unknown };

/**
 * The registers over the HTTP API of docs/adr/0003-register-api-shapes.md (served by the register
 * simulator). Answers are validated and mapped to the domain types; a record the register does not know is
 * null (or an empty list); a register that cannot be reached throws RegisterUnavailableError, one that answers
 * nonsense throws RegisterAnswerError. Real registers offer no test identities, so `testIdentities` is absent.
 */
export function createHttpRegisters(options: HttpRegistersOptions): Registers {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;

  /** One attempt: the status and parsed body, or an unavailable error saying whether to retry. */
  async function attempt(call: Call): Promise<{ status: number; json: unknown; parsedOk: boolean }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(`${baseUrl}${call.path}`, {
        method: call.method,
        headers: {
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
      const text = await response.text();
      try {
        return { status: response.status, json: JSON.parse(text), parsedOk: true };
      } catch {
        return { status: response.status, json: undefined, parsedOk: false };
      }
    } catch (cause) {
      throw new RegisterUnavailableError(call.register, controller.signal.aborted ? 'timeout' : 'network', { cause });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The validated answer, or null for a record-level 404. */
  async function request<T extends z.ZodType>(call: Call, schema: T): Promise<z.output<T> | null> {
    let last: RegisterUnavailableError | undefined;
    for (let n = 0; n <= retries; n++) {
      if (n > 0) await sleep(backoffMs * 2 ** (n - 1));
      let answer: Awaited<ReturnType<typeof attempt>>;
      try {
        answer = await attempt(call);
      } catch (err) {
        if (err instanceof RegisterUnavailableError && err.reason === 'network') {
          last = err;
          continue;
        }
        throw err;
      }
      const { status, json, parsedOk } = answer;
      if (status >= 500) {
        last = new RegisterUnavailableError(call.register, 'serverError', { status, cause: json });
        continue;
      }
      if (status === 404) {
        // Only "no such record" means null: a 404 for the endpoint itself is a wrong base URL, not an answer.
        const error = WireErrorSchema.safeParse(json);
        if (error.success && error.data.error.code === 'notFound') return null;
        throw new RegisterAnswerError(call.register, 'no such endpoint (check the base URL)', status);
      }
      if (status < 200 || status >= 300) {
        const error = WireErrorSchema.safeParse(json);
        throw new RegisterAnswerError(
          call.register,
          error.success ? `${error.data.error.code}: ${error.data.error.message}` : `HTTP ${status}`,
          status,
        );
      }
      if (!parsedOk) throw new RegisterAnswerError(call.register, 'the answer is not JSON', status);
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new RegisterAnswerError(call.register, `unexpected shape (${describeIssues(parsed.error)})`, status);
      return parsed.data;
    }
    throw last!;
  }

  /** Mapped answers are checked against the domain schema too: the rest of Lovisa trusts these types. */
  function domain<T extends z.ZodType>(register: RegisterName, schema: T, value: unknown): z.output<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new RegisterAnswerError(register, `invalid record (${describeIssues(parsed.error)})`);
    return parsed.data;
  }

  const enc = encodeURIComponent;

  async function propertyById(id: string) {
    const answer = await request(
      { register: 'land', method: 'GET', path: `/fastighet/v1/${enc(id)}?includeData=basinformation,geometri,planer` },
      FastighetSchema,
    );
    if (!answer) return null;
    const property = fromFastighet(answer);
    if (!property) throw new RegisterAnswerError('land', 'the answer lacks basinformation, geometri or planer');
    return domain('land', PropertySchema, property);
  }

  return {
    population: {
      async personByPersonnummer(personnummer) {
        const answer = await request(
          { register: 'population', method: 'POST', path: '/spar/v1/person', body: { personnummer } },
          SparPersonSchema,
        );
        return answer && domain('population', PersonSchema, fromSparPerson(answer));
      },
    },
    land: {
      propertyById,
      async propertyByDesignation(designation) {
        const query = new URLSearchParams({ beteckning: designation });
        const found = await request(
          { register: 'land', method: 'GET', path: `/registerbeteckning/v1/beteckning?${query}` },
          BeteckningSchema,
        );
        return found && propertyById(found.objektidentitet);
      },
      async neighbourIdsOf(propertyId) {
        const answer = await request(
          { register: 'land', method: 'GET', path: `/fastighet/v1/${enc(propertyId)}/grannar` },
          GrannarSchema,
        );
        return (answer?.grannar ?? []).map((g) => g.objektidentitet);
      },
      async propertyIdsNear(propertyId, distanceM) {
        const answer = await request(
          {
            register: 'land',
            method: 'GET',
            path: `/fastighet/v1/${enc(propertyId)}/grannar?${new URLSearchParams({ avstand: String(distanceM) })}`,
          },
          GrannarSchema,
        );
        return (answer?.grannar ?? []).map((g) => g.objektidentitet);
      },
      async ownersOf(propertyId) {
        const answer = await request(
          { register: 'land', method: 'GET', path: `/fastighet/v1/${enc(propertyId)}/lagfarter` },
          LagfarterSchema,
        );
        return (answer?.lagfarter ?? []).map((l) => {
          const share = `${l.andel.taljare}/${l.andel.namnare}`;
          return 'personnummer' in l.agare
            ? { personnummer: l.agare.personnummer, share }
            : { organisationsnummer: l.agare.organisationsnummer, share };
        });
      },
      async siteLeaseholdersOf(propertyId) {
        const answer = await request(
          { register: 'land', method: 'GET', path: `/fastighet/v1/${enc(propertyId)}/tomratter` },
          TomratterSchema,
        );
        return (answer?.tomratter ?? []).map((t) => ({
          personnummer: t.innehavare.personnummer,
          share: `${t.andel.taljare}/${t.andel.namnare}`,
        }));
      },
      async plansForProperty(propertyId) {
        const query = new URLSearchParams({ fastighet: propertyId });
        const answer = await request(
          { register: 'land', method: 'GET', path: `/detaljplan/v1/planer?${query}` },
          PlanerSchema,
        );
        return (answer?.planer ?? []).map((p) => domain('land', DetailedPlanSchema, fromDetaljplan(p)));
      },
    },
    ownership: {
      async propertyIdsOwnedBy(personnummer) {
        const answer = await request(
          { register: 'ownership', method: 'GET', path: `/agande/v1/${enc(personnummer)}/fastigheter` },
          AgandeSchema,
        );
        return (answer?.fastigheter ?? []).map((f) => f.objektidentitet);
      },
      async propertyIdsOwnedByOrganisation(organisationsnummer) {
        const answer = await request(
          {
            register: 'ownership',
            method: 'GET',
            path: `/agande/v1/organisation/${enc(organisationsnummer)}/fastigheter`,
          },
          OrganisationAgandeSchema,
        );
        return (answer?.fastigheter ?? []).map((f) => f.objektidentitet);
      },
    },
    companies: {
      async organisationByNumber(organisationsnummer) {
        const answer = await request(
          {
            register: 'companies',
            method: 'POST',
            path: '/foretagsinformation/v1/organisationer',
            body: { identitetsbeteckning: organisationsnummer },
          },
          OrganisationerSchema,
        );
        const first = answer?.organisationer[0];
        return first ? domain('companies', OrganisationSchema, fromOrganisationWire(first)) : null;
      },
      async organisationsOfPerson(personnummer) {
        const answer = await request(
          {
            register: 'companies',
            method: 'POST',
            path: '/foretagsinformation/v1/engagemang',
            body: { identitetsbeteckning: personnummer },
          },
          OrganisationerSchema,
        );
        return (answer?.organisationer ?? []).map((o) =>
          domain('companies', OrganisationSchema, fromOrganisationWire(o)),
        );
      },
    },
    staff: {
      async officers() {
        const answer = await request(
          { register: 'staff', method: 'GET', path: '/personal/v1/handlaggare' },
          HandlaggareListSchema,
        );
        return (answer?.handlaggare ?? []).map((h) => domain('staff', OfficerSchema, fromHandlaggare(h)));
      },
      async teams() {
        const answer = await request({ register: 'staff', method: 'GET', path: '/personal/v1/enheter' }, EnheterSchema);
        return (answer?.enheter ?? []).map((e) => domain('staff', TeamSchema, fromEnhet(e)));
      },
      async officerByPersonnummer(personnummer) {
        const answer = await request(
          { register: 'staff', method: 'GET', path: `/personal/v1/handlaggare/${enc(personnummer)}` },
          HandlaggareSchema,
        );
        return answer && domain('staff', OfficerSchema, fromHandlaggare(answer));
      },
    },
  };
}

/** Paths only, never values: a value may be a personnummer or a protected person's data. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
    .join('; ');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
