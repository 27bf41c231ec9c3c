import { PageQuery } from '../common/page.request';

/** A page of an order's payments. */
export class ListPaymentsQuery extends PageQuery {}
