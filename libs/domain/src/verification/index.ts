export * from './verification-states';
