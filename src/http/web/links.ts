import type { Catalogue, CatalogueEntry } from '../../framework/catalogue.ts';

const anchor = (code: string) => `item-${code}`;

/** The element id an item, unit or role section gets on its page, so links can point at it. */
export const anchorOf = anchor;

/** The role an item sits under, following its parents (a duty's specialism belongs to the duty's role). */
const roleOf = (catalogue: Catalogue, code: string): string | undefined => {
  let current = catalogue.item(code);
  for (let depth = 0; current?.parent && depth < 10; depth++) {
    if (catalogue.role(current.parent)) return current.parent;
    current = catalogue.item(current.parent);
  }
  return undefined;
};

/** Where an entry of the catalogue is shown in the explorer. */
export const hrefOfEntry = (catalogue: Catalogue, entry: CatalogueEntry): string => {
  const code = encodeURIComponent(entry.code);
  switch (entry.type) {
    case 'role':
      return `/roles/${code}`;
    case 'qualification':
      return `/qualifications/${code}`;
    case 'unit':
      return `/qualifications/${encodeURIComponent(entry.qualification.id)}#${anchor(entry.code)}`;
    case 'status':
      return `/frameworks/${encodeURIComponent(entry.framework.id)}`;
    case 'item': {
      const role = roleOf(catalogue, entry.code);
      return role
        ? `/roles/${encodeURIComponent(role)}#${anchor(entry.code)}`
        : `/frameworks/${encodeURIComponent(entry.framework.id)}#${anchor(entry.code)}`;
    }
  }
};

/** The explorer address of any code, or undefined when the catalogue does not know it. */
export const hrefOfCode = (catalogue: Catalogue, code: string): string | undefined => {
  const entry = catalogue.entry(code);
  return entry ? hrefOfEntry(catalogue, entry) : undefined;
};

/** A short human name for any code: a role's or qualification's title, an item's title or code. */
export const nameOfCode = (catalogue: Catalogue, code: string): string => catalogue.title(code);
