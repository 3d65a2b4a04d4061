import { categoryIconPath } from './category-icons';

export interface CategoryIconProps {
  /** The category's `icon` field; unknown names get a neutral mark. */
  icon: string | null | undefined;
  size?: number;
  className?: string;
}

/** Decorative: the category's name is always written next to it. */
export function CategoryIcon({ icon, size = 24, className }: CategoryIconProps) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={categoryIconPath(icon)} />
    </svg>
  );
}
