export { nameIndicators, nameIndicator } from './naming';
export type { Indicator } from './naming';
