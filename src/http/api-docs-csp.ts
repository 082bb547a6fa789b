/**
 * The API documentation page is Swagger UI's own (served by @fastify/swagger-ui with its static CSP,
 * which carries the hashes of its index page's inline script and style). Once drawn, Swagger UI's
 * bundle (React) inserts one fixed `<style>` element more, which that policy blocks; it is allowed by
 * its hash alone (the Chromium console names it), never by 'unsafe-inline'. A Swagger UI upgrade that
 * changes it fails e2e/api-docs.test.ts, which reads the console for policy errors.
 */
export const swaggerUiStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** Adds the bundle's style hash to the docs page's style-src. */
export const apiDocsCsp = (header: string): string =>
  header.replace(/style-src ([^;]*)/, (_whole, sources: string) => `style-src ${sources.trim()} ${swaggerUiStyleHash}`);
