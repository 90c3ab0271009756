import type { Taxonomy, Term } from '../model';

export function uuid(family: number, n: number): string;
export function flatCodebookQdc(count: number): string;
export function newTagsJsonLd(count: number, pageUrl?: string): string;
export function taxonomyRecords(count: number, taxonomyId?: string): { taxonomy: Taxonomy; terms: Term[] };
