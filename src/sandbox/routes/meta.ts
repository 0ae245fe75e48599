import type {Route} from '../app.js';
import {VERSION} from '../../version.js';

// Fixed at module load: the "build" the sandbox pretends to be.
const BUILT_AT = new Date().toISOString();

/** GET /v1/health, /v1/version (no auth) and /v1/auth/whoami. */
export const metaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/health',
    handle: ({app}) => {
      const started = performance.now();
      app.store.get('SELECT 1 AS ok');
      const ms = Math.max(1, Math.round(performance.now() - started));
      const where = app.store.file ? 'file-backed' : 'in memory';
      return {
        status: 200,
        body: {
          status: 'ok',
          checks: [
            {name: 'database', status: 'ok', detail: `sqlite (sql.js, ${where}) reachable in ${ms}ms`},
            {name: 'bridge', status: 'ok', detail: 'sandbox: no bridge fleet to probe'},
          ],
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
