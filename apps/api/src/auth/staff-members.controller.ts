import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AccountsService, listStaffMembers, type StaffPagePosition } from '@haoma/accounts';
import { ApiError } from '../common/api-error';
import { StaffOnly } from './access.decorator';
import { AccountErrorInterceptor } from './account-error.interceptor';
import { AccountResponse, toAccountResponse } from './session.response';
import { CreateStaffMemberRequest, StaffListQuery } from './staff-member.request';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';

export class StaffMemberListResponse {
  @ApiProperty({ type: () => AccountResponse, isArray: true })
  items!: AccountResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeStaffCursor(position: StaffPagePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/** The position a cursor names; an edited or foreign cursor is a 400, not a wrong page. */
export function decodeStaffCursor(cursor: string): StaffPagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as unknown[];
      if (
        typeof createdAt === 'string' &&
        !Number.isNaN(Date.parse(createdAt)) &&
        typeof id === 'string' &&
        UUID.test(id)
      )
        return { createdAt, id };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new ApiError('VALIDATION_FAILED', 'Invalid request: cursor', [
    { field: 'cursor', errors: ['cursor is not one this API returned'], codes: ['INVALID_CURSOR'] },
  ]);
}

/** Staff management for admins (the first admin comes from the CLI: `staff create`). */
@ApiTags('staff')
@ApiBearerAuth()
@StaffOnly('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
@Controller('api/v1/staff/members')
@UseInterceptors(AccountErrorInterceptor)
export class StaffMembersController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Staff members, oldest first, keyset-paginated' })
  @ApiOkResponse({ type: StaffMemberListResponse })
  async list(@Query() query: StaffListQuery): Promise<StaffMemberListResponse> {
    const page = await listStaffMembers(this.dataSource.manager, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      after: query.cursor === undefined ? undefined : decodeStaffCursor(query.cursor),
    });
    return {
      items: page.members.map(toAccountResponse),
      nextCursor: page.next ? encodeStaffCursor(page.next) : null,
    };
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff member' })
  @ApiCreatedResponse({ type: AccountResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field codes' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async create(@Body() body: CreateStaffMemberRequest): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.createStaffMember(body));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deactivate a staff member: no more logins, every session revoked at once' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONFLICT: the last active admin cannot be deactivated' })
  async deactivate(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.deactivateStaffMember(id));
  }
}
