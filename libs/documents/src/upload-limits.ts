import type { AppConfig } from '@haoma/config';

/** The limits an upload is checked against (UPLOAD_MAX_BYTES and the per-customer quotas). */
export interface UploadLimits {
  /** Largest file, in bytes. */
  maxBytes: number;
  /** Documents one customer may keep stored at once. */
  quotaFiles: number;
  /** Bytes one customer may keep stored at once. */
  quotaBytes: number;
}

export function uploadLimitsFrom(
  config: Pick<AppConfig, 'UPLOAD_MAX_BYTES' | 'UPLOAD_QUOTA_FILES' | 'UPLOAD_QUOTA_BYTES'>,
): UploadLimits {
  return {
    maxBytes: config.UPLOAD_MAX_BYTES,
    quotaFiles: config.UPLOAD_QUOTA_FILES,
    quotaBytes: config.UPLOAD_QUOTA_BYTES,
  };
}
