import { Global, Module } from '@nestjs/common';
import { PublicReads } from './public-reads';

/** PublicReads for every repository that serves public read traffic. */
@Global()
@Module({ providers: [PublicReads], exports: [PublicReads] })
export class PublicReadsModule {}
