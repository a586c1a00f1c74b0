import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  BoverketExportSchema,
  HandlingStatisticsSchema,
  StatisticsPeriodSchema,
  StatisticsTableSchema,
  VolumeStatisticsSchema,
  statisticsFileName,
} from '@lovisa/domain';
import { contentDisposition } from '../http/contentDisposition';
import { privateTo } from '../plugins/session';
import { boverket, handling, statisticsCsv, volumes } from '../services/statistics';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema };

/**
 * Statistics for officers, team leads and the committee (issue #25): aggregates over the whole municipality,
 * no names and no personnummer. One route per concept, and each as CSV.
 */
export default async function statisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/statistics/handling',
    {
      schema: {
        tags: ['statistics'],
        summary:
          'Handling time (median, 90th percentile) by procedure and team, share within the statutory time, stopped-clock days, orders to complete, fee reductions',
        querystring: StatisticsPeriodSchema,
        response: { 200: HandlingStatisticsSchema, ...errors },
      },
    },
    async (request) => handling(app.db, request.query),
  );

  r.get(
    '/officer/statistics/volumes',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Cases received and decided per month and measure',
        querystring: StatisticsPeriodSchema,
        response: { 200: VolumeStatisticsSchema, ...errors },
      },
    },
    async (request) => volumes(app.db, request.query),
  );

  r.get(
    '/officer/statistics/boverket',
    {
      schema: {
        tags: ['statistics'],
        summary: "The figures Boverket's Plan- och byggenkät asks for, with those not yet recorded marked so",
        querystring: StatisticsPeriodSchema,
        response: { 200: BoverketExportSchema, ...errors },
      },
    },
    async (request) => boverket(app.db, request.query),
  );

  r.get(
    '/officer/statistics/:table/csv',
    {
      schema: {
        tags: ['statistics'],
        summary: 'One statistics table as CSV for Excel (UTF-8 with BOM, semicolons, Swedish header)',
        params: z.object({ table: StatisticsTableSchema }),
        querystring: StatisticsPeriodSchema,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const csv = await statisticsCsv(app.db, request.params.table, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          contentDisposition('attachment', statisticsFileName(request.params.table, request.query)),
        )
        .send(csv);
    },
  );
}
