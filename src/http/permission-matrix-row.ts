/** One hand-written row of the permission matrix: route, who is allowed in their own trust, in another, and options. */
export type Row = [route: string, own: string, other: string, options?: { loose?: boolean; freshSession?: boolean; body?: string }];

/** Every principal of the matrix: anonymous and the six roles. */
export const everyone = 'A T S L F X P';
/** Every signed-in principal. */
export const signedIn = 'T S L F X P';
