import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCALES,
  type EmailLinkRequest,
  type EmailLinkVerify,
  type LoginRequest,
  type SignupRequest,
} from '@plaza/shared/contracts';
import {
  Equals,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_LIMITS } from '../password-hasher';

const EMAIL_MAX = 254;

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  // Over the limit cannot be right, and hashing it would only cost us CPU.
  @MaxLength(PASSWORD_LIMITS.max)
  password!: string;
}

export class SignupDto implements SignupRequest {
  @ApiProperty({ maxLength: 120 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_LIMITS.min, maxLength: PASSWORD_LIMITS.max })
  @IsDefined()
  @IsString()
  @MinLength(PASSWORD_LIMITS.min)
  @MaxLength(PASSWORD_LIMITS.max)
  password!: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;

  @ApiProperty({ enum: [true], description: 'Consent to the data-protection notice' })
  @IsDefined()
  @Equals(true, { message: 'consent must be given to create an account' })
  consent!: boolean;

  @ApiPropertyOptional({ description: 'A path on this site where the mailed link lands, e.g. /reports/new', example: '/' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  next?: string;
}

export class EmailLinkDto implements EmailLinkRequest {
  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiPropertyOptional({
    description: 'A path on this site to land on, e.g. /console/',
    example: '/console/',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  next?: string;
}

export class EmailLinkVerifyDto implements EmailLinkVerify {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token!: string;
}

export class PasswordChangeDto {
  @ApiPropertyOptional({
    description: 'Required unless the session was opened by an email link in the last hour',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_LIMITS.max)
  currentPassword?: string;

  @ApiProperty({ minLength: PASSWORD_LIMITS.min, maxLength: PASSWORD_LIMITS.max })
  @IsDefined()
  @IsString()
  @MinLength(PASSWORD_LIMITS.min)
  @MaxLength(PASSWORD_LIMITS.max)
  newPassword!: string;
}
