export * from './service-lifecycle';
export * from './compliance-schedule';
