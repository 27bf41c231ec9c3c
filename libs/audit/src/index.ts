export { currentAuditContext, withAuditContext, type AuditContext } from './audit-context';
export {
  decodeAuditCursor,
  encodeAuditCursor,
  InvalidAuditCursorError,
  type AuditCursor,
} from './audit-cursor';
export { listAuditEntries, type AuditPage, type AuditQuery, type AuditRecord } from './audit-queries';
export { recordAudit, type AuditEntry } from './record-audit';
