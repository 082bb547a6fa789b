import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { humanSize, mediaTypeName } from '../../domain/attachments/accepted-files.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { itemLabel } from '../../framework/item-label.ts';
import { govukDate, govukDateShort, govukDateTime, govukDateTimeShort, govukTime } from './dates.ts';
import { durationText } from './durations.ts';
import { addPublicWordingFilters } from './public-wording.ts';

const viewsDir = fileURLToPath(new URL('./views/', import.meta.url));
const govukDir = fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/', import.meta.url));

/** Variables every page template gets from the layout's point of view. */
type PageLocals = { cspNonce: string; demo: boolean; currentPath: string };

const localsOf = new WeakMap<FastifyRequest, PageLocals>();

/** Nunjucks over Pathways' views and govuk-frontend's macros, with the filters the views use. */
export const setUpViews = async (app: FastifyInstance, options: { demo: boolean; production: boolean; catalogue?: () => Catalogue }) => {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [viewsDir, govukDir],
    production: options.production,
    options: {
      autoescape: true,
      noCache: !options.production,
      onConfigure: (env: nunjucks.Environment) => {
        addPublicWordingFilters(env);
        env.addFilter('creditsText', (credits: number | null | undefined) =>
          credits === null || credits === undefined ? 'not given in the source' : `${credits}`,
        );
        // A competency item as "CODE — statement", from the current catalogue (framework/item-label.ts).
        env.addFilter('itemLabel', (code: string) => {
          const catalogue = options.catalogue?.();
          return catalogue ? itemLabel(catalogue, String(code)).text : String(code);
        });
        env.addFilter('fileSize', (bytes: number) => humanSize(Number(bytes)));
        env.addFilter('fileKind', (mediaType: string) => mediaTypeName(String(mediaType)));
        // A plain string (empty when none), unlike a macro's output, whose SafeString is always truthy.
        env.addFilter('fieldError', (errors: { field: string; text: string }[] | undefined, field: string) =>
          (errors ?? [])
            .filter((e) => e.field === field)
            .map((e) => e.text)
            .join(' '),
        );
        // Dates as GOV.UK writes them, in UK local time (./dates.ts); exports keep ISO dates.
        env.addFilter('govukDate', govukDate);
        env.addFilter('durationText', (minutes: number) => durationText(Number(minutes)));
        env.addFilter('govukDateShort', govukDateShort);
        env.addFilter('govukDateTime', govukDateTime);
        env.addFilter('govukDateTimeShort', govukDateTimeShort);
        env.addFilter('govukTime', govukTime);
        env.addFilter('levelText', (level: number | string) =>
          typeof level === 'number' ? `Level ${level}` : `Entry Level ${String(level).slice(1)}`,
        );
      },
    },
  });

  // A fresh nonce per page lets govuk-frontend's one-line `js-enabled` snippet run under the strict CSP.
  app.addHook('onRequest', async (request) => {
    localsOf.set(request, {
      cspNonce: randomBytes(16).toString('base64'),
      demo: options.demo,
      currentPath: request.url.split('?')[0] ?? '/',
    });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    allowNonce(request, reply);
    return payload;
  });
};

const allowNonce = (request: FastifyRequest, reply: FastifyReply) => {
  const nonce = localsOf.get(request)?.cspNonce;
  const csp = reply.getHeader('content-security-policy');
  const type = String(reply.getHeader('content-type') ?? '');
  if (!nonce || typeof csp !== 'string' || !type.startsWith('text/html')) return;
  reply.header('content-security-policy', csp.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`));
};

/** Renders a page template with the layout's variables (nonce, demo banner, current path). */
export const renderPage = (request: FastifyRequest, reply: FastifyReply, view: string, data: Record<string, unknown>, status = 200) => {
  const locals = localsOf.get(request) ?? { cspNonce: '', demo: false, currentPath: '/' };
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .view(`pages/${view}.njk`, { ...locals, ...data });
};
