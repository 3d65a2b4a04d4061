import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { NotificationSettings } from '@plaza/shared/contracts';
import { IsBoolean, IsDefined } from 'class-validator';
import { DataSource } from 'typeorm';

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ description: 'Emails about my reports, my proposals and what I follow' })
  @IsDefined()
  @IsBoolean()
  emailNotifications!: boolean;
}

/** The signed-in person's account-wide switch for update emails. */
@ApiTags('notifications')
@Access('signed-in')
@Controller({ path: 'account/notifications', version: '1' })
export class AccountNotificationsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'My notification settings' })
  async get(@CurrentUser() user: AuthUser): Promise<NotificationSettings> {
    const [row] = await this.db.query(`SELECT email_notifications AS "emailNotifications" FROM users WHERE id = $1`, [user.id]);
    return { emailNotifications: row?.emailNotifications ?? true };
  }

  @Patch()
  @ApiOperation({ summary: 'Turn update emails on or off for my account' })
  async set(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<NotificationSettings> {
    const input = parseInput(NotificationSettingsDto, body);
    await this.db.query(`UPDATE users SET email_notifications = $2, updated_at = now() WHERE id = $1`, [user.id, input.emailNotifications]);
    return { emailNotifications: input.emailNotifications };
  }
}
