import type { FastifyInstance } from 'fastify';

/**
 * The route a path answers to, as registered ("/frameworks/:id/items/:code"), from the server's own
 * router: each parameter's value in the path is put back as its name. A path no route claims is its
 * own pattern (it will answer 404, which the crawl reports).
 */
export const routePatternOf = (app: FastifyInstance, pathname: string): string => {
  const route = app.findRoute({ method: 'GET', url: pathname });
  if (!route) return pathname;
  const params = Object.entries((route.params ?? {}) as Record<string, string>);
  const wildcard = params.find(([name]) => name === '*');
  if (wildcard) return pathname.slice(0, pathname.length - encodeURI(wildcard[1]).length) + '*';
  return pathname
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      const param = params.find(([, value]) => value === decoded || value === segment);
      return param ? `:${param[0]}` : segment;
    })
    .join('/');
};

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
