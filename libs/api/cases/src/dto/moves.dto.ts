import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_PRIORITIES,
  NOTE_VISIBILITIES,
  REPORT_STATUSES,
  RESOLUTION_STATUSES,
  type ApproveDraftRequest,
  type AssignRequest,
  type CasePriority,
  type ChangeCategoryRequest,
  type ChangeLocationRequest,
  type EditTextRequest,
  type HideRequest,
  type InternalNoteRequest,
  type MergeRequest,
  type NoteVisibility,
  type PhotoVisibilityRequest,
  type PriorityRequest,
  type PublicReplyRequest,
  type PublishRequest,
  type ReferBackRequest,
  type RejectDraftRequest,
  type ReportStatus,
  type ResolutionStatus,
  type ResolveRequest,
  type ScheduleRequest,
  type StatusMoveRequest,
  REPORT_LIMITS,
  LOCALES,
  type Locale,
  type ScreeningOverride,
  REPORT_REF_PATTERN,
} from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

const MESSAGE_MAX = 5000;
const REASON_MAX = 1000;

/** A community manager publishes text the personal-data check flagged, saying why (audited). */
export class ScreeningOverrideDto implements ScreeningOverride {
  @ApiProperty({ maxLength: REASON_MAX, example: 'Es el teléfono público de la Junta de Distrito' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX)
  reason!: string;
}

/** Optional fields of every move that publishes staff text: the override and the reply's language. */
class ScreenedTextDto {
  @ApiPropertyOptional({ type: ScreeningOverrideDto, description: 'Community managers only: publish despite personal data.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScreeningOverrideDto)
  override?: ScreeningOverrideDto;
}

class ScreenedReplyDto extends ScreenedTextDto {
  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the reply, for the style check (any site language when absent).' })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;
}

export class PublishDto extends ScreenedTextDto implements PublishRequest {
  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  message?: string;
}

export class ReasonDto implements HideRequest, ReferBackRequest, RejectDraftRequest {
  @ApiProperty({ maxLength: REASON_MAX })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REASON_MAX)
  reason!: string;
}

export class EditTextDto implements EditTextRequest {
  @ApiPropertyOptional({ minLength: REPORT_LIMITS.titleMin, maxLength: REPORT_LIMITS.titleMax })
  @IsOptional()
  @IsString()
  @MinLength(REPORT_LIMITS.titleMin)
  @MaxLength(REPORT_LIMITS.titleMax)
  title?: string;

  @ApiPropertyOptional({ minLength: REPORT_LIMITS.descriptionMin, maxLength: REPORT_LIMITS.descriptionMax })
  @IsOptional()
  @IsString()
  @MinLength(REPORT_LIMITS.descriptionMin)
  @MaxLength(REPORT_LIMITS.descriptionMax)
  description?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'personal_data' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class PhotoVisibilityDto implements PhotoVisibilityRequest {
  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  hidden!: boolean;

  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  reason?: string;
}

export class ChangeCategoryDto implements ChangeCategoryRequest {
  @ApiProperty({ example: 'farola' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category!: string;
}

export class ChangeLocationDto implements ChangeLocationRequest {
  @ApiProperty()
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty()
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon!: number;

  @ApiPropertyOptional({ nullable: true, maxLength: REPORT_LIMITS.addressMax })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.addressMax)
  address?: string | null;
}

export class AssignDto implements AssignRequest {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  departmentId!: string;
}

export class MergeDto extends ScreenedTextDto implements MergeRequest {
  @ApiProperty({ example: '2026-000123' })
  @IsDefined()
  @IsString()
  @Matches(REPORT_REF_PATTERN, { message: 'into must be a report reference such as 2026-000123' })
  into!: string;

  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  message?: string;
}

export class PriorityDto implements PriorityRequest {
  @ApiProperty({ enum: CASE_PRIORITIES })
  @IsDefined()
  @IsIn(CASE_PRIORITIES)
  priority!: CasePriority;
}

export class PublicReplyDto extends ScreenedReplyDto implements PublicReplyRequest {
  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  body?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class InternalNoteDto implements InternalNoteRequest {
  @ApiProperty({ maxLength: MESSAGE_MAX })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  body!: string;

  @ApiProperty({ enum: NOTE_VISIBILITIES })
  @IsDefined()
  @IsIn(NOTE_VISIBILITIES)
  visibility!: NoteVisibility;
}

export class StatusMoveDto extends ScreenedTextDto implements StatusMoveRequest {
  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  message?: string;
}

export class ScheduleDto extends StatusMoveDto implements ScheduleRequest {
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'scheduledFor must be a date as YYYY-MM-DD' })
  scheduledFor?: string;
}

export class ResolveDto extends ScreenedReplyDto implements ResolveRequest {
  @ApiProperty({ enum: RESOLUTION_STATUSES })
  @IsDefined()
  @IsIn(RESOLUTION_STATUSES)
  status!: ResolutionStatus;

  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  body?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class ApproveDraftDto extends ScreenedReplyDto implements ApproveDraftRequest {
  @ApiPropertyOptional({ maxLength: MESSAGE_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MESSAGE_MAX)
  body?: string;
}
