import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** While the action runs: confirm is disabled. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** `<testId>`, `<testId>-confirm`, `<testId>-cancel`. */
  testId: string;
}

/**
 * A modal confirmation, open while mounted. The browser's modal <dialog> keeps keyboard focus inside it and
 * closes on Escape; focus starts on Cancel (the safe choice) and goes back where it was when the dialog closes.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, busy = false, onConfirm, onCancel, testId }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: let the owner unmount the dialog rather than the browser closing it behind React's back.
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button ref={cancelRef} type="button" className="secondary" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {cancelLabel}
        </button>
        <button type="button" className="danger strong" onClick={onConfirm} disabled={busy} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
