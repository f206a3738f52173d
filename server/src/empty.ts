/**
 * The one empty list that lists start as where most stay empty (an
 * indicator's children or checks, a leaf's local data, a trace's steps):
 * frozen, so a push onto it throws instead of filling every owner at once.
 * Owners replace it with a list of their own at the first entry.
 */
export const NONE: never[] = Object.freeze([]) as never[];
