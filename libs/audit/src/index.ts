export { currentAuditContext, withAuditContext, type AuditContext } from './audit-context';
export { recordAudit, type AuditEntry } from './record-audit';
