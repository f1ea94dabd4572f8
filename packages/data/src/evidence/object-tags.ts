/**
 * The tag every evidence upload carries: `pending` from the presigned PUT until intake passes it
 * (`checked`). The bucket's lifecycle rule expires objects still tagged `pending`, so an upload that
 * is never checked, or was rejected, does not stay. Pure data: the CDK app imports it at synth time.
 */
export const EVIDENCE_STATE_TAG = 'evidence-state';
export const EVIDENCE_STATE_PENDING = 'pending';
export const EVIDENCE_STATE_CHECKED = 'checked';

/** Days an unchecked upload's object is kept before the lifecycle rule expires it. */
export const UNCHECKED_UPLOAD_EXPIRY_DAYS = 2;
