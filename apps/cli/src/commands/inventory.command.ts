import type { AppConfig } from '@haoma/config';
export async function inventoryCommand(_config: AppConfig, _args: string[]): Promise<void> {}
