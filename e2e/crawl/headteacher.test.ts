import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page a headteacher (Sarah Bennett, a school admin) reaches by links',
  { role: 'headteacher', email: 'sarah.bennett@riverside-demo.example' },
  { atLeast: 25, includes: ['/home', '/people', '/people/:id/portfolio/hlta'] },
);
