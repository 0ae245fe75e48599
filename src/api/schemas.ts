import {z} from './vendor.js';
import type {SafeText} from '../domain/sanitize.js';
import {serverText} from './credential.js';
import {built, cursor, id, items, label, page, text, timestamp} from './schemaParts.js';

export type {SafeText} from '../domain/sanitize.js';
export type {Skipped} from './schemaParts.js';

/** GET /v1/health body (200 and 503). */
export const HealthSchema = built(() =>
  z.object({
    status: label(),
    checks: z.array(z.object({name: text(), status: label(), detail: text()})),
  }),
);

/** GET /v1/version body. */
export const VersionSchema = built(() => z.object({version: text(), commit: text(), date: timestamp()}));

/** GET /v1/auth/whoami body. */
export const WhoamiSchema = built(() =>
  z.object({
    principal_type: label(),
    principal_scope: label().nullish(),
    subject: text(),
    domain_id: id().nullish(),
    email: text().nullish(),
    acr: text().nullish(),
    amr: z.array(text()).max(16).nullish(),
  }),
);

/** ProjectResponse. */
export const ProjectSchema = built(() =>
  z.object({
    id: id(),
    domain_id: id(),
    name: text(),
    slug: text(),
    description: text().nullish(),
    sub_range_cidr: text().nullish(),
    created_at: timestamp(),
    updated_at: timestamp(),
  }),
);

/** GET /v1/projects page. */
export const ProjectListSchema = built(() =>
  z
    .object({items: items(ProjectSchema), next_cursor: cursor(), empty_reason: text().nullish()})
    .transform((p) => ({items: p.items.ok, skipped: p.items.skipped, next_cursor: p.next_cursor, empty_reason: p.empty_reason})),
);

/** NodeSummary; `name` and `kind` are usually absent until the server joins resources. */
export const NodeSummarySchema = built(() => z.object({id: id(), name: text().nullish(), domain_id: id(), kind: label().nullish(), created_at: timestamp()}));

/** GET /v1/nodes page. */
export const NodeListSchema = built(() => page(NodeSummarySchema));

/** BootstrapTokenMetadata. */
export const BootstrapTokenSchema = built(() =>
  z.object({
    id: id(),
    project_id: id(),
    kind: label(),
    env_prefix: text(),
    issued_at: timestamp(),
    expires_at: timestamp(),
    consumed_at: timestamp().nullish(),
    revoked_at: timestamp().nullish(),
    issued_by_user_id: id(),
  }),
);

/** GET …/bootstrap-tokens page. */
export const BootstrapTokenListSchema = built(() => page(BootstrapTokenSchema));

/**
 * POST …/bootstrap-tokens 2xx body; `token` is the once-only plaintext, kept raw on purpose:
 * the copy key validates it against the contract's pattern and refuses anything else, and
 * the modal and the text verb sanitise what they show.
 */
export const IssuedTokenSchema = built(() => z.object({token_id: id(), token: z.string().min(1), issued_at: timestamp(), expires_at: timestamp()}));

/** RotationImpactEdge. */
export const RotationEdgeSchema = built(() => z.object({peer_node_id: id(), current_kid: z.string().min(1).transform((s): SafeText => serverText(s)), current_wrap_key_version: z.number().int().min(0)}));

/** GET /v1/nodes/{id}/keys/rotate/preview body. */
export const RotationPreviewSchema = built(() =>
  z.object({
    node_id: id(),
    peer_id: id(),
    affected_peer_count: z.number().int().min(0),
    affected_edges: z.array(RotationEdgeSchema),
    already_pending: z.boolean(),
    estimated_duration_seconds: z.number().int().min(0),
  }),
);

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
export const RotationHandleSchema = built(() =>
  z
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
    }),
);

const problem = () =>
  z.object({
    type: text(),
    title: text(),
    status: z.number().int(),
    detail: text(),
    instance: text(),
    code: label().nullish(),
    dimension: text().nullish(),
  });

/** RFC 9457 Problem as the contract declares it (errors themselves are read leniently in errors.ts). */
export const ProblemSchema = built(problem);

/** 403 PermissionDenied from the ReBAC authoriser. */
export const PermissionDeniedSchema = built(() =>
  problem().extend({
    reason: label(),
    relation_path: z.array(text()).nullish(),
    correlation_id: text(),
  }),
);

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
