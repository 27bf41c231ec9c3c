import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountsService } from '@haoma/accounts';
import { Public, StaffOnly } from './access.decorator';
import { AccountErrorInterceptor } from './account-error.interceptor';
import { clientInfo } from './client-info';
import { CurrentAccount, type AuthenticatedAccount } from './current-account.decorator';
import { LoginRequest } from './login.request';
import { LoginRateLimitGuard } from './login-rate-limit.guard';
import { AccountResponse, SessionResponse, toAccountResponse, toSessionResponse } from './session.response';

/** Staff login (the console); refresh and logout are the shared /api/v1/auth endpoints. */
@ApiTags('staff')
@Controller('api/v1/staff')
@UseInterceptors(AccountErrorInterceptor)
export class StaffAuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log a staff member in' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_DISABLED: the member has been deactivated' })
  @ApiTooManyRequestsResponse({ description: 'ACCOUNT_LOCKED or RATE_LIMITED, with Retry-After' })
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<SessionResponse> {
    return toSessionResponse(
      await this.accounts.login('staff', body.email, body.password, clientInfo(request)),
    );
  }

  @Get('me')
  @StaffOnly()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in staff member' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a staff account' })
  async me(@CurrentAccount() account: AuthenticatedAccount): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.profile('staff', account.id));
  }
}
