import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { CARRIER_GATEWAY } from './carrier-gateway';
import { HttpCarrierGateway } from './http-carrier.gateway';
import { sandboxApiKey, startSandboxCarrier, type SandboxCarrier } from './sandbox-carrier.server';

/** The sandbox carrier the worker started (CARRIER_PROVIDER=sandbox), or null. For tests and logs. */
export const CARRIER_SANDBOX = Symbol('CARRIER_SANDBOX');

/** Closes the sandbox carrier once everything that might still call it has stopped. */
@Injectable()
export class SandboxCarrierLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CARRIER_SANDBOX) private readonly sandbox: SandboxCarrier | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox?.close();
  }
}

/**
 * Provides the CarrierGateway in effect (`@Inject(CARRIER_GATEWAY)`): the HTTP gateway,
 * pointed at CARRIER_API_URL when CARRIER_PROVIDER=http, or at a sandbox carrier this module
 * starts (on CARRIER_SANDBOX_PORT, 0 = any free port) when CARRIER_PROVIDER=sandbox. Import it
 * where the gateway is needed; Nest makes one instance, so one sandbox, per application.
 */
@Module({
  providers: [
    {
      provide: CARRIER_SANDBOX,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<SandboxCarrier | null> => {
        if (config.CARRIER_PROVIDER !== 'sandbox') return null;
        const sandbox = await startSandboxCarrier({
          apiKey: config.CARRIER_API_KEY ?? sandboxApiKey(),
          port: config.CARRIER_SANDBOX_PORT,
          delayMs: config.CARRIER_SANDBOX_DELAY,
          rejectRate: config.CARRIER_SANDBOX_REJECT_RATE,
          failureRate: config.CARRIER_SANDBOX_FAILURE_RATE,
          timeoutRate: config.CARRIER_SANDBOX_TIMEOUT_RATE,
        });
        new Logger('CarrierModule').log(`sandbox carrier listening on ${sandbox.url}`);
        return sandbox;
      },
    },
    {
      provide: CARRIER_GATEWAY,
      inject: [APP_CONFIG, CARRIER_SANDBOX],
      useFactory: (config: AppConfig, sandbox: SandboxCarrier | null) =>
        new HttpCarrierGateway({
          baseUrl: sandbox ? sandbox.url : String(config.CARRIER_API_URL),
          apiKey: sandbox ? sandbox.apiKey : (config.CARRIER_API_KEY ?? ''),
          timeoutMs: config.CARRIER_TIMEOUT,
        }),
    },
    SandboxCarrierLifecycle,
  ],
  exports: [CARRIER_GATEWAY, CARRIER_SANDBOX],
})
export class CarrierModule {}
