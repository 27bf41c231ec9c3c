import {
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource, type EntityManager } from 'typeorm';
import { parseNumber } from '@haoma/domain';
import {
  clearNumberFee,
  overrideNumberFee,
  releaseHold,
  retireNumber,
  unretireNumber,
  type AdminNumberView,
} from '@haoma/inventory';
import { StaffOnly } from '../auth/access.decorator';
import { CurrentAccount, type AuthenticatedAccount } from '../auth/current-account.decorator';
import { ApiError } from '../common/api-error';
import { staffActor } from './admin-cursor';
import { AdminErrorInterceptor } from './admin-error.interceptor';
import { NumberPriceRequest, ReasonRequest } from './admin.request';
import { AdminNumberResponse, toAdminNumberResponse } from './admin.response';

// The path's number in any accepted spelling (400-812-3456…), as its 10 digits.
function canonical(input: string): string {
  const parsed = parseNumber(input);
  if (!parsed.ok) throw new ApiError('INVALID_NUMBER', parsed.message, undefined, { reason: parsed.reason });
  return parsed.digits;
}

/** Per-number administration: price override, retirement, release of a stuck hold. Every change audited. */
@ApiTags('admin')
@ApiBearerAuth()
@StaffOnly('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
@ApiParam({ name: 'number', type: String, example: '4008123456' })
@ApiBadRequestResponse({ description: 'INVALID_NUMBER, VALIDATION_FAILED' })
@ApiNotFoundResponse({ description: 'NUMBER_NOT_FOUND' })
@UseInterceptors(AdminErrorInterceptor)
@Controller('api/v1/admin/numbers/:number')
export class AdminNumbersController {
  constructor(private readonly dataSource: DataSource) {}

  private run(
    work: (manager: EntityManager) => Promise<AdminNumberView & { orderExpired?: boolean }>,
  ): Promise<AdminNumberResponse> {
    return this.dataSource.transaction(work).then(toAdminNumberResponse);
  }

  @Put('price')
  @ApiOperation({
    summary: 'Override the selection fee (admin)',
    description:
      'Kept by re-grades until removed. Refused once the number is sold; a held number’s order keeps its price.',
  })
  @ApiOkResponse({ type: AdminNumberResponse })
  @ApiConflictResponse({ description: 'CONFLICT: the number is sold' })
  overridePrice(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('number') number: string,
    @Body() body: NumberPriceRequest,
  ): Promise<AdminNumberResponse> {
    const command = {
      number: canonical(number),
      feeFen: body.feeFen,
      reason: body.reason,
      actor: staffActor(account),
    };
    return this.run((manager) => overrideNumberFee(manager, command));
  }

  @Delete('price')
  @ApiOperation({ summary: 'Remove a price override: the grading rules’ fee again (admin)' })
  @ApiOkResponse({ type: AdminNumberResponse })
  @ApiConflictResponse({ description: 'CONFLICT: the number is sold' })
  clearPrice(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('number') number: string,
  ): Promise<AdminNumberResponse> {
    const command = { number: canonical(number), reason: 'override removed', actor: staffActor(account) };
    return this.run((manager) => clearNumberFee(manager, command));
  }

  @Post('retire')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take an available number off sale (admin)' })
  @ApiOkResponse({ type: AdminNumberResponse })
  @ApiConflictResponse({ description: 'NUMBER_NOT_RETIRABLE: the number is not available' })
  retire(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('number') number: string,
    @Body() body: ReasonRequest,
  ): Promise<AdminNumberResponse> {
    const command = { number: canonical(number), reason: body.reason, actor: staffActor(account) };
    return this.run((manager) => retireNumber(manager, command));
  }

  @Post('unretire')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a retired number back on sale (admin)' })
  @ApiOkResponse({ type: AdminNumberResponse })
  @ApiConflictResponse({ description: 'NUMBER_NOT_RETIRABLE: the number is not retired' })
  unretire(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('number') number: string,
    @Body() body: ReasonRequest,
  ): Promise<AdminNumberResponse> {
    const command = { number: canonical(number), reason: body.reason, actor: staffActor(account) };
    return this.run((manager) => unretireNumber(manager, command));
  }

  @Post('release-hold')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Release a stuck hold (admin)',
    description:
      'A hold whose order is no longer live is released at once; a hold that ran out while its order still waits ' +
      'expires the order (as the hold timer would). A live, unexpired hold, or a paid order, is refused.',
  })
  @ApiOkResponse({ type: AdminNumberResponse })
  @ApiConflictResponse({ description: 'NUMBER_NOT_HELD; CONFLICT: a live order holds it' })
  releaseHold(
    @CurrentAccount() account: AuthenticatedAccount,
    @Param('number') number: string,
    @Body() body: ReasonRequest,
  ): Promise<AdminNumberResponse> {
    const command = { number: canonical(number), reason: body.reason, actor: staffActor(account) };
    return this.run((manager) => releaseHold(manager, command));
  }
}
