import { Module } from '@nestjs/common';
import { BadgeSigner } from './badge-signer.service.js';

/** The badge code rule on its own, for the participant views and the badge features alike. */
@Module({
  providers: [BadgeSigner],
  exports: [BadgeSigner],
})
export class BadgeCodesModule {}
