import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AccountsService, authPolicy } from '@haoma/accounts';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { LOGIN_THROTTLE_STORAGE, LoginRateLimitGuard } from './login-rate-limit.guard';
import { MeController } from './me.controller';
import { RouteAccessAudit } from './route-access.audit';
import { StaffAuthController } from './staff-auth.controller';
import { StaffMembersController } from './staff-members.controller';

/**
 * Accounts, sessions and the access guard: registration and login for customers and staff,
 * refresh-token rotation, logout, staff management, and the global guard that makes every
 * route declare who may call it.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController, MeController, StaffAuthController, StaffMembersController],
  providers: [
    {
      provide: AccountsService,
      inject: [DataSource, APP_CONFIG],
      useFactory: async (dataSource: DataSource, config: AppConfig) => {
        const accounts = new AccountsService(dataSource, authPolicy(config));
        await accounts.warmUp();
        return accounts;
      },
    },
    // Its own store, apart from the API-wide limit's; Nest calls its shutdown hook.
    { provide: LOGIN_THROTTLE_STORAGE, useFactory: () => new ThrottlerStorageService() },
    LoginRateLimitGuard,
    RouteAccessAudit,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountsService],
})
export class AuthModule {}
