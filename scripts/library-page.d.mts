import type { Page } from 'playwright-core';
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import type { ExtensionBrowser } from './extension-browser.mjs';

export function openFreshLibrary(
  browser: ExtensionBrowser,
  tables?: { taxonomies?: Taxonomy[]; terms?: Term[]; pages?: PageRecord[]; annotations?: AnnotationRecord[] },
): Promise<Page>;
