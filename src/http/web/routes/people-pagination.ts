import type { Pagination } from '../pages/pagination.ts';

/** govukPagination for a list paged in SQL (total known, one page loaded); long runs of pages are elided. */
export const paginationOf = (total: number, page: number, size: number, hrefOf: (page: number) => string) => {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  if (pages === 1) return { pagination: undefined, from, to };
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: (Pagination['items'][number] | { ellipsis: true })[] = [];
  for (const [i, n] of shown.entries()) {
    if (i > 0 && n - (shown[i - 1] ?? n) > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefOf(n), current: n === page });
  }
  return {
    pagination: {
      items,
      ...(page > 1 ? { previous: { href: hrefOf(page - 1) } } : {}),
      ...(page < pages ? { next: { href: hrefOf(page + 1) } } : {}),
    },
    from,
    to,
  };
};
