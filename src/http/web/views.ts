import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { humanSize, mediaTypeName } from '../../domain/attachments/accepted-files.ts';

const viewsDir = fileURLToPath(new URL('./views/', import.meta.url));
const govukDir = fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/', import.meta.url));

/** Variables every page template gets from the layout's point of view. */
type PageLocals = { cspNonce: string; demo: boolean; currentPath: string };

const localsOf = new WeakMap<FastifyRequest, PageLocals>();

/** Nunjucks over Pathways' views and govuk-frontend's macros, with the filters the views use. */
export const setUpViews = async (app: FastifyInstance, options: { demo: boolean; production: boolean }) => {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [viewsDir, govukDir],
    production: options.production,
    options: {
      autoescape: true,
      noCache: !options.production,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('creditsText', (credits: number | null | undefined) =>
          credits === null || credits === undefined ? 'not given in the source' : `${credits}`,
        );
        env.addFilter('fileSize', (bytes: number) => humanSize(Number(bytes)));
        env.addFilter('fileKind', (mediaType: string) => mediaTypeName(String(mediaType)));
        // A plain string (empty when none), unlike a macro's output, whose SafeString is always truthy.
        env.addFilter('fieldError', (errors: { field: string; text: string }[] | undefined, field: string) =>
          (errors ?? [])
            .filter((e) => e.field === field)
            .map((e) => e.text)
            .join(' '),
        );
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
