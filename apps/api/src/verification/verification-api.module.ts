import { Module } from '@nestjs/common';
import { DossiersController } from './dossiers.controller';
import { OrderSubmissionsController } from './order-submissions.controller';
import { ReviewsController } from './reviews.controller';
import { VerificationService } from './verification.service';

/** Real-name verification in the API: dossiers, submissions for orders, and the reviewers' queue. */
@Module({
  controllers: [DossiersController, OrderSubmissionsController, ReviewsController],
  providers: [VerificationService],
})
export class VerificationApiModule {}
