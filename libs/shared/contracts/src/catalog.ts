export interface CategoryView {
  code: string;
  name: string;
  description: string;
  group?: string;
  icon: string;
  /** Public name of the department in charge by default. */
  department: string;
}

export interface AreaProperties {
  code: string;
  name: string;
}
