// Screens never import src/api (house style rule 1); the data shapes they render
// come through here, so the API layer can change behind the hooks.
export type {ApiError} from '../api/errors.js';
export type {
  BootstrapToken,
  IssuedToken,
  NodeSummary,
  Project,
  RotationEdge,
  RotationHandle,
  RotationPreview,
  SafeText,
  Skipped,
  Whoami,
} from '../api/schemas.js';

/** The state union every data hook returns. */
export type Loadable<T> =
  | {readonly status: 'loading'}
  | {readonly status: 'error'; readonly error: import('../api/errors.js').ApiError}
  | {readonly status: 'ready'; readonly data: T};
