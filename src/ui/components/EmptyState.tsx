import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What a panel shows when it has nothing real to show, and why. */
export function EmptyState({
  icon,
  title,
  children,
  tone = 'muted',
}: {
  icon: IconName;
  title: string;
  children?: ReactNode;
  tone?: 'muted' | 'pending' | 'error';
}) {
  return (
    <div className={`empty-state empty-${tone}`} role="status">
      <div className="empty-icon">
        <Icon name={icon} size={22} />
      </div>
      <div className="empty-title">{title}</div>
      {children !== undefined && <div className="empty-text">{children}</div>}
    </div>
  );
}
