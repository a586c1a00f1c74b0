import { z } from 'zod';
import { isValidPersonnummer, normalizePersonnummer, type Officer, type Team } from '@lovisa/domain';
import { headerKey, parseCsv } from './csv';
import { issue, type ImportIssue } from './issues';

/** Each column by the names a municipality's HR export is likely to use; the first is the documented one. */
const TEAM_COLUMNS = { id: ['id', 'enhetid', 'enhet'], name: ['namn', 'enhetsnamn', 'name'] } as const;
const STAFF_COLUMNS = {
  personnummer: ['personnummer', 'pnr'],
  givenName: ['fornamn', 'givenname'],
  surname: ['efternamn', 'surname'],
  email: ['epost', 'epostadress', 'email', 'mail'],
  team: ['enhet', 'enhetid', 'team', 'teamid'],
  role: ['roll', 'role'],
} as const;

/** Lovisa's roles by the words a staff list uses for them. */
const ROLE_WORDS: Record<string, Officer['role']> = {
  handlaggare: 'officer',
  officer: 'officer',
  bygglovshandlaggare: 'officer',
  gruppchef: 'teamLead',
  enhetschef: 'teamLead',
  teamlead: 'teamLead',
};

type Columns<K extends string> = Record<K, readonly string[]>;

function resolveColumns<K extends string>(header: string[], columns: Columns<K>, file: string, required: K[]) {
  const found = {} as Record<K, string | null>;
  const issues: ImportIssue[] = [];
  for (const key of Object.keys(columns) as K[]) {
    found[key] = columns[key].find((c) => header.includes(c)) ?? null;
    if (found[key] === null && required.includes(key))
      issues.push(issue(file, 1, columns[key][0]!, 'csv.header', { column: columns[key][0]! }));
  }
  return { found, issues };
}

const TeamIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/);

/** teams.csv (`id;namn`) → TeamSchema[]; every problem with its line. */
export function convertTeams(text: string, file = 'teams.csv'): { teams: Team[]; issues: ImportIssue[] } {
  const parsed = parseCsv(text, file);
  const { found, issues } = resolveColumns(parsed.header, TEAM_COLUMNS, file, ['id', 'name']);
  issues.unshift(...parsed.issues);
  if (issues.length) return { teams: [], issues };
  const teams: Team[] = [];
  const seen = new Map<string, number>();
  for (const row of parsed.rows) {
    const id = row.values[found.id!]!;
    const name = row.values[found.name!]!;
    if (!id) issues.push(issue(file, row.line, 'id', 'field.missing', { field: { sv: 'id', en: 'the id' } }));
    else if (!TeamIdSchema.safeParse(id).success) issues.push(issue(file, row.line, 'id', 'team.id', { value: id }));
    else if (seen.has(id))
      issues.push(issue(file, row.line, 'id', 'team.duplicate', { value: id, row: seen.get(id)! }));
    if (!name) issues.push(issue(file, row.line, 'namn', 'field.missing', { field: { sv: 'namnet', en: 'the name' } }));
    if (id) seen.set(id, seen.get(id) ?? row.line);
    teams.push({ id, name });
  }
  if (parsed.rows.length === 0 && issues.length === 0) issues.push(issue(file, null, null, 'file.empty'));
  return { teams: issues.length ? [] : teams, issues };
}

/**
 * staff.csv (`personnummer;fornamn;efternamn;epost;enhet;roll`) → OfficerSchema[]. The personnummer may be
 * written as people write it (YYYYMMDD-NNNN, YYMMDD-NNNN); it is checked with the domain's own validation.
 * `teamIds` are the ids teams.csv defines. Messages never repeat a personnummer.
 */
export function convertStaff(
  text: string,
  teamIds: ReadonlySet<string>,
  file = 'staff.csv',
  today: Date = new Date(),
): { officers: Officer[]; issues: ImportIssue[] } {
  const parsed = parseCsv(text, file);
  const { found, issues } = resolveColumns(parsed.header, STAFF_COLUMNS, file, [
    'personnummer',
    'givenName',
    'surname',
    'email',
    'team',
    'role',
  ]);
  issues.unshift(...parsed.issues);
  if (issues.length) return { officers: [], issues };
  const officers: Officer[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of parsed.rows) {
    const v = (k: keyof typeof STAFF_COLUMNS) => values[found[k]!]!;
    const rowIssues: ImportIssue[] = [];
    const rawPnr = v('personnummer');
    const pnr = rawPnr ? normalizePersonnummer(rawPnr, today) : null;
    if (!rawPnr)
      rowIssues.push(
        issue(file, line, 'personnummer', 'field.missing', { field: { sv: 'personnumret', en: 'the personnummer' } }),
      );
    else if (!pnr || !isValidPersonnummer(pnr))
      rowIssues.push(issue(file, line, 'personnummer', 'personnummer.invalid'));
    else if (seen.has(pnr))
      rowIssues.push(issue(file, line, 'personnummer', 'personnummer.duplicate', { row: seen.get(pnr)! }));
    if (!v('givenName'))
      rowIssues.push(
        issue(file, line, 'fornamn', 'field.missing', { field: { sv: 'förnamnet', en: 'the given name' } }),
      );
    if (!v('surname'))
      rowIssues.push(
        issue(file, line, 'efternamn', 'field.missing', { field: { sv: 'efternamnet', en: 'the surname' } }),
      );
    const email = v('email');
    if (!email) rowIssues.push(issue(file, line, 'epost', 'email.missing'));
    else if (!z.email().safeParse(email).success)
      rowIssues.push(issue(file, line, 'epost', 'email.invalid', { value: email }));
    const team = v('team');
    if (!team)
      rowIssues.push(issue(file, line, 'enhet', 'field.missing', { field: { sv: 'enheten', en: 'the team' } }));
    else if (!teamIds.has(team)) rowIssues.push(issue(file, line, 'enhet', 'team.unknown', { value: team }));
    const role = ROLE_WORDS[headerKey(v('role'))];
    if (!v('role'))
      rowIssues.push(issue(file, line, 'roll', 'field.missing', { field: { sv: 'rollen', en: 'the role' } }));
    else if (!role) rowIssues.push(issue(file, line, 'roll', 'role.unknown', { value: v('role') }));
    if (pnr) seen.set(pnr, seen.get(pnr) ?? line);
    issues.push(...rowIssues);
    if (rowIssues.length === 0)
      officers.push({
        personnummer: pnr!,
        givenName: v('givenName'),
        surname: v('surname'),
        teamId: team,
        role: role!,
        email,
      });
  }
  if (parsed.rows.length === 0 && issues.length === 0) issues.push(issue(file, null, null, 'file.empty'));
  return { officers: issues.length ? [] : officers, issues };
}
