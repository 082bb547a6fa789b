/** govukPagination's parameters for one page of a list. */
export type Pagination = {
  items: { number: number; href: string; current: boolean }[];
  previous?: { href: string };
  next?: { href: string };
};

/** Cuts one page out of a list and describes the links to the others. */
export const paginate = <T>(all: readonly T[], page: number, size: number, hrefOf: (page: number) => string) => {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(page, pages);
  const items = all.slice((current - 1) * size, current * size);
  if (pages === 1) return { items, pagination: undefined, from: all.length ? 1 : 0, to: all.length };
  const pagination: Pagination = {
    items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: hrefOf(i + 1), current: i + 1 === current })),
    ...(current > 1 ? { previous: { href: hrefOf(current - 1) } } : {}),
    ...(current < pages ? { next: { href: hrefOf(current + 1) } } : {}),
  };
  return { items, pagination, from: (current - 1) * size + 1, to: (current - 1) * size + items.length };
};
