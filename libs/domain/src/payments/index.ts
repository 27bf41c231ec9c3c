export * from './refund-policy';
export * from './checkout-policy';
