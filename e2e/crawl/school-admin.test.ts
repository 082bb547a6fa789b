import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page a school admin (Hannah Lee, school business manager) reaches by links',
  { role: 'school_admin', email: 'hannah.lee@riverside-demo.example' },
  { atLeast: 25, includes: ['/home', '/people', '/audit', '/users'] },
);
