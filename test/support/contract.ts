// Validates real responses against the vendored OpenAPI 3.1 contract (test/contract/plexsphere-v1.json,
// the contract with prose removed). Used by the sandbox tests and by API tests elsewhere:
//
//   const res = await request(`${url}/v1/projects?limit=2`, {headers});
//   assertConforms('GET', '/v1/projects?limit=2', res.statusCode, res.headers['content-type'], await res.body.json());
//
// It finds the operation whose path template matches, checks the status is declared for it,
// that the content type is the declared one, and validates the body against the response schema
// (`#/components/...` refs resolve inside the document). Throws an Error explaining any mismatch.
import {readFileSync} from 'node:fs';
import {Ajv2020, type ValidateFunction} from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type MediaObject = {schema?: unknown};
type ResponseObject = {content?: Record<string, MediaObject>};
type Operation = {operationId?: string; responses: Record<string, ResponseObject>};
type Doc = {paths: Record<string, Record<string, Operation>>};

const DOC_ID = 'plexsphere-v1.json';
const doc = JSON.parse(readFileSync(new URL('../contract/plexsphere-v1.json', import.meta.url), 'utf8')) as Doc;

// strict: false because OpenAPI adds keywords JSON Schema does not know (example, x-plexsphere-once).
const ajv = new Ajv2020({strict: false, allErrors: true});
addFormats.default(ajv);
ajv.addSchema(doc as object, DOC_ID);
const validators = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The contract's path template matching a concrete path (query ignored), e.g. `/v1/projects/{id}`. */
export function findPathTemplate(actualPath: string): string | undefined {
  const segs = actualPath.split('?')[0]!.split('/');
  return Object.keys(doc.paths).find((tpl) => {
    const t = tpl.split('/');
    return t.length === segs.length && t.every((s, i) => (s.startsWith('{') ? (segs[i] ?? '') !== '' : s === segs[i]));
  });
}

/**
 * Throws unless `body` is a declared response of `method actualPath` with `status` and
 * `contentType`. Pass `undefined` as body (and contentType) for a response without a body (204).
 */
export function assertConforms(method: string, actualPath: string, status: number, contentType: string | string[] | undefined, body: unknown): void {
  const where = `${method.toUpperCase()} ${actualPath} → ${status}`;
  const tpl = findPathTemplate(actualPath);
  if (!tpl) throw new Error(`${where}: no path in the contract matches`);
  const m = method.toLowerCase();
  const op = doc.paths[tpl]?.[m];
  if (!op) throw new Error(`${where}: the contract has no ${method.toUpperCase()} on ${tpl}`);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`${where}: status not declared for ${op.operationId ?? tpl} (declared: ${Object.keys(op.responses).join(', ')})`);
  if (!response.content) {
    if (body !== undefined && body !== '') throw new Error(`${where}: the contract declares no body, got ${JSON.stringify(body).slice(0, 200)}`);
    return;
  }
  const ct = (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim().toLowerCase();
  const declared = Object.keys(response.content);
  if (!ct || !declared.includes(ct)) throw new Error(`${where}: content type ${ct ?? '(none)'} is not one of ${declared.join(', ')}`);
  const ref = `${DOC_ID}#/${pointer('paths', tpl, m, 'responses', String(status), 'content', ct, 'schema')}`;
  const validate = validators.get(ref) ?? ajv.compile({$ref: ref});
  validators.set(ref, validate);
  if (!validate(body)) {
    throw new Error(`${where}: body does not match the ${op.operationId ?? tpl} schema: ${ajv.errorsText(validate.errors, {separator: '; '})}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** Throws unless `value` matches `#/components/schemas/<name>` (e.g. `Problem` for a 404 on an unknown route). */
export function assertSchema(name: string, value: unknown): void {
  const ref = `${DOC_ID}#/${pointer('components', 'schemas', name)}`;
  const validate = validators.get(ref) ?? ajv.compile({$ref: ref});
  validators.set(ref, validate);
  if (!validate(value)) throw new Error(`value does not match ${name}: ${ajv.errorsText(validate.errors, {separator: '; '})}`);
}
