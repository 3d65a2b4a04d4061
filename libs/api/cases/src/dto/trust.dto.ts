import { ApiProperty } from '@nestjs/swagger';
import type { DepartmentTrustInput } from '@plaza/shared/contracts';
import { IsBoolean, IsDefined } from 'class-validator';

export class DepartmentTrustDto implements DepartmentTrustInput {
  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  trustedToPublish!: boolean;
}
