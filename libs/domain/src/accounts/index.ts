export * from './account-field-errors';
export * from './email';
export * from './mobile';
export * from './password-policy';
export * from './registration';
export * from './lockout';
