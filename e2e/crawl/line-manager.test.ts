import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page a line manager (Priya Shah, class teacher) reaches by links',
  { role: 'line_manager', email: 'priya.shah@riverside-demo.example' },
  { atLeast: 25, includes: ['/home', '/people', '/people/:id', '/people/:id/portfolio'] },
);
