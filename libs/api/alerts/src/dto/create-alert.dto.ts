import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_FREQUENCIES,
  ALERT_LIMITS,
  ALERT_SCOPES,
  type AlertFrequency,
  type AlertScope,
  type CreateAlertInput,
} from '@plaza/shared/contracts';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** What a subscription watches is given by `scope`; the fields of the other scopes must be absent. */
export class CreateAlertDto implements CreateAlertInput {
  @ApiProperty({ format: 'email', maxLength: ALERT_LIMITS.emailMax })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(ALERT_LIMITS.emailMax)
  email!: string;

  @ApiProperty({ enum: ALERT_SCOPES })
  @IsDefined()
  @IsIn(ALERT_SCOPES)
  scope!: AlertScope;

  @ApiPropertyOptional({ description: 'Area (district) code, for scope `area`', example: '01' })
  @ValidateIf((o: CreateAlertDto) => o.scope === 'area' || o.area !== undefined)
  @IsDefined()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'area must be an area code' })
  area?: string;

  @ApiPropertyOptional({ description: 'For scope `radius`' })
  @ValidateIf((o: CreateAlertDto) => o.scope === 'radius' || o.lat !== undefined)
  @IsDefined()
  @IsNumber()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: 'For scope `radius`' })
  @ValidateIf((o: CreateAlertDto) => o.scope === 'radius' || o.lon !== undefined)
  @IsDefined()
  @IsNumber()
  @IsLongitude()
  lon?: number;

  @ApiPropertyOptional({
    description: 'Metres around the point, for scope `radius`',
    minimum: ALERT_LIMITS.radiusMin,
    maximum: ALERT_LIMITS.radiusMax,
  })
  @ValidateIf((o: CreateAlertDto) => o.scope === 'radius' || o.radius !== undefined)
  @IsDefined()
  @IsInt()
  @Min(ALERT_LIMITS.radiusMin)
  @Max(ALERT_LIMITS.radiusMax)
  radius?: number;

  @ApiPropertyOptional({ description: 'Category code, for scope `category`', example: 'bache' })
  @ValidateIf((o: CreateAlertDto) => o.scope === 'category' || o.category !== undefined)
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category?: string;

  @ApiProperty({ enum: ALERT_FREQUENCIES })
  @IsDefined()
  @IsIn(ALERT_FREQUENCIES)
  frequency!: AlertFrequency;

  @ApiProperty({ description: 'The data-protection notice was read and accepted', enum: [true] })
  @IsDefined()
  @Equals(true, { message: 'consent must be given' })
  consent!: true;
}
