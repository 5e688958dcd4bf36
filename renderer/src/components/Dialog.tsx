import { useEffect, useRef, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** A modal's frame; the body and the footer's buttons are the caller's. */
export interface DialogProps {
  title: string;
  /** Short line under the title (e.g. the host it concerns). */
  subtitle?: ReactNode;
  icon?: IconName;
  tone?: 'default' | 'warning' | 'danger';
  /** Escape and the close button call this; a dialog that must be answered still gets one. */
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
  labelledBy?: string;
}

/**
 * A modal on the native <dialog> element: the browser supplies the focus trap, the inert
 * background and Escape, which keeps this free of a focus-management library and works the
 * same in Electron and in Playwright's Chromium.
 */
export function Dialog({ title, subtitle, icon, tone = 'default', onClose, children, footer, width = 480 }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (!dialog.open) dialog.showModal();
    // React renders autoFocus as a .focus() call, which showModal() then overrides; so the
    // initial focus is chosen here: the element marked data-autofocus, else the dialog itself
    // (never the close button, where Enter would dismiss a question unread).
    const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
    if (preferred) preferred.focus();
    else dialog.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${tone}`} style={{ width }} aria-label={title} tabIndex={-1}>
      <header className="dialog-header">
        {icon && (
          <span className={`dialog-icon dialog-icon-${tone}`}>
            <Icon name={icon} size={18} />
          </span>
        )}
        <div className="dialog-titles">
          <h2 className="dialog-title">{title}</h2>
          {subtitle && <div className="dialog-subtitle">{subtitle}</div>}
        </div>
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => closeRef.current()} aria-label="Close">
          <Icon name="x" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      <footer className="dialog-footer">{footer}</footer>
    </dialog>
  );
}
