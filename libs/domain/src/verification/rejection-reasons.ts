/**
 * The reasons a reviewer may give for rejecting a document or a form field, as data: each
 * with a default text in Chinese and English that tells the customer what to do. A reviewer
 * may add their own text; the default is shown when they do not.
 */
export const REJECTION_REASONS = {
  ILLEGIBLE: {
    zh: '材料不清晰，请重新拍摄或扫描，确保四角完整、文字清楚可辨。',
    en: 'The document cannot be read: photograph or scan it again with all four corners and legible text.',
  },
  EXPIRED: {
    zh: '证件已过期或即将过期，请提供有效期内的证件。',
    en: 'The document has expired or expires soon: provide one that is still valid.',
  },
  NAME_MISMATCH: {
    zh: '材料上的名称与填写的信息不一致，请核对后重新提交。',
    en: 'The name on the document does not match the form: correct the form or the document.',
  },
  SEAL_MISSING: {
    zh: '材料缺少公司公章，请加盖公章后重新上传。',
    en: 'The company seal is missing: stamp the document with the company seal and upload it again.',
  },
  WRONG_DOCUMENT: {
    zh: '上传的材料与要求的类型不符，请上传正确的材料。',
    en: 'This is not the document asked for: upload the right one.',
  },
  INCOMPLETE: {
    zh: '材料不完整（缺页或缺少正反面），请补充完整。',
    en: 'The document is incomplete (a page or a side is missing): upload all of it.',
  },
  SIGNATURE_MISSING: {
    zh: '材料缺少法定代表人签字，请签字后重新上传。',
    en: 'The legal representative’s signature is missing: sign the document and upload it again.',
  },
  ALTERED: {
    zh: '材料疑似被修改，请提供原件的清晰照片或扫描件。',
    en: 'The document appears to have been altered: provide a clear photo or scan of the original.',
  },
  BORROWED_CREDENTIALS: {
    zh: '材料疑似冒用他人或其他企业的证件，请提供本企业的真实材料。',
    en: 'The credentials appear to belong to another person or company: provide your company’s own documents.',
  },
  OTHER: {
    zh: '材料未通过审核，请根据审核说明修改后重新提交。',
    en: 'The document was not accepted: follow the reviewer’s note and submit it again.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReasonCode[];

export function isRejectionReasonCode(code: string): code is RejectionReasonCode {
  return Object.hasOwn(REJECTION_REASONS, code);
}

/** One rejection reason as the customer reads it: the reviewer's text, else the default. */
export function rejectionReasonText(
  code: RejectionReasonCode,
  language: 'zh' | 'en',
  text?: string | null,
): string {
  const own = text?.trim();
  return own ? own : REJECTION_REASONS[code][language];
}
