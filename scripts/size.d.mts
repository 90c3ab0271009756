export interface BundleSize {
  name: string;
  files: string[];
  size: number;
  gzip: number;
  budget: number;
}
export const budgets: Record<string, number>;
export function measure(dir?: string): BundleSize[];
