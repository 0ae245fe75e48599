import {z} from 'zod';
import type {SafeText} from '../domain/sanitize.js';
import {serverText} from './credential.js';
import {UUID_PATTERN} from '../domain/validate.js';
import {describeZodError} from './response.js';

export type {SafeText} from '../domain/sanitize.js';

// Tolerant reader (decisions.md): z.object strips unknown keys; optional fields accept absent
// or null (Go servers without omitempty send null); ids only need the 8-4-4-4-12 hex shape
// because z.uuid() rejects UUIDv7-style example ids that do not follow RFC 9562 bit-for-bit.
const id = () => z.string().regex(UUID_PATTERN, 'Invalid UUID');
const timestamp = () => z.iso.datetime({offset: true, message: 'Invalid RFC 3339 timestamp'});
// A cursor goes back to the server byte for byte, so it stays raw; the one place it is shown
// (`list`'s stderr note) sanitises it.
const cursor = () => z.string().nullish();
// Untrusted text enters here, once (decisions.md "Untrusted text"): every server string a
// screen or verb may display is sanitised by the schema, so no renderer can forget it.
// Ids and timestamps are validated shapes and cannot carry a control character.
const text = () => z.string().transform((s): SafeText => serverText(s));
// Enums we only display are read as text: a future value is shown as received, never fatal.
const label = text;

/** One list item the reader could not use, by its index in the page (or the whole listing). */
export type Skipped = {readonly index: number; readonly reason: SafeText};

/**
 * A page's items read one by one: an item that does not parse is left out and reported in
 * `skipped` with its reason, so one odd item never takes a whole roster down.
 */
function items<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((list) => {
    const ok: z.output<T>[] = [];
    const skipped: Skipped[] = [];
    list.forEach((raw, index) => {
      const r = item.safeParse(raw);
      if (r.success) ok.push(r.data);
      else skipped.push({index, reason: serverText(describeZodError(r.error))});
    });
    return {ok, skipped};
  });
}

/** A list page: the readable `items`, the `skipped` ones (index and reason), and `next_cursor`. */
function page<T extends z.ZodType>(item: T) {
  return z
    .object({items: items(item), next_cursor: cursor()})
    .transform((p) => ({items: p.items.ok, skipped: p.items.skipped, next_cursor: p.next_cursor}));
}

/** GET /v1/health body (200 and 503). */
export const HealthSchema = z.object({
  status: label(),
  checks: z.array(z.object({name: text(), status: label(), detail: text()})),
});

/** GET /v1/version body. */
export const VersionSchema = z.object({version: text(), commit: text(), date: timestamp()});

/** GET /v1/auth/whoami body. */
export const WhoamiSchema = z.object({
  principal_type: label(),
  principal_scope: label().nullish(),
  subject: text(),
  domain_id: id().nullish(),
  email: text().nullish(),
  acr: text().nullish(),
  amr: z.array(text()).max(16).nullish(),
});

/** ProjectResponse. */
export const ProjectSchema = z.object({
  id: id(),
  domain_id: id(),
  name: text(),
  slug: text(),
  description: text().nullish(),
  sub_range_cidr: text().nullish(),
  created_at: timestamp(),
  updated_at: timestamp(),
});

/** GET /v1/projects page. */
export const ProjectListSchema = z
  .object({items: items(ProjectSchema), next_cursor: cursor(), empty_reason: text().nullish()})
  .transform((p) => ({items: p.items.ok, skipped: p.items.skipped, next_cursor: p.next_cursor, empty_reason: p.empty_reason}));

/** NodeSummary; `name` and `kind` are usually absent until the server joins resources. */
export const NodeSummarySchema = z.object({id: id(), name: text().nullish(), domain_id: id(), kind: label().nullish(), created_at: timestamp()});

/** GET /v1/nodes page. */
export const NodeListSchema = page(NodeSummarySchema);

