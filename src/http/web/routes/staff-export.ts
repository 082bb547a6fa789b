import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import { exportSchoolStaff } from '../../../usecases/staff-export.ts';
import { httpStatusOf } from '../../errors.ts';
import { paramsOf, renderPage, signedInPage } from '../kit/index.ts';

const Params = z.object({ id: z.string().min(1).max(100), format: z.enum(['csv', 'xlsx']) });

/** GET /schools/:id/staff.csv and .xlsx: the school's staff list, formula-safe, for school and trust admins. */
export const registerStaffExportRoutes = (app: FastifyInstance) => {
  app.get(
    '/schools/:id/staff.:format',
    signedInPage(async ({ request, reply, actor, deps }) => {
      const { id, format } = paramsOf(Params, request);
      try {
        const file = await exportSchoolStaff(deps, actor, { schoolId: id, format });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.bytes));
      } catch (error) {
        // The import wizard's problem page, which names the school and what to do (a refusal included).
        if (!isAppError(error) || error.code === 'internal') throw error;
        const details = { error: { message: error.message, details: error.details } };
        return renderPage(request, reply, '../staff-import/problem', details, httpStatusOf[error.code]);
      }
    }),
  );
};
