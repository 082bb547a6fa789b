import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page the public (no account) reaches by links',
  { role: 'public' },
  { atLeast: 15, includes: ['/', '/frameworks', '/frameworks/:id', '/ladder', '/roles/:id', '/qualifications/:id', '/search', '/sign-in'] },
);
