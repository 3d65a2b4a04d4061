import { ApiProperty } from '@nestjs/swagger';
import { HOLIDAY_SCOPES, type HolidayInput, type HolidayScope } from '@plaza/shared/contracts';
import { IsDefined, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class HolidayDto implements HolidayInput {
  @ApiProperty({ example: '2026-05-15' })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a date as YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ maxLength: 120, example: 'San Isidro' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: HOLIDAY_SCOPES })
  @IsDefined()
  @IsIn(HOLIDAY_SCOPES)
  scope!: HolidayScope;
}
