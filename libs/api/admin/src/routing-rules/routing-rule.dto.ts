import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, IsUUID } from 'class-validator';

export class CreateRoutingRuleDto {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  areaId!: string;

  @ApiProperty()
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  categoryCode!: string;

  @ApiProperty({ format: 'uuid', description: 'Department in charge of the category in that area' })
  @IsDefined()
  @IsUUID()
  departmentId!: string;
}
