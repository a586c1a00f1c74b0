import type { StatisticsPeriod, StatisticsTable } from '@lovisa/domain';
import { GET, apiUrl } from '../../api/http';

const q = (period: StatisticsPeriod) => ({ params: { query: period } });

/** The statistics page's calls (issue #25), typed by the generated paths. */
export const statisticsApi = {
  handling: (p: StatisticsPeriod) => GET('/api/officer/statistics/handling', q(p)),
  volumes: (p: StatisticsPeriod) => GET('/api/officer/statistics/volumes', q(p)),
  boverket: (p: StatisticsPeriod) => GET('/api/officer/statistics/boverket', q(p)),
  csvUrl: (table: StatisticsTable, p: StatisticsPeriod) =>
    apiUrl('get', '/api/officer/statistics/{table}/csv', { path: { table }, query: p }),
};
