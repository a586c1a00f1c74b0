import {
  boverketCsv,
  boverketRows,
  handlingCsv,
  volumesCsv,
  type BoverketExport,
  type HandlingStatistics,
  type StatisticsPeriod,
  type StatisticsTable,
  type VolumeStatistics,
} from '@lovisa/domain';
import type { Db } from '../db/database';
import { boverketCounts, handlingStatistics, volumeStatistics } from '../repositories/statistics';

export const handling = async (db: Db, period: StatisticsPeriod): Promise<HandlingStatistics> => ({
  period,
  rows: await handlingStatistics(db, period),
});

export const volumes = async (db: Db, period: StatisticsPeriod): Promise<VolumeStatistics> => ({
  period,
  rows: await volumeStatistics(db, period),
});

/** Boverket's survey: its counts, and the handling figures for all teams of the same period. */
export async function boverket(db: Db, period: StatisticsPeriod): Promise<BoverketExport> {
  const [counts, handlingRows] = await Promise.all([boverketCounts(db, period), handlingStatistics(db, period)]);
  return { period, rows: boverketRows({ ...counts, handling: handlingRows }) };
}

/** One table as CSV for Excel (packages/domain/src/statistics/csv.ts). */
export async function statisticsCsv(db: Db, table: StatisticsTable, period: StatisticsPeriod): Promise<string> {
  switch (table) {
    case 'handling':
      return handlingCsv(await handling(db, period));
    case 'volumes':
      return volumesCsv(await volumes(db, period));
    case 'boverket':
      return boverketCsv(await boverket(db, period));
  }
}
