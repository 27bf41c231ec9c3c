import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
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
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  AccountsService,
  changeStaffRole,
  deactivateStaffMemberAudited,
  inviteStaffMember,
  listStaffMembers,
  type StaffPagePosition,
} from '@haoma/accounts';
import { ApiError } from '../common/api-error';
import { StaffOnly } from './access.decorator';
import { AccountErrorInterceptor } from './account-error.interceptor';
import { AccountResponse, toAccountResponse } from './session.response';
import { ChangeStaffRoleRequest, CreateStaffMemberRequest, StaffListQuery } from './staff-member.request';
import { AdminErrorInterceptor } from '../admin/admin-error.interceptor';
import { DEFAULT_PAGE_SIZE } from '../common/page.request';

/** A created staff member; with the one-time password when the admin gave none (shown once). */
export class CreatedStaffMemberResponse extends AccountResponse {
  @ApiPropertyOptional({ type: String, description: 'Only when no password was given: hand it over once' })
  oneTimePassword?: string;
}

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
@UseInterceptors(AccountErrorInterceptor, AdminErrorInterceptor)
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
  @ApiOperation({
    summary: 'Create (invite) a staff member',
    description:
      'Without `password`, a one-time password is generated and answered once, for the admin to hand over.',
  })
  @ApiCreatedResponse({ type: CreatedStaffMemberResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field codes' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async create(@Body() body: CreateStaffMemberRequest): Promise<CreatedStaffMemberResponse> {
    const invited = await inviteStaffMember(this.dataSource, body, {
      scrypt: this.accounts.policy.scrypt,
    });
    return {
      ...toAccountResponse(invited.profile),
      ...(invited.oneTimePassword === null ? {} : { oneTimePassword: invited.oneTimePassword }),
    };
  }

  @Patch(':id/role')
  @ApiOperation({
    summary: 'Change a staff member’s role; their sessions are revoked so the change bites at once',
  })
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: 'STAFF_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STAFF_LAST_ADMIN: the last active admin cannot be demoted' })
  async changeRole(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: ChangeStaffRoleRequest,
  ): Promise<AccountResponse> {
    return toAccountResponse(await changeStaffRole(this.dataSource, id, body.role));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deactivate a staff member: no more logins, every session revoked at once' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: 'STAFF_NOT_FOUND' })
  @ApiConflictResponse({ description: 'STAFF_LAST_ADMIN: the last active admin cannot be deactivated' })
  async deactivate(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<AccountResponse> {
    return toAccountResponse(await deactivateStaffMemberAudited(this.dataSource, id));
  }
}
