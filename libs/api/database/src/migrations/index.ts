import { Foundation1795000000000 } from './1795000000000-Foundation';
import { Accounts1795100000000 } from './1795100000000-Accounts';
import { PublicMap1795200000000 } from './1795200000000-PublicMap';
import { Open3111795300000000 } from './1795300000000-Open311';
import { Cases1795400000000 } from './1795400000000-Cases';
import { Proposals1795500000000 } from './1795500000000-Proposals';
import { Outbox1795600000000 } from './1795600000000-Outbox';
import { ReportConfirmation1795700000000 } from './1795700000000-ReportConfirmation';
import { Alerts1795800000000 } from './1795800000000-Alerts';
import { DepartmentDispatch1795900000000 } from './1795900000000-DepartmentDispatch';
import { NotificationPreferences1796100000000 } from './1796100000000-NotificationPreferences';
import { CityTimeZone1796180000000 } from './1796180000000-CityTimeZone';
import { ScheduledJobs1796190000000 } from './1796190000000-ScheduledJobs';
import { PublicStatistics1796250000000 } from './1796250000000-PublicStatistics';
import { DataProtection1796321391405 } from './1796321391405-DataProtection';
import { StatisticsRollups1796321398380 } from './1796321398380-StatisticsRollups';
import { Open311Attributes1796321472534 } from './1796321472534-Open311Attributes';
import { ReportReferences1796321475986 } from './1796321475986-ReportReferences';
import { ContentScreening1796321540174 } from './1796321540174-ContentScreening';
import { AbuseLimits1796321561156 } from './1796321561156-AbuseLimits';
import { ReportMapCells1796321651229 } from './1796321651229-ReportMapCells';
import { PhotoKeyLookup1796321776654 } from './1796321776654-PhotoKeyLookup';
import { CaseChangeCursor1796323099638 } from './1796323099638-CaseChangeCursor';
import { SavedInboxViews1796328024650 } from './1796328024650-SavedInboxViews';
import { PhotoProcessingQueue1797192040568 } from './1797192040568-PhotoProcessingQueue';
import { FiveLanguageData1797418265031 } from './1797418265031-FiveLanguageData';
import { ProposalScreening1797418356021 } from './1797418356021-ProposalScreening';
import { ReporterLocales1797461830527 } from './1797461830527-ReporterLocales';
import { ReportFilingStatement1797468213577 } from './1797468213577-ReportFilingStatement';
import { SignupConfirmation1797662918437 } from './1797662918437-SignupConfirmation';
import { PendingConfirmationsByAddress1798034417265 } from './1798034417265-PendingConfirmationsByAddress';
import { BusinessDueInPlpgsql1798051893420 } from './1798051893420-BusinessDueInPlpgsql';
import { ViewportCells1798093320000 } from './1798093320000-ViewportCells';
import { ReportMapTotals1798117250000 } from './1798117250000-ReportMapTotals';
import { ReportPublicFragments1798140000000 } from './1798140000000-ReportPublicFragments';
import { ContactRetentionIndex1798160000000 } from './1798160000000-ContactRetentionIndex';

/** Every migration, in order. Listed explicitly so the bundle and the tests run the same set. */
export const MIGRATIONS = [
  Foundation1795000000000,
  Accounts1795100000000,
  PublicMap1795200000000,
  Open3111795300000000,
  Cases1795400000000,
  Proposals1795500000000,
  Outbox1795600000000,
  ReportConfirmation1795700000000,
  Alerts1795800000000,
  DepartmentDispatch1795900000000,
  NotificationPreferences1796100000000,
  CityTimeZone1796180000000,
  ScheduledJobs1796190000000,
  PublicStatistics1796250000000,
  DataProtection1796321391405,
  StatisticsRollups1796321398380,
  Open311Attributes1796321472534,
  ReportReferences1796321475986,
  ContentScreening1796321540174,
  AbuseLimits1796321561156,
  ReportMapCells1796321651229,
  PhotoKeyLookup1796321776654,
  CaseChangeCursor1796323099638,
  SavedInboxViews1796328024650,
  PhotoProcessingQueue1797192040568,
  FiveLanguageData1797418265031,
  ProposalScreening1797418356021,
  ReporterLocales1797461830527,
  ReportFilingStatement1797468213577,
  SignupConfirmation1797662918437,
  PendingConfirmationsByAddress1798034417265,
  BusinessDueInPlpgsql1798051893420,
  ViewportCells1798093320000,
  ReportMapTotals1798117250000,
  ReportPublicFragments1798140000000,
  ContactRetentionIndex1798160000000,
];
export { BUSINESS_DUE_SQL } from './1798051893420-BusinessDueInPlpgsql';
