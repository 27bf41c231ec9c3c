import { FeatureEntity } from './feature.entity';
import { GradingRuleSetEntity } from './grading-rule-set.entity';
import { InventoryImportEntity } from './inventory-import.entity';
import { NumberEventEntity } from './number-event.entity';
import { NumberEntity } from './number.entity';
import { PlanEntity } from './plan.entity';

export {
  FeatureEntity,
  GradingRuleSetEntity,
  InventoryImportEntity,
  NumberEntity,
  NumberEventEntity,
  PlanEntity,
};
export { NUMBER_STATUSES, HOLDING_STATUSES, type NumberStatus } from './number.entity';
export { IMPORT_STATUSES, type ImportStatus } from './inventory-import.entity';

export const ENTITIES = [
  NumberEntity,
  NumberEventEntity,
  PlanEntity,
  FeatureEntity,
  GradingRuleSetEntity,
  InventoryImportEntity,
];