/** BootstrapTokenMetadata. */
export const BootstrapTokenSchema = z.object({
  id: id(),
  project_id: id(),
  kind: label(),
  env_prefix: text(),
  issued_at: timestamp(),
  expires_at: timestamp(),
  consumed_at: timestamp().nullish(),
  revoked_at: timestamp().nullish(),
  issued_by_user_id: id(),
});

/** GET …/bootstrap-tokens page. */
export const BootstrapTokenListSchema = page(BootstrapTokenSchema);

/**
 * POST …/bootstrap-tokens 2xx body; `token` is the once-only plaintext, kept raw on purpose:
 * the copy key validates it against the contract's pattern and refuses anything else, and
 * the modal and the text verb sanitise what they show.
 */
export const IssuedTokenSchema = z.object({token_id: id(), token: z.string().min(1), issued_at: timestamp(), expires_at: timestamp()});

/** RotationImpactEdge. */
export const RotationEdgeSchema = z.object({peer_node_id: id(), current_kid: z.string().min(1).transform((s): SafeText => serverText(s)), current_wrap_key_version: z.number().int().min(0)});

/** GET /v1/nodes/{id}/keys/rotate/preview body. */
export const RotationPreviewSchema = z.object({
  node_id: id(),
  peer_id: id(),
  affected_peer_count: z.number().int().min(0),
  affected_edges: z.array(RotationEdgeSchema),
  already_pending: z.boolean(),
  estimated_duration_seconds: z.number().int().min(0),
});

/** The rotation trigger result, normalised from either accepted shape. */
export type RotationHandle = {
  rotation_id?: string;
  peer_id?: string;
  node_id?: string;
  state?: SafeText;
  requested_at?: string;
  already_pending: boolean;
};

const ALREADY_PENDING_STATE = /^already[_ -]?pending$/i;

/** Accepts the contract's `{rotation_id, peer_id, already_pending}` and the plexctl docs' `{rotation_id, node_id, state, requested_at}`. */
export const RotationHandleSchema = z
  .object({
    rotation_id: id(),
    peer_id: id().nullish(),
    already_pending: z.boolean().nullish(),
    node_id: id().nullish(),
    state: label().nullish(),
    requested_at: timestamp().nullish(),
  })
  .refine((h) => h.peer_id != null || h.node_id != null, {message: 'expected peer_id or node_id', path: ['peer_id']})
  .transform((h): RotationHandle => {
    const out: RotationHandle = {
      rotation_id: h.rotation_id,
      already_pending: h.already_pending ?? ALREADY_PENDING_STATE.test(h.state ?? ''),
    };
    if (h.peer_id != null) out.peer_id = h.peer_id;
    if (h.node_id != null) out.node_id = h.node_id;
    if (h.state != null) out.state = h.state;
    if (h.requested_at != null) out.requested_at = h.requested_at;
    return out;
  });

/** RFC 9457 Problem as the contract declares it (errors themselves are read leniently in errors.ts). */
export const ProblemSchema = z.object({
  type: text(),
  title: text(),
  status: z.number().int(),
  detail: text(),
  instance: text(),
  code: label().nullish(),
  dimension: text().nullish(),
});

/** 403 PermissionDenied from the ReBAC authoriser. */
export const PermissionDeniedSchema = ProblemSchema.extend({
  reason: label(),
  relation_path: z.array(text()).nullish(),
  correlation_id: text(),
});

export type Health = z.infer<typeof HealthSchema>;
export type VersionInfo = z.infer<typeof VersionSchema>;
export type Whoami = z.infer<typeof WhoamiSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectList = z.infer<typeof ProjectListSchema>;
export type NodeSummary = z.infer<typeof NodeSummarySchema>;
export type NodeList = z.infer<typeof NodeListSchema>;
export type BootstrapToken = z.infer<typeof BootstrapTokenSchema>;
export type BootstrapTokenList = z.infer<typeof BootstrapTokenListSchema>;
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;
export type RotationEdge = z.infer<typeof RotationEdgeSchema>;
export type RotationPreview = z.infer<typeof RotationPreviewSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type PermissionDenied = z.infer<typeof PermissionDeniedSchema>;
