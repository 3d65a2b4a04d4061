// Accessible building blocks shared by the map and the console. Presentational only: texts come
// in already translated, so this library knows nothing about i18n or the API.
import './ui.css';

export { Button } from './Button';
export type { ButtonProps, ButtonVariant } from './Button';
export { CheckboxField } from './CheckboxField';
export type { CheckboxFieldProps } from './CheckboxField';
export { CheckboxGroup } from './CheckboxGroup';
export type { CheckboxGroupProps } from './CheckboxGroup';
export { DataTable } from './DataTable';
export type { Column, DataTableProps } from './DataTable';
export { Dialog } from './Dialog';
export type { DialogProps } from './Dialog';
export { ErrorSummary, focusControl } from './ErrorSummary';
export type { ErrorSummaryItem, ErrorSummaryProps } from './ErrorSummary';
export { describedBy, errorId, hintId } from './field-wiring';
export type { FieldBaseProps } from './field-wiring';
export { FileField } from './FileField';
export type { FileFieldProps } from './FileField';
export { SelectField } from './SelectField';
export type { SelectFieldProps, SelectOption } from './SelectField';
export { AlertMessage, StatusMessage } from './StatusMessage';
export { TextAreaField } from './TextAreaField';
export type { TextAreaFieldProps } from './TextAreaField';
export { TextField } from './TextField';
export type { TextFieldProps } from './TextField';
export { CategoryIcon } from './CategoryIcon';
export type { CategoryIconProps } from './CategoryIcon';
export { CATEGORY_ICON_PATHS, FALLBACK_ICON_PATH, categoryIconPath, categoryIconSvg } from './category-icons';
export { removeMap } from './remove-map';
