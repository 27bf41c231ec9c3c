import { Module } from '@nestjs/common';
import { NumberLookupController } from './number-lookup.controller';
import { NumberLookupService } from './number-lookup.service';

@Module({
  controllers: [NumberLookupController],
  providers: [NumberLookupService],
})
export class NumberLookupModule {}
