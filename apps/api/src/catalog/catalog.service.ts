import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { FeatureEntity, PlanEntity } from '@haoma/db';
import type { FeatureListResponse, FeatureResponse } from './feature.response';
import { toMoney } from './money.response';
import type { PlanListResponse, PlanResponse } from './plan.response';

/** The catalog as it is sold today: the current (not retired) version of each plan and feature. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
    @InjectRepository(FeatureEntity) private readonly features: Repository<FeatureEntity>,
  ) {}

  async currentPlans(): Promise<PlanListResponse> {
    // Code breaks ties so that equal prices still come back in a stable order.
    const rows = await this.plans.find({
      where: { retiredAt: IsNull() },
      order: { annualFeeFen: 'ASC', code: 'ASC' },
    });
    return { plans: rows.map(toPlanResponse) };
  }

  async currentFeatures(): Promise<FeatureListResponse> {
    const rows = await this.features.find({
      where: { retiredAt: IsNull() },
      order: { annualFeeFen: 'ASC', code: 'ASC' },
    });
    return { features: rows.map(toFeatureResponse) };
  }
}

function toPlanResponse(plan: PlanEntity): PlanResponse {
  return {
    id: plan.id,
    code: plan.code,
    version: plan.version,
    name: plan.name,
    nameZh: plan.nameZh,
    annualFee: toMoney(plan.annualFeeFen),
    termMonths: plan.termMonths,
    perMinuteRate: toMoney(plan.perMinuteFen),
    includedMinutes: plan.includedMinutes,
    monthlyMinimum: toMoney(plan.monthlyMinimumFen),
    allowedGrades: [...plan.allowedGrades],
  };
}

function toFeatureResponse(feature: FeatureEntity): FeatureResponse {
  return {
    id: feature.id,
    code: feature.code,
    version: feature.version,
    name: feature.name,
    nameZh: feature.nameZh,
    description: feature.description,
    annualFee: toMoney(feature.annualFeeFen),
    excludes: [...feature.excludes],
  };
}
