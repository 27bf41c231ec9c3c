import type { Schemas } from '../api/client';

export type Order = Schemas['OrderResponse'];
export type OrderSummary = Schemas['OrderSummaryResponse'];
export type Agreement = Schemas['AgreementResponse'];
export type Submission = Schemas['SubmissionResponse'];
export type Service = Schemas['ServiceResponse'];
export type ReverificationTask = Schemas['TaskResponse'];
