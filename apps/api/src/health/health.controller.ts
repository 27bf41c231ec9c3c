import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { JobProducer } from '@haoma/jobs';
import { Public } from '../auth/access.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobProducer,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Whether the database and the queue backend answer (200, or 503 naming what is down)',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(2_000),
      () =>
        this.indicators
          .check('queue')
          .attempt(() => this.jobs.ping(2_000))
          .withTimeout(2_500),
    ]);
  }
}
