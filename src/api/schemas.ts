import {z} from 'zod';
import {UUID_PATTERN} from '../domain/validate.js';

// Tolerant reader (decisions.md): z.object strips unknown keys; optional fields accept absent
// or null (Go servers without omitempty send null); ids only need the 8-4-4-4-12 hex shape
// because z.uuid() rejects UUIDv7-style example ids that do not follow RFC 9562 bit-for-bit.
const id = () => z.string().regex(UUID_PATTERN, 'Invalid UUID');
const timestamp = () => z.iso.datetime({offset: true, message: 'Invalid RFC 3339 timestamp'});
const cursor = () => z.string().nullish();

/** GET /v1/health body (200 and 503). */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checks: z.array(z.object({name: z.string(), status: z.string(), detail: z.string()})),
});

/** GET /v1/version body. */
export const VersionSchema = z.object({version: z.string(), commit: z.string(), date: timestamp()});

/** GET /v1/auth/whoami body. */
export const WhoamiSchema = z.object({
  principal_type: z.enum(['user', 'service']),
  principal_scope: z.enum(['domain', 'platform']).nullish(),
  subject: z.string(),
  domain_id: id().nullish(),
  email: z.string().nullish(),
  acr: z.string().nullish(),
  amr: z.array(z.string()).max(16).nullish(),
});

/** ProjectResponse. */
export const ProjectSchema = z.object({
  id: id(),
  domain_id: id(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullish(),
  sub_range_cidr: z.string().nullish(),
  created_at: timestamp(),
  updated_at: timestamp(),
});

/** GET /v1/projects page. */
export const ProjectListSchema = z.object({items: z.array(ProjectSchema), next_cursor: cursor(), empty_reason: z.string().nullish()});

/** NodeSummary; `name` and `kind` are usually absent until the server joins resources. */
export const NodeSummarySchema = z.object({id: id(), name: z.string().nullish(), domain_id: id(), kind: z.string().nullish(), created_at: timestamp()});

/** GET /v1/nodes page. */
export const NodeListSchema = z.object({items: z.array(NodeSummarySchema), next_cursor: cursor()});

/** BootstrapTokenMetadata. */
export const BootstrapTokenSchema = z.object({
  id: id(),
  project_id: id(),
  kind: z.enum(['node', 'bridge']),
  env_prefix: z.string(),
  issued_at: timestamp(),
  expires_at: timestamp(),
  consumed_at: timestamp().nullish(),
  revoked_at: timestamp().nullish(),
  issued_by_user_id: id(),
});

/** GET …/bootstrap-tokens page. */
export const BootstrapTokenListSchema = z.object({items: z.array(BootstrapTokenSchema), next_cursor: cursor()});

/** POST …/bootstrap-tokens 201 body; `token` is the once-only plaintext. */
export const IssuedTokenSchema = z.object({token_id: id(), token: z.string().min(1), issued_at: timestamp(), expires_at: timestamp()});

/** RotationImpactEdge. */
export const RotationEdgeSchema = z.object({peer_node_id: id(), current_kid: z.string().min(1), current_wrap_key_version: z.number().int().min(0)});

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
  state?: string;
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
    state: z.string().nullish(),
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
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  code: z.string().nullish(),
  dimension: z.string().nullish(),
});

/** 403 PermissionDenied from the ReBAC authoriser. */
export const PermissionDeniedSchema = ProblemSchema.extend({
  reason: z.enum(['out_of_scope', 'insufficient_relation', 'caveat_violation']),
  relation_path: z.array(z.string()).nullish(),
  correlation_id: z.string(),
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
