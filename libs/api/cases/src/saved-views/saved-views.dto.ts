import { ApiProperty } from '@nestjs/swagger';
import { SAVED_VIEW_LIMITS, type SavedView } from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class SavedViewDto implements SavedView {
  @ApiProperty({ maxLength: SAVED_VIEW_LIMITS.nameMax })
  @IsString()
  @MinLength(1)
  @MaxLength(SAVED_VIEW_LIMITS.nameMax)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ maxLength: SAVED_VIEW_LIMITS.searchMax, example: '?queue=overdue&sort=due' })
  @IsString()
  @MaxLength(SAVED_VIEW_LIMITS.searchMax)
  // The inbox's own query string, nothing else: it is put back into the console's address.
  @Matches(/^(\?[^#\s]*)?$/, { message: 'search must be a query string starting with ?' })
  search!: string;
}

export class SavedViewsDto {
  @ApiProperty({ type: [SavedViewDto], maxItems: SAVED_VIEW_LIMITS.viewsMax })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(SAVED_VIEW_LIMITS.viewsMax)
  @ValidateNested({ each: true })
  @Type(() => SavedViewDto)
  views!: SavedViewDto[];
}
