import { addDays } from '../rules/clock';

/**
 * Swedish public holidays (lag (1989:253) om allmänna helgdagar) and the days a deadline may not end on (lag
 * (1930:173) om beräkning av lagstadgad tid: a period whose last day is a Saturday, a Sunday, a public holiday,
 * midsommarafton, julafton or nyårsafton ends on the next weekday that is none of these). Dates are ISO days,
 * as everywhere in the domain; no time zone takes part.
 */

export type HolidayId =
  | 'nyarsdagen'
  | 'trettondedagJul'
  | 'langfredagen'
  | 'paskdagen'
  | 'annandagPask'
  | 'forstaMaj'
  | 'kristiHimmelfardsdag'
  | 'pingstdagen'
  | 'nationaldagen'
  | 'midsommardagen'
  | 'allaHelgonsDag'
  | 'juldagen'
  | 'annandagJul';

/** The eves the deadline law treats as holidays, though they are not public holidays. */
export type EveId = 'midsommarafton' | 'julafton' | 'nyarsafton';

export interface Holiday {
  day: string;
  id: HolidayId | EveId;
  /** A public holiday by law (the eves are not). */
  publicHoliday: boolean;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday of the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The Saturday in the seven days from `first` (midsommardagen: 20–26 June; alla helgons dag: 31 Oct–6 Nov). */
const saturdayFrom = (first: string) => addDays(first, (6 - weekday(first) + 7) % 7);

/** Every public holiday and deadline eve of a year, in date order. */
export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const midsommardagen = saturdayFrom(iso(year, 6, 20));
  const days: Holiday[] = [
    { day: iso(year, 1, 1), id: 'nyarsdagen', publicHoliday: true },
    { day: iso(year, 1, 6), id: 'trettondedagJul', publicHoliday: true },
    { day: addDays(easter, -2), id: 'langfredagen', publicHoliday: true },
    { day: easter, id: 'paskdagen', publicHoliday: true },
    { day: addDays(easter, 1), id: 'annandagPask', publicHoliday: true },
    { day: iso(year, 5, 1), id: 'forstaMaj', publicHoliday: true },
    { day: addDays(easter, 39), id: 'kristiHimmelfardsdag', publicHoliday: true },
    { day: addDays(easter, 49), id: 'pingstdagen', publicHoliday: true },
    { day: iso(year, 6, 6), id: 'nationaldagen', publicHoliday: true },
    { day: addDays(midsommardagen, -1), id: 'midsommarafton', publicHoliday: false },
    { day: midsommardagen, id: 'midsommardagen', publicHoliday: true },
    { day: saturdayFrom(iso(year, 10, 31)), id: 'allaHelgonsDag', publicHoliday: true },
    { day: iso(year, 12, 24), id: 'julafton', publicHoliday: false },
    { day: iso(year, 12, 25), id: 'juldagen', publicHoliday: true },
    { day: iso(year, 12, 26), id: 'annandagJul', publicHoliday: true },
    { day: iso(year, 12, 31), id: 'nyarsafton', publicHoliday: false },
  ];
  return days.sort((x, y) => x.day.localeCompare(y.day));
}

const byYear = new Map<number, Set<string>>();
function closedDays(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(swedishHolidays(year).map((h) => h.day));
    byYear.set(year, days);
  }
  return days;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day a deadline may end on: a weekday that is no public holiday and no midsommar-, jul- or nyårsafton. What
 * is not a date at all is no such day (forms ask this of whatever was typed).
 */
export function isWorkingDay(day: string): boolean {
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6 && !closedDays(Number(day.slice(0, 4))).has(day);
}

/** `day` itself when a deadline may end on it, else the next day that may (lag (1930:173)). */
export function workingDayFrom(day: string): string {
  if (!ISO_DAY.test(day)) throw new RangeError('workingDayFrom needs a YYYY-MM-DD day');
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
