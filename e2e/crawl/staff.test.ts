import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page a member of staff (Amy Clarke, teaching assistant) reaches by links',
  { role: 'staff', email: 'amy.clarke@riverside-demo.example' },
  { atLeast: 25, includes: ['/home', '/portfolio', '/me/next-step', '/me/route', '/me/role-fit', '/people/:id/portfolio/evidence/new'] },
);
