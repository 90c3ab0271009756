// The domain model: the records every layer speaks of. It imports nothing of the project, so that anchoring,
// exchange, storage and the UI can all depend on it and on nothing of each other's.
export type * from './annotation';
export type * from './coder';
export type * from './page';
export type * from './taxonomy';
export type * from './settings';
export {
  DEFAULT_CODER_DISPLAY,
  DEFAULT_SETTINGS,
  isSiteDisabled,
  MAX_PAGE_KINDS,
  pageKindOf,
  showsCoder,
  withPageKind,
} from './settings';
export { newUuidIri } from './ids';
export { byNotation } from './taxonomy';
export { guidForIri, isUuid, randomUuid, uuidV5 } from './uuid';
