export * from './report-period';
export * from './report-money';
export * from './report-ratio';
export * from './report-csv';
export * from './funnel';
