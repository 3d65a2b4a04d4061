export * from './mailer';
export * from './mail.repository';
export * from './kept-mailer';
export * from './mail.module';
