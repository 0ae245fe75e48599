import type {Route} from '../app.js';
import {VERSION} from '../../version.js';
import {iso} from '../ids.js';

// Fixed at module load: the "build" the sandbox pretends to be.
const BUILT_AT = new Date().toISOString();

/** GET /v1/health, /v1/version (no auth) and /v1/auth/whoami. */
export const metaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/health',
    handle: async ({app}) => {
      const {store} = app;
      // While writes fail, each health check (at most one a second) tries the disk again, so
      // recovery shows here without a restart and without waiting for an operator's write.
      if (store.failure) await store.exclusive(() => store.probe());
      const started = performance.now();
      store.get('SELECT 1 AS ok');
      const ms = Math.max(1, Math.round(performance.now() - started));
      const where = store.file ? 'file-backed' : 'in memory';
      const failure = store.failure;
      const database = failure
        ? {
            name: 'database',
            status: 'degraded',
            detail: `cannot write ${store.file} since ${iso(failure.since)}: ${failure.reason}; reads are served, writes answer 503 until a write succeeds`,
          }
        : {name: 'database', status: 'ok', detail: `sqlite (sql.js, ${where}) reachable in ${ms}ms`};
      return {
        status: 200,
        body: {
          status: failure ? 'degraded' : 'ok',
          checks: [database, {name: 'bridge', status: 'ok', detail: 'sandbox: no bridge fleet to probe'}],
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/version',
    handle: () => ({status: 200, body: {version: `v${VERSION}-sandbox`, commit: 'sandbox', date: BUILT_AT}}),
  },
  {
    method: 'GET',
    path: '/v1/auth/whoami',
    handle: (ctx) => {
      const p = ctx.principal();
      return {
        status: 200,
        body: {
          principal_type: 'user',
          principal_scope: 'domain',
          subject: p.id,
          domain_id: p.domainId,
          email: p.email,
          acr: 'urn:plexsphere:acr:sandbox',
          amr: ['pwd'],
        },
      };
    },
  },
];
