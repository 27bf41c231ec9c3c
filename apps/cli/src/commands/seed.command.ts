import type { AppConfig } from '@haoma/config';
export async function seedCommand(_config: AppConfig, _args: string[]): Promise<void> {}
