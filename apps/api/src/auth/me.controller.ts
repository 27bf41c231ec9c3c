import { Controller, Get, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AccountsService } from '@haoma/accounts';
import { Authenticated } from './access.decorator';
import { AccountErrorInterceptor } from './account-error.interceptor';
import { CurrentAccount, type AuthenticatedAccount } from './current-account.decorator';
import { AccountResponse, toAccountResponse } from './session.response';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1')
@UseInterceptors(AccountErrorInterceptor)
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The logged-in account (customer or staff)' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED, TOKEN_EXPIRED or SESSION_REVOKED' })
  async me(@CurrentAccount() account: AuthenticatedAccount): Promise<AccountResponse> {
    return toAccountResponse(await this.accounts.profile(account.kind, account.id));
  }
}
