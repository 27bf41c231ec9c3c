import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountsService } from '@haoma/accounts';
import { ACCOUNT_FIELD_ERROR_CODES } from '@haoma/domain';
import { Authenticated, Public } from './access.decorator';
import { AccountErrorInterceptor } from './account-error.interceptor';
import { clientInfo } from './client-info';
import { CurrentAccount, type AuthenticatedAccount } from './current-account.decorator';
import { LoginRequest, RefreshRequest } from './login.request';
import { LoginRateLimitGuard } from './login-rate-limit.guard';
import { RegisterRequest } from './register.request';
import { SessionResponse, toSessionResponse } from './session.response';

/** Customers' registration and login, and the session endpoints shared with staff. */
@ApiTags('auth')
@Controller('api/v1/auth')
@UseInterceptors(AccountErrorInterceptor)
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register a business and log it in' })
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiBadRequestResponse({
    description: `VALIDATION_FAILED, with per field one of: ${ACCOUNT_FIELD_ERROR_CODES.join(', ')}`,
  })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN (emails are compared case-insensitively)' })
  async register(@Body() body: RegisterRequest, @Req() request: FastifyRequest): Promise<SessionResponse> {
    const issued = await this.accounts.register(
      {
        companyName: body.companyName ?? '',
        contactName: body.contactName ?? '',
        email: body.email ?? '',
        mobile: body.mobile ?? '',
        password: body.password ?? '',
      },
      clientInfo(request),
    );
    return toSessionResponse(issued);
  }

  @Post('login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log a customer in' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({
    description: 'ACCOUNT_LOCKED after repeated failures, or RATE_LIMITED; both with Retry-After',
  })
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<SessionResponse> {
    return toSessionResponse(
      await this.accounts.login('customer', body.email, body.password, clientInfo(request)),
    );
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange a refresh token for the next access and refresh tokens (customers and staff)',
    description: 'Each refresh token works once; presenting a used one again ends the whole session.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN or SESSION_REVOKED' })
  async refresh(@Body() body: RefreshRequest): Promise<SessionResponse> {
    return toSessionResponse(await this.accounts.refresh(body.refreshToken));
  }

  @Post('logout')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(@CurrentAccount() account: AuthenticatedAccount): Promise<void> {
    await this.accounts.logout(account.sessionId);
  }
}
