import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../contracts/errors.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { exportSchoolStaff } from '../../../usecases/staff-export.ts';
import { requireUser } from '../../auth/guards.ts';
import { httpStatusOf } from '../../errors.ts';
import { renderPage } from '../views.ts';

const Params = z.object({ id: z.string().min(1).max(100), format: z.enum(['csv', 'xlsx']) });

/** GET /schools/:id/staff.csv and .xlsx: the school's staff list, formula-safe, for school and trust admins. */
export const registerStaffExportRoutes = (app: FastifyInstance, context: AppContext) => {
  app.get('/schools/:id/staff.:format', async (request, reply) => {
    const actor = requireUser(request, reply);
    if (!actor) return reply;
    const params = Params.safeParse(request.params);
    if (!params.success) return renderPage(request, reply, 'not-found', {}, 404);
    try {
      const file = await exportSchoolStaff({ db: context.database.kysely, auditKey: context.keys.auditKey, requestId: request.id }, actor, {
        schoolId: params.data.id,
        format: params.data.format,
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    } catch (error) {
      if (!isAppError(error) || error.code === 'internal') throw error;
      return renderPage(
        request,
        reply,
        '../staff-import/problem',
        { error: { message: error.message, details: error.details } },
        httpStatusOf[error.code],
      );
    }
  });
};
