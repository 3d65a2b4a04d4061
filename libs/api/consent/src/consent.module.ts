import { Global, Module } from '@nestjs/common';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';

/** Global: every form that collects personal data records consent through ConsentService. */
@Global()
@Module({ providers: [ConsentRepository, ConsentService], exports: [ConsentService, ConsentRepository] })
export class ConsentModule {}
