// Response bodies of /api/v1/stats/… (docs/statistics.md): the API builds them, the map's /stats pages read them.

export interface StatsPeriodView {
  /** First local day counted (YYYY-MM-DD, the first day of the earliest month). */
  from: string;
  /** Last local day counted (today in the city). */
  to: string;
  months: number;
}

export interface Count {
  count: number;
}
export interface StatusCount extends Count {
  status: string;
}
export interface NamedCount extends Count {
  /** null: reports outside every area, or without a department. */
  code: string | null;
  name: string | null;
}
export interface PeriodCounts {
  /** 'YYYY-MM' for months; the Monday 'YYYY-MM-DD' for ISO weeks. */
  period: string;
  total: number;
  byStatus: Record<string, number>;
}
export interface MonthCounts extends PeriodCounts {
  /** Reports by department code (`none` for none). Only in report series. */
  byDepartment?: Record<string, number>;
}

export interface ReportCountsView {
  total: number;
  byStatus: StatusCount[];
  byCategory: NamedCount[];
  byArea: NamedCount[];
  byDepartment: NamedCount[];
  byMonth: MonthCounts[];
  byWeek: PeriodCounts[];
}

export interface ProposalCountsView {
  total: number;
  byStatus: StatusCount[];
  byTheme: NamedCount[];
  byArea: NamedCount[];
  byMonth: PeriodCounts[];
}

/** Business days, in the console's calendar (weekends and the city's holidays excluded). */
export interface DaysFigure {
  /** Reports measured. */
  count: number;
  median: number | null;
  p90: number | null;
}

export interface ResponseFigures {
  firstResponse: DaysFigure;
  fix: DaysFigure;
  withinTarget: {
    /** inTime / counted, 0–1 with 3 decimals; null when nothing is counted. */
    share: number | null;
    /** Answered by the end of the due date of their category's target. */
    inTime: number;
    /** Answered, plus unanswered already past due. */
    counted: number;
  };
}

export interface TrendPoint extends ResponseFigures {
  month: string;
}

export interface GroupFigures extends ResponseFigures {
  code: string | null;
  name: string | null;
}

export interface CategoryFigures extends GroupFigures {
  targetDays: number | null;
}

export interface CityStatsView {
  period: StatsPeriodView;
  reports: ReportCountsView;
  proposals: ProposalCountsView;
  responseTimes: ResponseFigures;
  byDepartment: GroupFigures[];
  trend: TrendPoint[];
}

export interface AreaStatsView extends CityStatsView {
  area: { code: string; name: string };
}

export interface DepartmentStatsView {
  department: { code: string; name: string };
  period: StatsPeriodView;
  reports: ReportCountsView;
  responseTimes: ResponseFigures;
  byCategory: CategoryFigures[];
  trend: TrendPoint[];
}

/** GET /stats/reports/{ref}: the figures a report page links to. */
export interface ReportDepartmentStatsView {
  /** null when the report has no department yet. */
  department: { code: string; name: string } | null;
  /** The department's first-response figures over the default 12 months. */
  firstResponse: DaysFigure | null;
}

/** GET /stats/service: the response target of every category, for the "status of the service" page. */
export interface ServiceTargetsView {
  categories: Array<{
    code: string;
    name: string;
    /** Business days to a first public response (the console's target). */
    targetDays: number;
    department: { code: string; name: string } | null;
  }>;
}
